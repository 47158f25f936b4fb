"""CachedTokenDenyList: remembers recent answers of a slower deny-list (the database one) for a moment."""

from datetime import datetime, timedelta

from application.ports.clock import Clock
from application.ports.token_deny_list import TokenDenyList

MAX_ENTRIES = 10_000


class CachedTokenDenyList(TokenDenyList):
    """Revocations made through this object apply at once; "not revoked" answers are reused for `ttl`,
    so a revocation made by another process is honoured here within `ttl` (the embedded profile runs
    one API process; production uses Redis, uncached)."""

    def __init__(self, inner: TokenDenyList, clock: Clock, ttl: timedelta = timedelta(seconds=2)) -> None:
        self._inner = inner
        self._clock = clock
        self._ttl = ttl
        self._revoked: dict[str, datetime] = {}
        self._allowed_until: dict[str, datetime] = {}

    async def revoke(self, jti: str, expires_at: datetime) -> None:
        """Revoke in the inner list, then here."""
        await self._inner.revoke(jti, expires_at)
        self._allowed_until.pop(jti, None)
        self._remember(self._revoked, jti, expires_at)

    async def is_revoked(self, jti: str) -> bool:
        """Known revoked, recently found not revoked, or else asked of the inner list."""
        now = self._clock.now()
        if jti in self._revoked:
            return True
        if self._allowed_until.get(jti, now) > now:
            return False
        revoked = await self._inner.is_revoked(jti)
        self._remember(self._revoked if revoked else self._allowed_until, jti, now + self._ttl)
        return revoked

    def _remember(self, entries: dict[str, datetime], jti: str, until: datetime) -> None:
        entries[jti] = until
        if len(entries) > MAX_ENTRIES:
            now = self._clock.now()
            for key in [k for k, t in entries.items() if t <= now] or list(entries)[: len(entries) // 2]:
                entries.pop(key, None)
