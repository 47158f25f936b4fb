"""Artifacts in a local folder: write-once, atomic, safe keys."""

import asyncio
import hashlib
import os
import re
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path

from application.errors import ArtifactNotFound, StorageError
from application.ports.artifact_store import ArtifactStore, StoredObject

_SAFE_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._\-]*(/[A-Za-z0-9][A-Za-z0-9._\-]*)*$")
CHUNK_BYTES = 64 * 1024


class LocalArtifactStore(ArtifactStore):
    """Stores each key as a file under `root`; a temp file plus rename means no half-written file is ever seen."""

    def __init__(self, root: Path) -> None:
        self._root = root.resolve()

    def _path(self, key: str) -> Path:
        if not _SAFE_KEY.match(key) or ".." in key.split("/"):
            raise StorageError(f"unsafe artifact key {key!r}", retryable=False)
        return self._root / key

    async def put(self, key: str, data: bytes, content_type: str) -> StoredObject:
        """Write `data` once; an existing object under `key` is kept and described instead."""
        path = self._path(key)
        try:
            return await asyncio.to_thread(self._put_sync, path, key, data)
        except OSError as error:
            raise StorageError(f"could not write artifact {key}: {error.strerror}") from error

    def _put_sync(self, path: Path, key: str, data: bytes) -> StoredObject:
        if path.exists():
            return _describe(path, key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(tmp)
        return _describe(path, key)

    async def stat(self, key: str) -> StoredObject | None:
        """Size and sha256 of the stored object, or None."""
        path = self._path(key)
        try:
            return await asyncio.to_thread(lambda: _describe(path, key) if path.exists() else None)
        except OSError as error:
            raise StorageError(f"could not read artifact {key}: {error.strerror}") from error

    async def read(self, key: str) -> AsyncIterator[bytes]:
        """Stream the file in 64 KiB chunks."""
        path = self._path(key)
        try:
            handle = await asyncio.to_thread(path.open, "rb")
        except FileNotFoundError:
            raise ArtifactNotFound(key) from None
        except OSError as error:
            raise StorageError(f"could not open artifact {key}: {error.strerror}") from error
        try:
            while chunk := await asyncio.to_thread(handle.read, CHUNK_BYTES):
                yield chunk
        finally:
            handle.close()

    async def signed_url(self, key: str, ttl_s: int) -> str | None:
        """Local files are served by the API itself: no URL."""
        return None

    async def is_ready(self) -> bool:
        """True when the root folder exists (or can be made) and is writable."""
        def check() -> bool:
            self._root.mkdir(parents=True, exist_ok=True)
            return os.access(self._root, os.W_OK)
        try:
            return await asyncio.to_thread(check)
        except OSError:
            return False


def _describe(path: Path, key: str) -> StoredObject:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK_BYTES):
            digest.update(chunk)
    return StoredObject(key=key, size_bytes=path.stat().st_size, sha256=digest.hexdigest())
