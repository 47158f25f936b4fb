"""ScriptWriter port: writes the lesson script from retrieved passages."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from domain.cost_ledger import CostLine
from domain.grade_level import GradeLevel
from domain.interest import Interest
from domain.lesson_script import LessonScript
from domain.passage import ScoredPassage
from domain.teaching_unit import TeachingUnit
from domain.understanding import Understanding


@dataclass(frozen=True, slots=True)
class ScriptBrief:
    """Everything the writer may use; the student's words arrive only as data inside it.

    `units` holds the teaching unit of each passage (by passage id). `reading_adjustment` asks for simpler
    (positive) or richer (negative) wording than the grade's default; the check stage raises it when a draft
    reads outside the grade's band.
    """

    understanding: Understanding
    grade: GradeLevel
    interest: Interest | None
    passages: tuple[ScoredPassage, ...]
    units: Mapping[str, TeachingUnit] = field(default_factory=dict)
    reading_adjustment: int = 0


@dataclass(frozen=True, slots=True)
class WrittenScript:
    """A script and the cost lines of writing it."""

    script: LessonScript
    cost_lines: tuple[CostLine, ...]


class ScriptWriter(Protocol):
    """Composes a grounded lesson citing only the brief's passages. Raises StageFailed/UpstreamError."""

    async def write(self, brief: ScriptBrief) -> WrittenScript:
        """The lesson script for the brief."""
        ...
