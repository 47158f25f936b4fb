"""Answers of the curriculum routes: ingestion results and search hits."""

from typing import Literal

import msgspec

SubjectName = Literal["science", "mathematics", "history", "language arts"]


class DocumentIngested(msgspec.Struct, frozen=True):
    """What ingesting one document did: `added`, `replaced` or `unchanged` (same content hash)."""

    id: str
    status: Literal["added", "replaced", "unchanged"]
    chunks_indexed: int
    corpus_version: str


class PassageHit(msgspec.Struct, frozen=True):
    """A passage retrieval returned, with its hybrid score."""

    id: str
    title: str
    subject: str
    grade_band: str
    topic: str
    score: float
    source: str
    text: str


class CurriculumSearchView(msgspec.Struct, frozen=True):
    """The passages, best first, and the corpus version they came from."""

    corpus_version: str
    items: list[PassageHit]
