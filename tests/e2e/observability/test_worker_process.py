"""A real `lessonsmith worker` process on the production profile (PostgreSQL + Redis): it serves its own
metrics on --metrics-port, and its JSON log lines carry the trace id of the API request that created the
lesson (bound from the lesson row, across processes)."""

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import urllib.request
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families
from redis.asyncio import Redis

from infrastructure.config.settings import AppSettings, DatabaseSettings, LimitSettings, QueueSettings
from tests.conftest import REDIS_URL, redis_prefix
from tests.e2e.conftest import SECRET, Service, embedded_settings, start_service
from tests.hang_guard import poll_until
from tests.postgres_support import empty_tables, fresh_corpus_database

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.req("RDS-067", "RDS-068")]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def postgres_url(corpus_database: Path) -> Iterator[str]:
    with fresh_corpus_database(corpus_database) as url:
        yield url


@pytest.fixture
async def api_only(tmp_path: Path, postgres_url: str, redis_client: Redis,
                   request: pytest.FixtureRequest) -> AsyncIterator[tuple[Service, dict[str, str]]]:
    """The API in this process (no workers) and the environment a worker process needs to join it."""
    prefix = redis_prefix(request).rstrip(":")
    base = embedded_settings(tmp_path)
    settings = AppSettings(
        home=base.home, database=DatabaseSettings(database_url=postgres_url),
        queue=QueueSettings(redis_url=REDIS_URL, redis_prefix=prefix, embedded_workers=False),
        artifacts=base.artifacts, auth=base.auth, providers=base.providers,
        limits=LimitSettings(rate_limit_per_minute=0, daily_lesson_quota=0),
    )
    env = {**os.environ, "LESSONSMITH_HOME": str(tmp_path), "LESSONSMITH_DATABASE_URL": postgres_url,
           "LESSONSMITH_REDIS_URL": REDIS_URL, "LESSONSMITH_REDIS_PREFIX": prefix, "LESSONSMITH_JWT_SECRET": SECRET,
           "LESSONSMITH_RECONCILE_SECONDS": "0.3", "LESSONSMITH_LOG_FORMAT": "json", "LESSONSMITH_LOG_LEVEL": "info"}
    await empty_tables(postgres_url)
    async for service in start_service(settings):
        yield service, env


def _start_worker(env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as stderr:
        process = subprocess.Popen([sys.executable, "-m", "presentation.cli.main", "worker", "--concurrency", "2",
                                    "--metrics-port", str(port), "--metrics-host", "127.0.0.1"],
                                   env=env, stdout=subprocess.PIPE, stderr=stderr)
    assert process.stdout is not None
    assert b"worker running" in process.stdout.readline()
    return process


Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]
QUEUE_DEPTH = ("lessonsmith_queue_depth", ())


def _scrape(port: int) -> Samples:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
        text = response.read().decode()
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


async def _scrape_drained(port: int) -> Samples:
    """The worker's metrics once its queue gauges show the drained queue (the worker measures the queue after
    each reconciler pass, so the lesson that finished last may be a pass ahead of the gauge); hang-guarded."""

    async def drained() -> Samples | None:
        found = await asyncio.to_thread(_scrape, port)
        return found if found.get(QUEUE_DEPTH) == 0 else None

    return await poll_until(drained, "the worker's queue gauge showing the drained queue", interval_s=0.1)


async def test_a_worker_process_exposes_metrics_and_logs_under_the_request_trace(
        api_only: tuple[Service, dict[str, str]], tmp_path: Path) -> None:
    service, env = api_only
    port = _free_port()
    log = tmp_path / "worker.log"
    worker = _start_worker(env, port, log)
    try:
        posted = [await service.student.request_lesson() for _ in range(2)]
        for response in posted:
            assert (await service.student.wait_until_terminal(response.json()["id"]))["status"] == "completed"
        found = await _scrape_drained(port)
    finally:
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=40) == 0

    assert found[("lessonsmith_lessons_finished_total", (("status", "completed"),))] == 2
    assert found[("lessonsmith_stage_duration_seconds_count",
                  (("outcome", "completed"), ("provider", "offline"), ("stage", "write")))] == 2
    assert found[QUEUE_DEPTH] == 0
    assert not [key for key in found if key[0] == "lessonsmith_http_requests_total"], "a worker serves no API"

    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    for response in posted:
        trace_id, lesson_id = response.headers["x-trace-id"], response.json()["id"]
        story = [line["event"] for line in lines if line.get("trace_id") == trace_id]
        assert story[0] == "lesson.claimed" and story[-1] == "lesson.completed", story
        assert {line["lesson_id"] for line in lines if line.get("trace_id") == trace_id} == {lesson_id}
    events = [line["event"] for line in lines]
    assert events[0] == "worker.started" and events[-2:] == ["worker.draining", "worker.stopped"]
