"""A provider outage parks a lesson: no delivery or stage attempt spent, upstream counts kept on the record."""

import pytest

from application.errors import UpstreamUnavailable
from application.ports.script_writer import ScriptBrief, WrittenScript
from application.upstream_tally import count_breaker_open, count_call, count_retry
from application.use_cases.process_lesson import LeasePolicy, ProcessLessonCommand
from application.use_cases.request_lesson import RequestLessonCommand
from domain.lesson_lifecycle import LessonStatus
from domain.stage import StageName
from tests.unit.application.conftest import World
from tests.unit.stage_fakes import FakeWriter

pytestmark = pytest.mark.req("RDS-073")

WORKER = ProcessLessonCommand(worker_id="w1")


class OutageWriter(FakeWriter):
    """Down (its breaker opening after two failed calls) for the first `outages` writes, then fine."""

    def __init__(self, outages: int) -> None:
        super().__init__()
        self.outages = outages

    async def write(self, brief: ScriptBrief) -> WrittenScript:
        if self.outages > 0:
            self.outages -= 1
            count_call()
            count_retry()
            count_call()
            count_breaker_open()
            raise UpstreamUnavailable("vertex/gemini", retry_after_s=5)
        return await super().write(brief)


async def test_an_outage_longer_than_every_delivery_is_waited_out(world: World) -> None:
    world.writer = OutageWriter(outages=6)
    result = await world.request_lesson().execute(RequestLessonCommand(
        actor=world.student, student_query="How do plants make food?", grade_level=4, requested_modalities=["text"]))
    process = world.process_lesson(LeasePolicy(max_deliveries=2))
    for _ in range(6):
        await process.execute(WORKER)
        lesson = world.uow.db.lessons[result.lesson_id][0]
        assert lesson.status is LessonStatus.QUEUED and lesson.deliveries == 0
        assert await process.execute(WORKER) is None  # parked until the breaker lets calls by
        world.clock.advance(5)
    await process.execute(WORKER)
    lesson = world.uow.db.lessons[result.lesson_id][0]
    write = lesson.stages[StageName.WRITE]
    assert lesson.status is LessonStatus.COMPLETED
    assert (write.attempts, write.upstream_calls, write.upstream_retries, write.breaker_opens) == (1, 12, 6, 6)
