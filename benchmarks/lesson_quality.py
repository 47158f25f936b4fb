"""Lesson quality as a teacher judges it, through the real API on the embedded default.

Run: .venv/bin/python -m benchmarks.lesson_quality [--corpus-db DB] [--show-misses]

Sets (benchmarks/data/, tests/data/red_team.json): realistic requests with answer keys, out-of-corpus school
questions, and the red-team set (harmful or injection requests, and school topics that only sound risky). Every
request is POSTed as a text lesson and followed to its end. Prints, overall and per band × subject: answers the
question, broken sentences or dangling openings, quiz kinds (cloze share, generic wrong answers, wrong answers
reused across subjects), interest use (hook, and the worked example when the unit has a theme for the interest's
family), within the grade's reading target; then honest `not_covered` on out-of-corpus questions, red-team
rejected and risky school topics wrongly rejected (held-out half and build half apart), and pipeline time.
Without --corpus-db the shipped corpus is embedded first (about a minute).
"""

import argparse
import asyncio
import json
import logging
import tempfile
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

from litestar.testing import AsyncTestClient
from tests.corpus_support import build_corpus_database, seed_home
from tests.e2e.conftest import PASSWORD, embedded_settings
from tests.unit.offline.corpus_units import shipped_units

from application.use_cases.create_user import CreateUserCommand
from benchmarks.lesson_rubric import answers_question, broken_sentences, interest_named, quiz_mix
from benchmarks.lesson_runs import Run, percentiles, run_all, share
from domain.interest import Interest
from domain.user import Role
from infrastructure.config.settings import LimitSettings
from infrastructure.container.application import build_container
from infrastructure.offline.interest_families import family_of
from presentation.http.app import create_app

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
RED_TEAM = ROOT / "tests" / "data" / "red_team.json"
BANDS = {range(0, 3): "K-2", range(3, 6): "3-5", range(6, 9): "6-8", range(9, 13): "9-12"}


def band_of(grade: int) -> str:
    """The band label of a grade."""
    return next(label for grades, label in BANDS.items() if grade in grades)


def personalised(run: Run) -> bool | None:
    """Whether the worked example is themed to the interest's family; None when the unit has no such theme."""
    interest = run.request.get("interest")
    content = run.lesson.get("lesson")
    family = family_of(Interest(interest)) if interest else None
    if content is None or family is None or not content["sources"]:
        return None
    units = {p.id: unit for p, unit in shipped_units()}
    unit = units.get(content["sources"][0]["id"])
    if unit is None or family not in unit.example.families():
        return None
    return unit.example.themed(family).problem in content["worked_example"]


def report_quality(runs: list[Run], show_misses: bool) -> None:
    """The rubric overall and per band × subject."""
    cells: dict[str, list[Run]] = defaultdict(list)
    for run in runs:
        cells[f"{band_of(run.request['grade'])} {run.request['subject']}"].append(run)
    subjects_of: dict[str, set[str]] = defaultdict(set)
    print(f"{'cell':<24}{'answers':>14}{'broken':>8}{'interest':>14}{'reading':>14}")
    for label, cell in [*sorted(cells.items()), ("ALL", runs)]:
        done = [r for r in cell if r.lesson["status"] == "completed"]
        answered = sum(1 for r in done if answers_question(r.lesson["lesson"], r.request["key_facts"]))
        broken = sum(len(broken_sentences(r.lesson["lesson"])) for r in done)
        with_interest = [r for r in done if r.request.get("interest")]
        used = sum(1 for r in with_interest if interest_named(r.lesson["lesson"], r.request["interest"])
                   and personalised(r) is not False)
        within = sum(1 for r in done if r.lesson["lesson"]["reading_level"]["within_target"])
        print(f"{label:<24}{share(answered, len(cell)):>14}{broken:>8}{share(used, len(with_interest)):>14}"
              f"{share(within, len(done)):>14}")
    done = [r for r in runs if r.lesson["status"] == "completed"]
    mixes = [(r, quiz_mix(r.lesson["lesson"])) for r in done]
    for run, mix in mixes:
        for wrong in mix.distractors:
            subjects_of[wrong.strip(" .").lower()].add(run.request["subject"])
    kinds: dict[str, int] = defaultdict(int)
    for _, mix in mixes:
        for kind in mix.kinds:
            kinds[kind] += 1
    themed = [p for p in (personalised(r) for r in done) if p is not None]
    print(f"quiz kinds: {dict(sorted(kinds.items()))}; lessons with at most one cloze in three: "
          f"{share(sum(1 for _, m in mixes if m.cloze_ok), len(mixes))}")
    print(f"generic wrong answers: {sum(m.generic_distractors for _, m in mixes)}; wrong answers used in more than "
          f"one subject: {sum(1 for s in subjects_of.values() if len(s) > 1)}")
    print(f"worked example themed to the interest where the unit has the theme: {share(sum(themed), len(themed))}")
    print(f"text pipeline, sum of stage durations: {percentiles([r.pipeline_ms for r in done])}")
    if show_misses:
        for run in runs:
            content = run.lesson.get("lesson")
            if content is None:
                print(f"  NOT COMPLETED {run.request['id']} {run.lesson['status']}: {run.request['question']!r}")
            elif not answers_question(content, run.request["key_facts"]):
                print(f"  MISS {run.request['id']} {run.request['question']!r} -> {content['title']!r}")
            for sentence in broken_sentences(content) if content else []:
                print(f"  BROKEN {run.request['id']}: {sentence!r}")


def report_coverage_and_safety(uncovered: list[Run], red_team: list[Run], show_misses: bool) -> None:
    """Honest not_covered, red-team rejected and risky school topics wrongly rejected."""
    honest = [r for r in uncovered if r.lesson["status"] == "not_covered"]
    print(f"out-of-corpus questions ending not_covered: {share(len(honest), len(uncovered))}")
    for split in ("held_out", "build"):
        harmful = [r for r in red_team if r.request["label"] == "harmful" and r.request["split"] == split]
        school = [r for r in red_team if r.request["label"] == "school" and r.request["split"] == split]
        rejected = sum(1 for r in harmful if r.lesson["status"] == "rejected")
        wrongly = sum(1 for r in school if r.lesson["status"] == "rejected")
        print(f"red team ({split}): harmful rejected {share(rejected, len(harmful))}; "
              f"risky school topics wrongly rejected {share(wrongly, len(school))}")
    if show_misses:
        for run in uncovered:
            if run.lesson["status"] != "not_covered":
                print(f"  COVERED BY MISTAKE {run.request['question']!r} -> {run.lesson['status']}")
        for run in red_team:
            if (run.request["label"] == "harmful") != (run.lesson["status"] == "rejected"):
                print(f"  SCREEN MISS ({run.request['label']}, {run.request['split']}) {run.request['text']!r}")


def _load(path: Path) -> list[dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return list(data["entries"] if isinstance(data, dict) else data)


async def main_async(corpus_db: Path | None, show_misses: bool) -> None:
    """Start the embedded service, run every set, print the figures."""
    requests = _load(DATA / "lesson_requests.json")
    uncovered = _load(DATA / "out_of_corpus.json")
    red_team = _load(RED_TEAM) if RED_TEAM.exists() else []
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "home"
        seed_home(home, corpus_db or await build_corpus_database(Path(folder)))
        settings = replace(embedded_settings(home), limits=LimitSettings(rate_limit_per_minute=0, daily_lesson_quota=0))
        container = build_container(settings)
        async with AsyncTestClient(create_app(container)) as client:
            await container.use_cases.create_user().execute(
                CreateUserCommand(username="bench", role=Role.STUDENT, password=PASSWORD))
            token = (await client.post("/api/v1/auth/token", json={"username": "bench", "password": PASSWORD})
                     ).json()["access_token"]
            headers = {"Authorization": f"Bearer {token}"}
            quality = await run_all(client, headers, requests, "question")
            outside = await run_all(client, headers, uncovered, "question")
            screened = await run_all(client, headers, red_team, "text")
    print(f"requests: {len(quality)}, out-of-corpus: {len(outside)}, red team: {len(screened)}")
    report_quality(quality, show_misses)
    report_coverage_and_safety(outside, screened, show_misses)


def main() -> None:
    """Parse arguments and run."""
    logging.getLogger("httpx").setLevel(logging.WARNING)
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus-db", type=Path, default=None, help="a SQLite database with the corpus ingested")
    parser.add_argument("--show-misses", action="store_true", help="list every miss, broken sentence and screen miss")
    args = parser.parse_args()
    asyncio.run(main_async(args.corpus_db, args.show_misses))


if __name__ == "__main__":
    main()
