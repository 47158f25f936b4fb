"""GetLesson: one lesson as its viewer may see it."""

from dataclasses import dataclass
from uuid import UUID

from application.errors import LessonNotFound
from application.ports.actor import Actor
from application.ports.unit_of_work import UnitOfWorkFactory
from domain.lesson_request import LessonRequest


@dataclass(frozen=True, slots=True, kw_only=True)
class GetLessonQuery:
    """Which lesson, asked by whom."""

    actor: Actor
    lesson_id: UUID


class GetLesson:
    """The owner, the teacher who requested it, or an admin reads a lesson; anyone else gets LessonNotFound."""

    def __init__(self, uow: UnitOfWorkFactory) -> None:
        self._uow = uow

    async def execute(self, query: GetLessonQuery) -> LessonRequest:
        """The lesson, or LessonNotFound when it is missing or not visible to the actor."""
        async with self._uow() as uow:
            lesson = await uow.lessons.get_visible(query.lesson_id, query.actor)
        if lesson is None:
            raise LessonNotFound(str(query.lesson_id))
        return lesson
