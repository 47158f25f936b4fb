"""Fair, in-process turn-taking for SQLite writers.

SQLite allows one writing transaction at a time and makes the others poll with growing sleeps, so
under a burst of writers some starve past the busy timeout ("database is locked"). Writers of one
process queue here instead, first come first served; the busy timeout still covers other processes.
PostgreSQL needs none of this: its row locks queue writers already.
"""

import asyncio
import weakref

from application.errors import StorageError


class WriteGate:
    """One writing transaction at a time per engine and event loop, in arrival order."""

    def __init__(self, timeout_seconds: float = 5.0) -> None:
        self._locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary()
        )
        self._timeout = timeout_seconds

    def turn(self) -> "WriteTurn":
        """A fresh turn for one unit of work, queued with the others of the running loop."""
        lock = self._locks.setdefault(asyncio.get_running_loop(), asyncio.Lock())
        return WriteTurn(lock, self._timeout)


class WriteTurn:
    """A unit of work's place at the gate: taken before its first write, given back when it ends."""

    def __init__(self, lock: asyncio.Lock | None = None, timeout_seconds: float = 5.0) -> None:
        self._lock = lock
        self._timeout = timeout_seconds
        self._held = False

    async def take(self) -> None:
        """Wait for the gate unless already held; StorageError (retryable) after the timeout."""
        if self._lock is None or self._held:
            return
        try:
            async with asyncio.timeout(self._timeout):
                await self._lock.acquire()
        except TimeoutError:
            raise StorageError("the database is busy with other writes", retryable=True) from None
        self._held = True

    def give_back(self) -> None:
        """Let the next writer in (after commit or rollback); harmless when not held."""
        if self._lock is not None and self._held:
            self._held = False
            self._lock.release()
