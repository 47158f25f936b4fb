"""Sentence-level helpers for composing lessons: splitting, grade-sized selection, bullets, titles."""

import re
from collections.abc import Sequence

from domain.grade_level import GradeBand

_BOUNDARY = re.compile(r"(?<=[.!?])['\")\u2019\u201d]?\s+(?=['\"(\u2018\u201c]?[A-Z0-9])")
_ABBREVIATION = re.compile(r"(?:\b[A-Za-z]|\b(?:Mr|Mrs|Ms|Dr|Jr|Sr|St|vs|No|Mt|e\.g|i\.e))\.['\")]?$")
_SMALL_WORDS = frozenset((
    "a", "an", "and", "as", "at", "but", "by", "for", "in", "nor", "of", "on", "or", "the", "to", "vs",
    "via", "with", "from",
))

# Per grade band: at most this many sentences per section, preferring sentences of at most this many words.
SENTENCES_PER_SECTION: dict[GradeBand, int] = {
    GradeBand.K_2: 3, GradeBand.G3_5: 4, GradeBand.G6_8: 5, GradeBand.G9_12: 6,
}
WORDS_PER_SENTENCE: dict[GradeBand, int] = {
    GradeBand.K_2: 14, GradeBand.G3_5: 22, GradeBand.G6_8: 30, GradeBand.G9_12: 45,
}


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


def word_count(text: str) -> int:
    """Whitespace-separated words in `text`."""
    return len(text.split())


def select_for_grade(sentences: Sequence[str], band: GradeBand, limit: int, minimum: int = 2) -> list[str]:
    """Up to `limit` sentences in their original order, preferring ones short enough for the band;
    at least `minimum` (or all there are), topped up with the shortest others, so sections never run dry."""
    max_words = WORDS_PER_SENTENCE[band]
    chosen = [i for i, s in enumerate(sentences) if word_count(s) <= max_words][:limit]
    wanted = min(len(sentences), max(minimum, len(chosen)), max(limit, minimum))
    if len(chosen) < wanted:
        spare = sorted(
            (i for i in range(len(sentences)) if i not in chosen), key=lambda i: (word_count(sentences[i]), i)
        )
        chosen += spare[: wanted - len(chosen)]
    return [sentences[i] for i in sorted(chosen)]


def to_bullet(text: str, max_chars: int = 90) -> str:
    """A slide bullet: the text without its final full stop, cut at a clause or word boundary to fit."""
    clean = " ".join(text.split()).rstrip(".")
    if len(clean) <= max_chars:
        return clean
    window = clean[: max_chars - 1]
    cut = max(window.rfind(", "), window.rfind("; "), window.rfind(": "))
    if cut < max_chars // 2:
        cut = window.rfind(" ")
    if cut <= 0:
        cut = max_chars - 1
    return window[:cut].rstrip(" ,;:") + "\u2026"


def title_case(text: str) -> str:
    """Headline case: significant words capitalised, small words lower-case except first; other letters kept."""
    words = text.split()
    out = []
    for position, word in enumerate(words):
        lower = word.lower()
        if position and lower in _SMALL_WORDS:
            out.append(lower)
        else:
            out.append(word[:1].upper() + word[1:])
    return " ".join(out)


def shorten_words(text: str, max_chars: int) -> str:
    """`text` cut at a word boundary to at most `max_chars` characters."""
    clean = " ".join(text.split())
    if len(clean) <= max_chars:
        return clean
    cut = clean[: max_chars + 1].rfind(" ")
    return clean[: cut if cut > 0 else max_chars].rstrip(" ,;:")
