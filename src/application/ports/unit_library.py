"""UnitLibrary port: the teaching units behind retrieved passages."""

from collections.abc import Sequence
from typing import Protocol

from domain.teaching_unit import TeachingUnit


class UnitLibrary(Protocol):
    """Looks up the teaching unit each passage belongs to. Raises StorageError."""

    async def units(self, passage_ids: Sequence[str]) -> dict[str, TeachingUnit]:
        """The unit of each passage id that has one (a passage no longer in the corpus is left out)."""
        ...
