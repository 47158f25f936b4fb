"""RedisRateCounter: fixed-window counters shared by every process, one atomic Lua call per event."""

from redis.asyncio import Redis
from redis.exceptions import RedisError

from application.errors import StorageError
from application.ports.rate_counter import RateCounter, WindowCount

# INCR, start the window on the first event (or repair a key that lost its expiry), answer count and ms left.
WINDOW_HIT_LUA = """
local function window_hit(key, window_ms)
  local count = redis.call('INCR', key)
  local ttl = redis.call('PTTL', key)
  if ttl < 0 then
    redis.call('PEXPIRE', key, window_ms)
    ttl = tonumber(window_ms)
  end
  return {count, ttl}
end
"""
_HIT = WINDOW_HIT_LUA + "return window_hit(KEYS[1], ARGV[1])"
_UNDO = """
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count > 0 then redis.call('DECR', KEYS[1]) end
return count
"""


def rate_key(prefix: str, key: str) -> str:
    """The Redis key of counter `key`."""
    return f"{prefix}:rate:{key}"


def window_count(count: int, ttl_ms: int) -> WindowCount:
    """The tally a window-hit script answered (its ms left rounded up to whole seconds, at least 1)."""
    return WindowCount(count=int(count), resets_in_s=max(1, -(-int(ttl_ms) // 1000)))


class RedisRateCounter(RateCounter):
    """Keys live under `{prefix}:rate:`; each expires with its window."""

    def __init__(self, redis: Redis, prefix: str) -> None:
        self._redis = redis
        self._prefix = prefix
        self._hit = redis.register_script(_HIT)
        self._undo = redis.register_script(_UNDO)

    async def hit(self, key: str, window_s: int) -> WindowCount:
        """INCR with the window's expiry set atomically."""
        try:
            count, ttl_ms = await self._hit(keys=[rate_key(self._prefix, key)], args=[window_s * 1000])
        except (RedisError, OSError) as error:
            raise StorageError(f"could not count a request: {type(error).__name__}") from error
        return window_count(count, ttl_ms)

    async def undo(self, key: str) -> None:
        """DECR unless already at zero or gone."""
        try:
            await self._undo(keys=[rate_key(self._prefix, key)])
        except (RedisError, OSError) as error:
            raise StorageError(f"could not uncount a request: {type(error).__name__}") from error

    async def reset(self, key: str) -> None:
        """DEL."""
        try:
            await self._redis.delete(rate_key(self._prefix, key))
        except (RedisError, OSError) as error:
            raise StorageError(f"could not reset a counter: {type(error).__name__}") from error
