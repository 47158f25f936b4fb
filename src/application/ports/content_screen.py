"""ContentScreen port: the safety check on what students ask and what lessons say."""

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class ScreenVerdict:
    """Allowed, or refused with a stable category and a reason a student can read."""

    allowed: bool
    category: str = ""
    reason: str = ""


class ContentScreen(Protocol):
    """Screens text for unsafe, out-of-scope or manipulative content. Raises UpstreamError."""

    async def screen_request(self, text: str) -> ScreenVerdict:
        """Verdict on a student's question (treated as data, never as instructions)."""
        ...

    async def screen_output(self, text: str) -> ScreenVerdict:
        """Verdict on lesson text before any media is made from it."""
        ...
