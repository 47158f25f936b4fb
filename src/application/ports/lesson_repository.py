"""LessonRepository port: storing, finding and leasing lesson requests."""

from datetime import datetime
from typing import Protocol
from uuid import UUID

from application.ports.actor import Actor
from application.ports.lesson_leasing import LessonLeasing
from application.ports.lesson_page import LessonPage
from application.ports.lesson_usage import LessonUsage
from domain.lesson_lifecycle import LessonStatus
from domain.lesson_request import LessonRequest
from domain.usage import UsageTotals


class LessonRepository(LessonLeasing, Protocol):
    """Lesson requests in the source of truth, with their leases (`LessonLeasing`).

    Raises StorageError; `save` raises ConcurrentUpdate."""

    async def add(self, lesson: LessonRequest) -> None:
        """Insert a new request; DuplicateIdempotencyKey when its user already used its key."""
        ...

    async def get_visible(self, lesson_id: UUID, viewer: Actor) -> LessonRequest | None:
        """The request if it exists and the viewer may see it (checked in the query), else None.

        Admins see every request; anyone else what they own or requested, and a teacher also the
        requests owned by students of their classes."""
        ...

    async def get(self, lesson_id: UUID) -> LessonRequest | None:
        """The request regardless of viewer (workers only)."""
        ...

    async def find_by_idempotency_key(self, requested_by: UUID, key: str) -> LessonRequest | None:
        """The request this user made with this Idempotency-Key, if any."""
        ...

    async def list_visible(
        self, viewer: Actor, status: LessonStatus | None, limit: int, cursor: str | None, all_users: bool = False
    ) -> LessonPage:
        """The requests the viewer may see (an admin's own, or everyone's with `all_users`), newest first."""
        ...

    async def usage_since(self, requested_by: UUID, since: datetime) -> LessonUsage:
        """The lessons this user requested from `since` on, counted, with the sum of their estimates."""
        ...

    async def usage(self, owner_id: UUID, start: datetime, end: datetime, viewer: Actor) -> UsageTotals:
        """How many of the owner's requests created in [start, end) the viewer may see, and their ledger totals."""
        ...

    async def save(self, lesson: LessonRequest, fence: int | None = None) -> LessonRequest:
        """Write the request if its stored version is still `lesson.version` and, with a fence,
        its attempt is still `fence`; returns it with the new version, else ConcurrentUpdate."""
        ...
