"""The real corpus behind the retrieval tests: the session's SQLite copy, and a PostgreSQL copy with pgvector."""

import asyncio
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from infrastructure.persistence import SqlaUnitOfWorkFactory, create_engine
from infrastructure.retrieval.corpus_cache import CorpusCache
from tests.corpus_support import MemoEmbedder, ingest_shipped_corpus, prime_from, shared_embedder
from tests.postgres_support import fresh_database


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
    return CorpusCache(SqlaUnitOfWorkFactory(sqlite_corpus), embedder.dimension, embedder.model_name)


@pytest.fixture(scope="session")
def pgvector_corpus_url(embedder: MemoEmbedder) -> Iterator[str]:
    """A fresh PostgreSQL database (pgvector created by the migration) holding the shipped corpus."""
    with fresh_database(migrate=False) as url:
        asyncio.run(ingest_shipped_corpus(url, embedder))
        yield url


@pytest.fixture
async def pg_engine(pgvector_corpus_url: str) -> AsyncIterator[AsyncEngine]:
    """An engine on the PostgreSQL corpus."""
    engine = create_engine(pgvector_corpus_url)
    yield engine
    await engine.dispose()
