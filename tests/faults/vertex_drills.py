"""Drills on the vertex + gcs profile shared by the fault suite and benchmarks/vertex_outage.py."""

import asyncio
from dataclasses import dataclass
from typing import Any

from tests.fakes.cloud_profile import CloudService


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


async def wait_all(cloud: CloudService, ids: list[str], timeout_s: float) -> list[dict[str, Any]]:
    """Every lesson's final document (one poller at a time, so polling does not load the service)."""
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

    @property
    def writes(self) -> list[dict[str, Any]]:
        """Each lesson's write-stage record."""
        return [next(s for s in lesson["stages"] if s["name"] == "write") for lesson in self.lessons]

    def summary(self) -> str:
        """One line of figures."""
        completed = sum(1 for lesson in self.lessons if lesson["status"] == "completed")
        return (f"VERTEX: {self.outage_s:.0f} s outage: {completed}/{len(self.lessons)} completed "
                f"{self.took_s:.1f} s after the first request; requests refused during the outage "
                f"{self.refused_requests}; breaker opens {sum(w['breaker_opens'] for w in self.writes)}; "
                f"write runs per lesson max {max(w['attempts'] for w in self.writes)}")


async def outage_drill(cloud: CloudService, outage_s: float, lessons: int = 12) -> OutageReport:
    """Take Vertex AI down for `outage_s`, ask for text lessons at once, wait for every one to end."""
    cloud.vertex.outage(outage_s)
    loop = asyncio.get_running_loop()
    started = loop.time()
    documents = await wait_all(cloud, await request_all(cloud, lessons, ["text"]), timeout_s=outage_s + 60)
    return OutageReport(outage_s, documents, loop.time() - started, cloud.vertex.answered()["503"])
