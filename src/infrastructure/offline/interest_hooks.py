"""The curated interests a student may name, and their spellings.

`interest_analogies.json` lists each interest with its aliases (and an analogy per subject, kept for writers
that want one); `known_interest` maps what a student typed onto one of them.
"""

import json
from functools import cache
from pathlib import Path

from domain.interest import Interest
from infrastructure.offline.text_terms import stem, tokenize

ANALOGIES_FILE = Path(__file__).with_name("interest_analogies.json")


@cache
def _names() -> dict[str, str]:
    """Every spelling (interest, alias, and single-word stems of both) → the interest it belongs to."""
    raw: dict[str, dict[str, object]] = json.loads(ANALOGIES_FILE.read_text(encoding="utf-8"))
    names: dict[str, str] = {}
    for name, entry in raw.items():
        aliases = entry.get("aliases", [])
        for spelling in (name, *(aliases if isinstance(aliases, list) else [])):
            names.setdefault(str(spelling).lower(), name)
    for spelling, name in list(names.items()):
        if " " not in spelling:
            names.setdefault("~" + stem(spelling), name)
    return names


def known_interest(interest: Interest) -> str | None:
    """The mapped interest for a student's interest: exact or alias, then any of its words exactly, then
    by stem; None when nothing matches."""
    names = _names()
    if interest.value in names:
        return names[interest.value]
    words = tokenize(interest.value)
    exact = next((names[w] for w in words if w in names), None)
    return exact or next((names["~" + stem(w)] for w in words if "~" + stem(w) in names), None)
