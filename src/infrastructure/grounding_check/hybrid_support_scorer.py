"""The SupportScorer of the embedded profile: lexical overlap first, the sentence embedding for the doubtful."""

from collections.abc import Sequence

import numpy as np

from application.ports.embedder import Embedder
from application.ports.support_scorer import SupportScorer
from domain.grounding import SentenceSupport
from domain.passage import Passage
from infrastructure.grounding_check.lexical_support import (
    NUMBER_PENALTY,
    PassageWindow,
    lexical_support,
    numbers_of,
    passage_windows,
)

LEXICAL_SURE = 0.75
COSINE_FLOOR, COSINE_FULL = 0.45, 0.75


def semantic_score(cosine: float) -> float:
    """A cosine similarity mapped to 0–1: COSINE_FLOOR or less is 0, COSINE_FULL or more is 1."""
    return round(min(1.0, max(0.0, (cosine - COSINE_FLOOR) / (COSINE_FULL - COSINE_FLOOR))), 4)


class HybridSupportScorer(SupportScorer):
    """Scores each sentence by the lexical overlap with its best passage window; a sentence scoring below
    LEXICAL_SURE (a paraphrase, or an unsupported claim) is also embedded and compared with every single
    passage sentence (a number that sentence lacks halves the score too), and keeps the better score.
    Without an embedder it is lexical only. Offline lessons quote their passages, so the model is rarely
    needed; an LLM writer's paraphrases use it."""

    def __init__(self, embedder: Embedder | None = None) -> None:
        self._embedder = embedder

    async def score(self, sentences: Sequence[str], passages: Sequence[Passage]) -> tuple[SentenceSupport, ...]:
        """One SentenceSupport per sentence, in order; UpstreamError when the model fails."""
        windows = passage_windows(passages)
        lexical = [lexical_support(s, windows) for s in sentences]
        doubtful = [i for i, (_, score) in enumerate(lexical) if score < LEXICAL_SURE]
        semantic = await self._semantic([sentences[i] for i in doubtful], windows) if doubtful else {}
        out = []
        for index, (sentence, (window, score)) in enumerate(zip(sentences, lexical, strict=True)):
            passage_id = window.passage_id if window is not None else None
            if index in doubtful:
                sem_window, sem_score = semantic[doubtful.index(index)] if semantic else (None, 0.0)
                if sem_window is not None and sem_score > score:
                    passage_id, score = sem_window.passage_id, sem_score
            out.append(SentenceSupport(sentence, passage_id if score > 0 else None, round(score, 4)))
        return tuple(out)

    async def _semantic(self, sentences: Sequence[str], windows: Sequence[PassageWindow]
                        ) -> dict[int, tuple[PassageWindow | None, float]]:
        if self._embedder is None:
            return {}
        singles = [w for w in windows if w.size == 1]
        vectors = await self._embedder.embed([*sentences, *(w.text for w in singles)])
        matrix = np.asarray(vectors, dtype=np.float32)
        matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)
        queries, targets = matrix[: len(sentences)], matrix[len(sentences):]
        if not len(targets):
            return {}
        cosines = queries @ targets.T
        best = cosines.argmax(axis=1)
        out: dict[int, tuple[PassageWindow | None, float]] = {}
        for i, b in enumerate(best):
            window = singles[int(b)]
            score = semantic_score(float(cosines[i, b]))
            if not numbers_of(sentences[i]) <= window.numbers:
                score *= NUMBER_PENALTY
            out[i] = (window, score)
        return out
