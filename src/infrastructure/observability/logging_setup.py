"""structlog over the standard library: one formatter for every logger, JSON in production, console on a terminal.

Application code logs through `logging` with `extra={...}` fields; presentation and infrastructure may use
structlog directly. Both pass the same processors: context variables (trace_id, lesson_id), level, logger
name, UTC timestamp, extra fields, then redaction.
"""

import logging
import sys
from collections.abc import MutableMapping
from typing import Any, TextIO

import structlog
from structlog.typing import EventDict, Processor

SECRET_KEYS = frozenset({"password", "access_token", "token", "authorization", "jwt_secret", "secret", "cookie"})
STUDENT_TEXT_KEYS = frozenset({"student_query", "query", "interest", "narration", "script"})
REDACTED = "[redacted]"


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
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        redact,
    ]


def configure_logging(*, json_output: bool | None = None, level: int = logging.INFO,
                      stream: TextIO | None = None) -> logging.Handler:
    """Route every logger to `stream` (stderr) through structlog; returns the installed handler.

    `json_output=None` picks JSON unless the stream is a terminal. Replaces the root logger's handlers."""
    stream = stream or sys.stderr
    if json_output is None:
        json_output = not stream.isatty()
    renderer: Processor = (structlog.processors.JSONRenderer() if json_output
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
    handler = logging.StreamHandler(stream)
    handler.setFormatter(structlog.stdlib.ProcessorFormatter(foreign_pre_chain=shared_processors(),
                                                             processors=[*final, renderer]))
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(level)
    for noisy in ("uvicorn.access", "aiosqlite", "asyncio"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))
    return handler
