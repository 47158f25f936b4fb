"""Stores a stage's files under deterministic keys and describes them as artifacts."""

from uuid import UUID

from application.errors import StageFailed
from application.ports.artifact_store import ArtifactStore
from application.ports.media_providers import MediaFile
from domain.artifact import Artifact, validate_artifact_name
from domain.errors import InvalidValue
from domain.modality import Modality
from domain.stage import StageName


def artifact_key(lesson_id: UUID, stage: str, name: str) -> str:
    """The storage key of an artifact: one per lesson, stage and file name."""
    return f"lessons/{lesson_id}/{stage}/{name}"


class ArtifactWriter:
    """Writes files once (a re-run keeps what is already stored) and returns their artifact records."""

    def __init__(self, store: ArtifactStore) -> None:
        self._store = store

    async def write(
        self, lesson_id: UUID, stage: StageName, modality: Modality, files: tuple[MediaFile, ...], script_hash: str
    ) -> tuple[Artifact, ...]:
        """Store every file of one stage; returns one Artifact per file, in order.

        A provider's file name is checked before it reaches the store: StageFailed("unsafe_artifact_name")
        when it is not a plain file name."""
        artifacts = []
        for file in files:
            try:
                validate_artifact_name(file.name)
            except InvalidValue:
                raise StageFailed("unsafe_artifact_name", f"refused artifact name {file.name[:40]!r}",
                                  retryable=False) from None
            key = artifact_key(lesson_id, stage.value, file.name)
            stored = await self._store.put(key, file.data, file.content_type)
            artifacts.append(Artifact(
                modality=modality, name=file.name, stage=stage.value, content_type=file.content_type,
                size_bytes=stored.size_bytes, sha256=stored.sha256, script_hash=script_hash,
            ))
        return tuple(artifacts)
