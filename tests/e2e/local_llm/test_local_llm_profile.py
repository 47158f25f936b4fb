"""A lesson end to end with LESSONSMITH_PROVIDERS=local: the local model (the fake) writes, everything else runs
offline, and the ledger records its tokens at $0."""

import pytest

from tests.e2e.local_llm.conftest import LocalService

pytestmark = pytest.mark.req("RDS-078")

LESSON = {"student_query": "How do plants make food?", "grade_level": 4, "interest": "soccer",
          "requested_modalities": ["audio"]}


async def test_a_lesson_is_written_by_the_local_model_and_spoken_offline(local: LocalService) -> None:
    student = local.service.student
    lesson_id = (await student.request_lesson(LESSON)).json()["id"]
    lesson = await student.wait_until_terminal(lesson_id)
    assert lesson["status"] == "completed", (lesson["error"], [s["error"] for s in lesson["stages"]])
    content = lesson["lesson"]
    cited = {c for s in content["sections"] for c in s["citations"]}
    assert cited and cited <= {s["id"] for s in content["sources"]}
    assert {q["kind"] for q in content["quiz"]} >= {"multiple_choice", "ordering"}
    stages = {s["name"]: s for s in lesson["stages"]}
    assert stages["write"]["upstream_calls"] == 1 and stages["narrate"]["status"] == "completed"
    assert len(local.fake.calls) == sum(s["upstream_calls"] for s in lesson["stages"])
    assert local.fake.calls[0].body["response_format"]["json_schema"]["strict"] is True
    spent = [line for line in lesson["cost"]["lines"] if line["kind"] == "spent"]
    by_provider = {line["provider"] for line in spent}
    assert "local" in by_provider and "vertex" not in by_provider
    tokens = {line["unit"]: line for line in spent if line["provider"] == "local"}
    assert set(tokens) == {"local_input_token", "local_output_token"}
    assert all(float(line["amount_usd"]) == 0 and float(line["units"]) > 0 for line in tokens.values())
    assert float(lesson["cost"]["total_usd"]) == 0
    assert {"narration.wav", "captions.vtt"} <= {a["name"] for a in lesson["artifacts"]}


async def test_a_refusal_fails_the_lesson_once_with_its_reason(local: LocalService) -> None:
    local.fake.behaviour = "refusal"
    student = local.service.student
    lesson_id = (await student.request_lesson({**LESSON, "requested_modalities": ["text"]})).json()["id"]
    lesson = await student.wait_until_terminal(lesson_id)
    assert lesson["status"] == "failed"
    assert lesson["error"]["code"] == "model_refused" and not lesson["error"]["retryable"]
    write = next(s for s in lesson["stages"] if s["name"] == "write")
    assert (write["attempts"], write["upstream_calls"], write["upstream_retries"]) == (1, 1, 0)
    assert len(local.fake.calls) == 1
