"""The brief a writer gets for a lesson: the understanding, grade, interest, retrieved passages and their units."""

from application.errors import StageFailed
from application.ports.script_writer import ScriptBrief
from application.ports.unit_library import UnitLibrary
from domain.lesson_request import LessonRequest


async def brief_for(lesson: LessonRequest, library: UnitLibrary, reading_adjustment: int = 0) -> ScriptBrief:
    """The writer's brief for `lesson`; StageFailed when understand and retrieve have not run."""
    if lesson.understanding is None or not lesson.passages:
        raise StageFailed("missing_input", "understand and retrieve must run first", retryable=False)
    units = await library.units([p.passage.id for p in lesson.passages])
    return ScriptBrief(understanding=lesson.understanding, grade=lesson.spec.grade, interest=lesson.spec.interest,
                       passages=lesson.passages, units=units, reading_adjustment=reading_adjustment)
