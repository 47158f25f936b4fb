"""Drills on the vertex + gcs profile shared by the fault suite and benchmarks/vertex_outage.py."""

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from tests.e2e.api_client import TERMINAL
from tests.fakes.cloud_profile import CloudService
from tests.hang_guard import HANG_GUARD_S, poll_until


async def request_all(cloud: CloudService, count: int, modalities: list[str]) -> list[str]:
    """Ask for `count` distinct lessons as the student; their ids."""
    ids = []
    for n in range(count):
        body = {"student_query": f"How do plants make food? ({n})", "grade_level": 4,
                "requested_modalities": modalities}
        response = await cloud.service.student.request_lesson(body)
        assert response.status_code == 202, response.text
        ids.append(response.json()["id"])
    return ids


async def wait_all(cloud: CloudService, ids: list[str], timeout_s: float = HANG_GUARD_S) -> list[dict[str, Any]]:
    """Every lesson's final document (one poller at a time, so polling does not load the service); `timeout_s`
    is a hang guard for the whole wait."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    return [await cloud.service.student.wait_until_terminal(i, max(1.0, deadline - loop.time())) for i in ids]


@dataclass(frozen=True)
class OutageReport:
    """How lessons fared through an outage of the Vertex AI fake."""

    outage_s: float
    lessons: list[dict[str, Any]]
    took_s: float
    refused_requests: int
    ended_during_outage: int

    @property
    def writes(self) -> list[dict[str, Any]]:
        """Each lesson's write-stage record."""
        return [next(s for s in lesson["stages"] if s["name"] == "write") for lesson in self.lessons]

    def summary(self) -> str:
        """One line of figures."""
        completed = sum(1 for lesson in self.lessons if lesson["status"] == "completed")
        return (f"VERTEX: {self.outage_s:.1f} s outage: {completed}/{len(self.lessons)} completed "
                f"{self.took_s:.1f} s after the first request ({self.ended_during_outage} ended during the outage); "
                f"requests refused during the outage {self.refused_requests}; breaker opens "
                f"{sum(w['breaker_opens'] for w in self.writes)}; "
                f"write runs per lesson max {max(w['attempts'] for w in self.writes)}")


async def outage_drill(cloud: CloudService, hold: Callable[[], Awaitable[object]], lessons: int = 12) -> OutageReport:
    """Take Vertex AI down, ask for text lessons at once, end the outage when `hold()` returns (after some time
    for the benchmark, after some refused requests for the test), wait for every lesson to end."""
    cloud.vertex.outage(float("inf"))
    loop = asyncio.get_running_loop()
    started = loop.time()
    ids = await request_all(cloud, lessons, ["text"])
    await hold()
    ended = sum([(await cloud.service.student.get_lesson(i)).json()["status"] in TERMINAL for i in ids])
    cloud.vertex.end_outage()
    outage_s = loop.time() - started
    documents = await wait_all(cloud, ids)
    return OutageReport(outage_s, documents, loop.time() - started, cloud.vertex.answered()["503"], ended)


async def refused(cloud: CloudService, model: str, at_least: int) -> None:
    """Return once the fake has refused `at_least` requests for `model` (polled, hang-guarded)."""

    async def enough() -> bool | None:
        return sum(call.answered == "503" for call in cloud.vertex.calls_to(model)) >= at_least or None

    await poll_until(enough, f"{at_least} {model} requests refused during the outage")
