"""Random UUIDs."""

from uuid import UUID, uuid4

from application.ports.id_generator import IdGenerator


class Uuid4Generator(IdGenerator):
    """Version-4 random UUIDs."""

    def new_id(self) -> UUID:
        """A fresh random UUID."""
        return uuid4()
