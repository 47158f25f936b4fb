"""StructlogLogContext: the LogContext port on structlog's context variables."""

from contextlib import AbstractContextManager

import structlog

from application.ports.log_context import LogContext


class StructlogLogContext(LogContext):
    """Fields bound here appear on every log line of the current task (stdlib loggers included)."""

    def bound(self, **fields: str) -> AbstractContextManager[None]:
        """Bind `fields` for the block."""
        return structlog.contextvars.bound_contextvars(**fields)
