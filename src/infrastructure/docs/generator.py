"""`docs regenerate` and `docs check`: render every generated section from the code and compare or write it."""

import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from infrastructure.docs.budgets import budget_problems
from infrastructure.docs.code_facts import CodeFacts
from infrastructure.docs.coverage_figures import (
    LIVE_REPORT,
    SNAPSHOT,
    CoverageFigures,
    coverage_floor,
    coverage_problems,
    live_figures,
    load_snapshot,
    snapshot_text,
)
from infrastructure.docs.markers import (
    as_body,
    begin_marker,
    end_marker,
    find_sections,
    hand_written,
    replace_sections,
)
from infrastructure.docs.problems import DocsError, DocsReport, Problem
from infrastructure.docs.render_architecture import render_component_diagram, render_module_map, render_ports_table
from infrastructure.docs.render_diagrams import render_data_model, render_state_machine
from infrastructure.docs.render_index import render_requirement_index, render_routes
from infrastructure.docs.req_markers import MarkedTest, find_marked_tests
from infrastructure.docs.requirements import IdSection, Requirement, id_sections, parse_requirements
from infrastructure.docs.source_tree import Module, median_python_lines, scan_modules
from infrastructure.docs.traceability import FRS, RDS, frs_headings, requirement_test_index, traceability_problems

MAX_DIFF_LINES = 24


@dataclass(frozen=True, slots=True)
class DocInputs:
    """Everything the sections are rendered from: the code facts, the tree, the hand-written docs, the tests."""

    facts: CodeFacts
    modules: tuple[Module, ...]
    coverage: CoverageFigures | None
    requirements: tuple[Requirement, ...]
    rds_errors: list[str]
    frs_sections: tuple[IdSection, ...]
    frs_text: str
    tests: tuple[MarkedTest, ...]
    marker_problems: list[Problem]


Renderer = Callable[[DocInputs], str]
SECTIONS: Mapping[str, Mapping[str, Renderer]] = {
    "CLAUDE.md": {
        "module-map": lambda i: render_module_map(i.modules, i.coverage),
        "ports-adapters": lambda i: render_ports_table(i.facts.ports),
    },
    FRS: {
        "components": lambda i: render_component_diagram(i.facts.ports),
        "state-machine": lambda i: render_state_machine(i.facts.lifecycle),
        "data-model": lambda i: render_data_model(i.facts.tables),
        "routes": lambda i: render_routes(i.facts.routes),
    },
    RDS: {
        "requirement-index": lambda i: render_requirement_index(
            i.requirements, frs_headings(i.frs_sections), requirement_test_index(i.tests)),
    },
}


def _read(root: Path, name: str) -> str:
    path = root / name
    if not path.is_file():
        raise DocsError(f"{name} is missing under {root}; it holds generated sections {sorted(SECTIONS[name])}")
    return path.read_text(encoding="utf-8")


def gather(root: Path, facts: CodeFacts) -> DocInputs:
    """Read the tree, the hand-written parts of RDS and FRS, and the test markers under `root`."""
    requirements, rds_errors = parse_requirements(hand_written(_read(root, RDS), RDS))
    frs_text = hand_written(_read(root, FRS), FRS)
    tests, marker_problems = find_marked_tests(root)
    return DocInputs(facts, scan_modules(root), load_snapshot(root), requirements, rds_errors,
                     id_sections(frs_text), frs_text, tests, marker_problems)


def _expected(inputs: DocInputs) -> dict[str, dict[str, str]]:
    return {doc: {name: as_body(render(inputs)) for name, render in sections.items()}
            for doc, sections in SECTIONS.items()}


def _marker_problems(doc: str, text: str, wanted: Mapping[str, str]) -> list[Problem]:
    found = find_sections(text, doc)
    problems = [Problem(doc, name, f"markers missing: add the lines '{begin_marker(name)}' and "
                        f"'{end_marker(name)}' where the section belongs") for name in sorted(set(wanted) - set(found))]
    problems += [Problem(doc, name, f"unknown generated section; this file may hold {sorted(wanted)}")
                 for name in sorted(set(found) - set(wanted))]
    return problems


def regenerate_docs(root: Path, facts: CodeFacts, *, refresh_coverage: bool = False) -> tuple[str, ...]:
    """Rewrite only the generated sections (and with `refresh_coverage` the snapshot); returns the files changed."""
    changed = []
    if refresh_coverage:
        live = live_figures(root, scan_modules(root))
        if live is None:
            raise DocsError(f"no {LIVE_REPORT} under {root}: run the tests first (bash scripts/test.sh)")
        snapshot = root / SNAPSHOT
        if not snapshot.is_file() or snapshot.read_text(encoding="utf-8") != snapshot_text(live):
            snapshot.write_text(snapshot_text(live), encoding="utf-8")
            changed.append(SNAPSHOT)
    rewritten = {}
    for doc, bodies in _expected(gather(root, facts)).items():
        text = _read(root, doc)
        problems = _marker_problems(doc, text, bodies)
        if problems:
            raise DocsError(problems[0].render())
        rewritten[doc] = (text, replace_sections(text, bodies, doc))
    for doc, (text, updated) in rewritten.items():
        if updated != text:
            (root / doc).write_text(updated, encoding="utf-8")
            changed.append(doc)
    return tuple(changed)


def _diff(doc: str, name: str, committed: str, expected: str) -> str:
    lines = list(difflib.unified_diff(committed.splitlines(), expected.splitlines(), lineterm="", n=1,
                                      fromfile=f"{doc} [{name}] as committed", tofile="as generated from the code"))
    if len(lines) > MAX_DIFF_LINES:
        lines = [*lines[:MAX_DIFF_LINES], f"... {len(lines) - MAX_DIFF_LINES} more diff lines"]
    return "\n".join(lines)


def _stale_problems(root: Path, expected: Mapping[str, Mapping[str, str]]) -> list[Problem]:
    problems = []
    for doc, bodies in expected.items():
        text = _read(root, doc)
        problems += _marker_problems(doc, text, bodies)
        for name, section in sorted(find_sections(text, doc).items()):
            if name in bodies and section.body != bodies[name]:
                problems.append(Problem(doc, name, "stale: run `lessonsmith docs regenerate`",
                                        _diff(doc, name, section.body, bodies[name])))
    return problems


def check_docs(root: Path, facts: CodeFacts, *, live_coverage: bool = True) -> DocsReport:
    """Every way the docs can disagree with the code, the requirements, the tests or the budgets."""
    try:
        inputs = gather(root, facts)
        problems = _stale_problems(root, _expected(inputs))
    except DocsError as error:
        return DocsReport((Problem("docs", "", str(error)),))
    problems += inputs.marker_problems
    problems += traceability_problems(inputs.requirements, inputs.rds_errors, inputs.frs_sections,
                                      inputs.frs_text, inputs.tests)
    problems += budget_problems(root, inputs.modules)
    live = live_figures(root, inputs.modules) if live_coverage else None
    if live_coverage and live is None:
        problems.append(Problem(LIVE_REPORT, "coverage", "no coverage report: run the tests first (bash "
                                "scripts/test.sh writes it), or pass --skip-coverage to check everything else"))
    elif live is not None:
        problems += coverage_problems(live, inputs.coverage, coverage_floor(root))
    return DocsReport(tuple(problems), _summary(inputs, live))


def _summary(inputs: DocInputs, live: CoverageFigures | None) -> tuple[str, ...]:
    files = [f for m in inputs.modules for f in m.python_files]
    planned = sum(r.status == "planned" for r in inputs.requirements)
    lines = [f"{sum(len(s) for s in SECTIONS.values())} generated sections in {len(SECTIONS)} files match the code",
             f"{len(inputs.requirements)} requirements ({len(inputs.requirements) - planned} implemented, "
             f"{planned} planned), each with an FRS section; {len(inputs.tests)} marked tests",
             f"{len(inputs.modules)} modules, {len(files)} Python files, median {median_python_lines(inputs.modules):g}"
             f" lines, largest {max((f.lines for f in files), default=0)} lines: within the size budgets"]
    if live is not None:
        lines.append(f"branch coverage {live.total:.1f} % in this run; every module within the snapshot's tolerance")
    else:
        lines.append("live coverage not compared (--skip-coverage)")
    return tuple(lines)
