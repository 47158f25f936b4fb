"""PrometheusMetrics: the Metrics port on prometheus-client, with one registry per process (per container)."""

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client.gc_collector import GCCollector
from prometheus_client.platform_collector import PlatformCollector
from prometheus_client.process_collector import ProcessCollector

from application.ports.metrics import CircuitState, Metrics

FINAL_STATUSES = ("completed", "failed", "rejected", "cancelled", "not_covered")
CIRCUIT_VALUES: dict[CircuitState, int] = {"closed": 0, "half_open": 1, "open": 2}
HTTP_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
STAGE_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0)


class PrometheusMetrics(Metrics):
    """Every Lessonsmith series (prefix `lessonsmith_`) plus the process, platform and GC collectors.

    Its own registry (not the global one) keeps test apps apart; `render` gives the text exposition.
    """

    def __init__(self) -> None:
        self.registry = registry = CollectorRegistry(auto_describe=True)
        for collector in (ProcessCollector, PlatformCollector, GCCollector):
            collector(registry=registry)
        self._http_requests = Counter("lessonsmith_http_requests", "HTTP requests by method, route template and status",
                                      ["method", "route", "status"], registry=registry)
        self._http_latency = Histogram("lessonsmith_http_request_duration_seconds", "HTTP request latency",
                                       ["method", "route"], buckets=HTTP_BUCKETS, registry=registry)
        self._lessons = Counter("lessonsmith_lessons_finished", "Lessons that reached a final status",
                                ["status"], registry=registry)
        self._stage_seconds = Histogram("lessonsmith_stage_duration_seconds", "Stage run time by outcome",
                                        ["stage", "provider", "outcome"], buckets=STAGE_BUCKETS, registry=registry)
        self._stage_failures = Counter("lessonsmith_stage_failures", "Stage runs that failed, by error code",
                                       ["stage", "provider", "code"], registry=registry)
        self._cost = Counter("lessonsmith_cost_usd", "US dollars spent (actual) and saved (list price avoided)",
                             ["kind", "stage", "provider"], registry=registry)
        self._queue_depth = Gauge("lessonsmith_queue_depth", "Lessons queued", registry=registry)
        self._queue_age = Gauge("lessonsmith_queue_oldest_age_seconds", "How long the longest-queued lesson waited",
                                registry=registry)
        self._lease_expiries = Counter("lessonsmith_lease_expiries", "Leases that ran out (the worker vanished)",
                                       registry=registry)
        self._requeues = Counter("lessonsmith_reconciler_requeues", "Lessons re-queued or re-rung by the reconciler",
                                 ["reason"], registry=registry)
        self._retries = Counter("lessonsmith_upstream_retries", "Retried calls to upstream providers",
                                ["provider"], registry=registry)
        self._circuit = Gauge("lessonsmith_circuit_state", "Circuit breaker: 0 closed, 1 half-open, 2 open",
                              ["provider"], registry=registry)
        for status in FINAL_STATUSES:
            self._lessons.labels(status)
        # Label children of the HTTP series by (method, route, status): `labels()` validates and locks on
        # every call, and these two are updated on every request. Routes are templates, so this stays small.
        self._http_children: dict[tuple[str, str, int], tuple[Counter, Histogram]] = {}

    def observe_http(self, method: str, route: str, status: int, seconds: float) -> None:
        """One HTTP request answered (route is the template, e.g. /api/v1/lessons/{lesson_id:uuid})."""
        children = self._http_children.get((method, route, status))
        if children is None:
            children = (self._http_requests.labels(method, route, str(status)),
                        self._http_latency.labels(method, route))
            self._http_children[(method, route, status)] = children
        children[0].inc()
        children[1].observe(seconds)

    def lesson_finished(self, status: str) -> None:
        """See Metrics."""
        self._lessons.labels(status).inc()

    def stage_finished(self, stage: str, provider: str, outcome: str, seconds: float) -> None:
        """See Metrics."""
        self._stage_seconds.labels(stage, provider, outcome).observe(max(seconds, 0.0))

    def stage_failed(self, stage: str, provider: str, code: str) -> None:
        """See Metrics."""
        self._stage_failures.labels(stage, provider, code).inc()

    def cost_recorded(self, kind: str, stage: str, provider: str, usd: float) -> None:
        """See Metrics."""
        self._cost.labels(kind, stage, provider).inc(max(usd, 0.0))

    def queue_observed(self, depth: int, oldest_age_seconds: float) -> None:
        """See Metrics."""
        self._queue_depth.set(depth)
        self._queue_age.set(oldest_age_seconds)

    def lease_expired(self, count: int) -> None:
        """See Metrics."""
        self._lease_expiries.inc(count)

    def reconciler_requeued(self, reason: str, count: int) -> None:
        """See Metrics."""
        self._requeues.labels(reason).inc(count)

    def record_upstream_retry(self, provider: str) -> None:
        """See Metrics."""
        self._retries.labels(provider).inc()

    def set_circuit_state(self, provider: str, state: CircuitState) -> None:
        """See Metrics."""
        self._circuit.labels(provider).set(CIRCUIT_VALUES[state])

    def render(self) -> tuple[bytes, str]:
        """The text exposition of every series and its content type."""
        return generate_latest(self.registry), CONTENT_TYPE_LATEST
