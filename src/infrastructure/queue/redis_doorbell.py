"""The production doorbell on Redis Streams: a capped stream read through one consumer group."""

import asyncio
import secrets
from typing import Any
from uuid import UUID

from redis.asyncio import Redis
from redis.exceptions import RedisError, ResponseError

from application.errors import StorageError
from application.ports.job_doorbell import JobDoorbell

MAX_STREAM_LENGTH = 10_000
GROUP = "workers"
# One XADD per lesson id in ARGV[2..], the stream capped near ARGV[1] entries: a batch of rings is one command.
_RING_ALL = """
for i = 2, #ARGV do
  redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'lesson', ARGV[i])
end
return #ARGV - 1
"""


class RedisDoorbell(JobDoorbell):
    """XADD on ring; XREADGROUP (BLOCK) + XACK on wait.

    Rings are coalesced: `ring` queues the id and returns, one task sends every queued ring in one script
    call (an XADD each, one round trip), and rings queued while that call is in flight go out in the next one.
    Under load a POST so costs a fraction of a Redis round trip; `drain` sends what is queued (shutdown).

    Why Streams and not a job queue: the database row is the job and the truth (lease + fence); the stream
    only wakes an idle worker. A consumer group hands each ring to one worker, rings survive while nobody
    listens (unlike pub/sub), and the stream is capped. A lost ring only delays a lesson until the
    reconciler re-rings it, so ring() never raises.
    """

    def __init__(self, client: "Redis", key: str = "lessonsmith:doorbell") -> None:
        self._client = client
        self._key = key
        self._consumer = f"c-{secrets.token_hex(6)}"
        self._group_ready = False
        self._queued: list[str] = []
        self._sending: asyncio.Task[None] | None = None
        self._ring_all = client.register_script(_RING_ALL)

    async def ring(self, lesson_id: UUID) -> None:
        """Queue a ring for the next script call; a Redis outage loses it (the reconciler re-rings), never raises."""
        self._queued.append(str(lesson_id))
        if self._sending is None:
            self._sending = asyncio.get_running_loop().create_task(self._send_queued())

    async def drain(self) -> None:
        """Wait until every queued ring has been sent (or lost to an outage)."""
        while self._sending is not None:
            await asyncio.shield(self._sending)

    async def _send_queued(self) -> None:
        try:
            while self._queued:
                batch, self._queued = self._queued, []
                try:
                    await self._ring_all(keys=[self._key], args=[MAX_STREAM_LENGTH, *batch])
                except (RedisError, OSError):
                    continue
        finally:
            self._sending = None

    async def wait(self, timeout_s: float) -> bool:
        """Block up to `timeout_s` for a ring meant for this consumer; True when one arrived."""
        try:
            await self._ensure_group()
            block_ms = max(1, int(timeout_s * 1000))
            answer: Any = await self._client.xreadgroup(GROUP, self._consumer, {self._key: ">"}, count=1,
                                                        block=block_ms)
            ids = _message_ids(answer)
            if ids:
                await self._client.xack(self._key, GROUP, *ids)
            return bool(ids)
        except ResponseError as error:
            if "NOGROUP" in str(error):
                self._group_ready = False
                return False
            raise StorageError(f"redis doorbell failed: {error}") from error
        except (RedisError, OSError) as error:
            self._group_ready = False
            raise StorageError(f"redis doorbell unavailable: {error}") from error

    async def _ensure_group(self) -> None:
        if self._group_ready:
            return
        try:
            await self._client.xgroup_create(self._key, GROUP, id="0", mkstream=True)
        except ResponseError as error:
            if "BUSYGROUP" not in str(error):
                raise
        self._group_ready = True


def _message_ids(answer: Any) -> list[str | bytes]:
    """The message ids in an XREADGROUP answer (a list of [stream, [(id, fields), ...]], or a dict in RESP3)."""
    streams = answer.items() if isinstance(answer, dict) else (answer or [])
    return [message[0] for _, messages in streams for message in messages]
