"""A trace id for every request: taken from X-Request-ID when sane, else generated; echoed as X-Trace-Id."""

import random
import re
from typing import Any

from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send

TRACE_HEADER = b"x-trace-id"
_INCOMING = b"x-request-id"
_SANE = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def new_trace_id() -> str:
    """32 random hex digits. A correlation id, not a secret: the process's pseudo-random generator (reseeded in
    forked children) is enough, and costs no system call per request as `secrets` does."""
    return f"{random.getrandbits(128):032x}"


def trace_id_of(scope: Scope | dict[str, Any]) -> str:
    """The trace id recorded for this request (a fresh one if none was recorded)."""
    state = scope.setdefault("state", {})
    if "trace_id" not in state:
        state["trace_id"] = new_trace_id()
    return str(state["trace_id"])


class TraceMiddleware:
    """Pure ASGI middleware: cheap enough for the hot path."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await self.app(scope, receive, send)
            return
        # The last X-Request-ID wins, as a dict of the headers would have it (scanned: no dict per request).
        raw = b""
        for name, value in scope["headers"]:
            if name == _INCOMING:
                raw = value
        incoming = raw.decode("latin-1")
        state = scope.setdefault("state", {})
        state["trace_id"] = incoming if _SANE.match(incoming) else new_trace_id()
        header = state["trace_id"].encode()

        async def send_with_trace(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (TRACE_HEADER, header)]
            await send(message)

        await self.app(scope, receive, send_with_trace)
