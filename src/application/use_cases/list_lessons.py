"""ListLessons: the caller's lessons, newest first, a page at a time."""

from dataclasses import dataclass

from application.errors import NotAllowed
from application.ports.actor import Actor
from application.ports.lesson_listing import LessonPage
from application.ports.unit_of_work import UnitOfWorkFactory
from domain.lesson_lifecycle import LessonStatus

MAX_PAGE_SIZE = 100


@dataclass(frozen=True, slots=True, kw_only=True)
class ListLessonsQuery:
    """Filter and page; `all_users` is for admins (the dead-letter list)."""

    actor: Actor
    status: LessonStatus | None = None
    limit: int = 20
    cursor: str | None = None
    all_users: bool = False


class ListLessons:
    """Any user lists the lessons visible to them; admins may list everyone's."""

    def __init__(self, uow: UnitOfWorkFactory) -> None:
        self._uow = uow

    async def execute(self, query: ListLessonsQuery) -> LessonPage:
        """One page of lessons; the limit is clamped to 1–100."""
        if query.all_users and not query.actor.is_admin:
            raise NotAllowed("only admins list every user's lessons")
        limit = min(max(query.limit, 1), MAX_PAGE_SIZE)
        async with self._uow() as uow:
            return await uow.lessons.list_visible(query.actor, query.status, limit, query.cursor, query.all_users)
