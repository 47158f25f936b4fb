"""LessonInbox port: where new lesson requests enter the source of truth, each write committed on its own."""

from datetime import datetime
from typing import Protocol
from uuid import UUID

from application.ports.lesson_listing import LessonUsage
from domain.lesson_request import LessonRequest


class LessonInbox(Protocol):
    """The short path of POST /lessons. Raises StorageError."""

    async def insert(self, lesson: LessonRequest) -> bool:
        """Insert and commit the new request; False, with nothing written, when its user already used its
        Idempotency-Key (the unique constraint decides, so concurrent duplicates make one row)."""
        ...

    async def find_by_idempotency_key(self, requested_by: UUID, key: str) -> LessonRequest | None:
        """The request this user made with this Idempotency-Key, if any."""
        ...

    async def usage_since(self, requested_by: UUID, since: datetime) -> LessonUsage:
        """How many lessons the user requested from `since` on, with the sum of their estimates."""
        ...
