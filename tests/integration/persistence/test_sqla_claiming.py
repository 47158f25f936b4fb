"""Claims, leases and the reconciler's queries against SQLite and PostgreSQL, concurrency included."""

import asyncio
from collections import Counter
from datetime import datetime, timedelta
from uuid import UUID

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.lesson_lifecycle import LessonStatus
from domain.lesson_request import LessonRequest
from infrastructure.persistence import SqlaUnitOfWorkFactory
from infrastructure.persistence.tables import lesson_requests
from tests.integration.persistence.lesson_mother import T0, make_lesson

pytestmark = pytest.mark.req("RDS-026")

LEASE = timedelta(seconds=60)


async def _add(uow: SqlaUnitOfWorkFactory, *lessons: LessonRequest) -> None:
    async with uow() as work:
        for lesson in lessons:
            await work.lessons.add(lesson)
        await work.commit()


async def _claim(uow: SqlaUnitOfWorkFactory, worker: str, now: datetime = T0) -> UUID | None:
    async with uow() as work:
        lesson = await work.lessons.claim_next(worker, now, now + LEASE)
        await work.commit()
    return lesson.id if lesson is not None else None


async def test_claim_next_takes_the_oldest_first_and_none_when_empty(uow: SqlaUnitOfWorkFactory) -> None:
    lessons = [make_lesson(created_at=T0 - timedelta(minutes=m)) for m in (1, 3, 2)]
    await _add(uow, *lessons)
    claimed = [await _claim(uow, "w") for _ in range(4)]
    assert claimed == [lessons[1].id, lessons[2].id, lessons[0].id, None]


async def test_claim_leases_the_lesson_and_counts_the_attempt(
    uow: SqlaUnitOfWorkFactory, engine: AsyncEngine
) -> None:
    lesson = make_lesson()
    await _add(uow, lesson)
    async with uow() as work:
        claimed = await work.lessons.claim_next("worker-7", T0, T0 + LEASE)
        await work.commit()
    assert claimed is not None
    assert (claimed.status, claimed.attempt, claimed.deliveries, claimed.version) == (LessonStatus.RUNNING, 1, 1, 1)
    async with uow() as work:
        assert await work.lessons.get(lesson.id) == claimed
    async with engine.connect() as connection:
        row = (await connection.execute(sa.select(lesson_requests))).mappings().one()
    assert (row["lease_owner"], row["lease_expires_at"]) == ("worker-7", T0 + LEASE)


@pytest.mark.req("RDS-027")
async def test_claim_next_waits_for_not_before(uow: SqlaUnitOfWorkFactory) -> None:
    later = make_lesson(created_at=T0 - timedelta(hours=1), not_before=T0 + timedelta(seconds=30))
    await _add(uow, later)
    assert await _claim(uow, "w", T0) is None
    assert await _claim(uow, "w", T0 + timedelta(seconds=30)) == later.id


async def test_concurrent_claimers_claim_every_lesson_exactly_once(
    uow: SqlaUnitOfWorkFactory, engine: AsyncEngine
) -> None:
    lessons = [make_lesson(created_at=T0 - timedelta(seconds=i)) for i in range(30)]
    await _add(uow, *lessons)

    async def claimer(name: str) -> list[UUID]:
        claimed: list[UUID] = []
        while (lesson_id := await _claim(uow, name)) is not None:
            claimed.append(lesson_id)
        return claimed

    results = await asyncio.gather(*(claimer(f"worker-{n}") for n in range(10)))
    counts = Counter(lesson_id for claimed in results for lesson_id in claimed)
    assert set(counts) == {lesson.id for lesson in lessons}
    assert set(counts.values()) == {1}
    async with engine.connect() as connection:
        rows = (await connection.execute(sa.select(lesson_requests.c.status, lesson_requests.c.attempt))).all()
    assert set(rows) == {("running", 1)}


async def test_extend_lease_needs_the_current_fence_and_keeps_the_version(
    uow: SqlaUnitOfWorkFactory, engine: AsyncEngine
) -> None:
    await _add(uow, make_lesson())
    async with uow() as work:
        claimed = await work.lessons.claim_next("w", T0, T0 + LEASE)
        assert claimed is not None
        assert await work.lessons.extend_lease(claimed.id, claimed.attempt, T0 + 2 * LEASE) is True
        assert await work.lessons.extend_lease(claimed.id, claimed.attempt + 1, T0 + 5 * LEASE) is False
        await work.commit()
    async with engine.connect() as connection:
        row = (await connection.execute(sa.select(lesson_requests))).mappings().one()
    assert (row["lease_expires_at"], row["version"]) == (T0 + 2 * LEASE, claimed.version)
    async with uow() as work:
        claimed.cancel(T0)
        await work.lessons.save(claimed, fence=claimed.attempt)
        assert await work.lessons.extend_lease(claimed.id, claimed.attempt, T0 + 3 * LEASE) is False


@pytest.mark.req("RDS-027")
async def test_expired_leases_finds_only_running_rows_past_their_lease(uow: SqlaUnitOfWorkFactory) -> None:
    await _add(uow, *(make_lesson(created_at=T0 - timedelta(seconds=i)) for i in range(4)))
    short = await _claim(uow, "short", T0 - LEASE)  # lease ends at T0 - 0
    long = await _claim(uow, "long", T0)  # lease ends at T0 + LEASE
    async with uow() as work:
        expired = await work.lessons.expired_leases(T0 + timedelta(seconds=1), 10)
        later = await work.lessons.expired_leases(T0 + LEASE + timedelta(seconds=1), 10)
        limited = await work.lessons.expired_leases(T0 + LEASE + timedelta(seconds=1), 1)
    assert [lesson.id for lesson in expired] == [short]
    assert [lesson.id for lesson in later] == [short, long]
    assert [lesson.id for lesson in limited] == [short]
    assert all(lesson.status is LessonStatus.RUNNING for lesson in later)


@pytest.mark.req("RDS-027")
async def test_stale_queued_lists_old_claimable_ids_oldest_first(uow: SqlaUnitOfWorkFactory) -> None:
    old = make_lesson(created_at=T0 - timedelta(minutes=10))
    older = make_lesson(created_at=T0 - timedelta(minutes=20))
    fresh = make_lesson(created_at=T0)
    delayed = make_lesson(created_at=T0 - timedelta(minutes=30), not_before=T0 + timedelta(minutes=1))
    running = make_lesson(created_at=T0 - timedelta(minutes=40))
    await _add(uow, running)
    assert await _claim(uow, "w") == running.id
    await _add(uow, old, older, fresh, delayed)
    async with uow() as work:
        stale = await work.lessons.stale_queued(T0 - timedelta(minutes=5), 10)
        first = await work.lessons.stale_queued(T0 - timedelta(minutes=5), 1)
    assert stale == (older.id, old.id)
    assert first == (older.id,)


async def test_queue_stats_count_queued_lessons_and_find_the_longest_waiting(uow: SqlaUnitOfWorkFactory) -> None:
    async with uow() as work:
        empty = await work.lessons.queue_stats()
    assert (empty.depth, empty.oldest_queued_at) == (0, None)
    waiting = [make_lesson(created_at=T0 - timedelta(minutes=m)) for m in (5, 9, 1)]
    await _add(uow, *waiting)
    assert await _claim(uow, "w") == waiting[1].id
    async with uow() as work:
        stats = await work.lessons.queue_stats()
    assert stats.depth == 2
    assert stats.oldest_queued_at == T0 - timedelta(minutes=5)
