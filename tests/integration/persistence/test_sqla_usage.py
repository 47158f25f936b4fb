"""The per-student, per-day usage aggregate: one SQL query over the stored ledger totals, exact to the micro."""

from datetime import timedelta
from uuid import UUID, uuid4

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from application.ports.actor import Actor
from domain.cost_ledger import CostKind, CostLedger, CostLine
from domain.money import Money
from domain.user import Role
from infrastructure.persistence import SqlaUnitOfWorkFactory
from tests.integration.persistence.lesson_mother import T0, make_lesson

pytestmark = pytest.mark.req("RDS-049")

DAY = timedelta(days=1)
lines = st.builds(CostLine, stage=st.sampled_from(["write", "narrate", "render_video"]),
                  kind=st.sampled_from(list(CostKind)), amount=st.integers(0, 10**9).map(Money))
lessons = st.lists(st.tuples(st.integers(0, 2), st.integers(-1, 1), st.integers(0, 86_399_999),
                             st.lists(lines, max_size=8)), max_size=12)


async def _store(uow: SqlaUnitOfWorkFactory, owners: list[UUID],
                 generated: list[tuple[int, int, int, list[CostLine]]]) -> None:
    async with uow() as work:
        for owner, day, millis, ledger in generated:
            lesson = make_lesson(owners[owner], created_at=T0.replace(hour=0) + day * DAY + timedelta(
                milliseconds=millis))
            lesson.ledger = CostLedger().add(ledger)
            await work.lessons.add(lesson)
        await work.commit()


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(generated=lessons)
async def test_daily_totals_are_the_exact_sums_of_that_days_ledgers(
    uow: SqlaUnitOfWorkFactory, generated: list[tuple[int, int, int, list[CostLine]]]
) -> None:
    owners = [uuid4() for _ in range(3)]  # fresh per example: earlier examples' rows never match
    await _store(uow, owners, generated)
    admin = Actor(uuid4(), Role.ADMIN)
    midnight = T0.replace(hour=0)
    async with uow() as work:
        for index, owner in enumerate(owners):
            for day in (-1, 0, 1):
                start = midnight + day * DAY
                usage = await work.lessons.usage(owner, start, start + DAY, admin)
                mine = [ledger for o, d, _, ledger in generated if (o, d) == (index, day)]
                assert usage.lessons == len(mine)
                for kind, total in ((CostKind.SPENT, usage.spent), (CostKind.SAVED, usage.saved),
                                    (CostKind.ESTIMATE, usage.estimated)):
                    assert total.micros == sum(x.amount.micros for ledger in mine for x in ledger if x.kind is kind)


async def test_the_day_is_half_open_and_follows_lesson_visibility(uow: SqlaUnitOfWorkFactory) -> None:
    student, teacher = uuid4(), uuid4()
    midnight = T0.replace(hour=0)
    spent = CostLedger().add([CostLine("write", CostKind.SPENT, Money(7))])
    rows = [make_lesson(student, created_at=midnight, ledger=spent),
            make_lesson(student, created_at=midnight + DAY - timedelta(microseconds=1), requested_by=teacher,
                        ledger=spent),
            make_lesson(student, created_at=midnight + DAY, ledger=spent)]
    async with uow() as work:
        for row in rows:
            await work.lessons.add(row)
        await work.commit()
    async with uow() as work:
        own = await work.lessons.usage(student, midnight, midnight + DAY, Actor(student, Role.STUDENT))
        teachers = await work.lessons.usage(student, midnight, midnight + DAY, Actor(teacher, Role.TEACHER))
        stranger = await work.lessons.usage(student, midnight, midnight + DAY, Actor(uuid4(), Role.TEACHER))
    assert (own.lessons, own.spent.micros) == (2, 14)
    assert (teachers.lessons, teachers.spent.micros) == (1, 7)
    assert (stranger.lessons, stranger.spent) == (0, Money(0))


async def test_totals_follow_the_ledger_on_every_save(uow: SqlaUnitOfWorkFactory) -> None:
    lesson = make_lesson()
    async with uow() as work:
        await work.lessons.add(lesson)
        await work.commit()
    lesson.ledger = lesson.ledger.add([CostLine("narrate", CostKind.SAVED, Money(1_234_567))])
    async with uow() as work:
        await work.lessons.save(lesson)
        await work.commit()
        usage = await work.lessons.usage(lesson.owner_id, T0 - DAY, T0 + DAY, Actor(lesson.owner_id, Role.STUDENT))
    assert usage.saved.micros == 1_234_567 and usage.lessons == 1
