"""A pure-ASGI shortcut for the hottest write: POST /api/v1/lessons with a remembered token and a plain body."""

from typing import Any

import msgspec
from litestar import Request
from litestar.enums import ScopeType
from litestar.serialization import encode_json
from litestar.types import ASGIApp, Receive, ReceiveMessage, Scope, Send

from application.use_cases.request_lesson import RequestLesson
from presentation.http.controllers.lessons_controller import MAX_BODY_BYTES
from presentation.http.dependencies import provide_request_lesson
from presentation.http.error_handlers import error_response
from presentation.http.lesson_creation import accepted, lesson_command
from presentation.http.lesson_presenter import API_PREFIX
from presentation.http.remembered_token import RememberedToken, remembered_token
from presentation.http.request_telemetry import note_lesson
from presentation.http.schemas.lesson_request_schemas import CreateLessonBody
from presentation.http.trace import trace_id_of

_IDEMPOTENCY_KEY = b"idempotency-key"
_CONTENT_TYPE = b"content-type"
_MAX_KEY_LENGTH = 128  # as the route's Idempotency-Key parameter


class LessonCreateFastPath:
    """Answers `POST /api/v1/lessons` itself when the request is plain: the bearer token is in the
    verified-token cache, the body is JSON within the size limit and converts to CreateLessonBody exactly as
    the route converts it, and an Idempotency-Key, if any, is one header of 1 to 128 characters. It then
    runs the same use case with the same command (`lesson_creation.py`) and answers what the route answers:
    202 with the same body and Location, or the app's error answer for whatever the use case raised (the
    deny-list check, the limits, validation and storage errors all happen in the use case).

    Anything else goes on to the full Litestar route with the body replayed, which gives the usual answer
    (401, 400 naming the field, 413, ...). What it saves is the framework's work per request: routing
    into the handler, parameter parsing, dependency resolution and response building."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        known = _plain_create(scope)
        key = _idempotency_key(scope) if known is not None else None
        if known is None or key is None:
            await self.app(scope, receive, send)
            return
        messages, complete = await _read_body(receive)
        data = _body(b"".join(m["body"] for m in messages if m["type"] == "http.request")) if complete else None
        if data is None:
            await self.app(scope, _replaying(messages, receive), send)
            return
        scope["user"], scope["auth"] = known.actor, known.auth
        use_case: RequestLesson = provide_request_lesson(scope["litestar_app"].state)
        command = lesson_command(data, known.actor, known.jti, key or None, trace_id_of(scope))
        try:
            result = await use_case.execute(command)
        except Exception as error:  # answered as the app's exception table answers it
            request: Request[Any, Any, Any] = Request(scope, receive)
            response = error_response(request, error).to_asgi_response(app=None, request=request)
            await response(scope, receive, send)
            return
        note_lesson(scope, str(result.lesson_id))
        view = accepted(result)
        body = encode_json(view)
        await send({"type": "http.response.start", "status": 202, "headers": [
            (b"content-type", b"application/json"), (b"location", view.status_url.encode()),
            (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body, "more_body": False})


def _plain_create(scope: Scope) -> RememberedToken | None:
    """The remembered token of a POST to the collection with no query string and a JSON (or no) content type."""
    if scope["type"] != ScopeType.HTTP or scope.get("method") != "POST" or scope["path"] != API_PREFIX \
            or scope.get("query_string"):
        return None
    content_types = [value for name, value in scope["headers"] if name == _CONTENT_TYPE]
    if len(content_types) > 1 or (content_types and not content_types[0].lower().startswith(b"application/json")):
        return None
    return remembered_token(scope)


def _idempotency_key(scope: Scope) -> str | None:
    """The key ('' when absent), or None when the route should judge it (repeated, empty or too long)."""
    keys = [value for name, value in scope["headers"] if name == _IDEMPOTENCY_KEY]
    if not keys:
        return ""
    if len(keys) > 1 or not 1 <= len(keys[0]) <= _MAX_KEY_LENGTH:
        return None
    return keys[0].decode("latin-1")


async def _read_body(receive: Receive) -> tuple[list[ReceiveMessage], bool]:
    """The request's messages up to the end of its body; False when it ended early or grew past the limit."""
    messages: list[ReceiveMessage] = []
    size = 0
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":
            return messages, False
        size += len(message.get("body", b""))
        if size > MAX_BODY_BYTES:
            return messages, False
        if not message.get("more_body", False):
            return messages, True


def _body(raw: bytes) -> CreateLessonBody | None:
    """The body as the route converts it (JSON to builtins, then a lax conversion), or None."""
    try:
        return msgspec.convert(msgspec.json.decode(raw), CreateLessonBody, strict=False)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None


def _replaying(messages: list[ReceiveMessage], receive: Receive) -> Receive:
    """`receive`, but first the messages already read."""
    pending = list(messages)

    async def replay() -> ReceiveMessage:
        return pending.pop(0) if pending else await receive()

    return replay
