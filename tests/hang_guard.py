"""Waiting for an event in a test: no deadline is a speed limit, only a guard against a test that hangs.

Tests assert on events (a lease expired, an outage overlapped N requests, every lesson ended), never on how
long they took; a wait fails only after HANG_GUARD_S, which is minutes, and says that it is a hang guard.
"""

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")
HANG_GUARD_S = 180.0
POLL_S = 0.05


def hung(what: str, timeout_s: float) -> AssertionError:
    """The failure of a wait that never ended."""
    return AssertionError(f"hang guard: {what} did not happen within {timeout_s:.0f} s. This is not a speed "
                          "limit: the drill is stuck (a lost event or a deadlock), however loaded the machine")


async def guarded(awaitable: Awaitable[T], what: str, timeout_s: float = HANG_GUARD_S) -> T:
    """`awaitable`'s result; the hang guard's AssertionError if it has none after `timeout_s`."""
    try:
        async with asyncio.timeout(timeout_s):
            return await awaitable
    except TimeoutError:
        raise hung(what, timeout_s) from None


async def poll_until(check: Callable[[], Awaitable[T | None]], what: str, *, interval_s: float = POLL_S,
                     timeout_s: float = HANG_GUARD_S) -> T:
    """Call `check` every `interval_s` until it returns something other than None (state kept by other
    processes: the database, the journal); the hang guard's AssertionError after `timeout_s`."""

    async def polling() -> T:
        while True:
            found = await check()
            if found is not None:
                return found
            await asyncio.sleep(interval_s)

    return await guarded(polling(), what, timeout_s)
