"""A running service for the security suite: two classes (tess teaches alice, tom teaches bob), an admin
(ada), a student in no class (carl); workers off so lesson states are set by the tests; a fast hasher."""

import dataclasses
from collections.abc import AsyncIterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from dependency_injector import providers
from litestar import Litestar
from litestar.testing import AsyncTestClient

from application.use_cases.create_user import CreateUserCommand
from application.use_cases.process_lesson import ProcessLessonCommand
from domain.failure import Failure
from domain.user import Role, User
from infrastructure.config.settings import AppSettings, LimitSettings
from infrastructure.container.application import ApplicationContainer, build_container
from infrastructure.security.argon2_password_hasher import Argon2PasswordHasher
from presentation.http.app import create_app
from tests.e2e.conftest import PASSWORD, embedded_settings, enrol
from tests.e2e.security.figures import FIGURES

USERS = {"alice": Role.STUDENT, "bob": Role.STUDENT, "carl": Role.STUDENT, "tess": Role.TEACHER,
         "tom": Role.TEACHER, "ada": Role.ADMIN}
UNLIMITED = LimitSettings(rate_limit_per_minute=0, daily_lesson_quota=0, daily_budget_usd=Decimal(0),
                          login_failures_per_username=0, login_failures_per_address=0)
LESSON_BODY = {"student_query": "How do plants make food?", "grade_level": 4, "interest": "soccer",
               "requested_modalities": ["text"]}


def fast_hasher() -> Argon2PasswordHasher:
    """Argon2id at its smallest cost: these tests measure authorisation, not hashing."""
    return Argon2PasswordHasher(time_cost=1, memory_cost_kib=8)


def security_settings(home: Path, limits: LimitSettings = UNLIMITED) -> AppSettings:
    """Embedded settings under `home` with the given limits (unlimited by default)."""
    return dataclasses.replace(embedded_settings(home), limits=limits)


async def create_users(container: ApplicationContainer) -> dict[str, User]:
    """Every user of USERS, with the shared test password."""
    users = {}
    for name, role in USERS.items():
        created = await container.use_cases.create_user().execute(
            CreateUserCommand(username=name, role=role, password=PASSWORD))
        users[name] = created.user
    return users


@dataclass
class World:
    """The app, its container, a client, and a token per user."""

    app: Litestar
    container: ApplicationContainer
    client: AsyncTestClient[Litestar]
    users: dict[str, User]
    tokens: dict[str, str]
    classes: dict[str, UUID]

    def headers(self, user: str | None) -> dict[str, str]:
        """The Authorization header of `user` (none for anonymous)."""
        return {"Authorization": f"Bearer {self.tokens[user]}"} if user else {}

    async def call(self, method: str, path: str, user: str | None, body: Any = None) -> Any:
        """One request as `user`."""
        return await self.client.request(method, path, headers=self.headers(user), json=body)

    async def raw(self, method: str, path: str, user: str | None, chunks: list[bytes] | None = None,
                  content_type: str = "application/json") -> tuple[int, bytes]:
        """A request straight to the ASGI app, path as given (no client-side normalisation of `..`), body in
        chunks without Content-Length; the status and the body answered."""
        pending = list(chunks or [b""])
        headers = [(b"content-type", content_type.encode())]
        if user:
            headers.append((b"authorization", f"Bearer {self.tokens[user]}".encode()))
        if chunks:
            headers.append((b"transfer-encoding", b"chunked"))
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
                 "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
                 "headers": headers, "client": ("127.0.0.1", 50000), "server": ("testserver", 80), "state": {}}
        sent: list[dict[str, Any]] = []

        async def receive() -> dict[str, Any]:
            if pending:
                return {"type": "http.request", "body": pending.pop(0), "more_body": bool(pending)}
            return {"type": "http.disconnect"}

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        await self.app(scope, receive, send)  # type: ignore[arg-type]
        status = next(m["status"] for m in sent if m["type"] == "http.response.start")
        return int(status), b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")

    async def new_lesson(self, owner: str, state: str = "queued") -> str:
        """A lesson of `owner` in `state` (queued, failed or completed)."""
        response = await self.call("POST", "/api/v1/lessons", owner, LESSON_BODY)
        assert response.status_code == 202, response.text
        lesson_id: str = response.json()["id"]
        if state == "failed":
            await self._fail(UUID(lesson_id))
        elif state == "completed":
            await self.process_queued()
        return lesson_id

    async def process_queued(self) -> None:
        """Run the pipeline over every queued lesson, as a worker would."""
        while await self.container.pipeline.process_lesson().execute(ProcessLessonCommand(worker_id="tests")):
            pass

    async def _fail(self, lesson_id: UUID) -> None:
        now = self.container.gateways.clock().now()
        async with self.container.gateways.uow()() as uow:
            lesson = await uow.lessons.get(lesson_id)
            assert lesson is not None
            lesson.claim(now)
            lesson.fail(Failure("write", "made_to_fail", "failed on purpose", retryable=True), now)
            await uow.lessons.save(lesson)
            await uow.commit()


async def start_world(settings: AppSettings) -> AsyncIterator[World]:
    """Build, start and populate the service."""
    container = build_container(settings)
    container.gateways.hasher.override(providers.Object(fast_hasher()))
    app = create_app(container, run_workers=False)
    async with AsyncTestClient(app) as client:
        users = await create_users(container)
        issuer = container.gateways.token_issuer()
        tokens = {name: issuer.issue(user).access_token for name, user in users.items()}
        classes = {"tess": await enrol(container, "tess", "alice"), "tom": await enrol(container, "tom", "bob")}
        yield World(app, container, client, users, tokens, classes)


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    async for running in start_world(security_settings(tmp_path)):
        yield running


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Repeat every measured figure at the end of the run."""
    if FIGURES:
        terminalreporter.section("security figures")
        for line in FIGURES:
            terminalreporter.write_line(line)
