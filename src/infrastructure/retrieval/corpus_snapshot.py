"""An immutable, searchable copy of the indexed curriculum: vectors, BM25 and topic centroids."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType

import numpy as np
from numpy.typing import NDArray

from application.ports.curriculum_repository import StoredChunk
from domain.chunking import document_id_of
from domain.coverage import BAND_ORDER
from domain.passage import Passage
from domain.teaching_unit import TeachingUnit
from infrastructure.offline.text_terms import terms
from infrastructure.retrieval.bm25 import Bm25

MIN_TERM_LETTERS = 3


def keyword_terms(chunk: StoredChunk) -> list[str]:
    """The BM25 terms of a passage: title and topic twice (a field weight), what its unit is found by (the
    questions it answers and its direct answer; the passage text for a chunk without a unit) and keywords."""
    passage = chunk.passage
    found_by = chunk.unit.search_text(passage.title) if chunk.unit is not None else passage.text
    return terms(" ".join((passage.title, passage.topic, passage.title, passage.topic, found_by, *chunk.keywords)))


@dataclass(frozen=True)
class TopicCentroids:
    """The unit mean vector of each (subject, topic) of the corpus."""

    labels: tuple[tuple[str, str], ...]
    matrix: NDArray[np.float32]


@dataclass(frozen=True)
class CorpusSnapshot:
    """Every chunk as a passage, row-aligned with its unit vector, with BM25 over the same rows, and the teaching
    unit of each document."""

    version: str
    passages: tuple[Passage, ...]
    keywords: Mapping[str, tuple[str, ...]]
    matrix: NDArray[np.float32]
    bm25: Bm25 = field(repr=False)
    units: Mapping[str, TeachingUnit] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, version: str, chunks: tuple[StoredChunk, ...], dimension: int) -> "CorpusSnapshot":
        """A snapshot over stored chunks (in their order)."""
        passages = tuple(c.passage for c in chunks)
        matrix = np.array([c.embedding for c in chunks], dtype=np.float32).reshape(len(chunks), dimension)
        bm25 = Bm25(keyword_terms(c) for c in chunks)
        keywords = MappingProxyType({c.passage.id: c.keywords for c in chunks})
        units = MappingProxyType({document_id_of(c.passage.id): c.unit for c in chunks if c.unit is not None})
        return cls(version=version, passages=passages, keywords=keywords, matrix=matrix, bm25=bm25, units=units)

    @cached_property
    def vocabularies(self) -> dict[str, frozenset[str]]:
        """The terms each passage's unit teaches (its whole text, questions, keywords and quiz), by passage id."""
        vocabularies = {}
        for passage in self.passages:
            unit = self.units.get(document_id_of(passage.id))
            texts = [passage.title, passage.topic, passage.text, *self.keywords.get(passage.id, ())]
            if unit is not None:
                texts += [*unit.questions, *(f"{item.question} {item.answer}" for item in unit.quiz)]
            vocabularies[passage.id] = frozenset(terms(" ".join(texts)))
        return vocabularies

    def term_shares(self, query: str, passage_ids: "list[str]") -> NDArray[np.float64]:
        """For each passage, the share of the query's terms (of three letters or more) its unit teaches (1.0 for a
        query without such terms)."""
        wanted = {term for term in terms(query) if len(term) >= MIN_TERM_LETTERS}
        if not wanted:
            return np.ones(len(passage_ids))
        empty: frozenset[str] = frozenset()
        return np.array([len(wanted & self.vocabularies.get(pid, empty)) / len(wanted) for pid in passage_ids])

    @cached_property
    def rows(self) -> dict[str, int]:
        """The row of each passage id."""
        return {p.id: row for row, p in enumerate(self.passages)}

    @cached_property
    def subjects(self) -> NDArray[np.str_]:
        """The subject of each row."""
        return np.array([p.subject for p in self.passages], dtype=np.str_)

    @cached_property
    def bands(self) -> NDArray[np.int64]:
        """The grade band of each row as its position in BAND_ORDER."""
        return np.array([BAND_ORDER.index(p.grade_band) for p in self.passages], dtype=np.int64)

    @cached_property
    def centroids(self) -> TopicCentroids:
        """Topic centroids: the normalised mean of each (subject, topic)'s chunk vectors."""
        groups: dict[tuple[str, str], list[int]] = {}
        for row, passage in enumerate(self.passages):
            groups.setdefault((passage.subject, passage.topic.lower()), []).append(row)
        labels = tuple(sorted(groups))
        if not labels:
            return TopicCentroids((), np.zeros((0, self.matrix.shape[1]), dtype=np.float32))
        means = np.stack([self.matrix[groups[label]].mean(axis=0) for label in labels])
        norms = np.linalg.norm(means, axis=1, keepdims=True)
        return TopicCentroids(labels, (means / np.clip(norms, 1e-12, None)).astype(np.float32))
