"""`lessonsmith classes create|add-student|list`: operators set up who teaches whom."""

import argparse
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar
from uuid import UUID

from application.ports.actor import Actor
from application.ports.class_repository import ClassRoster
from application.use_cases.add_class_member import AddClassMemberCommand
from application.use_cases.create_class import CreateClassCommand
from application.use_cases.list_classes import ListClassesQuery
from domain.errors import InvalidValue
from domain.user import Role
from infrastructure.container.application import ApplicationContainer, build_container
from presentation.runtime import start_services, stop_services

# Operators on the CLI already hold the database: they act with an admin's rights.
OPERATOR = Actor(user_id=UUID(int=0), role=Role.ADMIN)
T = TypeVar("T")


def register(commands: "argparse._SubParsersAction[Any]") -> None:
    """Add `classes create`, `classes add-student` and `classes list`."""
    classes = commands.add_parser("classes", help="manage classes (a teacher sees their students' lessons)")
    actions = classes.add_subparsers(dest="classes_command", required=True, metavar="ACTION")
    create = actions.add_parser("create", help="create a class taught by a teacher")
    create.add_argument("name")
    create.add_argument("--teacher", required=True, help="the teacher's username")
    create.set_defaults(run=_create)
    add = actions.add_parser("add-student", help="enrol a student in a class")
    add.add_argument("class_id")
    add.add_argument("username")
    add.set_defaults(run=_add_student)
    listing = actions.add_parser("list", help="every class with its students")
    listing.set_defaults(run=_list)


async def _with_container(action: Callable[[ApplicationContainer], Awaitable[T]]) -> T:
    container = build_container()
    await start_services(container, with_grounding=False)
    try:
        return await action(container)
    finally:
        await stop_services(container)


def _describe(roster: ClassRoster) -> str:
    members = ", ".join(m.username for m in roster.members) or "no students yet"
    return f"{roster.school_class.id}  {roster.school_class.name}  (teacher {roster.teacher_username}): {members}"


async def _create(args: argparse.Namespace) -> int:
    command = CreateClassCommand(actor=OPERATOR, name=args.name, teacher_username=args.teacher)
    roster = await _with_container(lambda c: c.use_cases.create_class().execute(command))
    print(f"created class {_describe(roster)}")
    return 0


async def _add_student(args: argparse.Namespace) -> int:
    try:
        class_id = UUID(args.class_id)
    except ValueError:
        raise InvalidValue("class_id", "invalid_format", "must be a class id (a UUID)") from None
    command = AddClassMemberCommand(actor=OPERATOR, class_id=class_id, username=args.username)
    roster = await _with_container(lambda c: c.use_cases.add_class_member().execute(command))
    print(_describe(roster))
    return 0


async def _list(args: argparse.Namespace) -> int:
    rosters = await _with_container(lambda c: c.use_cases.list_classes().execute(ListClassesQuery(actor=OPERATOR)))
    for roster in rosters:
        print(_describe(roster))
    return 0
