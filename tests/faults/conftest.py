"""Fixtures of the fault suite: one throw-away PostgreSQL cluster and Redis per module, a database per test."""

import asyncio
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import service_unavailable
from tests.corpus_support import MemoEmbedder, prime_from, shared_embedder
from tests.faults.drill import Drill, create_database
from tests.faults.servers import ThrowawayPostgres, ThrowawayRedis


@pytest.fixture(scope="module")
def servers() -> Iterator[tuple[ThrowawayPostgres, ThrowawayRedis]]:
    if not ThrowawayPostgres.available():
        service_unavailable("PostgreSQL server binaries (initdb, pg_ctl)")
    root = Path(tempfile.mkdtemp(prefix="lessonsmith-pg-"))  # pytest's own temp tree is closed to `postgres`
    postgres = ThrowawayPostgres(root)
    redis = ThrowawayRedis()
    postgres.init()
    postgres.start()
    redis.start()
    try:
        yield postgres, redis
    finally:
        redis.stop()
        postgres.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def primed_embedder(corpus_database: Path) -> MemoEmbedder:
    """The session's model, knowing every corpus vector: ingesting the corpus again embeds nothing."""
    model = shared_embedder()
    asyncio.run(prime_from(corpus_database, model))
    return model


@pytest.fixture
def drill(servers: tuple[ThrowawayPostgres, ThrowawayRedis], tmp_path: Path,
          primed_embedder: MemoEmbedder) -> Iterator[Drill]:
    postgres, redis = servers
    name = f"drill_{secrets.token_hex(4)}"
    asyncio.run(create_database(postgres, name, primed_embedder))
    running = Drill(root=tmp_path, postgres=postgres, redis=redis, database=name)
    try:
        yield running
    finally:
        for process in list(running.workers):
            running.kill(process)
