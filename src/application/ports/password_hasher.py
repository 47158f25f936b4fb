"""PasswordHasher port: one-way password hashing."""

from typing import Protocol


class PasswordHasher(Protocol):
    """Hashes and verifies passwords off the event loop."""

    async def hash(self, password: str) -> str:
        """A salted hash of `password`."""
        ...

    async def verify(self, password_hash: str, password: str) -> bool:
        """True when `password` matches `password_hash`."""
        ...
