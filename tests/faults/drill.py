"""A fault drill: throw-away servers, worker processes, a lesson load and the journal of the slow upstream."""

import contextlib
import json
import os
import secrets
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine

from application.ports.actor import Actor
from application.ports.embedder import Embedder
from application.use_cases.create_user import CreateUserCommand
from application.use_cases.request_lesson import RequestLessonCommand
from domain.user import Role
from infrastructure.config.settings import AppSettings
from infrastructure.container.application import ApplicationContainer, build_container
from presentation.runtime import start_services
from tests.corpus_support import ingest_shipped_corpus
from tests.faults.servers import ThrowawayPostgres, ThrowawayRedis
from tests.hang_guard import poll_until

LEASE_S = 3.0
RECONCILE_S = 1.0
UPSTREAM_MS = 300
QUERIES = ["How do plants make food?", "What is the water cycle?", "Why do things fall down?",
           "What is a fraction?", "Who built the pyramids?", "What is a noun?"]


@dataclass
class Drill:
    """Servers, settings and worker processes of one fault drill."""

    root: Path
    postgres: ThrowawayPostgres
    redis: ThrowawayRedis
    database: str
    workers: list[subprocess.Popen[bytes]] = field(default_factory=list)

    @property
    def database_url(self) -> str:
        return self.postgres.url.rsplit("/", 1)[0] + f"/{self.database}"

    @property
    def journal(self) -> Path:
        return self.root / "journal.jsonl"

    @property
    def env(self) -> dict[str, str]:
        """The worker processes' settings (the API side builds the same from `settings()`)."""
        return {
            **os.environ,
            "LESSONSMITH_DATABASE_URL": self.database_url, "LESSONSMITH_REDIS_URL": self.redis.url,
            "LESSONSMITH_JWT_SECRET": "fault-drill-secret-" + "x" * 32, "LESSONSMITH_HOME": str(self.root / "home"),
            "LESSONSMITH_ARTIFACTS": str(self.root / "artifacts"), "LESSONSMITH_LEASE_SECONDS": str(LEASE_S),
            "LESSONSMITH_HEARTBEAT_SECONDS": "1", "LESSONSMITH_RECONCILE_SECONDS": str(RECONCILE_S),
            "LESSONSMITH_STALE_QUEUED_SECONDS": "2", "LESSONSMITH_MAX_DELIVERIES": "10",
            "LESSONSMITH_SIMULATED_UPSTREAM_MS": str(UPSTREAM_MS),
            "LESSONSMITH_SIMULATED_UPSTREAM_JOURNAL": str(self.journal),
            "LESSONSMITH_RATE_LIMIT_PER_MINUTE": "0", "LESSONSMITH_DAILY_LESSON_QUOTA": "0",
            "LESSONSMITH_DAILY_BUDGET_USD": "0",
            # Every drill lesson asks the same question: with reuse on, a lesson reclaimed after a kill could be
            # completed from a finished twin without running a stage, and the drill would measure nothing.
            "LESSONSMITH_REUSE_FINISHED_LESSONS": "false",
        }

    def settings(self) -> AppSettings:
        """The same settings, read the way the service reads them."""
        saved = dict(os.environ)
        os.environ.update(self.env)
        try:
            return AppSettings.load()
        finally:
            os.environ.clear()
            os.environ.update(saved)

    def start_worker(self, concurrency: int = 4) -> subprocess.Popen[bytes]:
        """A `lessonsmith worker` process; returns once it says it is running."""
        log = self.root / f"worker-{secrets.token_hex(4)}.log"
        with log.open("ab") as stderr:  # the child keeps its own copy of the descriptor
            process = subprocess.Popen([sys.executable, "-m", "presentation.cli.main", "worker", "--concurrency",
                                        str(concurrency)], env=self.env, stdout=subprocess.PIPE, stderr=stderr)
        assert process.stdout is not None
        line = process.stdout.readline()
        assert b"worker running" in line, line
        self.workers.append(process)
        return process

    def kill(self, process: subprocess.Popen[bytes]) -> None:
        """SIGKILL: no drain, no release; the lease must expire."""
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        self.workers.remove(process)

    def stop_workers(self) -> None:
        """SIGTERM every worker and wait for a clean exit."""
        for process in self.workers:
            process.send_signal(signal.SIGTERM)
        for process in self.workers:
            process.wait(timeout=60)
        self.workers.clear()

    def log_events(self, event: str) -> list[dict[str, Any]]:
        """The JSON log lines named `event` that any worker wrote so far (a SIGKILLed worker's last line may be
        cut short: lines that are not JSON are skipped)."""
        found = []
        for log in sorted(self.root.glob("worker-*.log")):
            for line in log.read_text(errors="replace").splitlines():
                with contextlib.suppress(ValueError):
                    record = json.loads(line)
                    if isinstance(record, dict) and record.get("event") == event:
                        found.append(record)
        return found

    def journal_lines(self) -> list[dict[str, Any]]:
        """Every call the slow upstream journaled so far."""
        if not self.journal.exists():
            return []
        return [json.loads(line) for line in self.journal.read_text().splitlines() if line.strip()]


@dataclass
class Load:
    """A container on the API side and the lessons it created."""

    container: ApplicationContainer
    actor: Actor
    lesson_ids: list[UUID] = field(default_factory=list)

    async def post(self, count: int) -> None:
        """Create `count` text lessons the way POST /lessons does."""
        for n in range(count):
            result = await self.container.use_cases.request_lesson().execute(RequestLessonCommand(
                actor=self.actor, student_query=QUERIES[n % len(QUERIES)], grade_level=3 + n % 9,
                requested_modalities=["text"]))
            self.lesson_ids.append(result.lesson_id)

    async def statuses(self) -> dict[str, int]:
        """How many of the lessons are in each status."""
        engine = self.container.gateways.engine()
        async with engine.connect() as connection:
            rows = await connection.execute(sa.text("SELECT status, count(*) FROM lesson_requests GROUP BY status"))
            return {str(status): int(count) for status, count in rows}

    async def drain(self) -> dict[str, int]:
        """Wait until every lesson is terminal (hang-guarded); returns the status counts."""

        async def terminal() -> dict[str, int] | None:
            counts = await self.statuses()
            return None if counts.get("queued", 0) + counts.get("running", 0) else counts

        return await poll_until(terminal, "every lesson reaching a terminal status", interval_s=0.25)


async def create_database(postgres: ThrowawayPostgres, name: str, embedder: Embedder) -> None:
    """CREATE DATABASE on the throw-away server, migrate it and ingest the shipped corpus."""
    engine = create_async_engine(postgres.url, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            await connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    finally:
        await engine.dispose()
    await ingest_shipped_corpus(postgres.url.rsplit("/", 1)[0] + f"/{name}", embedder)


async def api_side(drill: Drill, *, doorbell_override: object | None = None) -> Load:
    """Start an API-side container (no workers) with a student to request lessons."""
    container = build_container(drill.settings())
    if doorbell_override is not None:
        container.gateways.doorbell.override(doorbell_override)
    await start_services(container)
    created = await container.use_cases.create_user().execute(
        CreateUserCommand(username=f"student-{os.getpid()}-{id(container)}", role=Role.STUDENT,
                          password="fault-drill-password"))
    return Load(container, Actor(created.user.id, Role.STUDENT))


def open_calls(lines: list[dict[str, Any]]) -> Iterator[tuple[int, str, int]]:
    """(pid, lesson, attempt) of upstream calls that started and have not ended."""
    ended = {(x["pid"], x["lesson"], x["stage"], x["attempt"]) for x in lines if x["event"] == "end"}
    for x in lines:
        if x["event"] == "start" and (x["pid"], x["lesson"], x["stage"], x["attempt"]) not in ended:
            yield x["pid"], x["lesson"], x["attempt"]
