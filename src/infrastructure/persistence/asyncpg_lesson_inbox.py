"""AsyncpgLessonInbox: new lesson requests straight through asyncpg, one autocommitted statement each."""

import asyncio
import re
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg
import msgspec
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects.postgresql import asyncpg as asyncpg_dialect
from sqlalchemy.engine import make_url

from application.errors import StorageError
from application.ports.lesson_inbox import DailyAllowance, LessonInbox
from application.ports.lesson_listing import LessonUsage
from domain.lesson_request import LessonRequest
from domain.money import Money
from infrastructure.persistence.batched_statement import BatchedStatement
from infrastructure.persistence.lesson_mapper import lesson_from_row, lesson_to_row
from infrastructure.persistence.tables import IDEMPOTENCY_CONSTRAINT
from infrastructure.persistence.tables import lesson_requests as lessons

_RETRYABLE_SQLSTATE = re.compile(r"^(08|53|57P0|40001|40P01|55P03)")
_FIND = "SELECT * FROM lesson_requests WHERE requested_by = $1 AND idempotency_key = $2"
_USAGE = ("SELECT count(*), coalesce(sum(estimated_micros), 0) FROM lesson_requests "
          "WHERE requested_by = $1 AND created_at >= $2")


def asyncpg_dsn(database_url: str) -> str:
    """The libpq-style DSN of a SQLAlchemy PostgreSQL URL (`postgresql+asyncpg://…` → `postgresql://…`)."""
    return make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)


def _insert_sql(columns: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """The INSERT … ON CONFLICT DO NOTHING RETURNING id (a data-modifying CTE) and one row with the inserted id
    or NULL, compiled once by SQLAlchemy for asyncpg, and the order its positional parameters take."""
    inserted = (postgresql.insert(lessons).values({name: sa.bindparam(name) for name in columns})
                .on_conflict_do_nothing(constraint=IDEMPOTENCY_CONSTRAINT).returning(lessons.c.id).cte("inserted"))
    stmt = sa.select(sa.select(inserted.c.id).scalar_subquery())
    compiled = stmt.compile(dialect=asyncpg_dialect.dialect())  # type: ignore[no-untyped-call]
    return compiled.string, tuple(compiled.positiontup or ())


def _insert_within_sql(columns: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """One statement for a lesson under daily limits: the user's usage since a moment (a CTE), the INSERT …
    SELECT … WHERE there is room ON CONFLICT DO NOTHING RETURNING id (a data-modifying CTE), and the answer
    (inserted id or NULL, count, summed estimates). Both CTEs read one snapshot, as the aggregate and the
    INSERT did as two statements; the room test is DailyAllowance.admits in SQL (zero: no limit)."""
    zero: sa.ColumnClause[int] = sa.literal_column("0", sa.BigInteger())
    usage = (sa.select(sa.func.count().label("n"),
                       sa.cast(sa.func.coalesce(sa.func.sum(lessons.c.estimated_micros), zero),
                               sa.BigInteger()).label("spent"))  # bigint, not numeric: cheaper to decode
             .where(lessons.c.requested_by == sa.bindparam("usage_user", type_=lessons.c.requested_by.type),
                    lessons.c.created_at >= sa.bindparam("usage_since", type_=lessons.c.created_at.type))
             .cte("usage"))
    max_lessons = sa.bindparam("max_lessons", type_=sa.BigInteger())
    max_micros = sa.bindparam("max_micros", type_=sa.BigInteger())
    room = sa.and_(sa.or_(max_lessons <= zero, usage.c.n < max_lessons),
                   sa.or_(max_micros <= zero,
                          usage.c.spent + sa.bindparam("new_estimate", type_=sa.BigInteger()) <= max_micros))
    values = sa.select(*(sa.cast(sa.bindparam(name), lessons.c[name].type) for name in columns)).where(room)
    inserted = (postgresql.insert(lessons).from_select(list(columns), values)
                .on_conflict_do_nothing(constraint=IDEMPOTENCY_CONSTRAINT).returning(lessons.c.id).cte("inserted"))
    stmt = sa.select(sa.select(inserted.c.id).scalar_subquery(), usage.c.n, usage.c.spent)
    compiled = stmt.compile(dialect=asyncpg_dialect.dialect())  # type: ignore[no-untyped-call]
    return compiled.string, tuple(compiled.positiontup or ())


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
        self._inserts: dict[tuple[str, ...], tuple[BatchedStatement, tuple[str, ...]]] = {}
        self._inserts_within: dict[tuple[str, ...], tuple[BatchedStatement, tuple[str, ...]]] = {}

    async def _connections(self) -> asyncpg.Pool:
        if self._pool is None:
            async with self._opening:
                if self._pool is None:
                    self._pool = await asyncpg.create_pool(self._dsn, min_size=1, max_size=self._max, timeout=5,
                                                           init=_json_codecs, reset=_keep_session)
        return self._pool

    def _batched(self, cache: dict[tuple[str, ...], tuple[BatchedStatement, tuple[str, ...]]],
                 build: Callable[[tuple[str, ...]], tuple[str, tuple[str, ...]]],
                 columns: tuple[str, ...]) -> tuple[BatchedStatement, tuple[str, ...]]:
        found = cache.get(columns)
        if found is None:
            sql, order = build(columns)
            found = cache[columns] = (BatchedStatement(sql, self._connections), order)
        return found

    async def insert(self, lesson: LessonRequest) -> bool:
        """One INSERT … ON CONFLICT DO NOTHING, batched with concurrent inserts and committed with them."""
        row = lesson_to_row(lesson)
        statement, order = self._batched(self._inserts, _insert_sql, tuple(row))
        record = await self._run("add a lesson request", statement.fetchrow(*(row[name] for name in order)))
        return record[0] is not None

    async def insert_within(self, lesson: LessonRequest, allowance: DailyAllowance) -> tuple[bool, LessonUsage]:
        """The usage read and the conditional INSERT in one statement, batched with concurrent inserts (a later
        insert of a batch counts the earlier ones)."""
        row = lesson_to_row(lesson)
        statement, order = self._batched(self._inserts_within, _insert_within_sql, tuple(row))
        limits = {"usage_user": lesson.requested_by, "usage_since": allowance.since,
                  "max_lessons": allowance.max_lessons, "max_micros": allowance.max_estimated.micros,
                  "new_estimate": lesson.ledger.estimated.micros}
        args = (limits[name] if name in limits else row[name] for name in order)
        inserted, count, estimated = await self._run("add a lesson request", statement.fetchrow(*args))
        return inserted is not None, LessonUsage(count=int(count), estimated=Money(int(estimated)))

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
