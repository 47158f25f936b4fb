"""RevokeToken: log out by denying the current token until it would have expired."""

from dataclasses import dataclass
from datetime import datetime

from application.ports.clock import Clock
from application.ports.token_deny_list import TokenDenyList


@dataclass(frozen=True, slots=True, kw_only=True)
class RevokeTokenCommand:
    """The token's id (`jti`) and expiry."""

    jti: str
    expires_at: datetime


class RevokeToken:
    """Any signed-in user revokes the token they called with; it is refused from then on.

    An already-expired token needs no entry. Raises StorageError.
    """

    def __init__(self, deny_list: TokenDenyList, clock: Clock) -> None:
        self._deny_list = deny_list
        self._clock = clock

    async def execute(self, command: RevokeTokenCommand) -> None:
        """Deny the token for the rest of its life."""
        if command.expires_at > self._clock.now():
            await self._deny_list.revoke(command.jti, command.expires_at)
