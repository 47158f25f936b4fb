"""The gateways container: clients, pools and adapters to the outside world."""

from datetime import timedelta

from dependency_injector import containers, providers

from infrastructure.config.settings import AppSettings
from infrastructure.container.gateway_factories import (
    close_on_shutdown,
    make_artifact_store,
    make_doorbell,
    make_lesson_inbox,
    make_lesson_view_cache,
    make_readiness,
    make_redis,
    resolve_jwt_secret,
)
from infrastructure.container.limit_factories import (
    make_admission_gate,
    make_lesson_limits,
    make_login_throttle,
    make_rate_counter,
    make_token_deny_list,
)
from infrastructure.observability.prometheus_metrics import PrometheusMetrics
from infrastructure.observability.structlog_log_context import StructlogLogContext
from infrastructure.persistence.engine import create_engine
from infrastructure.persistence.sqla_unit_of_work import SqlaUnitOfWorkFactory
from infrastructure.pricing.list_price_estimator import ListPriceEstimator
from infrastructure.pricing.price_table import PriceTable
from infrastructure.resilience.circuit_breakers import BreakerBoard
from infrastructure.security.argon2_password_hasher import Argon2PasswordHasher
from infrastructure.security.jwt_token_issuer import JwtTokenIssuer
from infrastructure.security.verified_token_cache import VerifiedTokenCache
from infrastructure.system.system_clock import SystemClock
from infrastructure.system.uuid_generator import Uuid4Generator


class Gateways(containers.DeclarativeContainer):
    """Singletons created lazily at start-up; `lifecycle` closes the pool and Redis at shutdown."""

    settings = providers.Dependency(instance_of=AppSettings)

    clock = providers.Singleton(SystemClock)
    breakers = providers.Singleton(BreakerBoard, failures=settings.provided.vertex.vertex_breaker_failures,
                                   reset_s=settings.provided.vertex.vertex_breaker_reset_seconds)
    ids = providers.Singleton(Uuid4Generator)
    engine = providers.Singleton(create_engine, settings.provided.database_url)
    redis = providers.Singleton(make_redis, settings)
    doorbell = providers.Singleton(make_doorbell, redis, settings)
    artifact_store = providers.Singleton(make_artifact_store, settings)
    hasher = providers.Singleton(Argon2PasswordHasher)
    jwt_secret = providers.Singleton(resolve_jwt_secret, settings)
    token_issuer = providers.Singleton(
        JwtTokenIssuer,
        secret=jwt_secret,
        issuer=settings.provided.auth.jwt_issuer,
        audience=settings.provided.auth.jwt_audience,
        ttl=providers.Factory(timedelta, seconds=settings.provided.auth.token_ttl_seconds),
        clock=clock,
    )
    token_deny_list = providers.Singleton(make_token_deny_list, redis, engine, settings, clock)
    lesson_views = providers.Singleton(make_lesson_view_cache, redis, settings, token_deny_list)
    uow = providers.Singleton(SqlaUnitOfWorkFactory, engine, lesson_views)
    lesson_inbox = providers.Singleton(make_lesson_inbox, settings, uow)
    verified_tokens: providers.Singleton[VerifiedTokenCache[object]] = providers.Singleton(VerifiedTokenCache)
    rate_counter = providers.Singleton(make_rate_counter, redis, settings, clock)
    admission_gate = providers.Singleton(make_admission_gate, redis, settings, token_deny_list, rate_counter)
    lesson_limits = providers.Singleton(make_lesson_limits, admission_gate, settings.provided.limits)
    login_throttle = providers.Singleton(make_login_throttle, rate_counter, settings.provided.limits)
    price_table = providers.Singleton(PriceTable.bundled)
    estimator = providers.Singleton(ListPriceEstimator, price_table)
    readiness = providers.Singleton(make_readiness, engine, redis, artifact_store)
    lifecycle = providers.Resource(close_on_shutdown, engine, redis, lesson_inbox, doorbell)
    metrics = providers.Singleton(PrometheusMetrics)
    log_context = providers.Singleton(StructlogLogContext)
