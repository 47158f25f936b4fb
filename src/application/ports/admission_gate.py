"""AdmissionGate port: a request's token revocation and its rate window, settled in one step."""

from dataclasses import dataclass
from typing import Protocol

from application.ports.rate_counter import WindowCount


@dataclass(frozen=True, slots=True)
class Admission:
    """`revoked`: the token was logged out, and nothing was counted; else the rate window's tally
    (None when no window was asked for)."""

    revoked: bool
    window: WindowCount | None = None


class AdmissionGate(Protocol):
    """Checks a token against the deny-list and, unless it is revoked, counts one event in `rate_key`'s
    fixed window: one atomic step (one round trip where the adapter is shared). Raises StorageError."""

    async def admit(self, token_id: str | None, rate_key: str | None, window_s: int) -> Admission:
        """`token_id` None: no revocation check; `rate_key` None: nothing counted."""
        ...
