"""Requirement ids in docs/RDS.md and the sections of docs/FRS.md that specify them."""

import re
from dataclasses import dataclass

REQUIREMENT_ID = re.compile(r"\bRDS-\d{3}\b")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*$", re.MULTILINE)
_ID_HEADING = re.compile(r"^(RDS-\d{3})\b[\s—–:-]*(.*)$")
_STATUS = re.compile(r"status:\s*\**\s*(implemented|planned)\b", re.IGNORECASE)
STATUSES = ("implemented", "planned")


@dataclass(frozen=True, slots=True)
class Requirement:
    """One requirement: its id, title, status and the heading it sits under (for anchors)."""

    id: str
    title: str
    status: str
    heading: str


@dataclass(frozen=True, slots=True)
class IdSection:
    """A heading that starts with a requirement id, and the text under it."""

    id: str
    title: str
    heading: str
    text: str


def id_sections(text: str) -> tuple[IdSection, ...]:
    """Every heading of `text` that starts with an RDS id, with the text up to the next heading."""
    headings = list(_HEADING.finditer(text))
    found = []
    for index, match in enumerate(headings):
        named = _ID_HEADING.match(match.group(2))
        if named is None:
            continue
        end = headings[index + 1].start() if index + 1 < len(headings) else len(text)
        found.append(IdSection(named.group(1), named.group(2).strip(), match.group(2), text[match.end():end]))
    return tuple(found)


def parse_requirements(text: str) -> tuple[tuple[Requirement, ...], list[str]]:
    """The requirements of RDS.md in order, and what is wrong with them (duplicates, missing status)."""
    requirements, errors, seen = [], [], set()
    for section in id_sections(text):
        if section.id in seen:
            errors.append(f"{section.id} is defined twice; ids are stable and unique")
            continue
        seen.add(section.id)
        status = _STATUS.search(section.text)
        if status is None:
            errors.append(f"{section.id} has no 'status: implemented' or 'status: planned' line")
            continue
        requirements.append(Requirement(section.id, section.title, status.group(1).lower(), section.heading))
    return tuple(requirements), errors


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a Markdown heading: lower case, punctuation dropped, spaces to hyphens."""
    kept = "".join(ch for ch in heading.strip().lower() if ch.isalnum() or ch in " -_")
    return kept.replace(" ", "-")
