"""POST /api/v1/lessons and GET /api/v1/lessons/{id} latency in-process, plus text-lesson pipeline time.

Run: .venv/bin/python -m benchmarks.request_latency [--requests 200]
Prints p50/p95/p99 in milliseconds. In-process (Litestar's test client, no network), embedded profile, with the
per-user limits off (one user sends every request).
"""

import argparse
import asyncio
import dataclasses
import statistics
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from litestar.testing import AsyncTestClient
from tests.e2e.conftest import PASSWORD, embedded_settings

from application.use_cases.create_user import CreateUserCommand
from domain.user import Role
from infrastructure.config.settings import LimitSettings
from infrastructure.container.application import build_container
from presentation.http.app import create_app

BODY = {"student_query": "How do plants make food?", "grade_level": 4, "interest": "soccer",
        "requested_modalities": ["text"]}


def _percentiles(samples: list[float]) -> str:
    cuts = statistics.quantiles(samples, n=100)
    return f"p50 {cuts[49]:.2f} ms  p95 {cuts[94]:.2f} ms  p99 {cuts[98]:.2f} ms  (n={len(samples)})"


async def _run(requests: int) -> None:
    with tempfile.TemporaryDirectory() as home:
        unlimited = LimitSettings(rate_limit_per_minute=0, daily_lesson_quota=0, daily_budget_usd=Decimal(0))
        container = build_container(dataclasses.replace(embedded_settings(Path(home)), limits=unlimited))
        async with AsyncTestClient(create_app(container)) as client:
            await container.use_cases.create_user().execute(
                CreateUserCommand(username="bench", role=Role.STUDENT, password=PASSWORD))
            token = (await client.post("/api/v1/auth/token", json={"username": "bench", "password": PASSWORD})
                     ).json()["access_token"]
            headers = {"Authorization": f"Bearer {token}"}
            posts, gets, ids = [], [], []
            for _ in range(requests):
                started = time.perf_counter()
                response = await client.post("/api/v1/lessons", json=BODY, headers=headers)
                posts.append((time.perf_counter() - started) * 1000)
                ids.append(response.json()["id"])
            for lesson_id in ids:
                started = time.perf_counter()
                await client.get(f"/api/v1/lessons/{lesson_id}", headers=headers)
                gets.append((time.perf_counter() - started) * 1000)
            while True:
                last = (await client.get(f"/api/v1/lessons/{ids[-1]}", headers=headers)).json()
                if last["status"] in ("completed", "failed", "rejected"):
                    break
                await asyncio.sleep(0.05)
            pipeline = [sum(s["duration_ms"] or 0 for s in (await client.get(
                f"/api/v1/lessons/{i}", headers=headers)).json()["stages"]) for i in ids[-50:]]
    print(f"POST /api/v1/lessons      {_percentiles(posts)}")
    print(f"GET  /api/v1/lessons/{{id}} {_percentiles(gets)}")
    print(f"text pipeline (sum of stage durations) {_percentiles([float(x) for x in pipeline])}")


def main() -> None:
    """Parse arguments and run."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=200)
    asyncio.run(_run(parser.parse_args().requests))


if __name__ == "__main__":
    main()
