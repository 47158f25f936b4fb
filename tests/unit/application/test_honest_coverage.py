"""Honest coverage: a question no unit answers well enough ends `not_covered`, with nearby topics, before any
media is paid for; a unit more than one band away never teaches."""

from collections.abc import Sequence

import pytest

from application.use_cases.process_lesson import ProcessLessonCommand
from application.use_cases.request_lesson import RequestLessonCommand
from domain.coverage import NOT_COVERED_MESSAGE, CoveragePolicy, suggestions_from
from domain.grade_level import GradeBand
from domain.lesson_lifecycle import LessonStatus
from domain.modality import Modality
from domain.passage import Passage, ScoredPassage
from domain.stage import StageName, StageStatus
from tests.unit.application.conftest import World
from tests.unit.stage_fakes import FakeIndex

pytestmark = pytest.mark.req("RDS-076")


def passage(pid: str, band: GradeBand, title: str | None = None) -> Passage:
    return Passage(id=pid, title=title or pid.title(), subject="mathematics", grade_band=band, topic=pid, text="x")


class ScoredIndex(FakeIndex):
    """Returns the given passages with the given similarities, whatever the query."""

    def __init__(self, found: Sequence[ScoredPassage]) -> None:
        super().__init__(tuple(f.passage for f in found))
        self.found = tuple(found)

    async def search(self, query: str, grade_band: GradeBand, subject: str | None, k: int
                     ) -> tuple[ScoredPassage, ...]:
        return self.found[:k]


POLICY = CoveragePolicy(min_coverage=1.5)


def test_only_similar_units_within_one_band_are_teachable() -> None:
    near = ScoredPassage(passage("linear-functions", GradeBand.G6_8), 0.9, similarity=0.62)
    weak = ScoredPassage(passage("slope", GradeBand.G9_12), 0.8, similarity=0.41)
    far = ScoredPassage(passage("counting", GradeBand.K_2), 0.7, similarity=0.9)
    unknown_word = ScoredPassage(passage("graphs", GradeBand.G9_12), 0.9, similarity=0.7, term_share=0.5)
    assert POLICY.teachable([near, weak, far, unknown_word], GradeBand.G9_12) == (near,)
    assert POLICY.teachable([weak, far], GradeBand.G9_12) == ()


def test_suggestions_are_up_to_three_distinct_topics_best_first() -> None:
    found = [ScoredPassage(passage(f"p{n}", GradeBand.G6_8, title=t), 0.5) for n, t in
             enumerate(["Slope", "Slope", "Linear Functions", "Graphs", "Ratios"])]
    assert [s.title for s in suggestions_from(found)] == ["Slope", "Linear Functions", "Graphs"]


async def _run(world: World, query: str, grade: int) -> tuple[LessonStatus, object]:
    queued = await world.request_lesson(frozenset(Modality)).execute(RequestLessonCommand(
        actor=world.student, student_query=query, grade_level=grade, requested_modalities=["text", "audio", "video"]))
    await world.process_lesson().execute(ProcessLessonCommand(worker_id="w1"))
    lesson = world.uow.db.lessons[queued.lesson_id][0]
    return lesson.status, lesson


async def test_an_uncovered_question_ends_not_covered_before_any_media_with_suggestions(world: World) -> None:
    world.index = ScoredIndex([ScoredPassage(passage("linear-functions", GradeBand.G9_12, "Linear Functions"),
                                             0.4, similarity=0.3)])
    status, lesson = await _run(world, "What is a derivative?", 12)
    assert status is LessonStatus.NOT_COVERED and status.is_terminal
    assert lesson.failure is not None  # type: ignore[attr-defined]
    failure = lesson.failure  # type: ignore[attr-defined]
    assert (failure.stage, failure.code, failure.retryable) == ("retrieve", "not_covered", False)
    assert failure.message == NOT_COVERED_MESSAGE
    assert [s.title for s in lesson.suggestions] == ["Linear Functions"]  # type: ignore[attr-defined]
    stages = lesson.stages  # type: ignore[attr-defined]
    assert all(stages[s].status is StageStatus.PENDING for s in (StageName.WRITE, StageName.NARRATE,
                                                                 StageName.RENDER_VIDEO))
    assert not lesson.artifacts and lesson.ledger.spent.micros == 0  # type: ignore[attr-defined]


async def test_a_question_nothing_resembles_is_rejected_as_out_of_scope(world: World) -> None:
    world.index = ScoredIndex([])
    status, lesson = await _run(world, "Who will win the game tonight?", 4)
    assert status is LessonStatus.REJECTED and "curriculum" in lesson.rejection_reason  # type: ignore[attr-defined]


async def test_a_covered_question_completes(world: World) -> None:
    world.index = ScoredIndex([ScoredPassage(passage("fractions", GradeBand.G3_5), 0.9, similarity=0.8)])
    status, _ = await _run(world, "How do I add fractions?", 4)
    assert status is LessonStatus.COMPLETED
