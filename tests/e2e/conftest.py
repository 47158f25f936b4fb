"""The whole app through the real container, on the embedded profile, with four users."""

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from dependency_injector import providers
from litestar.testing import AsyncTestClient

from application.use_cases.create_user import CreateUserCommand
from domain.user import Role
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
from infrastructure.container.application import ApplicationContainer, build_container
from presentation.http.app import create_app
from tests.corpus_support import seed_home, shared_embedder
from tests.e2e.api_client import ApiClient

PASSWORD = "correct-horse-battery"
SECRET = "e2e-secret-" + "x" * 40


def embedded_settings(home: Path, database_url: str = "", **queue: object) -> AppSettings:
    """Settings for a test: everything under `home`, fast reconciler."""
    return AppSettings(
        home=HomeSettings(home=home), database=DatabaseSettings(database_url=database_url),
        queue=QueueSettings(reconcile_seconds=0.5, **queue), artifacts=ArtifactSettings(artifacts=""),
        auth=AuthSettings(jwt_secret=SECRET), providers=ProviderSettings(), limits=LimitSettings(),
    )


@dataclass
class Service:
    """A running app with a client per user."""

    container: ApplicationContainer
    client: AsyncTestClient[object]
    student: ApiClient
    other_student: ApiClient
    teacher: ApiClient
    admin: ApiClient
    anonymous: ApiClient
    user_ids: dict[str, str]


async def start_service(settings: AppSettings, corpus_database: Path | None = None) -> AsyncIterator[Service]:
    """Start the app (lifespan included), create users, log each one in.

    With `corpus_database`, the embedded home starts with the corpus already indexed (start-up then only
    checks it is current); the session's model is shared.
    """
    if corpus_database is not None:
        seed_home(settings.home.home, corpus_database)
    container = build_container(settings)
    container.grounding.embedder.override(providers.Object(shared_embedder()))
    app = create_app(container)
    async with AsyncTestClient(app) as client:
        clients: dict[str, ApiClient] = {}
        ids: dict[str, str] = {}
        for name, role in (("alice", Role.STUDENT), ("bob", Role.STUDENT), ("tess", Role.TEACHER),
                           ("ada", Role.ADMIN)):
            created = await container.use_cases.create_user().execute(
                CreateUserCommand(username=name, role=role, password=PASSWORD))
            ids[name] = str(created.user.id)
            clients[name] = ApiClient(client)
            assert (await clients[name].login(name, PASSWORD)).status_code == 200
        yield Service(container, client, clients["alice"], clients["bob"], clients["tess"], clients["ada"],
                      ApiClient(client), ids)


@pytest.fixture
async def service(tmp_path: Path, corpus_database: Path) -> AsyncIterator[Service]:
    async for running in start_service(embedded_settings(tmp_path), corpus_database):
        yield running
