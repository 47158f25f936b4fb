"""ProcessLesson: stages in order, skips with savings, failures, resume, fencing."""

import asyncio
from uuid import UUID

import pytest

from application.errors import ConcurrentUpdate, LessonNotFound
from application.ports.actor import Actor
from application.ports.script_writer import ScriptBrief, WrittenScript
from application.use_cases.cancel_lesson import CancelLesson, CancelLessonCommand
from application.use_cases.process_lesson import LeasePolicy, ProcessLessonCommand
from application.use_cases.reconcile_leases import ReconcileLeases
from application.use_cases.request_lesson import RequestLessonCommand
from application.use_cases.retry_lesson import RetryLesson, RetryLessonCommand
from domain.lesson_lifecycle import LessonStatus
from domain.stage import StageName, StageStatus
from tests.unit.application.conftest import World
from tests.unit.stage_fakes import FakeWriter

WORKER = ProcessLessonCommand(worker_id="w1")


async def _queued(world: World, actor: Actor | None = None) -> UUID:
    result = await world.request_lesson().execute(RequestLessonCommand(
        actor=actor or world.student, student_query="How do plants make food?", grade_level=4,
        requested_modalities=["text"]))
    return result.lesson_id


@pytest.mark.req("RDS-006", "RDS-007")
async def test_runs_every_stage_and_records_savings_for_skipped_media(world: World) -> None:
    lesson_id = await _queued(world)
    assert await world.process_lesson().execute(WORKER) == lesson_id
    lesson = world.uow.db.lessons[lesson_id][0]
    assert lesson.status is LessonStatus.COMPLETED and lesson.progress == 100
    statuses = {name: r.status for name, r in lesson.stages.items()}
    assert statuses[StageName.RENDER_VIDEO] is StageStatus.SKIPPED
    assert statuses[StageName.PUBLISH] is StageStatus.COMPLETED
    assert {line.note for line in lesson.ledger.lines if line.kind.value == "saved"} == {
        "narrate skipped", "illustrate skipped", "render_video skipped"}
    assert lesson.script is not None and lesson.reading_level is not None
    assert [a.name for a in lesson.artifacts] == ["lesson.md"]
    assert all(r.duration_ms is not None for r in lesson.stages.values())


@pytest.mark.req("RDS-026")
async def test_nothing_to_do_returns_none(world: World) -> None:
    assert await world.process_lesson().execute(WORKER) is None


@pytest.mark.req("RDS-027")
async def test_retryable_failure_requeues_then_fails_after_the_delivery_limit(world: World) -> None:
    world.writer = FakeWriter(failures=10)
    lesson_id = await _queued(world)
    process = world.process_lesson(LeasePolicy(max_deliveries=2))
    await process.execute(WORKER)
    lesson = world.uow.db.lessons[lesson_id][0]
    assert lesson.status is LessonStatus.QUEUED and lesson.not_before is not None
    assert await process.execute(WORKER) is None  # not before the back-off
    world.clock.advance(60)
    await process.execute(WORKER)
    lesson = world.uow.db.lessons[lesson_id][0]
    assert lesson.status is LessonStatus.FAILED
    assert lesson.failure is not None
    assert (lesson.failure.stage, lesson.failure.code) == ("write", "upstream_unavailable")
    assert lesson.stages[StageName.RETRIEVE].attempts == 1  # finished stages were not re-run


@pytest.mark.req("RDS-005", "RDS-028")
async def test_retry_resumes_at_the_failed_stage_without_rerunning_finished_ones(world: World) -> None:
    world.writer = FakeWriter(failures=1, retryable=False)
    lesson_id = await _queued(world)
    await world.process_lesson().execute(WORKER)
    assert world.uow.db.lessons[lesson_id][0].status is LessonStatus.FAILED
    await RetryLesson(world.uow, world.clock, world.doorbell).execute(
        RetryLessonCommand(actor=world.student, lesson_id=lesson_id))
    await world.process_lesson().execute(WORKER)
    lesson = world.uow.db.lessons[lesson_id][0]
    assert lesson.status is LessonStatus.COMPLETED
    assert lesson.stages[StageName.UNDERSTAND].attempts == 1
    assert lesson.stages[StageName.WRITE].attempts == 2


@pytest.mark.req("RDS-009")
async def test_ungrounded_citation_fails_the_write_stage(world: World) -> None:
    world.writer = FakeWriter(cite="invented-passage")
    lesson_id = await _queued(world)
    await world.process_lesson(LeasePolicy(max_deliveries=1)).execute(WORKER)
    lesson = world.uow.db.lessons[lesson_id][0]
    assert lesson.failure is not None and lesson.failure.code == "ungrounded_citation"


@pytest.mark.req("RDS-013")
async def test_unsafe_question_is_rejected_with_a_readable_reason(world: World) -> None:
    result = await world.request_lesson().execute(RequestLessonCommand(
        actor=world.student, student_query="something forbidden", grade_level=4, requested_modalities=["text"]))
    await world.process_lesson().execute(WORKER)
    lesson = world.uow.db.lessons[result.lesson_id][0]
    assert lesson.status is LessonStatus.REJECTED and lesson.rejection_reason
    assert lesson.script is None


@pytest.mark.req("RDS-026", "RDS-027")
async def test_a_stale_fence_cannot_overwrite_newer_work(world: World) -> None:
    lesson_id = await _queued(world)
    async with world.uow() as uow:
        claimed = await uow.lessons.claim_next("w-old", world.clock.now(), world.clock.now())
        await uow.commit()
    assert claimed is not None
    world.clock.advance(5)
    reconcile = ReconcileLeases(world.uow, world.clock, world.doorbell, world.metrics, max_deliveries=3,
                                stale_after=LeasePolicy().lease)
    assert (await reconcile.execute()).requeued == 1
    await world.process_lesson().execute(WORKER)
    assert world.uow.db.lessons[lesson_id][0].status is LessonStatus.COMPLETED
    async with world.uow() as uow:
        with pytest.raises(ConcurrentUpdate):
            await uow.lessons.save(claimed, fence=claimed.attempt)


@pytest.mark.req("RDS-005", "RDS-019")
async def test_cancel_is_for_owner_or_admin(world: World) -> None:
    lesson_id = await _queued(world)
    cancel = CancelLesson(world.uow, world.clock, world.metrics)
    with pytest.raises(LessonNotFound):
        await cancel.execute(CancelLessonCommand(actor=world.other_student, lesson_id=lesson_id))
    cancelled = await cancel.execute(CancelLessonCommand(actor=world.admin, lesson_id=lesson_id))
    assert cancelled.status is LessonStatus.CANCELLED
    assert await world.process_lesson().execute(WORKER) is None


class BlockingWriter(FakeWriter):
    """Hangs, like an upstream that never answers; `entered` is set once it is called."""

    def __init__(self) -> None:
        super().__init__()
        self.entered = asyncio.Event()

    async def write(self, brief: ScriptBrief) -> WrittenScript:
        self.entered.set()
        await asyncio.sleep(30)
        return await super().write(brief)


@pytest.mark.req("RDS-060")
async def test_a_cancelled_worker_hands_its_lesson_back_to_the_queue(world: World) -> None:
    writer = BlockingWriter()
    world.writer = writer
    lesson_id = await _queued(world)
    task = asyncio.create_task(world.process_lesson().execute(WORKER))
    await asyncio.wait_for(writer.entered.wait(), 5)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    lesson = world.uow.db.lessons[lesson_id][0]
    assert lesson.status is LessonStatus.QUEUED
    assert lesson.stages[StageName.WRITE].status is StageStatus.PENDING
    assert lesson.stages[StageName.RETRIEVE].status is StageStatus.COMPLETED
