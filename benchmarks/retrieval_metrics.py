"""Retrieval quality on the labelled query set: recall@k, MRR and latency for any search function.

Shared by the retrieval tests (which assert on it) and the retrieval benchmark (which prints it). A
passage counts as relevant when its document id is one of the query's `relevant` ids.
"""

import json
import statistics
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from domain.chunking import document_id_of

EVAL_SET = Path(__file__).resolve().parents[1] / "tests" / "data" / "retrieval_eval.json"



@dataclass(frozen=True, slots=True)
class EvalQuery:
    """A labelled question: the grade it is asked at, the relevant document ids, whether it paraphrases."""

    query: str
    grade_level: int
    relevant: frozenset[str]
    paraphrase: bool


@dataclass(frozen=True, slots=True)
class Report:
    """Mean recall@k, mean reciprocal rank (first relevant in the top k) and per-query latency."""

    recall: float
    mrr: float
    latencies_ms: tuple[float, ...]
    misses: tuple[str, ...]

    @property
    def p50_ms(self) -> float:
        """Median latency."""
        return statistics.median(self.latencies_ms)

    @property
    def p95_ms(self) -> float:
        """95th percentile latency."""
        return statistics.quantiles(self.latencies_ms, n=100)[94] if len(self.latencies_ms) > 1 else self.p50_ms

    def line(self, name: str) -> str:
        """One printable line."""
        return (f"{name:<28} recall@5 {self.recall:.3f}  MRR {self.mrr:.3f}  "
                f"p50 {self.p50_ms:6.2f} ms  p95 {self.p95_ms:6.2f} ms  (n={len(self.latencies_ms)})")


def load_eval_set(path: Path = EVAL_SET) -> tuple[EvalQuery, ...]:
    """The labelled queries."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple(EvalQuery(q["query"], int(q["grade_level"]), frozenset(q["relevant"]), bool(q.get("paraphrase")))
                 for q in data["queries"])


async def evaluate(search: Callable[[EvalQuery, int], Awaitable[Sequence[str]]], queries: Sequence[EvalQuery],
                   k: int = 5) -> Report:
    """Run every query through `search` (which returns passage ids, best first) and score the answers."""
    recalls, reciprocal, latencies, misses = [], [], [], []
    for item in queries:
        started = time.perf_counter()
        found = [document_id_of(pid) for pid in await search(item, k)][:k]
        latencies.append((time.perf_counter() - started) * 1000)
        recalls.append(len(item.relevant & set(found)) / len(item.relevant))
        rank = next((n for n, doc in enumerate(found, start=1) if doc in item.relevant), None)
        reciprocal.append(1 / rank if rank else 0.0)
        if rank is None:
            misses.append(item.query)
    return Report(recall=statistics.fmean(recalls), mrr=statistics.fmean(reciprocal),
                  latencies_ms=tuple(latencies), misses=tuple(misses))
