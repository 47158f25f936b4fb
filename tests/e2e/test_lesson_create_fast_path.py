"""POST /lessons answered by its ASGI shortcut (a remembered token) is answered exactly as the full route answers."""

from datetime import timedelta
from typing import Any
from uuid import UUID

import pytest
from httpx import Response

from domain.user import Role, User
from infrastructure.security.jwt_token_issuer import JwtTokenIssuer
from infrastructure.system.system_clock import SystemClock
from presentation.http import lesson_create_fast_path
from presentation.http.lesson_creation import lesson_command
from tests.e2e.conftest import SECRET, Service

pytestmark = pytest.mark.req("RDS-072")

BODY = {"student_query": "How do plants make food?", "grade_level": 4, "requested_modalities": ["text"]}
VOLATILE = {"id", "created_at", "status_url", "trace_id", "timestamp"}


def _fresh_token(service: Service) -> str:
    """A new token for alice: never seen, so the full route verifies it (and only then remembers it)."""
    auth = service.container.settings().auth
    issuer = JwtTokenIssuer(SECRET, auth.jwt_issuer, auth.jwt_audience, timedelta(minutes=5), SystemClock())
    user = User(id=UUID(service.user_ids["alice"]), username="alice", role=Role.STUDENT, password_hash="-")
    return issuer.issue(user).access_token


async def _both(service: Service, content: bytes, **headers: str) -> tuple[Response, Response]:
    """The same request through the full route (a fresh token) and through the shortcut (a remembered one)."""
    remembered = _fresh_token(service)
    assert (await service.client.get("/api/v1/lessons", headers={"Authorization": f"Bearer {remembered}"})
            ).status_code == 200
    answers = []
    for token in (_fresh_token(service), remembered):
        answers.append(await service.client.post("/api/v1/lessons", content=content, headers={
            "Authorization": f"Bearer {token}", "Content-Type": "application/json", **headers}))
    return answers[0], answers[1]


def _shape(response: Response) -> tuple[int, dict[str, Any], str | None, str | None]:
    body = {k: v for k, v in response.json().items() if k not in VOLATILE}
    return response.status_code, body, response.headers.get("retry-after"), response.headers.get("content-type")


@pytest.mark.parametrize(("content", "headers"), [
    (b'{"student_query": "How do plants make food?", "grade_level": 4, "requested_modalities": ["text"]}', {}),
    (b'{"student_query": "Why is the sky blue?", "grade_level": "5"}', {}),  # lax conversion, as the route's
    (b'{"student_query": "How do plants make food?", "grade_level": 13}', {}),
    (b'{"student_query": "Hi", "grade_level": 4, "colour": "red"}', {}),
    (b'{"student_query": "Hi", "grade_level": 4, "max_cost_usd": "0.000001"}', {}),
    (b'{"student_query": "Hi", "grade_level": 4, "student_id": "00000000-0000-0000-0000-000000000001"}', {}),
    (b'{"student_query": "Hi", "grade_level": 4, "requested_modalities": []}', {}),
    (b"not json", {}),
    (b'{"student_query": "' + b"x" * 20_000 + b'", "grade_level": 4}', {}),
    (b'{"student_query": "Hi", "grade_level": 4}', {"Idempotency-Key": ""}),
    (b'{"student_query": "Hi", "grade_level": 4}', {"Idempotency-Key": "k" * 129}),
    (b'{"student_query": "Hi", "grade_level": 4}', {"Content-Type": "text/plain"}),
])
async def test_the_shortcut_answers_as_the_route_does(service: Service, content: bytes,
                                                     headers: dict[str, str]) -> None:
    by_route, by_shortcut = await _both(service, content, **headers)
    assert _shape(by_shortcut) == _shape(by_route)
    if by_route.status_code == 202:
        assert by_shortcut.headers["location"] == by_shortcut.json()["status_url"]
        assert by_shortcut.json()["id"] != by_route.json()["id"]


async def test_idempotency_through_the_shortcut(service: Service, monkeypatch: pytest.MonkeyPatch) -> None:
    shortcut_commands: list[object] = []

    def counted(*args: Any) -> object:
        shortcut_commands.append(args)
        return lesson_command(*args)

    monkeypatch.setattr(lesson_create_fast_path, "lesson_command", counted)  # a tally, the real thing runs
    headers = {"Authorization": f"Bearer {service.student.token}", "Idempotency-Key": "fast-1"}
    await service.student.list_lessons()  # the token is remembered from here on
    first = await service.client.post("/api/v1/lessons", json=BODY, headers=headers)
    again = await service.client.post("/api/v1/lessons", json=BODY, headers=headers)
    other = await service.client.post("/api/v1/lessons", json={**BODY, "grade_level": 5}, headers=headers)
    assert (first.status_code, again.status_code, other.status_code) == (202, 202, 422)
    assert first.json()["id"] == again.json()["id"] and other.json()["error"] == "idempotency_conflict"
    assert len(shortcut_commands) == 3  # all three were answered by the shortcut
    lesson = await service.student.wait_until_terminal(first.json()["id"])
    assert lesson["status"] == "completed"
