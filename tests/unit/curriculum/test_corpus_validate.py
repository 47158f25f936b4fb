"""`lessonsmith corpus validate PATH`: every bad unit listed with its field, no database touched."""

from pathlib import Path

import pytest

from presentation.cli.main import main
from tests.unit.curriculum.documents import document
from tests.unit.offline.corpus_units import CORPUS_DIR

pytestmark = pytest.mark.req("RDS-075")


def test_the_shipped_corpus_is_valid_and_counted(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["corpus", "validate", str(CORPUS_DIR)]) == 0
    count = int(capsys.readouterr().out.split()[0])
    assert count == len(list(CORPUS_DIR.rglob("*-*.md"))) and count >= 160


def test_every_problem_is_listed_and_the_exit_is_non_zero(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "sci-35-test-magnets.md").write_text(document())
    (tmp_path / "sci-35-other.md").write_text(document(grade_band="3-4", id="sci-35-other"))
    (tmp_path / "renamed.md").write_text(document(id="sci-35-elsewhere"))
    nested = tmp_path / "more"
    nested.mkdir()
    (nested / "sci-35-test-magnets.md").write_text(document())
    (tmp_path / "latin1.md").write_bytes("caf\xe9".encode("latin-1"))
    assert main(["corpus", "validate", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "sci-35-other.md: grade_band: unknown grade band '3-4'" in out
    assert "renamed.md: id: 'sci-35-elsewhere' differs from the file name" in out
    assert "'sci-35-test-magnets' is also used by" in out
    assert "latin1.md: document: is not UTF-8 text" in out
    assert out.strip().endswith("4 problem(s); 1 valid unit(s)")
