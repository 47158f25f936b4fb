"""StageHandler: the contract every pipeline stage implements."""

from dataclasses import dataclass
from typing import Protocol

from domain.cost_ledger import CostLine
from domain.coverage import Suggestion
from domain.lesson_request import LessonRequest
from domain.stage import StageName


@dataclass(frozen=True, slots=True)
class StageOutcome:
    """What a stage run produced besides the outputs it recorded on the lesson.

    `rejection` ends the lesson as rejected with that student-readable reason; `not_covered` ends it as not
    covered by the curriculum, with the nearby topics that are.
    """

    cost_lines: tuple[CostLine, ...] = ()
    rejection: str | None = None
    not_covered: tuple[Suggestion, ...] | None = None


class StageHandler(Protocol):
    """Runs one stage for one lesson: reads earlier outputs from the lesson, records its own on it.

    Raises StageFailed (or UpstreamError) with a stable code; must be safe to run again.
    """

    stage: StageName

    async def run(self, lesson: LessonRequest) -> StageOutcome:
        """Do the stage's work for `lesson`."""
        ...
