"""The CLI forms of DESIGN §7, run in-process against an embedded home folder."""

import json
from pathlib import Path

import jwt
import pytest

from presentation.cli.main import main
from tests.corpus_support import seed_home
from tests.unit.curriculum.documents import document

pytestmark = pytest.mark.req("RDS-033")


@pytest.fixture(autouse=True)
def embedded_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus_database: Path) -> Path:
    for name in ("DATABASE_URL", "REDIS_URL", "ARTIFACTS", "JWT_SECRET", "CORPUS_DIR", "CORPUS_AUTO_INGEST"):
        monkeypatch.delenv(f"LESSONSMITH_{name}", raising=False)
    monkeypatch.setenv("LESSONSMITH_HOME", str(tmp_path / "var"))
    monkeypatch.chdir(tmp_path)
    seed_home(tmp_path / "var", corpus_database)  # the corpus is indexed already: start-up only checks it
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
    assert main(["generate", "What is a fraction?", "--grade", "3", "--modalities", "smell"]) == 1
    assert "smell" in capsys.readouterr().err


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


def test_generate_shows_the_media_stages_and_copies_every_artifact(capsys: pytest.CaptureFixture[str],
                                                                   tmp_path: Path) -> None:
    out = tmp_path / "media"
    code = main(["generate", "What is the water cycle?", "--grade", "2", "--modalities", "audio,image",
                 "--out", str(out)])
    printed = capsys.readouterr()
    assert code == 0, printed.err
    assert "narrate✓" in printed.err and "illustrate✓" in printed.err and "render_video–" in printed.err
    copied = sorted(p.name for p in out.iterdir())
    assert copied[:3] == ["captions.vtt", "narration.mp3", "narration.wav"] and copied[3:]
    assert all(name.startswith("slide-") and name.endswith(".png") for name in copied[3:])
    assert all(str(out / name) in printed.out for name in copied)


def test_corpus_search_prints_scored_passages_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["corpus", "search", "How do plants make food?", "--grade", "4", "--k", "3"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1. ") and "sci-35-photosynthesis" in out and "corpus version" in out
    assert main(["corpus", "search", "How do plants make food?", "--grade", "4", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert len(found["items"]) == 5 and found["items"][0]["score"] >= found["items"][-1]["score"]


def test_corpus_ingest_indexes_a_folder_and_refuses_a_bad_file_whole(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "good.md").write_text(document(id="sci-35-cli-magnets"))
    (folder / "README.md").write_text("# not a document, skipped")
    assert main(["corpus", "ingest", str(folder)]) == 0
    assert "1 document(s): 1 added" in capsys.readouterr().out
    assert main(["corpus", "ingest", str(folder / "good.md")]) == 0
    assert "1 unchanged" in capsys.readouterr().out
    (folder / "bad.md").write_text(document(id="sci-35-cli-bad", grade_band="3-4"))
    (folder / "good.md").write_text(document(id="sci-35-cli-magnets", body="Changed text about magnets."))
    assert main(["corpus", "ingest", str(folder)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad.md: grade_band: unknown grade band '3-4'" in err
    (folder / "bad.md").unlink()
    assert main(["corpus", "ingest", str(folder)]) == 0  # the good file was not half-replaced before
    assert "1 replaced" in capsys.readouterr().out
    (folder / "huge.md").write_bytes(b"x" * 5_000_000)
    assert main(["corpus", "ingest", str(folder / "huge.md")]) == 1
    assert "huge.md: document: is larger than 1,000,000 bytes" in capsys.readouterr().err
