"""LessonRepository port: storing and finding lesson requests, plus their listing and queue sides."""

from typing import Protocol
from uuid import UUID

from application.ports.actor import Actor
from application.ports.lesson_listing import LessonListing
from application.ports.lesson_queue import LessonQueue
from domain.lesson_request import LessonRequest


class LessonRepository(LessonListing, LessonQueue, Protocol):
    """Lesson requests in the source of truth. Raises StorageError; `save` raises ConcurrentUpdate."""

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

    async def find_reusable(self, content_key: str) -> LessonRequest | None:
        """The earliest completed request with this content key (any user's: the caller copies it), if any."""
        ...

    async def save(self, lesson: LessonRequest, fence: int | None = None) -> LessonRequest:
        """Write the request if its stored version is still `lesson.version` and, with a fence,
        its attempt is still `fence`; returns it with the new version, else ConcurrentUpdate."""
        ...
