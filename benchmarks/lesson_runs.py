"""Running benchmark requests through the API one at a time, and printing shares and percentiles."""

import asyncio
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from litestar.testing import AsyncTestClient

POLL_SECONDS = 0.02  # the client polls in the same process as the worker: polling faster steals its CPU
TERMINAL = {"completed", "failed", "rejected", "cancelled", "not_covered"}


@dataclass(frozen=True, slots=True)
class Run:
    """One request, the lesson view it ended with, and its pipeline time (sum of stage durations)."""

    request: dict[str, Any]
    lesson: dict[str, Any]
    pipeline_ms: float


def share(part: int, whole: int) -> str:
    """`part/whole (pp.p %)`."""
    return f"{part}/{whole} ({100 * part / whole:.1f} %)" if whole else "0/0"


def percentiles(samples: Sequence[float]) -> str:
    """p50, p95 and max in milliseconds."""
    if not samples:
        return "no samples"
    cuts = statistics.quantiles(samples, n=100) if len(samples) > 1 else [samples[0]] * 99
    return f"p50 {cuts[49]:.0f} ms  p95 {cuts[94]:.0f} ms  max {max(samples):.0f} ms  (n={len(samples)})"


async def run_all(client: AsyncTestClient[Any], headers: dict[str, str], requests: list[dict[str, Any]],
                  text_field: str) -> list[Run]:
    """Each request POSTed as a text lesson and polled to its end, one at a time."""
    runs = []
    for request in requests:
        body: dict[str, Any] = {"student_query": request[text_field], "grade_level": request.get("grade", 6),
                                "requested_modalities": ["text"]}
        if request.get("interest"):
            body["interest"] = request["interest"]
        posted = await client.post("/api/v1/lessons", json=body, headers=headers)
        if posted.status_code != 202:
            runs.append(Run(request, {"status": f"http {posted.status_code}", "lesson": None}, 0.0))
            continue
        url = posted.json()["status_url"]
        while True:
            lesson = (await client.get(url, headers=headers)).json()
            if lesson["status"] in TERMINAL:
                break
            await asyncio.sleep(POLL_SECONDS)
        runs.append(Run(request, lesson, float(sum(s["duration_ms"] or 0 for s in lesson["stages"]))))
    return runs
