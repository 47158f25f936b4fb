"""The live coverage must stay above the floor and each module near its committed figure."""

import json

import pytest

from infrastructure.docs.coverage_figures import CoverageFigures, ModuleCoverage, coverage_problems, snapshot_text

pytestmark = pytest.mark.req("RDS-040")
SNAPSHOT = CoverageFigures(91.0, {"domain": ModuleCoverage(97.0, 1000), "worker": ModuleCoverage(84.0, 75)})


def _run(total: float, domain: float, worker: float) -> CoverageFigures:
    return CoverageFigures(total, {"domain": ModuleCoverage(domain, 1000), "worker": ModuleCoverage(worker, 75)})


def test_a_run_close_to_the_snapshot_passes() -> None:
    assert coverage_problems(_run(90.2, 95.0, 89.3), SNAPSHOT, 85) == []


def test_a_total_under_the_floor_fails() -> None:
    problems = coverage_problems(_run(84.9, 97.0, 84.0), SNAPSHOT, 85)
    assert [p.message for p in problems] == ["total branch coverage 84.9 % is under 85 %: add tests"]


def test_a_large_module_more_than_two_points_away_fails_with_the_fix() -> None:
    [problem] = coverage_problems(_run(91.0, 94.9, 84.0), SNAPSHOT, 85)
    assert "module 'domain' is at 94.9 % in this run but 97.0 % in the snapshot (tolerance ±2 points)" \
        in problem.message
    assert "lessonsmith docs regenerate --coverage" in problem.message


def test_a_small_module_may_move_four_statements_but_not_more() -> None:
    assert ModuleCoverage(84.0, 75).tolerance == 5.3
    [problem] = coverage_problems(_run(91.0, 97.0, 89.4), SNAPSHOT, 85)
    assert "module 'worker' is at 89.4 %" in problem.message and "(tolerance ±5.3 points)" in problem.message


def test_new_and_removed_modules_must_be_recorded() -> None:
    live = CoverageFigures(91.0, {"domain": ModuleCoverage(97.0, 1000), "media": ModuleCoverage(80.0, 10)})
    assert [p.message.split(";")[0] for p in coverage_problems(live, SNAPSHOT, 85)] == [
        "has no figure for module 'media' (live 80.0 %)", "lists module 'worker', which has no code now"]


def test_without_a_snapshot_the_fix_is_named() -> None:
    [problem] = coverage_problems(SNAPSHOT, None, 85)
    assert problem.path == "docs/coverage.json" and "docs regenerate --coverage" in problem.message


def test_the_snapshot_text_is_sorted_and_stable() -> None:
    text = snapshot_text(CoverageFigures(91.0, {"b": ModuleCoverage(1.5, 3), "a": ModuleCoverage(2.0, 4)}))
    assert text == snapshot_text(CoverageFigures(91.0, {"a": ModuleCoverage(2.0, 4), "b": ModuleCoverage(1.5, 3)}))
    assert json.loads(text)["modules"] == {"a": {"percent": 2.0, "measured": 4}, "b": {"percent": 1.5, "measured": 3}}
