"""Reuse end to end, on the embedded profile (SQLite) and the production profile (PostgreSQL + Redis)."""

from collections.abc import AsyncIterator, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from infrastructure.config.settings import AppSettings, DatabaseSettings, LimitSettings, QueueSettings
from tests.conftest import REDIS_URL, redis_prefix
from tests.e2e.conftest import Service, embedded_settings, start_service, worker_process
from tests.postgres_support import fresh_corpus_database

pytestmark = pytest.mark.req("RDS-071")

REUSED = "reused from an identical finished lesson"
BODY = {"student_query": "How do plants make food?", "grade_level": 4, "interest": "music",
        "requested_modalities": ["text", "audio"]}


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=[pytest.mark.postgres, pytest.mark.redis])])
def database_url(request: pytest.FixtureRequest, corpus_database: Path) -> Iterator[str]:
    """Empty for the embedded SQLite file, else a fresh PostgreSQL database holding the corpus."""
    if request.param == "sqlite":
        yield ""
        return
    request.getfixturevalue("redis_client")
    with fresh_corpus_database(corpus_database) as url:
        yield url


@pytest.fixture
async def backend(request: pytest.FixtureRequest, tmp_path: Path, database_url: str) -> AsyncIterator[Service]:
    if not database_url:
        async for service in start_service(embedded_settings(tmp_path)):
            yield service
        return
    settings = AppSettings(
        home=embedded_settings(tmp_path).home, database=DatabaseSettings(database_url=database_url),
        queue=QueueSettings(redis_url=REDIS_URL, redis_prefix=redis_prefix(request).rstrip(":"),
                            embedded_workers=False, reconcile_seconds=0.5),
        artifacts=embedded_settings(tmp_path).artifacts, auth=embedded_settings(tmp_path).auth,
        providers=embedded_settings(tmp_path).providers, limits=LimitSettings(),
    )
    async for service in start_service(settings):
        async with worker_process(settings):
            yield service


def saved_lines(lesson: dict[str, Any]) -> dict[str, str]:
    return {line["stage"]: line["note"] for line in lesson["cost"]["lines"] if line["kind"] == "saved"}


async def test_an_identical_request_reuses_the_finished_lesson(backend: Service) -> None:
    first_id = (await backend.student.request_lesson(BODY)).json()["id"]
    first = await backend.student.wait_until_terminal(first_id)
    assert first["status"] == "completed" and REUSED not in saved_lines(first).values()
    same = {**BODY, "student_query": "  how do PLANTS make food ", "grade_level": 5, "interest": "Music"}
    second_id = (await backend.other_student.request_lesson(same)).json()["id"]
    second = await backend.other_student.wait_until_terminal(second_id)

    assert second_id != first_id and second["status"] == "completed"
    assert second["lesson"]["sections"] == first["lesson"]["sections"]
    ran = [s["name"] for s in first["stages"] if s["status"] == "completed"]
    assert [s["name"] for s in second["stages"] if s["status"] == "completed"] == ran
    notes = saved_lines(second)
    assert {stage for stage, note in notes.items() if note == REUSED} == set(ran) - {"publish"}
    assert Decimal(second["cost"]["total_usd"]) == 0
    assert Decimal(second["cost"]["saved_usd"]) > Decimal(first["cost"]["saved_usd"])
    assert [(a["name"], a["sha256"]) for a in second["artifacts"]] == [(a["name"], a["sha256"])
                                                                        for a in first["artifacts"]]
    narration = await backend.other_student.get(f"/api/v1/lessons/{second_id}/artifacts/narration.wav")
    assert narration.status_code == 200 and narration.content[:4] == b"RIFF"
    assert (await backend.student.get_lesson(second_id)).status_code == 404  # still the other student's own


async def test_a_different_request_is_generated_anew(backend: Service) -> None:
    first_id = (await backend.student.request_lesson(BODY)).json()["id"]
    await backend.student.wait_until_terminal(first_id)
    other_id = (await backend.student.request_lesson({**BODY, "interest": "soccer"})).json()["id"]
    other = await backend.student.wait_until_terminal(other_id)
    assert other["status"] == "completed" and REUSED not in saved_lines(other).values()
    assert other["lesson"]["hook"] != (await backend.student.get_lesson(first_id)).json()["lesson"]["hook"]
