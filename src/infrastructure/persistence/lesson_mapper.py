"""The explicit LessonRequest ↔ `lesson_requests` row mapping.

Every domain field is a column or part of a JSON column; the lease columns belong to the repository;
the ledger totals are derived on write and never read back (the ledger is the truth).
"""

from collections.abc import Mapping
from typing import Any

from domain.lesson_lifecycle import LessonStatus
from domain.lesson_request import LessonRequest
from domain.stage import StageName
from infrastructure.persistence import check_codec
from infrastructure.persistence import content_codec as content
from infrastructure.persistence import json_codec as codec
from infrastructure.persistence.utc_datetime import as_utc


def lesson_to_row(lesson: LessonRequest) -> dict[str, Any]:
    """Column values for every domain field of `lesson` (not the lease columns)."""
    return {
        "id": lesson.id,
        "owner_id": lesson.owner_id,
        "requested_by": lesson.requested_by,
        "status": lesson.status.value,
        "current_stage": lesson.current_stage.value if lesson.current_stage is not None else None,
        "attempt": lesson.attempt,
        "deliveries": lesson.deliveries,
        "version": lesson.version,
        "not_before": lesson.not_before,
        "idempotency_key": lesson.idempotency_key,
        "fingerprint": lesson.fingerprint,
        "content_key": lesson.content_key,
        "created_at": lesson.created_at,
        "updated_at": lesson.updated_at,
        "spec": codec.encode_spec(lesson.spec),
        "stages": codec.encode_stages(lesson.stages),
        "ledger": codec.encode_ledger(lesson.ledger),
        "understanding": content.encode_understanding(lesson.understanding),
        "passages": content.encode_passages(lesson.passages),
        "script": content.encode_script(lesson.script),
        "reading_level": check_codec.encode_check(lesson.reading_level, lesson.grounding),
        "artifacts": content.encode_artifacts(lesson.artifacts),
        "failure": content.with_suggestions(codec.encode_failure(lesson.failure), lesson.suggestions),
        "rejection_reason": lesson.rejection_reason,
        "spent_micros": lesson.ledger.spent.micros,
        "saved_micros": lesson.ledger.saved.micros,
        "estimated_micros": lesson.ledger.estimated.micros,
        "corpus_version": lesson.corpus_version,
        "trace_id": lesson.trace_id,
    }


def lesson_from_row(row: Mapping[Any, Any]) -> LessonRequest:
    """The aggregate stored in `row`; timestamps come back as aware UTC datetimes."""
    current_stage = row["current_stage"]
    not_before = row["not_before"]
    return LessonRequest(
        id=row["id"],
        owner_id=row["owner_id"],
        requested_by=row["requested_by"],
        spec=codec.decode_spec(row["spec"]),
        created_at=as_utc(row["created_at"]),
        updated_at=as_utc(row["updated_at"]),
        status=LessonStatus(row["status"]),
        current_stage=StageName(current_stage) if current_stage is not None else None,
        stages=codec.decode_stages(row["stages"]),
        attempt=row["attempt"],
        deliveries=row["deliveries"],
        version=row["version"],
        failure=codec.decode_failure(row["failure"]),
        rejection_reason=row["rejection_reason"],
        suggestions=content.decode_suggestions(row["failure"]),
        ledger=codec.decode_ledger(row["ledger"]),
        understanding=content.decode_understanding(row["understanding"]),
        passages=content.decode_passages(row["passages"]),
        corpus_version=row["corpus_version"],
        script=content.decode_script(row["script"]),
        reading_level=check_codec.decode_reading_level(row["reading_level"]),
        grounding=check_codec.decode_grounding(row["reading_level"]),
        artifacts=content.decode_artifacts(row["artifacts"]),
        idempotency_key=row["idempotency_key"],
        fingerprint=row["fingerprint"],
        content_key=row["content_key"],
        not_before=as_utc(not_before) if not_before is not None else None,
        trace_id=row["trace_id"],
    )
