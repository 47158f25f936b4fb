"""Per-user lesson limits in RequestLesson: rate per minute, daily quota, daily budget (0 = unlimited)."""

from datetime import timedelta

import pytest

from application.errors import RateLimited, TokenRevoked
from application.limits.lesson_limits import LessonLimitPolicy, LessonLimits, start_of_day
from application.use_cases.request_lesson import RequestLesson, RequestLessonCommand
from domain.modality import Modality
from domain.money import Money
from infrastructure.limits.in_process_rate_counter import InProcessRateCounter
from infrastructure.limits.local_admission_gate import LocalAdmissionGate
from tests.unit.application.conftest import World
from tests.unit.fakes import FakeDenyList, FakeIds
from tests.unit.stage_fakes import FakeEstimator

pytestmark = pytest.mark.req("RDS-024")

LESSON_MICROS = 5 * 10_000  # the fake estimator prices a text lesson's five stages at one cent each


def _use_case(world: World, deny_list: FakeDenyList | None = None, **policy: object) -> RequestLesson:
    gate = LocalAdmissionGate(deny_list or FakeDenyList(), InProcessRateCounter(world.clock))
    limits = LessonLimits(gate, LessonLimitPolicy(**policy))  # type: ignore[arg-type]
    return RequestLesson(world.uow, world.clock, FakeIds(), world.doorbell, FakeEstimator(),
                         frozenset({Modality.TEXT}), limits)


def _command(world: World, key: str | None = None, token_id: str | None = None) -> RequestLessonCommand:
    return RequestLessonCommand(actor=world.student, student_query="How do plants make food?", grade_level=4,
                                requested_modalities=["text"], idempotency_key=key, token_id=token_id)


async def test_a_revoked_token_is_refused_before_it_counts_or_writes(world: World) -> None:
    deny_list = FakeDenyList()
    deny_list.revoked.add("old")
    use_case = _use_case(world, deny_list, per_minute=1)
    for _ in range(3):
        with pytest.raises(TokenRevoked):
            await use_case.execute(_command(world, token_id="old"))
    assert world.uow.db.lessons == {} and deny_list.lookups == 3
    await use_case.execute(_command(world, token_id="current"))  # the revoked attempts used none of the minute
    with pytest.raises(RateLimited):
        await use_case.execute(_command(world, token_id="current"))


async def test_the_rate_limit_refuses_past_the_minute_and_opens_again(world: World) -> None:
    use_case = _use_case(world, per_minute=2)
    await use_case.execute(_command(world))
    world.clock.advance(10)
    await use_case.execute(_command(world))
    with pytest.raises(RateLimited) as refused:
        await use_case.execute(_command(world))
    assert refused.value.code == "rate_limited" and refused.value.retry_after_s == 50
    assert len(world.uow.db.lessons) == 2
    world.clock.advance(50)
    await use_case.execute(_command(world))
    assert len(world.uow.db.lessons) == 3


async def test_the_daily_quota_counts_today_and_spares_replays(world: World) -> None:
    use_case = _use_case(world, daily_lessons=2)
    first = await use_case.execute(_command(world, key="k"))
    await use_case.execute(_command(world))
    with pytest.raises(RateLimited) as refused:
        await use_case.execute(_command(world))
    tomorrow = start_of_day(world.clock.now()) + timedelta(days=1)
    assert refused.value.code == "daily_quota"
    assert refused.value.retry_after_s == int((tomorrow - world.clock.now()).total_seconds()) + 1
    assert (await use_case.execute(_command(world, key="k"))).lesson_id == first.lesson_id
    world.clock.current = tomorrow
    await use_case.execute(_command(world))


async def test_the_daily_budget_sums_todays_estimates(world: World) -> None:
    use_case = _use_case(world, daily_budget=Money(2 * LESSON_MICROS + 1))
    await use_case.execute(_command(world))
    await use_case.execute(_command(world))
    with pytest.raises(RateLimited) as refused:
        await use_case.execute(_command(world))
    assert refused.value.code == "daily_budget" and "$0.10" in str(refused.value)


async def test_limits_are_per_user_and_zero_means_unlimited(world: World) -> None:
    limited = _use_case(world, per_minute=1, daily_lessons=1)
    await limited.execute(_command(world))
    other = RequestLessonCommand(actor=world.other_student, student_query="Why is the sky blue?", grade_level=4,
                                 requested_modalities=["text"])
    await limited.execute(other)
    unlimited = _use_case(world)
    for _ in range(5):
        await unlimited.execute(_command(world))
    assert len(world.uow.db.lessons) == 7
