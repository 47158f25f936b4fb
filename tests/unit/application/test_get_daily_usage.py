"""GetDailyUsage: per student per UTC day, with the same visibility as lessons."""

from datetime import date, timedelta

import pytest

from application.errors import NotAllowed, UnknownStudent
from application.use_cases.add_class_member import AddClassMember, AddClassMemberCommand
from application.use_cases.create_class import CreateClass, CreateClassCommand
from application.use_cases.get_daily_usage import GetDailyUsage, GetDailyUsageQuery
from application.use_cases.request_lesson import RequestLessonCommand
from domain.user import Role, User
from tests.unit.application.conftest import World
from tests.unit.fakes import FakeIds

pytestmark = pytest.mark.req("RDS-049")


async def _request(world: World, **fields: object) -> None:
    values: dict[str, object] = {"actor": world.student, "student_query": "How do plants make food?",
                                 "grade_level": 4, "requested_modalities": ["text"]}
    values.update(fields)
    await world.request_lesson().execute(RequestLessonCommand(**values))  # type: ignore[arg-type]


async def _add_student(world: World) -> None:
    """Alice, a student in a class of the world's teacher."""
    async with world.uow() as uow:
        await uow.users.add(User(world.student.user_id, "alice", Role.STUDENT, "hash"))
        await uow.users.add(User(world.teacher.user_id, "tess", Role.TEACHER, "hash"))
        await uow.commit()
    roster = await CreateClass(world.uow, FakeIds()).execute(CreateClassCommand(actor=world.teacher, name="4B"))
    await AddClassMember(world.uow).execute(
        AddClassMemberCommand(actor=world.teacher, class_id=roster.school_class.id, username="alice"))


async def test_a_student_sees_todays_count_and_exact_totals(world: World) -> None:
    await _request(world)
    await _request(world)
    world.clock.advance(24 * 3600)
    await _request(world)
    usage = GetDailyUsage(world.uow, world.clock)
    today = await usage.execute(GetDailyUsageQuery(actor=world.student))
    assert today.day == world.clock.now().date() and today.totals.lessons == 1
    yesterday = await usage.execute(GetDailyUsageQuery(actor=world.student, day=today.day - timedelta(days=1)))
    assert yesterday.totals.lessons == 2 and yesterday.totals.estimated.micros == 2 * 5 * 10_000
    assert yesterday.totals.spent.micros == yesterday.totals.saved.micros == 0


async def test_a_student_may_not_look_at_someone_else(world: World) -> None:
    with pytest.raises(NotAllowed):
        await GetDailyUsage(world.uow, world.clock).execute(
            GetDailyUsageQuery(actor=world.student, student_id=world.other_student.user_id))


async def test_teachers_see_what_they_requested_and_admins_see_everything(world: World) -> None:
    await _add_student(world)
    await _request(world)
    await _request(world, actor=world.teacher, student_id=world.student.user_id)
    usage = GetDailyUsage(world.uow, world.clock)
    day = world.clock.now().date()
    teacher = await usage.execute(GetDailyUsageQuery(actor=world.teacher, day=day, student_id=world.student.user_id))
    admin = await usage.execute(GetDailyUsageQuery(actor=world.admin, day=day, student_id=world.student.user_id))
    assert (teacher.totals.lessons, admin.totals.lessons) == (1, 2)


async def test_an_id_that_names_no_student_is_refused(world: World) -> None:
    with pytest.raises(UnknownStudent):
        await GetDailyUsage(world.uow, world.clock).execute(
            GetDailyUsageQuery(actor=world.admin, day=date(2026, 1, 1), student_id=world.teacher.user_id))
