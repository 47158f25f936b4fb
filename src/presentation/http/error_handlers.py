"""One exception → HTTP table for the whole API; every error gets the DESIGN §5 body and the trace id."""

import logging
import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from litestar import MediaType, Request, Response
from litestar.exceptions import HTTPException, ValidationException

from application.errors import (
    ApplicationError,
    ArtifactNotFound,
    ClassNotFound,
    ConcurrentUpdate,
    IdempotencyConflict,
    InvalidCredentials,
    InvalidDocument,
    LessonNotFound,
    NotAllowed,
    RateLimited,
    StorageError,
    TokenRevoked,
    UnknownStudent,
    UnknownTeacher,
    UnsupportedModality,
    UsernameTaken,
)
from domain.budget import BudgetTooLow
from domain.errors import DomainError, IllegalTransition, InvalidValue
from presentation.http.schemas.error_schemas import ErrorBody, ErrorDetail
from presentation.http.trace import trace_id_of

log = logging.getLogger(__name__)

_STATUS_ERRORS = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
                  405: "method_not_allowed", 409: "conflict", 413: "payload_too_large", 415: "unsupported_media_type",
                  416: "range_not_satisfiable",
                  422: "unprocessable", 429: "rate_limited", 503: "service_unavailable"}

_FIELD_IN_MESSAGE = re.compile(r"field `([^`]+)`")
_CODES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"missing required field"), "missing"),
    (re.compile(r"unknown field"), "unknown_field"),
    (re.compile(r"Expected `\w+` (<=|>=|<|>) "), "out_of_range"),
    (re.compile(r"of length (<=|<)"), "too_long"),
    (re.compile(r"of length (>=|>)"), "too_short"),
    (re.compile(r"matching regex"), "invalid_format"),
    (re.compile(r"Invalid enum value"), "invalid_choice"),
    (re.compile(r"Invalid (UUID|decimal|datetime)", re.IGNORECASE), "invalid_format"),
    (re.compile(r"Expected `[^`]+`, got `[^`]+`"), "wrong_type"),
)


def _body(request: Request[Any, Any, Any], error: str, message: str, details: list[ErrorDetail]) -> ErrorBody:
    return ErrorBody(error=error, message=message, details=details, trace_id=trace_id_of(request.scope),
                     timestamp=datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"))


def _respond(request: Request[Any, Any, Any], status: int, error: str, message: str,
             details: list[ErrorDetail] | None = None, headers: dict[str, str] | None = None) -> Response[ErrorBody]:
    return Response(_body(request, error, message, details or []), status_code=status, media_type=MediaType.JSON,
                    headers=headers)


def _validation_detail(item: dict[str, Any]) -> ErrorDetail:
    message = str(item.get("message", "is invalid"))
    key = str(item.get("key") or "")
    named = _FIELD_IN_MESSAGE.search(message)
    field = named.group(1) if named and key in ("", "data") else (key or "body")
    code = next((c for pattern, c in _CODES if pattern.search(message)), "invalid")
    return ErrorDetail(field=field, message=message, code=code)


def on_validation(request: Request[Any, Any, Any], exc: ValidationException) -> Response[ErrorBody]:
    """Litestar's parameter and body validation → 400 naming the field."""
    extra = exc.extra if isinstance(exc.extra, list) else []
    details = [_validation_detail(x) for x in extra if isinstance(x, dict)]
    if not details:
        return _respond(request, 400, "invalid_body", str(exc.detail or "the request body is not valid JSON"))
    return _respond(request, 400, "validation_error", "the request is not valid", details)


def on_http(request: Request[Any, Any, Any], exc: HTTPException) -> Response[ErrorBody]:
    """Framework HTTP errors (401, 404, 405, 413, ...) in our format."""
    status = exc.status_code
    return _respond(request, status, _STATUS_ERRORS.get(status, "http_error"), str(exc.detail),
                    headers=exc.headers)


def on_invalid_value(request: Request[Any, Any, Any], exc: InvalidValue) -> Response[ErrorBody]:
    """Value objects refused a field → 400; a budget no lesson fits → 422."""
    detail = ErrorDetail(field=exc.field, message=exc.message, code=exc.code)
    if isinstance(exc, BudgetTooLow):
        return _respond(request, 422, "budget_too_low", "no lesson fits max_cost_usd", [detail])
    return _respond(request, 400, "validation_error", "the request is not valid", [detail])


_APPLICATION: dict[type[Exception], tuple[int, str]] = {
    LessonNotFound: (404, "not_found"),
    ArtifactNotFound: (404, "not_found"),
    ClassNotFound: (404, "not_found"),
    NotAllowed: (403, "forbidden"),
    InvalidCredentials: (401, "invalid_credentials"),
    TokenRevoked: (401, "unauthorized"),
    IdempotencyConflict: (422, "idempotency_conflict"),
    UsernameTaken: (409, "conflict"),
    ConcurrentUpdate: (409, "conflict"),
    IllegalTransition: (409, "invalid_state"),
    StorageError: (503, "service_unavailable"),
}


_NOT_FOUND: dict[type[Exception], str] = {LessonNotFound: "lesson not found", ClassNotFound: "class not found",
                                          ArtifactNotFound: "artifact not found"}


def on_known_error(request: Request[Any, Any, Any], exc: Exception) -> Response[ErrorBody]:
    """Application and domain errors → their status, without leaking internals."""
    if isinstance(exc, UnsupportedModality):
        details = [ErrorDetail("requested_modalities", f"no provider for {m!r} yet", "unsupported_modality")
                   for m in exc.modalities]
        return _respond(request, 422, "unsupported_modality", str(exc), details)
    if isinstance(exc, InvalidDocument):
        return _respond(request, 400, "invalid_document", str(exc),
                        [ErrorDetail(exc.field, f"{exc.origin}: {exc.message}", exc.code)])
    if isinstance(exc, UnknownStudent):
        return _respond(request, 422, "unknown_student", str(exc),
                        [ErrorDetail(exc.field, "names no student", "unknown_student")])
    if isinstance(exc, UnknownTeacher):
        return _respond(request, 422, "unknown_teacher", str(exc),
                        [ErrorDetail("teacher_username", "names no teacher", "unknown_teacher")])
    if isinstance(exc, RateLimited):
        return _respond(request, 429, exc.code, str(exc), headers={"Retry-After": str(exc.retry_after_s)})
    for kind, (status, error) in _APPLICATION.items():
        if isinstance(exc, kind):
            message = _NOT_FOUND.get(kind, str(exc))
            if isinstance(exc, StorageError):
                log.warning("storage unavailable: %s", exc)
                message = "a backing service is unavailable; try again shortly"
            headers = {"Retry-After": "5"} if status == 503 else None
            return _respond(request, status, error, message, headers=headers)
    return on_unexpected(request, exc)


def on_unexpected(request: Request[Any, Any, Any], exc: Exception) -> Response[ErrorBody]:
    """Anything else is our bug: log it with the trace id, answer 500 without details."""
    log.exception("unhandled error (trace %s)", trace_id_of(request.scope), exc_info=exc)
    return _respond(request, 500, "internal_error", "something went wrong on our side")


def exception_handlers() -> dict[type[Exception] | int, Callable[..., Response[ErrorBody]]]:
    """The table registered on the app."""
    return {
        ValidationException: on_validation,
        HTTPException: on_http,
        InvalidValue: on_invalid_value,
        ApplicationError: on_known_error,
        DomainError: on_known_error,
        Exception: on_unexpected,
    }


def error_response(request: Request[Any, Any, Any], exc: Exception) -> Response[ErrorBody]:
    """The answer the app's table gives `exc` (its nearest class in the table), for ASGI code that sends its own."""
    table = exception_handlers()
    handler = next((table[kind] for kind in type(exc).__mro__ if kind in table), on_unexpected)
    return handler(request, exc)
