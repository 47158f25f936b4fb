"""Splitting text into sentences (shared by the composer, the grounding check and pruning)."""

import re

_BOUNDARY = re.compile(r"(?<=[.!?])['\")\u2019\u201d]?\s+(?=['\"(\u2018\u201c]?[A-Z0-9])")
_ABBREVIATION = re.compile(r"(?:\b[A-Za-z]|\b(?:Mr|Mrs|Ms|Dr|Jr|Sr|St|vs|No|Mt|e\.g|i\.e))\.['\")]?$")


def split_sentences(text: str) -> list[str]:
    """Sentences of `text` in order; does not split after initials or common abbreviations."""
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        candidate = text[start:match.start()].strip()
        if _ABBREVIATION.search(candidate):
            continue
        if candidate:
            sentences.append(text[start:match.end()].strip())
        start = match.end()
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences
