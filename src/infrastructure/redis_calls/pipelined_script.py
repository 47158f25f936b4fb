"""PipelinedScript: one Lua script called by many coroutines, their calls sent together (auto-pipelining)."""

from typing import Any

from redis.asyncio import Redis
from redis.commands.core import AsyncScript
from redis.exceptions import NoScriptError

from infrastructure.batching.call_batcher import CallBatcher

_Call = tuple[tuple[str, ...], tuple[object, ...]]


class PipelinedScript:
    """Calls made while a round trip is in flight wait and then go out together, as one pipeline of EVALSHAs
    (no MULTI; `CallBatcher`): under load many requests share a round trip. Each caller gets its own answer or
    its own error (a RedisError or OSError, raised to it); an error reply fails that call alone. Calls answered
    NOSCRIPT (a restarted server: the script did not run) are sent again after a SCRIPT LOAD."""

    def __init__(self, redis: Redis, source: str) -> None:
        self._redis = redis
        self._script: AsyncScript = redis.register_script(source)
        self._batcher: CallBatcher[_Call, Any] = CallBatcher(self._send)

    async def __call__(self, *keys: str, args: tuple[object, ...] = ()) -> Any:
        """The script's answer for these keys and arguments."""
        return await self._batcher((keys, args))

    async def _send(self, batch: list[_Call]) -> list[Any]:
        answers = await self._execute(batch)
        unknown = [i for i, answer in enumerate(answers) if isinstance(answer, NoScriptError)]
        if unknown:  # the script did not run for these: load it and send only them again
            await self._redis.script_load(self._script.script)
            for i, answer in zip(unknown, await self._execute([batch[i] for i in unknown]), strict=True):
                answers[i] = answer
        return answers

    async def _execute(self, batch: list[_Call]) -> list[Any]:
        pipeline = self._redis.pipeline(transaction=False)
        for keys, args in batch:
            pipeline.evalsha(self._script.sha, len(keys), *keys, *args)  # type: ignore[arg-type]
        answers: list[Any] = await pipeline.execute(raise_on_error=False)
        return answers
