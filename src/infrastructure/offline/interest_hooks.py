"""Opening hooks that connect a lesson to the student's interest through an analogy that fits the subject.

`interest_analogies.json` is the curated mapping: for each interest, its aliases and one analogy or example
per subject (science, mathematics, history, language arts) plus a general one. An interest the mapping does
not know gets a neutral hook that names it without inventing a comparison. The hook is framing, not fact:
it makes no claim about the topic.
"""

import json
from functools import cache
from pathlib import Path

from domain.interest import Interest
from infrastructure.offline.text_terms import stem, tokenize

ANALOGIES_FILE = Path(__file__).with_name("interest_analogies.json")
GENERAL = "general"


@cache
def interest_analogies() -> dict[str, dict[str, str]]:
    """Interest → {subject or "general" → analogy phrase completing "Think about …"}."""
    raw: dict[str, dict[str, object]] = json.loads(ANALOGIES_FILE.read_text(encoding="utf-8"))
    return {name: {k: str(v) for k, v in entry.items() if k != "aliases"} for name, entry in raw.items()}


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


def analogy_for(interest: Interest, subject: str) -> str | None:
    """The analogy for the interest that fits the subject (else its general one); None when unknown."""
    name = known_interest(interest)
    if name is None:
        return None
    entry = interest_analogies()[name]
    return entry.get(subject.lower(), entry[GENERAL])


def build_hook(topic: str, subject: str, interest: Interest | None, *, young: bool = False) -> str:
    """A few sentences that open the lesson: an analogy from the interest fitted to the subject, a neutral
    mention of an unmapped interest, or a plain question without one; shorter sentences for young readers."""
    analogy = analogy_for(interest, subject) if interest is not None else None
    if interest is None:
        if young:
            return f"Have you ever wondered about {topic}? Let's find out."
        return (f"Have you ever wondered about {topic}? In this lesson we will look at the facts step by step "
                "and build up to the big picture.")
    if analogy is None:
        if young:
            return f"You like {interest.value}. Let's learn about {topic}."
        return (f"You are interested in {interest.value}, and the curiosity you bring to it is just what "
                f"you need for {topic}. Let's look closely and see what the facts tell us.")
    if young:
        return f"You like {interest.value}. Think about {analogy}. Now let's learn about {topic}."
    return (f"You are a fan of {interest.value}. Think about {analogy}. Keep that picture in mind as we "
            f"explore {topic}, starting with the basics and building up to the big picture.")
