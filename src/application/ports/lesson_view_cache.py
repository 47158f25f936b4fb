"""LessonViewCache port: rendered lesson views kept outside the database, never older than the row."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol
from uuid import UUID


@dataclass(frozen=True, slots=True)
class CachedLessonView:
    """A lesson's rendered view at one stored version, with the ids that decide who may read it.

    `final` marks a status no transition leaves (completed, cancelled, rejected): such a view can be kept long
    (it matters when a view is put; views read back say False).
    """

    lesson_id: UUID
    version: int
    owner_id: UUID
    requested_by: UUID
    final: bool
    body: bytes


@dataclass(frozen=True, slots=True)
class ViewForToken:
    """A cache lookup made together with the deny-list lookup of the caller's token id."""

    view: CachedLessonView | None
    revoked: bool


class LessonViewCache(Protocol):
    """Writes never raise (a write the cache cannot take is dropped); a read that cannot tell whether the
    caller's token was revoked raises StorageError."""

    async def get_for_token(self, lesson_id: UUID, jti: str) -> ViewForToken:
        """The cached view and whether token `jti` was revoked, in one lookup; StorageError when the
        deny-list cannot be read (the token must then be refused, never waved through)."""
        ...

    async def put(self, view: CachedLessonView) -> None:
        """Keep `view` unless a newer version of the lesson was announced or is cached."""
        ...

    async def announce(self, versions: Mapping[UUID, int]) -> None:
        """Writers call this before committing new versions: older views are dropped and refused from now on."""
        ...
