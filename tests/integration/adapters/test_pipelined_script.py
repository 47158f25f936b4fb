"""PipelinedScript against the real server: concurrent calls share round trips, each gets its own answer."""

import asyncio

import pytest
from redis.asyncio import Redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError

from infrastructure.redis_calls.pipelined_script import PipelinedScript
from tests.conftest import REDIS_URL, redis_prefix

pytestmark = [pytest.mark.redis, pytest.mark.req("RDS-024")]

# INCR KEYS[1]; ARGV[1] == 'fail' answers an error for that call only.
_COUNT = """
if ARGV[1] == 'fail' then return redis.error_reply('refused on purpose') end
return {redis.call('INCR', KEYS[1]), ARGV[1]}
"""


async def test_concurrent_calls_share_one_connection_and_each_gets_its_answer(
    redis_client: Redis, request: pytest.FixtureRequest,
) -> None:
    name = redis_prefix(request).replace(":", "-").strip("-")[:60]
    client = Redis.from_url(REDIS_URL, client_name=name)
    try:
        script = PipelinedScript(client, _COUNT)
        key = redis_prefix(request) + "n"
        answers = await asyncio.gather(*(script(key, args=(str(i),)) for i in range(300)))
        assert sorted(int(count) for count, _ in answers) == list(range(1, 301))
        assert [tag.decode() for _, tag in answers] == [str(i) for i in range(300)]
        clients = await redis_client.client_list()
        assert len([c for c in clients if c.get("name") == name]) == 1  # one pipeline, not 300 connections
    finally:
        await client.aclose()


async def test_one_failing_call_fails_alone(redis_client: Redis, request: pytest.FixtureRequest) -> None:
    script = PipelinedScript(redis_client, _COUNT)
    key = redis_prefix(request) + "n"
    answers = await asyncio.gather(script(key, args=("a",)), script(key, args=("fail",)), script(key, args=("b",)),
                                   return_exceptions=True)
    assert isinstance(answers[1], ResponseError) and "refused on purpose" in str(answers[1])
    assert [answers[0][1], answers[2][1]] == [b"a", b"b"]  # type: ignore[index]
    assert int(await redis_client.get(key) or 0) == 2


async def test_a_server_that_lost_its_scripts_runs_each_call_once(
    redis_client: Redis, request: pytest.FixtureRequest,
) -> None:
    script = PipelinedScript(redis_client, _COUNT)
    key = redis_prefix(request) + "n"
    await script(key, args=("warm",))
    await redis_client.script_flush()  # as after a restart: NOSCRIPT for the next calls
    answers = await asyncio.gather(*(script(key, args=(str(i),)) for i in range(20)))
    assert sorted(int(count) for count, _ in answers) == list(range(2, 22))
    assert int(await redis_client.get(key) or 0) == 21


async def test_an_unreachable_server_fails_every_caller() -> None:
    dead = Redis.from_url("redis://127.0.0.1:1/0", socket_connect_timeout=0.2)
    script = PipelinedScript(dead, _COUNT)
    answers = await asyncio.gather(*(script("k", args=("x",)) for _ in range(3)), return_exceptions=True)
    assert all(isinstance(answer, (RedisConnectionError, OSError)) for answer in answers)
    await dead.aclose()
