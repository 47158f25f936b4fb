"""The publish stage: store the lesson text and mark the lesson ready."""

from application.errors import StageFailed
from application.ports.media_providers import MediaFile
from application.stages.artifact_writer import ArtifactWriter
from application.stages.lesson_markdown import render_markdown
from application.stages.stage_handler import StageOutcome
from domain.lesson_request import LessonRequest
from domain.modality import Modality
from domain.stage import StageName


class PublishStage:
    """Writes `lesson.md` when text was requested; media stages have stored their own files already."""

    stage = StageName.PUBLISH

    def __init__(self, writer: ArtifactWriter) -> None:
        self._writer = writer

    async def run(self, lesson: LessonRequest) -> StageOutcome:
        """Store the text artifact and record it."""
        if lesson.script is None:
            raise StageFailed("missing_input", "the write stage has not run", retryable=False)
        if Modality.TEXT in lesson.spec.modalities:
            file = MediaFile("lesson.md", "text/markdown; charset=utf-8", render_markdown(lesson).encode())
            artifacts = await self._writer.write(lesson.id, self.stage, Modality.TEXT, (file,),
                                                 lesson.script.content_hash)
            lesson.record_artifacts(artifacts)
        return StageOutcome()
