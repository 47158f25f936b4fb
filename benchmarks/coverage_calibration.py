"""Calibrate the coverage threshold on one half of a labelled question set and measure it on the other.

Run: .venv/bin/python -m benchmarks.coverage_calibration [--corpus-db DB]

benchmarks/data/coverage_questions.json labels real school questions as covered by the shipped units or not,
split into `calibrate` and `measure` halves on different topics. For each question the best coverage score (similarity
plus the share of its terms the unit teaches) among the units the coverage policy would allow (at most one band
away) is computed with the real embedder and index; the
threshold that best separates the calibrate half (balanced accuracy, ties to the higher threshold) is chosen, and
both halves are reported at it: covered questions kept, uncovered questions caught.
"""

import argparse
import asyncio
import json
import tempfile
from pathlib import Path
from typing import Any

from tests.corpus_support import build_corpus_database, prime_from, shared_embedder

from domain.coverage import CoveragePolicy
from domain.grade_level import GradeLevel
from infrastructure.persistence import SqlaUnitOfWorkFactory, create_engine
from infrastructure.retrieval.corpus_cache import CorpusCache
from infrastructure.retrieval.numpy_passage_index import NumpyPassageIndex

DATA = Path(__file__).resolve().parent / "data" / "coverage_questions.json"
ANY_COVERAGE = CoveragePolicy(min_coverage=-1.0)


def rates(scored: list[tuple[dict[str, Any], float]], threshold: float) -> tuple[float, float]:
    """(covered kept, uncovered caught) at `threshold`."""
    covered = [s for q, s in scored if q["covered"]]
    uncovered = [s for q, s in scored if not q["covered"]]
    kept = sum(1 for s in covered if s >= threshold) / max(1, len(covered))
    caught = sum(1 for s in uncovered if s < threshold) / max(1, len(uncovered))
    return kept, caught


def best_threshold(scored: list[tuple[dict[str, Any], float]]) -> float:
    """The threshold with the best balanced accuracy on `scored` (the higher one on a tie)."""
    candidates = sorted({round(s, 3) for _, s in scored} | {round(s + 0.001, 3) for _, s in scored})
    return max(candidates, key=lambda t: (sum(rates(scored, t)) / 2, t))


async def _scores(database: Path, questions: list[dict[str, Any]]) -> list[tuple[dict[str, Any], float]]:
    memo = shared_embedder()
    await prime_from(database, memo)
    engine = create_engine(f"sqlite+aiosqlite:///{database}")
    try:
        index = NumpyPassageIndex(CorpusCache(SqlaUnitOfWorkFactory(engine), memo.dimension, memo.model_name), memo)
        scored = []
        for question in questions:
            band = GradeLevel(question["grade"]).band
            found = ANY_COVERAGE.teachable(await index.search(question["question"], band, None, 10), band)
            scored.append((question, max((p.coverage for p in found), default=0.0)))
        return scored
    finally:
        await engine.dispose()


async def main_async(corpus_db: Path | None) -> None:
    """Score every question, choose the threshold on the calibrate half, report both halves."""
    questions = json.loads(DATA.read_text(encoding="utf-8"))
    questions = questions["questions"] if isinstance(questions, dict) else questions
    with tempfile.TemporaryDirectory() as folder:
        scored = await _scores(corpus_db or await build_corpus_database(Path(folder)), questions)
    calibrate = [(q, s) for q, s in scored if q["split"] == "calibrate"]
    measure = [(q, s) for q, s in scored if q["split"] == "measure"]
    threshold = best_threshold(calibrate)
    print(f"coverage threshold chosen on the calibrate half ({len(calibrate)} questions): {threshold:.3f}")
    for label, half in (("calibrate", calibrate), ("measure", measure)):
        kept, caught = rates(half, threshold)
        print(f"{label:<10} covered kept {kept:.1%}  uncovered caught {caught:.1%}  (n={len(half)})")
    for question, score in sorted(measure, key=lambda pair: pair[1]):
        wrong = (score >= threshold) != question["covered"]
        if wrong:
            print(f"  measure miss: covered={question['covered']} coverage={score:.3f} {question['question']!r}")


def main() -> None:
    """Parse arguments and run."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus-db", type=Path, default=None, help="a SQLite database with the corpus ingested")
    asyncio.run(main_async(parser.parse_args().corpus_db))


if __name__ == "__main__":
    main()
