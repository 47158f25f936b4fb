"""Per-user limits on lesson requests: a rate per minute, a daily count and a daily cost budget."""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from uuid import UUID

from application.errors import REVOKED_MESSAGE, RateLimited, TokenRevoked
from application.ports.admission_gate import AdmissionGate
from application.ports.lesson_inbox import DailyAllowance
from application.ports.lesson_listing import LessonUsage
from domain.money import Money

RATE_WINDOW_S = 60


@dataclass(frozen=True, slots=True, kw_only=True)
class LessonLimitPolicy:
    """Zero means unlimited for each limit."""

    per_minute: int = 0
    daily_lessons: int = 0
    daily_budget: Money = field(default_factory=Money)


def start_of_day(now: datetime) -> datetime:
    """Midnight (UTC, as `now` is) of the day `now` falls in: where daily limits restart."""
    return datetime.combine(now.date(), time(0), tzinfo=now.tzinfo)


class LessonLimits:
    """Checks a user's lesson requests against the policy; every refusal is RateLimited with a Retry-After."""

    def __init__(self, gate: AdmissionGate, policy: LessonLimitPolicy) -> None:
        self._gate = gate
        self._policy = policy

    async def admit(self, user_id: UUID, token_id: str | None) -> None:
        """Check the caller's token (`token_id`, when given) against the deny-list and count this request in
        the user's minute, in one step: TokenRevoked (nothing counted), or RateLimited("rate_limited")."""
        counted = self._policy.per_minute > 0
        admission = await self._gate.admit(token_id, f"lessons:user:{user_id}" if counted else None, RATE_WINDOW_S)
        if admission.revoked:
            raise TokenRevoked(REVOKED_MESSAGE)
        tally = admission.window
        if tally is not None and tally.count > self._policy.per_minute:
            raise RateLimited("rate_limited", f"at most {self._policy.per_minute} lesson requests per minute",
                              tally.resets_in_s)

    def check_daily(self, usage: LessonUsage, estimate: Money, now: datetime) -> None:
        """Refuse a new lesson past today's count (daily_quota) or today's estimated spend (daily_budget)."""
        tomorrow = start_of_day(now) + timedelta(days=1)
        wait = int((tomorrow - now).total_seconds()) + 1
        quota = self._policy.daily_lessons
        if quota > 0 and usage.count >= quota:
            raise RateLimited("daily_quota", f"the daily quota of {quota} lessons is used up", wait)
        budget = self._policy.daily_budget
        if budget.micros > 0 and (usage.estimated + estimate).micros > budget.micros:
            raise RateLimited("daily_budget", f"this lesson would exceed the daily budget of {budget.display()}",
                              wait)

    def allowance(self, now: datetime) -> DailyAllowance | None:
        """Today's daily limits as the inbox applies them when it inserts (None: no daily limit is set).
        It admits exactly what `check_daily` lets through."""
        if not self.counts_daily:
            return None
        return DailyAllowance(since=start_of_day(now), max_lessons=self._policy.daily_lessons,
                              max_estimated=self._policy.daily_budget)

    def day_start(self, now: datetime) -> datetime:
        """Where today's usage is counted from."""
        return start_of_day(now)

    @property
    def counts_daily(self) -> bool:
        """True when a daily limit is set (so usage must be read)."""
        return self._policy.daily_lessons > 0 or self._policy.daily_budget.micros > 0
