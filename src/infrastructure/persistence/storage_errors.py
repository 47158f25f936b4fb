"""Translation of driver and SQLAlchemy exceptions into the application's StorageError."""

import re
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from sqlalchemy import exc

from application.errors import StorageError

# SQLSTATE classes and codes where trying again may help: connection trouble, serialization
# failures, deadlocks, lock timeouts, the server shutting down or running out of resources.
_RETRYABLE_SQLSTATE = re.compile(r"^(08|53|57P0|40001|40P01|55P03)")
_SQLITE_UNIQUE = re.compile(r"UNIQUE constraint failed: (?P<columns>.+)$")


def _sqlstate(error: BaseException) -> str | None:
    orig = getattr(error, "orig", None)
    for candidate in (orig, getattr(orig, "__cause__", None)):
        code = getattr(candidate, "sqlstate", None) or getattr(candidate, "pgcode", None)
        if isinstance(code, str):
            return code
    return None


def is_retryable(error: BaseException) -> bool:
    """True for failures a new attempt may get past (lost connection, lock contention, timeouts)."""
    if isinstance(error, exc.DBAPIError) and error.connection_invalidated:
        return True
    code = _sqlstate(error)
    if code is not None:
        return bool(_RETRYABLE_SQLSTATE.match(code))
    return isinstance(
        error, exc.OperationalError | exc.InterfaceError | exc.DisconnectionError | exc.TimeoutError
        | OSError | TimeoutError,
    )


def to_storage_error(operation: str, error: BaseException) -> StorageError:
    """A StorageError naming the operation and the driver's complaint (never the statement or values)."""
    cause = getattr(error, "orig", None) or error
    detail = str(cause).strip().splitlines()[0][:200] if str(cause).strip() else ""
    return StorageError(f"could not {operation}: {type(cause).__name__} {detail}".rstrip(),
                        retryable=is_retryable(error))


@contextmanager
def storage_errors(operation: str) -> Iterator[None]:
    """Re-raise any database failure inside the block as StorageError; project errors pass through."""
    try:
        yield
    except (exc.SQLAlchemyError, OSError, TimeoutError) as error:
        raise to_storage_error(operation, error) from error


def violated_constraint(error: exc.IntegrityError, table: sa.Table) -> str | None:
    """The name of the unique constraint of `table` that `error` violated, when it can be told.

    PostgreSQL drivers report the name; SQLite reports the columns, matched here to the constraint.
    """
    orig = error.orig
    for candidate in (orig, getattr(orig, "__cause__", None)):
        name = getattr(candidate, "constraint_name", None) or getattr(
            getattr(candidate, "diag", None), "constraint_name", None
        )
        if isinstance(name, str):
            return name
    match = _SQLITE_UNIQUE.search(str(orig))
    if match is None:
        return None
    columns = [part.strip().removeprefix(f"{table.name}.") for part in match["columns"].split(",")]
    for constraint in table.constraints:
        if isinstance(constraint, sa.UniqueConstraint) and [c.name for c in constraint.columns] == columns:
            return str(constraint.name)
    return None
