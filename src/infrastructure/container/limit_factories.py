"""Builders for the deny-list, the rate counter and the limit policies: Redis when configured, else local."""

from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine

from application.limits.lesson_limits import LessonLimitPolicy, LessonLimits
from application.limits.login_throttle import LoginThrottle, LoginThrottlePolicy
from application.ports.admission_gate import AdmissionGate
from application.ports.clock import Clock
from application.ports.rate_counter import RateCounter
from application.ports.token_deny_list import TokenDenyList
from domain.money import Money
from infrastructure.config.settings import AppSettings, LimitSettings
from infrastructure.limits.in_process_rate_counter import InProcessRateCounter
from infrastructure.limits.local_admission_gate import LocalAdmissionGate
from infrastructure.limits.redis_admission_gate import RedisAdmissionGate
from infrastructure.limits.redis_rate_counter import RedisRateCounter
from infrastructure.persistence.sqla_token_deny_list import SqlaTokenDenyList
from infrastructure.security.cached_token_deny_list import CachedTokenDenyList
from infrastructure.security.redis_token_deny_list import RedisTokenDenyList


def make_token_deny_list(redis: "Redis | None", engine: AsyncEngine, settings: AppSettings,
                         clock: Clock) -> TokenDenyList:
    """Redis keys with the token's remaining life when Redis is configured, else the database table
    (with a two-second memory of "not revoked" answers, so reads do not queue behind SQLite writers)."""
    if redis is None:
        return CachedTokenDenyList(SqlaTokenDenyList(engine, clock), clock)
    return RedisTokenDenyList(redis, settings.queue.redis_prefix, clock)


def make_rate_counter(redis: "Redis | None", settings: AppSettings, clock: Clock) -> RateCounter:
    """Atomic Redis counters shared by every process when configured, else counters in this process."""
    if redis is None:
        return InProcessRateCounter(clock)
    return RedisRateCounter(redis, settings.queue.redis_prefix)


def make_admission_gate(redis: "Redis | None", settings: AppSettings, deny_list: TokenDenyList,
                        counter: RateCounter) -> AdmissionGate:
    """One Lua call over the deny-list's and the counter's Redis keys when configured, else both in turn."""
    if redis is None:
        return LocalAdmissionGate(deny_list, counter)
    return RedisAdmissionGate(redis, settings.queue.redis_prefix)


def make_lesson_limits(gate: AdmissionGate, limits: LimitSettings) -> LessonLimits:
    """Per-user rate, daily quota and daily budget from LESSONSMITH_* settings (0 = unlimited)."""
    policy = LessonLimitPolicy(per_minute=limits.rate_limit_per_minute, daily_lessons=limits.daily_lesson_quota,
                               daily_budget=Money.from_usd(limits.daily_budget_usd, "daily_budget_usd"))
    return LessonLimits(gate, policy)


def make_login_throttle(counter: RateCounter, limits: LimitSettings) -> LoginThrottle:
    """Failed logins allowed per username and per address within the window."""
    policy = LoginThrottlePolicy(per_username=limits.login_failures_per_username,
                                 per_address=limits.login_failures_per_address,
                                 window_s=limits.login_window_seconds)
    return LoginThrottle(counter, policy)
