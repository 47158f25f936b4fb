"""LessonRepository port: storing, finding and leasing lesson requests."""

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


@dataclass(frozen=True, slots=True)
class QueueStats:
    """The queued backlog: how many lessons wait and since when the longest-waiting one is queued."""

    depth: int
    oldest_queued_at: datetime | None


class LessonRepository(Protocol):
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

    async def claim_next(self, worker_id: str, now: datetime, lease_until: datetime) -> LessonRequest | None:
        """Atomically lease the oldest claimable queued request to this worker, or None."""
        ...

    async def extend_lease(self, lesson_id: UUID, fence: int, lease_until: datetime) -> bool:
        """Push the lease out while the fence still holds; False when the lease was lost."""
        ...

    async def expired_leases(self, now: datetime, limit: int) -> tuple[LessonRequest, ...]:
        """Running requests whose lease ran out before `now`."""
        ...

    async def earliest_lease_expiry(self) -> datetime | None:
        """When the soonest lease of a running request ends, or None when nothing runs."""
        ...

    async def stale_queued(self, older_than: datetime, limit: int) -> tuple[UUID, ...]:
        """Ids of claimable requests queued since before `older_than` (their doorbell may be lost)."""
        ...

    async def queue_stats(self) -> QueueStats:
        """How many requests are queued and when the longest-waiting one entered the queue."""
        ...
