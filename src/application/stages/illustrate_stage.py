"""The illustrate stage: one image per slide of the outline."""

from application.ports.media_providers import Illustrator, MediaResult
from application.stages.artifact_writer import ArtifactWriter
from application.stages.media_stage import MediaStage
from domain.lesson_request import LessonRequest
from domain.lesson_script import LessonScript
from domain.modality import Modality
from domain.stage import StageName


class IllustrateStage(MediaStage):
    """Asks the Illustrator for the slides, themed by the lesson's subject."""

    stage = StageName.ILLUSTRATE
    modality = Modality.IMAGE

    def __init__(self, illustrator: Illustrator, writer: ArtifactWriter) -> None:
        super().__init__(writer)
        self._illustrator = illustrator

    async def produce(self, lesson: LessonRequest, script: LessonScript) -> MediaResult:
        """One PNG per slide."""
        subject = lesson.understanding.subject if lesson.understanding is not None else "general"
        return await self._illustrator.illustrate(script, subject)
