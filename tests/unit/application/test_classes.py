"""Classes: who may create and enrol, and what enrolment lets a teacher do."""

from uuid import uuid4

import pytest

from application.errors import ClassNotFound, LessonNotFound, NotAllowed, UnknownStudent, UnknownTeacher
from application.ports.actor import Actor
from application.use_cases.add_class_member import AddClassMember, AddClassMemberCommand
from application.use_cases.create_class import CreateClass, CreateClassCommand
from application.use_cases.get_lesson import GetLesson, GetLessonQuery
from application.use_cases.list_classes import ListClasses, ListClassesQuery
from application.use_cases.request_lesson import RequestLessonCommand
from domain.errors import InvalidValue
from domain.user import Role, User
from tests.unit.application.conftest import World
from tests.unit.fakes import FakeIds

pytestmark = pytest.mark.req("RDS-052")


def _register(world: World, **names: Actor) -> None:
    for name, actor in names.items():
        world.uow.db.users[actor.user_id] = User(actor.user_id, name, actor.role, "hash")


@pytest.fixture
def school(world: World) -> World:
    _register(world, alice=world.student, bob=world.other_student, tess=world.teacher, ada=world.admin)
    return world


async def _class_of_tess(world: World, *students: str) -> AddClassMember:
    roster = await CreateClass(world.uow, FakeIds()).execute(CreateClassCommand(actor=world.teacher, name=" 4B  "))
    assert roster.school_class.name == "4B" and roster.teacher_username == "tess"
    enrol = AddClassMember(world.uow)
    for student in students:
        await enrol.execute(AddClassMemberCommand(actor=world.teacher, class_id=roster.school_class.id,
                                                  username=student))
    return enrol


async def test_teachers_create_their_own_classes_and_admins_name_the_teacher(school: World) -> None:
    create = CreateClass(school.uow, FakeIds())
    await _class_of_tess(school)
    by_admin = await create.execute(CreateClassCommand(actor=school.admin, name="5A", teacher_username="tess"))
    assert by_admin.school_class.teacher_id == school.teacher.user_id
    with pytest.raises(NotAllowed):
        await create.execute(CreateClassCommand(actor=school.student, name="mine"))
    with pytest.raises(UnknownTeacher):
        await create.execute(CreateClassCommand(actor=school.admin, name="5B", teacher_username="alice"))
    with pytest.raises(UnknownTeacher):
        await create.execute(CreateClassCommand(actor=school.admin, name="5B"))
    with pytest.raises(InvalidValue):
        await create.execute(CreateClassCommand(actor=school.teacher, name=" \t "))
    rosters = await ListClasses(school.uow).execute(ListClassesQuery(actor=school.teacher))
    assert [r.school_class.name for r in rosters] == ["4B", "5A"]
    with pytest.raises(NotAllowed):
        await ListClasses(school.uow).execute(ListClassesQuery(actor=school.student))


async def test_only_the_class_teacher_or_an_admin_enrols_and_only_students(school: World) -> None:
    await _class_of_tess(school, "alice", "alice")
    (roster,) = await ListClasses(school.uow).execute(ListClassesQuery(actor=school.admin))
    assert [m.username for m in roster.members] == ["alice"]
    enrol = AddClassMember(school.uow)
    another_teacher = Actor(uuid4(), Role.TEACHER)
    with pytest.raises(ClassNotFound):
        await enrol.execute(AddClassMemberCommand(actor=another_teacher, class_id=roster.school_class.id,
                                                  username="bob"))
    with pytest.raises(UnknownStudent) as not_a_student:
        await enrol.execute(AddClassMemberCommand(actor=school.admin, class_id=roster.school_class.id,
                                                  username="tess"))
    assert not_a_student.value.field == "username"


@pytest.mark.req("RDS-019")
async def test_a_teacher_requests_and_reads_only_for_students_of_their_classes(school: World) -> None:
    await _class_of_tess(school, "alice")
    request = school.request_lesson()
    for_alice = await request.execute(RequestLessonCommand(
        actor=school.teacher, student_query="What is rain?", grade_level=3, requested_modalities=["text"],
        student_id=school.student.user_id))
    with pytest.raises(UnknownStudent):
        await request.execute(RequestLessonCommand(
            actor=school.teacher, student_query="What is rain?", grade_level=3, requested_modalities=["text"],
            student_id=school.other_student.user_id))
    bobs = await request.execute(RequestLessonCommand(actor=school.other_student, student_query="What is snow?",
                                                      grade_level=3, requested_modalities=["text"]))
    alices = await request.execute(RequestLessonCommand(actor=school.student, student_query="What is hail?",
                                                        grade_level=3, requested_modalities=["text"]))
    read = GetLesson(school.uow)
    assert (await read.execute(GetLessonQuery(actor=school.teacher, lesson_id=alices.lesson_id))).owner_id == (
        school.student.user_id)
    assert (await read.execute(GetLessonQuery(actor=school.student, lesson_id=for_alice.lesson_id)))
    with pytest.raises(LessonNotFound):
        await read.execute(GetLessonQuery(actor=school.teacher, lesson_id=bobs.lesson_id))
