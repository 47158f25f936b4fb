"""Readiness probes: can the service reach its database, its doorbell and its artifact store?"""

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

Probe = Callable[[], Awaitable[bool]]
PROBE_TIMEOUT_S = 2.0


@dataclass(frozen=True, slots=True)
class ReadinessReport:
    """Each dependency's state; ready only when all are up."""

    checks: dict[str, bool]

    @property
    def ready(self) -> bool:
        """True when every dependency answered."""
        return all(self.checks.values())


def database_probe(engine: AsyncEngine) -> Probe:
    """SELECT 1 on the database."""
    async def probe() -> bool:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
        return True
    return probe


def redis_probe(client: "Redis") -> Probe:
    """PING on Redis."""
    async def probe() -> bool:
        return bool(await client.ping())
    return probe


class Readiness:
    """Runs every probe with a timeout; a probe that raises or hangs counts as down."""

    def __init__(self, probes: dict[str, Probe]) -> None:
        self._probes = probes

    async def check(self) -> ReadinessReport:
        """Probe everything concurrently."""
        names = list(self._probes)
        results = await asyncio.gather(*(self._one(self._probes[n]) for n in names))
        return ReadinessReport(dict(zip(names, results, strict=True)))

    @staticmethod
    async def _one(probe: Probe) -> bool:
        try:
            return await asyncio.wait_for(probe(), PROBE_TIMEOUT_S)
        except Exception:
            return False
