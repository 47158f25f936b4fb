"""Traceability rules: every requirement has an FRS section and (when implemented) a test; no unknown ids."""

from collections.abc import Mapping

from infrastructure.docs.problems import Problem
from infrastructure.docs.req_markers import MarkedTest
from infrastructure.docs.requirements import REQUIREMENT_ID, IdSection, Requirement

RDS = "docs/RDS.md"
FRS = "docs/FRS.md"


def requirement_test_index(tests: tuple[MarkedTest, ...]) -> dict[str, tuple[str, ...]]:
    """Requirement id → the sorted node ids of the tests naming it."""
    index: dict[str, list[str]] = {}
    for test in tests:
        for requirement_id in test.requirement_ids:
            index.setdefault(requirement_id, []).append(test.node)
    return {key: tuple(sorted(nodes)) for key, nodes in sorted(index.items())}


def traceability_problems(requirements: tuple[Requirement, ...], rds_errors: list[str],
                          frs_sections: tuple[IdSection, ...], frs_text: str,
                          tests: tuple[MarkedTest, ...]) -> list[Problem]:
    """Everything that breaks the RDS → FRS → test chain, each with the fix."""
    known = {r.id: r for r in requirements}
    problems = [Problem(RDS, "requirements", error) for error in rds_errors]
    if not requirements:
        problems.append(Problem(RDS, "requirements", "no requirement found; write headings like "
                                "'### RDS-001 — Title' followed by a 'status: implemented' line"))
    specified = [s.id for s in frs_sections]
    for requirement_id in sorted({i for i in specified if specified.count(i) > 1}):
        problems.append(Problem(FRS, requirement_id, "has more than one section; keep one per id"))
    for requirement_id in sorted(set(known) - set(specified)):
        problems.append(Problem(FRS, requirement_id, f"no section specifies it; add a heading "
                                f"'## {requirement_id} — {known[requirement_id].title}' saying how it is met"))
    for requirement_id in sorted(set(specified) - set(known)):
        problems.append(Problem(FRS, requirement_id, f"section names an id that {RDS} does not define; "
                                "fix the id or add the requirement"))
    for requirement_id in sorted(set(REQUIREMENT_ID.findall(frs_text)) - set(known) - set(specified)):
        problems.append(Problem(FRS, requirement_id, f"mentions an id that {RDS} does not define"))
    tested = requirement_test_index(tests)
    for requirement_id in sorted(set(tested) - set(known)):
        nodes = ", ".join(tested[requirement_id])
        problems.append(Problem(nodes, "req marker", f"names {requirement_id}, which {RDS} does not define"))
    for req in requirements:
        if req.status == "implemented" and req.id not in tested:
            problems.append(Problem(RDS, req.id, f"is implemented but no test names it; add "
                                    f"@pytest.mark.req(\"{req.id}\") to a test that checks it, or mark it "
                                    "'status: planned'"))
    return problems


def frs_headings(frs_sections: tuple[IdSection, ...]) -> Mapping[str, str]:
    """Requirement id → the heading of its (first) FRS section."""
    headings: dict[str, str] = {}
    for section in frs_sections:
        headings.setdefault(section.id, section.heading)
    return headings
