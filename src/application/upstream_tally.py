"""The upstream calls of the stage now running: retries and circuit-breaker opens, counted where they happen.

ProcessLesson opens a tally around each stage; adapters add to whichever tally is current (a context
variable, so concurrent lessons in one process never mix their counts). Outside a stage nothing is counted.
"""

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(slots=True)
class UpstreamTally:
    """Counts for one stage run: calls made, calls retried, circuit breakers opened."""

    calls: int = 0
    retries: int = 0
    breaker_opens: int = 0


_current: ContextVar[UpstreamTally | None] = ContextVar("upstream_tally", default=None)


@contextlib.contextmanager
def tally_stage() -> Iterator[UpstreamTally]:
    """A fresh tally that adapters add to until the block ends."""
    tally = UpstreamTally()
    token = _current.set(tally)
    try:
        yield tally
    finally:
        _current.reset(token)


def count_call() -> None:
    """One upstream request was sent (first try or retry)."""
    tally = _current.get()
    if tally is not None:
        tally.calls += 1


def count_retry() -> None:
    """One upstream request is being tried again."""
    tally = _current.get()
    if tally is not None:
        tally.retries += 1


def count_breaker_open() -> None:
    """A circuit breaker opened during this stage."""
    tally = _current.get()
    if tally is not None:
        tally.breaker_opens += 1
