"""AsyncpgLessonInbox: new lesson requests straight through asyncpg, one autocommitted statement each."""

import asyncio
import re
from collections.abc import Awaitable
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import asyncpg
import msgspec
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects.postgresql import asyncpg as asyncpg_dialect
from sqlalchemy.engine import make_url

from application.errors import StorageError
from application.limits.lesson_limits import start_of_day
from application.ports.lesson_inbox import DailyAllowance, LessonInbox
from application.ports.lesson_listing import LessonUsage
from domain.lesson_request import LessonRequest
from domain.money import Money
from infrastructure.persistence.batched_statement import BatchedStatement
from infrastructure.persistence.lesson_mapper import lesson_from_row, lesson_to_row
from infrastructure.persistence.tables import IDEMPOTENCY_CONSTRAINT
from infrastructure.persistence.tables import lesson_daily_usage as usage
from infrastructure.persistence.tables import lesson_requests as lessons

_RETRYABLE_SQLSTATE = re.compile(r"^(08|53|57P0|40001|40P01|55P03)")
_FIND = "SELECT * FROM lesson_requests WHERE requested_by = $1 AND idempotency_key = $2"
_USAGE = ("SELECT count(*), coalesce(sum(estimated_micros), 0) FROM lesson_requests "
          "WHERE requested_by = $1 AND created_at >= $2")


def asyncpg_dsn(database_url: str) -> str:
    """The libpq-style DSN of a SQLAlchemy PostgreSQL URL (`postgresql+asyncpg://…` → `postgresql://…`)."""
    return make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)


def _admitting_insert_sql(columns: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """One statement for a new lesson under daily limits, compiled once by SQLAlchemy for asyncpg, and the
    order its positional parameters take:

    - `room`: raise the user's counter row for the day by one lesson and the estimate, inserting it for the
      first lesson of the day, only while it stays within the limits (zero: no limit); the upsert locks the
      row, so concurrent requests of one user are counted one after the other and never overshoot;
    - `inserted`: INSERT … SELECT … WHERE `room` answered ON CONFLICT (Idempotency-Key) DO NOTHING RETURNING id;
    - the answer: the inserted id or NULL, the raised counter (NULL when refused), and the counter as it was
      (which names the limit when refused)."""
    zero: sa.ColumnClause[int] = sa.literal_column("0", sa.BigInteger())
    one: sa.ColumnClause[int] = sa.literal_column("1", sa.BigInteger())
    user = sa.cast(sa.bindparam("usage_user"), usage.c.user_id.type)
    day = sa.cast(sa.bindparam("usage_day"), usage.c.day.type)
    max_lessons = sa.cast(sa.bindparam("max_lessons"), sa.BigInteger())
    max_micros = sa.cast(sa.bindparam("max_micros"), sa.BigInteger())
    estimate = sa.cast(sa.bindparam("new_estimate"), sa.BigInteger())
    first = sa.select(user, day, one, estimate).where(
        sa.or_(max_lessons <= zero, max_lessons >= one), sa.or_(max_micros <= zero, estimate <= max_micros))
    upsert = postgresql.insert(usage).from_select(["user_id", "day", "lessons", "estimated_micros"], first)
    raised = usage.c.estimated_micros + upsert.excluded.estimated_micros
    room = upsert.on_conflict_do_update(
        index_elements=[usage.c.user_id, usage.c.day],
        set_={"lessons": usage.c.lessons + one, "estimated_micros": raised},
        where=sa.and_(sa.or_(max_lessons <= zero, usage.c.lessons < max_lessons),
                      sa.or_(max_micros <= zero, raised <= max_micros)),
    ).returning(usage.c.lessons, usage.c.estimated_micros).cte("room")
    values = sa.select(*(sa.cast(sa.bindparam(name), lessons.c[name].type) for name in columns)).where(
        sa.exists(sa.select(room.c.lessons)))
    inserted = (postgresql.insert(lessons).from_select(list(columns), values)
                .on_conflict_do_nothing(constraint=IDEMPOTENCY_CONSTRAINT).returning(lessons.c.id).cte("inserted"))
    before = sa.select(usage.c.lessons, usage.c.estimated_micros).where(usage.c.user_id == user, usage.c.day == day)
    stmt = sa.select(sa.select(inserted.c.id).scalar_subquery(), sa.select(room.c.lessons).scalar_subquery(),
                     sa.select(room.c.estimated_micros).scalar_subquery(),
                     before.with_only_columns(usage.c.lessons).scalar_subquery(),
                     before.with_only_columns(usage.c.estimated_micros).scalar_subquery())
    compiled = stmt.compile(dialect=asyncpg_dialect.dialect())  # type: ignore[no-untyped-call]
    return compiled.string, tuple(compiled.positiontup or ())


# A duplicate Idempotency-Key that raced its original raised the counter without a lesson: take it back.
_GIVE_BACK = ("UPDATE lesson_daily_usage SET lessons = lessons - 1, estimated_micros = estimated_micros - $3 "
              "WHERE user_id = $1 AND day = $2")


def _json_text(document: object) -> str:
    return msgspec.json.encode(document).decode()


async def _json_codecs(connection: asyncpg.Connection) -> None:
    for kind in ("json", "jsonb"):
        await connection.set_type_codec(kind, encoder=_json_text, decoder=msgspec.json.decode, schema="pg_catalog")


async def _keep_session(_: asyncpg.Connection) -> None:
    """Nothing to reset on release: these statements leave no session state (no SET, LISTEN, locks or cursors),
    so the default RESET ALL round trip is skipped (asyncpg still rolls back an open transaction)."""


class AsyncpgLessonInbox(LessonInbox):
    """Bypasses SQLAlchemy's pool and transaction round trips (pre-ping, BEGIN, SAVEPOINT, COMMIT) on the
    hottest write: inserts that arrive together go as one batch (BatchedStatement: one round trip and one
    commit), and `ON CONFLICT … DO NOTHING` on the Idempotency-Key constraint makes concurrent duplicates one
    row. The pool opens on first use; asyncpg replaces broken connections on the next acquire, so a restarted
    server answers StorageError (503) and then works again.
    """

    def __init__(self, database_url: str, max_connections: int = 32) -> None:
        self._dsn = asyncpg_dsn(database_url)
        self._max = max_connections
        self._pool: asyncpg.Pool | None = None
        self._opening = asyncio.Lock()
        self._statements: dict[tuple[str, ...], tuple[BatchedStatement, tuple[str, ...]]] = {}

    async def _connections(self) -> asyncpg.Pool:
        if self._pool is None:
            async with self._opening:
                if self._pool is None:
                    self._pool = await asyncpg.create_pool(self._dsn, min_size=1, max_size=self._max, timeout=5,
                                                           init=_json_codecs, reset=_keep_session)
        return self._pool

    async def insert(self, lesson: LessonRequest) -> bool:
        """The admitting insert with no limits (the day's counter still counts the lesson)."""
        inserted, _ = await self._admit(lesson, DailyAllowance(since=start_of_day(lesson.created_at.astimezone(UTC))))
        return inserted

    async def insert_within(self, lesson: LessonRequest, allowance: DailyAllowance) -> tuple[bool, LessonUsage]:
        """The day's counter (`allowance.since` is the start of a UTC day) raised and the lesson inserted in one
        statement, batched with concurrent inserts; the usage answered is the counter before this lesson."""
        return await self._admit(lesson, allowance)

    async def _admit(self, lesson: LessonRequest, allowance: DailyAllowance) -> tuple[bool, LessonUsage]:
        row = lesson_to_row(lesson)
        columns = tuple(row)
        found = self._statements.get(columns)
        if found is None:
            sql, order = _admitting_insert_sql(columns)
            found = self._statements[columns] = (BatchedStatement(sql, self._connections), order)
        statement, order = found
        estimate = lesson.ledger.estimated.micros
        limits = {"usage_user": lesson.requested_by, "usage_day": allowance.since,
                  "max_lessons": allowance.max_lessons, "max_micros": allowance.max_estimated.micros,
                  "new_estimate": estimate}
        args = (limits[name] if name in limits else row[name] for name in order)
        inserted, raised_count, raised_micros, count, micros = await self._run(
            "add a lesson request", statement.fetchrow(*args))
        if raised_count is None:
            return False, LessonUsage(count=int(count or 0), estimated=Money(int(micros or 0)))
        if inserted is None:
            await self._run("give back a daily count",
                            self._execute(_GIVE_BACK, lesson.requested_by, allowance.since, estimate))
        return inserted is not None, LessonUsage(count=int(raised_count) - 1,
                                                 estimated=Money(int(raised_micros) - estimate))

    async def find_by_idempotency_key(self, requested_by: UUID, key: str) -> LessonRequest | None:
        """The earlier request with this key."""
        record = await self._run("read a lesson request", self._fetchrow(_FIND, requested_by, key))
        return lesson_from_row(record) if record is not None else None

    async def usage_since(self, requested_by: UUID, since: datetime) -> LessonUsage:
        """Count and summed estimates in one aggregate."""
        count, estimated = await self._run("count a user's lessons", self._fetchrow(_USAGE, requested_by, since))
        return LessonUsage(count=int(count), estimated=Money(int(estimated)))

    async def close(self) -> None:
        """Close the pool (shutdown)."""
        if self._pool is not None:
            await self._pool.close()
            self._pool = None

    async def _execute(self, sql: str, *args: Any) -> Any:
        pool = await self._connections()
        return await pool.execute(sql, *args)

    async def _fetchrow(self, sql: str, *args: Any) -> Any:
        pool = await self._connections()
        return await pool.fetchrow(sql, *args)

    async def _run(self, operation: str, call: Awaitable[Any]) -> Any:
        try:
            return await call
        except asyncpg.PostgresError as error:
            code = getattr(error, "sqlstate", "") or ""
            raise StorageError(f"could not {operation}: {type(error).__name__}",
                               retryable=bool(_RETRYABLE_SQLSTATE.match(code))) from error
        except (asyncpg.InterfaceError, OSError, TimeoutError) as error:
            raise StorageError(f"could not {operation}: {type(error).__name__}", retryable=True) from error
