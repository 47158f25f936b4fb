"""Metrics port: what the core counts and measures, without knowing where the numbers go."""

from typing import Literal, Protocol

CircuitState = Literal["closed", "half_open", "open"]


class Metrics(Protocol):
    """Records operational figures (Prometheus in the service). Never raises; recording is best-effort."""

    def lesson_finished(self, status: str) -> None:
        """A lesson reached the final status `status` (completed, failed, rejected, cancelled)."""
        ...

    def stage_finished(self, stage: str, provider: str, outcome: str, seconds: float) -> None:
        """A stage run ended with `outcome` (completed, failed, requeued) after `seconds`."""
        ...

    def stage_failed(self, stage: str, provider: str, code: str) -> None:
        """A stage run failed with the stable error `code`."""
        ...

    def cost_recorded(self, kind: str, stage: str, provider: str, usd: float) -> None:
        """Money `spent` by a stage, or `saved` by skipping it (list price)."""
        ...

    def queue_observed(self, depth: int, oldest_age_seconds: float) -> None:
        """The claimable backlog now and how long its oldest lesson has waited (0 when empty)."""
        ...

    def lease_expired(self, count: int) -> None:
        """The reconciler found `count` running lessons whose worker stopped renewing its lease."""
        ...

    def reconciler_requeued(self, reason: str, count: int) -> None:
        """The reconciler put `count` lessons back in line (`lease_expired`) or re-rang them (`stale_queued`)."""
        ...

    def record_upstream_retry(self, provider: str) -> None:
        """An adapter retried a call to an upstream provider once more."""
        ...

    def set_circuit_state(self, provider: str, state: CircuitState) -> None:
        """An upstream provider's circuit breaker is now `state`."""
        ...
