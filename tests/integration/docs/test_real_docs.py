"""The committed docs of this repository: every requirement is specified in the FRS and named by a test."""

from pathlib import Path

import pytest

from infrastructure.docs.markers import hand_written
from infrastructure.docs.req_markers import find_marked_tests
from infrastructure.docs.requirements import id_sections, parse_requirements
from infrastructure.docs.traceability import requirement_test_index

pytestmark = pytest.mark.req("RDS-039")
REPO = Path(__file__).resolve().parents[3]


def test_every_requirement_has_an_frs_section_and_every_implemented_one_a_test() -> None:
    rds = hand_written((REPO / "docs/RDS.md").read_text(), "docs/RDS.md")
    frs = hand_written((REPO / "docs/FRS.md").read_text(), "docs/FRS.md")
    requirements, errors = parse_requirements(rds)
    tests, marker_problems = find_marked_tests(REPO)
    assert errors == [] and marker_problems == []
    assert 40 <= len(requirements) <= 120
    specified = {section.id for section in id_sections(frs)}
    tested = requirement_test_index(tests)
    assert [r.id for r in requirements if r.id not in specified] == []
    assert [r.id for r in requirements if r.status == "implemented" and r.id not in tested] == []
    assert set(tested) <= {r.id for r in requirements}


def test_the_guides_stay_short() -> None:
    for guide in ("CLAUDE.md", "AGENTS.md"):
        assert len((REPO / guide).read_text().splitlines()) <= 150, guide
