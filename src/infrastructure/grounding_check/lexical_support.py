"""Lexical support: the share of a sentence's content words (stemmed, read through the graded word list)
found in a window of one or two neighbouring passage sentences; numbers must match exactly."""

import re
from collections.abc import Sequence
from dataclasses import dataclass

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


def content_stems(text: str) -> frozenset[str]:
    """The stemmed content words of `text` after plain wording."""
    return frozenset(terms(plain_wording(text)))


def passage_windows(passages: Sequence[Passage]) -> list[PassageWindow]:
    """Every single sentence and every pair of neighbouring sentences of every passage."""
    windows: list[PassageWindow] = []
    for passage in passages:
        sentences = split_sentences(passage.text)
        spans = [*([s] for s in sentences), *(sentences[i:i + 2] for i in range(len(sentences) - 1))]
        for span in spans:
            text = " ".join(span)
            windows.append(PassageWindow(passage.id, text, content_stems(text), frozenset(_NUMBER.findall(text)),
                                         len(span)))
    return windows


def lexical_support(sentence: str, windows: Sequence[PassageWindow]) -> tuple[PassageWindow | None, float]:
    """The best window for `sentence` and its score in 0–1 (a missing number halves the score)."""
    stems = content_stems(sentence)
    numbers = frozenset(_NUMBER.findall(sentence))
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
