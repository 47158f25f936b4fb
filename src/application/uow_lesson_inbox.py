"""UnitOfWorkLessonInbox: the lesson inbox over any unit of work (SQLite, and the fakes of the unit tests)."""

from datetime import datetime
from uuid import UUID

from application.errors import DuplicateIdempotencyKey
from application.ports.lesson_inbox import DailyAllowance, LessonInbox
from application.ports.lesson_listing import LessonUsage
from application.ports.unit_of_work import UnitOfWorkFactory
from domain.lesson_request import LessonRequest


class UnitOfWorkLessonInbox(LessonInbox):
    """Each call is one short transaction through the lesson repository."""

    def __init__(self, uow: UnitOfWorkFactory) -> None:
        self._uow = uow

    async def insert(self, lesson: LessonRequest) -> bool:
        """Add and commit; False on a used Idempotency-Key."""
        async with self._uow() as uow:
            try:
                await uow.lessons.add(lesson)
                await uow.commit()
            except DuplicateIdempotencyKey:
                return False
        return True

    async def insert_within(self, lesson: LessonRequest, allowance: DailyAllowance) -> tuple[bool, LessonUsage]:
        """Read the usage, then insert when it leaves room (two short transactions)."""
        usage = await self.usage_since(lesson.requested_by, allowance.since)
        if not allowance.admits(usage, lesson.ledger.estimated):
            return False, usage
        return await self.insert(lesson), usage

    async def find_by_idempotency_key(self, requested_by: UUID, key: str) -> LessonRequest | None:
        """Through the repository."""
        async with self._uow() as uow:
            return await uow.lessons.find_by_idempotency_key(requested_by, key)

    async def usage_since(self, requested_by: UUID, since: datetime) -> LessonUsage:
        """Through the repository."""
        async with self._uow() as uow:
            return await uow.lessons.usage_since(requested_by, since)
