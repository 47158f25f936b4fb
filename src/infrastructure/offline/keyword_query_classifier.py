"""A keyword-vocabulary QueryClassifier: subject, topic and intent without any model."""

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from application.ports.query_classifier import QueryClassifier
from domain.coverage import BAND_ORDER
from domain.grade_level import GradeBand
from domain.passage import Passage
from domain.understanding import Understanding
from infrastructure.offline.subject_vocabulary import CURATED_SUBJECT_WORDS, GENERAL_SUBJECT
from infrastructure.offline.text_terms import STOP_WORDS, terms, tokenize

CURATED_WEIGHT = 2.0
_TRAILING_PUNCTUATION = re.compile(r"[\s?!.,;:]+$")
_GENERIC = frozenset(terms("work works part parts thing things make made way ways happen happens use used"))
_QUESTION_LEAD = re.compile(
    r"^(?:(?:can|could|would|will) you |please )?(?:explain|describe|define|tell me about|teach me about|"
    r"what (?:is|are|was|were|does|do)|what's|how (?:do|does|did|can|is|are|to)|why (?:do|does|did|is|are)|"
    r"who (?:is|was|were)|when (?:did|was|were)|where (?:is|are|do|does))\b\s*"
)
_FALLBACK_DROP = STOP_WORDS | frozenset((
    "difference", "differences", "between", "compare", "contrast", "versus", "vs", "similar", "mean",
    "meaning", "define", "definition", "example", "examples", "work", "works", "happen", "happens",
))
_INTENT_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("compare", re.compile(
        r"\b(?:compare|comparing|comparison|differences?|differ|different from|versus|vs\.?|contrast|"
        r"similarit(?:y|ies)|alike)\b")),
    ("define", re.compile(r"\b(?:define|definition|meaning of)\b|^what (?:does|do) .+ mean\b")),
    ("why", re.compile(r"^why\b|^how come\b|\bwhy\b|\bwhat (?:causes?|caused|made)\b|\breasons? (?:for|why)\b")),
    ("how_to", re.compile(
        r"^how (?:do|can|should|would|could) (?:i|we|you)\b|^how to\b|\bsteps? (?:to|for)\b|"
        r"\bshow me how\b|\bteach me (?:how )?to\b|^(?:solve|calculate|find|write|draw|measure)\b")),
    ("define", re.compile(r"^(?:what|who) (?:is|are|was|were)\b(?: (?:a|an|the))?(?: [\w'-]+){1,3}$|^what's\b")),
)


def band_distance(first: GradeBand, second: GradeBand) -> int:
    """How many bands apart two grade bands are (0 for the same band)."""
    return abs(BAND_ORDER.index(first) - BAND_ORDER.index(second))


class KeywordQueryClassifier(QueryClassifier):
    """Subject by weighted subject vocabulary, topic by the best-matching catalogue passage, intent by form.

    The vocabulary is built from the passages' titles, topics and keywords (a word shared by several
    subjects is split between them) plus curated subject words, which weigh CURATED_WEIGHT more.
    """

    def __init__(
        self,
        passages: Iterable[Passage],
        keywords: Mapping[str, Sequence[str]] | None = None,
        curated: Mapping[str, Sequence[str]] = CURATED_SUBJECT_WORDS,
        *,
        min_subject_score: float = 1.0,
    ) -> None:
        self._passages = tuple(passages)
        extra = keywords or {}
        self._vocab = {p.id: set(terms(" ".join((p.title, p.topic, *extra.get(p.id, ()))))) - _GENERIC
                       for p in self._passages}
        self._weights = subject_weights(self._passages, self._vocab, curated)
        frequency = Counter(term for vocab in self._vocab.values() for term in vocab)
        count = max(1, len(self._passages))
        self._idf = {term: math.log(1 + count / n) for term, n in frequency.items()}
        self._min_subject_score = min_subject_score

    async def classify(self, query: str, grade_band: GradeBand) -> Understanding:
        """Normalise `query`, then name its subject ("general" when nothing fits), topic and intent."""
        normalized = normalize_query(query)
        lowered = normalized.lower()
        query_terms = list(dict.fromkeys(terms(lowered)))
        subject = self._subject(query_terms)
        topic = self._best_topic(query_terms, subject, grade_band) or fallback_topic(lowered) or normalized
        return Understanding(normalized_query=normalized, subject=subject, topic=topic, intent=intent_of(lowered))

    def _subject(self, query_terms: Sequence[str]) -> str:
        totals: dict[str, float] = defaultdict(float)
        for term in query_terms:
            for subject, weight in self._weights.get(term, {}).items():
                totals[subject] += weight
        if not totals:
            return GENERAL_SUBJECT
        best_subject, best = min(totals.items(), key=lambda item: (-item[1], item[0]))
        return best_subject if best >= self._min_subject_score else GENERAL_SUBJECT

    def _best_topic(self, query_terms: Sequence[str], subject: str, band: GradeBand) -> str | None:
        if subject == GENERAL_SUBJECT:
            return None
        ranked: list[tuple[float, int, str, str]] = []
        for passage in self._passages:
            if passage.subject != subject:
                continue
            score = sum(self._idf[t] for t in query_terms if t in self._vocab[passage.id])
            if score > 0:
                ranked.append((-score, band_distance(passage.grade_band, band), passage.id, passage.topic))
        return min(ranked)[3] if ranked else None


def subject_weights(
    passages: Sequence[Passage], vocab: Mapping[str, set[str]], curated: Mapping[str, Sequence[str]]
) -> dict[str, dict[str, float]]:
    """Weight of each term for each subject: 1 split between the subjects whose passages use it, plus
    CURATED_WEIGHT for a curated subject word."""
    owners: dict[str, set[str]] = defaultdict(set)
    for passage in passages:
        for term in vocab[passage.id]:
            owners[term].add(passage.subject)
    weights: dict[str, dict[str, float]] = {term: dict.fromkeys(subjects, 1.0 / len(subjects))
                                            for term, subjects in owners.items()}
    for subject, words in curated.items():
        for term in {t for word in words for t in terms(word)}:
            by_subject = weights.setdefault(term, {})
            by_subject[subject] = by_subject.get(subject, 0.0) + CURATED_WEIGHT
    return weights


def normalize_query(query: str) -> str:
    """Whitespace folded and trailing punctuation removed; case kept so the query stays readable."""
    folded = " ".join(query.split())
    stripped = _TRAILING_PUNCTUATION.sub("", folded)
    return stripped or folded


def intent_of(lowered_query: str) -> str:
    """One of explain, how_to, compare, define, why, read from the form of the question."""
    for intent, pattern in _INTENT_RULES:
        if pattern.search(lowered_query):
            return intent
    return "explain"


def fallback_topic(lowered_query: str) -> str:
    """The main noun phrase: the query without its question lead and filler words (at most five words)."""
    body = _QUESTION_LEAD.sub("", lowered_query)
    words = [w for w in tokenize(body) if w not in _FALLBACK_DROP or w in ("and", "of")]
    while words and words[0] in ("and", "of"):
        words.pop(0)
    while words and words[-1] in ("and", "of"):
        words.pop()
    return " ".join(words[:5])

