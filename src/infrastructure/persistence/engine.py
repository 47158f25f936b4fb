"""The async engine for PostgreSQL (asyncpg) or SQLite (aiosqlite). Creating it does not connect."""

from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA busy_timeout=5000",
    "PRAGMA foreign_keys=ON",
    "PRAGMA synchronous=NORMAL",
)
_ASYNC_DRIVERS = {
    "sqlite": "sqlite+aiosqlite",
    "postgresql": "postgresql+asyncpg",
    "postgres": "postgresql+asyncpg",
}


def database_url(url: str | URL) -> URL:
    """The URL with the project's async driver when none is named (`postgresql://` → `+asyncpg`)."""
    parsed = make_url(url)
    return parsed.set(drivername=_ASYNC_DRIVERS.get(parsed.drivername, parsed.drivername))


def create_engine(url: str | URL, *, echo: bool = False, pool_size: int = 10) -> AsyncEngine:
    """An engine for `url`; PostgreSQL pools with pre-ping, SQLite gets its folder and PRAGMAs.

    On SQLite every new connection runs WAL journaling, a 5 s busy timeout, foreign keys and
    `synchronous=NORMAL`. `pool_size` applies to PostgreSQL (with as many overflow connections).
    """
    parsed = database_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed, echo)
    return create_async_engine(
        parsed, echo=echo, pool_pre_ping=True, pool_size=pool_size, max_overflow=pool_size,
        pool_recycle=1800, pool_timeout=30,
    )


def _sqlite_engine(url: URL, echo: bool) -> AsyncEngine:
    database = url.database or ""
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_async_engine(url, echo=echo)
    event.listen(engine.sync_engine, "connect", _apply_pragmas)
    return engine


def _apply_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()
