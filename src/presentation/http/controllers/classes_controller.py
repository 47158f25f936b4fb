"""The class routes: teachers and admins create classes, enrol students and list their rosters."""

from uuid import UUID

from litestar import Controller, get, post
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, JSONBody

from application.ports.actor import Actor
from application.ports.class_repository import ClassRoster
from application.use_cases.add_class_member import AddClassMember, AddClassMemberCommand
from application.use_cases.create_class import CreateClass, CreateClassCommand
from application.use_cases.list_classes import ListClasses, ListClassesQuery
from domain.user import Role
from presentation.http.dependencies import (
    provide_actor,
    provide_add_class_member,
    provide_create_class,
    provide_list_classes,
)
from presentation.http.openapi_responses import error_responses
from presentation.http.schemas.class_schemas import (
    AddMemberBody,
    ClassListView,
    ClassView,
    CreateClassBody,
    MemberView,
)
from presentation.http.security import roles

MAX_BODY_BYTES = 16 * 1024


def present_roster(roster: ClassRoster) -> ClassView:
    """A roster as the API shows it."""
    school_class = roster.school_class
    return ClassView(id=school_class.id, name=school_class.name, teacher_id=school_class.teacher_id,
                     teacher_username=roster.teacher_username,
                     members=[MemberView(id=m.id, username=m.username) for m in roster.members])


class ClassesController(Controller):
    """Teachers manage their own classes, admins every class; students are refused (403)."""

    path = "/api/v1/classes"
    tags = ["classes"]
    guards = [roles(Role.TEACHER, Role.ADMIN)]
    request_max_body_size = MAX_BODY_BYTES
    dependencies = {"actor": Provide(provide_actor, sync_to_thread=False)}

    @post("/", operation_id="createClass", status_code=201,
          dependencies={"use_case": Provide(provide_create_class, sync_to_thread=False)},
          responses=error_responses(400, 401, 403, 413, 422, 503))
    async def create(self, data: JSONBody[CreateClassBody], actor: NamedDependency[Actor],
                     use_case: NamedDependency[CreateClass]) -> ClassView:
        """A new, empty class."""
        return present_roster(await use_case.execute(CreateClassCommand(actor=actor, name=data.name,
                                                                        teacher_username=data.teacher_username)))

    @post("/{class_id:uuid}/members", operation_id="addClassMember", status_code=200,
          dependencies={"use_case": Provide(provide_add_class_member, sync_to_thread=False)},
          responses=error_responses(400, 401, 403, 404, 413, 422, 503))
    async def add_member(self, class_id: FromPath[UUID], data: JSONBody[AddMemberBody], actor: NamedDependency[Actor],
                         use_case: NamedDependency[AddClassMember]) -> ClassView:
        """Enrol a student (by username); enrolling again changes nothing. Another teacher's class is 404."""
        roster = await use_case.execute(AddClassMemberCommand(actor=actor, class_id=class_id, username=data.username))
        return present_roster(roster)

    @get("/", operation_id="listClasses",
         dependencies={"use_case": Provide(provide_list_classes, sync_to_thread=False)},
         responses=error_responses(401, 403, 503))
    async def list_classes(self, actor: NamedDependency[Actor],
                           use_case: NamedDependency[ListClasses]) -> ClassListView:
        """Your classes with their students (every class for an admin)."""
        rosters = await use_case.execute(ListClassesQuery(actor=actor))
        return ClassListView(items=[present_roster(r) for r in rosters])
