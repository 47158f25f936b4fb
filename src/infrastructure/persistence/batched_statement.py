"""BatchedStatement: concurrent executions of one single-row statement sent to PostgreSQL together."""

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import asyncpg

_Call = tuple[Sequence[Any], "asyncio.Future[asyncpg.Record]"]
# Connection trouble: every statement of the batch failed alike. Anything else may be one row's fault.
_CONNECTION_SQLSTATE_CLASSES = ("08", "57")


class BatchedStatement:
    """One statement that answers exactly one row per execution (e.g. a data-modifying CTE with a final
    SELECT). Executions asked for while a batch is at the server wait, then go as the next batch: one
    `fetchmany` (one round trip, one implicit transaction, one commit) instead of one each. Later statements
    of a batch see the earlier ones' rows, as if they had run one after the other.

    A batch that fails for a reason that may be one execution's own (not the connection's) is run again one
    execution at a time, so that only the faulty one fails. Each caller gets its row or its own exception
    (asyncpg's, unchanged). A cancelled caller only loses its answer: its row is still written."""

    def __init__(self, sql: str, pool: Callable[[], Awaitable[asyncpg.Pool]]) -> None:
        self._sql = sql
        self._pool = pool
        self._waiting: list[_Call] = []
        self._sending: asyncio.Task[None] | None = None

    async def fetchrow(self, *args: Any) -> asyncpg.Record:
        """The statement's row for these arguments."""
        loop = asyncio.get_running_loop()
        answer: asyncio.Future[asyncpg.Record] = loop.create_future()
        self._waiting.append((args, answer))
        if self._sending is None:
            self._sending = loop.create_task(self._send_waiting())
        return await answer

    async def _send_waiting(self) -> None:
        try:
            while self._waiting:
                batch, self._waiting = self._waiting, []
                await self._send(batch)
        finally:
            self._sending = None

    async def _send(self, batch: list[_Call]) -> None:
        pool: asyncpg.Pool | None = None
        try:
            pool = await self._pool()
            rows = await pool.fetchmany(self._sql, [args for args, _ in batch])
        except asyncpg.PostgresError as error:
            if pool is not None and len(batch) > 1 and not _connection_trouble(error):
                await self._send_one_by_one(pool, batch)
                return
            _fail(batch, error)
            return
        except asyncio.CancelledError:
            for _, future in batch:
                future.cancel()
            raise
        except Exception as error:
            _fail(batch, error)
            return
        if len(rows) != len(batch):
            _fail(batch, asyncpg.InterfaceError(f"expected {len(batch)} rows, the statement answered {len(rows)}"))
            return
        for (_, future), row in zip(batch, rows, strict=True):
            if not future.done():
                future.set_result(row)

    async def _send_one_by_one(self, pool: asyncpg.Pool, batch: list[_Call]) -> None:
        for args, future in batch:
            try:
                row = await pool.fetchrow(self._sql, *args)
            except Exception as error:
                _fail([(args, future)], error)
            else:
                if not future.done():
                    future.set_result(row)


def _connection_trouble(error: asyncpg.PostgresError) -> bool:
    return str(getattr(error, "sqlstate", "") or "").startswith(_CONNECTION_SQLSTATE_CLASSES)


def _fail(batch: list[_Call], error: Exception) -> None:
    for _, future in batch:
        if not future.done():
            future.set_exception(error)
