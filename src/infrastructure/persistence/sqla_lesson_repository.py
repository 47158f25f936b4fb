"""SqlaLessonRepository: lesson requests in PostgreSQL or SQLite through SQLAlchemy Core."""

from datetime import datetime
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy import exc
from sqlalchemy.ext.asyncio import AsyncConnection

from application.errors import ConcurrentUpdate, DuplicateIdempotencyKey
from application.ports.actor import Actor
from application.ports.lesson_listing import LessonPage, LessonUsage
from application.ports.lesson_queue import QueueStats
from application.ports.lesson_repository import LessonRepository
from domain.lesson_lifecycle import LessonStatus
from domain.lesson_request import LessonRequest
from domain.money import Money
from domain.usage import UsageTotals
from infrastructure.persistence import lesson_statements as q
from infrastructure.persistence.keyset_cursor import KeysetCursor
from infrastructure.persistence.lesson_mapper import lesson_from_row, lesson_to_row
from infrastructure.persistence.savepoint import statement_savepoint
from infrastructure.persistence.storage_errors import storage_errors, violated_constraint
from infrastructure.persistence.tables import IDEMPOTENCY_CONSTRAINT
from infrastructure.persistence.tables import lesson_requests as lessons
from infrastructure.persistence.utc_datetime import as_utc
from infrastructure.persistence.write_gate import WriteTurn

MAX_CLAIM_RACES = 5
_RUNNING = LessonStatus.RUNNING.value
_QUEUED = LessonStatus.QUEUED.value


class SqlaLessonRepository(LessonRepository):
    """Lesson requests on one connection whose transaction the unit of work owns.

    Claims and fenced saves are conditional UPDATEs, so no row is claimed twice and a stale worker
    never overwrites newer work; PostgreSQL also skips rows other claimers hold (FOR UPDATE SKIP LOCKED).
    Every update records the lesson's new version in `written` (shared with the unit of work).
    """

    def __init__(self, connection: AsyncConnection, turn: WriteTurn | None = None,
                 written: dict[UUID, int] | None = None) -> None:
        self._conn = connection
        self._turn = turn or WriteTurn()
        self._written = written if written is not None else {}

    async def add(self, lesson: LessonRequest) -> None:
        """Insert; DuplicateIdempotencyKey when the user already used the key (transaction stays usable)."""
        await self._turn.take()
        with storage_errors("add a lesson request"):
            try:
                async with statement_savepoint(self._conn):
                    await self._conn.execute(sa.insert(lessons).values(**lesson_to_row(lesson)))
            except exc.IntegrityError as error:
                if violated_constraint(error, lessons) == IDEMPOTENCY_CONSTRAINT:
                    raise DuplicateIdempotencyKey("this user already used this Idempotency-Key") from None
                raise

    async def get_visible(self, lesson_id: UUID, viewer: Actor) -> LessonRequest | None:
        """The request when it exists and the viewer may see it (`lesson_statements.visible_to`)."""
        return await self._one(
            q.select_lessons().where(lessons.c.id == lesson_id, q.visible_to(viewer)), "read a lesson request"
        )

    async def get(self, lesson_id: UUID) -> LessonRequest | None:
        """The request regardless of viewer."""
        return await self._one(q.select_lessons().where(lessons.c.id == lesson_id), "read a lesson request")

    async def find_by_idempotency_key(self, requested_by: UUID, key: str) -> LessonRequest | None:
        """The request this user made with this Idempotency-Key."""
        stmt = q.select_lessons().where(
            lessons.c.requested_by == requested_by, lessons.c.idempotency_key == key
        )
        return await self._one(stmt, "read a lesson request")

    async def find_reusable(self, content_key: str) -> LessonRequest | None:
        """The earliest completed request with this content key (index `ix_lesson_requests_reuse`)."""
        stmt = q.select_lessons().where(
            lessons.c.content_key == content_key, lessons.c.status == LessonStatus.COMPLETED.value
        ).order_by(*q.OLDEST_FIRST).limit(1)
        return await self._one(stmt, "find a reusable lesson")

    async def list_visible(
        self,
        viewer: Actor,
        status: LessonStatus | None,
        limit: int,
        cursor: str | None,
        all_users: bool = False,
    ) -> LessonPage:
        """Newest first by (created_at, id); the cursor is opaque. InvalidValue for a foreign cursor."""
        limit = max(limit, 1)
        stmt = q.select_lessons().order_by(*q.NEWEST_FIRST).limit(limit + 1)
        if not viewer.is_admin:
            stmt = stmt.where(q.visible_to(viewer))
        elif not all_users:
            stmt = stmt.where(q.involving(viewer.user_id))
        if status is not None:
            stmt = stmt.where(lessons.c.status == status.value)
        if cursor is not None:
            stmt = stmt.where(q.after_cursor(KeysetCursor.decode(cursor)))
        items = await self._many(stmt, "list lesson requests")
        if len(items) <= limit:
            return LessonPage(items=items, next_cursor=None)
        last = items[limit - 1]
        return LessonPage(items=items[:limit], next_cursor=KeysetCursor(last.created_at, last.id).encode())

    async def usage(self, owner_id: UUID, start: datetime, end: datetime, viewer: Actor) -> UsageTotals:
        """One aggregate query over the stored ledger totals (owner listing index)."""
        totals = [sa.func.coalesce(sa.func.sum(column), 0)
                  for column in (lessons.c.spent_micros, lessons.c.saved_micros, lessons.c.estimated_micros)]
        stmt = sa.select(sa.func.count(), *totals).where(
            lessons.c.owner_id == owner_id, lessons.c.created_at >= start, lessons.c.created_at < end,
            q.visible_to(viewer),
        )
        with storage_errors("sum lesson costs"):
            count, spent, saved, estimated = (await self._conn.execute(stmt)).one()
        return UsageTotals(lessons=int(count), spent=Money(int(spent)), saved=Money(int(saved)),
                           estimated=Money(int(estimated)))

    async def usage_since(self, requested_by: UUID, since: datetime) -> LessonUsage:
        """How many lessons the user requested since `since` and their summed estimates, in one SQL aggregate."""
        stmt = sa.select(sa.func.count(), sa.func.coalesce(sa.func.sum(lessons.c.estimated_micros), 0)).where(
            lessons.c.requested_by == requested_by, lessons.c.created_at >= since)
        with storage_errors("count a user's lessons"):
            count, estimated = (await self._conn.execute(stmt)).one()
        return LessonUsage(count=int(count), estimated=Money(int(estimated)))

    async def save(self, lesson: LessonRequest, fence: int | None = None) -> LessonRequest:
        """Conditional UPDATE on the stored version (and, fenced, the stored attempt and running status)."""
        conditions = [] if fence is None else [lessons.c.attempt == fence, lessons.c.status == _RUNNING]
        await self._turn.take()
        with storage_errors("save a lesson request"):
            result = await self._conn.execute(q.conditional_update(lesson, *conditions))
        if result.rowcount != 1:
            raise ConcurrentUpdate(f"lesson {lesson.id} changed since version {lesson.version}")
        self._written[lesson.id] = lesson.version + 1
        return lesson.with_version(lesson.version + 1)

    async def claim_next(self, worker_id: str, now: datetime, lease_until: datetime) -> LessonRequest | None:
        """Lease the oldest claimable queued request; a lost race moves on to the next candidate."""
        candidates = (
            q.select_lessons().where(q.claimable(now)).order_by(*q.OLDEST_FIRST).limit(1)
            .with_for_update(skip_locked=True)
        )
        await self._turn.take()
        with storage_errors("claim a lesson request"):
            for _ in range(MAX_CLAIM_RACES):
                row = (await self._conn.execute(candidates)).mappings().first()
                if row is None:
                    return None
                lesson = lesson_from_row(row)
                lesson.claim(now)
                update = q.conditional_update(lesson, lessons.c.status == _QUEUED)
                result = await self._conn.execute(
                    update.values(lease_owner=worker_id, lease_expires_at=lease_until)
                )
                if result.rowcount == 1:
                    self._written[lesson.id] = lesson.version + 1
                    return lesson.with_version(lesson.version + 1)
        return None

    async def extend_lease(self, lesson_id: UUID, fence: int, lease_until: datetime) -> bool:
        """Move the lease end while the request still runs under this fence; the version is unchanged."""
        stmt = (
            sa.update(lessons)
            .where(lessons.c.id == lesson_id, lessons.c.attempt == fence, lessons.c.status == _RUNNING)
            .values(lease_expires_at=lease_until)
        )
        await self._turn.take()
        with storage_errors("extend a lease"):
            result = await self._conn.execute(stmt)
        return result.rowcount == 1

    async def expired_leases(self, now: datetime, limit: int) -> tuple[LessonRequest, ...]:
        """Running requests whose lease ended before `now`, longest expired first (locked on PostgreSQL)."""
        stmt = (
            q.select_lessons()
            .where(lessons.c.status == _RUNNING, lessons.c.lease_expires_at < now)
            .order_by(lessons.c.lease_expires_at, lessons.c.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        return await self._many(stmt, "find expired leases")

    async def earliest_lease_expiry(self) -> datetime | None:
        """When the soonest lease of a running request ends, or None when nothing runs."""
        stmt = sa.select(sa.func.min(lessons.c.lease_expires_at)).where(lessons.c.status == _RUNNING)
        with storage_errors("find the earliest lease expiry"):
            value = (await self._conn.execute(stmt)).scalar()
        return as_utc(value) if value is not None else None

    async def stale_queued(self, older_than: datetime, limit: int) -> tuple[UUID, ...]:
        """Ids of queued requests untouched since before `older_than` and claimable by then, oldest first."""
        stmt = (
            sa.select(lessons.c.id)
            .where(q.claimable(older_than), lessons.c.updated_at < older_than)
            .order_by(*q.OLDEST_FIRST)
            .limit(limit)
        )
        with storage_errors("find stale queued requests"):
            result = await self._conn.execute(stmt)
            return tuple(result.scalars())

    async def queue_stats(self) -> QueueStats:
        """Count the queued rows and find when the longest-waiting one was queued (its last update)."""
        stmt = sa.select(sa.func.count(), sa.func.min(lessons.c.updated_at)).where(lessons.c.status == _QUEUED)
        with storage_errors("measure the queue"):
            depth, oldest = (await self._conn.execute(stmt)).one()
        return QueueStats(depth=int(depth), oldest_queued_at=as_utc(oldest) if oldest is not None else None)

    async def _one(self, stmt: sa.Select[tuple[object, ...]], operation: str) -> LessonRequest | None:
        with storage_errors(operation):
            row = (await self._conn.execute(stmt)).mappings().first()
        return lesson_from_row(row) if row is not None else None

    async def _many(self, stmt: sa.Select[tuple[object, ...]], operation: str) -> tuple[LessonRequest, ...]:
        with storage_errors(operation):
            rows = (await self._conn.execute(stmt)).mappings().all()
        return tuple(lesson_from_row(row) for row in rows)
