"""JobDoorbell port: wakes idle workers when a lesson is queued. The database row stays the truth."""

from typing import Protocol
from uuid import UUID


class JobDoorbell(Protocol):
    """A best-effort wake-up signal; a lost ring only delays work until the reconciler's next pass."""

    async def ring(self, lesson_id: UUID) -> None:
        """Tell workers a lesson is ready to claim. Never raises for a lost signal."""
        ...

    async def wait(self, timeout_s: float) -> bool:
        """Block until a ring arrives or `timeout_s` passes; True when rung."""
        ...
