"""CallBatcher: concurrent calls to one backend coalesced into batches, each caller awaiting its own answer."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

Call = TypeVar("Call")
Answer = TypeVar("Answer")


class CallBatcher(Generic[Call, Answer]):
    """Calls made while a batch is in flight wait and go together as the next batch; an idle caller's call is
    sent one loop turn later. `send` answers a batch with one answer or one exception per call, in order; an
    exception it raises fails every call of that batch. A cancelled caller only loses its answer."""

    def __init__(self, send: Callable[[list[Call]], Awaitable[list[Answer | Exception]]]) -> None:
        self._send = send
        self._waiting: list[tuple[Call, asyncio.Future[Answer]]] = []
        self._sending: asyncio.Task[None] | None = None

    async def __call__(self, call: Call) -> Answer:
        """This call's answer (or its exception, raised)."""
        loop = asyncio.get_running_loop()
        answer: asyncio.Future[Answer] = loop.create_future()
        self._waiting.append((call, answer))
        if self._sending is None:
            self._sending = loop.create_task(self._send_waiting())
        return await answer

    async def _send_waiting(self) -> None:
        try:
            while self._waiting:
                batch, self._waiting = self._waiting, []
                await self._answer(batch)
        finally:
            self._sending = None

    async def _answer(self, batch: list[tuple[Call, "asyncio.Future[Answer]"]]) -> None:
        try:
            answers = await self._send([call for call, _ in batch])
            if len(answers) != len(batch):
                raise RuntimeError(f"a batch of {len(batch)} calls got {len(answers)} answers")
        except asyncio.CancelledError:
            for _, future in batch:
                future.cancel()
            raise
        except Exception as error:
            answers = [error] * len(batch)
        for (_, future), answer in zip(batch, answers, strict=True):
            if future.done():
                continue
            if isinstance(answer, Exception):
                future.set_exception(answer)
            else:
                future.set_result(answer)
