"""The first built-in curriculum (tests/data/builtin_curriculum): fixture passages for the offline writer and
classifier tests, loaded once. The running service reads `corpus/` instead."""

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

from domain.grade_level import GradeBand
from domain.passage import Passage

CATALOGUE_DIR = Path(__file__).resolve().parents[2] / "data" / "builtin_curriculum"
CATALOGUE_FILES = ("science.json", "mathematics.json", "history.json", "language_arts.json")
BUILTIN_SOURCE = "Lessonsmith built-in curriculum"
_TEXT_FIELDS = ("id", "title", "subject", "grade_band", "topic", "text")


@dataclass(frozen=True, slots=True)
class PassageCatalogue:
    """Passages in a stable order, and the search keywords of each passage by id."""

    passages: tuple[Passage, ...]
    keywords: Mapping[str, tuple[str, ...]]


def _parse_entry(entry: object, origin: str) -> tuple[Passage, tuple[str, ...]]:
    if not isinstance(entry, dict):
        raise ValueError(f"{origin}: every entry must be an object")
    for name in _TEXT_FIELDS:
        if not isinstance(entry.get(name), str) or not entry[name].strip():
            raise ValueError(f"{origin}: entry {entry.get('id')!r} needs a non-empty text field {name!r}")
    raw_keywords = entry.get("keywords", [])
    if not isinstance(raw_keywords, list) or not all(isinstance(k, str) for k in raw_keywords):
        raise ValueError(f"{origin}: entry {entry['id']!r} needs keywords as a list of strings")
    passage = Passage(
        id=entry["id"],
        title=entry["title"],
        subject=entry["subject"],
        grade_band=GradeBand(entry["grade_band"]),
        topic=entry["topic"],
        text=entry["text"],
        source=BUILTIN_SOURCE,
    )
    return passage, tuple(k.strip().lower() for k in raw_keywords if k.strip())


@cache
def load_builtin_catalogue() -> PassageCatalogue:
    """Read and validate the fixture passages; ValueError when the data is malformed or ids repeat."""
    passages: list[Passage] = []
    keywords: dict[str, tuple[str, ...]] = {}
    for name in CATALOGUE_FILES:
        entries = json.loads((CATALOGUE_DIR / name).read_text(encoding="utf-8"))
        if not isinstance(entries, list):
            raise ValueError(f"{name}: must hold a list of passages")
        for entry in entries:
            passage, words = _parse_entry(entry, name)
            if passage.id in keywords:
                raise ValueError(f"{name}: duplicate passage id {passage.id!r}")
            passages.append(passage)
            keywords[passage.id] = words
    return PassageCatalogue(passages=tuple(passages), keywords=MappingProxyType(keywords))


def load_builtin_passages() -> tuple[Passage, ...]:
    """The built-in passages, in catalogue order."""
    return load_builtin_catalogue().passages
