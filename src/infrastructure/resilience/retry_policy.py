"""How hard to try: attempts per call, backoff bounds, time limits per request and per stage."""

import time
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True, kw_only=True)
class RetryPolicy:
    """At most `max_attempts` tries per call, waiting a random time up to an exponential bound between them."""

    max_attempts: int = 5
    backoff_initial_s: float = 0.5
    backoff_max_s: float = 10.0
    request_timeout_s: float = 30.0
    stage_deadline_s: float = 180.0


@dataclass(slots=True)
class Deadline:
    """The moment a stage's provider calls must be done by (monotonic clock)."""

    seconds: float
    started: float = field(default_factory=time.monotonic)

    @property
    def remaining(self) -> float:
        """Seconds left, never negative."""
        return max(0.0, self.started + self.seconds - time.monotonic())
