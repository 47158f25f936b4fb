"""CostEstimator port: list prices for what a lesson will cost, and what skipping saves."""

from typing import Protocol

from domain.cost_ledger import CostLine
from domain.lesson_request import LessonSpec
from domain.stage import StageName


class CostEstimator(Protocol):
    """Prices stages at list price from the versioned price table."""

    def estimate(self, spec: LessonSpec) -> tuple[CostLine, ...]:
        """One `estimate` line per stage the request will run."""
        ...

    def saved_by_skipping(self, stage: StageName, spec: LessonSpec) -> tuple[CostLine, ...]:
        """The `saved` lines for a stage the request does not need."""
        ...

    def saved_by_reuse(self, stage: StageName, spec: LessonSpec) -> tuple[CostLine, ...]:
        """The `saved` lines for a stage whose output was copied from an identical finished lesson."""
        ...
