"""Classes and the teacher visibility rule in SQL, on SQLite and PostgreSQL alike."""

from datetime import timedelta
from uuid import uuid4

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from application.ports.actor import Actor
from domain.cost_ledger import CostKind, CostLine
from domain.money import Money
from domain.school_class import SchoolClass
from domain.user import Role, User
from infrastructure.persistence import SqlaUnitOfWorkFactory
from infrastructure.persistence.sqla_token_deny_list import SqlaTokenDenyList
from tests.integration.persistence.lesson_mother import T0, make_lesson
from tests.unit.fakes import FakeClock

NAMES = {"alice": Role.STUDENT, "bob": Role.STUDENT, "tess": Role.TEACHER, "tom": Role.TEACHER, "ada": Role.ADMIN}


@pytest.fixture
async def people(uow: SqlaUnitOfWorkFactory) -> dict[str, Actor]:
    """Five users; tess teaches alice (class 4B), tom teaches nobody."""
    actors = {name: Actor(uuid4(), role) for name, role in NAMES.items()}
    async with uow() as work:
        for name, actor in actors.items():
            await work.users.add(User(actor.user_id, name, actor.role, "hash"))
        school_class = SchoolClass(uuid4(), "4B", actors["tess"].user_id)
        await work.classes.add(school_class)
        assert await work.classes.add_member(school_class.id, actors["alice"].user_id) is True
        assert await work.classes.add_member(school_class.id, actors["alice"].user_id) is False
        await work.commit()
    return actors


@pytest.mark.req("RDS-052")
async def test_rosters_memberships_and_who_manages_a_class(uow: SqlaUnitOfWorkFactory,
                                                           people: dict[str, Actor]) -> None:
    async with uow() as work:
        (roster,) = await work.classes.rosters(people["tess"])
        assert roster.teacher_username == "tess" and [m.username for m in roster.members] == ["alice"]
        assert await work.classes.rosters(people["tom"]) == ()
        assert len(await work.classes.rosters(people["ada"])) == 1
        class_id = roster.school_class.id
        assert await work.classes.get_visible(class_id, people["tess"]) == roster.school_class
        assert await work.classes.get_visible(class_id, people["ada"]) == roster.school_class
        assert await work.classes.get_visible(class_id, people["tom"]) is None
        assert await work.classes.teaches(people["tess"].user_id, people["alice"].user_id) is True
        assert await work.classes.teaches(people["tess"].user_id, people["bob"].user_id) is False
        assert await work.classes.teaches(people["tom"].user_id, people["alice"].user_id) is False


@pytest.mark.req("RDS-052", "RDS-020")
async def test_a_teacher_sees_the_lessons_of_their_students_and_no_others(uow: SqlaUnitOfWorkFactory,
                                                                         people: dict[str, Actor]) -> None:
    alices = make_lesson(people["alice"].user_id)
    bobs = make_lesson(people["bob"].user_id, created_at=T0 + timedelta(seconds=1))
    async with uow() as work:
        await work.lessons.add(alices)
        await work.lessons.add(bobs)
        await work.commit()
    expected = {"alice": {alices.id}, "bob": {bobs.id}, "tess": {alices.id}, "tom": set(), "ada": set()}
    async with uow() as work:
        for name, actor in people.items():
            listed = {lesson.id for lesson in (await work.lessons.list_visible(actor, None, 10, None)).items}
            assert listed == expected[name], name
            for lesson in (alices, bobs):
                visible = await work.lessons.get_visible(lesson.id, actor) is not None
                assert visible == (lesson.id in expected[name] or name == "ada"), (name, lesson.owner_id)
        everyone = await work.lessons.list_visible(people["ada"], None, 10, None, all_users=True)
        assert {lesson.id for lesson in everyone.items} == {alices.id, bobs.id}


@pytest.mark.req("RDS-024")
async def test_usage_since_counts_a_requesters_lessons_and_sums_their_estimates(
        uow: SqlaUnitOfWorkFactory, people: dict[str, Actor]) -> None:
    alice = people["alice"].user_id
    lessons = [make_lesson(alice, created_at=T0 + timedelta(hours=h)) for h in (-1, 1, 2)]
    for lesson in lessons:
        lesson.ledger = lesson.ledger.add([CostLine("write", CostKind.ESTIMATE, Money(1_250)),
                                           CostLine("write", CostKind.SPENT, Money(99))])
    async with uow() as work:
        for lesson in lessons:
            await work.lessons.add(lesson)
        await work.commit()
    async with uow() as work:
        usage = await work.lessons.usage_since(alice, T0)
        nobody = await work.lessons.usage_since(people["bob"].user_id, T0)
    assert (usage.count, usage.estimated) == (2, Money(2_500))
    assert (nobody.count, nobody.estimated) == (0, Money(0))


@pytest.mark.req("RDS-050")
async def test_the_database_deny_list_remembers_revoked_token_ids(engine: AsyncEngine) -> None:
    clock = FakeClock()
    deny_list = SqlaTokenDenyList(engine, clock)
    await deny_list.revoke("old", clock.now() + timedelta(seconds=5))
    await deny_list.revoke("current", clock.now() + timedelta(minutes=15))
    await deny_list.revoke("current", clock.now() + timedelta(minutes=15))
    assert await deny_list.is_revoked("current") and not await deny_list.is_revoked("never")
    clock.advance(60)
    await deny_list.revoke("later", clock.now() + timedelta(minutes=15))
    assert not await deny_list.is_revoked("old")  # purged once it could no longer be used
