"""PassageIndex port: search over indexed curriculum passages."""

from typing import Protocol

from domain.grade_level import GradeBand
from domain.passage import ScoredPassage


class PassageIndex(Protocol):
    """Ranks passages for a query, preferring the grade band and filtered by subject. Raises StorageError."""

    async def search(
        self, query: str, grade_band: GradeBand, subject: str | None, k: int
    ) -> tuple[ScoredPassage, ...]:
        """The best `k` passages, best first, each with its score; () when none is relevant enough."""
        ...

    async def corpus_version(self) -> str:
        """The version of the corpus searches run against now (recorded on each lesson)."""
        ...

    async def refresh(self) -> None:
        """The corpus changed: see the change from the next search on (a no-op for live database indexes)."""
        ...
