"""The shape every media stage shares: produce files from the current script once, store them, record them."""

from abc import ABC, abstractmethod

from application.errors import StageFailed
from application.ports.media_providers import MediaResult
from application.stages.artifact_writer import ArtifactWriter
from application.stages.stage_handler import StageOutcome
from domain.lesson_request import LessonRequest
from domain.lesson_script import LessonScript
from domain.modality import Modality
from domain.stage import StageName


class MediaStage(ABC):
    """Runs `produce` unless this stage's artifacts for the current script are already recorded.

    Files go through the write-once ArtifactWriter, so a re-run after an interruption keeps whatever
    was already stored; every artifact carries the script's content hash.
    """

    stage: StageName
    modality: Modality

    def __init__(self, writer: ArtifactWriter) -> None:
        self._writer = writer

    async def run(self, lesson: LessonRequest) -> StageOutcome:
        """Produce, store and record this stage's files (nothing to do when they are recorded already)."""
        script = lesson.script
        if script is None:
            raise StageFailed("missing_input", "the write stage has not run", retryable=False)
        if lesson.artifacts_of(self.stage):
            return StageOutcome()
        result = await self.produce(lesson, script)
        artifacts = await self._writer.write(lesson.id, self.stage, self.modality, result.files, script.content_hash)
        lesson.record_artifacts(artifacts)
        return StageOutcome(cost_lines=result.cost_lines)

    @abstractmethod
    async def produce(self, lesson: LessonRequest, script: LessonScript) -> MediaResult:
        """The stage's files and cost lines for `script`."""
