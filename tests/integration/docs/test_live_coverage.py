"""Per-module coverage is read from the coverage.json that pytest writes; no report means no numbers."""

import json
from pathlib import Path

import pytest

from infrastructure.docs.coverage_figures import (
    SNAPSHOT,
    CoverageFigures,
    ModuleCoverage,
    coverage_floor,
    live_figures,
    load_snapshot,
)
from infrastructure.docs.problems import DocsError
from infrastructure.docs.source_tree import scan_modules

pytestmark = pytest.mark.req("RDS-040")


def _summary(covered: int, statements: int, covered_branches: int, branches: int) -> dict[str, dict[str, int]]:
    return {"summary": {"covered_lines": covered, "num_statements": statements,
                        "covered_branches": covered_branches, "num_branches": branches}}


def _tree(root: Path) -> None:
    for name in ("src/domain/a.py", "src/domain/b.py", "src/application/c.py"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x = 1\n")


def test_figures_combine_statements_and_branches_per_module(tmp_path: Path) -> None:
    _tree(tmp_path)
    report = {"totals": {"covered_lines": 27, "num_statements": 30, "covered_branches": 3, "num_branches": 10},
              "files": {"src/domain/a.py": _summary(9, 10, 1, 2), str(tmp_path / "src/domain/b.py"):
                        _summary(10, 10, 0, 0), "src/application/c.py": _summary(8, 10, 2, 8),
                        "elsewhere/d.py": _summary(0, 50, 0, 0)}}
    (tmp_path / "coverage.json").write_text(json.dumps(report))
    figures = live_figures(tmp_path, scan_modules(tmp_path))
    assert figures == CoverageFigures(75.0, {"application (root files)": ModuleCoverage(55.6, 18),
                                             "domain": ModuleCoverage(90.9, 22)})


def test_no_report_gives_no_figures_and_a_broken_one_is_refused(tmp_path: Path) -> None:
    _tree(tmp_path)
    assert live_figures(tmp_path, scan_modules(tmp_path)) is None
    assert load_snapshot(tmp_path) is None
    (tmp_path / "coverage.json").write_text("{}")
    with pytest.raises(DocsError, match=r"not a coverage\.py JSON report"):
        live_figures(tmp_path, scan_modules(tmp_path))
    (tmp_path / SNAPSHOT).parent.mkdir()
    (tmp_path / SNAPSHOT).write_text('{"total": 90, "modules": {"domain": 97.0}}')
    with pytest.raises(DocsError, match=r"malformed .*docs regenerate --coverage"):
        load_snapshot(tmp_path)


def test_the_floor_comes_from_pyproject(tmp_path: Path) -> None:
    assert coverage_floor(tmp_path) == 85.0
    (tmp_path / "pyproject.toml").write_text("[tool.coverage.report]\nfail_under = 90\n")
    assert coverage_floor(tmp_path) == 90.0
