"""Sentence-level helpers for composing lessons: splitting, grade-sized selection, bullets, titles."""

from collections.abc import Sequence

from domain.sentences import split_sentences

__all__ = ["select_for_grade", "shorten_words", "split_sentences", "title_case", "to_bullet", "word_count"]

_SMALL_WORDS = frozenset((
    "a", "an", "and", "as", "at", "but", "by", "for", "in", "nor", "of", "on", "or", "the", "to", "vs",
    "via", "with", "from",
))

def word_count(text: str) -> int:
    """Whitespace-separated words in `text`."""
    return len(text.split())


def select_for_grade(sentences: Sequence[str], max_words: int, limit: int, minimum: int = 2) -> list[str]:
    """Up to `limit` sentences in their original order, preferring ones of at most `max_words` words;
    at least `minimum` (or all there are), topped up with the shortest others, so sections never run dry."""
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
