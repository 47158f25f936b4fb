"""The production profile: PostgreSQL + Redis doorbell, API and workers built as separate containers."""

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from redis.asyncio import Redis

from infrastructure.config.settings import AppSettings, DatabaseSettings, LimitSettings, QueueSettings
from tests.conftest import REDIS_URL, redis_prefix
from tests.e2e.conftest import Service, embedded_settings, start_service, worker_process
from tests.postgres_support import empty_tables, fresh_corpus_database

pytestmark = [pytest.mark.postgres, pytest.mark.redis]


@pytest.fixture(scope="module")
def postgres_url(corpus_database: Path) -> Iterator[str]:
    """A fresh PostgreSQL database holding the shipped corpus."""
    with fresh_corpus_database(corpus_database) as url:
        yield url


def _production_settings(tmp_path: Path, postgres_url: str, request: pytest.FixtureRequest,
                         limits: LimitSettings) -> AppSettings:
    base = embedded_settings(tmp_path)
    return AppSettings(
        home=base.home, database=DatabaseSettings(database_url=postgres_url),
        queue=QueueSettings(redis_url=REDIS_URL, redis_prefix=redis_prefix(request).rstrip(":"),
                            embedded_workers=False, reconcile_seconds=0.5),
        artifacts=base.artifacts, auth=base.auth, providers=base.providers, limits=limits,
    )


@pytest.fixture
async def production(tmp_path: Path, postgres_url: str, redis_client: Redis,
                     request: pytest.FixtureRequest) -> AsyncIterator[Service]:
    settings = _production_settings(tmp_path, postgres_url, request,
                                    LimitSettings(rate_limit_per_minute=0, daily_lesson_quota=0))
    await empty_tables(postgres_url)
    async for service in start_service(settings):
        async with worker_process(settings):
            yield service


@pytest.mark.req("RDS-030", "RDS-031", "RDS-058")
async def test_api_and_worker_processes_share_postgres_and_redis(production: Service) -> None:
    ready = (await production.anonymous.get("/health/ready")).json()
    assert ready == {"status": "ready", "checks": {"database": "up", "queue": "up", "storage": "up"}}
    lesson_ids = [(await production.student.request_lesson()).json()["id"] for _ in range(4)]
    for lesson_id in lesson_ids:
        lesson = await production.student.wait_until_terminal(lesson_id)
        assert lesson["status"] == "completed", lesson
        assert lesson["lesson"]["sections"] and lesson["artifacts"][0]["name"] == "lesson.md"
    assert (await production.other_student.get_lesson(lesson_ids[0])).status_code == 404


@pytest.mark.req("RDS-022")
async def test_fifty_concurrent_posts_with_one_idempotency_key_make_one_lesson(production: Service) -> None:

    responses = await asyncio.gather(*(production.student.request_lesson(**{"Idempotency-Key": "same-key"})
                                       for _ in range(50)))
    assert {r.status_code for r in responses} == {202}
    assert len({r.json()["id"] for r in responses}) == 1
    listed = (await production.student.list_lessons(limit=100)).json()["items"]
    assert len(listed) == 1


@pytest.mark.req("RDS-024")
async def test_the_daily_quota_holds_on_the_asyncpg_path_and_replays_still_answer(
    tmp_path: Path, postgres_url: str, redis_client: Redis, request: pytest.FixtureRequest
) -> None:
    await empty_tables(postgres_url)
    settings = _production_settings(tmp_path, postgres_url, request,
                                    LimitSettings(rate_limit_per_minute=0, daily_lesson_quota=2))
    async for service in start_service(settings):
        first = await service.student.request_lesson(**{"Idempotency-Key": "once"})
        assert (await service.student.request_lesson()).status_code == 202
        refused = await service.student.request_lesson()
        assert refused.status_code == 429 and refused.json()["error"] == "daily_quota"
        assert "retry-after" in refused.headers
        replay = await service.student.request_lesson(**{"Idempotency-Key": "once"})
        assert replay.status_code == 202 and replay.json()["id"] == first.json()["id"]
        assert (await service.other_student.request_lesson()).status_code == 202  # the quota is per user
        assert len((await service.student.list_lessons(limit=100)).json()["items"]) == 2
