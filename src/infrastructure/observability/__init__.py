"""Observability adapters: structlog logging, the log context, Prometheus metrics."""
