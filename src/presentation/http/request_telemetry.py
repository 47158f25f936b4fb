"""Per-request log context, access log line and HTTP metrics (pure ASGI, inside TraceMiddleware)."""

import logging
import time

from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send
from structlog.contextvars import bind_contextvars, reset_contextvars
from structlog.typing import FilteringBoundLogger

from infrastructure.observability.logging_setup import direct_logger
from infrastructure.observability.prometheus_metrics import PrometheusMetrics
from presentation.http.trace import trace_id_of

LOGGER_NAME = "lessonsmith.http"
QUIET_PREFIXES = ("/health/", "/metrics")
UNMATCHED_ROUTE = "unmatched"


def note_lesson(scope: Scope, lesson_id: str) -> None:
    """Tell the access log which lesson this request created (a route without `lesson_id` in its path)."""
    scope.setdefault("state", {})["lesson_id"] = lesson_id


class RequestTelemetryMiddleware:
    """Binds trace_id (and the path's lesson_id) to every log line of the request, then logs and measures it.

    The metrics label is the route template, never the raw path, so ids do not explode the series count;
    probes and scrapes are logged at debug level only. The access line goes through `direct_logger` (the
    hottest line of the service), resolved on the first request, after logging is configured."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._metrics: PrometheusMetrics | None = None
        self._log: FilteringBoundLogger | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def capture_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        path_lesson = (scope.get("path_params") or {}).get("lesson_id")
        # bind/reset directly: the same context variables as `bound_contextvars`, without its generator.
        if path_lesson is None:
            tokens = bind_contextvars(trace_id=trace_id_of(scope))
        else:
            tokens = bind_contextvars(trace_id=trace_id_of(scope), lesson_id=str(path_lesson))
        try:
            await self.app(scope, receive, capture_status)
        finally:
            try:
                self._record(scope, status, time.perf_counter() - started, path_lesson is not None)
            finally:
                reset_contextvars(**tokens)

    def _record(self, scope: Scope, status: int, seconds: float, lesson_bound: bool) -> None:
        route = scope.get("path_template") or UNMATCHED_ROUTE
        method = str(scope.get("method", "GET"))
        metrics = self._metrics
        if metrics is None:  # one container per app: resolved on the first request, not on every one
            metrics = self._metrics = scope["app"].state.container.gateways.metrics()
        metrics.observe_http(method, route, status, seconds)
        log = self._log
        if log is None:
            log = self._log = direct_logger(LOGGER_NAME)
        level = logging.DEBUG if scope["path"].startswith(QUIET_PREFIXES) else logging.INFO
        if not log.is_enabled_for(level):
            return
        created = scope.get("state", {}).get("lesson_id")
        extra = {"lesson_id": created} if created is not None and not lesson_bound else {}
        log.log(level, "http.request", method=method, route=route, status=status,
                duration_ms=round(seconds * 1000, 1), **extra)
