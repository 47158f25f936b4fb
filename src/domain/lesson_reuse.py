"""Finishing a lesson from an identical finished one: no stage runs again, the ledger records what that saved."""

from collections.abc import Mapping
from datetime import datetime

from domain.artifact import Artifact
from domain.cost_ledger import CostKind, CostLine
from domain.errors import IllegalTransition
from domain.lesson_lifecycle import LessonStatus
from domain.lesson_request import LessonRequest
from domain.stage import StageName


def complete_from(lesson: LessonRequest, donor: LessonRequest, artifacts: tuple[Artifact, ...], now: datetime,
                  saved: Mapping[StageName, tuple[CostLine, ...]]) -> None:
    """Complete the running, untouched `lesson` with the outputs of the completed `donor` (same content key).

    Every stage `lesson` would run is completed at no spend and records its `saved` lines (what running it
    would have cost at list price); a stage it does not need is skipped with its `saved` lines, as usual.
    `artifacts` are the donor's files, already stored again under `lesson`'s own keys.
    """
    if donor.status is not LessonStatus.COMPLETED or donor.script is None:
        raise IllegalTransition(donor.status.value, "reuse as a finished lesson")
    if lesson.next_stage() is not StageName.UNDERSTAND:
        raise IllegalTransition("started", "reuse a finished lesson")
    for stage in StageName:
        lines = tuple(line for line in saved.get(stage, ()) if line.kind is CostKind.SAVED)
        if not lesson.plan.should_run(stage):
            lesson.skip_stage(stage, now, lines)
            continue
        lesson.start_stage(stage, now)
        lesson.finish_stage(stage, now)
        lesson.ledger = lesson.ledger.without_stage(stage.value, CostKind.SAVED).add(lines)
    if donor.understanding is not None:
        lesson.record_understanding(donor.understanding)
    lesson.record_passages(donor.passages, donor.corpus_version)
    lesson.record_script(donor.script, donor.reading_level)
    if donor.grounding is not None:
        lesson.record_grounding(donor.grounding)
    lesson.record_artifacts(artifacts)
    lesson.complete(now)
