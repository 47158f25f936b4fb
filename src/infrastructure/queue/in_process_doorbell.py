"""The embedded doorbell: an asyncio condition shared by the API and its in-process workers."""

import asyncio
from uuid import UUID

from application.ports.job_doorbell import JobDoorbell


class InProcessDoorbell(JobDoorbell):
    """Counts rings so none is lost between a worker's claim attempt and its wait."""

    def __init__(self) -> None:
        self._pending = 0
        self._condition = asyncio.Condition()

    async def ring(self, lesson_id: UUID) -> None:
        """Wake one waiting worker (or the next one to wait)."""
        async with self._condition:
            self._pending += 1
            self._condition.notify()

    async def wait(self, timeout_s: float) -> bool:
        """True when a ring arrived within `timeout_s`."""
        async with self._condition:
            try:
                await asyncio.wait_for(self._condition.wait_for(lambda: self._pending > 0), timeout_s)
            except TimeoutError:
                return False
            self._pending -= 1
            return True
