"""RedisLessonViewCache: rendered lesson views in Redis, guarded by a version stamp per lesson."""

import logging
from collections.abc import Mapping
from typing import Any
from uuid import UUID

from redis.asyncio import Redis
from redis.commands.core import AsyncScript
from redis.exceptions import NoScriptError, RedisError

from application.errors import StorageError
from application.ports.lesson_view_cache import CachedLessonView, LessonViewCache, ViewForToken
from infrastructure.redis_calls.pipelined_script import PipelinedScript
from infrastructure.security.redis_token_deny_list import revoked_key

log = logging.getLogger(__name__)

# KEYS: view, stamp. ARGV: version, owner, requested_by, body, ttl_ms. Refused when a newer version is known.
_PUT = """
local stamp = tonumber(redis.call('GET', KEYS[2]) or '-1')
local version = tonumber(ARGV[1])
if version < stamp then return 0 end
local cached = redis.call('HGET', KEYS[1], 'v')
if cached and tonumber(cached) > version then return 0 end
redis.call('HSET', KEYS[1], 'v', ARGV[1], 'owner', ARGV[2], 'req', ARGV[3], 'body', ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1
"""
# KEYS: view, stamp. ARGV: version, stamp_ttl_ms. Raises the stamp and drops an older view.
_ANNOUNCE = """
local version = tonumber(ARGV[1])
if version > tonumber(redis.call('GET', KEYS[2]) or '-1') then
  redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
end
local cached = redis.call('HGET', KEYS[1], 'v')
if cached and tonumber(cached) < version then redis.call('DEL', KEYS[1]) end
return 1
"""


# KEYS: revoked-token marker, view. Nothing when the token was revoked, else the view's fields.
_READ_UNLESS_REVOKED = """
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
return redis.call('HMGET', KEYS[2], 'v', 'owner', 'req', 'body')
"""


def _view(lesson_id: UUID, version: object, owner: object, requested_by: object,
          body: object) -> CachedLessonView | None:
    if not (isinstance(body, bytes) and isinstance(owner, bytes) and isinstance(requested_by, bytes)) \
            or not isinstance(version, bytes):
        return None
    return CachedLessonView(lesson_id=lesson_id, version=int(version), owner_id=UUID(owner.decode()),
                            requested_by=UUID(requested_by.decode()), final=False, body=body)


class RedisLessonViewCache(LessonViewCache):
    """One hash per lesson (`v`, `owner`, `req`, `body`) and one stamp: the newest version announced.

    Writers announce a version before they commit it, so a reader that loaded an older row can no longer
    store it, and the cache never goes backwards. Views of final lessons live `final_ttl_s`; others
    `live_ttl_s`, which bounds staleness should an announcement fail (Redis down between two writes).
    """

    def __init__(self, redis: Redis, prefix: str, final_ttl_s: float = 3600.0, live_ttl_s: float = 5.0,
                 stamp_ttl_s: float = 86_400.0) -> None:
        self._redis = redis
        self._prefix = prefix
        self._ttl_ms = {True: int(final_ttl_s * 1000), False: int(live_ttl_s * 1000)}
        self._stamp_ttl_ms = int(stamp_ttl_s * 1000)
        self._put = redis.register_script(_PUT)
        self._announce = redis.register_script(_ANNOUNCE)
        self._get_for_token = PipelinedScript(redis, _READ_UNLESS_REVOKED)  # the hottest read: auto-pipelined

    async def _run(self, script: AsyncScript, *keys: str, args: tuple[object, ...] = ()) -> Any:
        """EVALSHA straight on the client (the Script object's own call costs a Protocol isinstance check
        per call); the script is loaded when the server does not know it yet."""
        try:
            return await self._redis.evalsha(script.sha, len(keys), *keys, *args)  # type: ignore[arg-type]
        except NoScriptError:
            return await script(keys=list(keys), args=list(args))  # type: ignore[arg-type]

    def _keys(self, lesson_id: UUID) -> list[str]:
        tag = f"{{{lesson_id}}}"  # one hash slot for both keys of a lesson
        return [f"{self._prefix}:lesson-view:{tag}", f"{self._prefix}:lesson-stamp:{tag}"]

    async def get_for_token(self, lesson_id: UUID, jti: str) -> ViewForToken:
        """One script, pipelined with concurrent reads: the token's deny-list key and the view (StorageError
        when Redis cannot answer)."""
        try:
            found = await self._get_for_token(revoked_key(self._prefix, jti), self._keys(lesson_id)[0])
        except (RedisError, OSError) as error:
            raise StorageError(f"could not check a token: {type(error).__name__}") from error
        if not isinstance(found, list):
            return ViewForToken(view=None, revoked=True)
        return ViewForToken(view=_view(lesson_id, *found), revoked=False)

    async def put(self, view: CachedLessonView) -> None:
        """Store the view unless a newer version was announced or cached (one atomic script)."""
        try:
            await self._run(self._put, *self._keys(view.lesson_id), args=(
                view.version, str(view.owner_id), str(view.requested_by), view.body, self._ttl_ms[view.final]))
        except (RedisError, OSError) as error:
            log.warning("lesson view not cached: %s", type(error).__name__)

    async def announce(self, versions: Mapping[UUID, int]) -> None:
        """Raise each lesson's stamp and drop its older view, in one pipeline."""
        try:
            async with self._redis.pipeline(transaction=False) as pipe:
                for lesson_id, version in versions.items():
                    await self._announce(keys=self._keys(lesson_id), args=[version, self._stamp_ttl_ms], client=pipe)
                await pipe.execute()
        except (RedisError, OSError) as error:
            log.warning("lesson versions not announced (views of live lessons expire by themselves): %s",
                        type(error).__name__)
