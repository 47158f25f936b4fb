"""The Redis doorbell against the real server."""

import asyncio
from uuid import uuid4

import pytest
from redis.asyncio import Redis

from application.errors import StorageError
from infrastructure.queue.redis_doorbell import RedisDoorbell
from tests.conftest import redis_prefix

pytestmark = [pytest.mark.redis, pytest.mark.req("RDS-001", "RDS-030"), pytest.mark.req("RDS-058")]


async def test_a_ring_wakes_one_waiter(redis_client: Redis, request: pytest.FixtureRequest) -> None:
    doorbell = RedisDoorbell(redis_client, key=redis_prefix(request) + "doorbell")
    waiter = asyncio.create_task(doorbell.wait(2.0))
    await asyncio.sleep(0.05)
    await doorbell.ring(uuid4())
    assert await waiter is True
    assert await doorbell.wait(0.05) is False


async def test_rings_made_while_no_worker_waits_are_kept(redis_client: Redis, request: pytest.FixtureRequest) -> None:
    doorbell = RedisDoorbell(redis_client, key=redis_prefix(request) + "doorbell")
    assert await doorbell.wait(0.01) is False  # joins the group
    for _ in range(3):
        await doorbell.ring(uuid4())
    assert [await doorbell.wait(0.2) for _ in range(4)] == [True, True, True, False]


async def test_each_ring_reaches_one_of_many_workers(redis_client: Redis, request: pytest.FixtureRequest) -> None:
    key = redis_prefix(request) + "doorbell"
    workers = [RedisDoorbell(redis_client, key=key) for _ in range(3)]
    for worker in workers:
        await worker.wait(0.01)
    for _ in range(6):
        await workers[0].ring(uuid4())
    woken = await asyncio.gather(*(w.wait(0.3) for w in workers for _ in range(3)))
    assert sum(woken) == 6


async def test_rings_of_one_moment_go_out_together_and_drain_sends_them(
    redis_client: Redis, request: pytest.FixtureRequest
) -> None:
    key = redis_prefix(request) + "doorbell"
    doorbell = RedisDoorbell(redis_client, key=key)
    for _ in range(50):
        await doorbell.ring(uuid4())
    assert await redis_client.exists(key) == 0  # queued, not yet sent: one pipeline takes them all
    await doorbell.drain()
    assert await redis_client.xlen(key) == 50
    await doorbell.drain()  # nothing queued: returns at once


async def test_a_deleted_stream_is_recreated(redis_client: Redis, request: pytest.FixtureRequest) -> None:
    key = redis_prefix(request) + "doorbell"
    doorbell = RedisDoorbell(redis_client, key=key)
    await doorbell.wait(0.01)
    await redis_client.delete(key)  # as after a Redis restart without persistence
    assert await doorbell.wait(0.01) is False
    await doorbell.ring(uuid4())
    assert await doorbell.wait(0.2) is True


async def test_an_unreachable_redis_never_breaks_a_ring_but_fails_a_wait() -> None:
    dead = Redis.from_url("redis://127.0.0.1:1/0", socket_connect_timeout=0.2)
    doorbell = RedisDoorbell(dead, key="unused")
    await doorbell.ring(uuid4())
    await doorbell.drain()  # the ring is lost, quietly
    with pytest.raises(StorageError):
        await doorbell.wait(0.1)
    await dead.aclose()
