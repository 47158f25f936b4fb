"""ProcessLesson: the stage runner a worker calls to take one lesson as far as it can go."""

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from datetime import timedelta
from uuid import UUID

from application.errors import ConcurrentUpdate, StageFailed, StorageError, UpstreamUnavailable
from application.ports.clock import Clock
from application.ports.cost_estimator import CostEstimator
from application.ports.log_context import LogContext
from application.ports.unit_of_work import UnitOfWorkFactory
from application.stages.stage_handler import StageHandler, StageOutcome
from application.stages.stage_reporter import StageReporter
from application.upstream_tally import tally_stage
from application.use_cases.reuse_finished_lesson import ReuseFinishedLesson
from domain.coverage import NOT_COVERED_MESSAGE
from domain.failure import Failure
from domain.lesson_request import LessonRequest
from domain.stage import StageName

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class LeasePolicy:
    """How long a claim lasts, how often it is renewed, how many deliveries a lesson gets, the retry delay."""

    lease: timedelta = timedelta(seconds=60)
    heartbeat: timedelta = timedelta(seconds=15)
    max_deliveries: int = 3
    retry_delay: timedelta = timedelta(seconds=2)


@dataclass(frozen=True, slots=True, kw_only=True)
class ProcessLessonCommand:
    """Which worker is asking for work."""

    worker_id: str


class ProcessLesson:
    """Claims the oldest ready lesson, runs its unfinished stages in order and records each one.

    Every stage's start and finish is committed under the attempt fence, so a worker that lost its
    lease (or a cancelled lesson) stops at its next save without overwriting newer work. A retryable
    failure re-queues the lesson while deliveries remain; otherwise the lesson fails with the stage and reason.
    Every log line written while a lesson runs carries its `lesson_id` and the `trace_id` of the request
    that created it; `reporter` logs and measures each stage.
    With `reuse`, a fresh lesson identical to a finished one is completed from it instead (no stage runs).
    """

    def __init__(
        self,
        uow: UnitOfWorkFactory,
        clock: Clock,
        handlers: Mapping[StageName, StageHandler],
        estimator: CostEstimator,
        policy: LeasePolicy,
        reporter: StageReporter,
        log_context: LogContext,
        reuse: ReuseFinishedLesson | None = None,
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._handlers = handlers
        self._estimator = estimator
        self._policy = policy
        self._reporter = reporter
        self._log_context = log_context
        self._reuse = reuse

    async def execute(self, command: ProcessLessonCommand) -> UUID | None:
        """Process one lesson; returns its id, or None when nothing was ready."""
        now = self._clock.now()
        async with self._uow() as uow:
            lesson = await uow.lessons.claim_next(command.worker_id, now, now + self._policy.lease)
            await uow.commit()
        if lesson is None:
            return None
        fields = {"lesson_id": str(lesson.id)} | ({"trace_id": lesson.trace_id} if lesson.trace_id else {})
        with self._log_context.bound(**fields):
            self._reporter.claimed(lesson, command.worker_id)
            await self._run_claimed(lesson, command.worker_id)
        return lesson.id

    async def _run_claimed(self, lesson: LessonRequest, worker_id: str) -> None:
        fence = lesson.attempt
        try:
            async with self._heartbeat(lesson.id, fence):
                if await self._reused(lesson):
                    reused = await self._save(lesson, fence)
                    self._reporter.reused(reused)
                    self._reporter.ended(reused)
                else:
                    await self._run_stages(lesson, fence)
        except ConcurrentUpdate:
            log.info("lesson.superseded", extra={"worker_id": worker_id, "attempt": fence})
        except asyncio.CancelledError:
            await asyncio.shield(self._release(lesson.id, fence))
            raise

    async def _reused(self, lesson: LessonRequest) -> bool:
        """Completed from an identical finished lesson; a storage fault only means the stages run."""
        if self._reuse is None:
            return False
        try:
            return await self._reuse.apply(lesson)
        except StorageError as error:
            log.warning("lesson.reuse_failed", extra={"reason": str(error)})
            return False

    async def _release(self, lesson_id: UUID, fence: int) -> None:
        """Hand an interrupted lesson straight back to the queue (a draining worker), if the fence still holds."""
        try:
            async with self._uow() as uow:
                current = await uow.lessons.get(lesson_id)
                if current is None or current.attempt != fence or current.status.is_terminal:
                    return
                current.requeue(self._clock.now())
                await uow.lessons.save(current, fence=fence)
                await uow.commit()
            log.info("lesson.released", extra={"attempt": fence})
        except (ConcurrentUpdate, StorageError):
            log.warning("lesson.release_failed", extra={"attempt": fence})

    async def _run_stages(self, lesson: LessonRequest, fence: int) -> None:
        for stage in StageName:
            if lesson.stages[stage].status.is_finished:
                continue
            if not lesson.plan.should_run(stage):
                saved = self._estimator.saved_by_skipping(stage, lesson.spec)
                lesson.skip_stage(stage, self._clock.now(), saved)
                lesson = await self._save(lesson, fence)
                self._reporter.skipped(stage, saved)
                continue
            lesson.start_stage(stage, self._clock.now())
            lesson = await self._save(lesson, fence)
            self._reporter.started(stage)
            try:
                outcome = await self._run_counted(lesson, stage)
            except UpstreamUnavailable as error:
                await self._park(lesson, fence, stage, error)
                return
            except StageFailed as error:
                await self._fail(lesson, fence, stage, error.code, error.message, error.retryable)
                return
            except StorageError as error:
                await self._fail(lesson, fence, stage, "storage_error", str(error), error.retryable)
                return
            if outcome.rejection is not None or outcome.not_covered is not None:
                if outcome.rejection is not None:
                    lesson.reject(outcome.rejection, self._clock.now())
                else:
                    lesson.not_covered(NOT_COVERED_MESSAGE, outcome.not_covered or (), self._clock.now())
                ended = await self._save(lesson, fence)
                self._reporter.finished(ended, stage, outcome.cost_lines)
                self._reporter.ended(ended)
                return
            lesson.finish_stage(stage, self._clock.now(), outcome.cost_lines)
            if stage is StageName.PUBLISH:
                lesson.complete(self._clock.now())
            lesson = await self._save(lesson, fence)
            self._reporter.finished(lesson, stage, outcome.cost_lines)
            if lesson.status.is_terminal:
                self._reporter.ended(lesson)

    async def _run_counted(self, lesson: LessonRequest, stage: StageName) -> StageOutcome:
        """Run the stage's handler; its provider calls, retries and breaker opens go on its record either way."""
        with tally_stage() as tally:
            try:
                return await self._handlers[stage].run(lesson)
            finally:
                lesson.record_upstream(stage, tally.calls, tally.retries, tally.breaker_opens)
                self._reporter.upstream(stage, tally.retries)

    async def _park(self, lesson: LessonRequest, fence: int, stage: StageName, error: UpstreamUnavailable) -> None:
        """A provider's circuit is open: wait it out in the queue without spending a delivery."""
        now = self._clock.now()
        self._reporter.parked(stage, error.message, error.retry_after_s)
        lesson.park(now, now + timedelta(seconds=error.retry_after_s))
        await self._save(lesson, fence)

    async def _fail(
        self, lesson: LessonRequest, fence: int, stage: StageName, code: str, message: str, retryable: bool
    ) -> None:
        now = self._clock.now()
        requeue = retryable and lesson.deliveries < self._policy.max_deliveries
        self._reporter.failed(lesson, stage, code, message, retryable=retryable, requeued=requeue, now=now)
        if requeue:
            delay = self._policy.retry_delay * (2 ** (lesson.deliveries - 1))
            lesson.requeue(now, not_before=now + delay)
        else:
            lesson.fail(Failure(stage=stage.value, code=code, message=message, retryable=retryable), now)
        saved = await self._save(lesson, fence)
        if saved.status.is_terminal:
            self._reporter.ended(saved)

    async def _save(self, lesson: LessonRequest, fence: int) -> LessonRequest:
        async with self._uow() as uow:
            saved = await uow.lessons.save(lesson, fence=fence)
            await uow.lessons.extend_lease(saved.id, fence, self._clock.now() + self._policy.lease)
            await uow.commit()
        return saved

    @contextlib.asynccontextmanager
    async def _heartbeat(self, lesson_id: UUID, fence: int) -> AsyncIterator[None]:
        async def beat() -> None:
            while True:
                await asyncio.sleep(self._policy.heartbeat.total_seconds())
                async with self._uow() as uow:
                    kept = await uow.lessons.extend_lease(lesson_id, fence, self._clock.now() + self._policy.lease)
                    await uow.commit()
                if not kept:
                    return

        task = asyncio.create_task(beat())
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, StorageError):
                await task
