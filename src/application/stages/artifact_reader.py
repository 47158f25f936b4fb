"""Reads stored artifacts back, checking each against the size and digest recorded on the lesson."""

import hashlib
from uuid import UUID

from application.errors import StageFailed
from application.ports.artifact_store import ArtifactStore
from application.stages.artifact_writer import artifact_key
from domain.artifact import Artifact


class ArtifactReader:
    """Later stages read earlier stages' files from the store, never from memory."""

    def __init__(self, store: ArtifactStore) -> None:
        self._store = store

    async def read(self, lesson_id: UUID, artifact: Artifact) -> bytes:
        """The artifact's bytes; StageFailed("artifact_corrupt") when they are not what was recorded."""
        digest = hashlib.sha256()
        chunks = []
        async for chunk in self._store.read(artifact_key(lesson_id, artifact.stage, artifact.name)):
            digest.update(chunk)
            chunks.append(chunk)
        data = b"".join(chunks)
        if len(data) != artifact.size_bytes or digest.hexdigest() != artifact.sha256:
            raise StageFailed("artifact_corrupt", f"stored {artifact.name} does not match its recorded digest",
                              retryable=False)
        return data
