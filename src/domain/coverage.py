"""Honest coverage: does the curriculum answer the question well enough to teach it, and if not, what is near?

A question is covered when a unit at the student's band, or at most one band away, covers it well enough: the
cosine between the question and what the unit is found by (its questions, title and direct answer), plus the
share of the question's terms the unit teaches, reaches `min_coverage`. A question whose key word no unit uses
("vikings", "pulley") loses its term share even when its wording resembles a unit. The threshold is calibrated
on one half of a labelled set of questions and measured on the other (`benchmarks/coverage_calibration.py`);
the README records both figures.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from domain.grade_level import GradeBand
from domain.passage import ScoredPassage

BAND_ORDER = (GradeBand.K_2, GradeBand.G3_5, GradeBand.G6_8, GradeBand.G9_12)
MAX_SUGGESTIONS = 3
NOT_COVERED_MESSAGE = ("Our curriculum does not teach this question yet, so we did not write a lesson that could "
                       "be wrong. A teacher can add a unit on it. Here are nearby topics we do teach.")


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A nearby topic the curriculum does cover."""

    title: str
    subject: str
    grade_band: GradeBand


def band_distance(first: GradeBand, second: GradeBand) -> int:
    """How many bands apart two bands are."""
    return abs(BAND_ORDER.index(first) - BAND_ORDER.index(second))


@dataclass(frozen=True, slots=True)
class CoveragePolicy:
    """Which retrieved passages may be taught from for a band, and when none may."""

    min_coverage: float
    max_band_distance: int = 1

    def teachable(self, found: Sequence[ScoredPassage], band: GradeBand) -> tuple[ScoredPassage, ...]:
        """The passages covering the question well enough and close enough in band, best first (empty: not
        covered)."""
        return tuple(p for p in found if p.coverage >= self.min_coverage
                     and band_distance(p.passage.grade_band, band) <= self.max_band_distance)


def suggestions_from(found: Sequence[ScoredPassage]) -> tuple[Suggestion, ...]:
    """Up to MAX_SUGGESTIONS distinct units among `found`, best first, as topics to offer instead."""
    seen: dict[str, Suggestion] = {}
    for scored in found:
        p = scored.passage
        seen.setdefault(p.title.lower(), Suggestion(p.title, p.subject, p.grade_band))
    return tuple(seen.values())[:MAX_SUGGESTIONS]
