"""StageReporter: the stage runner's events as log lines and metrics, in one place.

Log lines carry ids, stages, durations, costs and error codes; never the student's text (that appears
only at debug level, and only where a person debugging needs it).
"""

import logging
from collections.abc import Mapping
from datetime import datetime

from application.ports.metrics import Metrics
from domain.cost_ledger import CostKind, CostLine
from domain.lesson_request import LessonRequest
from domain.stage import StageName

log = logging.getLogger("lessonsmith.pipeline")


def _usd(lines: tuple[CostLine, ...], kind: CostKind) -> float:
    return float(sum(line.amount.usd for line in lines if line.kind is kind))


class StageReporter:
    """Turns claim, stage and end-of-lesson events into `lesson.*` / `stage.*` log events and metrics."""

    def __init__(self, metrics: Metrics, providers: Mapping[StageName, str]) -> None:
        self._metrics = metrics
        self._providers = providers

    def provider(self, stage: StageName) -> str:
        """The provider behind `stage` (a metric label)."""
        return self._providers.get(stage, "unknown")

    def claimed(self, lesson: LessonRequest, worker_id: str) -> None:
        """A worker leased the lesson."""
        resume = lesson.next_stage()
        log.info("lesson.claimed", extra={"worker_id": worker_id, "attempt": lesson.attempt,
                                          "deliveries": lesson.deliveries,
                                          "resume_at": resume.value if resume else None})

    def started(self, stage: StageName) -> None:
        """A stage began."""
        log.info("stage.started", extra={"stage": stage.value, "provider": self.provider(stage)})

    def finished(self, lesson: LessonRequest, stage: StageName, lines: tuple[CostLine, ...]) -> None:
        """A stage completed (call after recording it on the lesson)."""
        duration_ms = lesson.stages[stage].duration_ms or 0
        provider = self.provider(stage)
        spent = _usd(lines, CostKind.SPENT)
        log.info("stage.finished", extra={"stage": stage.value, "provider": provider, "duration_ms": duration_ms,
                                          "cost_usd": spent})
        self._metrics.stage_finished(stage.value, provider, "completed", duration_ms / 1000)
        self._metrics.cost_recorded("spent", stage.value, provider, spent)

    def skipped(self, stage: StageName, lines: tuple[CostLine, ...]) -> None:
        """A stage the modalities do not need was skipped; what that saved at list price."""
        saved = _usd(lines, CostKind.SAVED)
        log.info("stage.skipped", extra={"stage": stage.value, "saved_usd": saved})
        self._metrics.cost_recorded("saved", stage.value, self.provider(stage), saved)

    def failed(self, lesson: LessonRequest, stage: StageName, code: str, message: str, *, retryable: bool,
               requeued: bool, now: datetime) -> None:
        """A stage failed; `requeued` when the lesson goes back in line for another delivery."""
        started = lesson.stages[stage].started_at
        duration_ms = round((now - started).total_seconds() * 1000) if started is not None else 0
        provider = self.provider(stage)
        log.warning("stage.failed", extra={"stage": stage.value, "provider": provider, "code": code,
                                           "reason": message, "retryable": retryable, "requeued": requeued,
                                           "duration_ms": duration_ms, "deliveries": lesson.deliveries})
        self._metrics.stage_failed(stage.value, provider, code)
        self._metrics.stage_finished(stage.value, provider, "requeued" if requeued else "failed",
                                     max(duration_ms, 0) / 1000)

    def upstream(self, stage: StageName, retries: int) -> None:
        """The stage's provider calls were retried `retries` times."""
        provider = self.provider(stage)
        for _ in range(retries):
            self._metrics.record_upstream_retry(provider)

    def parked(self, stage: StageName, reason: str, retry_after_s: float) -> None:
        """The stage's provider is known to be down: the lesson waits in the queue, spending no delivery."""
        log.warning("stage.parked", extra={"stage": stage.value, "provider": self.provider(stage), "reason": reason,
                                           "retry_after_s": round(retry_after_s, 1)})

    def reused(self, lesson: LessonRequest) -> None:
        """The lesson was completed from an identical finished one: every stage's saving, at list price."""
        for stage in StageName:
            saved = _usd(tuple(line for line in lesson.ledger.lines if line.stage == stage.value), CostKind.SAVED)
            self._metrics.cost_recorded("saved", stage.value, self.provider(stage), saved)
        log.info("lesson.reused", extra={"saved_usd": float(lesson.ledger.saved.usd)})

    def ended(self, lesson: LessonRequest) -> None:
        """The lesson reached a final status."""
        status = lesson.status.value
        extra: dict[str, object] = {"status": status, "total_usd": float(lesson.ledger.spent.usd),
                                    "saved_usd": float(lesson.ledger.saved.usd),
                                    "duration_ms": round((lesson.updated_at - lesson.created_at).total_seconds()
                                                         * 1000)}
        if lesson.rejection_reason is not None:
            extra["reason"] = lesson.rejection_reason
        if lesson.failure is not None:
            extra.update(stage=lesson.failure.stage, code=lesson.failure.code)
        log.log(logging.WARNING if status == "failed" else logging.INFO, f"lesson.{status}", extra=extra)
        self._metrics.lesson_finished(status)
