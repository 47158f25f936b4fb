"""ReuseFinishedLesson: a worker finishes a new lesson by copying an identical finished one."""

import hashlib
import logging

from application.errors import ArtifactNotFound, StorageError
from application.ports.artifact_store import ArtifactStore
from application.ports.clock import Clock
from application.ports.cost_estimator import CostEstimator
from application.ports.generation_versions import GenerationVersionsSource
from application.ports.unit_of_work import UnitOfWorkFactory
from application.stages.artifact_writer import artifact_key
from domain.artifact import Artifact
from domain.content_key import content_key
from domain.lesson_request import LessonRequest
from domain.lesson_reuse import complete_from
from domain.stage import StageName

log = logging.getLogger(__name__)


class ReuseFinishedLesson:
    """Called by the stage runner on a freshly claimed lesson, before its first stage.

    Guarantees: the lesson gets its content key (sha256 over the normalised request and the corpus, model
    and prompt versions); when a completed lesson has the same key, its outputs are copied, its artifacts
    are stored again under this lesson's own keys (checked by sha256), no paid stage runs, and every
    stage records what it saved at list price. The lesson keeps its own id, owner and request.
    """

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, store: ArtifactStore, estimator: CostEstimator,
                 versions: GenerationVersionsSource) -> None:
        self._uow = uow
        self._clock = clock
        self._store = store
        self._estimator = estimator
        self._versions = versions

    async def apply(self, lesson: LessonRequest) -> bool:
        """True when `lesson` was completed from a finished one (the caller saves it); False when its
        stages must run (its content key is set either way). Raises StorageError."""
        if lesson.next_stage() is not StageName.UNDERSTAND:
            return False
        lesson.content_key = content_key(lesson.spec, await self._versions.current())
        async with self._uow() as uow:
            donor = await uow.lessons.find_reusable(lesson.content_key)
        if donor is None:
            return False
        artifacts = tuple([await self._copy(donor, lesson, artifact) for artifact in donor.artifacts])
        saved = {stage: (self._estimator.saved_by_reuse(stage, lesson.spec) if lesson.plan.should_run(stage)
                         else self._estimator.saved_by_skipping(stage, lesson.spec)) for stage in StageName}
        complete_from(lesson, donor, artifacts, self._clock.now(), saved)
        log.info("lesson %s reused finished lesson %s", lesson.id, donor.id)
        return True

    async def _copy(self, donor: LessonRequest, lesson: LessonRequest, artifact: Artifact) -> Artifact:
        try:
            data = b"".join([chunk async for chunk in self._store.read(artifact_key(donor.id, artifact.stage,
                                                                                  artifact.name))])
        except ArtifactNotFound:
            raise StorageError(f"{artifact.name} of lesson {donor.id} is missing from the store") from None
        if hashlib.sha256(data).hexdigest() != artifact.sha256:
            raise StorageError(f"stored {artifact.name} of lesson {donor.id} does not match its sha256")
        stored = await self._store.put(artifact_key(lesson.id, artifact.stage, artifact.name), data,
                                       artifact.content_type)
        if stored.sha256 != artifact.sha256:
            raise StorageError(f"{artifact.name} is already stored for lesson {lesson.id} with other bytes")
        return artifact
