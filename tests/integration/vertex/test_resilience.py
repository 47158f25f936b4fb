"""Retries, time limits and circuit breakers, proven against the fake's answers on the wire."""

import asyncio
import time

import pytest

from application.errors import UpstreamError, UpstreamUnavailable
from application.upstream_tally import tally_stage
from tests.fakes.vertex_fake import VertexFake
from tests.fakes.vertex_support import a_brief, fake_settings
from tests.integration.vertex.conftest import vertex_container

pytestmark = pytest.mark.req("RDS-073", "RDS-074")

MODEL = "gemini-2.5-flash"


async def test_throttling_server_errors_and_timeouts_are_retried_until_an_answer(fake: VertexFake) -> None:
    fake.script("429", "503", "500", "408")
    vertex = vertex_container(fake_settings(fake.base_url))
    with tally_stage() as tally:
        written = await vertex.script_writer().write(a_brief())
    assert written.script.citations
    assert [c.answered for c in fake.calls_to(MODEL)] == ["429", "503", "500", "408", "ok"]
    assert (tally.calls, tally.retries) == (5, 4)


async def test_the_sdk_never_retries_on_its_own(fake: VertexFake) -> None:
    fake.script("503", "503")
    vertex = vertex_container(fake_settings(fake.base_url, vertex_max_attempts=1))
    with pytest.raises(UpstreamError) as failure:
        await vertex.script_writer().write(a_brief())
    assert failure.value.retryable and failure.value.code == "upstream_error"
    assert len(fake.calls_to(MODEL)) == 1


async def test_a_hung_request_times_out_and_is_tried_again(fake: VertexFake) -> None:
    fake.script("hang")
    vertex = vertex_container(fake_settings(fake.base_url, vertex_request_timeout_seconds=0.3))
    started = time.monotonic()
    written = await vertex.script_writer().write(a_brief())
    assert written.script.citations and time.monotonic() - started < 2.0
    assert [c.answered for c in fake.calls_to(MODEL)] == ["hang", "ok"]


async def test_a_malformed_body_is_tried_again(fake: VertexFake) -> None:
    fake.script("malformed_json")
    written = await vertex_container(fake_settings(fake.base_url)).script_writer().write(a_brief())
    assert written.script.citations and [c.answered for c in fake.calls_to(MODEL)] == ["malformed_json", "ok"]


async def test_attempts_stop_at_the_configured_cap(fake: VertexFake) -> None:
    fake.plan.error_rate = 1.0
    vertex = vertex_container(fake_settings(fake.base_url, vertex_max_attempts=3))
    with tally_stage() as tally, pytest.raises(UpstreamError) as failure:
        await vertex.script_writer().write(a_brief())
    assert failure.value.retryable and len(fake.calls_to(MODEL)) == 3 == tally.calls


async def test_the_stage_deadline_bounds_every_retry(fake: VertexFake) -> None:
    fake.plan.hang_s = 3.0
    fake.script(*["hang"] * 10)
    vertex = vertex_container(fake_settings(fake.base_url, vertex_request_timeout_seconds=0.4,
                                            vertex_stage_deadline_seconds=1.0, vertex_max_attempts=10))
    started = time.monotonic()
    with pytest.raises(UpstreamError) as failure:
        await vertex.script_writer().write(a_brief())
    assert failure.value.retryable and time.monotonic() - started < 1.6
    assert 2 <= len(fake.calls_to(MODEL)) <= 4


async def test_a_refused_request_is_not_retried_and_leaves_the_breaker_closed(fake: VertexFake) -> None:
    fake.script("400", "400", "400")
    vertex = vertex_container(fake_settings(fake.base_url, vertex_breaker_failures=2))
    for _ in range(3):
        with pytest.raises(UpstreamError) as failure:
            await vertex.script_writer().write(a_brief())
        assert failure.value.code == "upstream_rejected" and not failure.value.retryable
    assert len(fake.calls_to(MODEL)) == 3
    assert [s.state for s in vertex.breakers().breaker_states()] == ["closed"]


async def test_the_breaker_opens_on_an_outage_and_closes_after_it(fake: VertexFake) -> None:
    vertex = vertex_container(fake_settings(fake.base_url, vertex_breaker_failures=3,
                                            vertex_breaker_reset_seconds=0.5, vertex_max_attempts=5))
    fake.outage(60)
    with tally_stage() as tally, pytest.raises(UpstreamUnavailable) as parked:
        await vertex.script_writer().write(a_brief())
    assert len(fake.calls_to(MODEL)) == 3 and tally.breaker_opens == 1 and tally.retries == 3
    assert 0 < parked.value.retry_after_s <= 0.5
    [state] = vertex.breakers().breaker_states()
    assert (state.upstream, state.state, state.opens) == (f"vertex/{MODEL}", "open", 1)
    with pytest.raises(UpstreamUnavailable):  # while open, nothing reaches the upstream
        await vertex.script_writer().write(a_brief())
    assert len(fake.calls_to(MODEL)) == 3
    fake.outage(0)
    await asyncio.sleep(0.55)
    assert (await vertex.script_writer().write(a_brief())).script.citations
    assert [(s.state, s.opens) for s in vertex.breakers().breaker_states()] == [("closed", 1)]


async def test_tries_that_open_the_breaker_park_instead_of_failing(fake: VertexFake) -> None:
    vertex = vertex_container(fake_settings(fake.base_url, vertex_breaker_failures=3, vertex_max_attempts=3))
    fake.outage(60)
    with pytest.raises(UpstreamUnavailable):
        await vertex.script_writer().write(a_brief())
    assert len(fake.calls_to(MODEL)) == 3
