"""The OpenAPI document is complete: every operation named, its security declared, its errors in our format."""

import pytest

from tests.e2e.conftest import Service

pytestmark = pytest.mark.req("RDS-032")
PUBLIC_OPERATIONS = {"issueToken", "live", "ready", "metrics"}  # /metrics is for the scraper (RDS-068)
ERROR_BODY = "#/components/schemas/ErrorBody"


async def test_every_operation_declares_its_security_and_error_bodies(service: Service) -> None:
    schema = (await service.anonymous.get("/schema/openapi.json")).json()
    assert schema["components"]["securitySchemes"]["BearerToken"] == {
        "type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
    assert schema["security"] == [{"BearerToken": []}]
    operations = {op["operationId"]: (path, op) for path, item in schema["paths"].items() for op in item.values()}
    assert {"createLesson", "getLesson", "listLessons", "cancelLesson", "retryLesson", "getArtifact"} < set(operations)
    for operation_id, (path, op) in operations.items():
        assert (op.get("security") == [{}]) == (operation_id in PUBLIC_OPERATIONS), operation_id
        if operation_id not in PUBLIC_OPERATIONS:
            assert "401" in op["responses"], operation_id
        if path.startswith("/api/"):
            errors = {code: r for code, r in op["responses"].items() if code[0] in "45"}
            assert errors and all(r["content"]["application/json"]["schema"]["$ref"] == ERROR_BODY
                                  for r in errors.values()), operation_id
    assert "413" in operations["createLesson"][1]["responses"]
    assert "503" in operations["ready"][1]["responses"]
