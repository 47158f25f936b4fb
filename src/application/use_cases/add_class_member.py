"""AddClassMember: enrol a student in a class, which lets the class's teacher see their lessons."""

from dataclasses import dataclass
from uuid import UUID

from application.errors import ClassNotFound, UnknownStudent
from application.ports.actor import Actor
from application.ports.class_repository import ClassRoster
from application.ports.unit_of_work import UnitOfWorkFactory
from domain.user import Role


@dataclass(frozen=True, slots=True, kw_only=True)
class AddClassMemberCommand:
    """Which class, which student (by username), by whom."""

    actor: Actor
    class_id: UUID
    username: str


class AddClassMember:
    """The class's teacher or an admin enrols a student; enrolling twice changes nothing.

    Raises ClassNotFound (missing, or another teacher's class) or UnknownStudent.
    """

    def __init__(self, uow: UnitOfWorkFactory) -> None:
        self._uow = uow

    async def execute(self, command: AddClassMemberCommand) -> ClassRoster:
        """The class with its students after the enrolment."""
        async with self._uow() as uow:
            school_class = await uow.classes.get_visible(command.class_id, command.actor)
            if school_class is None:
                raise ClassNotFound(str(command.class_id))
            student = await uow.users.get_by_username(command.username.strip().lower())
            if student is None or student.role is not Role.STUDENT:
                raise UnknownStudent("the username names no student", field="username")
            await uow.classes.add_member(school_class.id, student.id)
            await uow.commit()
            (roster,) = await uow.classes.rosters(command.actor, school_class.id)
        return roster
