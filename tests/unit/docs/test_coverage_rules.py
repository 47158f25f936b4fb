"""The live coverage must stay above the floor and each module near its committed figure."""

import json

import pytest

from infrastructure.docs.coverage_figures import CoverageFigures, coverage_problems, snapshot_text

pytestmark = pytest.mark.req("RDS-040")
SNAPSHOT = CoverageFigures(91.0, {"domain": 97.0, "application": 90.0})


def test_a_run_close_to_the_snapshot_passes() -> None:
    assert coverage_problems(CoverageFigures(90.2, {"domain": 95.0, "application": 91.9}), SNAPSHOT, 85) == []


def test_a_total_under_the_floor_fails() -> None:
    problems = coverage_problems(CoverageFigures(84.9, {"domain": 97.0, "application": 90.0}), SNAPSHOT, 85)
    assert [p.message for p in problems] == ["total branch coverage 84.9 % is under 85 %: add tests"]


def test_a_module_more_than_two_points_away_fails_with_the_fix() -> None:
    problems = coverage_problems(CoverageFigures(91.0, {"domain": 94.9, "application": 90.0}), SNAPSHOT, 85)
    assert len(problems) == 1 and "module 'domain' is at 94.9 % in this run but 97.0 %" in problems[0].message
    assert "lessonsmith docs regenerate --coverage" in problems[0].message


def test_new_and_removed_modules_must_be_recorded() -> None:
    problems = coverage_problems(CoverageFigures(91.0, {"domain": 97.0, "media": 80.0}), SNAPSHOT, 85)
    assert [p.message.split(";")[0] for p in problems] == [
        "lists module 'application', which has no code now", "has no figure for module 'media' (live 80.0 %)"]


def test_without_a_snapshot_the_fix_is_named() -> None:
    [problem] = coverage_problems(SNAPSHOT, None, 85)
    assert problem.path == "docs/coverage.json" and "docs regenerate --coverage" in problem.message


def test_the_snapshot_text_is_sorted_and_stable() -> None:
    text = snapshot_text(CoverageFigures(91.0, {"b": 1.5, "a": 2.0}))
    assert text == snapshot_text(CoverageFigures(91.0, {"a": 2.0, "b": 1.5})) and text.endswith("}\n")
    assert list(json.loads(text)["modules"]) == ["a", "b"]
