"""The CLI forms of DESIGN §7, run in-process against an embedded home folder."""

import json
from pathlib import Path

import jwt
import pytest

from presentation.cli.main import main

pytestmark = pytest.mark.req("RDS-033")


@pytest.fixture(autouse=True)
def embedded_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("DATABASE_URL", "REDIS_URL", "ARTIFACTS", "JWT_SECRET"):
        monkeypatch.delenv(f"LESSONSMITH_{name}", raising=False)
    monkeypatch.setenv("LESSONSMITH_HOME", str(tmp_path / "var"))
    monkeypatch.chdir(tmp_path)
    return tmp_path / "var"


@pytest.mark.req("RDS-018", "RDS-029")
def test_db_upgrade_then_users_and_token(capsys: pytest.CaptureFixture[str], embedded_home: Path) -> None:
    assert main(["db", "upgrade"]) == 0
    assert (embedded_home / "lessonsmith.db").exists()
    assert main(["users", "create", "Carla", "--role", "teacher", "--password", "long-enough-pw"]) == 0
    assert "created teacher carla" in capsys.readouterr().out
    assert main(["token", "carla"]) == 0
    token = capsys.readouterr().out.strip()
    assert "\n" not in token
    assert jwt.decode(token, options={"verify_signature": False})["role"] == "teacher"


def test_errors_are_one_line_on_stderr_with_a_non_zero_exit(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["token", "nobody"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("lessonsmith: error:") and err.count("\n") == 1
    assert main(["users", "create", "x", "--role", "student", "--password", "long-enough-pw"]) == 1
    assert "username" in capsys.readouterr().err
    assert main(["users", "create", "dora", "--role", "student", "--password", "short"]) == 1
    assert "password" in capsys.readouterr().err
    assert main(["generate", "What is a fraction?", "--grade", "13"]) == 1
    assert "grade_level" in capsys.readouterr().err
    assert main(["generate", "What is a fraction?", "--grade", "3", "--modalities", "video"]) == 1
    assert "video" in capsys.readouterr().err


def test_users_create_generates_a_password_when_none_is_given(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["users", "create", "eve", "--role", "student"]) == 0
    assert "password: " in capsys.readouterr().out


@pytest.mark.req("RDS-016")
def test_generate_prints_the_lesson_and_its_cost_lines(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "out"
    code = main(["generate", "How do plants make food?", "--grade", "4", "--interest", "soccer",
                 "--modalities", "text", "--out", str(out)])
    printed = capsys.readouterr()
    assert code == 0, printed.err
    assert "completed" in printed.out and "[sources:" in printed.out
    assert "render_video saved" in printed.out and "total spent $0.00" in printed.out
    assert "publish" in printed.err  # the progress line names the stages
    assert (out / "lesson.md").read_text().startswith("# ")


@pytest.mark.req("RDS-003")
def test_generate_json_is_the_api_document(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", "What is the water cycle?", "--grade", "3", "--modalities", "text", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["status"] == "completed" and document["lesson"]["sections"]
    assert {s["name"] for s in document["stages"]} >= {"understand", "publish"}
