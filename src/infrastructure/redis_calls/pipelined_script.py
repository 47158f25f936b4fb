"""PipelinedScript: one Lua script called by many coroutines, their calls sent together (auto-pipelining)."""

import asyncio
from typing import Any

from redis.asyncio import Redis
from redis.commands.core import AsyncScript
from redis.exceptions import NoScriptError

_Call = tuple[tuple[str, ...], tuple[object, ...], "asyncio.Future[Any]"]


class PipelinedScript:
    """Calls made while a round trip is in flight wait and then go out together, as one pipeline of EVALSHAs
    (no MULTI): under load many requests share a round trip, and an idle caller is sent at once (one loop turn
    later). Each caller gets its own answer or its own error (a RedisError or OSError, raised to it); a
    caller that is cancelled only loses its answer. Calls answered NOSCRIPT (a restarted server: the script
    did not run) are sent again after a SCRIPT LOAD."""

    def __init__(self, redis: Redis, source: str) -> None:
        self._redis = redis
        self._script: AsyncScript = redis.register_script(source)
        self._waiting: list[_Call] = []
        self._sending: asyncio.Task[None] | None = None

    async def __call__(self, *keys: str, args: tuple[object, ...] = ()) -> Any:
        """The script's answer for these keys and arguments."""
        loop = asyncio.get_running_loop()
        answer: asyncio.Future[Any] = loop.create_future()
        self._waiting.append((keys, args, answer))
        if self._sending is None:
            self._sending = loop.create_task(self._send_waiting())
        return await answer

    async def _send_waiting(self) -> None:
        try:
            while self._waiting:
                batch, self._waiting = self._waiting, []
                await self._send(batch)
        finally:
            self._sending = None

    async def _send(self, batch: list[_Call]) -> None:
        try:
            answers = await self._execute(batch)
            unknown = [i for i, answer in enumerate(answers) if isinstance(answer, NoScriptError)]
            if unknown:  # the script did not run for these: load it and send only them again
                await self._redis.script_load(self._script.script)
                for i, answer in zip(unknown, await self._execute([batch[i] for i in unknown]), strict=True):
                    answers[i] = answer
        except asyncio.CancelledError:
            for *_, future in batch:
                future.cancel()
            raise
        except Exception as error:
            for *_, future in batch:  # handed to every caller of the batch, never lost
                if not future.done():
                    future.set_exception(error)
            return
        for (*_, future), answer in zip(batch, answers, strict=True):
            if future.done():
                continue
            if isinstance(answer, Exception):
                future.set_exception(answer)
            else:
                future.set_result(answer)

    async def _execute(self, batch: list[_Call]) -> list[Any]:
        pipeline = self._redis.pipeline(transaction=False)
        for keys, args, _ in batch:
            pipeline.evalsha(self._script.sha, len(keys), *keys, *args)  # type: ignore[arg-type]
        answers: list[Any] = await pipeline.execute(raise_on_error=False)
        return answers
