"""The check stage: the reading level is recorded against the grade's target; unsafe lesson text stops the lesson."""

import pytest

from application.errors import StageFailed
from application.ports.script_writer import ScriptBrief
from application.stages.check_stage import CheckStage
from domain.lesson_request import LessonRequest
from domain.passage import ScoredPassage
from domain.understanding import Understanding
from tests.unit.factories import a_lesson
from tests.unit.stage_fakes import PASSAGE, FakeScreen, FakeWriter


async def _written_lesson() -> LessonRequest:
    lesson = a_lesson()
    brief = ScriptBrief(understanding=Understanding("How do plants make food?", "science", "photosynthesis",
                                                    "explain"),
                        grade=lesson.spec.grade, interest=None, passages=(ScoredPassage(PASSAGE, 1.0),))
    lesson.record_script((await FakeWriter().write(brief)).script)
    return lesson


@pytest.mark.req("RDS-011")
async def test_reading_level_is_measured_and_recorded_with_the_grades_target() -> None:
    lesson = await _written_lesson()
    await CheckStage(FakeScreen()).run(lesson)
    level = lesson.reading_level
    assert level is not None and (level.target_low, level.target_high) == lesson.spec.grade.reading_target
    assert level.measured > 0


@pytest.mark.req("RDS-013")
async def test_unsafe_lesson_text_fails_the_stage_for_good() -> None:
    lesson = await _written_lesson()
    with pytest.raises(StageFailed) as failure:
        await CheckStage(FakeScreen(blocked="sugar")).run(lesson)
    assert failure.value.code == "unsafe_output" and not failure.value.retryable


async def test_check_without_a_script_is_a_permanent_failure() -> None:
    with pytest.raises(StageFailed) as failure:
        await CheckStage(FakeScreen()).run(a_lesson())
    assert failure.value.code == "missing_input" and not failure.value.retryable
