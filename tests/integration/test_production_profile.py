"""Outside the embedded profile, start-up refuses a missing secret or an unreachable dependency, naming it."""

from pathlib import Path

import pytest

from infrastructure.config.settings import (
    AppSettings,
    ArtifactSettings,
    AuthSettings,
    DatabaseSettings,
    HomeSettings,
    LimitSettings,
    ProviderSettings,
    QueueSettings,
)
from infrastructure.container.application import build_container
from infrastructure.container.gateway_factories import ConfigurationError
from presentation.runtime import start_services, stop_services

pytestmark = pytest.mark.req("RDS-030")
UNREACHABLE_DB = "postgresql+asyncpg://nobody@127.0.0.1:1/nowhere"
SECRET = "production-secret-" + "y" * 32


def production(home: Path, *, secret: str = SECRET, redis_url: str = "") -> AppSettings:
    """Production settings pointing at ports where nothing listens."""
    return AppSettings(
        home=HomeSettings(home=home), database=DatabaseSettings(database_url=UNREACHABLE_DB),
        queue=QueueSettings(redis_url=redis_url), artifacts=ArtifactSettings(artifacts=str(home / "artifacts")),
        auth=AuthSettings(jwt_secret=secret), providers=ProviderSettings(), limits=LimitSettings(),
    )


async def test_a_missing_secret_is_refused_by_its_variable_name(tmp_path: Path) -> None:
    container = build_container(production(tmp_path, secret=""))
    with pytest.raises(ConfigurationError, match="LESSONSMITH_JWT_SECRET is required"):
        await start_services(container)
    assert not (tmp_path / "jwt_secret").exists()


async def test_unreachable_database_and_redis_are_named(tmp_path: Path) -> None:
    container = build_container(production(tmp_path, redis_url="redis://127.0.0.1:1/0"))
    with pytest.raises(ConfigurationError) as refused:
        await start_services(container)
    await stop_services(container)
    assert "cannot reach: database, queue" in str(refused.value)
