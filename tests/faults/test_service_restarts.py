"""Redis and PostgreSQL restarts, and an API that died between its commit and its doorbell."""

import asyncio
from typing import Any
from uuid import UUID

import pytest
from asgi_lifespan import LifespanManager
from httpx import ASGITransport, AsyncClient

from application.ports.job_doorbell import JobDoorbell
from application.use_cases.issue_token import IssueTokenCommand
from infrastructure.container.application import build_container
from presentation.http.app import create_app
from presentation.runtime import stop_services
from tests.faults.drill import LEASE_S, Drill, api_side

pytestmark = [pytest.mark.faults, pytest.mark.timeout(240)]


class SilentDoorbell(JobDoorbell):
    """The API process died after its commit and before its ring: no ring ever arrives."""

    async def ring(self, lesson_id: UUID) -> None:
        return None

    async def wait(self, timeout_s: float) -> bool:
        await asyncio.sleep(timeout_s)
        return False


@pytest.mark.req("RDS-058", "RDS-061", "RDS-062")
async def test_a_redis_restart_mid_load_loses_nothing(drill: Drill) -> None:
    for _ in range(3):
        drill.start_worker(2)
    load = await api_side(drill)
    posting = asyncio.create_task(load.post(60))
    await asyncio.sleep(1.0)
    drill.redis.stop()
    await asyncio.sleep(1.0)
    drill.redis.start()
    await posting
    counts = await load.drain(timeout_s=90)
    print(f"\nFAULTS: redis restarted mid-load: {counts}")
    drill.stop_workers()
    await stop_services(load.container)
    assert counts == {"completed": 60}


@pytest.mark.req("RDS-058", "RDS-062")
async def test_lessons_committed_without_a_ring_are_picked_up(drill: Drill) -> None:
    drill.start_worker(2)
    load = await api_side(drill, doorbell_override=SilentDoorbell())
    started = asyncio.get_running_loop().time()
    await load.post(10)
    counts = await load.drain(timeout_s=60)
    elapsed = asyncio.get_running_loop().time() - started
    print(f"\nFAULTS: 10 lessons committed without a doorbell ring: {counts} in {elapsed:.1f}s")
    drill.stop_workers()
    await stop_services(load.container)
    assert counts == {"completed": 10}


@pytest.mark.req("RDS-061")
async def test_a_postgres_restart_gives_clean_503s_then_recovers(drill: Drill) -> None:
    drill.start_worker(2)
    load = await api_side(drill)
    await load.post(1)
    await load.drain(timeout_s=30)
    token = (await load.container.use_cases.issue_token().execute(
        IssueTokenCommand(username=(await _username(load)), password=None))).access_token
    headers = {"Authorization": f"Bearer {token}"}
    container = build_container(drill.settings())
    app = create_app(container, run_workers=False)
    async with LifespanManager(app), AsyncClient(transport=ASGITransport(app=app),
                                                 base_url="http://testserver") as client:
        cached, listing = f"/api/v1/lessons/{load.lesson_ids[0]}", "/api/v1/lessons"
        assert (await client.get(cached, headers=headers)).status_code == 200  # its view is now in Redis
        drill.postgres.stop()
        outage = [await client.get(listing, headers=headers),
                  await client.post("/api/v1/lessons", headers=headers, json=_body()),
                  await client.get("/health/ready")]
        served_from_cache = await client.get(cached, headers=headers)
        drill.postgres.start()
        recovered = await _until_ok(client, listing, headers, timeout_s=LEASE_S * 5)
    drill.stop_workers()
    await stop_services(load.container)
    statuses = [r.status_code for r in outage]
    print(f"\nFAULTS: postgres restarted: answers during the outage {statuses}, recovered in {recovered:.2f}s")
    assert statuses == [503, 503, 503]
    assert outage[0].json()["error"] == "service_unavailable" and outage[0].headers["retry-after"]
    assert outage[2].json()["checks"]["database"] == "down"
    assert served_from_cache.status_code == 200 and served_from_cache.json()["status"] == "completed"


def _body() -> dict[str, Any]:
    return {"student_query": "What is a noun?", "grade_level": 2, "requested_modalities": ["text"]}


async def _username(load: Any) -> str:
    async with load.container.gateways.uow()() as uow:
        user = await uow.users.get(load.actor.user_id)
    assert user is not None
    return str(user.username)


async def _until_ok(client: AsyncClient, path: str, headers: dict[str, str], timeout_s: float) -> float:
    loop = asyncio.get_running_loop()
    started = loop.time()
    while loop.time() - started < timeout_s:
        if (await client.get(path, headers=headers)).status_code == 200:
            return loop.time() - started
        await asyncio.sleep(0.2)
    raise AssertionError(f"the API did not recover within {timeout_s}s of the database coming back")
