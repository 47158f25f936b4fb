"""Every way a local model server can fail, over HTTP against the fake: each becomes a StageFailed or an
UpstreamError with its own code, retried only where a retry may help, never a crash."""

import socket

import pytest

from application.errors import StageFailed, UpstreamError
from application.upstream_tally import tally_stage
from infrastructure.local_llm.local_llm_script_writer import LocalLlmScriptWriter
from tests.fakes.local_llm_support import fake_settings, local_container, unit_brief
from tests.fakes.openai_chat_fake import OpenAiChatFake

pytestmark = pytest.mark.req("RDS-078")

TRIES = 3  # one answer and local_llm_invalid_output_retries (2) more
ATTEMPTS = 2  # local_llm_max_attempts in the test settings


@pytest.mark.parametrize(("behaviour", "code"), [("malformed_json", "malformed_output"),
                                                 ("wrong_shape", "invalid_output"),
                                                 ("unknown_citation", "unknown_citation")])
async def test_an_unusable_answer_is_asked_again_then_fails_with_its_code(
        fake: OpenAiChatFake, writer: LocalLlmScriptWriter, behaviour: str, code: str) -> None:
    fake.behaviour = behaviour
    with pytest.raises(StageFailed) as failure:
        await writer.write(unit_brief())
    assert failure.value.code == code and not failure.value.retryable
    assert f"{TRIES} tries" in failure.value.message and len(fake.calls) == TRIES


async def test_one_unusable_answer_then_a_good_one_is_accepted(fake: OpenAiChatFake,
                                                              writer: LocalLlmScriptWriter) -> None:
    fake.script("unknown_citation")
    written = await writer.write(unit_brief())
    assert "made-up-passage" not in written.script.citations and len(fake.calls) == 2


@pytest.mark.parametrize(("behaviour", "code", "says"), [
    ("truncated", "output_truncated", "LESSONSMITH_LOCAL_LLM_MAX_TOKENS"),
    ("refusal", "model_refused", "I can't help with that request."),
    ("refusal_text", "model_refused", "declined: I'm sorry"),
    ("empty", "model_refused", "empty answer"),
    ("400", "upstream_rejected", "answered 400"),
])
async def test_answers_a_retry_cannot_fix_fail_at_once(fake: OpenAiChatFake, writer: LocalLlmScriptWriter,
                                                       behaviour: str, code: str, says: str) -> None:
    fake.behaviour = behaviour
    with tally_stage() as tally, pytest.raises(UpstreamError) as failure:
        await writer.write(unit_brief())
    assert failure.value.code == code and not failure.value.retryable and says in failure.value.message
    assert len(fake.calls) == 1 and tally.retries == 0


@pytest.mark.parametrize(("behaviour", "code"), [("429", "upstream_throttled"), ("500", "upstream_error"),
                                                 ("hang", "upstream_timeout"),
                                                 ("broken_body", "malformed_response")])
async def test_server_faults_are_retried_then_fail_retryable(fake: OpenAiChatFake, writer: LocalLlmScriptWriter,
                                                             behaviour: str, code: str) -> None:
    fake.behaviour = behaviour
    with tally_stage() as tally, pytest.raises(UpstreamError) as failure:
        await writer.write(unit_brief())
    assert failure.value.code == code and failure.value.retryable
    assert len(fake.calls) == ATTEMPTS and tally.retries == ATTEMPTS - 1


@pytest.mark.parametrize("behaviour", ["429", "500", "hang"])
async def test_a_passing_fault_is_retried_and_the_lesson_written(fake: OpenAiChatFake,
                                                                writer: LocalLlmScriptWriter, behaviour: str) -> None:
    fake.script(behaviour)
    with tally_stage() as tally:
        written = await writer.write(unit_brief())
    assert written.script.citations and len(fake.calls) == 2 and tally.retries == 1


async def test_a_server_that_is_not_there_is_unreachable_and_retryable() -> None:
    with socket.socket() as probe:  # a free port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    writer = local_container(fake_settings(f"http://127.0.0.1:{port}/v1")).script_writer()
    with pytest.raises(UpstreamError) as failure:
        await writer.write(unit_brief())
    assert failure.value.code == "upstream_unreachable" and failure.value.retryable
