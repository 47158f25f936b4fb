"""CancelLesson: stop a queued or running lesson."""

import logging
from dataclasses import dataclass
from uuid import UUID

from application.errors import LessonNotFound, NotAllowed
from application.ports.actor import Actor
from application.ports.clock import Clock
from application.ports.metrics import Metrics
from application.ports.unit_of_work import UnitOfWorkFactory
from domain.lesson_request import LessonRequest

log = logging.getLogger("lessonsmith.lessons")


@dataclass(frozen=True, slots=True, kw_only=True)
class CancelLessonCommand:
    """Which lesson, cancelled by whom."""

    actor: Actor
    lesson_id: UUID


class CancelLesson:
    """The owner or an admin cancels; a running worker loses its next save and stops.

    Raises LessonNotFound, NotAllowed, IllegalTransition (already finished) or ConcurrentUpdate.
    """

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, metrics: Metrics) -> None:
        self._uow = uow
        self._clock = clock
        self._metrics = metrics

    async def execute(self, command: CancelLessonCommand) -> LessonRequest:
        """The cancelled lesson."""
        async with self._uow() as uow:
            lesson = await uow.lessons.get_visible(command.lesson_id, command.actor)
            if lesson is None:
                raise LessonNotFound(str(command.lesson_id))
            if lesson.owner_id != command.actor.user_id and not command.actor.is_admin:
                raise NotAllowed("only the student or an admin may cancel this lesson")
            lesson.cancel(self._clock.now())
            saved = await uow.lessons.save(lesson)
            await uow.commit()
        log.info("lesson.cancelled", extra={"lesson_id": str(saved.id), "status": saved.status.value})
        self._metrics.lesson_finished(saved.status.value)
        return saved
