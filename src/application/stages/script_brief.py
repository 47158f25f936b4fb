"""The brief a writer gets for a lesson: the understanding, grade, interest and retrieved passages."""

from application.errors import StageFailed
from application.ports.script_writer import ScriptBrief
from domain.lesson_request import LessonRequest


def brief_for(lesson: LessonRequest, reading_adjustment: int = 0) -> ScriptBrief:
    """The writer's brief for `lesson`; StageFailed when understand and retrieve have not run."""
    if lesson.understanding is None or not lesson.passages:
        raise StageFailed("missing_input", "understand and retrieve must run first", retryable=False)
    return ScriptBrief(understanding=lesson.understanding, grade=lesson.spec.grade, interest=lesson.spec.interest,
                       passages=lesson.passages, reading_adjustment=reading_adjustment)
