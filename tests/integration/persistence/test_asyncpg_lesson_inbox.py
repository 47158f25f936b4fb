"""AsyncpgLessonInbox against PostgreSQL: one statement per lesson, one row per Idempotency-Key, clean errors."""

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta
from uuid import uuid4

import pytest

from application.errors import StorageError
from application.ports.lesson_inbox import DailyAllowance
from application.ports.lesson_listing import LessonUsage
from domain.cost_ledger import CostKind, CostLine
from domain.lesson_request import LessonRequest
from domain.money import Money
from infrastructure.persistence.asyncpg_lesson_inbox import AsyncpgLessonInbox
from infrastructure.persistence.lesson_mapper import lesson_to_row
from tests.integration.persistence.lesson_mother import T0, make_lesson, make_rich_lesson

pytestmark = [pytest.mark.postgres, pytest.mark.req("RDS-072")]


@pytest.fixture
async def inbox(postgresql_url: str) -> AsyncIterator[AsyncpgLessonInbox]:
    inbox = AsyncpgLessonInbox(postgresql_url)
    yield inbox
    await inbox.close()


async def test_a_lesson_is_stored_as_the_repository_would_store_it(inbox: AsyncpgLessonInbox) -> None:
    lesson = make_rich_lesson()
    lesson.idempotency_key = f"key-{uuid4()}"
    assert await inbox.insert(lesson) is True
    found = await inbox.find_by_idempotency_key(lesson.requested_by, lesson.idempotency_key)
    assert found is not None and lesson_to_row(found) == lesson_to_row(lesson)
    assert await inbox.find_by_idempotency_key(lesson.requested_by, "another-key") is None


@pytest.mark.req("RDS-022")
async def test_fifty_concurrent_inserts_with_one_key_make_one_row(inbox: AsyncpgLessonInbox) -> None:
    user = uuid4()
    lessons = [make_lesson(user, idempotency_key="same") for _ in range(50)]
    inserted = await asyncio.gather(*(inbox.insert(lesson) for lesson in lessons))
    assert inserted.count(True) == 1
    usage = await inbox.usage_since(user, T0 - timedelta(days=1))
    assert usage.count == 1


@pytest.mark.req("RDS-024")
async def test_usage_counts_the_users_lessons_since_a_moment(inbox: AsyncpgLessonInbox) -> None:
    user = uuid4()
    for hours in (0, 1, 25):
        assert await inbox.insert(make_lesson(user, created_at=T0 + timedelta(hours=hours)))
    usage = await inbox.usage_since(user, T0 + timedelta(minutes=30))
    assert usage.count == 2 and usage.estimated.micros >= 0


@pytest.mark.req("RDS-061")
async def test_an_unreachable_server_is_a_retryable_storage_error() -> None:
    inbox = AsyncpgLessonInbox("postgresql+asyncpg://postgres@127.0.0.1:1/nowhere")
    with pytest.raises(StorageError) as raised:
        await inbox.insert(make_lesson())
    assert raised.value.retryable
    await inbox.close()


def _estimated(lesson: LessonRequest, micros: int) -> LessonRequest:
    lesson.ledger = lesson.ledger.add([CostLine("write", CostKind.ESTIMATE, Money(micros))])
    return lesson


@pytest.mark.req("RDS-024")
async def test_insert_within_reads_the_usage_and_inserts_while_there_is_room(inbox: AsyncpgLessonInbox) -> None:
    user = uuid4()
    allowance = DailyAllowance(since=T0, max_lessons=2)
    first = await inbox.insert_within(make_lesson(user, created_at=T0), allowance)
    second = await inbox.insert_within(make_lesson(user, created_at=T0), allowance)
    third = await inbox.insert_within(make_lesson(user, created_at=T0), allowance)
    assert [first[0], second[0], third[0]] == [True, True, False]
    assert [first[1].count, second[1].count, third[1].count] == [0, 1, 2]
    assert (await inbox.usage_since(user, T0)).count == 2


@pytest.mark.req("RDS-024")
async def test_insert_within_refuses_a_lesson_past_the_budget(inbox: AsyncpgLessonInbox) -> None:
    user = uuid4()
    allowance = DailyAllowance(since=T0, max_estimated=Money(1_000))
    assert (await inbox.insert_within(_estimated(make_lesson(user), 600), allowance))[0] is True
    assert (await inbox.insert_within(_estimated(make_lesson(user), 400), allowance))[0] is True
    refused, usage = await inbox.insert_within(_estimated(make_lesson(user), 1), allowance)
    assert refused is False and usage == LessonUsage(count=2, estimated=Money(1_000))
    assert allowance.admits(usage, Money(0)) and not allowance.admits(usage, Money(1))


async def test_insert_within_without_limits_and_a_used_key_is_not_inserted_but_admitted(
    inbox: AsyncpgLessonInbox,
) -> None:
    user = uuid4()
    allowance = DailyAllowance(since=T0 - timedelta(days=1))
    lessons = [make_lesson(user, idempotency_key="same") for _ in range(20)]
    answers = await asyncio.gather(*(inbox.insert_within(lesson, allowance) for lesson in lessons))
    assert [inserted for inserted, _ in answers].count(True) == 1
    assert all(allowance.admits(usage, Money(0)) for _, usage in answers)
    assert (await inbox.usage_since(user, T0 - timedelta(days=1))).count == 1


@pytest.mark.req("RDS-024")
async def test_concurrent_inserts_within_a_quota_never_overshoot_it(inbox: AsyncpgLessonInbox) -> None:
    """Concurrent inserts go in batches whose later statements count the earlier ones: exactly the quota."""
    user = uuid4()
    allowance = DailyAllowance(since=T0, max_lessons=10)
    answers = await asyncio.gather(*(inbox.insert_within(make_lesson(user, created_at=T0), allowance)
                                     for _ in range(40)))
    assert [inserted for inserted, _ in answers].count(True) == 10
    assert (await inbox.usage_since(user, T0)).count == 10


async def test_a_faulty_insert_fails_alone_and_its_batch_is_still_written(inbox: AsyncpgLessonInbox) -> None:
    user = uuid4()
    faulty = make_lesson(user)
    faulty.idempotency_key = "nul\x00key"  # PostgreSQL refuses a NUL in text: this statement, and only it, fails
    results = await asyncio.gather(*(inbox.insert(make_lesson(user)) for _ in range(5)), inbox.insert(faulty),
                                   *(inbox.insert(make_lesson(user)) for _ in range(5)), return_exceptions=True)
    assert isinstance(results[5], StorageError) and not results[5].retryable
    assert results[:5] + results[6:] == [True] * 10
    assert (await inbox.usage_since(user, T0 - timedelta(days=1))).count == 10
