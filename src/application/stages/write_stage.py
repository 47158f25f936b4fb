"""The write stage: compose the lesson script from the retrieved passages and their teaching units."""

from application.errors import StageFailed
from application.ports.script_writer import ScriptWriter
from application.ports.unit_library import UnitLibrary
from application.stages.script_brief import brief_for
from application.stages.stage_handler import StageOutcome
from domain.lesson_request import LessonRequest
from domain.stage import StageName


class WriteStage:
    """Asks the ScriptWriter for a script that cites only retrieved passages, and verifies that it does."""

    stage = StageName.WRITE

    def __init__(self, writer: ScriptWriter, library: UnitLibrary) -> None:
        self._writer = writer
        self._library = library

    async def run(self, lesson: LessonRequest) -> StageOutcome:
        """Record the script; a script citing an unknown passage fails the stage."""
        written = await self._writer.write(await brief_for(lesson, self._library))
        known = {p.passage.id for p in lesson.passages}
        unknown = [c for c in written.script.citations if c not in known]
        if unknown:
            raise StageFailed("ungrounded_citation", f"script cites unknown passages: {unknown}", retryable=True)
        lesson.record_script(written.script)
        return StageOutcome(cost_lines=written.cost_lines)
