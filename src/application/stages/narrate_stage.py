"""The narrate stage: speech audio of the narration with timed WebVTT captions."""

from application.ports.media_providers import MediaResult, Narrator
from application.stages.artifact_writer import ArtifactWriter
from application.stages.media_stage import MediaStage
from domain.lesson_request import LessonRequest
from domain.lesson_script import LessonScript
from domain.modality import Modality
from domain.stage import StageName


class NarrateStage(MediaStage):
    """Asks the Narrator to speak the script's narration in the lesson's language."""

    stage = StageName.NARRATE
    modality = Modality.AUDIO

    def __init__(self, narrator: Narrator, writer: ArtifactWriter) -> None:
        super().__init__(writer)
        self._narrator = narrator

    async def produce(self, lesson: LessonRequest, script: LessonScript) -> MediaResult:
        """Audio and captions."""
        return await self._narrator.narrate(script, lesson.spec.language.tag)
