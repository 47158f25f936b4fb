"""Generated sections: the lines between `<!-- BEGIN GENERATED: name -->` and `<!-- END GENERATED: name -->`.

A marker counts only alone on its line, so documents can quote marker text inline.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass

from infrastructure.docs.problems import DocsError

_MARKER = re.compile(r"^<!-- (BEGIN|END) GENERATED: ([a-z0-9-]+) -->[ \t]*$", re.MULTILINE)


def begin_marker(name: str) -> str:
    """The line that opens section `name`."""
    return f"<!-- BEGIN GENERATED: {name} -->"


def end_marker(name: str) -> str:
    """The line that closes section `name`."""
    return f"<!-- END GENERATED: {name} -->"


@dataclass(frozen=True, slots=True)
class Section:
    """One generated section: its name and where its body sits in the document."""

    name: str
    start: int
    end: int
    body: str


def find_sections(text: str, where: str) -> dict[str, Section]:
    """Every generated section of `text` by name; DocsError when the markers do not pair up."""
    sections: dict[str, Section] = {}
    open_name: str | None = None
    body_start = 0
    for match in _MARKER.finditer(text):
        kind, name = match.groups()
        if kind == "BEGIN":
            if open_name is not None:
                raise DocsError(f"{where}: section {open_name!r} is not closed before section {name!r} begins")
            if name in sections:
                raise DocsError(f"{where}: section {name!r} appears twice; keep one pair of markers")
            open_name, body_start = name, match.end()
        elif open_name != name:
            raise DocsError(f"{where}: '{match.group(0)}' has no matching '{begin_marker(name)}' before it")
        else:
            sections[name] = Section(name, body_start, match.start(), text[body_start:match.start()])
            open_name = None
    if open_name is not None:
        raise DocsError(f"{where}: section {open_name!r} has no '{end_marker(open_name)}'")
    return sections


def as_body(content: str) -> str:
    """Section content as it sits between the markers: on its own lines."""
    return "\n" + content.strip("\n") + "\n"


def replace_sections(text: str, bodies: Mapping[str, str], where: str) -> str:
    """`text` with the body of each named section replaced; everything outside the markers is kept."""
    pieces: list[str] = []
    cursor = 0
    for section in sorted(find_sections(text, where).values(), key=lambda s: s.start):
        if section.name in bodies:
            pieces += [text[cursor:section.start], bodies[section.name]]
            cursor = section.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def hand_written(text: str, where: str) -> str:
    """`text` without the bodies of its generated sections (what people wrote)."""
    return replace_sections(text, dict.fromkeys(find_sections(text, where), "\n"), where)
