"""The caches of the production profile: lesson views in Redis and verified tokens, across processes."""

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from asgi_lifespan import LifespanManager
from httpx import ASGITransport, AsyncClient
from redis.asyncio import Redis
from sqlalchemy import event

from infrastructure.config.settings import AppSettings, DatabaseSettings, LimitSettings, QueueSettings
from presentation.http.app import create_app
from tests.conftest import REDIS_URL, redis_prefix
from tests.e2e.api_client import ApiClient
from tests.e2e.conftest import Service, embedded_settings, session_container, start_service, worker_process
from tests.postgres_support import empty_tables, fresh_corpus_database

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.req("RDS-070")]


@pytest.fixture(scope="module")
def postgres_url(corpus_database: Path) -> Iterator[str]:
    with fresh_corpus_database(corpus_database) as url:
        yield url


@pytest.fixture
def settings(tmp_path: Path, postgres_url: str, redis_client: Redis, request: pytest.FixtureRequest) -> AppSettings:
    base = embedded_settings(tmp_path)
    return AppSettings(
        home=base.home, database=DatabaseSettings(database_url=postgres_url),
        queue=QueueSettings(redis_url=REDIS_URL, redis_prefix=redis_prefix(request).rstrip(":"),
                            embedded_workers=False, reconcile_seconds=0.5),
        artifacts=base.artifacts, auth=base.auth, providers=base.providers,
        limits=LimitSettings(rate_limit_per_minute=0, daily_lesson_quota=0),
    )


@pytest.fixture
async def api(settings: AppSettings, postgres_url: str) -> AsyncIterator[Service]:
    """One API process and no worker: lessons stay queued until a test starts one."""
    await empty_tables(postgres_url)
    async for service in start_service(settings):
        yield service


def count_statements(service: Service) -> list[str]:
    statements: list[str] = []
    engine = service.container.gateways.engine()
    event.listen(engine.sync_engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    return statements


@pytest.mark.req("RDS-072", "RDS-020")
async def test_a_cached_read_skips_the_database_but_not_the_visibility_rules(api: Service) -> None:
    lesson_id = (await api.student.request_lesson()).json()["id"]
    first = await api.student.get_lesson(lesson_id)
    statements = count_statements(api)
    again = await api.student.get_lesson(lesson_id)
    assert again.status_code == 200 and again.json() == first.json() and again.json()["status"] == "queued"
    assert statements == []  # served from Redis: no transaction, no query
    assert again.headers["content-type"] == first.headers["content-type"] and again.headers["x-trace-id"]
    unknown = await api.student.get(f"/api/v1/lessons/{lesson_id}?verbose=1")  # not a shortcut: the full route
    assert unknown.status_code == 400 and unknown.json()["error"] == "validation_error"
    assert (await api.other_student.get_lesson(lesson_id)).status_code == 404
    assert statements == []  # another student is refused from the cached owner ids alone
    assert (await api.teacher.get_lesson(lesson_id)).json()["id"] == lesson_id  # her class: the database says so
    assert (await api.admin.get_lesson(lesson_id)).status_code == 200


async def test_a_cancel_is_visible_at_once_to_cached_readers(api: Service) -> None:
    lesson_id = (await api.student.request_lesson()).json()["id"]
    assert (await api.student.get_lesson(lesson_id)).json()["status"] == "queued"  # now cached
    assert (await api.student.post(f"/api/v1/lessons/{lesson_id}/cancel")).json()["status"] == "cancelled"
    assert (await api.student.get_lesson(lesson_id)).json()["status"] == "cancelled"


async def test_worker_transitions_reach_cached_readers_in_another_process(api: Service,
                                                                          settings: AppSettings) -> None:
    lesson_id = (await api.student.request_lesson()).json()["id"]
    seen = [(await api.student.get_lesson(lesson_id)).json()["status"]]
    async with worker_process(settings, concurrency=1):
        final: dict[str, Any] = await api.student.wait_until_terminal(lesson_id)
    assert seen == ["queued"] and final["status"] == "completed" and final["progress"] == 100
    statements = count_statements(api)
    assert (await api.student.get_lesson(lesson_id)).json() == final
    assert statements == []


@pytest.mark.req("RDS-050")
async def test_a_logout_in_one_process_refuses_the_token_at_once_in_another(api: Service,
                                                                            settings: AppSettings) -> None:
    other_process = create_app(session_container(settings))
    async with LifespanManager(other_process), AsyncClient(transport=ASGITransport(app=other_process),
                                                           base_url="http://testserver") as client:
        elsewhere = ApiClient(client, api.student.token)
        lesson_id = (await elsewhere.request_lesson()).json()["id"]
        assert (await elsewhere.list_lessons()).status_code == 200
        assert (await elsewhere.get_lesson(lesson_id)).status_code == 200
        assert (await elsewhere.get_lesson(lesson_id)).status_code == 200  # token and view both cached now
        assert (await api.student.post("/api/v1/auth/logout")).status_code == 204
        assert (await elsewhere.list_lessons()).status_code == 401
        refused = await elsewhere.get_lesson(lesson_id)  # the route that checks the deny-list itself
        assert refused.status_code == 401 and refused.json()["error"] == "unauthorized"
        posted = await elsewhere.request_lesson()  # checked in the rate limiter's Redis call
        assert posted.status_code == 401 and posted.json()["error"] == "unauthorized"
