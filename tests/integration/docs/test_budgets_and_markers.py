"""Size budgets, module READMEs and req markers, read from real files in a temporary tree."""

from pathlib import Path

import pytest

from infrastructure.docs.budgets import budget_problems
from infrastructure.docs.req_markers import MarkedTest, find_marked_tests
from infrastructure.docs.source_tree import median_python_lines, scan_modules


def _write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def _tree(root: Path) -> None:
    for folder in ("domain", "application/ports", "infrastructure/queue", "presentation/cli"):
        _write(root, f"src/{folder}/__init__.py", "")
    for module in ("domain", "application/ports", "infrastructure/queue", "presentation/cli"):
        _write(root, f"src/{module}/README.md", "# readme\n")
    _write(root, "src/domain/model.py", "x = 1\n" * 10)
    _write(root, "src/application/ports/clock.py", "x = 1\n" * 59)
    _write(root, "src/infrastructure/queue/doorbell.py", "x = 1\n" * 30)
    _write(root, "src/presentation/runtime.py", "x = 1\n" * 20)
    _write(root, "src/presentation/cli/main.py", "x = 1\n" * 40)


@pytest.mark.req("RDS-038")
def test_modules_split_by_layer_and_the_tree_within_budget_passes(tmp_path: Path) -> None:
    _tree(tmp_path)
    modules = scan_modules(tmp_path)
    assert [(m.name, m.is_feature) for m in modules] == [
        ("application/ports", True), ("domain", True), ("infrastructure/queue", True),
        ("presentation (root files)", False), ("presentation/cli", True)]
    assert median_python_lines(modules) == 30
    assert budget_problems(tmp_path, modules) == []


@pytest.mark.req("RDS-038")
def test_each_budget_and_a_missing_readme_fail_by_name(tmp_path: Path) -> None:
    _tree(tmp_path)
    _write(tmp_path, "src/domain/model.py", "x = 1\n" * 401)
    _write(tmp_path, "src/application/ports/clock.py", "x = 1\n" * 60)
    _write(tmp_path, "src/infrastructure/queue/data.json", "x" * 120_000)
    (tmp_path / "src/presentation/cli/README.md").unlink()
    problems = {p.path: p.message for p in budget_problems(tmp_path, scan_modules(tmp_path))}
    assert problems["src/domain/model.py"].startswith("401 lines; no file may exceed 400")
    assert problems["src/application/ports/clock.py"].startswith("60 lines; a port file stays under 60")
    assert problems["src/infrastructure/queue"].startswith("about 30,0")
    assert problems["src/presentation/cli/README.md"].startswith("missing: every feature module has a README")
    assert len(problems) == 4


@pytest.mark.req("RDS-039")
def test_req_markers_are_read_from_every_form(tmp_path: Path) -> None:
    _write(tmp_path, "tests/unit/test_a.py", '''import pytest
from pytest import mark

pytestmark = [pytest.mark.slow, pytest.mark.req("RDS-001")]


@pytest.mark.req("RDS-002", "RDS-003")
@pytest.mark.parametrize("x", [1])
async def test_one(x): ...


class TestGroup:
    @mark.req("RDS-004")
    def test_two(self): ...


def test_unmarked(): ...
''')
    _write(tmp_path, "tests/e2e/check_test.py", 'import pytest\n\n@pytest.mark.req("RDS-005")\ndef test_x(): ...\n')
    tests, problems = find_marked_tests(tmp_path)
    assert problems == []
    assert tests == (MarkedTest("tests/e2e/check_test.py::test_x", ("RDS-005",)),
                     MarkedTest("tests/unit/test_a.py", ("RDS-001",)),
                     MarkedTest("tests/unit/test_a.py::TestGroup::test_two", ("RDS-004",)),
                     MarkedTest("tests/unit/test_a.py::test_one", ("RDS-002", "RDS-003")))


@pytest.mark.req("RDS-039")
def test_malformed_markers_and_files_are_named_with_their_line(tmp_path: Path) -> None:
    _write(tmp_path, "tests/test_bad.py", 'import pytest\nIDS = "RDS-001"\n\n@pytest.mark.req(IDS)\n'
                                          'def test_a(): ...\n\n@pytest.mark.req("REQ-1")\ndef test_b(): ...\n')
    _write(tmp_path, "tests/test_broken.py", "def test_(:\n")
    tests, problems = find_marked_tests(tmp_path)
    assert tests == ()
    assert [(p.path, p.message.split(":")[0]) for p in problems] == [
        ("tests/test_bad.py:4", "write the ids as literal strings"),
        ("tests/test_bad.py:7", "'REQ-1' is not an id like 'RDS-012'"),
        ("tests/test_broken.py", "cannot parse")]
