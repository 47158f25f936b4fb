"""SqlaLessonRepository against SQLite and PostgreSQL: storage, visibility, paging, versions and fences."""

from datetime import timedelta
from uuid import uuid4

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from application.errors import ConcurrentUpdate, DuplicateIdempotencyKey
from application.ports.actor import Actor
from domain.errors import InvalidValue
from domain.failure import Failure
from domain.lesson_lifecycle import LessonStatus
from domain.user import Role
from infrastructure.persistence import SqlaUnitOfWorkFactory
from infrastructure.persistence.tables import lesson_requests
from tests.integration.persistence.lesson_mother import T0, make_lesson, make_rich_lesson

LEASE = timedelta(seconds=60)


@pytest.mark.req("RDS-001")
async def test_add_then_get_round_trips_every_field(uow: SqlaUnitOfWorkFactory) -> None:
    lesson = make_rich_lesson()
    async with uow() as work:
        await work.lessons.add(lesson)
        await work.commit()
    async with uow() as work:
        stored = await work.lessons.get(lesson.id)
    assert stored == lesson
    assert stored is not None
    assert stored.created_at.tzinfo is not None and stored.created_at.utcoffset() == timedelta(0)
    assert stored.script is not None and lesson.script is not None
    assert stored.script.content_hash == lesson.script.content_hash


@pytest.mark.req("RDS-001")
async def test_uncommitted_work_is_rolled_back(uow: SqlaUnitOfWorkFactory) -> None:
    lesson = make_lesson()
    async with uow() as work:
        await work.lessons.add(lesson)
    async with uow() as work:
        assert await work.lessons.get(lesson.id) is None


@pytest.mark.req("RDS-019", "RDS-020")
async def test_get_visible_hides_other_users_lessons_but_not_from_admins(uow: SqlaUnitOfWorkFactory) -> None:
    student, teacher = uuid4(), uuid4()
    lesson = make_lesson(student, requested_by=teacher)
    async with uow() as work:
        await work.lessons.add(lesson)
        await work.commit()
    async with uow() as work:
        assert await work.lessons.get_visible(lesson.id, Actor(uuid4(), Role.STUDENT)) is None
        assert await work.lessons.get_visible(lesson.id, Actor(uuid4(), Role.TEACHER)) is None
        assert await work.lessons.get_visible(lesson.id, Actor(student, Role.STUDENT)) == lesson
        assert await work.lessons.get_visible(lesson.id, Actor(teacher, Role.TEACHER)) == lesson
        assert await work.lessons.get_visible(lesson.id, Actor(uuid4(), Role.ADMIN)) == lesson
        assert await work.lessons.get_visible(uuid4(), Actor(uuid4(), Role.ADMIN)) is None


@pytest.mark.req("RDS-004")
async def test_list_pages_newest_first_with_an_opaque_cursor(uow: SqlaUnitOfWorkFactory) -> None:
    owner = uuid4()
    lessons = [make_lesson(owner, created_at=T0 + timedelta(minutes=i // 2)) for i in range(25)]  # ties too
    async with uow() as work:
        for lesson in [*lessons, make_lesson(created_at=T0 + timedelta(hours=1))]:  # and someone else's
            await work.lessons.add(lesson)
        await work.commit()
    viewer, pages, cursor = Actor(owner, Role.STUDENT), [], None
    async with uow() as work:
        while True:
            page = await work.lessons.list_visible(viewer, None, 10, cursor)
            pages.append(page.items)
            if page.next_cursor is None:
                break
            cursor = page.next_cursor
    assert [len(items) for items in pages] == [10, 10, 5]
    listed = [lesson for items in pages for lesson in items]
    expected = sorted(lessons, key=lambda lesson: (lesson.created_at, lesson.id), reverse=True)
    assert [lesson.id for lesson in listed] == [lesson.id for lesson in expected]


@pytest.mark.req("RDS-004")
async def test_list_filters_by_status_and_lets_admins_list_everyone(uow: SqlaUnitOfWorkFactory) -> None:
    alice, bob = uuid4(), uuid4()
    failed = make_lesson(alice, created_at=T0)
    failed.fail(Failure("queue", "x", "y", False), T0)
    queued = [make_lesson(alice, created_at=T0 + timedelta(seconds=1)), make_lesson(bob, created_at=T0)]
    async with uow() as work:
        for lesson in [failed, *queued]:
            await work.lessons.add(lesson)
        await work.commit()
    admin = Actor(uuid4(), Role.ADMIN)
    async with uow() as work:
        mine = await work.lessons.list_visible(Actor(alice, Role.STUDENT), LessonStatus.FAILED, 10, None)
        everyone = await work.lessons.list_visible(admin, None, 10, None, all_users=True)
        dead_letters = await work.lessons.list_visible(admin, LessonStatus.FAILED, 10, None, all_users=True)
        admins_own = await work.lessons.list_visible(admin, None, 10, None)
    assert [lesson.id for lesson in mine.items] == [failed.id] and mine.next_cursor is None
    assert [lesson.id for lesson in everyone.items] == [queued[0].id, *sorted(
        [failed.id, queued[1].id], reverse=True)]
    assert [lesson.id for lesson in dead_letters.items] == [failed.id]
    assert admins_own.items == ()


@pytest.mark.req("RDS-004")
async def test_list_refuses_a_cursor_it_did_not_issue(uow: SqlaUnitOfWorkFactory) -> None:
    async with uow() as work:
        with pytest.raises(InvalidValue) as raised:
            await work.lessons.list_visible(Actor(uuid4(), Role.STUDENT), None, 10, "not-a-cursor")
    assert raised.value.field == "cursor"


@pytest.mark.req("RDS-022")
async def test_a_reused_idempotency_key_raises_and_leaves_the_transaction_usable(
    uow: SqlaUnitOfWorkFactory,
) -> None:
    user = uuid4()
    first = make_lesson(user, idempotency_key="abc")
    async with uow() as work:
        await work.lessons.add(first)
        await work.commit()
    async with uow() as work:
        with pytest.raises(DuplicateIdempotencyKey):
            await work.lessons.add(make_lesson(user, idempotency_key="abc"))
        assert await work.lessons.find_by_idempotency_key(user, "abc") == first
        other = make_lesson(uuid4(), idempotency_key="abc")  # another user may use the same key
        await work.lessons.add(other)
        await work.commit()
    async with uow() as work:
        assert await work.lessons.get(other.id) == other
        assert await work.lessons.find_by_idempotency_key(user, "nope") is None


@pytest.mark.req("RDS-022")
async def test_lessons_without_idempotency_key_never_collide(uow: SqlaUnitOfWorkFactory) -> None:
    user = uuid4()
    async with uow() as work:
        for _ in range(3):
            await work.lessons.add(make_lesson(user))
        await work.commit()
    async with uow() as work:
        page = await work.lessons.list_visible(Actor(user, Role.STUDENT), None, 10, None)
    assert len(page.items) == 3


@pytest.mark.req("RDS-026")
async def test_save_bumps_the_version_and_refuses_a_stale_one(uow: SqlaUnitOfWorkFactory) -> None:
    lesson = make_lesson()
    async with uow() as work:
        await work.lessons.add(lesson)
        await work.commit()
    async with uow() as work:
        loaded = await work.lessons.get(lesson.id)
        assert loaded is not None
        loaded.cancel(T0 + timedelta(seconds=1))
        saved = await work.lessons.save(loaded)
        await work.commit()
    assert saved.version == 1
    async with uow() as work:
        assert await work.lessons.get(lesson.id) == saved
        with pytest.raises(ConcurrentUpdate):
            await work.lessons.save(lesson)  # still version 0


@pytest.mark.req("RDS-026")
async def test_a_stale_fence_cannot_save_after_the_lesson_was_claimed_again(uow: SqlaUnitOfWorkFactory) -> None:
    async with uow() as work:
        await work.lessons.add(make_lesson())
        await work.commit()
    async with uow() as work:
        first = await work.lessons.claim_next("worker-1", T0, T0 + LEASE)
        await work.commit()
    assert first is not None and first.attempt == 1
    async with uow() as work:  # the reconciler takes the lesson back, another worker claims it
        expired = (await work.lessons.expired_leases(T0 + 2 * LEASE, 10))[0]
        expired.requeue(T0 + 2 * LEASE)
        await work.lessons.save(expired)
        second = await work.lessons.claim_next("worker-2", T0 + 2 * LEASE, T0 + 3 * LEASE)
        await work.commit()
    assert second is not None and second.attempt == 2
    stale = first.with_version(second.version)  # even with the current version, the old fence loses
    with pytest.raises(ConcurrentUpdate):
        async with uow() as work:
            await work.lessons.save(stale, fence=1)
    async with uow() as work:
        second.cancel(T0 + 2 * LEASE)
        assert (await work.lessons.save(second, fence=2)).version == second.version + 1


@pytest.mark.req("RDS-026")
async def test_a_fenced_save_moving_off_running_checks_the_stored_status(
    uow: SqlaUnitOfWorkFactory, engine: AsyncEngine
) -> None:
    async with uow() as work:
        await work.lessons.add(make_lesson())
        await work.commit()
    async with uow() as work:
        claimed = await work.lessons.claim_next("worker-1", T0, T0 + LEASE)
        await work.commit()
    assert claimed is not None
    claimed.fail(Failure("write", "c", "m", True), T0)
    async with uow() as work:
        failed = await work.lessons.save(claimed, fence=claimed.attempt)
        await work.commit()
    async with engine.connect() as connection:
        row = (await connection.execute(sa.select(lesson_requests))).mappings().one()
    assert (row["status"], row["lease_owner"], row["lease_expires_at"]) == ("failed", None, None)
    async with uow() as work:  # a second fenced write finds it no longer running
        with pytest.raises(ConcurrentUpdate):
            await work.lessons.save(failed, fence=claimed.attempt)
