"""LessonQueue port: leasing lesson requests to workers and finding lost ones (part of LessonRepository)."""

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from uuid import UUID

from domain.lesson_request import LessonRequest


@dataclass(frozen=True, slots=True)
class QueueStats:
    """The queued backlog: how many lessons wait and since when the longest-waiting one is queued."""

    depth: int
    oldest_queued_at: datetime | None


class LessonQueue(Protocol):
    """The claim/lease/fence side of the lesson table (DESIGN §4). Raises StorageError."""

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
