"""Artifacts in Google Cloud Storage: write-once objects under deterministic names, V4 signed downloads."""

import asyncio
import contextlib
import hashlib
from collections.abc import AsyncIterator, Callable
from datetime import timedelta
from typing import TypeVar

from google.api_core import exceptions as gexc
from google.auth.credentials import Signing
from google.cloud import storage

from application.errors import ArtifactNotFound, StorageError
from application.ports.artifact_store import ArtifactStore, StoredObject
from infrastructure.storage.local_artifact_store import CHUNK_BYTES

T = TypeVar("T")
MAX_SIGNED_URL_TTL_S = 900
READ_CHUNK_BYTES = 16 * CHUNK_BYTES


def _retryable(error: Exception) -> bool:
    """408, 429, 5xx and broken connections may pass on a later try; other refusals will not."""
    code = getattr(error, "code", None)
    return not isinstance(error, gexc.GoogleAPIError) or code in (408, 429) or (isinstance(code, int) and code >= 500)


class GcsArtifactStore(ArtifactStore):
    """Objects `prefix/key` in `bucket`. Uploads carry `if_generation_match=0`, so a name is written at most
    once even by racing workers; the sha256 travels as object metadata. Library retries are off (the
    pipeline's delivery retry is the one layer); signed URLs are V4, GET only, at most 15 minutes."""

    def __init__(self, client: storage.Client, bucket: str, prefix: str, signer: Signing,
                 api_access_endpoint: str | None = None) -> None:
        self._bucket = client.bucket(bucket)
        self._prefix = prefix.strip("/")
        self._signer = signer
        self._endpoint = api_access_endpoint

    def _name(self, key: str) -> str:
        return f"{self._prefix}/{key}" if self._prefix else key

    async def _run(self, what: str, work: Callable[[], T]) -> T:
        try:
            return await asyncio.to_thread(work)
        except (gexc.NotFound, gexc.PreconditionFailed):
            raise
        except (gexc.GoogleAPIError, OSError) as error:
            raise StorageError(f"Cloud Storage could not {what}: {error}", retryable=_retryable(error)) from error

    async def put(self, key: str, data: bytes, content_type: str) -> StoredObject:
        """Upload once; when the name already holds an object (found first, or lost the race) describe it."""
        existing = await self.stat(key)
        if existing is not None:
            return existing
        blob = self._bucket.blob(self._name(key))
        blob.metadata = {"sha256": hashlib.sha256(data).hexdigest()}

        def upload() -> None:
            blob.upload_from_string(data, content_type=content_type, if_generation_match=0, retry=None)

        with contextlib.suppress(gexc.PreconditionFailed):  # another worker wrote the same name first
            await self._run(f"write {key}", upload)
        stored = await self.stat(key)
        if stored is None:
            raise StorageError(f"Cloud Storage lost {key} right after writing it")
        return stored

    async def stat(self, key: str) -> StoredObject | None:
        """Size and sha256 from the object's metadata, or None."""
        try:
            blob = await self._run(f"read {key}", lambda: self._bucket.get_blob(self._name(key), retry=None))
        except gexc.NotFound:
            return None
        if blob is None:
            return None
        sha256 = (blob.metadata or {}).get("sha256", "")
        return StoredObject(key=key, size_bytes=int(blob.size or 0), sha256=sha256)

    async def read(self, key: str) -> AsyncIterator[bytes]:
        """The object's bytes in 1 MiB ranged reads."""
        stored = await self.stat(key)
        if stored is None:
            raise ArtifactNotFound(key)
        blob = self._bucket.blob(self._name(key))
        for start in range(0, stored.size_bytes, READ_CHUNK_BYTES):
            end = min(stored.size_bytes, start + READ_CHUNK_BYTES) - 1
            try:
                yield await self._run(f"read {key}", lambda s=start, e=end: blob.download_as_bytes(  # type: ignore[misc]
                    start=s, end=e, retry=None, checksum=None))
            except gexc.NotFound:
                raise ArtifactNotFound(key) from None

    async def signed_url(self, key: str, ttl_s: int) -> str | None:
        """A V4 signed GET URL valid for `ttl_s` seconds (capped at 15 minutes); minted fresh on every call."""
        blob = self._bucket.blob(self._name(key))
        expiration = timedelta(seconds=max(1, min(ttl_s, MAX_SIGNED_URL_TTL_S)))
        return await asyncio.to_thread(
            blob.generate_signed_url, version="v4", expiration=expiration, method="GET",
            credentials=self._signer, api_access_endpoint=self._endpoint)

    async def is_ready(self) -> bool:
        """True when the bucket answers; never raises."""
        try:
            return bool(await asyncio.to_thread(self._bucket.exists, retry=None))
        except Exception:  # readiness reports any failure as "not ready"
            return False
