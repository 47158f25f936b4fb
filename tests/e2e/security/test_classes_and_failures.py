"""Classes over HTTP and the CLI, and a deny-list that cannot be reached refusing tokens (fails closed)."""

import dataclasses
from pathlib import Path

import pytest

from infrastructure.config.settings import QueueSettings
from presentation.cli.main import main
from tests.e2e.security.conftest import World, security_settings, start_world


@pytest.mark.req("RDS-052")
async def test_teachers_and_admins_manage_classes_and_students_may_not(world: World) -> None:
    created = await world.call("POST", "/api/v1/classes", "tess", {"name": "  Grade 4   Science "})
    assert created.status_code == 201 and created.json()["name"] == "Grade 4 Science"
    assert created.json()["teacher_username"] == "tess" and created.json()["members"] == []
    class_id = created.json()["id"]
    enrolled = await world.call("POST", f"/api/v1/classes/{class_id}/members", "tess", {"username": "Carl"})
    assert [m["username"] for m in enrolled.json()["members"]] == ["carl"]
    assert (await world.call("POST", f"/api/v1/classes/{class_id}/members", "tom",
                             {"username": "bob"})).status_code == 404
    not_student = await world.call("POST", f"/api/v1/classes/{class_id}/members", "tess", {"username": "tom"})
    assert not_student.status_code == 422 and not_student.json()["details"][0]["field"] == "username"
    assert (await world.call("POST", "/api/v1/classes", "alice", {"name": "mine"})).status_code == 403
    assert (await world.call("POST", "/api/v1/classes", "tess", {"name": "x", "teacher_username": "tom"})
            ).status_code == 403
    by_admin = await world.call("POST", "/api/v1/classes", "ada", {"name": "5A", "teacher_username": "tom"})
    assert by_admin.status_code == 201 and by_admin.json()["teacher_username"] == "tom"
    unknown = await world.call("POST", "/api/v1/classes", "ada", {"name": "5B", "teacher_username": "alice"})
    assert unknown.status_code == 422 and unknown.json()["error"] == "unknown_teacher"
    names = [c["name"] for c in (await world.call("GET", "/api/v1/classes", "tess")).json()["items"]]
    assert names == ["Grade 4 Science", "tess's class"]
    carls = await world.call("POST", "/api/v1/lessons", "tess", {
        "student_query": "What is rain?", "grade_level": 3, "requested_modalities": ["text"],
        "student_id": str(world.users["carl"].id)})
    assert carls.status_code == 202


@pytest.mark.req("RDS-052", "RDS-033")
def test_operators_manage_classes_on_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("DATABASE_URL", "REDIS_URL", "ARTIFACTS", "JWT_SECRET"):
        monkeypatch.delenv(f"LESSONSMITH_{name}", raising=False)
    monkeypatch.setenv("LESSONSMITH_HOME", str(tmp_path / "var"))
    monkeypatch.chdir(tmp_path)
    assert main(["db", "upgrade"]) == 0
    for user, role in (("tess", "teacher"), ("alice", "student")):
        assert main(["users", "create", user, "--role", role, "--password", "long-enough-pw"]) == 0
    capsys.readouterr()
    assert main(["classes", "create", "Grade 4", "--teacher", "tess"]) == 0
    class_id = capsys.readouterr().out.split()[2]
    assert main(["classes", "add-student", class_id, "alice"]) == 0
    assert capsys.readouterr().out.strip().endswith("(teacher tess): alice")
    assert main(["classes", "add-student", "not-an-id", "alice"]) == 1
    assert main(["classes", "create", "X", "--teacher", "alice"]) == 1
    assert capsys.readouterr().err.count("lessonsmith: error:") == 2


@pytest.mark.req("RDS-050")
async def test_an_unreachable_deny_list_refuses_tokens_with_503(tmp_path: Path) -> None:
    settings = security_settings(tmp_path)
    settings = dataclasses.replace(settings, queue=QueueSettings(redis_url="redis://127.0.0.1:1/0"))
    async for world in start_world(settings):
        response = await world.call("GET", "/api/v1/lessons", "alice")
        assert response.status_code == 503 and response.json()["error"] == "service_unavailable"
        assert response.headers["retry-after"] == "5"
        assert (await world.call("GET", "/health/live", None)).status_code == 200
