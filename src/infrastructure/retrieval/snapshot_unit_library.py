"""The UnitLibrary over the in-process corpus snapshot that retrieval searches."""

from collections.abc import Sequence

from application.ports.unit_library import UnitLibrary
from domain.chunking import document_id_of
from domain.teaching_unit import TeachingUnit
from infrastructure.retrieval.corpus_cache import CorpusCache


class SnapshotUnitLibrary(UnitLibrary):
    """Answers from the same CorpusCache the passage indexes use, so a unit is the one its passage was found in."""

    def __init__(self, cache: CorpusCache) -> None:
        self._cache = cache

    async def units(self, passage_ids: Sequence[str]) -> dict[str, TeachingUnit]:
        """The unit of each passage id the current snapshot holds."""
        units = (await self._cache.current()).units
        found = {pid: units.get(document_id_of(pid)) for pid in passage_ids}
        return {pid: unit for pid, unit in found.items() if unit is not None}
