"""The packaged Alembic migrations on SQLite and PostgreSQL: up, down, up again, and no drift."""

from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.engine import Connection

from infrastructure.persistence import create_engine, downgrade_database, upgrade_database
from infrastructure.persistence.migrate import current_revision
from infrastructure.persistence.tables import metadata

pytestmark = pytest.mark.req("RDS-029", "RDS-030")


def _schema_drift(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, metadata))


async def _inspect(url: str) -> tuple[set[str], list[Any]]:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            tables = set(await connection.run_sync(lambda sync: sa.inspect(sync).get_table_names()))
            drift = await connection.run_sync(_schema_drift) if "users" in tables else []
    finally:
        await engine.dispose()
    return tables, drift


async def test_upgrade_downgrade_and_upgrade_again(database_url: str) -> None:
    await upgrade_database(database_url)  # already at head: nothing to do
    assert await current_revision(database_url) == "0001"

    await downgrade_database(database_url, "base")
    assert await current_revision(database_url) is None
    tables, _ = await _inspect(database_url)
    assert tables <= {"alembic_version"}

    await upgrade_database(database_url, "head")
    assert await current_revision(database_url) == "0001"
    tables, drift = await _inspect(database_url)
    assert {"users", "lesson_requests"} <= tables
    assert drift == []


async def test_upgrade_creates_a_new_sqlite_database_and_its_folder(fresh_sqlite_url: str) -> None:
    await upgrade_database(fresh_sqlite_url)
    assert await current_revision(fresh_sqlite_url) == "0001"
    tables, drift = await _inspect(fresh_sqlite_url)
    assert {"users", "lesson_requests", "alembic_version"} == tables
    assert drift == []
