"""TokenDenyList port: revoked bearer tokens, remembered until they would have expired anyway."""

from datetime import datetime
from typing import Protocol


class TokenDenyList(Protocol):
    """Token ids (`jti`) that must no longer be accepted. Raises StorageError (callers then refuse the token)."""

    async def revoke(self, jti: str, expires_at: datetime) -> None:
        """Deny `jti` until `expires_at`; revoking twice is harmless."""
        ...

    async def is_revoked(self, jti: str) -> bool:
        """True when `jti` was revoked."""
        ...
