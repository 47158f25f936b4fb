"""GetArtifact: an artifact of a lesson, for those who may see the lesson."""

from collections.abc import AsyncIterator
from dataclasses import dataclass
from uuid import UUID

from application.errors import ArtifactNotFound, LessonNotFound
from application.ports.actor import Actor
from application.ports.artifact_store import ArtifactStore
from application.ports.unit_of_work import UnitOfWorkFactory
from application.stages.artifact_writer import artifact_key
from domain.artifact import Artifact

SIGNED_URL_TTL_S = 600


@dataclass(frozen=True, slots=True, kw_only=True)
class GetArtifactQuery:
    """Which artifact of which lesson, asked by whom."""

    actor: Actor
    lesson_id: UUID
    name: str


@dataclass(frozen=True, slots=True)
class ArtifactDownload:
    """Either a short-lived URL to redirect to, or the bytes as a stream."""

    artifact: Artifact
    signed_url: str | None
    chunks: AsyncIterator[bytes] | None


class GetArtifact:
    """Ownership is checked before any URL is minted or byte read; names come only from the lesson record."""

    def __init__(self, uow: UnitOfWorkFactory, store: ArtifactStore) -> None:
        self._uow = uow
        self._store = store

    async def execute(self, query: GetArtifactQuery) -> ArtifactDownload:
        """The download; LessonNotFound or ArtifactNotFound otherwise."""
        async with self._uow() as uow:
            lesson = await uow.lessons.get_visible(query.lesson_id, query.actor)
        if lesson is None:
            raise LessonNotFound(str(query.lesson_id))
        artifact = next((a for a in lesson.artifacts if a.name == query.name), None)
        if artifact is None:
            raise ArtifactNotFound(query.name)
        key = artifact_key(lesson.id, artifact.stage, artifact.name)
        url = await self._store.signed_url(key, SIGNED_URL_TTL_S)
        if url is not None:
            return ArtifactDownload(artifact, url, None)
        return ArtifactDownload(artifact, None, self._store.read(key))
