"""POST /lessons in both of its forms (the Litestar route and its ASGI shortcut): the command and the answer."""

from application.ports.actor import Actor
from application.use_cases.request_lesson import RequestLessonCommand, RequestLessonResult
from presentation.http.lesson_presenter import lesson_url
from presentation.http.schemas.lesson_request_schemas import CreateLessonBody, LessonAccepted


def lesson_command(data: CreateLessonBody, actor: Actor, token_id: str, idempotency_key: str | None,
                   trace_id: str) -> RequestLessonCommand:
    """The use case's command for a validated body, from the caller's token."""
    return RequestLessonCommand(
        actor=actor, student_query=data.student_query, grade_level=data.grade_level, interest=data.interest,
        requested_modalities=list(data.requested_modalities) if data.requested_modalities is not None else None,
        language=data.language, student_id=data.student_id, max_cost_usd=data.max_cost_usd,
        idempotency_key=idempotency_key, trace_id=trace_id, token_id=token_id,
    )


def accepted(result: RequestLessonResult) -> LessonAccepted:
    """The 202 body; its `status_url` is also the Location header."""
    return LessonAccepted(id=result.lesson_id, status=result.status.value, status_url=lesson_url(result.lesson_id),
                          estimated_cost_usd=result.estimated_cost.usd, created_at=result.created_at)
