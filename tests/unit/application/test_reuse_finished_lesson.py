"""Reuse: an identical request is completed from a finished lesson without running a stage again."""

from uuid import UUID

import pytest

from application.ports.actor import Actor
from application.ports.generation_versions import GenerationVersionsSource
from application.use_cases.process_lesson import ProcessLesson, ProcessLessonCommand
from application.use_cases.request_lesson import RequestLessonCommand
from application.use_cases.reuse_finished_lesson import ReuseFinishedLesson
from domain.content_key import GenerationVersions
from domain.cost_ledger import CostKind
from domain.lesson_lifecycle import LessonStatus
from domain.stage import StageName, StageStatus
from tests.unit.application.conftest import World
from tests.unit.stage_fakes import FakeEstimator

pytestmark = pytest.mark.req("RDS-071")

WORKER = ProcessLessonCommand(worker_id="w1")


class Versions(GenerationVersionsSource):
    """Versions the test changes at will."""

    def __init__(self) -> None:
        self.now = GenerationVersions(corpus="c1", model="m1", prompt="p1")

    async def current(self) -> GenerationVersions:
        return self.now


def processor(world: World, versions: Versions) -> ProcessLesson:
    reuse = ReuseFinishedLesson(world.uow, world.clock, world.store, FakeEstimator(), versions)
    return world.process_lesson(reuse=reuse)


async def finished(world: World, process: ProcessLesson, actor: Actor, query: str = "How do plants make food?",
                   grade: int = 4) -> UUID:
    result = await world.request_lesson().execute(RequestLessonCommand(
        actor=actor, student_query=query, grade_level=grade, interest="Soccer", requested_modalities=["text"]))
    assert await process.execute(WORKER) == result.lesson_id
    return result.lesson_id


async def test_an_identical_request_is_completed_from_the_finished_lesson(world: World) -> None:
    process = processor(world, Versions())
    first_id = await finished(world, process, world.student)
    writes_before, writer_calls = world.store.writes, world.writer.calls
    second_id = await finished(world, process, world.other_student, query="  how do PLANTS make food ", grade=5)
    assert writer_calls >= 1 and world.writer.calls == writer_calls  # no paid call for the second lesson
    first, second = world.uow.db.lessons[first_id][0], world.uow.db.lessons[second_id][0]
    assert second.status is LessonStatus.COMPLETED and second.owner_id == world.other_student.user_id
    assert second.content_key == first.content_key and second.script == first.script
    assert second.passages == first.passages and second.artifacts == first.artifacts
    assert second.corpus_version == first.corpus_version and second.grounding == first.grounding
    assert second.reading_level == first.reading_level
    assert world.store.objects[f"lessons/{second_id}/publish/lesson.md"] == \
        world.store.objects[f"lessons/{first_id}/publish/lesson.md"]
    assert world.store.writes == writes_before + 1  # its own copy of lesson.md, nothing else
    runs = [s for s in StageName if second.plan.should_run(s)]
    assert all(second.stages[s].status is StageStatus.COMPLETED for s in runs)
    assert second.ledger.spent.micros == 0
    reused = {line.stage for line in second.ledger.lines if line.kind is CostKind.SAVED and line.note == "reused"}
    assert reused == {s.value for s in runs}
    assert second.ledger.saved.micros == 10_000 * len(StageName)  # reused stages + skipped media


def was_reused(world: World, lesson_id: UUID) -> bool:
    lesson = world.uow.db.lessons[lesson_id][0]
    return any(line.kind is CostKind.SAVED and line.note == "reused" for line in lesson.ledger.lines)


async def test_another_corpus_band_or_interest_is_generated_anew(world: World) -> None:
    versions = Versions()
    process = processor(world, versions)
    ids = [await finished(world, process, world.student)]
    ids.append(await finished(world, process, world.student, grade=7))  # another grade band
    versions.now = GenerationVersions(corpus="c2", model="m1", prompt="p1")
    ids.append(await finished(world, process, world.student))  # the corpus changed
    versions.now = GenerationVersions(corpus="c2", model="m1", prompt="p2")
    ids.append(await finished(world, process, world.student))  # the prompts changed
    assert [was_reused(world, i) for i in ids] == [False] * 4
    assert len({world.uow.db.lessons[i][0].content_key for i in ids}) == 4
    ids.append(await finished(world, process, world.student))  # nothing changed: this one is reused
    assert was_reused(world, ids[-1])


async def test_a_donor_whose_files_are_gone_is_not_reused_and_the_stages_run(world: World) -> None:
    process = processor(world, Versions())
    first_id = await finished(world, process, world.student)
    per_lesson = world.writer.calls
    del world.store.objects[f"lessons/{first_id}/publish/lesson.md"]
    second_id = await finished(world, process, world.other_student)
    assert world.writer.calls == 2 * per_lesson and world.uow.db.lessons[second_id][0].status is LessonStatus.COMPLETED
