"""The pgvector index in PostgreSQL against the numpy index over the same corpus."""

import pytest
import sqlalchemy as sa
from benchmarks.retrieval_metrics import load_eval_set
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.grade_level import GradeLevel
from infrastructure.retrieval.corpus_cache import CorpusCache
from infrastructure.retrieval.hybrid_ranker import RankingWeights
from infrastructure.retrieval.numpy_passage_index import NumpyPassageIndex
from infrastructure.retrieval.pgvector_passage_index import PgvectorPassageIndex, to_tsquery_text
from tests.corpus_support import MemoEmbedder

pytestmark = [pytest.mark.postgres, pytest.mark.req("RDS-042")]
QUERIES = load_eval_set()


async def _top5(index: NumpyPassageIndex | PgvectorPassageIndex, query: str, grade: int) -> list[str]:
    return [p.passage.id for p in await index.search(query, GradeLevel(grade).band, None, 5)]


async def test_semantic_search_returns_the_same_top_5_as_exact_numpy(
    pg_engine: AsyncEngine, corpus_cache: CorpusCache, embedder: MemoEmbedder
) -> None:
    weights = RankingWeights.semantic_only()
    pg = PgvectorPassageIndex(pg_engine, embedder, corpus_cache, weights)
    exact = NumpyPassageIndex(corpus_cache, embedder, weights)
    for item in QUERIES:
        assert await _top5(pg, item.query, item.grade_level) == await _top5(exact, item.query, item.grade_level)


async def test_hybrid_search_returns_the_same_top_5_as_numpy(
    pg_engine: AsyncEngine, corpus_cache: CorpusCache, embedder: MemoEmbedder
) -> None:
    pg, numpy_index = PgvectorPassageIndex(pg_engine, embedder, corpus_cache), NumpyPassageIndex(corpus_cache, embedder)
    for item in QUERIES:
        assert await _top5(pg, item.query, item.grade_level) == await _top5(numpy_index, item.query, item.grade_level)


async def test_the_corpus_version_matches_and_the_vector_index_is_hnsw(
    pg_engine: AsyncEngine, corpus_cache: CorpusCache, embedder: MemoEmbedder
) -> None:
    version = await PgvectorPassageIndex(pg_engine, embedder, corpus_cache).corpus_version()
    assert version == (await corpus_cache.current()).version
    async with pg_engine.connect() as connection:
        definition = await connection.scalar(sa.text(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_curriculum_chunks_embedding_hnsw'"))
        await connection.execute(sa.text("SET LOCAL enable_seqscan = off"))  # the corpus is small enough to scan
        plan = "\n".join((await connection.execute(sa.text(
            "EXPLAIN SELECT id FROM curriculum_chunks ORDER BY embedding <=> CAST(:v AS vector) LIMIT 5"),
            {"v": "[" + ",".join(["0.05"] * 384) + "]"})).scalars())
    assert "hnsw" in definition and "vector_cosine_ops" in definition and "m='16'" in definition
    assert "ix_curriculum_chunks_embedding_hnsw" in plan


def test_query_words_cannot_break_the_tsquery_syntax() -> None:
    assert to_tsquery_text("Why? (plants) & 'sun' | !water") == "why | plants | sun | water"
    assert to_tsquery_text("?!") == "''"
