"""GetDailyUsage: what one student's lessons of one UTC day cost, for quotas and budgets."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID

from application.errors import NotAllowed, UnknownStudent
from application.ports.actor import Actor
from application.ports.clock import Clock
from application.ports.unit_of_work import UnitOfWorkFactory
from domain.usage import UsageTotals
from domain.user import Role


@dataclass(frozen=True, slots=True, kw_only=True)
class GetDailyUsageQuery:
    """Whose usage (the caller's own when `student_id` is None) on which UTC day (today when None)."""

    actor: Actor
    day: date | None = None
    student_id: UUID | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DailyUsage:
    """A student's lesson count and exact ledger totals for one UTC day."""

    student_id: UUID
    day: date
    totals: UsageTotals


class GetDailyUsage:
    """Students see their own day; teachers see the lessons they requested for a student; admins see all.

    The sums come from one aggregate query in the repository, never from loading lessons.
    """

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def execute(self, query: GetDailyUsageQuery) -> DailyUsage:
        """The totals; NotAllowed for a student asking about someone else, UnknownStudent for a bad id."""
        actor = query.actor
        student_id = query.student_id or actor.user_id
        if student_id != actor.user_id and actor.role is Role.STUDENT:
            raise NotAllowed("students may only see their own usage")
        day = query.day or self._clock.now().astimezone(UTC).date()
        start = datetime.combine(day, time.min, tzinfo=UTC)
        async with self._uow() as uow:
            if student_id != actor.user_id:
                student = await uow.users.get(student_id)
                if student is None or student.role is not Role.STUDENT:
                    raise UnknownStudent("student_id names no student")
            totals = await uow.lessons.usage(student_id, start, start + timedelta(days=1), actor)
        return DailyUsage(student_id=student_id, day=day, totals=totals)
