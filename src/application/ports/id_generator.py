"""IdGenerator port: where new ids come from."""

from typing import Protocol
from uuid import UUID


class IdGenerator(Protocol):
    """Hands out new unique ids."""

    def new_id(self) -> UUID:
        """A fresh, never-used UUID."""
        ...
