"""ObserveQueue: measure the backlog for the metrics (queue depth and the oldest lesson's wait)."""

from dataclasses import dataclass

from application.ports.clock import Clock
from application.ports.metrics import Metrics
from application.ports.unit_of_work import UnitOfWorkFactory


@dataclass(frozen=True, slots=True, kw_only=True)
class QueueObservation:
    """What was measured: lessons queued and how long the longest-waiting one has waited."""

    depth: int
    oldest_age_seconds: float


class ObserveQueue:
    """Called when metrics are scraped (API) and after each reconciler pass (workers). Read-only.

    Raises StorageError when the database cannot be read."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, metrics: Metrics) -> None:
        self._uow = uow
        self._clock = clock
        self._metrics = metrics

    async def execute(self) -> QueueObservation:
        """Read the backlog and record it."""
        async with self._uow() as uow:
            stats = await uow.lessons.queue_stats()
        age = 0.0
        if stats.oldest_queued_at is not None:
            age = max(0.0, (self._clock.now() - stats.oldest_queued_at).total_seconds())
        self._metrics.queue_observed(stats.depth, age)
        return QueueObservation(depth=stats.depth, oldest_age_seconds=age)
