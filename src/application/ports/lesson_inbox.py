"""LessonInbox port: where new lesson requests enter the source of truth, each write committed on its own."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol
from uuid import UUID

from application.ports.lesson_listing import LessonUsage
from domain.lesson_request import LessonRequest
from domain.money import Money


@dataclass(frozen=True, slots=True, kw_only=True)
class DailyAllowance:
    """Room a user has for one more lesson: fewer than `max_lessons` requested from `since` on, and their
    estimates plus the new one at most `max_estimated` (a zero means no such limit)."""

    since: datetime
    max_lessons: int = 0
    max_estimated: Money = field(default_factory=Money)

    def admits(self, usage: LessonUsage, estimate: Money) -> bool:
        """True when a lesson estimated at `estimate` fits next to `usage`."""
        count_ok = self.max_lessons <= 0 or usage.count < self.max_lessons
        budget = self.max_estimated.micros
        return count_ok and (budget <= 0 or usage.estimated.micros + estimate.micros <= budget)


class LessonInbox(Protocol):
    """The short path of POST /lessons. Raises StorageError."""

    async def insert(self, lesson: LessonRequest) -> bool:
        """Insert and commit the new request; False, with nothing written, when its user already used its
        Idempotency-Key (the unique constraint decides, so concurrent duplicates make one row)."""
        ...

    async def insert_within(self, lesson: LessonRequest, allowance: DailyAllowance) -> tuple[bool, LessonUsage]:
        """Like `insert`, but only when `allowance` admits the lesson (its estimate is `lesson.ledger.estimated`)
        next to the user's usage since `allowance.since` (the start of the UTC day the limits count); returns
        whether it was inserted and that usage (before the insert, in the same step where the store allows).
        Not inserted although admitted: the Idempotency-Key was used."""
        ...

    async def find_by_idempotency_key(self, requested_by: UUID, key: str) -> LessonRequest | None:
        """The request this user made with this Idempotency-Key, if any."""
        ...

    async def usage_since(self, requested_by: UUID, since: datetime) -> LessonUsage:
        """How many lessons the user requested from `since` on, with the sum of their estimates."""
        ...
