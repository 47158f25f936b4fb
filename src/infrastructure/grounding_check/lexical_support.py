"""Lexical support: the share of a sentence's content words (stemmed, read through the graded word list)
found in a window of one or two neighbouring passage sentences; numbers must match exactly."""

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from domain.passage import Passage
from domain.sentences import split_sentences
from infrastructure.offline.plain_words import plain_wording
from infrastructure.offline.text_terms import terms

NUMBER_PENALTY = 0.5
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True, slots=True)
class PassageWindow:
    """One or two neighbouring sentences of a passage, as stems and numbers."""

    passage_id: str
    text: str
    stems: frozenset[str]
    numbers: frozenset[str]
    size: int


def numbers_of(text: str) -> frozenset[str]:
    """The numbers written in `text` ("1,000", "3.5", "1914")."""
    return frozenset(_NUMBER.findall(text))


def content_stems(text: str) -> frozenset[str]:
    """The stemmed content words of `text` after plain wording."""
    return frozenset(terms(plain_wording(text)))


@lru_cache(maxsize=4096)
def _sentence_terms(text: str) -> tuple[tuple[str, frozenset[str], frozenset[str]], ...]:
    """Each sentence of a passage text with its content stems and numbers (cached: passages recur)."""
    return tuple((s, content_stems(s), numbers_of(s)) for s in split_sentences(text))


def passage_windows(passages: Sequence[Passage]) -> list[PassageWindow]:
    """Every single sentence and every pair of neighbouring sentences of every passage."""
    windows: list[PassageWindow] = []
    for passage in passages:
        sentences = _sentence_terms(passage.text)
        windows += [PassageWindow(passage.id, text, stems, numbers, 1) for text, stems, numbers in sentences]
        windows += [PassageWindow(passage.id, f"{a[0]} {b[0]}", a[1] | b[1], a[2] | b[2], 2)
                    for a, b in itertools.pairwise(sentences)]
    return windows


def lexical_support(sentence: str, windows: Sequence[PassageWindow]) -> tuple[PassageWindow | None, float]:
    """The best window for `sentence` and its score in 0–1 (a missing number halves the score)."""
    stems = content_stems(sentence)
    numbers = numbers_of(sentence)
    if not stems:
        return None, 0.0
    best: tuple[PassageWindow | None, float] = (None, 0.0)
    for window in windows:
        score = len(stems & window.stems) / len(stems)
        if not numbers <= window.numbers:
            score *= NUMBER_PENALTY
        if score > best[1]:
            best = (window, score)
    return best
