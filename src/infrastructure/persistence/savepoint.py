"""A savepoint around one statement that may fail on purpose (a unique key), where the database needs one."""

import contextlib
from contextlib import AbstractAsyncContextManager
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection


def statement_savepoint(connection: AsyncConnection) -> AbstractAsyncContextManager[Any]:
    """A savepoint on PostgreSQL, where a failed statement would abort the whole transaction.

    SQLite only undoes the failed statement, and pysqlite's implicit transactions would turn a
    first savepoint into the transaction itself (its release would commit), so none is taken there.
    Either way the unit of work stays usable after the caller handles the error.
    """
    if connection.dialect.name == "postgresql":
        return connection.begin_nested()
    return contextlib.nullcontext()
