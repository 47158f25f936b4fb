"""ObserveQueue: measure the backlog for the metrics (queue depth, the oldest lesson's wait) and the breakers."""

from dataclasses import dataclass

from application.ports.clock import Clock
from application.ports.metrics import CircuitState, Metrics
from application.ports.unit_of_work import UnitOfWorkFactory
from application.ports.upstream_health import UpstreamHealth

_CIRCUIT_STATES: dict[str, CircuitState] = {"closed": "closed", "half_open": "half_open", "open": "open"}


@dataclass(frozen=True, slots=True, kw_only=True)
class QueueObservation:
    """What was measured: lessons queued and how long the longest-waiting one has waited."""

    depth: int
    oldest_age_seconds: float


class ObserveQueue:
    """Called when metrics are scraped (API) and after each reconciler pass (workers). Read-only.

    The circuit-breaker state of every upstream in `health` is recorded first, so a database outage does
    not hide a provider outage. Raises StorageError when the database cannot be read."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, metrics: Metrics,
                 health: UpstreamHealth | None = None) -> None:
        self._uow = uow
        self._clock = clock
        self._metrics = metrics
        self._health = health

    async def execute(self) -> QueueObservation:
        """Record the breaker states, then read the backlog and record it."""
        for breaker in self._health.breaker_states() if self._health is not None else ():
            if breaker.state in _CIRCUIT_STATES:
                self._metrics.set_circuit_state(breaker.upstream, _CIRCUIT_STATES[breaker.state])
        async with self._uow() as uow:
            stats = await uow.lessons.queue_stats()
        age = 0.0
        if stats.oldest_queued_at is not None:
            age = max(0.0, (self._clock.now() - stats.oldest_queued_at).total_seconds())
        self._metrics.queue_observed(stats.depth, age)
        return QueueObservation(depth=stats.depth, oldest_age_seconds=age)
