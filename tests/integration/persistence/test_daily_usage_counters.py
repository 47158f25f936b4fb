"""The PostgreSQL daily-usage counters: filled in by migration 0008, kept by the inbox, exact under races."""

import asyncio
from datetime import timedelta
from uuid import UUID, uuid4

import asyncpg
import pytest

from application.ports.lesson_inbox import DailyAllowance
from infrastructure.persistence import create_engine, downgrade_database, upgrade_database
from infrastructure.persistence.asyncpg_lesson_inbox import AsyncpgLessonInbox, asyncpg_dsn
from infrastructure.persistence.sqla_unit_of_work import SqlaUnitOfWorkFactory
from tests.integration.persistence.lesson_mother import T0, make_lesson
from tests.postgres_support import fresh_database

pytestmark = [pytest.mark.postgres, pytest.mark.req("RDS-024", "RDS-029")]

DAY = T0.replace(hour=0)


async def _counters(url: str, user: UUID) -> list[tuple[object, int, int]]:
    connection = await asyncpg.connect(asyncpg_dsn(url))
    try:
        rows = await connection.fetch("SELECT day, lessons, estimated_micros FROM lesson_daily_usage "
                                      "WHERE user_id = $1 ORDER BY day", user)
    finally:
        await connection.close()
    return [(row[0], row[1], row[2]) for row in rows]


def test_the_migration_counts_the_lessons_stored_before_it() -> None:
    with fresh_database(migrate=False) as url:
        asyncio.run(_stored_then_migrated(url))


async def _stored_then_migrated(url: str) -> None:
    await upgrade_database(url, "0007")
    user = uuid4()
    engine = create_engine(url)
    try:
        async with SqlaUnitOfWorkFactory(engine)() as uow:
            for created_at in (T0, T0 + timedelta(hours=3), T0 - timedelta(days=1)):
                await uow.lessons.add(make_lesson(user, created_at=created_at))
            await uow.commit()
    finally:
        await engine.dispose()
    await upgrade_database(url)
    counted = await _counters(url, user)
    estimate = make_lesson(user).ledger.estimated.micros
    assert counted == [(DAY - timedelta(days=1), 1, estimate), (DAY, 2, 2 * estimate)]
    await downgrade_database(url, "0007")  # and back: the lessons stay
    await upgrade_database(url)


async def test_a_racing_duplicate_key_gives_its_count_back(postgresql_url: str) -> None:
    inbox = AsyncpgLessonInbox(postgresql_url)
    try:
        user = uuid4()
        allowance = DailyAllowance(since=DAY, max_lessons=100)
        answers = await asyncio.gather(*(inbox.insert_within(make_lesson(user, idempotency_key="same"), allowance)
                                         for _ in range(20)))
        assert [inserted for inserted, _ in answers].count(True) == 1
        assert [(lessons, micros) for _, lessons, micros in await _counters(postgresql_url, user)] == [
            (1, make_lesson(user).ledger.estimated.micros)]
    finally:
        await inbox.close()


async def test_plain_inserts_count_too_so_limits_set_later_see_the_day(postgresql_url: str) -> None:
    inbox = AsyncpgLessonInbox(postgresql_url)
    try:
        user = uuid4()
        for _ in range(3):
            assert await inbox.insert(make_lesson(user, created_at=T0))
        inserted, usage = await inbox.insert_within(make_lesson(user, created_at=T0),
                                                    DailyAllowance(since=DAY, max_lessons=3))
        assert inserted is False and usage.count == 3
    finally:
        await inbox.close()
