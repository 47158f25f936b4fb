"""LessonListing port: pages of lesson requests and per-user usage sums (part of LessonRepository)."""

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from uuid import UUID

from application.ports.actor import Actor
from domain.lesson_lifecycle import LessonStatus
from domain.lesson_request import LessonRequest
from domain.money import Money
from domain.usage import UsageTotals


@dataclass(frozen=True, slots=True)
class LessonPage:
    """One page of a listing, newest first, and the cursor of the next page (None at the end)."""

    items: tuple[LessonRequest, ...]
    next_cursor: str | None


@dataclass(frozen=True, slots=True)
class LessonUsage:
    """How many lessons a user requested in a period and what their estimates add up to."""

    count: int
    estimated: Money


class LessonListing(Protocol):
    """Read-only views over many lesson requests. Raises StorageError."""

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
