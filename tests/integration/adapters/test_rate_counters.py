"""Both RateCounter adapters keep the same contract; the Redis one stays exact under concurrent hits."""

import asyncio
from datetime import timedelta

import pytest
from redis.asyncio import BlockingConnectionPool, Redis

from application.ports.rate_counter import RateCounter, WindowCount
from infrastructure.limits.in_process_rate_counter import InProcessRateCounter
from infrastructure.limits.redis_rate_counter import RedisRateCounter
from infrastructure.security.redis_token_deny_list import RedisTokenDenyList
from tests.conftest import REDIS_URL, redis_prefix
from tests.unit.fakes import FakeClock


@pytest.fixture(params=["in-process", pytest.param("redis", marks=pytest.mark.redis)])
def counter(request: pytest.FixtureRequest) -> RateCounter:
    if request.param == "in-process":
        return InProcessRateCounter(FakeClock())
    client: Redis = request.getfixturevalue("redis_client")
    return RedisRateCounter(client, redis_prefix(request).rstrip(":"))


@pytest.mark.req("RDS-024", "RDS-051")
async def test_hits_count_within_a_window_and_report_when_it_ends(counter: RateCounter) -> None:
    first = await counter.hit("k", 60)
    second = await counter.hit("k", 60)
    other = await counter.hit("other", 60)
    assert (first.count, second.count, other.count) == (1, 2, 1)
    assert 1 <= second.resets_in_s <= 60


@pytest.mark.req("RDS-051")
async def test_undo_never_goes_below_zero_and_reset_forgets(counter: RateCounter) -> None:
    await counter.hit("k", 60)
    await counter.undo("k")
    await counter.undo("k")
    await counter.undo("missing")
    assert (await counter.hit("k", 60)).count == 1
    await counter.reset("k")
    assert (await counter.hit("k", 60)).count == 1


@pytest.mark.req("RDS-024")
async def test_a_new_window_starts_after_the_last_one_ends() -> None:
    clock = FakeClock()
    counter = InProcessRateCounter(clock, max_keys=3)
    await counter.hit("k", 60)
    clock.advance(59)
    assert await counter.hit("k", 60) == WindowCount(count=2, resets_in_s=1)
    clock.advance(1)
    assert (await counter.hit("k", 60)).count == 1
    for name in ("a", "b", "c", "d"):
        await counter.hit(name, 60)
    assert len(counter._windows) <= 3


@pytest.mark.req("RDS-024")
@pytest.mark.redis
async def test_concurrent_redis_hits_are_counted_exactly_once_each(redis_client: Redis,
                                                                   request: pytest.FixtureRequest) -> None:
    prefix = redis_prefix(request).rstrip(":")
    clients = [Redis.from_pool(BlockingConnectionPool.from_url(REDIS_URL, max_connections=16, timeout=10))
               for _ in range(4)]  # as if four API processes
    counters = [RedisRateCounter(client, prefix) for client in clients]
    tallies = await asyncio.gather(*(counters[n % 4].hit("burst", 2) for n in range(1000)))
    for client in clients:
        await client.aclose()
    assert sorted(t.count for t in tallies) == list(range(1, 1001))
    assert 0 < await redis_client.pttl(f"{prefix}:rate:burst") <= 2_000
    await asyncio.sleep(2.1)
    assert (await counters[0].hit("burst", 2)).count == 1


@pytest.mark.req("RDS-050")
@pytest.mark.redis
async def test_the_redis_deny_list_expires_with_the_token(redis_client: Redis, request: pytest.FixtureRequest) -> None:
    clock = FakeClock()
    prefix = redis_prefix(request).rstrip(":")
    deny_list = RedisTokenDenyList(redis_client, prefix, clock)
    await deny_list.revoke("jti-1", clock.now() + timedelta(seconds=1))
    assert await deny_list.is_revoked("jti-1") and not await deny_list.is_revoked("jti-2")
    assert 0 < await redis_client.pttl(f"{prefix}:revoked:jti-1") <= 1_000
    await asyncio.sleep(1.1)
    assert not await deny_list.is_revoked("jti-1")
