"""The production PassageIndex: pgvector's HNSW index (cosine) plus PostgreSQL full-text search."""

import re

import numpy as np
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from application.ports.embedder import Embedder
from application.ports.passage_index import PassageIndex
from domain.curriculum_document import corpus_version, indexed_hash
from domain.grade_level import GradeBand
from domain.passage import Passage, ScoredPassage
from infrastructure.offline.text_terms import terms
from infrastructure.persistence.storage_errors import storage_errors
from infrastructure.retrieval.corpus_cache import CorpusCache
from infrastructure.retrieval.hybrid_ranker import Candidates, RankingWeights, rank

CANDIDATES_PER_HALF = 50
_WORD = re.compile(r"[a-z0-9]+")
_SEARCH = sa.text("""
WITH semantic AS (
    SELECT c.id FROM curriculum_chunks c
    WHERE :semantic AND (CAST(:subject AS text) IS NULL
          OR c.document_id IN (SELECT id FROM curriculum_documents WHERE subject = :subject))
    ORDER BY c.embedding <=> CAST(:vector AS vector) LIMIT :n
), keyword AS (
    SELECT c.id FROM curriculum_chunks c
    WHERE :keyword AND c.search_vector @@ to_tsquery('english', :tsquery)
      AND (CAST(:subject AS text) IS NULL
           OR c.document_id IN (SELECT id FROM curriculum_documents WHERE subject = :subject))
    ORDER BY ts_rank_cd(c.search_vector, to_tsquery('english', :tsquery)) DESC, c.id LIMIT :n
)
SELECT c.id, c.text, CAST(c.embedding AS text) AS embedding, d.title, d.subject, d.grade_band, d.topic, d.source,
       1 - (c.embedding <=> CAST(:vector AS vector)) AS cosine
FROM curriculum_chunks c JOIN curriculum_documents d ON d.id = c.document_id
WHERE c.id IN (SELECT id FROM semantic UNION SELECT id FROM keyword) OR c.id = ANY(CAST(:bm25_ids AS text[]))
ORDER BY c.id
""")


def to_tsquery_text(query: str) -> str:
    """The query's words OR-ed for to_tsquery (only [a-z0-9] words, so the syntax cannot be broken)."""
    return " | ".join(dict.fromkeys(_WORD.findall(query.lower()))) or "''"


def vector_literal(vector: tuple[float, ...]) -> str:
    """pgvector's text form of a vector."""
    return "[" + ",".join(f"{x:.8g}" for x in vector) + "]"


class PgvectorPassageIndex(PassageIndex):
    """Hybrid search in PostgreSQL: the HNSW nearest chunks, the best full-text matches (GIN, ts_rank_cd) and
    the best BM25 matches become candidates for the same `rank` as the in-process index, with the same BM25
    keyword scores (from the corpus snapshot the classifier keeps anyway), so both indexes rank alike.
    `ef_search` trades recall for speed."""

    def __init__(self, engine: AsyncEngine, embedder: Embedder, cache: CorpusCache,
                 weights: RankingWeights | None = None, candidates: int = CANDIDATES_PER_HALF,
                 ef_search: int = 100) -> None:
        self._engine = engine
        self._embedder = embedder
        self._cache = cache
        self._weights = weights or RankingWeights()
        self._candidates = candidates
        self._ef_search = ef_search

    async def search(self, query: str, grade_band: GradeBand, subject: str | None, k: int) -> tuple[ScoredPassage, ...]:
        """The best `k` passages, best first; () when none is relevant enough."""
        if k <= 0:
            return ()
        vector = await self._embedder.embed_query(query)
        snapshot = await self._cache.current()
        bm25 = snapshot.bm25.scores(terms(query))
        allowed = snapshot.subjects == subject if subject is not None else np.ones(len(bm25), dtype=bool)
        best = [int(i) for i in np.argsort(-np.where(allowed, bm25, 0.0), kind="stable")[: self._candidates]
                if bm25[i] > 0 and allowed[i]] if self._weights.keyword > 0 else []
        params = {"vector": vector_literal(vector), "tsquery": to_tsquery_text(query), "subject": subject,
                  "n": self._candidates, "semantic": self._weights.semantic > 0, "keyword": self._weights.keyword > 0,
                  "bm25_ids": [snapshot.passages[i].id for i in best]}
        with storage_errors("search the curriculum"):
            async with self._engine.connect() as connection:
                await connection.execute(sa.text(f"SET LOCAL hnsw.ef_search = {int(self._ef_search)}"))
                await connection.execute(sa.text("SET LOCAL hnsw.iterative_scan = strict_order"))
                rows = (await connection.execute(_SEARCH, params)).all()
        if not rows:
            return ()
        candidates = Candidates(
            passages=tuple(Passage(id=r.id, title=r.title, subject=r.subject, grade_band=GradeBand(r.grade_band),
                                   topic=r.topic, text=r.text, source=r.source) for r in rows),
            vectors=np.array([r.embedding.strip("[]").split(",") for r in rows], dtype=np.float32),
            cosine=np.array([float(r.cosine) for r in rows]),
            keyword=np.array([float(bm25[snapshot.rows[r.id]]) if r.id in snapshot.rows else 0.0 for r in rows]),
            term_share=snapshot.term_shares(query, [r.id for r in rows]),
        )
        return rank(candidates, grade_band, k, self._weights)

    async def corpus_version(self) -> str:
        """The version of the stored corpus."""
        with storage_errors("read the corpus version"):
            async with self._engine.connect() as connection:
                rows = (await connection.execute(sa.text(
                    "SELECT id, content_hash, embedding_model FROM curriculum_documents"))).all()
        return corpus_version({r.id: indexed_hash(r.content_hash, r.embedding_model) for r in rows})

    async def refresh(self) -> None:
        """Nothing to do: every search reads the database."""
