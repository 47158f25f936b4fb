"""Builders the gateway container calls: each picks the embedded or the production adapter from settings."""

from collections.abc import AsyncIterator
from pathlib import Path

from redis.asyncio import BlockingConnectionPool, Redis
from sqlalchemy.ext.asyncio import AsyncEngine

from application.ports.artifact_store import ArtifactStore
from application.ports.job_doorbell import JobDoorbell
from application.ports.lesson_inbox import LessonInbox
from application.ports.lesson_view_cache import LessonViewCache
from application.ports.token_deny_list import TokenDenyList
from application.ports.unit_of_work import UnitOfWorkFactory
from application.uow_lesson_inbox import UnitOfWorkLessonInbox
from infrastructure.cache.no_lesson_view_cache import NoLessonViewCache
from infrastructure.cache.redis_lesson_view_cache import RedisLessonViewCache
from infrastructure.config.settings import AppSettings
from infrastructure.health.readiness import Probe, Readiness, database_probe, redis_probe
from infrastructure.persistence.asyncpg_lesson_inbox import AsyncpgLessonInbox
from infrastructure.queue.in_process_doorbell import InProcessDoorbell
from infrastructure.queue.redis_doorbell import RedisDoorbell
from infrastructure.security.jwt_secret_file import load_or_create_secret
from infrastructure.storage.gcs_factory import GcsConfigurationError, make_gcs_artifact_store
from infrastructure.storage.local_artifact_store import LocalArtifactStore


class ConfigurationError(Exception):
    """The settings cannot work (a missing secret, an unsupported backend); the message says which."""


def make_redis(settings: AppSettings) -> "Redis | None":
    """A Redis client when LESSONSMITH_REDIS_URL is set (connections open lazily), else None.

    Its pool waits up to 5 s for a free connection instead of failing at once: the deny-list and the
    limiters put Redis on the path of every authenticated request, so bursts must queue, not fail."""
    url = settings.queue.redis_url
    if not url:
        return None
    pool = BlockingConnectionPool.from_url(url, max_connections=100, timeout=5, socket_connect_timeout=2,
                                           socket_timeout=10, health_check_interval=30)
    return Redis.from_pool(pool)


def make_doorbell(redis: "Redis | None", settings: AppSettings) -> JobDoorbell:
    """Redis when configured (keys under LESSONSMITH_REDIS_PREFIX), else the in-process doorbell."""
    if redis is None:
        return InProcessDoorbell()
    return RedisDoorbell(redis, key=f"{settings.queue.redis_prefix}:doorbell")


def make_lesson_view_cache(redis: "Redis | None", settings: AppSettings,
                           deny_list: TokenDenyList) -> LessonViewCache:
    """Views in Redis (shared by every API and worker process) when configured; none when embedded."""
    if redis is None:
        return NoLessonViewCache(deny_list)
    return RedisLessonViewCache(redis, settings.queue.redis_prefix)


def make_lesson_inbox(settings: AppSettings, uow: UnitOfWorkFactory) -> LessonInbox:
    """Straight through asyncpg on PostgreSQL; through the unit of work on SQLite."""
    if settings.is_embedded:
        return UnitOfWorkLessonInbox(uow)
    return AsyncpgLessonInbox(settings.database_url)


def make_artifact_store(settings: AppSettings) -> ArtifactStore:
    """The local folder under home, the folder LESSONSMITH_ARTIFACTS names, or Cloud Storage for gs://…"""
    target = settings.artifacts.artifacts
    if target.startswith("gs://"):
        try:
            return make_gcs_artifact_store(target, settings.gcs)
        except GcsConfigurationError as error:
            raise ConfigurationError(str(error)) from None
    root = Path(target) if target else settings.home.home / "artifacts"
    return LocalArtifactStore(root)


def resolve_jwt_secret(settings: AppSettings) -> str:
    """The configured secret; embedded only, a secret generated once into the home folder."""
    if settings.auth.jwt_secret:
        return settings.auth.jwt_secret
    if not settings.is_embedded:
        raise ConfigurationError("LESSONSMITH_JWT_SECRET is required outside the embedded profile")
    return load_or_create_secret(settings.home.home)


def make_readiness(engine: AsyncEngine, redis: "Redis | None", store: ArtifactStore) -> Readiness:
    """Probes for the database, the queue (Redis when configured) and the artifact store."""
    probes: dict[str, Probe] = {"database": database_probe(engine)}
    if redis is not None:
        probes["queue"] = redis_probe(redis)
    probes["storage"] = store.is_ready
    return Readiness(probes)


async def close_on_shutdown(engine: AsyncEngine, redis: "Redis | None", inbox: LessonInbox,
                            doorbell: JobDoorbell) -> AsyncIterator[None]:
    """A Resource body: nothing to open; at shutdown send the queued rings, dispose the pools, close Redis."""
    yield
    if isinstance(doorbell, RedisDoorbell):
        await doorbell.drain()
    if isinstance(inbox, AsyncpgLessonInbox):
        await inbox.close()
    await engine.dispose()
    if redis is not None:
        await redis.aclose()
