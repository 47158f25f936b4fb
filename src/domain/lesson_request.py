"""The lesson request aggregate: one student's question on its way to a finished lesson."""

from dataclasses import dataclass, field, replace
from datetime import datetime
from uuid import UUID

from domain.artifact import Artifact
from domain.budget import Degradation
from domain.cost_ledger import CostKind, CostLedger, CostLine
from domain.coverage import Suggestion
from domain.errors import IllegalTransition
from domain.failure import Failure
from domain.grade_level import GradeLevel
from domain.grounding import GroundingReport
from domain.interest import Interest
from domain.language import Language
from domain.lesson_lifecycle import LessonEvent, LessonStatus, next_status
from domain.lesson_script import LessonScript, ReadingLevel
from domain.modality import ModalitySet
from domain.money import Money
from domain.passage import ScoredPassage
from domain.stage import StageName, StageStatus
from domain.stage_plan import StagePlan
from domain.stage_record import StageRecord
from domain.student_query import StudentQuery
from domain.understanding import Understanding

# Records are frozen (a change makes a new one), so every new request can start from the same pending ones.
_PENDING_STAGES = {name: StageRecord(name) for name in StageName}


@dataclass(frozen=True, slots=True)
class LessonSpec:
    """What was asked: the validated inputs of a lesson request.

    `modalities` are the ones delivered; `degradation`, when set, names what was asked for and why less is delivered.
    """

    query: StudentQuery
    grade: GradeLevel
    interest: Interest | None
    modalities: ModalitySet
    language: Language
    max_cost: Money | None = None
    degradation: Degradation | None = None

    @property
    def requested_modalities(self) -> ModalitySet:
        """What the client asked for (the delivered modalities unless the lesson was degraded)."""
        return self.degradation.requested if self.degradation is not None else self.modalities


@dataclass(slots=True)
class LessonRequest:
    """A lesson request with its lifecycle, stage records, outputs and cost ledger.

    `attempt` counts claims and is the fencing token of the worker holding the lease; `deliveries`
    counts claims since the request was last queued by a person (the attempt limit applies to it);
    `version` changes on every save and guards concurrent writers. `content_key` (set when a worker first
    takes it) names what it generates, so a later identical request can reuse the finished lesson; `trace_id`
    is the trace of the request that created it, so the worker's log lines join the HTTP request's.
    """

    id: UUID
    owner_id: UUID
    requested_by: UUID
    spec: LessonSpec
    created_at: datetime
    updated_at: datetime
    status: LessonStatus = LessonStatus.QUEUED
    current_stage: StageName | None = None
    stages: dict[StageName, StageRecord] = field(default_factory=dict)
    attempt: int = 0
    deliveries: int = 0
    version: int = 0
    failure: Failure | None = None
    rejection_reason: str | None = None
    suggestions: tuple[Suggestion, ...] = ()
    ledger: CostLedger = field(default_factory=CostLedger)
    understanding: Understanding | None = None
    passages: tuple[ScoredPassage, ...] = ()
    corpus_version: str | None = None
    script: LessonScript | None = None
    reading_level: ReadingLevel | None = None
    grounding: GroundingReport | None = None
    artifacts: tuple[Artifact, ...] = ()
    idempotency_key: str | None = None
    fingerprint: str = ""
    not_before: datetime | None = None
    content_key: str | None = None
    trace_id: str | None = None

    def __post_init__(self) -> None:
        if not self.stages:
            self.stages = dict(_PENDING_STAGES)

    @property
    def plan(self) -> StagePlan:
        """The stages this request runs and skips."""
        return StagePlan.for_modalities(self.spec.modalities)

    @property
    def progress(self) -> int:
        """Percentage of stages finished (completed or skipped), 0–100."""
        if self.status is LessonStatus.COMPLETED:
            return 100
        done = sum(1 for record in self.stages.values() if record.status.is_finished)
        return done * 100 // len(self.stages)

    def next_stage(self) -> StageName | None:
        """The first stage, in pipeline order, that is not finished."""
        return next((name for name in StageName if not self.stages[name].status.is_finished), None)

    def _move(self, event: LessonEvent, now: datetime) -> None:
        self.status = next_status(self.status, event)
        self.updated_at = now

    def claim(self, now: datetime) -> None:
        """A worker takes the request: one attempt and one delivery more."""
        self._move(LessonEvent.CLAIM, now)
        self.attempt += 1
        self.deliveries += 1

    def start_stage(self, stage: StageName, now: datetime) -> None:
        """The running request enters `stage`."""
        if self.stages[stage].status.is_finished:
            raise IllegalTransition(self.stages[stage].status.value, f"start {stage.value}")
        self._move(LessonEvent.ADVANCE, now)
        self.current_stage = stage
        self.stages[stage] = self.stages[stage].started(now)

    def finish_stage(self, stage: StageName, now: datetime, lines: tuple[CostLine, ...] = ()) -> None:
        """`stage` completed; its spent lines replace any from an earlier run."""
        self._move(LessonEvent.ADVANCE, now)
        self.ledger = self.ledger.without_stage(stage.value, CostKind.SPENT).add(lines)
        spent = Money(sum(line.amount.micros for line in lines if line.kind is CostKind.SPENT))
        self.stages[stage] = self.stages[stage].finished(StageStatus.COMPLETED, now, spent)

    def skip_stage(self, stage: StageName, now: datetime, saved: tuple[CostLine, ...] = ()) -> None:
        """`stage` is not needed by the requested modalities; record what skipping it saved."""
        if self.plan.should_run(stage):
            raise IllegalTransition("planned", f"skip {stage.value}")
        self._move(LessonEvent.ADVANCE, now)
        self.ledger = self.ledger.without_stage(stage.value, CostKind.SAVED).add(saved)
        self.stages[stage] = self.stages[stage].finished(StageStatus.SKIPPED, now, Money(0))

    def fail(self, failure: Failure, now: datetime) -> None:
        """The request fails at `failure.stage`; the failure is kept for the client and for a retry."""
        self._move(LessonEvent.FAIL, now)
        self.failure = failure
        stage = StageName(failure.stage) if failure.stage in StageName.__members__.values() else None
        if stage is not None:
            self.stages[stage] = self.stages[stage].failed(now, failure)

    def reject(self, reason: str, now: datetime) -> None:
        """The request is refused (unsafe or out of scope) with a reason a student can read."""
        self._move(LessonEvent.REJECT, now)
        self.rejection_reason = reason
        if self.current_stage is not None:
            record = self.stages[self.current_stage]
            self.stages[self.current_stage] = record.finished(StageStatus.COMPLETED, now, record.cost)

    def not_covered(self, message: str, suggestions: tuple[Suggestion, ...], now: datetime) -> None:
        """The curriculum does not answer the question: the lesson ends before anything is paid for, with a
        reason a student can read (the failure of the current stage, code `not_covered`, not retryable) and the
        nearby topics that are covered."""
        self._move(LessonEvent.FIND_UNCOVERED, now)
        stage = self.current_stage.value if self.current_stage is not None else "retrieve"
        self.failure = Failure(stage=stage, code="not_covered", message=message, retryable=False)
        self.suggestions = suggestions
        if self.current_stage is not None:
            record = self.stages[self.current_stage]
            self.stages[self.current_stage] = record.finished(StageStatus.COMPLETED, now, record.cost)

    def complete(self, now: datetime) -> None:
        """Every stage is finished: the lesson is complete."""
        unfinished = self.next_stage()
        if unfinished is not None:
            raise IllegalTransition(f"waiting for {unfinished.value}", "complete")
        self._move(LessonEvent.COMPLETE, now)
        self.current_stage = None

    def cancel(self, now: datetime) -> None:
        """The owner or an admin stops a queued or running request."""
        self._move(LessonEvent.CANCEL, now)
        self._reset_running_stage()

    def retry(self, now: datetime) -> None:
        """A failed request goes back to the queue and resumes at its first unfinished stage."""
        self._move(LessonEvent.RETRY, now)
        self.failure = None
        self.deliveries = 0
        self.stages = {n: (r.reset() if r.status is StageStatus.FAILED else r) for n, r in self.stages.items()}

    def requeue(self, now: datetime, not_before: datetime | None = None) -> None:
        """Back to the queue (lost lease or a retryable fault), the interrupted stage to pending.

        No worker claims it again before `not_before`.
        """
        self._move(LessonEvent.REQUEUE, now)
        self._reset_running_stage()
        self.not_before = not_before

    def park(self, now: datetime, until: datetime) -> None:
        """Back to the queue until `until` because a provider is down: the delivery and the stage attempt are
        given back, so waiting out an outage never uses up the attempt limit."""
        running = [name for name, record in self.stages.items() if record.status is StageStatus.RUNNING]
        for name in running:
            self.stages[name] = self.stages[name].without_attempt()
        self.requeue(now, not_before=until)
        self.deliveries = max(0, self.deliveries - 1)

    def record_upstream(self, stage: StageName, calls: int, retries: int, breaker_opens: int) -> None:
        """Add one run's provider calls, retries and circuit-breaker opens to `stage`'s record."""
        self.stages[stage] = self.stages[stage].with_upstream(calls, retries, breaker_opens)

    def _reset_running_stage(self) -> None:
        self.stages = {n: (r.reset() if r.status is StageStatus.RUNNING else r) for n, r in self.stages.items()}

    def record_understanding(self, understanding: Understanding) -> None:
        """Keep the output of the understand stage."""
        self.understanding = understanding

    def record_passages(self, passages: tuple[ScoredPassage, ...], corpus_version: str | None = None) -> None:
        """Keep the passages retrieval returned, best first, and the version of the corpus they came from."""
        self.passages = passages
        self.corpus_version = corpus_version

    def record_script(self, script: LessonScript, reading_level: ReadingLevel | None = None) -> None:
        """Keep the current script version and, once measured, its reading level."""
        self.script = script
        self.reading_level = reading_level

    def record_grounding(self, report: GroundingReport) -> None:
        """Keep the check stage's support of each factual sentence (recorded with the checked script)."""
        self.grounding = report

    def record_artifacts(self, artifacts: tuple[Artifact, ...]) -> None:
        """Add artifacts, replacing any earlier record of the same name."""
        names = {a.name for a in artifacts}
        self.artifacts = (*(a for a in self.artifacts if a.name not in names), *artifacts)

    def artifacts_of(self, stage: StageName) -> tuple[Artifact, ...]:
        """The recorded artifacts `stage` produced from the current script version."""
        script_hash = self.script.content_hash if self.script is not None else None
        return tuple(a for a in self.artifacts if a.stage == stage.value and a.script_hash == script_hash)

    def with_version(self, version: int) -> "LessonRequest":
        """A copy carrying a new stored version (repositories use it after a save)."""
        return replace(self, version=version)
