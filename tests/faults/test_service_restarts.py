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
from tests.faults.drill import Drill, Load, api_side
from tests.faults.http_load import Answer, HttpLoad
from tests.hang_guard import poll_until

pytestmark = pytest.mark.faults
BEFORE = 10  # lessons accepted before Redis is killed
REFUSED = 20  # POSTs the outage must overlap (sent and answered while Redis is down)
CLI_LESSONS = 5  # lessons requested without a token during the outage
AFTER = 10  # lessons accepted once Redis is back


class SilentDoorbell(JobDoorbell):
    """The API process died after its commit and before its ring: no ring ever arrives."""

    async def ring(self, lesson_id: UUID) -> None:
        return None

    async def wait(self, timeout_s: float) -> bool:
        await asyncio.sleep(timeout_s)
        return False


@pytest.mark.req("RDS-058", "RDS-061", "RDS-062")
async def test_a_redis_restart_mid_load_loses_nothing(drill: Drill) -> None:
    """POSTs over HTTP run on while Redis is killed and restarted: the outage is held until it has overlapped
    REFUSED requests, and each of those answers a clean 503 (the deny-list cannot be asked); requests that need
    nothing from Redis (the CLI's) are accepted meanwhile, their rings lost. Every accepted lesson completes."""
    for _ in range(3):
        drill.start_worker(2)
    load = await api_side(drill)
    token, unseen_token = await _token(load), await _token(load)
    app = create_app(build_container(drill.settings()), run_workers=False)
    async with LifespanManager(app), AsyncClient(transport=ASGITransport(app=app),
                                                 base_url="http://testserver") as client:
        http = HttpLoad(client, token)
        http.start()
        await http.wait_for("lessons accepted before the outage", _accepted, BEFORE)
        drill.redis.stop()
        http.outage_begins()
        await http.wait_for("POSTs sent and answered during the outage", _in_outage, REFUSED)
        full_route = await http.post(unseen_token)  # a token not verified before: the Litestar route, no shortcut
        await load.post(CLI_LESSONS)  # no token, no rate limit: nothing to ask Redis; committed, rings lost
        http.outage_ends()
        drill.redis.start()
        await http.wait_for("lessons accepted after the restart", _accepted, _accepted(http.answers) + AFTER)
        await http.finish()
    counts = await load.drain()
    drill.stop_workers()
    await stop_services(load.container)
    in_outage = [a for a in http.answers if a.in_outage]
    print(f"\nFAULTS: redis restarted mid-load: answers {dict(http.statuses())}, {len(in_outage)} of them "
          f"within the outage; {CLI_LESSONS} CLI lessons committed during it; lessons {counts}")
    assert set(http.statuses()) <= {202, 503}, http.statuses()
    assert len(in_outage) >= REFUSED
    assert all(a.status == 503 and a.error == "service_unavailable" and a.retry_after for a in in_outage), in_outage
    assert full_route.status == 503 and full_route.error == "service_unavailable"
    assert counts == {"completed": http.statuses()[202] + CLI_LESSONS}


@pytest.mark.req("RDS-058", "RDS-062")
async def test_lessons_committed_without_a_ring_are_picked_up(drill: Drill) -> None:
    drill.start_worker(2)
    load = await api_side(drill, doorbell_override=SilentDoorbell())
    started = asyncio.get_running_loop().time()
    await load.post(10)
    counts = await load.drain()
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
    await load.drain()
    headers = {"Authorization": f"Bearer {await _token(load)}"}
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
        recovered = await _until_ok(client, listing, headers)
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


async def _token(load: Load) -> str:
    """A new access token of the load's student (each call another `jti`)."""
    async with load.container.gateways.uow()() as uow:
        user = await uow.users.get(load.actor.user_id)
    assert user is not None
    issued = await load.container.use_cases.issue_token().execute(IssueTokenCommand(username=str(user.username),
                                                                                    password=None))
    return issued.access_token


def _accepted(answers: list[Answer]) -> int:
    return sum(1 for a in answers if a.status == 202)


def _in_outage(answers: list[Answer]) -> int:
    return sum(1 for a in answers if a.in_outage)


async def _until_ok(client: AsyncClient, path: str, headers: dict[str, str]) -> float:
    """Seconds until `path` answers 200 (reported, not asserted: the wait is only hang-guarded)."""
    loop = asyncio.get_running_loop()
    started = loop.time()

    async def ok() -> float | None:
        return loop.time() - started if (await client.get(path, headers=headers)).status_code == 200 else None

    return await poll_until(ok, f"GET {path} answering 200 once the database is back", interval_s=0.2)
