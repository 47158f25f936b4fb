"""ReconcileLeases: recover lessons whose worker vanished and re-ring lessons whose doorbell was lost."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from application.errors import ConcurrentUpdate
from application.ports.clock import Clock
from application.ports.job_doorbell import JobDoorbell
from application.ports.unit_of_work import UnitOfWorkFactory
from domain.failure import Failure


@dataclass(frozen=True, slots=True, kw_only=True)
class ReconcileResult:
    """How many leases were re-queued, failed for good, how many queued lessons were re-rung, and when the
    next lease ends (so the caller can wake exactly then)."""

    requeued: int
    failed: int
    rerung: int
    next_expiry: datetime | None


class ReconcileLeases:
    """Run periodically by workers. An expired lease goes back to the queue, or to `failed` once its
    deliveries are used up; lessons queued longer than `stale_after` get their doorbell rung again."""

    def __init__(
        self, uow: UnitOfWorkFactory, clock: Clock, doorbell: JobDoorbell, max_deliveries: int,
        stale_after: timedelta, batch: int = 100,
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._doorbell = doorbell
        self._max_deliveries = max_deliveries
        self._stale_after = stale_after
        self._batch = batch

    async def execute(self) -> ReconcileResult:
        """One reconciliation pass."""
        now = self._clock.now()
        requeued = failed = 0
        async with self._uow() as uow:
            for lesson in await uow.lessons.expired_leases(now, self._batch):
                stage = lesson.current_stage.value if lesson.current_stage else "queue"
                exhausted = lesson.deliveries >= self._max_deliveries
                if exhausted:
                    lesson.fail(Failure(stage, "lease_expired", "the worker stopped responding too many times",
                                        retryable=True), now)
                else:
                    lesson.requeue(now)
                try:
                    await uow.lessons.save(lesson)
                except ConcurrentUpdate:
                    continue
                failed += exhausted
                requeued += not exhausted
            await uow.commit()
            stale = await uow.lessons.stale_queued(now - self._stale_after, self._batch)
            next_expiry = await uow.lessons.earliest_lease_expiry()
        for lesson_id in stale:
            await self._doorbell.ring(lesson_id)
        return ReconcileResult(requeued=requeued, failed=failed, rerung=len(stale), next_expiry=next_expiry)
