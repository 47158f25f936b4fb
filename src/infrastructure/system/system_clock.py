"""The real clock."""

from datetime import UTC, datetime

from application.ports.clock import Clock


class SystemClock(Clock):
    """Reads the system time in UTC."""

    def now(self) -> datetime:
        """The current instant in UTC."""
        return datetime.now(UTC)
