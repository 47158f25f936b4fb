"""PlainRecordHandler: the stream handler behind every log line, with a short path for plain `logging` calls."""

import logging
from collections.abc import Sequence
from typing import Any, TextIO

from structlog.typing import EventDict, Processor

# What every LogRecord has; anything else on a record came in through `extra={...}`.
_RECORD_FIELDS = frozenset(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {"message", "asctime"}


class PlainRecordHandler(logging.StreamHandler[TextIO]):
    """A record from a plain `logging` call (application code) is rendered straight from the record: its
    message, its `extra` fields, level and logger name, then `processors` (context variables, timestamp,
    redaction, renderer), without the record copy and formatter pass of structlog's ProcessorFormatter, which
    renders the records structlog made (they carry their event dict) as before. Both give the same lines."""

    def __init__(self, stream: TextIO, processors: Sequence[Processor]) -> None:
        super().__init__(stream)
        self.processors = tuple(processors)

    def write_line(self, line: str) -> None:
        """Write one rendered line and flush, under the handler's lock (also for lines rendered elsewhere)."""
        self.acquire()
        try:
            self.stream.write(line + self.terminator)
            self.flush()
        finally:
            self.release()

    def emit(self, record: logging.LogRecord) -> None:
        """Write one rendered line (the formatter's for structlog's records)."""
        if hasattr(record, "_logger"):
            super().emit(record)
            return
        try:
            self.write_line(self._render(record))
        except RecursionError:
            raise
        except Exception:
            self.handleError(record)

    def _render(self, record: logging.LogRecord) -> str:
        method = record.levelname.lower()
        event: EventDict = {"event": record.getMessage(), "level": method, "logger": record.name}
        event.update((key, value) for key, value in record.__dict__.items() if key not in _RECORD_FIELDS)
        if record.exc_info:
            event["exc_info"] = record.exc_info
        if record.stack_info:
            event["stack_info"] = record.stack_info
        rendered: Any = event
        for processor in self.processors:
            rendered = processor(None, method, rendered)
        return str(rendered)
