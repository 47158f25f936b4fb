"""CallBatcher: calls coalesce into batches while one is in flight; every caller gets its own answer."""

import asyncio

import pytest

from infrastructure.batching.call_batcher import CallBatcher

pytestmark = pytest.mark.req("RDS-072")


class Backend:
    """Answers n with n * 10, a ValueError for negative n; records each batch; waits for `gate` if set."""

    def __init__(self) -> None:
        self.batches: list[list[int]] = []
        self.gate: asyncio.Event | None = None

    async def send(self, calls: list[int]) -> list[int | Exception]:
        self.batches.append(list(calls))
        if self.gate is not None:
            await self.gate.wait()
        return [ValueError(n) if n < 0 else n * 10 for n in calls]


async def test_concurrent_calls_go_as_one_batch_and_each_gets_its_answer() -> None:
    backend = Backend()
    batcher: CallBatcher[int, int] = CallBatcher(backend.send)
    assert await asyncio.gather(*(batcher(n) for n in range(5))) == [0, 10, 20, 30, 40]
    assert backend.batches == [[0, 1, 2, 3, 4]]


async def test_calls_made_while_a_batch_is_in_flight_go_as_the_next_batch() -> None:
    backend = Backend()
    backend.gate = asyncio.Event()
    batcher: CallBatcher[int, int] = CallBatcher(backend.send)
    first = asyncio.gather(batcher(1), batcher(2))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    later = asyncio.gather(batcher(3), batcher(4), batcher(5))
    await asyncio.sleep(0)
    backend.gate.set()
    assert (await first, await later) == ([10, 20], [30, 40, 50])
    assert backend.batches == [[1, 2], [3, 4, 5]]


async def test_an_answered_error_fails_its_call_alone() -> None:
    batcher: CallBatcher[int, int] = CallBatcher(Backend().send)
    answers = await asyncio.gather(batcher(1), batcher(-1), batcher(2), return_exceptions=True)
    assert answers[0] == 10 and answers[2] == 20 and isinstance(answers[1], ValueError)


async def test_a_failing_or_miscounting_send_fails_every_call_of_its_batch() -> None:
    async def broken(calls: list[int]) -> list[int | Exception]:
        raise ConnectionError("down")

    async def short(calls: list[int]) -> list[int | Exception]:
        return [1]

    for send, kind in ((broken, ConnectionError), (short, RuntimeError)):
        batcher: CallBatcher[int, int] = CallBatcher(send)
        answers = await asyncio.gather(batcher(1), batcher(2), return_exceptions=True)
        assert all(isinstance(answer, kind) for answer in answers)


async def test_a_cancelled_caller_leaves_the_others_their_answers() -> None:
    backend = Backend()
    backend.gate = asyncio.Event()
    batcher: CallBatcher[int, int] = CallBatcher(backend.send)
    gone, kept = asyncio.create_task(batcher(1)), asyncio.create_task(batcher(2))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    gone.cancel()
    backend.gate.set()
    assert await kept == 20
    with pytest.raises(asyncio.CancelledError):
        await gone
    assert await batcher(3) == 30  # the batcher goes on
