"""A circuit breaker per upstream (purgatory), readable through the UpstreamHealth port."""

import asyncio
import time
from typing import Any

from purgatory import AsyncCircuitBreakerFactory
from purgatory.domain.model import OpenedState

from application.errors import UpstreamError
from application.ports.upstream_health import BreakerState, UpstreamHealth
from application.upstream_tally import count_breaker_open


def _not_a_fault(error: UpstreamError) -> bool:
    """Errors a retry cannot fix (bad request, safety block) say nothing about the upstream's health."""
    return not error.retryable


class BreakerBoard(UpstreamHealth):
    """Opens an upstream's circuit after `failures` consecutive retryable failures, for `reset_s` seconds;
    then one success closes it and one failure opens it again. Opens are counted here and in the stage tally."""

    def __init__(self, failures: int, reset_s: float) -> None:
        self._factory = AsyncCircuitBreakerFactory(
            default_threshold=failures, default_ttl=reset_s,
            exclude=[(UpstreamError, _not_a_fault), asyncio.CancelledError])
        self._factory.add_listener(self._on_event)
        self._reset_s = reset_s
        self._opens: dict[str, int] = {}
        self._contexts: dict[str, Any] = {}

    def _on_event(self, name: str, event_name: str, event: Any) -> None:
        if event_name == "state_changed" and getattr(event, "state", None) == "opened":
            self._opens[name] = self._opens.get(name, 0) + 1
            count_breaker_open()

    async def breaker(self, upstream: str) -> Any:
        """The async context manager guarding one call to `upstream`; raises OpenedState while open."""
        guard = await self._factory.get_breaker(upstream)
        self._contexts[upstream] = guard.context
        self._opens.setdefault(upstream, 0)
        return guard

    def retry_after(self, opened: OpenedState) -> float:
        """Seconds until an open circuit lets a call through again."""
        return max(0.0, opened.opened_at + self._reset_s - time.time())

    def open_for(self, upstream: str) -> float | None:
        """Seconds until `upstream`'s open circuit lets calls by again, or None when it is not open."""
        context = self._contexts.get(upstream)
        if context is None or context.state != "opened" or context.opened_at is None:
            return None
        return max(0.0, float(context.opened_at) + self._reset_s - time.time())

    def breaker_states(self) -> tuple[BreakerState, ...]:
        """The state of every upstream called so far."""
        states = []
        for name, context in sorted(self._contexts.items()):
            state = {"opened": "open", "half-opened": "half_open"}.get(context.state, "closed")
            opened_at = context.opened_at if state == "open" else None
            wait = max(0.0, opened_at + self._reset_s - time.time()) if opened_at is not None else 0.0
            states.append(BreakerState(upstream=name, state=state, opens=self._opens.get(name, 0), retry_after_s=wait))
        return tuple(states)
