"""ReconcileLeases: recover lessons whose worker vanished and re-ring lessons whose doorbell was lost."""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from application.errors import ConcurrentUpdate
from application.ports.clock import Clock
from application.ports.job_doorbell import JobDoorbell
from application.ports.metrics import Metrics
from application.ports.unit_of_work import UnitOfWorkFactory
from domain.failure import Failure

log = logging.getLogger("lessonsmith.reconciler")


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
    deliveries are used up; lessons queued longer than `stale_after` get their doorbell rung again.
    Each recovery is logged under the lesson's own trace id and counted in `metrics`."""

    def __init__(
        self, uow: UnitOfWorkFactory, clock: Clock, doorbell: JobDoorbell, metrics: Metrics, max_deliveries: int,
        stale_after: timedelta, batch: int = 100,
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._doorbell = doorbell
        self._metrics = metrics
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
                log.warning("lesson.lease_expired", extra={"lesson_id": str(lesson.id), "trace_id": lesson.trace_id,
                                                           "stage": stage, "deliveries": lesson.deliveries,
                                                           "outcome": "failed" if exhausted else "requeued"})
            await uow.commit()
            stale = await uow.lessons.stale_queued(now - self._stale_after, self._batch)
            next_expiry = await uow.lessons.earliest_lease_expiry()
        for lesson_id in stale:
            await self._doorbell.ring(lesson_id)
        self._count(requeued, failed, len(stale))
        return ReconcileResult(requeued=requeued, failed=failed, rerung=len(stale), next_expiry=next_expiry)

    def _count(self, requeued: int, failed: int, rerung: int) -> None:
        if requeued or failed:
            self._metrics.lease_expired(requeued + failed)
        if requeued:
            self._metrics.reconciler_requeued("lease_expired", requeued)
        if rerung:
            self._metrics.reconciler_requeued("stale_queued", rerung)
        for _ in range(failed):
            self._metrics.lesson_finished("failed")
