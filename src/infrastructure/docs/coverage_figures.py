"""Branch coverage per module: live from the test run's coverage.json, or from the committed snapshot.

The committed docs render the snapshot (docs/coverage.json), so regenerating them is deterministic; the check
compares the live run with the snapshot within a tolerance, because coverage moves a little between runs
(timing-dependent branches). The tolerance is 2 points, widened for small modules to 4 statements or branches,
since a few racy lines of a 70-line module already move it by more than 2 points.
"""

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from infrastructure.docs.problems import DocsError, Problem
from infrastructure.docs.source_tree import Module

LIVE_REPORT = "coverage.json"
SNAPSHOT = "docs/coverage.json"
TOLERANCE_POINTS = 2.0
TOLERANCE_UNITS = 4
DEFAULT_FLOOR = 85.0
SECTION = "coverage"


@dataclass(frozen=True, slots=True)
class ModuleCoverage:
    """Percent of a module's statements and branches covered, and how many coverage.py measured."""

    percent: float
    measured: int

    @property
    def tolerance(self) -> float:
        """Points a run may differ from the record: 2, or 4 statements/branches when that is more."""
        return max(TOLERANCE_POINTS, round(100.0 * TOLERANCE_UNITS / self.measured, 1) if self.measured else 0.0)


@dataclass(frozen=True, slots=True)
class CoverageFigures:
    """Percent covered (statements and branches together, as coverage.py counts), overall and per module."""

    total: float
    modules: dict[str, ModuleCoverage]


def _percent(covered: int, measured: int) -> float:
    return round(100.0 * covered / measured, 1) if measured else 100.0


def live_figures(root: Path, modules: tuple[Module, ...]) -> CoverageFigures | None:
    """The figures of `root`/coverage.json (written by pytest), or None when there is no report."""
    report = root / LIVE_REPORT
    if not report.is_file():
        return None
    try:
        data: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
        files: dict[str, Any] = data["files"]
        totals = data["totals"]
    except (ValueError, KeyError) as error:
        raise DocsError(f"{LIVE_REPORT} is not a coverage.py JSON report ({error}); run the tests again") from error
    owner = {f.path: m.name for m in modules for f in m.python_files}
    sums: dict[str, list[int]] = {m.name: [0, 0] for m in modules if m.python_files}
    for name, entry in files.items():
        path = Path(name)
        relative = (path.relative_to(root) if path.is_absolute() and path.is_relative_to(root) else path).as_posix()
        if relative in owner:
            summary = entry["summary"]
            sums[owner[relative]][0] += summary["covered_lines"] + summary.get("covered_branches", 0)
            sums[owner[relative]][1] += summary["num_statements"] + summary.get("num_branches", 0)
    total = _percent(totals["covered_lines"] + totals.get("covered_branches", 0),
                     totals["num_statements"] + totals.get("num_branches", 0))
    return CoverageFigures(total, {name: ModuleCoverage(_percent(covered, measured), measured)
                                   for name, (covered, measured) in sorted(sums.items())})


def load_snapshot(root: Path) -> CoverageFigures | None:
    """The committed snapshot, or None when there is none yet; DocsError when it is malformed."""
    path = root / SNAPSHOT
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        modules = {str(k): ModuleCoverage(float(v["percent"]), int(v["measured"])) for k, v in data["modules"].items()}
        return CoverageFigures(float(data["total"]), modules)
    except (KeyError, TypeError, ValueError) as error:
        raise DocsError(f"{SNAPSHOT} is malformed ({error}); run `lessonsmith docs regenerate --coverage`") from error


def snapshot_text(figures: CoverageFigures) -> str:
    """The snapshot file's exact text: sorted keys, one decimal, a final newline."""
    modules = {name: {"percent": m.percent, "measured": m.measured} for name, m in sorted(figures.modules.items())}
    return json.dumps({"total": figures.total, "modules": modules}, indent=2) + "\n"


def coverage_floor(root: Path) -> float:
    """`[tool.coverage.report] fail_under` from pyproject.toml, else 85."""
    path = root / "pyproject.toml"
    if not path.is_file():
        return DEFAULT_FLOOR
    report = tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {}).get("coverage", {}).get("report", {})
    return float(report.get("fail_under", DEFAULT_FLOOR))


def coverage_problems(live: CoverageFigures, snapshot: CoverageFigures | None, floor: float) -> list[Problem]:
    """The live total under the floor, or a module more than the tolerance away from the snapshot."""
    fix = "run `lessonsmith docs regenerate --coverage` after the test run to record it"
    if snapshot is None:
        return [Problem(SNAPSHOT, SECTION, f"missing; {fix}")]
    problems = []
    if live.total < floor:
        problems.append(Problem(LIVE_REPORT, SECTION, f"total branch coverage {live.total:.1f} % is under "
                                f"{floor:.0f} %: add tests"))
    for name in sorted(live.modules.keys() | snapshot.modules.keys()):
        now, then = live.modules.get(name), snapshot.modules.get(name)
        if now is None:
            problems.append(Problem(SNAPSHOT, SECTION, f"lists module {name!r}, which has no code now; {fix}"))
        elif then is None:
            problems.append(Problem(SNAPSHOT, SECTION, f"has no figure for module {name!r} "
                                    f"(live {now.percent:.1f} %); {fix}"))
        elif abs(now.percent - then.percent) > now.tolerance:
            problems.append(Problem(SNAPSHOT, SECTION, f"module {name!r} is at {now.percent:.1f} % in this run but "
                                    f"{then.percent:.1f} % in the snapshot (tolerance ±{now.tolerance:g} points); "
                                    f"{fix}, and add tests if it fell"))
    return problems
