"""Alembic environment for Lessonsmith, async-aware, identical on PostgreSQL and SQLite.

The database comes from, in order: a connection handed over in `config.attributes["connection"]`
(what `migrate.py` does), `config.attributes["url"]`, `-x url=...` on the command line, or the
`sqlalchemy.url` main option. The environment is never read.
"""

import asyncio
from logging.config import fileConfig

from alembic import context
from sqlalchemy.engine import Connection

from infrastructure.persistence.engine import create_engine, database_url
from infrastructure.persistence.tables import metadata

config = context.config
if config.config_file_name is not None:  # the operator's alembic.ini, not the programmatic Config
    fileConfig(config.config_file_name, disable_existing_loggers=False)


def _url() -> str:
    url = (
        config.attributes.get("url")
        or context.get_x_argument(as_dictionary=True).get("url")
        or config.get_main_option("sqlalchemy.url")
    )
    if not url:
        raise RuntimeError("no database URL: pass -x url=... or set sqlalchemy.url")
    return str(url)


def _migrate(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _migrate_url(url: str) -> None:
    engine = create_engine(url, pool_size=1)
    try:
        async with engine.connect() as connection:
            await connection.run_sync(_migrate)
            await connection.commit()
    finally:
        await engine.dispose()


def _migrate_offline(url: str) -> None:
    parsed = database_url(url)
    context.configure(
        url=parsed,
        target_metadata=metadata,
        literal_binds=True,
        render_as_batch=parsed.get_backend_name() == "sqlite",
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    """Run the migrations on the handed-over connection, or on a fresh engine, or as SQL (offline)."""
    connection = config.attributes.get("connection")
    if context.is_offline_mode():
        _migrate_offline(_url())
    elif connection is not None:
        _migrate(connection)
    else:
        asyncio.run(_migrate_url(_url()))


run()
