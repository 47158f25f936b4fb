"""RequestLesson: validation, capabilities, idempotency, commit before ring."""

from decimal import Decimal

import pytest

from application.errors import IdempotencyConflict, NotAllowed, UnsupportedModality
from application.use_cases.request_lesson import RequestLessonCommand
from domain.errors import InvalidValue
from domain.lesson_lifecycle import LessonStatus
from domain.modality import Modality
from tests.unit.application.conftest import World


def _command(world: World, **overrides: object) -> RequestLessonCommand:
    fields: dict[str, object] = {"actor": world.student, "student_query": "How do plants make food?",
                                 "grade_level": 4, "requested_modalities": ["text"]}
    fields.update(overrides)
    return RequestLessonCommand(**fields)  # type: ignore[arg-type]


@pytest.mark.req("RDS-001")
async def test_records_a_queued_lesson_and_rings_after_commit(world: World) -> None:
    result = await world.request_lesson().execute(_command(world, interest="Soccer"))
    stored = world.uow.db.lessons[result.lesson_id][0]
    assert stored.status is LessonStatus.QUEUED and stored.spec.interest and stored.spec.interest.value == "soccer"
    assert world.doorbell.rings == [result.lesson_id]
    assert world.uow.db.commits == 1
    assert result.estimated_cost.micros == 5 * 10_000  # five stages run for text


@pytest.mark.parametrize(("field", "value"), [("grade_level", 13), ("student_query", " "), ("interest", "<b>"),
                                              ("requested_modalities", ["smell"]), ("language", "xx!"),
                                              ("max_cost_usd", Decimal("-1"))])
@pytest.mark.req("RDS-002")
async def test_invalid_input_writes_nothing(world: World, field: str, value: object) -> None:
    with pytest.raises(InvalidValue):
        await world.request_lesson().execute(_command(world, **{field: value}))
    assert world.uow.db.lessons == {} and world.doorbell.rings == []


@pytest.mark.req("RDS-002")
async def test_modality_without_provider_is_refused_by_name(world: World) -> None:
    with pytest.raises(UnsupportedModality) as caught:
        await world.request_lesson().execute(_command(world, requested_modalities=["text", "video"]))
    assert caught.value.modalities == ("video",)
    assert world.uow.db.lessons == {}


@pytest.mark.req("RDS-001")
async def test_default_modality_is_video(world: World) -> None:
    available = frozenset(Modality)
    result = await world.request_lesson(available).execute(_command(world, requested_modalities=None))
    assert world.uow.db.lessons[result.lesson_id][0].spec.modalities.names() == ["video"]


@pytest.mark.req("RDS-019")
async def test_students_cannot_request_for_someone_else(world: World) -> None:
    with pytest.raises(NotAllowed):
        await world.request_lesson().execute(_command(world, student_id=world.other_student.user_id))


@pytest.mark.req("RDS-022")
async def test_idempotency_key_replays_and_refuses_another_body(world: World) -> None:
    use_case = world.request_lesson()
    first = await use_case.execute(_command(world, idempotency_key="k1"))
    again = await use_case.execute(_command(world, idempotency_key="k1"))
    assert again.lesson_id == first.lesson_id and again.replayed
    with pytest.raises(IdempotencyConflict):
        await use_case.execute(_command(world, idempotency_key="k1", grade_level=5))
    other = await use_case.execute(_command(world, actor=world.other_student, idempotency_key="k1"))
    assert other.lesson_id != first.lesson_id
    assert len(world.uow.db.lessons) == 2


@pytest.mark.req("RDS-017")
async def test_over_budget_video_degrades_to_the_first_affordable_rung_and_says_why(world: World) -> None:
    use_case = world.request_lesson(frozenset(Modality))  # the fake prices every stage it runs at one cent
    result = await use_case.execute(_command(world, requested_modalities=["video"], max_cost_usd=Decimal("0.065"),
                                             idempotency_key="budget"))
    lesson = world.uow.db.lessons[result.lesson_id][0]
    assert lesson.spec.modalities.names() == ["audio"]
    assert lesson.spec.requested_modalities.names() == ["video"]
    assert lesson.spec.degradation is not None and "above max_cost_usd $0.065" in lesson.spec.degradation.reason
    assert result.estimated_cost.micros == 6 * 10_000 <= 65_000
    notes = [line for line in lesson.ledger.lines if line.stage == "request"]
    assert len(notes) == 1 and notes[0].amount.micros == 0 and notes[0].note == lesson.spec.degradation.reason
    replay = await use_case.execute(_command(world, requested_modalities=["video"], max_cost_usd=Decimal("0.065"),
                                             idempotency_key="budget"))
    assert replay.replayed and replay.lesson_id == result.lesson_id


@pytest.mark.req("RDS-017")
async def test_a_budget_that_fits_changes_nothing(world: World) -> None:
    result = await world.request_lesson(frozenset(Modality)).execute(
        _command(world, requested_modalities=["video"], max_cost_usd=Decimal("0.08")))
    spec = world.uow.db.lessons[result.lesson_id][0].spec
    assert spec.modalities.names() == ["video"] and spec.degradation is None


@pytest.mark.req("RDS-017")
async def test_a_budget_below_the_cheapest_lesson_is_refused(world: World) -> None:
    with pytest.raises(InvalidValue) as refused:
        await world.request_lesson(frozenset(Modality)).execute(
            _command(world, requested_modalities=["video"], max_cost_usd=Decimal("0.04")))
    assert refused.value.code == "below_minimum" and "$0.05" in refused.value.message
    assert world.uow.db.lessons == {}
