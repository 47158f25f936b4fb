"""POST /api/v1/lessons load through the real app (ASGI, in process): every answer counted by its status.

The drill marks an outage with `outage_begins()` once the server is dead and `outage_ends()` before it is started
again; an answer is `in_outage` when the outage held both when its request was sent and when it was answered.
Waiting for a count (`wait_for`) is an event wait, hang-guarded.
"""

import asyncio
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from httpx import AsyncClient, Response

from tests.faults.drill import QUERIES
from tests.hang_guard import guarded


@dataclass(frozen=True)
class Answer:
    """One POST's answer."""

    status: int
    in_outage: bool
    error: str | None
    retry_after: str | None


@dataclass
class HttpLoad:
    """One student posting lessons: `start()` posts one after another until `finish()`; `post()` sends one."""

    client: AsyncClient
    token: str
    answers: list[Answer] = field(default_factory=list)
    _outage: bool = False
    _stopping: bool = False
    _ended: bool = False
    _task: "asyncio.Task[None] | None" = None
    _changed: asyncio.Condition = field(default_factory=asyncio.Condition)

    def outage_begins(self) -> None:
        """The server is down from now on."""
        self._outage = True

    def outage_ends(self) -> None:
        """The server may be back from now on."""
        self._outage = False

    def statuses(self) -> Counter[int]:
        """How many answers had each status."""
        return Counter(answer.status for answer in self.answers)

    def start(self) -> None:
        """Post with the load's token, one request after another, until `finish()`."""
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def finish(self) -> None:
        """Stop after the current request; raises what stopped the load, if anything did."""
        self._stopping = True
        assert self._task is not None
        await self._task

    async def _run(self) -> None:
        try:
            n = 0
            while not self._stopping:
                await self.post(self.token, n)
                n += 1
        finally:
            async with self._changed:
                self._ended = True
                self._changed.notify_all()

    async def post(self, token: str, n: int = 0) -> Answer:
        """One POST, recorded; waiters are told."""
        down_when_sent = self._outage
        response = await self.client.post("/api/v1/lessons", headers={"Authorization": f"Bearer {token}"}, json={
            "student_query": QUERIES[n % len(QUERIES)], "grade_level": 3 + n % 9, "requested_modalities": ["text"]})
        answer = Answer(response.status_code, down_when_sent and self._outage, _error(response),
                        response.headers.get("retry-after"))
        async with self._changed:
            self.answers.append(answer)
            self._changed.notify_all()
        return answer

    async def wait_for(self, what: str, count: Callable[[list[Answer]], int], at_least: int) -> None:
        """Until `count(answers)` reaches `at_least` (hang-guarded); raises what stopped the load, if it stopped."""

        async def reached() -> None:
            async with self._changed:
                await self._changed.wait_for(lambda: count(self.answers) >= at_least or self._ended)

        await guarded(reached(), f"{at_least} {what}")
        if count(self.answers) < at_least:
            assert self._task is not None
            await self._task
            raise AssertionError(f"the load stopped before {at_least} {what}")


def _error(response: Response) -> str | None:
    if response.status_code < 400:
        return None
    try:
        body = response.json()
    except ValueError:
        return response.text[:200]
    return str(body.get("error")) if isinstance(body, dict) else None
