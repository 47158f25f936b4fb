"""Backends for the persistence tests: a SQLite file and a throw-away PostgreSQL database.

Every test that takes `engine` runs once per backend on emptied tables. The PostgreSQL database is
created (and migrated) once per session with a random name and dropped at the end, on the server
at 127.0.0.1:5432 (or LESSONSMITH_TEST_POSTGRES_SERVER, without a database name). When the server
is unreachable those tests skip, except under CI=true, where they fail (`service_unavailable`).
"""

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from infrastructure.persistence import SqlaUnitOfWorkFactory, create_engine, upgrade_database
from infrastructure.persistence.tables import metadata
from tests.postgres_support import fresh_database


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
    with fresh_database() as url:
        yield url


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
