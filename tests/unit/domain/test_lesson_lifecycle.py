"""No sequence of events drives a lesson request into an illegal state."""

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import IllegalTransition
from domain.failure import Failure
from domain.lesson_lifecycle import TRANSITIONS, LessonEvent, LessonStatus, next_status
from domain.lesson_request import LessonRequest
from domain.stage import StageName, StageStatus
from tests.unit.factories import T0, a_lesson

pytestmark = pytest.mark.req("RDS-025")

ACTIONS = ["claim", "start", "finish", "skip", "fail", "reject", "complete", "cancel", "retry", "requeue"]


def _apply(lesson: LessonRequest, action: str, step: int) -> None:
    now = T0 + timedelta(seconds=step)
    stage = lesson.next_stage() or StageName.PUBLISH
    match action:
        case "claim":
            lesson.claim(now)
        case "start":
            lesson.start_stage(stage, now)
        case "finish":
            lesson.finish_stage(stage, now)
        case "skip":
            lesson.skip_stage(stage, now)
        case "fail":
            lesson.fail(Failure(stage.value, "boom", "it broke", retryable=True), now)
        case "reject":
            lesson.reject("not a school question", now)
        case "complete":
            lesson.complete(now)
        case "cancel":
            lesson.cancel(now)
        case "retry":
            lesson.retry(now)
        case "requeue":
            lesson.requeue(now)


def _check_invariants(lesson: LessonRequest, attempts_before: int) -> None:
    running = [r for r in lesson.stages.values() if r.status is StageStatus.RUNNING]
    assert len(running) <= 1
    if running:
        assert lesson.status is LessonStatus.RUNNING
    if lesson.status is LessonStatus.COMPLETED:
        assert all(r.status.is_finished for r in lesson.stages.values())
        assert lesson.progress == 100
    assert (lesson.failure is not None) == (lesson.status is LessonStatus.FAILED)
    assert (lesson.rejection_reason is not None) == (lesson.status is LessonStatus.REJECTED)
    assert lesson.attempt >= attempts_before
    assert 0 <= lesson.progress <= 100
    for record in lesson.stages.values():
        if record.status is StageStatus.SKIPPED:
            assert not lesson.plan.should_run(record.name)


@given(st.lists(st.sampled_from(ACTIONS), max_size=60), st.sampled_from([["text"], ["video"], ["text", "audio"]]))
def test_no_event_sequence_reaches_an_illegal_state(actions: list[str], modalities: list[str]) -> None:
    lesson = a_lesson(modalities=modalities)
    for step, action in enumerate(actions):
        before_status, before_attempt = lesson.status, lesson.attempt
        try:
            _apply(lesson, action, step)
        except IllegalTransition:
            assert lesson.status is before_status
        _check_invariants(lesson, before_attempt)


@pytest.mark.parametrize("status", list(LessonStatus))
@pytest.mark.parametrize("event", list(LessonEvent))
def test_transition_table_is_the_only_way(status: LessonStatus, event: LessonEvent) -> None:
    if (status, event) in TRANSITIONS:
        assert next_status(status, event) is TRANSITIONS[(status, event)]
    else:
        with pytest.raises(IllegalTransition):
            next_status(status, event)


def test_terminal_states_accept_nothing_but_retry_from_failed() -> None:
    for status in (LessonStatus.COMPLETED, LessonStatus.CANCELLED, LessonStatus.REJECTED):
        assert not [e for (s, e) in TRANSITIONS if s is status]
    assert [e for (s, e) in TRANSITIONS if s is LessonStatus.FAILED] == [LessonEvent.RETRY]


@pytest.mark.req("RDS-005", "RDS-028")
def test_retry_resumes_at_the_failed_stage() -> None:
    lesson = a_lesson()
    lesson.claim(T0)
    for stage in (StageName.UNDERSTAND, StageName.RETRIEVE):
        lesson.start_stage(stage, T0)
        lesson.finish_stage(stage, T0)
    lesson.start_stage(StageName.WRITE, T0)
    lesson.fail(Failure("write", "upstream", "model down", retryable=True), T0)
    lesson.retry(T0)
    assert lesson.status is LessonStatus.QUEUED
    assert lesson.next_stage() is StageName.WRITE
    assert lesson.stages[StageName.UNDERSTAND].status is StageStatus.COMPLETED
