"""RateCounter port: atomic fixed-window counters behind per-user and per-address limits."""

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class WindowCount:
    """Events counted in the key's current window, and the seconds until that window ends."""

    count: int
    resets_in_s: int


class RateCounter(Protocol):
    """Counts events per key in windows that start at the key's first event. Raises StorageError."""

    async def hit(self, key: str, window_s: int) -> WindowCount:
        """Count one event atomically (across processes when the adapter is shared) and return the tally."""
        ...

    async def undo(self, key: str) -> None:
        """Take one event back (never below zero); nothing happens when the window is gone."""
        ...

    async def reset(self, key: str) -> None:
        """Forget the key's window."""
        ...
