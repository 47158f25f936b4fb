"""The observability adapters for real: a worker's metrics endpoint over HTTP, the structlog set-up in both
formats, redaction, and the log context binding stdlib log lines."""

import io
import json
import logging
import socket
import urllib.request
from collections.abc import Iterator

import pytest
import structlog
from prometheus_client.parser import text_string_to_metric_families

from infrastructure.observability.log_settings import LogSettings
from infrastructure.observability.logging_setup import configure_logging
from infrastructure.observability.metrics_server import serve_metrics
from infrastructure.observability.prometheus_metrics import PrometheusMetrics
from infrastructure.observability.structlog_log_context import StructlogLogContext

pytestmark = pytest.mark.req("RDS-067")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers, root.level = handlers, level
    structlog.reset_defaults()


@pytest.mark.req("RDS-068")
def test_a_worker_serves_its_own_metrics_over_http() -> None:
    metrics = PrometheusMetrics()
    metrics.stage_finished("narrate", "offline", "completed", 1.5)
    metrics.stage_failed("write", "vertex", "upstream_unavailable")
    metrics.cost_recorded("spent", "write", "vertex", 0.25)
    metrics.queue_observed(7, 42.0)
    metrics.lease_expired(2)
    metrics.reconciler_requeued("lease_expired", 2)
    metrics.record_upstream_retry("vertex")
    metrics.set_circuit_state("vertex", "half_open")
    port = _free_port()
    serve_metrics(metrics, "127.0.0.1", port)
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
        text = response.read().decode()
    found = {(s.name, tuple(sorted(s.labels.items()))): s.value
             for family in text_string_to_metric_families(text) for s in family.samples}
    assert found[("lessonsmith_stage_duration_seconds_sum",
                  (("outcome", "completed"), ("provider", "offline"), ("stage", "narrate")))] == 1.5
    assert found[("lessonsmith_stage_failures_total",
                  (("code", "upstream_unavailable"), ("provider", "vertex"), ("stage", "write")))] == 1
    spent = (("kind", "spent"), ("provider", "vertex"), ("stage", "write"))
    assert found[("lessonsmith_cost_usd_total", spent)] == 0.25
    assert found[("lessonsmith_queue_depth", ())] == 7
    assert found[("lessonsmith_queue_oldest_age_seconds", ())] == 42
    assert found[("lessonsmith_lease_expiries_total", ())] == 2
    assert found[("lessonsmith_reconciler_requeues_total", (("reason", "lease_expired"),))] == 2
    assert found[("lessonsmith_upstream_retries_total", (("provider", "vertex"),))] == 1
    assert found[("lessonsmith_circuit_state", (("provider", "vertex"),))] == 1


def test_json_lines_carry_the_bound_context_and_redact(restore_logging: None) -> None:
    buffer = io.StringIO()
    configure_logging(json_output=True, stream=buffer)
    with StructlogLogContext().bound(trace_id="t-1", lesson_id="l-1"):
        logging.getLogger("lessonsmith.test").info("stage.finished", extra={"stage": "write", "password": "hunter2",
                                                                            "student_query": "my secret question"})
    logging.getLogger("lessonsmith.test").info("after")
    first, second = (json.loads(line) for line in buffer.getvalue().splitlines())
    assert first["trace_id"] == "t-1" and first["lesson_id"] == "l-1" and first["stage"] == "write"
    assert first["password"] == "[redacted]" and first["student_query"] == "[redacted]"
    assert "trace_id" not in second


def test_debug_lines_may_hold_the_student_text_but_never_secrets(restore_logging: None) -> None:
    buffer = io.StringIO()
    configure_logging(json_output=True, level=logging.DEBUG, stream=buffer)
    structlog.get_logger("lessonsmith.test").debug("lesson.requested.text", student_query="why?", token="abc")
    line = json.loads(buffer.getvalue())
    assert line["student_query"] == "why?" and line["token"] == "[redacted]"


def test_the_console_format_is_for_people(restore_logging: None) -> None:
    buffer = io.StringIO()
    configure_logging(json_output=False, stream=buffer)
    structlog.get_logger("lessonsmith.test").info("worker.started", concurrency=2)
    text = buffer.getvalue()
    assert "worker.started" in text and "concurrency=2" in text and not text.startswith("{")


def test_log_settings_accept_any_case_and_refuse_unknown_levels(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LESSONSMITH_LOG_LEVEL", "WARNING")
    monkeypatch.setenv("LESSONSMITH_LOG_FORMAT", "Console")
    settings = LogSettings()
    assert (settings.log_level, settings.log_format) == ("warning", "console")
    monkeypatch.setenv("LESSONSMITH_LOG_LEVEL", "loud")
    with pytest.raises(ValueError, match="log_level"):
        LogSettings()
