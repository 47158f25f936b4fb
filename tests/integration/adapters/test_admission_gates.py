"""Both AdmissionGate adapters keep one contract; the Redis one reads the deny-list's keys and counts in the
rate counter's, exactly, under concurrent admissions."""

import asyncio
from datetime import timedelta

import pytest
from redis.asyncio import Redis

from application.errors import StorageError
from application.ports.admission_gate import Admission, AdmissionGate
from application.ports.rate_counter import RateCounter
from application.ports.token_deny_list import TokenDenyList
from infrastructure.limits.in_process_rate_counter import InProcessRateCounter
from infrastructure.limits.local_admission_gate import LocalAdmissionGate
from infrastructure.limits.redis_admission_gate import RedisAdmissionGate
from infrastructure.limits.redis_rate_counter import RedisRateCounter
from infrastructure.security.redis_token_deny_list import RedisTokenDenyList
from tests.conftest import REDIS_URL, redis_prefix
from tests.faults.servers import free_port
from tests.unit.fakes import FakeClock, FakeDenyList

pytestmark = pytest.mark.req("RDS-024", "RDS-050")


@pytest.fixture(params=["local", pytest.param("redis", marks=pytest.mark.redis)])
def parts(request: pytest.FixtureRequest) -> tuple[AdmissionGate, TokenDenyList, RateCounter]:
    clock = FakeClock()
    if request.param == "local":
        deny_list, counter = FakeDenyList(), InProcessRateCounter(clock)
        return LocalAdmissionGate(deny_list, counter), deny_list, counter
    client: Redis = request.getfixturevalue("redis_client")
    prefix = redis_prefix(request).rstrip(":")
    return (RedisAdmissionGate(client, prefix), RedisTokenDenyList(client, prefix, clock),
            RedisRateCounter(client, prefix))


async def test_a_revoked_token_counts_nothing_and_a_live_one_counts_once(
    parts: tuple[AdmissionGate, TokenDenyList, RateCounter],
) -> None:
    gate, deny_list, counter = parts
    await deny_list.revoke("old", FakeClock().now() + timedelta(minutes=5))
    assert (await gate.admit("old", "k", 60)).revoked
    first, second = await gate.admit("live", "k", 60), await gate.admit(None, "k", 60)
    assert not first.revoked and not second.revoked
    assert first.window is not None and second.window is not None
    assert (first.window.count, second.window.count) == (1, 2) and 1 <= second.window.resets_in_s <= 60
    assert (await counter.hit("k", 60)).count == 3  # the gate counts in the rate counter's own window


async def test_without_a_rate_key_only_the_token_is_checked(
    parts: tuple[AdmissionGate, TokenDenyList, RateCounter],
) -> None:
    gate, deny_list, counter = parts
    await deny_list.revoke("old", FakeClock().now() + timedelta(minutes=5))
    assert (await gate.admit("old", None, 60)).revoked
    unchecked = await gate.admit("live", None, 60)
    assert not unchecked.revoked and unchecked.window is None
    assert (await counter.hit("k", 60)).count == 1


@pytest.mark.redis
async def test_concurrent_admissions_across_clients_count_exactly(
    redis_client: Redis, request: pytest.FixtureRequest,
) -> None:
    """Four clients stand for four API processes: the script's INCR leaves no gap and no double."""
    prefix = redis_prefix(request).rstrip(":")
    clients = [Redis.from_url(REDIS_URL) for _ in range(4)]
    try:
        gates = [RedisAdmissionGate(client, prefix) for client in clients]
        admissions = await asyncio.gather(*(gates[i % 4].admit(f"t{i}", "burst", 2) for i in range(400)))
        counts = sorted(a.window.count for a in admissions if a.window is not None)
        assert counts == list(range(1, 401))
        assert 0 < await redis_client.pttl(f"{prefix}:rate:burst") <= 2_000
    finally:
        for client in clients:
            await client.aclose()



async def test_with_nothing_to_check_the_redis_gate_admits_without_redis() -> None:
    """No token and no rate key (the CLI's requests with the per-minute limit off) ask Redis nothing, as the
    local gate asks its deny-list and counter nothing: a Redis outage cannot refuse them. A request with
    something to check still needs Redis, and its failure is a StorageError (503 over HTTP)."""
    client = Redis.from_url(f"redis://127.0.0.1:{free_port()}/0", socket_connect_timeout=2)
    try:
        gate = RedisAdmissionGate(client, "nowhere")
        assert await gate.admit(None, None, 60) == Admission(revoked=False)
        with pytest.raises(StorageError):
            await gate.admit("live", None, 60)
        with pytest.raises(StorageError):
            await gate.admit(None, "k", 60)
    finally:
        await client.aclose()
