"""Throw-away PostgreSQL databases on the shared server, for integration and e2e tests."""

import asyncio
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine

from infrastructure.persistence import upgrade_database
from infrastructure.persistence.tables import metadata
from tests.conftest import service_unavailable
from tests.corpus_support import ingest_shipped_corpus, prime_from, shared_embedder

POSTGRES_SERVER = os.environ.get("LESSONSMITH_TEST_POSTGRES_SERVER", "postgresql+asyncpg://postgres@127.0.0.1:5432")


async def _admin(statement: str) -> None:
    engine = create_async_engine(f"{POSTGRES_SERVER}/postgres", isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            await connection.execute(sa.text(statement))
    finally:
        await engine.dispose()


@contextmanager
def fresh_database(migrate: bool = True) -> Iterator[str]:
    """A new database named lessonsmith_test_<hex> (migrated to head), dropped on exit.

    Skips locally and fails under CI=true when the server cannot be reached.
    """
    name = f"lessonsmith_test_{secrets.token_hex(6)}"
    try:
        asyncio.run(_admin(f'CREATE DATABASE "{name}"'))
    except (OSError, sa.exc.SQLAlchemyError) as error:
        service_unavailable(f"PostgreSQL at {POSTGRES_SERVER} ({type(error).__name__}: {error})")
    try:
        url = f"{POSTGRES_SERVER}/{name}"
        if migrate:
            asyncio.run(upgrade_database(url))
        yield url
    finally:
        asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


REFERENCE_TABLES = frozenset({"curriculum_documents", "curriculum_chunks"})


async def empty_tables(url: str) -> None:
    """Delete every row of every Lessonsmith table in the database at `url`, but the curriculum's."""
    engine = create_async_engine(url)
    try:
        async with engine.begin() as connection:
            for table in reversed(metadata.sorted_tables):
                if table.name not in REFERENCE_TABLES:
                    await connection.execute(table.delete())
    finally:
        await engine.dispose()


@contextmanager
def fresh_corpus_database(corpus_database: Path) -> Iterator[str]:
    """A fresh database holding the shipped corpus (a release step in production), ingested through the
    session's model primed with `corpus_database`'s vectors, so nothing is embedded again."""
    embedder = shared_embedder()
    asyncio.run(prime_from(corpus_database, embedder))
    with fresh_database(migrate=False) as url:
        asyncio.run(ingest_shipped_corpus(url, embedder))
        yield url
