"""The in-process copy of the corpus, reloaded from the database whenever its version changes."""

import asyncio
import time
from collections.abc import Callable

from application.errors import StorageError
from application.ports.unit_of_work import UnitOfWorkFactory
from domain.curriculum_document import corpus_version
from infrastructure.retrieval.corpus_snapshot import CorpusSnapshot


class CorpusCache:
    """Holds the current CorpusSnapshot; checks the stored corpus version at most every `recheck_seconds`
    (so ingestion by another process shows up), and at once after `refresh`. A corpus embedded by another
    model than `embedding_model` is refused (its vectors would not compare with this process's queries)."""

    def __init__(self, uow: UnitOfWorkFactory, dimension: int, embedding_model: str, recheck_seconds: float = 2.0,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self._uow = uow
        self._dimension = dimension
        self._embedding_model = embedding_model
        self._recheck = recheck_seconds
        self._monotonic = monotonic
        self._snapshot: CorpusSnapshot | None = None
        self._checked_at = float("-inf")
        self._lock = asyncio.Lock()

    @property
    def latest(self) -> CorpusSnapshot | None:
        """The snapshot loaded last (None before the first load); never touches the database."""
        return self._snapshot

    async def current(self) -> CorpusSnapshot:
        """The snapshot of the stored corpus, reloading it when its version changed. Raises StorageError."""
        if self._snapshot is not None and self._monotonic() - self._checked_at < self._recheck:
            return self._snapshot
        async with self._lock:
            if self._snapshot is None or self._monotonic() - self._checked_at >= self._recheck:
                await self._reload_if_changed()
        assert self._snapshot is not None
        return self._snapshot

    async def refresh(self) -> None:
        """Check the stored version on the next `current` call."""
        self._checked_at = float("-inf")

    async def _reload_if_changed(self) -> None:
        async with self._uow() as uow:
            version = corpus_version(await uow.curriculum.indexed_hashes())
            if self._snapshot is None or self._snapshot.version != version:
                chunks = await uow.curriculum.load_all()
                others = sorted({c.embedding_model for c in chunks} - {self._embedding_model})
                if others:
                    raise StorageError(f"the stored corpus was embedded by {', '.join(others)}, but this process "
                                       f"embeds with {self._embedding_model}: run `lessonsmith corpus ingest`",
                                       retryable=False)
                self._snapshot = CorpusSnapshot.build(version, chunks, self._dimension)
        self._checked_at = self._monotonic()
