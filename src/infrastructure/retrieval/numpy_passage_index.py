"""The embedded PassageIndex: exact cosine on numpy plus BM25, over the in-process corpus snapshot."""

import numpy as np

from application.ports.embedder import Embedder
from application.ports.passage_index import PassageIndex
from domain.grade_level import GradeBand
from domain.passage import ScoredPassage
from infrastructure.offline.text_terms import terms
from infrastructure.retrieval.corpus_cache import CorpusCache
from infrastructure.retrieval.hybrid_ranker import Candidates, RankingWeights, rank

CANDIDATES_PER_HALF = 50


class NumpyPassageIndex(PassageIndex):
    """Hybrid search in process: the top cosines and the top BM25 scores (within the subject, when given)
    become candidates for `rank`. Exact: every chunk is scored."""

    def __init__(self, cache: CorpusCache, embedder: Embedder, weights: RankingWeights | None = None,
                 candidates: int = CANDIDATES_PER_HALF) -> None:
        self._cache = cache
        self._embedder = embedder
        self._weights = weights or RankingWeights()
        self._candidates = candidates

    async def search(self, query: str, grade_band: GradeBand, subject: str | None, k: int) -> tuple[ScoredPassage, ...]:
        """The best `k` passages, best first; () when none is relevant enough."""
        snapshot = await self._cache.current()
        if k <= 0 or not snapshot.passages:
            return ()
        vector = await self._embedder.embed_query(query)
        rows = np.arange(len(snapshot.passages)) if subject is None else np.flatnonzero(snapshot.subjects == subject)
        cosine = snapshot.matrix[rows] @ np.asarray(vector, dtype=np.float32)
        keyword = snapshot.bm25.scores(terms(query))[rows]
        picked: set[int] = set()
        if self._weights.semantic > 0:
            picked.update(np.argsort(-cosine, kind="stable")[: self._candidates].tolist())
        if self._weights.keyword > 0:
            best = np.argsort(-keyword, kind="stable")[: self._candidates]
            picked.update(i for i in best.tolist() if keyword[i] > 0)
        chosen = np.array(sorted(picked), dtype=np.int64)
        candidates = Candidates(
            passages=tuple(snapshot.passages[rows[i]] for i in chosen), vectors=snapshot.matrix[rows[chosen]],
            cosine=cosine[chosen].astype(np.float64), keyword=keyword[chosen],
            term_share=snapshot.term_shares(query, [snapshot.passages[rows[i]].id for i in chosen]),
        )
        return rank(candidates, grade_band, k, self._weights)

    async def corpus_version(self) -> str:
        """The version of the snapshot searches use now."""
        return (await self._cache.current()).version

    async def refresh(self) -> None:
        """Reload the snapshot before the next search when the stored corpus changed."""
        await self._cache.refresh()
