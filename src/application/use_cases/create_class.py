"""CreateClass: a teacher opens a class, or an admin opens one for a teacher."""

from dataclasses import dataclass

from application.errors import NotAllowed, UnknownTeacher
from application.ports.actor import Actor
from application.ports.class_repository import ClassRoster
from application.ports.id_generator import IdGenerator
from application.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory
from domain.school_class import SchoolClass, validate_class_name
from domain.user import Role, User


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateClassCommand:
    """The class name and, for admins, the teacher's username (a teacher may name only themselves)."""

    actor: Actor
    name: str
    teacher_username: str | None = None


class CreateClass:
    """Teachers and admins create classes. Raises InvalidValue, NotAllowed or UnknownTeacher."""

    def __init__(self, uow: UnitOfWorkFactory, ids: IdGenerator) -> None:
        self._uow = uow
        self._ids = ids

    async def execute(self, command: CreateClassCommand) -> ClassRoster:
        """The new class, with its teacher and no students yet."""
        name = validate_class_name(command.name)
        async with self._uow() as uow:
            teacher = await self._teacher(command, uow)
            school_class = SchoolClass(id=self._ids.new_id(), name=name, teacher_id=teacher.id)
            await uow.classes.add(school_class)
            await uow.commit()
        return ClassRoster(school_class, teacher.username, ())

    async def _teacher(self, command: CreateClassCommand, uow: UnitOfWork) -> User:
        actor = command.actor
        if actor.role not in (Role.TEACHER, Role.ADMIN):
            raise NotAllowed("only teachers and admins create classes")
        if command.teacher_username is None:
            if actor.role is not Role.TEACHER:
                raise UnknownTeacher("name the class's teacher")
            me = await uow.users.get(actor.user_id)
            if me is None:
                raise UnknownTeacher("your account no longer exists")
            return me
        teacher = await uow.users.get_by_username(command.teacher_username.strip().lower())
        if actor.role is Role.TEACHER and (teacher is None or teacher.id != actor.user_id):
            raise NotAllowed("teachers create classes only for themselves")
        if teacher is None or teacher.role is not Role.TEACHER:
            raise UnknownTeacher("the teacher username names no teacher")
        return teacher
