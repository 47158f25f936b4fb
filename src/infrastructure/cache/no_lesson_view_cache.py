"""NoLessonViewCache: the embedded profile reads lessons straight from SQLite."""

from collections.abc import Mapping
from uuid import UUID

from application.ports.lesson_view_cache import CachedLessonView, LessonViewCache, ViewForToken
from application.ports.token_deny_list import TokenDenyList


class NoLessonViewCache(LessonViewCache):
    """Holds nothing. Embedded, a read is a local SQLite query, and other processes (`worker`, `generate`)
    may write the same file with no channel to tell this process, so an in-process cache could go stale."""

    def __init__(self, deny_list: TokenDenyList) -> None:
        self._deny_list = deny_list

    async def get_for_token(self, lesson_id: UUID, jti: str) -> ViewForToken:
        """A miss, and the deny-list's answer."""
        return ViewForToken(view=None, revoked=await self._deny_list.is_revoked(jti))

    async def put(self, view: CachedLessonView) -> None:
        """Nothing is kept."""

    async def announce(self, versions: Mapping[UUID, int]) -> None:
        """Nothing to drop."""
