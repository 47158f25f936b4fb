"""InProcessRateCounter: fixed-window counters in this process's memory (the embedded profile)."""

import math
from datetime import datetime, timedelta

from application.ports.clock import Clock
from application.ports.rate_counter import RateCounter, WindowCount

MAX_KEYS = 100_000


class InProcessRateCounter(RateCounter):
    """Atomic on one event loop (no await between read and write); expired windows are swept as keys pile up.

    Each process counts alone: with several API processes use Redis (LESSONSMITH_REDIS_URL).
    """

    def __init__(self, clock: Clock, max_keys: int = MAX_KEYS) -> None:
        self._clock = clock
        self._max_keys = max_keys
        self._windows: dict[str, tuple[int, datetime]] = {}

    async def hit(self, key: str, window_s: int) -> WindowCount:
        """Count one event in the key's window, opening a new window when the last one ended."""
        now = self._clock.now()
        count, ends = self._windows.get(key, (0, now))
        if ends <= now:
            count, ends = 0, now + timedelta(seconds=window_s)
        self._windows[key] = (count + 1, ends)
        if len(self._windows) > self._max_keys:
            self._sweep(now)
        return WindowCount(count=count + 1, resets_in_s=max(1, math.ceil((ends - now).total_seconds())))

    async def undo(self, key: str) -> None:
        """Take one event back."""
        window = self._windows.get(key)
        if window is not None and window[0] > 0:
            self._windows[key] = (window[0] - 1, window[1])

    async def reset(self, key: str) -> None:
        """Forget the key."""
        self._windows.pop(key, None)

    def _sweep(self, now: datetime) -> None:
        self._windows = {key: window for key, window in self._windows.items() if window[1] > now}
        while len(self._windows) > self._max_keys:
            self._windows.pop(next(iter(self._windows)))
