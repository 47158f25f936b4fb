"""The packaged Alembic migrations on SQLite and PostgreSQL: up, down, up again, and no drift."""

import json
from typing import Any
from uuid import uuid4

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from infrastructure.persistence import create_engine, downgrade_database, upgrade_database
from infrastructure.persistence.migrate import alembic_config, current_revision
from infrastructure.persistence.tables import FULL_TEXT_COLUMN, FULL_TEXT_INDEX, metadata

HEAD = ScriptDirectory.from_config(alembic_config()).get_current_head()


def make_lesson_row(ledger: list[dict[str, Any]]) -> dict[str, Any]:
    """Bind values for a bare lesson row as revision 0001 stored it."""
    return {"id": uuid4().hex, "now": "2025-01-01 00:00:00.000000", "ledger": json.dumps(ledger)}

pytestmark = pytest.mark.req("RDS-029", "RDS-030")


def _schema_drift(connection: Connection) -> list[Any]:
    def for_this_dialect(item: Any, name: Any, kind: str, reflected: bool, compare_to: Any) -> bool:
        if reflected and name in (FULL_TEXT_INDEX, FULL_TEXT_COLUMN):
            return False  # PostgreSQL's generated tsvector column and its index, not in the metadata
        only = getattr(getattr(item, "_ddl_if", None), "dialect", None)  # Index(...).ddl_if(dialect=...)
        return only is None or only == connection.dialect.name

    opts = {"compare_type": True, "include_object": for_this_dialect}
    context = MigrationContext.configure(connection, opts=opts)
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
    assert await current_revision(database_url) == HEAD

    await downgrade_database(database_url, "0001")
    tables, _ = await _inspect(database_url)
    assert "lesson_requests" in tables and "curriculum_chunks" not in tables

    await downgrade_database(database_url, "base")
    assert await current_revision(database_url) is None
    tables, _ = await _inspect(database_url)
    assert tables <= {"alembic_version"}

    await upgrade_database(database_url, "head")
    assert await current_revision(database_url) == HEAD
    tables, drift = await _inspect(database_url)
    assert {"users", "lesson_requests", "curriculum_documents", "curriculum_chunks"} <= tables
    assert drift == []


async def test_cost_totals_are_filled_in_for_lessons_stored_before_them(fresh_sqlite_url: str) -> None:
    await upgrade_database(fresh_sqlite_url, "0001")
    ledger = [{"stage": "write", "kind": kind, "amount_micros": amount, "units": "0", "unit": "", "provider": "x",
               "note": ""} for kind, amount in (("spent", 5), ("spent", 7), ("saved", 11), ("estimate", 13))]
    engine = create_engine(fresh_sqlite_url)
    try:
        async with engine.begin() as connection:
            row = make_lesson_row(ledger)
            await connection.execute(sa.text(
                "INSERT INTO lesson_requests (id, owner_id, requested_by, status, attempt, deliveries, version, "
                "fingerprint, created_at, updated_at, spec, stages, ledger, passages, artifacts) VALUES "
                "(:id, :id, :id, 'queued', 0, 0, 0, '', :now, :now, '{}', '[]', :ledger, '[]', '[]')"), row)
        await upgrade_database(fresh_sqlite_url)
        async with engine.connect() as connection:
            totals = (await connection.execute(sa.text(
                "SELECT spent_micros, saved_micros, estimated_micros FROM lesson_requests"))).one()
    finally:
        await engine.dispose()
    assert tuple(totals) == (12, 11, 13)


async def test_upgrade_creates_a_new_sqlite_database_and_its_folder(fresh_sqlite_url: str) -> None:
    await upgrade_database(fresh_sqlite_url)
    assert await current_revision(fresh_sqlite_url) == HEAD
    tables, drift = await _inspect(fresh_sqlite_url)
    assert {"users", "lesson_requests", "classes", "class_members", "revoked_tokens", "curriculum_documents",
            "curriculum_chunks", "lesson_daily_usage", "alembic_version"} == tables
    assert drift == []
