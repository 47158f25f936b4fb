"""Limits: 16 KiB bodies, bounded query parameters, per-user rate / daily quota / daily budget, login throttling."""

import dataclasses
from collections.abc import AsyncIterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from redis.asyncio import Redis

from domain.cost_ledger import CostLedger
from infrastructure.config.settings import QueueSettings
from infrastructure.pricing.list_price_estimator import ListPriceEstimator
from infrastructure.pricing.price_table import PriceTable
from tests.conftest import REDIS_URL, redis_prefix
from tests.e2e.conftest import PASSWORD
from tests.e2e.security.conftest import LESSON_BODY, UNLIMITED, World, security_settings, start_world
from tests.e2e.security.figures import report
from tests.e2e.security.route_table import operations
from tests.unit.factories import a_spec

LIMIT = 16 * 1024


async def _world(tmp_path: Path, **limits: Any) -> AsyncIterator[World]:
    settings = security_settings(tmp_path, UNLIMITED.model_copy(update=limits))
    async for world in start_world(settings):
        yield world


@pytest.mark.req("RDS-023", "RDS-055")
async def test_every_lesson_and_class_route_with_a_body_refuses_more_than_16_kib(world: World) -> None:
    routes = [op for op in operations(world.app) if op.has_body and op.path.startswith(("/api/v1/lessons",
                                                                                         "/api/v1/classes"))]
    assert {"createLesson", "createClass", "addClassMember"} <= {op.operation_id for op in routes}
    accepted = 0
    for op in routes:
        path = op.url({"lesson_id": await world.new_lesson("alice"), "class_id": str(world.classes["tess"])})
        user = "tess" if "classes" in op.path else "alice"
        response = await world.client.request(op.method, path, content=b'{"pad": "' + b"x" * LIMIT + b'"}',
                                              headers={**world.headers(user), "Content-Type": "application/json"})
        pad = [b'{"pad": "', *([b"x" * 1024] * (LIMIT // 1024 + 1)), b'"}']
        chunked, _ = await world.raw(op.method, path, user, pad)
        accepted += (response.status_code != 413) + (chunked != 413)
        assert response.status_code == chunked == 413 and response.json()["error"] == "payload_too_large", op.path
    report(f"body limit: {len(routes)} routes with a body x 2 ways (Content-Length, chunked) over 16 KiB, "
           f"accepted = {accepted}")


def _bounded(schema: dict[str, Any]) -> bool:
    """A length, a maximum, an enumeration, a UUID or a date bounds a parameter (null is bounded too)."""
    if {"maxLength", "maximum", "enum", "$ref"} & set(schema) or schema.get("format") in ("uuid", "date"):
        return True
    if schema.get("type") == "null":
        return True
    return bool(schema.get("oneOf")) and all(_bounded(kind) for kind in schema["oneOf"])


@pytest.mark.req("RDS-054")
async def test_every_query_and_header_parameter_is_bounded(world: World) -> None:
    unbounded = []
    checked = 0
    for op in operations(world.app):
        for parameter in op.spec.get("parameters", []):
            if parameter["in"] not in ("query", "header"):
                continue
            checked += 1
            if not _bounded(parameter["schema"]):
                unbounded.append(f"{op.operation_id}.{parameter['name']}")
    report(f"parameters: {checked} query/header parameters, unbounded = {len(unbounded)}")
    assert unbounded == []
    too_long = await world.call("GET", "/api/v1/lessons?cursor=" + "a" * 201, "alice")
    unknown = await world.call("GET", "/api/v1/lessons?limt=5", "alice")
    assert too_long.status_code == unknown.status_code == 400
    assert unknown.json()["details"] == [{"field": "limt", "code": "unknown_field",
                                          "message": "unknown field `limt` in the query string"}]


@pytest.mark.req("RDS-024")
async def test_the_rate_limit_answers_429_with_retry_after_per_user(tmp_path: Path) -> None:
    async for world in _world(tmp_path, rate_limit_per_minute=3):
        answers = [(await world.call("POST", "/api/v1/lessons", "alice", LESSON_BODY)).status_code for _ in range(3)]
        refused = await world.call("POST", "/api/v1/lessons", "alice", LESSON_BODY)
        assert answers == [202] * 3 and refused.status_code == 429
        assert refused.json()["error"] == "rate_limited" and 1 <= int(refused.headers["retry-after"]) <= 60
        assert (await world.call("POST", "/api/v1/lessons", "bob", LESSON_BODY)).status_code == 202
        report(f"rate limit: 3 per minute → request 4 answered {refused.status_code}, "
               f"Retry-After {refused.headers['retry-after']} s")


@pytest.mark.req("RDS-024", "RDS-022")
async def test_the_daily_quota_counts_todays_lessons_but_not_replays(tmp_path: Path) -> None:
    async for world in _world(tmp_path, daily_lesson_quota=2):
        first = await world.client.post("/api/v1/lessons", json=LESSON_BODY,
                                        headers={**world.headers("alice"), "Idempotency-Key": "once"})
        assert (await world.call("POST", "/api/v1/lessons", "alice", LESSON_BODY)).status_code == 202
        refused = await world.call("POST", "/api/v1/lessons", "alice", LESSON_BODY)
        assert refused.status_code == 429 and refused.json()["error"] == "daily_quota"
        assert 1 <= int(refused.headers["retry-after"]) <= 86_401
        replay = await world.client.post("/api/v1/lessons", json=LESSON_BODY,
                                         headers={**world.headers("alice"), "Idempotency-Key": "once"})
        assert replay.status_code == 202 and replay.json()["id"] == first.json()["id"]


@pytest.mark.req("RDS-024")
async def test_the_daily_budget_counts_todays_estimates(tmp_path: Path) -> None:
    estimate = CostLedger().add(ListPriceEstimator(PriceTable.bundled()).estimate(a_spec(["text"]))).estimated.usd
    async for world in _world(tmp_path, daily_budget_usd=estimate * Decimal("2.5")):
        answers = [(await world.call("POST", "/api/v1/lessons", "alice", LESSON_BODY)).status_code for _ in range(3)]
        assert answers == [202, 202, 429]
        refused = await world.call("POST", "/api/v1/lessons", "alice", LESSON_BODY)
        assert refused.json()["error"] == "daily_budget" and "retry-after" in refused.headers
        report(f"daily budget: ${estimate * Decimal('2.5')} allows 2 text lessons of ${estimate}; the third → 429")


@pytest.mark.req("RDS-051")
async def test_logins_are_throttled_per_username_and_per_address(tmp_path: Path) -> None:
    async for world in _world(tmp_path, login_failures_per_username=5, login_failures_per_address=20):
        def login(user: str, password: str, client: Any = world.client) -> Any:
            return client.post("/api/v1/auth/token", json={"username": user, "password": password})
        wrong = [(await login("alice", "wrong-password")).status_code for _ in range(5)]
        blocked = await login("alice", PASSWORD)
        assert wrong == [401] * 5 and blocked.status_code == 429 and blocked.json()["error"] == "login_throttled"
        assert 1 <= int(blocked.headers["retry-after"]) <= 900
        assert (await login("bob", PASSWORD)).status_code == 200  # another account is not locked out
        for n in range(20):
            await login(f"nobody{n}", "wrong-password")
        from_address = await login("carl", PASSWORD)
        assert from_address.status_code == 429
        report(f"login throttling: 5 failures → {blocked.status_code} for that username "
               f"(Retry-After {blocked.headers['retry-after']} s); 20 more from one address → "
               f"{from_address.status_code} for every username")


@pytest.fixture
async def redis_world(tmp_path: Path, redis_client: Redis, request: pytest.FixtureRequest) -> AsyncIterator[World]:
    prefix = redis_prefix(request).rstrip(":")
    settings = security_settings(tmp_path, UNLIMITED.model_copy(update={"rate_limit_per_minute": 2}))
    settings = dataclasses.replace(settings, queue=QueueSettings(redis_url=REDIS_URL, redis_prefix=prefix,
                                                                 reconcile_seconds=0.5))
    async for world in start_world(settings):
        yield world


@pytest.mark.req("RDS-024", "RDS-050", "RDS-051")
@pytest.mark.redis
async def test_with_redis_the_limiter_and_the_deny_list_live_in_redis(redis_world: World,
                                                                      redis_client: Redis) -> None:
    world = redis_world
    prefix = world.container.settings().queue.redis_prefix
    statuses = [(await world.call("POST", "/api/v1/lessons", "alice", LESSON_BODY)).status_code for _ in range(3)]
    assert statuses == [202, 202, 429]
    assert 0 < await redis_client.pttl(f"{prefix}:rate:lessons:user:{world.users['alice'].id}") <= 60_000
    assert (await world.call("POST", "/api/v1/auth/logout", "bob")).status_code == 204
    revoked = [key async for key in redis_client.scan_iter(match=f"{prefix}:revoked:*")]
    assert len(revoked) == 1 and 0 < await redis_client.pttl(revoked[0]) <= 900_000
    assert (await world.call("GET", "/api/v1/lessons", "bob")).status_code == 401
