"""The check stage: measure reading level against the grade's target and screen the output."""

from application.errors import StageFailed
from application.ports.content_screen import ContentScreen
from application.stages.stage_handler import StageOutcome
from domain.lesson_request import LessonRequest
from domain.lesson_script import ReadingLevel
from domain.readability import flesch_kincaid_grade
from domain.stage import StageName


class CheckStage:
    """Records the measured Flesch–Kincaid grade with its target; unsafe output fails, never reaches media."""

    stage = StageName.CHECK

    def __init__(self, screen: ContentScreen) -> None:
        self._screen = screen

    async def run(self, lesson: LessonRequest) -> StageOutcome:
        """Measure, record, screen."""
        script = lesson.script
        if script is None:
            raise StageFailed("missing_input", "the write stage has not run", retryable=False)
        low, high = lesson.spec.grade.reading_target
        measured = flesch_kincaid_grade(script.plain_text())
        lesson.record_script(script, ReadingLevel(target_low=low, target_high=high, measured=measured))
        verdict = await self._screen.screen_output(script.plain_text())
        if not verdict.allowed:
            raise StageFailed("unsafe_output", f"the lesson text failed the safety screen: {verdict.category}",
                              retryable=False)
        return StageOutcome()
