"""LessonLeasing port: the claim, lease and reconciler queries over lesson requests (DESIGN §4)."""

from datetime import datetime
from typing import Protocol
from uuid import UUID

from domain.lesson_request import LessonRequest


class LessonLeasing(Protocol):
    """Leasing queued requests to workers and finding the ones whose lease or doorbell was lost."""

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
