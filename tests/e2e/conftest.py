"""The whole app through the real container, on the embedded profile, with four users."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

import pytest
from asgi_lifespan import LifespanManager
from dependency_injector import providers
from httpx import ASGITransport, AsyncClient

from application.ports.actor import Actor
from application.use_cases.add_class_member import AddClassMemberCommand
from application.use_cases.create_class import CreateClassCommand
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
from infrastructure.security.argon2_password_hasher import Argon2PasswordHasher
from presentation.http.app import create_app
from presentation.runtime import start_services, stop_services
from presentation.worker.worker_pool import WorkerPool
from tests.corpus_support import seed_home, shared_embedder
from tests.e2e.api_client import ApiClient

PASSWORD = "correct-horse-battery"
SECRET = "e2e-secret-" + "x" * 40
FAST_HASHER = Argon2PasswordHasher(time_cost=1, memory_cost_kib=1024)


_session_corpus: list[Path] = []


@pytest.fixture(scope="session", autouse=True)
def session_corpus(corpus_database: Path) -> Path:
    """Every home `embedded_settings` makes from now on starts with this indexed corpus."""
    _session_corpus[:] = [corpus_database]
    return corpus_database


def embedded_settings(home: Path, database_url: str = "", *, seeded: bool = True, **queue: object) -> AppSettings:
    """Settings for a test: everything under `home`, fast reconciler; inside the test session and `seeded`,
    the home starts with the session's indexed corpus (start-up then only checks it is current)."""
    if seeded and _session_corpus:
        seed_home(home, _session_corpus[0])
    return AppSettings(
        home=HomeSettings(home=home), database=DatabaseSettings(database_url=database_url),
        queue=QueueSettings(reconcile_seconds=0.5, **queue), artifacts=ArtifactSettings(artifacts=""),
        auth=AuthSettings(jwt_secret=SECRET), providers=ProviderSettings(), limits=LimitSettings(),
    )


@dataclass
class Service:
    """A running app with a client per user."""

    container: ApplicationContainer
    client: AsyncClient
    student: ApiClient
    other_student: ApiClient
    teacher: ApiClient
    admin: ApiClient
    anonymous: ApiClient
    user_ids: dict[str, str]


def session_container(settings: AppSettings) -> ApplicationContainer:
    """The real container, on the session's (already loaded) model."""
    container = build_container(settings)
    container.grounding.embedder.override(providers.Object(shared_embedder()))
    return container


@asynccontextmanager
async def worker_process(settings: AppSettings, concurrency: int = 2) -> AsyncIterator[ApplicationContainer]:
    """What `lessonsmith worker` runs, in this process: its own container and a pool of workers, drained at exit."""
    worker = session_container(settings)
    await start_services(worker)
    pool = WorkerPool(worker, concurrency=concurrency)
    pool.start()
    try:
        yield worker
    finally:
        await pool.stop()
        await stop_services(worker)


async def start_service(settings: AppSettings) -> AsyncIterator[Service]:
    """Start the app (lifespan included, on this event loop) with the session's model, create users, log each
    one in."""
    container = session_container(settings)
    container.gateways.hasher.override(FAST_HASHER)  # the real cost is tested in integration/adapters
    app = create_app(container)
    transport = ASGITransport(app=app)
    async with LifespanManager(app, startup_timeout=30, shutdown_timeout=60), \
            AsyncClient(transport=transport, base_url="http://testserver") as client:
        clients: dict[str, ApiClient] = {}
        ids: dict[str, str] = {}
        for name, role in (("alice", Role.STUDENT), ("bob", Role.STUDENT), ("tess", Role.TEACHER),
                           ("ada", Role.ADMIN)):
            created = await container.use_cases.create_user().execute(
                CreateUserCommand(username=name, role=role, password=PASSWORD))
            ids[name] = str(created.user.id)
            clients[name] = ApiClient(client)
            assert (await clients[name].login(name, PASSWORD)).status_code == 200
        await enrol(container, "tess", "alice")
        yield Service(container, client, clients["alice"], clients["bob"], clients["tess"], clients["ada"],
                      ApiClient(client), ids)


async def enrol(container: ApplicationContainer, teacher: str, *students: str) -> UUID:
    """A class taught by `teacher` with `students` in it; returns its id."""
    operator = Actor(UUID(int=0), Role.ADMIN)
    roster = await container.use_cases.create_class().execute(
        CreateClassCommand(actor=operator, name=f"{teacher}'s class", teacher_username=teacher))
    for student in students:
        await container.use_cases.add_class_member().execute(
            AddClassMemberCommand(actor=operator, class_id=roster.school_class.id, username=student))
    return roster.school_class.id


@pytest.fixture
async def service(tmp_path: Path) -> AsyncIterator[Service]:
    async for running in start_service(embedded_settings(tmp_path)):
        yield running
