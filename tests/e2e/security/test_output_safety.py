"""What the service sends back: hostile input stays inert text, artifact names never become paths, and no
response shows internal fields."""

from typing import Any

import pytest
from markdown_it import MarkdownIt

from tests.e2e.security.conftest import LESSON_BODY, World
from tests.e2e.security.figures import report
from tests.e2e.security.route_table import openapi
from tests.unit.application.test_lesson_markdown import STRUCTURE, _Elements

HOSTILE_QUERY = ("<script>alert(1)</script> [x](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt; "
                 "How do plants make food?")
TRAVERSALS = [
    "../../jwt_secret", "..%2f..%2fjwt_secret", "%2e%2e%2f%2e%2e%2fjwt_secret", "..\\..\\jwt_secret",
    "....//....//jwt_secret", "%252e%252e%252fjwt_secret", "lesson.md%00.png", "lesson.md/../../../jwt_secret",
    "/etc/passwd", "%2fetc%2fpasswd", ".jwt_secret", "..", ".", "lesson.md%2f..%2f..%2f..%2flessonsmith.db",
    "%c0%ae%c0%ae%2fjwt_secret", "lesson.md;rm -rf", "LESSON.MD", "lesson.md ", "x" * 101,
]
INTERNAL = {"owner_id", "requested_by", "fingerprint", "lease_owner", "lease_expires_at", "attempt", "version",
            "deliveries", "idempotency_key", "not_before", "password", "password_hash", "prompt", "system_prompt",
            "jti", "secret"}


def _referenced(value: Any, schemas: dict[str, Any], seen: set[str] | None = None) -> list[dict[str, Any]]:
    """Every component schema `value` refers to, directly or through other schemas."""
    seen = set() if seen is None else seen
    if isinstance(value, list):
        return [s for v in value for s in _referenced(v, schemas, seen)]
    if not isinstance(value, dict):
        return []
    found = []
    name = value.get("$ref", "").rsplit("/", 1)[-1]
    if name in schemas and name not in seen:
        seen.add(name)
        found.append(schemas[name])
        found += _referenced(schemas[name], schemas, seen)
    return found + [s for v in value.values() for s in _referenced(v, schemas, seen)]


def _keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


@pytest.mark.req("RDS-053", "RDS-013")
async def test_hostile_text_is_refused_or_rendered_inert(world: World) -> None:
    interest = await world.call("POST", "/api/v1/lessons", "alice", {**LESSON_BODY, "interest": "<script>"})
    assert interest.status_code == 400 and interest.json()["details"][0]["field"] == "interest"
    lesson_id = (await world.call("POST", "/api/v1/lessons", "alice",
                                  {**LESSON_BODY, "student_query": HOSTILE_QUERY})).json()["id"]
    await world.process_queued()
    lesson = (await world.call("GET", f"/api/v1/lessons/{lesson_id}", "alice")).json()
    assert lesson["student_query"] == HOSTILE_QUERY  # JSON carries it verbatim; clients escape JSON text
    rendered = 0
    for artifact in lesson["artifacts"]:
        response = await world.call("GET", artifact["url"], "alice")
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["content-type"].startswith("text/markdown")
        elements = _Elements(MarkdownIt("commonmark", {"html": True}).render(response.text))
        assert elements.tags <= STRUCTURE and elements.attributes == []
        rendered += 1
    report(f"output: hostile query → lesson {lesson['status']}, {rendered} Markdown artifact(s) rendered "
           f"with raw HTML allowed, active elements = 0")


@pytest.mark.req("RDS-053", "RDS-048")
async def test_artifact_names_never_reach_the_file_system(world: World) -> None:
    lesson_id = await world.new_lesson("alice", "completed")
    home = world.container.settings().home.home
    (home / "jwt_secret").write_text("a-file-no-one-may-read")
    served = []
    for name in TRAVERSALS:
        base = f"/api/v1/lessons/{lesson_id}/artifacts"
        for path in (f"{base}/{name}", f"{base}/x/{name}"):
            status, body = await world.raw("GET", path, "alice")
            assert status in (400, 404), (path, status)
            assert b"a-file-no-one-may-read" not in body and b"SQLite format" not in body
            served += [path] if status < 400 else []
    ok = await world.client.get(f"/api/v1/lessons/{lesson_id}/artifacts/lesson.md", headers=world.headers("alice"))
    assert ok.status_code == 200 and ok.text.startswith("# ")
    report(f"artifact route: {2 * len(TRAVERSALS)} traversal paths tried, files served = {len(served)}")


@pytest.mark.req("RDS-054")
async def test_no_response_schema_or_body_exposes_internal_fields(world: World) -> None:
    document = openapi(world.app)
    schemas = document["components"]["schemas"]
    responses = [r for item in document["paths"].values() for op in item.values() if isinstance(op, dict)
                 for r in op.get("responses", {}).values()]
    documented = {name for schema in _referenced(responses, schemas) for name in schema.get("properties", {})}
    assert documented & INTERNAL == set()
    lesson_id = await world.new_lesson("alice", "completed")
    bodies = [(await world.call("GET", f"/api/v1/lessons/{lesson_id}", "alice")).json(),
              (await world.call("GET", "/api/v1/lessons", "tess")).json(),
              (await world.call("GET", "/api/v1/classes", "tess")).json()]
    assert {k for body in bodies for k in _keys(body)} & INTERNAL == set()
    classes = bodies[2]["items"]
    assert [m["username"] for c in classes for m in c["members"]] == ["alice"]  # not bob, tom's student
    report(f"responses: {len(documented)} documented fields, internal fields exposed = 0")
