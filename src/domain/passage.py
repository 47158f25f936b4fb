"""Curriculum passages that lessons are grounded in."""

from dataclasses import dataclass

from domain.grade_level import GradeBand


@dataclass(frozen=True, slots=True)
class Passage:
    """A citable piece of curriculum text with its subject and grade band."""

    id: str
    title: str
    subject: str
    grade_band: GradeBand
    topic: str
    text: str
    source: str = "Lessonsmith curriculum"


@dataclass(frozen=True, slots=True)
class ScoredPassage:
    """A passage returned by retrieval, with its relevance score."""

    passage: Passage
    score: float
