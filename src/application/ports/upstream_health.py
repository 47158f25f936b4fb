"""UpstreamHealth port: the circuit-breaker state of each provider, for operators and metrics."""

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class BreakerState:
    """One upstream's breaker: `closed`, `open` or `half_open`, how often it opened, when it next lets calls by."""

    upstream: str
    state: str
    opens: int
    retry_after_s: float


class UpstreamHealth(Protocol):
    """Reads breaker states without side effects; never raises."""

    def breaker_states(self) -> tuple[BreakerState, ...]:
        """Every upstream seen so far, by name."""
        ...
