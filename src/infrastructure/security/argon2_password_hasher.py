"""Argon2id password hashing, run off the event loop."""

import asyncio

from argon2 import PasswordHasher as Argon2
from argon2.exceptions import InvalidHashError, VerificationError

from application.ports.password_hasher import PasswordHasher

# OWASP minimum for Argon2id: m=19 MiB, t=2, p=1. We use 19 MiB, 2 passes, 1 lane.
_OWASP_MEMORY_KIB = 19 * 1024


class Argon2PasswordHasher(PasswordHasher):
    """Argon2id at the OWASP minimum (or the cost given); hashing runs in a worker thread."""

    def __init__(self, time_cost: int = 2, memory_cost_kib: int = _OWASP_MEMORY_KIB, parallelism: int = 1) -> None:
        self._argon = Argon2(time_cost=time_cost, memory_cost=memory_cost_kib, parallelism=parallelism)

    async def hash(self, password: str) -> str:
        """A salted Argon2id hash."""
        return await asyncio.to_thread(self._argon.hash, password)

    async def verify(self, password_hash: str, password: str) -> bool:
        """True when the password matches; malformed hashes never match."""
        try:
            return await asyncio.to_thread(self._argon.verify, password_hash, password)
        except (VerificationError, InvalidHashError):
            return False
