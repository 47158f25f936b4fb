"""Requirements, FRS sections and test markers must form an unbroken chain; each break is named with its fix."""

import pytest

from infrastructure.docs.req_markers import MarkedTest
from infrastructure.docs.requirements import github_anchor, id_sections, parse_requirements
from infrastructure.docs.traceability import requirement_test_index, traceability_problems

pytestmark = pytest.mark.req("RDS-039")
RDS = """# Requirements
### RDS-001 — Request a lesson
status: implemented · functional
Text.
### RDS-002 — Later
*status: planned*
### RDS-003 — Forgotten status
Nothing here.
### RDS-001 — Duplicate
status: implemented
"""
FRS = """## Overview
Mentions RDS-001 and RDS-099.
## RDS-001 — Request a lesson
How.
## RDS-002 — Later
Plan.
## RDS-007 — Orphan
"""


def test_requirements_keep_id_title_status_and_report_mistakes() -> None:
    requirements, errors = parse_requirements(RDS)
    assert [(r.id, r.title, r.status) for r in requirements] == [
        ("RDS-001", "Request a lesson", "implemented"), ("RDS-002", "Later", "planned")]
    assert errors == ["RDS-003 has no 'status: implemented' or 'status: planned' line",
                      "RDS-001 is defined twice; ids are stable and unique"]


def test_anchor_is_the_one_github_gives_the_heading() -> None:
    assert github_anchor("RDS-001 — Request a lesson") == "rds-001--request-a-lesson"
    assert github_anchor("RDS-040 — Tests cover the code (85 %)") == "rds-040--tests-cover-the-code-85-"


def test_every_break_in_the_chain_is_reported_once() -> None:
    requirements, errors = parse_requirements(RDS)
    tests = (MarkedTest("tests/test_a.py::test_x", ("RDS-002", "RDS-050")),)
    problems = traceability_problems(requirements, errors, id_sections(FRS), FRS, tests)
    messages = [f"{p.path} [{p.section}]: {p.message}" for p in problems]
    assert len(messages) == 6, messages
    assert any("docs/FRS.md [RDS-007]: section names an id that docs/RDS.md does not define" in m for m in messages)
    assert any("docs/FRS.md [RDS-099]: mentions an id" in m for m in messages)
    assert any("tests/test_a.py::test_x [req marker]: names RDS-050" in m for m in messages)
    assert any('docs/RDS.md [RDS-001]: is implemented but no test names it; add @pytest.mark.req("RDS-001")' in m
               for m in messages)


def test_missing_and_repeated_frs_sections_are_reported() -> None:
    requirements, _ = parse_requirements("### RDS-001 — A\nstatus: implemented\n### RDS-002 — B\nstatus: planned\n")
    frs = "## RDS-001 — A\n## RDS-001 — A again\n"
    tests = (MarkedTest("tests/test_a.py", ("RDS-001",)),)
    problems = traceability_problems(requirements, [], id_sections(frs), frs, tests)
    assert [(p.section, p.message.split(";")[0]) for p in problems] == [
        ("RDS-001", "has more than one section"), ("RDS-002", "no section specifies it")]


def test_an_rds_without_requirements_is_refused() -> None:
    problems = traceability_problems((), [], (), "", ())
    assert [p.section for p in problems] == ["requirements"]


def test_tests_are_indexed_by_requirement_in_order() -> None:
    tests = (MarkedTest("tests/b.py::t", ("RDS-002", "RDS-001")), MarkedTest("tests/a.py", ("RDS-001",)))
    assert requirement_test_index(tests) == {"RDS-001": ("tests/a.py", "tests/b.py::t"), "RDS-002": ("tests/b.py::t",)}
