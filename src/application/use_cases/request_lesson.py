"""RequestLesson: record a lesson request and wake a worker."""

import hashlib
import json
import logging
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from uuid import UUID

from application.errors import (
    IdempotencyConflict,
    NotAllowed,
    UnknownStudent,
    UnsupportedModality,
)
from application.limits.lesson_limits import LessonLimits
from application.ports.actor import Actor
from application.ports.clock import Clock
from application.ports.cost_estimator import CostEstimator
from application.ports.id_generator import IdGenerator
from application.ports.job_doorbell import JobDoorbell
from application.ports.lesson_inbox import LessonInbox
from application.ports.unit_of_work import UnitOfWorkFactory
from application.uow_lesson_inbox import UnitOfWorkLessonInbox
from domain.budget import fit_to_budget
from domain.cost_ledger import CostKind, CostLine
from domain.grade_level import GradeLevel
from domain.interest import Interest
from domain.language import Language
from domain.lesson_lifecycle import LessonStatus
from domain.lesson_request import LessonRequest, LessonSpec
from domain.modality import Modality, ModalitySet
from domain.money import Money
from domain.student_query import StudentQuery
from domain.user import Role

log = logging.getLogger("lessonsmith.lessons")


@dataclass(frozen=True, slots=True, kw_only=True)
class RequestLessonCommand:
    """The raw request; values are validated by the domain's value objects."""

    actor: Actor
    student_query: str
    grade_level: int
    interest: str | None = None
    requested_modalities: list[str] | None = None
    language: str = "en"
    student_id: UUID | None = None
    max_cost_usd: Decimal | None = None
    idempotency_key: str | None = None
    trace_id: str | None = None
    token_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RequestLessonResult:
    """The recorded request; `replayed` when an Idempotency-Key returned an earlier one."""

    lesson_id: UUID
    status: LessonStatus
    estimated_cost: Money
    created_at: datetime
    replayed: bool


class RequestLesson:
    """Any signed-in user asks for a lesson; a teacher may ask for a student of their classes, an admin for any.

    Guarantees: nothing is written for an invalid request; one row per user and Idempotency-Key;
    per-user rate, daily quota and daily budget (`limits`; zero: unlimited) raise RateLimited before any
    write (a replay of an Idempotency-Key is never refused by the daily limits); the row is committed
    (one INSERT through `inbox`, whose unique constraint settles concurrent duplicates) before the
    doorbell rings; a lesson whose estimate exceeds `max_cost_usd` is degraded
    (video → narrated slides → audio → text) and records why. The lesson keeps the request's
    `trace_id`, so the worker's log lines join this request's; the student's text is logged at debug only.
    The caller's `token_id`, when given, is checked against the deny-list by `limits`, in the same step as the
    rate and before anything else (TokenRevoked): the HTTP route leaves that check to this use case.
    """

    def __init__(
        self,
        uow: UnitOfWorkFactory,
        clock: Clock,
        ids: IdGenerator,
        doorbell: JobDoorbell,
        estimator: CostEstimator,
        available_modalities: frozenset[Modality],
        limits: LessonLimits,
        inbox: LessonInbox | None = None,
    ) -> None:
        self._uow = uow
        self._inbox = inbox or UnitOfWorkLessonInbox(uow)
        self._clock = clock
        self._ids = ids
        self._doorbell = doorbell
        self._estimator = estimator
        self._available = available_modalities
        self._limits = limits

    async def execute(self, command: RequestLessonCommand) -> RequestLessonResult:
        """Validate, dedupe by Idempotency-Key, insert and commit (one statement through the inbox), ring."""
        await self._limits.admit(command.actor.user_id, command.token_id)
        spec = self._spec(command)
        fingerprint = _fingerprint(spec, command)
        estimate = self._estimator.estimate(spec)
        owner_id = await self._owner(command)
        if command.idempotency_key is not None:
            earlier = await self._inbox.find_by_idempotency_key(command.actor.user_id, command.idempotency_key)
            if earlier is not None:
                return _replay(earlier, fingerprint)
        now = self._clock.now()
        lesson = LessonRequest(
            id=self._ids.new_id(), owner_id=owner_id, requested_by=command.actor.user_id, spec=spec,
            created_at=now, updated_at=now, idempotency_key=command.idempotency_key, fingerprint=fingerprint,
            trace_id=command.trace_id,
        )
        lesson.ledger = lesson.ledger.add(estimate)
        if spec.degradation is not None:
            lesson.ledger = lesson.ledger.add([CostLine("request", CostKind.ESTIMATE, Money(0),
                                                        provider="budget", note=spec.degradation.reason)])
        if not await self._insert(lesson, now):
            return await self._replay_winner(command, fingerprint)
        _log_requested(lesson)
        await self._doorbell.ring(lesson.id)
        return RequestLessonResult(lesson_id=lesson.id, status=lesson.status, estimated_cost=lesson.ledger.estimated,
                                   created_at=lesson.created_at, replayed=False)

    def _spec(self, command: RequestLessonCommand) -> LessonSpec:
        modalities = ModalitySet.parse(command.requested_modalities)
        missing = [m.value for m in modalities.items if m not in self._available]
        if missing:
            raise UnsupportedModality(missing)
        spec = LessonSpec(
            query=StudentQuery(command.student_query),
            grade=GradeLevel(command.grade_level),
            interest=Interest(command.interest) if command.interest is not None else None,
            modalities=modalities,
            language=Language(command.language),
            max_cost=Money.from_usd(command.max_cost_usd, "max_cost_usd") if command.max_cost_usd is not None else None,
        )
        if spec.max_cost is None:
            return spec
        delivered, degradation = fit_to_budget(
            modalities, spec.max_cost, lambda rung: self._price(replace(spec, modalities=rung)),
            lambda rung: set(rung.items) <= self._available)
        return replace(spec, modalities=delivered, degradation=degradation)

    def _price(self, spec: LessonSpec) -> Money:
        return Money(sum(line.amount.micros for line in self._estimator.estimate(spec)))

    async def _insert(self, lesson: LessonRequest, now: datetime) -> bool:
        """Insert within today's limits: the inbox reads the usage and inserts in one step, and refuses the
        insert when the allowance has no room; then `check_daily` names the limit (RateLimited, nothing written)."""
        allowance = self._limits.allowance(now)
        if allowance is None:
            return await self._inbox.insert(lesson)
        inserted, usage = await self._inbox.insert_within(lesson, allowance)
        if not inserted:
            self._limits.check_daily(usage, lesson.ledger.estimated, now)
        return inserted

    async def _owner(self, command: RequestLessonCommand) -> UUID:
        actor = command.actor
        if command.student_id is None or command.student_id == actor.user_id:
            return actor.user_id
        if actor.role is Role.STUDENT:
            raise NotAllowed("students may only request lessons for themselves")
        async with self._uow() as uow:
            student = await uow.users.get(command.student_id)
            if student is None or student.role is not Role.STUDENT:
                raise UnknownStudent("student_id names no student you may request lessons for")
            if actor.role is Role.TEACHER and not await uow.classes.teaches(actor.user_id, student.id):
                raise UnknownStudent("student_id names no student you may request lessons for")
        return student.id

    async def _replay_winner(self, command: RequestLessonCommand, fingerprint: str) -> RequestLessonResult:
        assert command.idempotency_key is not None
        winner = await self._inbox.find_by_idempotency_key(command.actor.user_id, command.idempotency_key)
        if winner is None:
            raise IdempotencyConflict("the Idempotency-Key is being used by a request that did not complete")
        return _replay(winner, fingerprint)


def _log_requested(lesson: LessonRequest) -> None:
    spec = lesson.spec
    log.info("lesson.requested", extra={
        "lesson_id": str(lesson.id), "grade_level": spec.grade.value, "modalities": spec.modalities.names(),
        "language": spec.language.tag, "estimated_usd": float(lesson.ledger.estimated.usd),
        "degraded": spec.degradation is not None})
    log.debug("lesson.requested.text", extra={"lesson_id": str(lesson.id), "student_query": spec.query.text,
                                              "interest": spec.interest.value if spec.interest else None})


def _replay(earlier: LessonRequest, fingerprint: str) -> RequestLessonResult:
    if earlier.fingerprint != fingerprint:
        raise IdempotencyConflict("this Idempotency-Key was already used with a different request body")
    return RequestLessonResult(lesson_id=earlier.id, status=earlier.status, estimated_cost=earlier.ledger.estimated,
                               created_at=earlier.created_at, replayed=True)


def _fingerprint(spec: LessonSpec, command: RequestLessonCommand) -> str:
    canonical = {
        "query": spec.query.text, "grade": spec.grade.value, "interest": spec.interest.value if spec.interest else None,
        "modalities": spec.requested_modalities.names(), "language": spec.language.tag,
        "max_cost_micros": spec.max_cost.micros if spec.max_cost else None,
        "student_id": str(command.student_id) if command.student_id else None,
    }
    return hashlib.sha256(json.dumps(canonical, sort_keys=True).encode()).hexdigest()
