"""The real corpus behind the retrieval tests: the session's SQLite copy, and a PostgreSQL copy with pgvector."""

import asyncio
import secrets
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from application.use_cases.ingest_curriculum import IngestCurriculum, IngestCurriculumCommand
from infrastructure.curriculum.corpus_files import read_sources
from infrastructure.curriculum.front_matter_parser import FrontMatterParser
from infrastructure.persistence import SqlaUnitOfWorkFactory, create_engine, upgrade_database
from infrastructure.retrieval.corpus_cache import CorpusCache
from infrastructure.system.system_clock import SystemClock
from tests.conftest import service_unavailable
from tests.corpus_support import REPOSITORY_CORPUS, MemoEmbedder, prime_from, shared_embedder
from tests.integration.persistence.conftest import POSTGRES_SERVER, _admin
from tests.unit.stage_fakes import FakeIndex


@pytest.fixture(scope="session")
def embedder(corpus_database: Path) -> MemoEmbedder:
    """The session's model, knowing every corpus vector already."""
    model = shared_embedder()
    asyncio.run(prime_from(corpus_database, model))
    return model


@pytest.fixture
async def sqlite_corpus(corpus_database: Path, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    """An engine on a private copy of the session's corpus database."""
    shutil.copyfile(corpus_database, tmp_path / "corpus.db")
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'corpus.db'}")
    yield engine
    await engine.dispose()


@pytest.fixture
def corpus_cache(sqlite_corpus: AsyncEngine, embedder: MemoEmbedder) -> CorpusCache:
    """The in-process corpus over the SQLite copy."""
    return CorpusCache(SqlaUnitOfWorkFactory(sqlite_corpus), embedder.dimension)


async def _ingest_into(url: str, embedder: MemoEmbedder) -> None:
    await upgrade_database(url)
    engine = create_engine(url)
    try:
        ingest = IngestCurriculum(SqlaUnitOfWorkFactory(engine), SystemClock(), FrontMatterParser(), embedder,
                                  FakeIndex())
        await ingest.execute(IngestCurriculumCommand(actor=None, sources=read_sources(REPOSITORY_CORPUS)))
    finally:
        await engine.dispose()


@pytest.fixture(scope="session")
def pgvector_corpus_url(embedder: MemoEmbedder) -> Iterator[str]:
    """A fresh PostgreSQL database (pgvector created by the migration) holding the shipped corpus."""
    name = f"lessonsmith_corpus_{secrets.token_hex(6)}"
    try:
        asyncio.run(_admin(f'CREATE DATABASE "{name}"'))
    except (OSError, sa.exc.SQLAlchemyError) as error:
        service_unavailable(f"PostgreSQL at 127.0.0.1:5432 ({type(error).__name__}: {error})")
    try:
        url = f"{POSTGRES_SERVER}/{name}"
        asyncio.run(_ingest_into(url, embedder))
        yield url
    finally:
        asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
async def pg_engine(pgvector_corpus_url: str) -> AsyncIterator[AsyncEngine]:
    """An engine on the PostgreSQL corpus."""
    engine = create_engine(pgvector_corpus_url)
    yield engine
    await engine.dispose()
