"""RetryLesson: resume a failed lesson at its failed stage."""

from dataclasses import dataclass
from uuid import UUID

from application.errors import LessonNotFound, NotAllowed
from application.ports.actor import Actor
from application.ports.clock import Clock
from application.ports.job_doorbell import JobDoorbell
from application.ports.unit_of_work import UnitOfWorkFactory
from domain.lesson_request import LessonRequest


@dataclass(frozen=True, slots=True, kw_only=True)
class RetryLessonCommand:
    """Which lesson, retried by whom."""

    actor: Actor
    lesson_id: UUID


class RetryLesson:
    """The owner or an admin re-queues a failed lesson; finished stages are kept, not re-run.

    Raises LessonNotFound, NotAllowed, IllegalTransition (not failed) or ConcurrentUpdate.
    """

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, doorbell: JobDoorbell) -> None:
        self._uow = uow
        self._clock = clock
        self._doorbell = doorbell

    async def execute(self, command: RetryLessonCommand) -> LessonRequest:
        """The re-queued lesson; the doorbell rings after the commit."""
        async with self._uow() as uow:
            lesson = await uow.lessons.get_visible(command.lesson_id, command.actor)
            if lesson is None:
                raise LessonNotFound(str(command.lesson_id))
            if lesson.owner_id != command.actor.user_id and not command.actor.is_admin:
                raise NotAllowed("only the student or an admin may retry this lesson")
            lesson.retry(self._clock.now())
            saved = await uow.lessons.save(lesson)
            await uow.commit()
        await self._doorbell.ring(saved.id)
        return saved
