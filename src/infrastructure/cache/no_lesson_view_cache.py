"""NoLessonViewCache: the embedded profile reads lessons straight from SQLite."""

from collections.abc import Mapping
from uuid import UUID

from application.ports.lesson_view_cache import CachedLessonView, LessonViewCache


class NoLessonViewCache(LessonViewCache):
    """Holds nothing. Embedded, a read is a local SQLite query, and other processes (`worker`, `generate`)
    may write the same file with no channel to tell this process, so an in-process cache could go stale."""

    async def get(self, lesson_id: UUID) -> CachedLessonView | None:
        """Always a miss."""
        return None

    async def put(self, view: CachedLessonView) -> None:
        """Nothing is kept."""

    async def announce(self, versions: Mapping[UUID, int]) -> None:
        """Nothing to drop."""
