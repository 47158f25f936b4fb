"""A corpus embedded by another model is refused, never searched with this process's query vectors."""

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from application.errors import StorageError
from infrastructure.persistence import SqlaUnitOfWorkFactory
from infrastructure.retrieval.corpus_cache import CorpusCache
from tests.corpus_support import MemoEmbedder

pytestmark = pytest.mark.req("RDS-041", "RDS-044")


async def test_the_cache_loads_a_corpus_of_its_own_model(sqlite_corpus: AsyncEngine, embedder: MemoEmbedder) -> None:
    snapshot = await CorpusCache(SqlaUnitOfWorkFactory(sqlite_corpus), embedder.dimension,
                                 embedder.model_name).current()
    assert len(snapshot.passages) > 200


async def test_a_corpus_of_another_model_is_refused_with_the_remedy(sqlite_corpus: AsyncEngine,
                                                                    embedder: MemoEmbedder) -> None:
    cache = CorpusCache(SqlaUnitOfWorkFactory(sqlite_corpus), embedder.dimension, "vertex/text-embedding-005@384")
    with pytest.raises(StorageError) as refused:
        await cache.current()
    message = str(refused.value)
    assert "embedded by all-MiniLM-L6-v2" in message and "vertex/text-embedding-005@384" in message
    assert "lessonsmith corpus ingest" in message and not refused.value.retryable
    assert cache.latest is None  # nothing half-loaded is served
