"""UserRepository port: registered users."""

from typing import Protocol
from uuid import UUID

from domain.user import User


class UserRepository(Protocol):
    """Users in the source of truth. Raises StorageError; `add` raises UsernameTaken."""

    async def add(self, user: User) -> None:
        """Insert a user; UsernameTaken when the name is in use."""
        ...

    async def get(self, user_id: UUID) -> User | None:
        """The user with that id, if any."""
        ...

    async def get_by_username(self, username: str) -> User | None:
        """The user with that (normalised) username, if any."""
        ...

    async def count(self) -> int:
        """How many users exist."""
        ...
