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
    """A passage returned by retrieval, with its ranking score and its similarity to the question (the cosine
    of the question and the passage's vector; 1.0 when the search had no vectors to compare)."""

    passage: Passage
    score: float
    similarity: float = 1.0
