"""RedisTokenDenyList: revoked token ids as Redis keys that expire with the token."""

from datetime import datetime

from redis.asyncio import Redis
from redis.exceptions import RedisError

from application.errors import StorageError
from application.ports.clock import Clock
from application.ports.token_deny_list import TokenDenyList


def revoked_key(prefix: str, jti: str) -> str:
    """The Redis key that marks token `jti` revoked."""
    return f"{prefix}:revoked:{jti}"


class RedisTokenDenyList(TokenDenyList):
    """`SET {prefix}:revoked:{jti} PX <remaining life>`; shared by every API process."""

    def __init__(self, redis: Redis, prefix: str, clock: Clock) -> None:
        self._redis = redis
        self._prefix = prefix
        self._clock = clock

    async def revoke(self, jti: str, expires_at: datetime) -> None:
        """Deny until the token would have expired (at least one millisecond)."""
        remaining_ms = max(1, int((expires_at - self._clock.now()).total_seconds() * 1000))
        try:
            await self._redis.set(revoked_key(self._prefix, jti), b"1", px=remaining_ms)
        except (RedisError, OSError) as error:
            raise StorageError(f"could not revoke a token: {type(error).__name__}") from error

    async def is_revoked(self, jti: str) -> bool:
        """EXISTS on the token's key."""
        try:
            return bool(await self._redis.exists(revoked_key(self._prefix, jti)))
        except (RedisError, OSError) as error:
            raise StorageError(f"could not check a token: {type(error).__name__}") from error
