"""The recorded history of one stage of one lesson."""

from dataclasses import dataclass, field, replace
from datetime import datetime

from domain.failure import Failure
from domain.money import Money
from domain.stage import StageName, StageStatus


@dataclass(frozen=True, slots=True)
class StageRecord:
    """Status, timing, cost and attempts of one stage; `error` is set while it stands failed.

    `upstream_calls`, `upstream_retries` and `breaker_opens` add up the provider calls of every run.
    """

    name: StageName
    status: StageStatus = StageStatus.PENDING
    started_at: datetime | None = None
    finished_at: datetime | None = None
    attempts: int = 0
    cost: Money = field(default_factory=Money)
    error: Failure | None = None
    upstream_calls: int = 0
    upstream_retries: int = 0
    breaker_opens: int = 0

    @property
    def duration_ms(self) -> int | None:
        """Wall time of the last run in milliseconds, once it finished."""
        if self.started_at is None or self.finished_at is None:
            return None
        return max(0, round((self.finished_at - self.started_at).total_seconds() * 1000))

    def started(self, now: datetime) -> "StageRecord":
        """This stage running again, one attempt more."""
        return replace(self, status=StageStatus.RUNNING, started_at=now, finished_at=None,
                       attempts=self.attempts + 1, error=None)

    def finished(self, status: StageStatus, now: datetime, cost: Money) -> "StageRecord":
        """This stage finished (completed or skipped) at `now` having spent `cost`."""
        started = self.started_at if self.status is StageStatus.RUNNING else now
        return replace(self, status=status, started_at=started, finished_at=now, cost=cost, error=None)

    def failed(self, now: datetime, failure: Failure) -> "StageRecord":
        """This stage failed at `now` for `failure`."""
        return replace(self, status=StageStatus.FAILED, finished_at=now, error=failure)

    def reset(self) -> "StageRecord":
        """Back to pending, keeping the attempt count (a retry or a lost lease)."""
        return replace(self, status=StageStatus.PENDING, started_at=None, finished_at=None, error=None)

    def without_attempt(self) -> "StageRecord":
        """This record with its last attempt not counted (the run waited for a provider and did no work)."""
        return replace(self, attempts=max(0, self.attempts - 1))

    def with_upstream(self, calls: int, retries: int, breaker_opens: int) -> "StageRecord":
        """This record with one run's provider calls, retries and circuit-breaker opens added."""
        return replace(self, upstream_calls=self.upstream_calls + calls,
                       upstream_retries=self.upstream_retries + retries,
                       breaker_opens=self.breaker_opens + breaker_opens)
