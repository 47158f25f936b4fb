"""Schema migrations from code: Alembic configured programmatically, run on the project's async engine."""

from collections.abc import Callable
from importlib import resources
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection

from infrastructure.persistence.engine import create_engine
from infrastructure.persistence.storage_errors import storage_errors

# Any fixed number: concurrent upgrades on PostgreSQL (several instances starting) take turns.
_MIGRATION_LOCK_ID = 0x1E55_0115


def migrations_folder() -> Path:
    """Where the Alembic scripts live: inside this package, so it works from an installed wheel."""
    return Path(str(resources.files("infrastructure.persistence") / "migrations"))


def alembic_config(url: str | None = None) -> Config:
    """An Alembic Config for the packaged migrations; `url`, when given, goes in `attributes["url"]`."""
    config = Config()
    config.set_main_option("script_location", str(migrations_folder()))
    config.set_main_option("path_separator", "os")
    if url is not None:
        config.attributes["url"] = url
    return config


async def upgrade_database(url: str, revision: str = "head") -> None:
    """Migrate the database at `url` up to `revision` (StorageError when the database fails)."""
    await _run(url, lambda config: command.upgrade(config, revision))


async def downgrade_database(url: str, revision: str) -> None:
    """Migrate the database at `url` down to `revision` ("base" drops everything)."""
    await _run(url, lambda config: command.downgrade(config, revision))


async def current_revision(url: str) -> str | None:
    """The revision the database at `url` is at, or None before the first migration."""
    engine = create_engine(url, pool_size=1)
    try:
        with storage_errors("read the schema revision"):
            async with engine.connect() as connection:
                if not await connection.run_sync(lambda sync: sa.inspect(sync).has_table("alembic_version")):
                    return None
                revision = await connection.scalar(sa.text("SELECT version_num FROM alembic_version"))
        return str(revision) if revision is not None else None
    finally:
        await engine.dispose()


async def _run(url: str, action: Callable[[Config], None]) -> None:
    engine = create_engine(url, pool_size=1)
    try:
        with storage_errors("migrate the database"):
            async with engine.begin() as connection:
                if connection.dialect.name == "postgresql":
                    await connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_MIGRATION_LOCK_ID)))
                await connection.run_sync(_with_connection, url, action)
    finally:
        await engine.dispose()


def _with_connection(connection: Connection, url: str, action: Callable[[Config], None]) -> None:
    config = alembic_config(url)
    config.attributes["connection"] = connection
    action(config)
