"""A worker process's own /metrics endpoint (prometheus-client's HTTP server on a daemon thread)."""

from prometheus_client import start_http_server

from infrastructure.observability.prometheus_metrics import PrometheusMetrics


def serve_metrics(metrics: PrometheusMetrics, host: str, port: int) -> None:
    """Expose `metrics` at http://host:port/metrics until the process exits."""
    start_http_server(port, addr=host, registry=metrics.registry)
