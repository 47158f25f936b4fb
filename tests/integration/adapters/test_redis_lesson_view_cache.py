"""RedisLessonViewCache against the real Redis: versions never go backwards, reads fall back when it is down."""

from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import pytest
from redis.asyncio import Redis

from application.errors import StorageError
from application.ports.lesson_view_cache import CachedLessonView, ViewForToken
from infrastructure.cache.redis_lesson_view_cache import RedisLessonViewCache
from infrastructure.security.redis_token_deny_list import RedisTokenDenyList
from infrastructure.system.system_clock import SystemClock
from tests.conftest import redis_prefix

pytestmark = pytest.mark.req("RDS-070")

JTI = "a-token-never-revoked"


def a_view(lesson_id: UUID, version: int, final: bool = False, body: bytes = b"{}") -> CachedLessonView:
    return CachedLessonView(lesson_id=lesson_id, version=version, owner_id=UUID(int=1), requested_by=UUID(int=2),
                            final=final, body=body)


def cache_on(redis: Redis, request: object) -> RedisLessonViewCache:
    return RedisLessonViewCache(redis, redis_prefix(request).rstrip(":"))  # type: ignore[arg-type]


async def test_a_view_is_read_back_with_its_owner_ids(redis_client: Redis, request: object) -> None:
    cache, lesson_id = cache_on(redis_client, request), uuid4()
    assert (await cache.get_for_token(lesson_id, JTI)).view is None
    await cache.put(a_view(lesson_id, 3, body=b'{"status":"running"}'))
    cached = (await cache.get_for_token(lesson_id, JTI)).view
    assert cached is not None and cached.body == b'{"status":"running"}' and cached.version == 3
    assert (cached.owner_id, cached.requested_by) == (UUID(int=1), UUID(int=2))


async def test_an_announced_version_drops_older_views_and_refuses_late_ones(redis_client: Redis,
                                                                            request: object) -> None:
    cache, lesson_id = cache_on(redis_client, request), uuid4()
    await cache.put(a_view(lesson_id, 3, body=b"v3"))
    await cache.announce({lesson_id: 4})  # a writer is about to commit version 4
    assert (await cache.get_for_token(lesson_id, JTI)).view is None
    await cache.put(a_view(lesson_id, 3, body=b"v3 read before the commit"))  # a slow reader: refused
    assert (await cache.get_for_token(lesson_id, JTI)).view is None
    await cache.put(a_view(lesson_id, 4, body=b"v4"))
    await cache.put(a_view(lesson_id, 3, body=b"v3 again"))  # never backwards, even without a stamp race
    cached = (await cache.get_for_token(lesson_id, JTI)).view
    assert cached is not None and cached.body == b"v4"


async def test_final_views_live_long_and_live_ones_briefly(redis_client: Redis, request: object) -> None:
    cache = cache_on(redis_client, request)
    final_id, live_id = uuid4(), uuid4()
    await cache.put(a_view(final_id, 9, final=True))
    await cache.put(a_view(live_id, 2, final=False))
    prefix = redis_prefix(request).rstrip(":")  # type: ignore[arg-type]
    final_ttl = await redis_client.pttl(f"{prefix}:lesson-view:{{{final_id}}}")
    live_ttl = await redis_client.pttl(f"{prefix}:lesson-view:{{{live_id}}}")
    assert 3_000_000 < final_ttl <= 3_600_000 and 0 < live_ttl <= 5_000


@pytest.mark.req("RDS-050")
async def test_a_token_lookup_reads_the_deny_list_and_the_view_together(redis_client: Redis,
                                                                         request: object) -> None:
    cache, lesson_id = cache_on(redis_client, request), uuid4()
    await cache.put(a_view(lesson_id, 1, body=b"v1"))
    found = await cache.get_for_token(lesson_id, "jti-1")
    assert not found.revoked and found.view is not None and found.view.body == b"v1"
    prefix = redis_prefix(request).rstrip(":")  # type: ignore[arg-type]
    deny_list = RedisTokenDenyList(redis_client, prefix, SystemClock())
    await deny_list.revoke("jti-1", datetime.now(UTC) + timedelta(minutes=1))
    assert (await cache.get_for_token(lesson_id, "jti-1")) == ViewForToken(view=None, revoked=True)
    assert not (await cache.get_for_token(uuid4(), "jti-2")).revoked


async def test_an_unreachable_redis_drops_writes_and_refuses_reads() -> None:
    down = Redis.from_url("redis://127.0.0.1:1/0", socket_connect_timeout=0.5)
    cache, lesson_id = RedisLessonViewCache(down, "nowhere"), uuid4()
    await cache.put(a_view(lesson_id, 1))
    await cache.announce({lesson_id: 2})
    with pytest.raises(StorageError):  # a token cannot be vouched for: refused, never waved through
        await cache.get_for_token(lesson_id, "jti")
    await down.aclose()
