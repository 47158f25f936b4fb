"""Hybrid ranking shared by every PassageIndex adapter: fuse semantic and keyword scores, prefer the
grade band, drop near-duplicates.

score = (semantic × cosine + keyword × bm25 / max bm25) × band factor, where the band factor is 1 for the
requested band and falls with each band away. With a semantic weight, a question whose best candidate
stays below `min_similarity` cosine gets nothing (this is what keeps clearly out-of-scope questions from
getting material), and candidates below `floor` cosine do not count; with only a keyword weight, any
keyword match counts. Walking down the ranking, a candidate whose vector is closer than
`duplicate_cosine` to one already kept is dropped.
"""

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from domain.coverage import BAND_ORDER
from domain.grade_level import GradeBand
from domain.passage import Passage, ScoredPassage


@dataclass(frozen=True, slots=True, kw_only=True)
class RankingWeights:
    """How the halves of hybrid search are mixed and filtered."""

    semantic: float = 0.8
    keyword: float = 0.2
    band_factors: tuple[float, ...] = (1.0, 0.8, 0.6, 0.5)
    min_similarity: float = 0.22
    floor: float = 0.1
    duplicate_cosine: float = 0.95

    @classmethod
    def semantic_only(cls) -> "RankingWeights":
        """Vectors alone (for comparison)."""
        return cls(semantic=1.0, keyword=0.0)

    @classmethod
    def keyword_only(cls) -> "RankingWeights":
        """BM25 or full-text alone (for comparison)."""
        return cls(semantic=0.0, keyword=1.0)


@dataclass(frozen=True)
class Candidates:
    """Passages found by either half, row-aligned with their unit vectors, cosines, keyword scores and the share
    of the query's terms each one's unit teaches."""

    passages: tuple[Passage, ...]
    vectors: NDArray[np.float32]
    cosine: NDArray[np.float64]
    keyword: NDArray[np.float64]
    term_share: NDArray[np.float64] | None = None


def rank(candidates: Candidates, band: GradeBand, k: int, weights: RankingWeights) -> tuple[ScoredPassage, ...]:
    """The best `k` candidates, best first, scored and deduplicated."""
    if k <= 0 or not candidates.passages:
        return ()
    if weights.semantic > 0 and float(candidates.cosine.max()) < weights.min_similarity:
        return ()
    top_keyword = float(candidates.keyword.max())
    keyword = candidates.keyword / top_keyword if top_keyword > 0 else np.zeros_like(candidates.keyword)
    wanted = BAND_ORDER.index(band)
    factors = np.array([weights.band_factors[abs(BAND_ORDER.index(p.grade_band) - wanted)]
                        for p in candidates.passages])
    fused = (weights.semantic * candidates.cosine + weights.keyword * keyword) * factors
    eligible = candidates.cosine >= weights.floor if weights.semantic > 0 else candidates.keyword > 0
    order = sorted(np.flatnonzero(eligible).tolist(), key=lambda i: (-fused[i], candidates.passages[i].id))
    kept: list[int] = []
    for row in order:
        if kept and float((candidates.vectors[kept] @ candidates.vectors[row]).max()) > weights.duplicate_cosine:
            continue
        kept.append(row)
        if len(kept) == k:
            break
    similarity = candidates.cosine if weights.semantic > 0 else np.ones_like(candidates.cosine)
    shares = candidates.term_share if candidates.term_share is not None else np.ones_like(candidates.cosine)
    return tuple(ScoredPassage(candidates.passages[i], round(float(fused[i]), 6), round(float(similarity[i]), 6),
                               round(float(shares[i]), 6)) for i in kept)
