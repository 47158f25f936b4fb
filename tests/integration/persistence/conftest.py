"""Backends for the persistence tests: a SQLite file and a throw-away PostgreSQL database.

Every test that takes `engine` runs once per backend on emptied tables. The PostgreSQL database is
created (and migrated) once per session with a random name and dropped at the end, on the server
at 127.0.0.1:5432 (or LESSONSMITH_TEST_POSTGRES_SERVER, without a database name). When the server
is unreachable those tests skip, except under CI=true, where they fail (`service_unavailable`).
"""

import asyncio
import os
import secrets
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from infrastructure.persistence import SqlaUnitOfWorkFactory, create_engine, upgrade_database
from infrastructure.persistence.tables import metadata
from tests.conftest import service_unavailable

POSTGRES_SERVER = os.environ.get("LESSONSMITH_TEST_POSTGRES_SERVER", "postgresql+asyncpg://postgres@127.0.0.1:5432")


async def _admin(statement: str) -> None:
    engine = create_async_engine(f"{POSTGRES_SERVER}/postgres", isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            await connection.execute(sa.text(statement))
    finally:
        await engine.dispose()


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A migrated SQLite file, removed at the end of the session."""
    folder = tmp_path_factory.mktemp("sqlite")
    url = f"sqlite+aiosqlite:///{folder / 'lessonsmith.db'}"
    asyncio.run(upgrade_database(url))
    yield url
    for file in folder.glob("lessonsmith.db*"):
        file.unlink()


@pytest.fixture(scope="session")
def postgresql_url() -> Iterator[str]:
    """A fresh, migrated PostgreSQL database named lessonsmith_test_<hex>, dropped at the end."""
    name = f"lessonsmith_test_{secrets.token_hex(6)}"
    try:
        asyncio.run(_admin(f'CREATE DATABASE "{name}"'))
    except (OSError, sa.exc.SQLAlchemyError) as error:
        service_unavailable(f"PostgreSQL at {POSTGRES_SERVER} ({type(error).__name__}: {error})")
    try:
        url = f"{POSTGRES_SERVER}/{name}"
        asyncio.run(upgrade_database(url))
        yield url
    finally:
        asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(params=[pytest.param("sqlite"), pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest) -> str:
    """The URL of one migrated backend database (PostgreSQL is only created when a test needs it)."""
    url: str = request.getfixturevalue(f"{request.param}_url")
    return url


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    """An engine on the backend, its tables emptied first."""
    engine = create_engine(database_url)
    async with engine.begin() as connection:
        for table in reversed(metadata.sorted_tables):
            await connection.execute(table.delete())
    yield engine
    await engine.dispose()


@pytest.fixture
def uow(engine: AsyncEngine) -> SqlaUnitOfWorkFactory:
    """The unit-of-work factory under test."""
    return SqlaUnitOfWorkFactory(engine)


@pytest.fixture
def fresh_sqlite_url(tmp_path: Path) -> str:
    """An empty SQLite database file in a folder that does not exist yet."""
    return f"sqlite+aiosqlite:///{tmp_path / 'nested' / 'fresh.db'}"
