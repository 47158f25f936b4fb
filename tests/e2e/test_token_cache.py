"""Verified tokens are remembered, but an expired or logged-out token is refused even when remembered."""

import asyncio
from datetime import timedelta
from uuid import UUID

import pytest

from domain.user import Role, User
from infrastructure.security.jwt_token_issuer import JwtTokenIssuer
from infrastructure.system.system_clock import SystemClock
from tests.e2e.api_client import ApiClient
from tests.e2e.conftest import SECRET, Service

pytestmark = pytest.mark.req("RDS-072")


async def test_a_cached_token_is_refused_once_it_expires(service: Service) -> None:
    settings = service.container.settings().auth
    issuer = JwtTokenIssuer(SECRET, settings.jwt_issuer, settings.jwt_audience, timedelta(seconds=3), SystemClock())
    user = User(id=UUID(service.user_ids["alice"]), username="alice", role=Role.STUDENT, password_hash="-")
    short_lived = ApiClient(service.client, issuer.issue(user).access_token)
    assert (await short_lived.list_lessons()).status_code == 200
    assert (await short_lived.list_lessons()).status_code == 200  # served from the verified-token cache
    assert len(service.container.gateways.verified_tokens()) >= 1
    await asyncio.sleep(3.1)
    refused = await short_lived.list_lessons()
    assert refused.status_code == 401 and refused.json()["error"] == "unauthorized"


@pytest.mark.req("RDS-050")
async def test_a_cached_token_is_refused_at_once_after_logout(service: Service) -> None:
    assert (await service.student.list_lessons()).status_code == 200
    assert (await service.student.post("/api/v1/auth/logout")).status_code == 204
    assert (await service.student.list_lessons()).status_code == 401


@pytest.mark.req("RDS-050")
async def test_a_logged_out_token_requests_no_lesson(service: Service) -> None:
    """POST /lessons checks the deny-list inside the use case (with the rate limit): refused, nothing written."""
    assert (await service.student.request_lesson()).status_code == 202
    assert (await service.student.post("/api/v1/auth/logout")).status_code == 204
    refused = await service.student.request_lesson()
    assert refused.status_code == 401 and refused.json()["error"] == "unauthorized"
    settings = service.container.settings().auth
    issuer = JwtTokenIssuer(SECRET, settings.jwt_issuer, settings.jwt_audience, timedelta(minutes=5), SystemClock())
    user = User(id=UUID(service.user_ids["alice"]), username="alice", role=Role.STUDENT, password_hash="-")
    fresh = ApiClient(service.client, issuer.issue(user).access_token)
    assert len((await fresh.list_lessons()).json()["items"]) == 1
