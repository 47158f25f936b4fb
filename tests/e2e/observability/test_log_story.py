"""One lesson's log lines, found by the trace id its POST answered with, tell its story from the request
to completion; every line carries the same trace_id and lesson_id; no secret and no student text."""

import io
import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest
import structlog

from infrastructure.observability.logging_setup import configure_logging
from tests.e2e.conftest import PASSWORD, Service

pytestmark = pytest.mark.req("RDS-067")

QUERY = "Nibbles wants to know how plants make their food"
STAGES = ("understand", "retrieve", "write", "check", "narrate", "illustrate", "render_video", "publish")


@pytest.fixture
def json_log() -> Iterator[io.StringIO]:
    """Every log line of the app as JSON in a buffer, as production writes them; logging restored after."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    buffer = io.StringIO()
    configure_logging(json_output=True, level=logging.INFO, stream=buffer)
    yield buffer
    root.handlers, root.level = handlers, level
    structlog.reset_defaults()


def _lines(buffer: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in buffer.getvalue().splitlines() if line.strip()]


async def test_the_logs_of_one_lesson_tell_its_whole_story(service: Service, json_log: io.StringIO) -> None:
    body = {"student_query": QUERY, "grade_level": 4, "interest": "soccer", "requested_modalities": ["text"]}
    posted = await service.student.request_lesson(body)
    trace_id, lesson_id = posted.headers["x-trace-id"], posted.json()["id"]
    assert (await service.student.wait_until_terminal(lesson_id))["status"] == "completed"

    story = [line for line in _lines(json_log) if line.get("trace_id") == trace_id]
    assert {line.get("lesson_id") for line in story} == {lesson_id}
    events = [line["event"] for line in story]
    assert events[0] == "lesson.requested" and events[-1] == "lesson.completed"
    assert events.count("http.request") == 1 and events.count("lesson.claimed") == 1
    post = story[events.index("http.request")]
    assert (post["method"], post["route"], post["status"]) == ("POST", "/api/v1/lessons", 202)

    stage_events = [(line["event"], line["stage"]) for line in story if line["event"].startswith("stage.")]
    ran = ("understand", "retrieve", "write", "check", "publish")
    expected = [(event, stage) for stage in STAGES
                for event in (("stage.started", "stage.finished") if stage in ran else ("stage.skipped",))]
    assert stage_events == expected
    finished = [line for line in story if line["event"] == "stage.finished"]
    assert all(line["duration_ms"] >= 0 and line["cost_usd"] == 0 and line["provider"] for line in finished)
    assert all(line["saved_usd"] > 0 for line in story if line["event"] == "stage.skipped")
    done = story[-1]
    assert done["status"] == "completed" and done["saved_usd"] > 0 and done["duration_ms"] >= 0
    assert all(line["level"] == "info" and line["timestamp"].endswith("Z") for line in story)

    polls = [line for line in _lines(json_log) if line.get("lesson_id") == lesson_id and line["event"] == "http.request"
             and line["method"] == "GET"]
    assert polls and all(line["trace_id"] != trace_id for line in polls), "each poll is its own trace"


async def test_no_secret_or_student_text_reaches_the_logs(service: Service, json_log: io.StringIO) -> None:
    body = {"student_query": QUERY, "grade_level": 4, "interest": "dinosaurs", "requested_modalities": ["text"]}
    lesson_id = (await service.student.request_lesson(body)).json()["id"]
    await service.student.wait_until_terminal(lesson_id)
    await service.anonymous.login("alice", PASSWORD)
    await service.anonymous.login("alice", "wrong-" + PASSWORD)
    text = json_log.getvalue()
    assert lesson_id in text
    for secret in ("Nibbles", "dinosaurs", PASSWORD, service.student.token or "?"):
        assert secret not in text
