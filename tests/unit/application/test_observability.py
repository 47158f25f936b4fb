"""What the core tells the Metrics and LogContext ports: stage runs, costs, final statuses, the queue,
lease expiries; the student's text never reaches a log record above debug."""

import logging
from uuid import UUID

import pytest

from application.use_cases.cancel_lesson import CancelLesson, CancelLessonCommand
from application.use_cases.observe_queue import ObserveQueue
from application.use_cases.process_lesson import LeasePolicy, ProcessLessonCommand
from application.use_cases.reconcile_leases import ReconcileLeases
from application.use_cases.request_lesson import RequestLessonCommand
from tests.unit.application.conftest import World
from tests.unit.stage_fakes import FakeWriter

pytestmark = pytest.mark.req("RDS-068")

WORKER = ProcessLessonCommand(worker_id="w1")
QUERY = "How do plants make food for my pet hamster Nibbles?"
TRACE = "0123456789abcdef0123456789abcdef"


async def _queued(world: World) -> UUID:
    result = await world.request_lesson().execute(RequestLessonCommand(
        actor=world.student, student_query=QUERY, grade_level=4, requested_modalities=["text"], trace_id=TRACE))
    return result.lesson_id


async def test_a_completed_lesson_is_measured_stage_by_stage(world: World) -> None:
    lesson_id = await _queued(world)
    await world.process_lesson().execute(WORKER)
    assert world.metrics.lessons == {"completed": 1}
    ran = [(stage, outcome) for stage, _, outcome, _ in world.metrics.stage_runs]
    assert ran == [(s, "completed") for s in ("understand", "retrieve", "write", "check", "publish")]
    assert all(provider == "fake" and seconds >= 0 for _, provider, _, seconds in world.metrics.stage_runs)
    saved = {stage: usd for (kind, stage), usd in world.metrics.costs.items() if kind == "saved"}
    assert saved == pytest.approx({"narrate": 0.01, "illustrate": 0.01, "render_video": 0.01})
    assert world.log_context.bindings == [{"lesson_id": str(lesson_id), "trace_id": TRACE}]


async def test_failures_are_counted_by_stage_and_code_and_the_final_status_once(world: World) -> None:
    world.writer = FakeWriter(failures=10)
    await _queued(world)
    process = world.process_lesson(LeasePolicy(max_deliveries=2))
    await process.execute(WORKER)
    world.clock.advance(60)
    await process.execute(WORKER)
    assert world.metrics.stage_failures == {("write", "fake", "upstream_unavailable"): 2}
    outcomes = [outcome for stage, _, outcome, _ in world.metrics.stage_runs if stage == "write"]
    assert outcomes == ["requeued", "failed"]
    assert world.metrics.lessons == {"failed": 1}


async def test_the_reconciler_counts_lease_expiries_and_requeues(world: World) -> None:
    await _queued(world)
    async with world.uow() as uow:
        await uow.lessons.claim_next("gone", world.clock.now(), world.clock.now())
        await uow.commit()
    world.clock.advance(5)
    reconcile = ReconcileLeases(world.uow, world.clock, world.doorbell, world.metrics, max_deliveries=3,
                                stale_after=LeasePolicy().lease)
    await reconcile.execute()
    assert world.metrics.lease_expiries == 1
    assert world.metrics.requeues == {"lease_expired": 1}


async def test_the_queue_is_measured_by_depth_and_oldest_wait(world: World) -> None:
    observe = ObserveQueue(world.uow, world.clock, world.metrics)
    assert (await observe.execute()).depth == 0
    assert world.metrics.queue == (0, 0.0)
    await _queued(world)
    world.clock.advance(7)
    await _queued(world)
    world.clock.advance(3)
    observation = await observe.execute()
    assert (observation.depth, observation.oldest_age_seconds) == (2, 10.0)
    assert world.metrics.queue == (2, 10.0)


async def test_a_cancelled_lesson_is_counted(world: World) -> None:
    lesson_id = await _queued(world)
    await CancelLesson(world.uow, world.clock, world.metrics).execute(
        CancelLessonCommand(actor=world.student, lesson_id=lesson_id))
    assert world.metrics.lessons == {"cancelled": 1}


@pytest.mark.req("RDS-067")
async def test_the_student_text_is_logged_at_debug_only(world: World, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    await _queued(world)
    await world.process_lesson().execute(WORKER)
    events = [r.getMessage() for r in caplog.records if r.levelno > logging.DEBUG]
    assert {"lesson.requested", "lesson.claimed", "stage.started", "stage.finished", "lesson.completed"} <= set(events)
    loud = [r for r in caplog.records if r.levelno > logging.DEBUG]
    assert not [r for r in loud if "Nibbles" in repr(vars(r))]
    assert [r for r in caplog.records if r.levelno == logging.DEBUG and "Nibbles" in repr(vars(r))]
