"""Retries with backoff and circuit breakers for calls to providers (the one layer that retries)."""
