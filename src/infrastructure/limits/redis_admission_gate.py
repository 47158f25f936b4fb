"""RedisAdmissionGate: the deny-list check and the rate window in one Lua call (one round trip)."""

from redis.asyncio import Redis
from redis.exceptions import RedisError

from application.errors import StorageError
from application.ports.admission_gate import Admission, AdmissionGate
from infrastructure.limits.redis_rate_counter import WINDOW_HIT_LUA, window_count
from infrastructure.limits.redis_rate_counter import rate_key as counter_key
from infrastructure.redis_calls.pipelined_script import PipelinedScript
from infrastructure.security.redis_token_deny_list import revoked_key

# ARGV[2] == '1': KEYS[1] is the token's revocation key (revoked: answer -1, count nothing).
# Then the next key, when given, is the rate window to count in.
_ADMIT = WINDOW_HIT_LUA + """
local next_key = 1
if ARGV[2] == '1' then
  if redis.call('EXISTS', KEYS[1]) == 1 then return {-1, 0} end
  next_key = 2
end
if #KEYS < next_key then return {0, 0} end
return window_hit(KEYS[next_key], ARGV[1])
"""


class RedisAdmissionGate(AdmissionGate):
    """Reads the keys RedisTokenDenyList writes and counts in the keys RedisRateCounter uses."""

    def __init__(self, redis: Redis, prefix: str) -> None:
        self._prefix = prefix
        self._admit = PipelinedScript(redis, _ADMIT)

    async def admit(self, token_id: str | None, rate_key: str | None, window_s: int) -> Admission:
        """One EVALSHA, pipelined with concurrent admissions: EXISTS on the revocation key, then INCR (+ PEXPIRE
        on a new window). With nothing to check (no token, no rate key) it asks Redis nothing, as the local gate:
        a Redis outage then cannot refuse a request that needs no Redis (the doorbell's ring never raises)."""
        keys = [] if token_id is None else [revoked_key(self._prefix, token_id)]
        if rate_key is not None:
            keys.append(counter_key(self._prefix, rate_key))
        if not keys:
            return Admission(revoked=False)
        try:
            count, ttl_ms = await self._admit(*keys, args=(window_s * 1000, "0" if token_id is None else "1"))
        except (RedisError, OSError) as error:
            raise StorageError(f"could not admit a request: {type(error).__name__}") from error
        if int(count) < 0:
            return Admission(revoked=True)
        return Admission(revoked=False, window=window_count(count, ttl_ms) if rate_key is not None else None)
