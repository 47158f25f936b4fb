"""What the per-request telemetry costs: the access log line (JSON) and the HTTP metrics around a bare ASGI app.

Run: .venv/bin/python -m benchmarks.telemetry_overhead [--requests 20000]
Prints microseconds per request for the bare app, with metrics only (log level warning), and with metrics plus
an info-level JSON access line written to /dev/null.
"""

import argparse
import asyncio
import logging
import os
import time
from types import SimpleNamespace
from typing import Any

from infrastructure.observability.logging_setup import configure_logging
from infrastructure.observability.prometheus_metrics import PrometheusMetrics
from presentation.http.request_telemetry import RequestTelemetryMiddleware


async def _bare_app(scope: Any, receive: Any, send: Any) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"ok"})


async def _noop_send(message: Any) -> None:
    return None


async def _noop_receive() -> Any:
    return {"type": "http.request", "body": b""}


def _scope(app_state: Any) -> dict[str, Any]:
    return {"type": "http", "method": "GET", "path": "/api/v1/lessons/1",
            "path_template": "/api/v1/lessons/{lesson_id}", "path_params": {"lesson_id": "1"}, "headers": [],
            "state": {"trace_id": "0" * 32}, "app": app_state}


async def _per_request_us(app: Any, requests: int, app_state: Any) -> float:
    started = time.perf_counter()
    for _ in range(requests):
        await app(_scope(app_state), _noop_receive, _noop_send)
    return (time.perf_counter() - started) / requests * 1e6


async def main(requests: int) -> None:
    """Measure the three variants and print them."""
    metrics = PrometheusMetrics()
    app_state = SimpleNamespace(state=SimpleNamespace(container=SimpleNamespace(
        gateways=SimpleNamespace(metrics=lambda: metrics))))
    wrapped = RequestTelemetryMiddleware(_bare_app)
    with open(os.devnull, "w") as sink:  # noqa: ASYNC230 - opened once, before timing
        bare = await _per_request_us(_bare_app, requests, app_state)
        configure_logging(json_output=True, level=logging.WARNING, stream=sink)
        metrics_only = await _per_request_us(wrapped, requests, app_state)
        configure_logging(json_output=True, level=logging.INFO, stream=sink)
        logged = await _per_request_us(wrapped, requests, app_state)
    print(f"requests: {requests}")
    print(f"bare ASGI app:                {bare:7.1f} µs/request")
    print(f"+ metrics (no access log):    {metrics_only:7.1f} µs/request (+{metrics_only - bare:.1f})")
    print(f"+ metrics + JSON access line: {logged:7.1f} µs/request (+{logged - bare:.1f})")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=20_000)
    asyncio.run(main(parser.parse_args().requests))
