"""LogContext port: fields every log line carries while a piece of work runs."""

from contextlib import AbstractContextManager
from typing import Protocol


class LogContext(Protocol):
    """Binds fields (trace_id, lesson_id) to every log line written inside the block. Never raises."""

    def bound(self, **fields: str) -> AbstractContextManager[None]:
        """Within the block, log lines carry `fields`; the previous values come back at its end."""
        ...
