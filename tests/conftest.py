"""Suite-wide rules: in CI a missing service fails instead of skipping, and every layer must run tests."""

import os
import shutil
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from redis.asyncio import Redis

# numpy's OpenBLAS starts one spinning thread per core. On the shared 2-core machine, with other processes running,
# embedding the session's corpus took 231 s with that default and 40 s with one thread, and passed 600 s with two
# busy loops beside it. OpenBLAS reads the variable when numpy loads, so it is set before anything imports numpy:
# nothing this module imports at its top may import numpy (tests.corpus_support is imported in the fixture).
# Worker processes started by tests inherit it; an explicit setting is kept; benchmarks are not affected.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
IN_CI = os.environ.get("CI", "").lower() == "true"
LAYERS = ("unit", "integration", "e2e", "faults")
REDIS_URL = os.environ.get("LESSONSMITH_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
_passed: Counter[str] = Counter()
_collected: Counter[str] = Counter()


def service_unavailable(what: str) -> None:
    """Skip locally, fail in CI, when a required test service cannot be reached."""
    message = f"{what} is not reachable"
    if IN_CI:
        pytest.fail(f"{message}: CI requires it (CI=true)", pytrace=False)
    pytest.skip(message)


def _layer(nodeid: str) -> str | None:
    parts = nodeid.split("/")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Count the selected tests per layer (a run of one folder or file selects some layers only)."""
    for item in items:
        if (layer := _layer(item.nodeid)) is not None:
            _collected[layer] += 1


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Count passed tests per layer."""
    if report.when == "call" and report.passed and (layer := _layer(report.nodeid)) is not None:
        _passed[layer] += 1


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """In CI, a skipped test fails the run, as does a layer with no passed test (every layer on a run of the
    whole suite; the selected ones on a run of some folders or files)."""
    if not IN_CI or session.config.option.collectonly:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    whole_suite = session.config.args_source is pytest.Config.ArgsSource.TESTPATHS  # no paths given
    empty = [layer for layer in LAYERS if (whole_suite or _collected[layer]) and _passed[layer] == 0]
    if skipped or empty:
        if reporter:
            reporter.write_line(f"CI: {skipped} skipped test(s); layers with no passed test: {empty or 'none'}",
                                red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture
async def redis_client(request: pytest.FixtureRequest) -> AsyncIterator[Redis]:
    """A client of the shared Redis; every key the test made under its prefix is deleted afterwards."""
    client = Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        await client.ping()
    except Exception:
        await client.aclose()
        service_unavailable(f"Redis at {REDIS_URL}")
    yield client
    prefix = redis_prefix(request)
    async for key in client.scan_iter(match=f"{prefix}*"):
        await client.delete(key)
    await client.aclose()


def redis_prefix(request: pytest.FixtureRequest) -> str:
    """A key prefix unique to the test."""
    return f"lessonsmith-test:{os.getpid()}:{request.node.name}:"


@pytest.fixture(scope="session")
def corpus_database(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite database with the shipped corpus ingested; copy it, never write to it.

    Built once per session, and kept in pytest's cache folder under a key of the corpus, the model and
    the migrations, so a re-run with none of them changed skips the embedding.
    """
    from tests.corpus_support import build_corpus_database_sync, corpus_database_key

    cache = getattr(request.config, "cache", None)  # None under -p no:cacheprovider
    if cache is None:
        return build_corpus_database_sync(tmp_path_factory.mktemp("corpus"))
    cached = cache.mkdir("lessonsmith-corpus") / f"{corpus_database_key()}.db"
    if not cached.exists():
        built = build_corpus_database_sync(tmp_path_factory.mktemp("corpus"))
        shutil.copyfile(built, cached)
    return cached
