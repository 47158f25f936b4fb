"""structlog over the standard library: one formatter for every logger, JSON in production, console on a terminal.

Application code logs through `logging` with `extra={...}` fields; presentation and infrastructure may use
structlog directly. Both pass the same processors: context variables (trace_id, lesson_id), level, logger
name, UTC timestamp, extra fields, then redaction.
"""

import logging
import sys
from collections.abc import MutableMapping
from dataclasses import dataclass
from typing import Any, TextIO

import msgspec
import structlog
from structlog.typing import EventDict, FilteringBoundLogger, Processor

from infrastructure.observability.plain_record_handler import PlainRecordHandler

SECRET_KEYS = frozenset({"password", "access_token", "token", "authorization", "jwt_secret", "secret", "cookie"})
STUDENT_TEXT_KEYS = frozenset({"student_query", "query", "interest", "narration", "script"})
REDACTED = "[redacted]"
_JSON = msgspec.json.Encoder(enc_hook=str)


@dataclass(frozen=True, slots=True)
class _Destination:
    """Where configure_logging sends lines: the handler (its processors, stream and lock) and the level."""

    handler: PlainRecordHandler
    level: int


_destination: _Destination | None = None


def json_dumps(event: Any, **_: Any) -> str:
    """One JSON line with msgspec (several times faster than `json.dumps`); unknown values as their str()."""
    return _JSON.encode(event).decode()


def redact(_: Any, method: str, event: MutableMapping[str, Any]) -> EventDict:
    """Secrets are never written; the student's own words only at debug level."""
    level = str(event.get("level", method)).lower()
    for key in SECRET_KEYS & event.keys():
        event[key] = REDACTED
    if level != "debug":
        for key in STUDENT_TEXT_KEYS & event.keys():
            event[key] = REDACTED
    return dict(event)


def shared_processors() -> list[Processor]:
    """Steps applied to structlog and stdlib records alike, before rendering."""
    return [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.stdlib.ExtraAdder(),
        *_after_fields()[1:],
    ]


def _after_fields() -> list[Processor]:
    """The shared steps once the event has its own fields: context variables, timestamp, redaction."""
    return [structlog.contextvars.merge_contextvars, structlog.processors.TimeStamper(fmt="iso", utc=True), redact]


def configure_logging(*, json_output: bool | None = None, level: int = logging.INFO,
                      stream: TextIO | None = None) -> logging.Handler:
    """Route every logger to `stream` (stderr) through structlog; returns the installed handler.

    `json_output=None` picks JSON unless the stream is a terminal. Replaces the root logger's handlers."""
    stream = stream or sys.stderr
    if json_output is None:
        json_output = not stream.isatty()
    global _destination
    renderer: Processor = (structlog.processors.JSONRenderer(serializer=json_dumps) if json_output
                           else structlog.dev.ConsoleRenderer(colors=stream.isatty()))
    final: list[Processor] = [structlog.stdlib.ProcessorFormatter.remove_processors_meta]
    if json_output:
        final.append(structlog.processors.format_exc_info)
    structlog.configure(
        processors=[*shared_processors(), structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=False,
    )
    handler = PlainRecordHandler(stream, [*_after_fields(), *final[1:], renderer])
    handler.setFormatter(structlog.stdlib.ProcessorFormatter(foreign_pre_chain=shared_processors(),
                                                             processors=[*final, renderer]))
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(level)
    for noisy in ("uvicorn.access", "aiosqlite", "asyncio"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))
    _skip_unused_record_fields()
    _destination = _Destination(handler, level)
    return handler


def direct_logger(name: str) -> FilteringBoundLogger:
    """A structlog logger for hot paths: the shared processors and the configured renderer, written straight
    to the configured handler's stream under the handler's lock (no stdlib LogRecord, no formatter pass).
    Its lines look like every other line. Before configure_logging it forwards to the stdlib logger `name`."""
    destination = _destination
    if destination is None:
        stdlib = logging.getLogger(name)
        return structlog.wrap_logger(  # type: ignore[no-any-return]
            stdlib, processors=[structlog.stdlib.render_to_log_kwargs],
            wrapper_class=structlog.make_filtering_bound_logger(stdlib.getEffectiveLevel()))
    processors: list[Processor] = [structlog.processors.add_log_level, *destination.handler.processors]
    logger: FilteringBoundLogger = structlog.wrap_logger(
        _HandlerStream(destination.handler), processors=processors,
        wrapper_class=structlog.make_filtering_bound_logger(destination.level))
    return logger.bind(logger=name)


class _HandlerStream:
    """The end of a direct logger: one rendered line to the handler's stream, under the handler's lock."""

    def __init__(self, handler: PlainRecordHandler) -> None:
        self._handler = handler

    def msg(self, line: str) -> None:
        """Write the line as the handler writes its own."""
        self._handler.write_line(line)

    debug = info = warning = error = critical = exception = msg


def _skip_unused_record_fields() -> None:
    """No line shows the caller's source line, thread or process: skip collecting them for every record
    (the logging HOWTO's "Optimization" switches)."""
    logging._srcfile = None
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False
