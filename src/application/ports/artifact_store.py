"""ArtifactStore port: where lesson files live (local folder or object storage)."""

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class StoredObject:
    """What the store holds under a key: its size and sha256."""

    key: str
    size_bytes: int
    sha256: str


class ArtifactStore(Protocol):
    """Write-once objects under deterministic keys. Raises StorageError."""

    async def put(self, key: str, data: bytes, content_type: str) -> StoredObject:
        """Store `data` under `key` atomically; if `key` already holds an object, keep it and return it."""
        ...

    async def stat(self, key: str) -> StoredObject | None:
        """The stored object's metadata, or None when absent."""
        ...

    def read(self, key: str) -> AsyncIterator[bytes]:
        """Stream the object's bytes in chunks; ArtifactNotFound when absent."""
        ...

    async def signed_url(self, key: str, ttl_s: int) -> str | None:
        """A short-lived direct download URL, or None when the store serves bytes itself."""
        ...

    async def is_ready(self) -> bool:
        """True when the store can be written now (readiness); never raises."""
        ...
