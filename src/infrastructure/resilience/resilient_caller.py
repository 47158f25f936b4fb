"""Calls one upstream with retries (tenacity: exponential backoff, full jitter) behind its circuit breaker."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

from purgatory.domain.model import OpenedState
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    stop_before_delay,
    wait_random_exponential,
)

from application.errors import UpstreamError, UpstreamUnavailable
from application.upstream_tally import count_call, count_retry
from infrastructure.resilience.circuit_breakers import BreakerBoard
from infrastructure.resilience.retry_policy import Deadline, RetryPolicy

T = TypeVar("T")
Translate = Callable[[Exception], UpstreamError]


def _worth_retrying(error: BaseException) -> bool:
    return isinstance(error, UpstreamError) and error.retryable and not isinstance(error, UpstreamUnavailable)


def _count_retry(_state: RetryCallState) -> None:
    count_retry()


class ResilientCaller:
    """The only retrying layer for one upstream (SDK retries stay off).

    Each try passes the upstream's breaker and a timeout (the request timeout, cut to the stage deadline);
    library errors become UpstreamError through `translate`. Retryable errors (408/429/5xx, timeouts,
    broken connections, malformed bodies) are tried again up to the policy's attempts and within the
    deadline; an open circuit (found before a try, or opened by the tries that just failed) raises
    UpstreamUnavailable, so the lesson parks instead of spending its attempts.
    """

    def __init__(self, upstream: str, board: BreakerBoard, policy: RetryPolicy, translate: Translate) -> None:
        self.upstream = upstream
        self._board = board
        self._policy = policy
        self._translate = translate

    def deadline(self) -> Deadline:
        """A fresh per-stage deadline from the policy."""
        return Deadline(self._policy.stage_deadline_s)

    async def call(self, operation: Callable[[], Awaitable[T]], deadline: Deadline) -> T:
        """`operation()`'s result, tried again on retryable failures; raises UpstreamError otherwise."""
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self._policy.max_attempts) | stop_before_delay(deadline.remaining),
            wait=wait_random_exponential(multiplier=self._policy.backoff_initial_s, max=self._policy.backoff_max_s),
            retry=retry_if_exception(_worth_retrying),
            before_sleep=_count_retry,
            reraise=True,
        )
        try:
            async for attempt in retrying:
                with attempt:
                    return await self._try_once(operation, deadline)
        except UpstreamError as error:
            wait = self._board.open_for(self.upstream)
            if error.retryable and wait is not None:  # the failures opened the circuit: an outage, so park
                raise UpstreamUnavailable(self.upstream, wait) from error
            raise
        raise AssertionError("tenacity ends with a result or an exception")  # pragma: no cover

    async def _try_once(self, operation: Callable[[], Awaitable[T]], deadline: Deadline) -> T:
        if deadline.remaining <= 0:
            raise UpstreamError("deadline_exceeded", f"{self.upstream}: the stage deadline of "
                                f"{deadline.seconds:.0f} s has passed", retryable=True)
        try:
            guard = await self._board.breaker(self.upstream)
            async with guard:
                count_call()
                timeout = min(self._policy.request_timeout_s, deadline.remaining)
                try:
                    async with asyncio.timeout(timeout):
                        return await operation()
                except UpstreamError:
                    raise
                except TimeoutError:
                    raise UpstreamError("upstream_timeout", f"{self.upstream}: no answer within {timeout:.1f} s",
                                        retryable=True) from None
                except Exception as error:  # every library error is translated here, at the boundary
                    raise self._translate(error) from error
        except OpenedState as opened:
            raise UpstreamUnavailable(self.upstream, self._board.retry_after(opened)) from None
