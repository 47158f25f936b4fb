"""Fakes of the observability ports that record what they were told."""

import contextlib
from collections import Counter
from collections.abc import Iterator
from contextlib import AbstractContextManager

from application.ports.log_context import LogContext
from application.ports.metrics import CircuitState, Metrics


class RecordingMetrics(Metrics):
    """Keeps every figure in plain dicts, keyed like the Prometheus labels."""

    def __init__(self) -> None:
        self.lessons: Counter[str] = Counter()
        self.stage_runs: list[tuple[str, str, str, float]] = []
        self.stage_failures: Counter[tuple[str, str, str]] = Counter()
        self.costs: Counter[tuple[str, str]] = Counter()
        self.queue: tuple[int, float] | None = None
        self.lease_expiries = 0
        self.requeues: Counter[str] = Counter()
        self.retries: Counter[str] = Counter()
        self.circuits: dict[str, CircuitState] = {}

    def lesson_finished(self, status: str) -> None:
        self.lessons[status] += 1

    def stage_finished(self, stage: str, provider: str, outcome: str, seconds: float) -> None:
        self.stage_runs.append((stage, provider, outcome, seconds))

    def stage_failed(self, stage: str, provider: str, code: str) -> None:
        self.stage_failures[(stage, provider, code)] += 1

    def cost_recorded(self, kind: str, stage: str, provider: str, usd: float) -> None:
        self.costs[(kind, stage)] += usd

    def queue_observed(self, depth: int, oldest_age_seconds: float) -> None:
        self.queue = (depth, oldest_age_seconds)

    def lease_expired(self, count: int) -> None:
        self.lease_expiries += count

    def reconciler_requeued(self, reason: str, count: int) -> None:
        self.requeues[reason] += count

    def record_upstream_retry(self, provider: str) -> None:
        self.retries[provider] += 1

    def set_circuit_state(self, provider: str, state: CircuitState) -> None:
        self.circuits[provider] = state


class RecordingLogContext(LogContext):
    """Remembers every set of fields bound, and what is bound right now."""

    def __init__(self) -> None:
        self.bindings: list[dict[str, str]] = []
        self.current: dict[str, str] = {}

    def bound(self, **fields: str) -> AbstractContextManager[None]:
        self.bindings.append(dict(fields))
        return self._bind(fields)

    @contextlib.contextmanager
    def _bind(self, fields: dict[str, str]) -> Iterator[None]:
        previous = self.current
        self.current = previous | fields
        try:
            yield
        finally:
            self.current = previous
