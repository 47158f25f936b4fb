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
    """A passage returned by retrieval, with its ranking score, its similarity to the question (the cosine of the
    question and the passage's vector; 1.0 when the search had no vectors to compare) and the share of the
    question's terms its unit teaches (1.0 when unknown)."""

    passage: Passage
    score: float
    similarity: float = 1.0
    term_share: float = 1.0

    @property
    def coverage(self) -> float:
        """How well the passage's unit covers the question: similarity plus term share (0 to 2)."""
        return self.similarity + self.term_share
