"""The keywords of the indexed passages as a live mapping (what the offline writer builds quizzes from)."""

from collections.abc import Iterator, Mapping

from infrastructure.retrieval.corpus_cache import CorpusCache


class CorpusKeywords(Mapping[str, tuple[str, ...]]):
    """Passage id → its document's keywords, read from the corpus snapshot loaded last."""

    def __init__(self, cache: CorpusCache) -> None:
        self._cache = cache

    def _current(self) -> Mapping[str, tuple[str, ...]]:
        snapshot = self._cache.latest
        return snapshot.keywords if snapshot is not None else {}

    def __getitem__(self, passage_id: str) -> tuple[str, ...]:
        return self._current()[passage_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._current())

    def __len__(self) -> int:
        return len(self._current())
