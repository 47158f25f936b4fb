"""The production doorbell on Redis: a capped list that any worker process can block on."""

from uuid import UUID

from redis.asyncio import Redis
from redis.exceptions import RedisError

from application.errors import StorageError
from application.ports.job_doorbell import JobDoorbell

MAX_PENDING_RINGS = 10_000


class RedisDoorbell(JobDoorbell):
    """LPUSH on ring, BRPOP on wait. Rings are hints: the database row is the truth, so a lost ring is harmless."""

    def __init__(self, client: "Redis", key: str = "lessonsmith:doorbell") -> None:
        self._client = client
        self._key = key

    async def ring(self, lesson_id: UUID) -> None:
        """Push a ring; a Redis outage only delays the lesson until the reconciler re-rings it."""
        try:
            async with self._client.pipeline(transaction=False) as pipe:
                pipe.lpush(self._key, str(lesson_id))
                pipe.ltrim(self._key, 0, MAX_PENDING_RINGS - 1)
                await pipe.execute()
        except (RedisError, OSError):
            return

    async def wait(self, timeout_s: float) -> bool:
        """Block up to `timeout_s` for a ring."""
        try:
            popped = await self._client.brpop([self._key], timeout=max(timeout_s, 0.01))
        except (RedisError, OSError) as error:
            raise StorageError(f"redis doorbell unavailable: {error}") from error
        return popped is not None
