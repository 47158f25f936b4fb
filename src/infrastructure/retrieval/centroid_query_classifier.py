"""The offline QueryClassifier: nearest topic centroids over the corpus embeddings, with keyword votes."""

from collections.abc import Mapping, Sequence

import numpy as np

from application.ports.embedder import Embedder
from application.ports.query_classifier import QueryClassifier
from domain.grade_level import GradeBand
from domain.understanding import Understanding
from infrastructure.offline.keyword_query_classifier import KeywordQueryClassifier, intent_of, normalize_query
from infrastructure.offline.subject_vocabulary import CURATED_SUBJECT_WORDS, GENERAL_SUBJECT
from infrastructure.retrieval.corpus_cache import CorpusCache
from infrastructure.retrieval.corpus_snapshot import CorpusSnapshot


class CentroidQueryClassifier(QueryClassifier):
    """Subject and topic from the query's cosine to each (subject, topic) centroid of the corpus.

    A subject's score is its best topic cosine, plus `keyword_bonus` when the keyword classifier (curated
    subject words and the corpus vocabulary) names the same subject. The subject is kept only when it
    leads the runner-up by `min_margin` or the keyword classifier agrees; else the subject is "general"
    (retrieval then searches every subject). A query no topic centroid reaches `min_similarity` is
    "general" too, with the query's own words as topic: retrieval will find nothing close and reject it.
    """

    def __init__(self, cache: CorpusCache, embedder: Embedder,
                 curated: Mapping[str, Sequence[str]] = CURATED_SUBJECT_WORDS, *, keyword_bonus: float = 0.05,
                 min_margin: float = 0.03, min_similarity: float = 0.25) -> None:
        self._cache = cache
        self._embedder = embedder
        self._curated = curated
        self._bonus = keyword_bonus
        self._margin = min_margin
        self._min_similarity = min_similarity
        self._keywords: tuple[str, KeywordQueryClassifier] | None = None

    async def classify(self, query: str, grade_band: GradeBand) -> Understanding:
        """Normalised query, subject ("general" when unsure), topic and intent."""
        snapshot = await self._cache.current()
        by_keywords = await self._keyword_classifier(snapshot).classify(query, grade_band)
        centroids = snapshot.centroids
        if not centroids.labels:
            return by_keywords
        vector = await self._embedder.embed_query(normalize_query(query))
        cosine = centroids.matrix @ np.asarray(vector, dtype=np.float32)
        if float(cosine.max()) < self._min_similarity:
            return by_keywords if by_keywords.subject == GENERAL_SUBJECT else Understanding(
                by_keywords.normalized_query, GENERAL_SUBJECT, by_keywords.topic, by_keywords.intent)
        scores: dict[str, float] = {}
        for (subject, _), value in zip(centroids.labels, cosine.tolist(), strict=True):
            scores[subject] = max(scores.get(subject, -1.0), value)
        if by_keywords.subject in scores:
            scores[by_keywords.subject] += self._bonus
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        subject = ranked[0][0]
        margin = ranked[0][1] - (ranked[1][1] if len(ranked) > 1 else -1.0)
        if margin < self._margin and subject != by_keywords.subject:
            subject = GENERAL_SUBJECT
        topic = by_keywords.topic
        if subject != GENERAL_SUBJECT:
            best = max((i for i, label in enumerate(centroids.labels) if label[0] == subject), key=lambda i: cosine[i])
            topic = centroids.labels[best][1]
        return Understanding(normalized_query=by_keywords.normalized_query, subject=subject, topic=topic,
                             intent=intent_of(by_keywords.normalized_query.lower()))

    def _keyword_classifier(self, snapshot: CorpusSnapshot) -> KeywordQueryClassifier:
        if self._keywords is None or self._keywords[0] != snapshot.version:
            self._keywords = (snapshot.version, KeywordQueryClassifier(snapshot.passages, snapshot.keywords,
                                                                       self._curated))
        return self._keywords[1]
