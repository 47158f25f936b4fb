"""ListClasses: the classes a teacher teaches (every class for an admin), with their students."""

from dataclasses import dataclass

from application.errors import NotAllowed
from application.ports.actor import Actor
from application.ports.class_repository import ClassRoster
from application.ports.unit_of_work import UnitOfWorkFactory
from domain.user import Role


@dataclass(frozen=True, slots=True, kw_only=True)
class ListClassesQuery:
    """Asked by whom."""

    actor: Actor


class ListClasses:
    """Teachers see their own classes, admins all; students may not list classes (NotAllowed)."""

    def __init__(self, uow: UnitOfWorkFactory) -> None:
        self._uow = uow

    async def execute(self, query: ListClassesQuery) -> tuple[ClassRoster, ...]:
        """The rosters, by class name."""
        if query.actor.role is Role.STUDENT:
            raise NotAllowed("students do not manage classes")
        async with self._uow() as uow:
            return await uow.classes.rosters(query.actor)
