"""An in-process BM25 keyword index over curriculum passages (the embedded PassageIndex)."""

import hashlib
from collections.abc import Iterable, Mapping, Sequence

from application.ports.passage_index import PassageIndex
from domain.grade_level import GradeBand
from domain.passage import Passage, ScoredPassage
from infrastructure.offline.text_terms import terms
from infrastructure.retrieval.bm25 import Bm25
from infrastructure.retrieval.corpus_snapshot import keyword_terms

BAND_ORDER = (GradeBand.K_2, GradeBand.G3_5, GradeBand.G6_8, GradeBand.G9_12)


def band_distance(first: GradeBand, second: GradeBand) -> int:
    """How many bands apart two grade bands are (0 for the same band)."""
    return abs(BAND_ORDER.index(first) - BAND_ORDER.index(second))


class KeywordPassageIndex(PassageIndex):
    """BM25 over title, topic and text (plus optional keywords), built once; prefers the grade band.

    Title and topic count twice (a simple field weighting), so a passage named after the question wins.

    Scores are multiplied by `same_band_boost` for the requested band and by `adjacent_band_boost`
    for the bands next to it, then normalised so the best result scores 1.0.
    """

    def __init__(
        self,
        passages: Iterable[Passage],
        keywords: Mapping[str, Sequence[str]] | None = None,
        *,
        k1: float = 1.5,
        b: float = 0.75,
        same_band_boost: float = 1.5,
        adjacent_band_boost: float = 1.15,
    ) -> None:
        self._passages = tuple(passages)
        ids = [p.id for p in self._passages]
        if len(set(ids)) != len(ids):
            raise ValueError("passage ids must be unique")
        extra = keywords or {}
        self._bm25 = Bm25((keyword_terms(p, tuple(extra.get(p.id, ()))) for p in self._passages), k1=k1, b=b)
        self._boosts = {0: same_band_boost, 1: adjacent_band_boost}
        self._version = hashlib.sha256("\n".join(f"{p.id}:{p.text}" for p in self._passages).encode()).hexdigest()[:16]

    async def corpus_version(self) -> str:
        """A digest of the fixed passages."""
        return self._version

    async def refresh(self) -> None:
        """Nothing to do: the passages are fixed at construction."""

    @property
    def passages(self) -> tuple[Passage, ...]:
        """Every indexed passage, in the order given."""
        return self._passages

    async def search(
        self, query: str, grade_band: GradeBand, subject: str | None, k: int
    ) -> tuple[ScoredPassage, ...]:
        """The best `k` passages for `query`, best first, scores in 0–1; () when nothing matches."""
        query_terms = list(dict.fromkeys(terms(query)))
        if k <= 0 or not query_terms or not self._passages:
            return ()
        wanted = subject.strip().lower() if subject else None
        scored: list[tuple[float, str, Passage]] = []
        for passage, raw in zip(self._passages, self._bm25.scores(query_terms).tolist(), strict=True):
            if wanted is not None and passage.subject.lower() != wanted:
                continue
            if raw <= 0:
                continue
            boost = self._boosts.get(band_distance(passage.grade_band, grade_band), 1.0)
            scored.append((raw * boost, passage.id, passage))
        if not scored:
            return ()
        scored.sort(key=lambda item: (-item[0], item[1]))
        best = scored[0][0]
        return tuple(ScoredPassage(passage=p, score=round(s / best, 6)) for s, _, p in scored[:k])
