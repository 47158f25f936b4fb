"""JSON documents for the lesson's lifecycle value objects: spec, stage records, failures, cost lines.

Exact by construction: money as integer micros, decimals as strings, datetimes as ISO 8601 with their
offset, enums by value, tuples as lists.
"""

from datetime import datetime
from decimal import Decimal
from typing import Any

from domain.budget import Degradation
from domain.cost_ledger import CostKind, CostLedger, CostLine
from domain.failure import Failure
from domain.grade_level import GradeLevel
from domain.interest import Interest
from domain.language import Language
from domain.lesson_request import LessonSpec
from domain.modality import Modality, ModalitySet
from domain.money import Money
from domain.stage import StageName, StageStatus
from domain.stage_record import StageRecord
from domain.student_query import StudentQuery

Doc = dict[str, Any]


def encode_datetime(value: datetime | None) -> str | None:
    """ISO 8601, offset included."""
    return None if value is None else value.isoformat()


def decode_datetime(value: str | None) -> datetime | None:
    """The datetime `encode_datetime` wrote."""
    return None if value is None else datetime.fromisoformat(value)


def encode_spec(spec: LessonSpec) -> Doc:
    """The validated inputs of a request."""
    return {
        "query": spec.query.text,
        "grade": spec.grade.value,
        "interest": spec.interest.value if spec.interest is not None else None,
        "modalities": spec.modalities.names(),
        "language": spec.language.tag,
        "max_cost_micros": spec.max_cost.micros if spec.max_cost is not None else None,
        "degraded_from": spec.degradation.requested.names() if spec.degradation is not None else None,
        "degradation_reason": spec.degradation.reason if spec.degradation is not None else None,
    }


def decode_spec(doc: Doc) -> LessonSpec:
    """The spec `encode_spec` wrote (value objects validate again)."""
    interest, max_cost, degraded_from = doc["interest"], doc["max_cost_micros"], doc.get("degraded_from")
    return LessonSpec(
        query=StudentQuery(doc["query"]),
        grade=GradeLevel(doc["grade"]),
        interest=Interest(interest) if interest is not None else None,
        modalities=ModalitySet(tuple(Modality(name) for name in doc["modalities"])),
        language=Language(doc["language"]),
        max_cost=Money(max_cost) if max_cost is not None else None,
        degradation=None if degraded_from is None else Degradation(
            requested=ModalitySet(tuple(Modality(name) for name in degraded_from)),
            reason=doc.get("degradation_reason") or ""),
    )


def encode_failure(failure: Failure | None) -> Doc | None:
    """Stage, code, message and retryable flag."""
    if failure is None:
        return None
    return {"stage": failure.stage, "code": failure.code, "message": failure.message,
            "retryable": failure.retryable}


def decode_failure(doc: Doc | None) -> Failure | None:
    """The failure `encode_failure` wrote."""
    if doc is None:
        return None
    return Failure(stage=doc["stage"], code=doc["code"], message=doc["message"], retryable=doc["retryable"])


def encode_stages(stages: dict[StageName, StageRecord]) -> list[Doc]:
    """Every stage record, in pipeline order of the mapping."""
    return [
        {
            "name": record.name.value,
            "status": record.status.value,
            "started_at": encode_datetime(record.started_at),
            "finished_at": encode_datetime(record.finished_at),
            "attempts": record.attempts,
            "cost_micros": record.cost.micros,
            "error": encode_failure(record.error),
            "upstream_calls": record.upstream_calls,
            "upstream_retries": record.upstream_retries,
            "breaker_opens": record.breaker_opens,
        }
        for record in stages.values()
    ]


def decode_stages(docs: list[Doc]) -> dict[StageName, StageRecord]:
    """The stage records `encode_stages` wrote, keyed by stage."""
    records = (
        StageRecord(
            name=StageName(doc["name"]),
            status=StageStatus(doc["status"]),
            started_at=decode_datetime(doc["started_at"]),
            finished_at=decode_datetime(doc["finished_at"]),
            attempts=doc["attempts"],
            cost=Money(doc["cost_micros"]),
            error=decode_failure(doc["error"]),
            upstream_calls=doc.get("upstream_calls", 0),
            upstream_retries=doc.get("upstream_retries", 0),
            breaker_opens=doc.get("breaker_opens", 0),
        )
        for doc in docs
    )
    return {record.name: record for record in records}


def encode_ledger(ledger: CostLedger) -> list[Doc]:
    """The cost lines in order; units as an exact decimal string."""
    return [
        {"stage": line.stage, "kind": line.kind.value, "amount_micros": line.amount.micros,
         "units": str(line.units), "unit": line.unit, "provider": line.provider, "note": line.note}
        for line in ledger.lines
    ]


def decode_ledger(docs: list[Doc]) -> CostLedger:
    """The ledger `encode_ledger` wrote."""
    return CostLedger(tuple(
        CostLine(stage=doc["stage"], kind=CostKind(doc["kind"]), amount=Money(doc["amount_micros"]),
                 units=Decimal(doc["units"]), unit=doc["unit"], provider=doc["provider"], note=doc["note"])
        for doc in docs
    ))
