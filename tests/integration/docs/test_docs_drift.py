"""`docs check` fails precisely on drift and broken traceability; `docs regenerate` repairs drift, byte-stably.

Every test works on a temporary copy of the repository, never on the real files.
"""

from collections.abc import Callable
from pathlib import Path

import pytest

from infrastructure.docs.code_facts import CodeFacts
from infrastructure.docs.generator import check_docs, regenerate_docs
from infrastructure.docs.problems import DocsError, DocsReport
from presentation.cli.docs_facts import collect_facts
from presentation.cli.main import main

pytestmark = pytest.mark.req("RDS-039")
Pristine = tuple[Path, CodeFacts]
DOCS = ("CLAUDE.md", "docs/FRS.md", "docs/RDS.md")


def _problems(report: DocsReport) -> list[str]:
    return [p.render() for p in report.problems]


def _snapshot(root: Path) -> dict[str, bytes]:
    return {doc: (root / doc).read_bytes() for doc in DOCS}


def test_a_fresh_copy_checks_clean_and_regenerating_again_changes_nothing(pristine: Pristine) -> None:
    root, facts = pristine
    before = _snapshot(root)
    assert check_docs(root, facts, live_coverage=False).ok
    assert regenerate_docs(root, facts) == ()
    assert _snapshot(root) == before


def test_a_changed_route_fails_with_a_diff_until_regenerated(repo_copy: Callable[[], Path]) -> None:
    root = repo_copy()
    controller = root / "src/presentation/http/controllers/health_controller.py"
    controller.write_text(controller.read_text().replace('@get("/live"', '@get("/alive"'))
    facts = collect_facts(root)
    problems = {(p.path, p.section): p for p in check_docs(root, facts, live_coverage=False).problems}
    assert set(problems) <= {("docs/FRS.md", "routes"), ("CLAUDE.md", "module-map")}  # the file grew a character
    problem = problems["docs/FRS.md", "routes"]
    assert problem.message == "stale: run `lessonsmith docs regenerate`"
    assert "-| `GET` | `/health/live` | `live` | no | 200 |" in problem.diff
    assert "+| `GET` | `/health/alive` | `live` | no | 200 |" in problem.diff
    hand_written = (root / "docs/FRS.md").read_text().split("<!-- BEGIN GENERATED: routes -->")[0]
    assert "docs/FRS.md" in regenerate_docs(root, facts)
    assert (root / "docs/FRS.md").read_text().startswith(hand_written)
    assert check_docs(root, facts, live_coverage=False).ok
    assert regenerate_docs(root, facts) == ()


def test_a_new_module_with_an_adapter_fails_until_regenerated(repo_copy: Callable[[], Path]) -> None:
    root = repo_copy()
    speech = root / "src/infrastructure/speech"
    speech.mkdir()
    (speech / "__init__.py").write_text('"""Media adapters."""\n')
    (speech / "README.md").write_text("# infrastructure.speech\n\nSpeech for lessons.\n")
    (speech / "piper_narrator.py").write_text(
        '"""Narration with Piper."""\n\nfrom application.ports.media_providers import Narrator\n\n\n'
        'class PiperNarrator(Narrator):\n    """Speaks the narration."""\n')
    facts = collect_facts(root)
    problems = check_docs(root, facts, live_coverage=False).problems
    assert sorted((p.path, p.section) for p in problems) == [
        ("CLAUDE.md", "module-map"), ("CLAUDE.md", "ports-adapters"), ("docs/FRS.md", "components")]
    by_section = {p.section: p.diff for p in problems}
    assert "+| `infrastructure/speech` | 2 |" in by_section["module-map"]
    assert "`PiperNarrator` (`infrastructure/speech`)" in by_section["ports-adapters"]
    assert set(regenerate_docs(root, facts)) == {"CLAUDE.md", "docs/FRS.md"}
    assert check_docs(root, facts, live_coverage=False).ok


def test_a_new_module_without_readme_is_named(pristine: Pristine, repo_copy: Callable[[], Path]) -> None:
    root = repo_copy()
    (root / "src/infrastructure/archive").mkdir()
    (root / "src/infrastructure/archive/__init__.py").write_text('"""Archives."""\n')
    regenerate_docs(root, pristine[1])
    assert _problems(check_docs(root, pristine[1], live_coverage=False)) == [
        "src/infrastructure/archive/README.md [module readme]: missing: every feature module has a README saying "
        "what it does, what it depends on and its contract"]


def test_a_deleted_test_fails_until_regenerated(pristine: Pristine, repo_copy: Callable[[], Path]) -> None:
    root = repo_copy()
    (root / "tests/unit/domain/test_readability.py").unlink()
    [problem] = check_docs(root, pristine[1], live_coverage=False).problems
    assert (problem.path, problem.section) == ("docs/RDS.md", "requirement-index")
    assert "`unit/domain/test_readability.py`" in problem.diff
    assert regenerate_docs(root, pristine[1]) == ("docs/RDS.md",)
    assert check_docs(root, pristine[1], live_coverage=False).ok


def test_deleting_the_only_test_of_a_requirement_cannot_be_regenerated_away(
    pristine: Pristine, repo_copy: Callable[[], Path],
) -> None:
    root = repo_copy()
    (root / "tests/unit/test_architecture.py").unlink()
    regenerate_docs(root, pristine[1])
    assert _problems(check_docs(root, pristine[1], live_coverage=False)) == [
        'docs/RDS.md [RDS-037]: is implemented but no test names it; add @pytest.mark.req("RDS-037") to a test '
        "that checks it, or mark it 'status: planned'"]


def test_an_oversized_file_and_an_unknown_frs_id_fail(pristine: Pristine, repo_copy: Callable[[], Path]) -> None:
    root = repo_copy()
    (root / "src/domain/huge.py").write_text('"""Too long."""\n' + "x = 1\n" * 400)
    with (root / "docs/FRS.md").open("a") as frs:
        frs.write("\n### RDS-999 — Nobody asked\n")
    regenerate_docs(root, pristine[1])
    problems = _problems(check_docs(root, pristine[1], live_coverage=False))
    assert problems == [
        "docs/FRS.md [RDS-999]: section names an id that docs/RDS.md does not define; fix the id or add the "
        "requirement",
        "src/domain/huge.py [size budget]: 401 lines; no file may exceed 400: split it into files of one concept each"]


def test_missing_markers_and_coverage_report_are_named(pristine: Pristine, repo_copy: Callable[[], Path]) -> None:
    root = repo_copy()
    claude = root / "CLAUDE.md"
    claude.write_text(claude.read_text().replace("<!-- END GENERATED: ports-adapters -->\n", ""))
    [problem] = check_docs(root, pristine[1], live_coverage=False).problems
    assert problem.render() == ("docs: CLAUDE.md: section 'ports-adapters' has no "
                                "'<!-- END GENERATED: ports-adapters -->'")
    claude.write_text(claude.read_text().replace("<!-- BEGIN GENERATED: ports-adapters -->\n", ""))
    frs_before = (root / "docs/FRS.md").read_bytes()
    (root / "docs/FRS.md").write_text((root / "docs/FRS.md").read_text().replace("| `GET` |", "| `PUT` |"))
    with pytest.raises(DocsError, match=r"^CLAUDE\.md \[ports-adapters\]: markers missing: add the lines"):
        regenerate_docs(root, pristine[1])
    assert (root / "docs/FRS.md").read_bytes() != frs_before  # nothing was rewritten
    (root / "CLAUDE.md").write_text((pristine[0] / "CLAUDE.md").read_text())
    (root / "docs/FRS.md").write_bytes(frs_before)
    [problem] = check_docs(root, pristine[1], live_coverage=True).problems
    assert problem.path == "coverage.json" and "no coverage report: run the tests first" in problem.message


def test_the_cli_reports_problems_on_stderr_and_exits_non_zero(
    repo_copy: Callable[[], Path], capsys: pytest.CaptureFixture[str],
) -> None:
    root = repo_copy()
    assert main(["docs", "check", "--root", str(root), "--skip-coverage"]) == 0
    assert "docs check: ok" in capsys.readouterr().out
    (root / "tests/unit/domain/test_readability.py").unlink()
    assert main(["docs", "check", "--root", str(root), "--skip-coverage"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("docs/RDS.md [requirement-index]: stale: run `lessonsmith docs regenerate`\n    --- ")
    assert err.rstrip().endswith("requirements, tests and budgets: fix as each line says.")
    assert main(["docs", "regenerate", "--root", str(root)]) == 0
    assert capsys.readouterr().out == "docs regenerate: rewrote docs/RDS.md\n"
