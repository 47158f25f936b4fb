"""BatchedStatement: concurrent executions of one single-row statement sent to PostgreSQL together."""

from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import asyncpg

from infrastructure.batching.call_batcher import CallBatcher

# Connection trouble: every statement of the batch failed alike. Anything else may be one row's fault.
_CONNECTION_SQLSTATE_CLASSES = ("08", "57")


class BatchedStatement:
    """One statement that answers exactly one row per execution (e.g. a data-modifying CTE with a final
    SELECT). Executions asked for while a batch is at the server wait, then go as the next batch
    (`CallBatcher`): one `fetchmany` (one round trip, one implicit transaction, one commit) instead of one
    each. Later statements of a batch see the earlier ones' rows, as if they had run one after the other.

    A batch that fails for a reason that may be one execution's own (not the connection's) is run again one
    execution at a time, so that only the faulty one fails. Each caller gets its row or its own exception
    (asyncpg's, unchanged). A cancelled caller only loses its answer: its row is still written."""

    def __init__(self, sql: str, pool: Callable[[], Awaitable[asyncpg.Pool]]) -> None:
        self._sql = sql
        self._pool = pool
        self._batcher: CallBatcher[Sequence[Any], asyncpg.Record] = CallBatcher(self._send)

    async def fetchrow(self, *args: Any) -> asyncpg.Record:
        """The statement's row for these arguments."""
        return await self._batcher(args)

    async def _send(self, batch: list[Sequence[Any]]) -> list[asyncpg.Record | Exception]:
        pool = await self._pool()
        try:
            rows: list[asyncpg.Record | Exception] = list(await pool.fetchmany(self._sql, batch))
        except asyncpg.PostgresError as error:
            if len(batch) == 1 or _connection_trouble(error):
                raise
            return [await _one(pool, self._sql, args) for args in batch]
        return rows


async def _one(pool: asyncpg.Pool, sql: str, args: Sequence[Any]) -> asyncpg.Record | Exception:
    try:
        row: asyncpg.Record = await pool.fetchrow(sql, *args)
    except Exception as error:
        return error
    return row


def _connection_trouble(error: asyncpg.PostgresError) -> bool:
    return str(getattr(error, "sqlstate", "") or "").startswith(_CONNECTION_SQLSTATE_CLASSES)
