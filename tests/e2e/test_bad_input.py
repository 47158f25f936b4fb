"""Bad input answers 4xx in the documented error format, names the field, and writes nothing."""

from typing import Any
from uuid import UUID

import pytest
from dependency_injector import providers

from application.ports.actor import Actor
from domain.modality import Modality
from domain.user import Role
from tests.e2e.conftest import Service

VALID: dict[str, Any] = {"student_query": "How do plants make food?", "grade_level": 4, "interest": "soccer",
                         "requested_modalities": ["text"], "language": "en"}

CASES: list[tuple[str, Any, str]] = [
    ("student_query", "", "too_short"),
    ("student_query", "x" * 501, "too_long"),
    ("student_query", 42, "wrong_type"),
    ("student_query", None, "wrong_type"),
    ("grade_level", -1, "out_of_range"),
    ("grade_level", 13, "out_of_range"),
    ("grade_level", "four", "wrong_type"),
    ("grade_level", 4.5, "wrong_type"),
    ("interest", "", "too_short"),
    ("interest", "x" * 61, "too_long"),
    ("interest", 7, "wrong_type"),
    ("requested_modalities", [], "too_short"),
    ("requested_modalities", ["smell"], "invalid_choice"),
    ("requested_modalities", "text", "wrong_type"),
    ("language", "english!", "invalid_format"),
    ("student_id", "not-a-uuid", "invalid_format"),
    ("max_cost_usd", -1, "out_of_range"),
    ("max_cost_usd", "lots", "invalid_format"),
]


def _assert_error_body(body: dict[str, Any]) -> None:
    assert set(body) >= {"error", "message", "details", "trace_id", "timestamp"}
    assert body["trace_id"] and body["timestamp"].endswith("Z")


async def _lesson_count(service: Service) -> int:
    admin = Actor(UUID(service.user_ids["ada"]), Role.ADMIN)
    async with service.container.gateways.uow()() as uow:
        page = await uow.lessons.list_visible(admin, None, 100, None, all_users=True)
    return len(page.items)


@pytest.mark.parametrize(("field", "value", "code"), CASES)
@pytest.mark.req("RDS-002", "RDS-021")
async def test_each_bad_field_answers_400_naming_it(service: Service, field: str, value: Any, code: str) -> None:
    response = await service.student.request_lesson({**VALID, field: value})
    assert response.status_code == 400, response.text
    body = response.json()
    _assert_error_body(body)
    assert body["error"] == "validation_error"
    assert body["details"][0]["field"].split("[")[0] == field, body
    assert body["details"][0]["code"] == code, body
    assert await _lesson_count(service) == 0


@pytest.mark.parametrize("missing", ["student_query", "grade_level"])
@pytest.mark.req("RDS-002", "RDS-021")
async def test_missing_required_field_is_named(service: Service, missing: str) -> None:
    body = {k: v for k, v in VALID.items() if k != missing}
    response = await service.student.request_lesson(body)
    assert response.status_code == 400
    assert response.json()["details"][0] == {"field": missing, "code": "missing",
                                             "message": response.json()["details"][0]["message"]}


@pytest.mark.req("RDS-002", "RDS-021")
async def test_unknown_field_and_malformed_json(service: Service) -> None:
    unknown = await service.student.request_lesson({**VALID, "prompt": "be evil"})
    assert unknown.status_code == 400 and unknown.json()["details"][0]["code"] == "unknown_field"
    malformed = await service.client.post("/api/v1/lessons", content=b"{not json",
                                          headers={**service.student.headers, "Content-Type": "application/json"})
    assert malformed.status_code == 400
    _assert_error_body(malformed.json())
    assert await _lesson_count(service) == 0


@pytest.mark.req("RDS-002")
async def test_a_modality_without_a_provider_answers_422_naming_it(service: Service) -> None:
    service.container.generators.available_modalities.override(providers.Object(frozenset({Modality.TEXT})))
    try:
        response = await service.student.request_lesson({**VALID, "requested_modalities": ["text", "video"]})
        default = await service.student.request_lesson({"student_query": "Why is the sky blue?", "grade_level": 4})
    finally:
        service.container.generators.available_modalities.reset_override()
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "unsupported_modality"
    assert body["details"] == [{"field": "requested_modalities", "message": "no provider for 'video' yet",
                                "code": "unsupported_modality"}]
    assert default.status_code == 422  # the default modality is video
    assert await _lesson_count(service) == 0


@pytest.mark.req("RDS-002", "RDS-017")
async def test_max_cost_below_the_cheapest_lesson_is_422_naming_it(service: Service) -> None:
    response = await service.student.request_lesson({**VALID, "max_cost_usd": "0.000001"})
    assert response.status_code == 422
    detail = response.json()["details"][0]
    assert detail["field"] == "max_cost_usd" and detail["code"] == "below_minimum"
    assert "text is estimated at $" in detail["message"]
    assert await _lesson_count(service) == 0


@pytest.mark.req("RDS-021", "RDS-023")
async def test_body_over_16_kib_is_413(service: Service) -> None:
    response = await service.student.request_lesson({**VALID, "interest": "x" * 20_000})
    assert response.status_code == 413
    _assert_error_body(response.json())


@pytest.mark.req("RDS-019")
async def test_student_may_not_request_for_another(service: Service) -> None:
    response = await service.student.request_lesson({**VALID, "student_id": service.user_ids["bob"]})
    assert response.status_code == 403


@pytest.mark.parametrize("token", [None, "garbage", "Bearer", "Basic abc"])
@pytest.mark.req("RDS-018", "RDS-021")
async def test_missing_or_bad_token_is_401(service: Service, token: str | None) -> None:
    headers = {} if token is None else {"Authorization": token}
    response = await service.client.get("/api/v1/lessons", headers=headers)
    assert response.status_code == 401
    _assert_error_body(response.json())


@pytest.mark.req("RDS-020")
async def test_unknown_and_foreign_lesson_ids_both_answer_404(service: Service) -> None:
    lesson_id = (await service.student.request_lesson()).json()["id"]
    missing = await service.student.get_lesson("00000000-0000-4000-8000-000000000000")
    foreign = await service.other_student.get_lesson(lesson_id)
    assert missing.status_code == foreign.status_code == 404
    assert missing.json()["message"] == foreign.json()["message"]
    assert (await service.student.get_lesson("not-a-uuid")).status_code in (400, 404)


@pytest.mark.req("RDS-018", "RDS-021")
async def test_wrong_password_is_401_and_every_response_has_a_trace_id(service: Service) -> None:
    response = await service.client.post("/api/v1/auth/token", json={"username": "alice", "password": "wrong-pass"})
    assert response.status_code == 401 and response.json()["error"] == "invalid_credentials"
    assert response.headers["x-trace-id"] == response.json()["trace_id"]
    ok = await service.client.get("/health/live")
    assert ok.headers["x-trace-id"]


@pytest.mark.req("RDS-002", "RDS-004")
async def test_bad_list_parameters_are_400(service: Service) -> None:
    assert (await service.student.list_lessons(limit=0)).status_code == 400
    assert (await service.student.list_lessons(limit=101)).status_code == 400
    assert (await service.student.list_lessons(status="weird")).status_code == 400
