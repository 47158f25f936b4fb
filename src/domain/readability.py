"""Flesch–Kincaid grade level, measured with a rule-based syllable count."""

import re

_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_SOUNDED_ENDINGS = ("ted", "ded", "ses", "zes", "xes", "ces", "ges", "ches", "shes")


def count_syllables(word: str) -> int:
    """Syllables in an English word by vowel groups, with the silent-e and -le rules; at least 1."""
    lower = word.lower().strip("'")
    if len(lower) <= 3:
        return 1
    groups = len(_VOWEL_GROUPS.findall(lower))
    if lower.endswith("e") and not lower.endswith(("le", "ee", "ye")):
        groups -= 1
    if lower.endswith(("ed", "es")) and not lower.endswith(_SOUNDED_ENDINGS):
        groups -= 1
    return max(1, groups)


def flesch_kincaid_grade(text: str) -> float:
    """0.39 × words/sentence + 11.8 × syllables/word − 15.59; 0.0 for text without words."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    sentences = max(1, len(_SENTENCE_END.findall(text.strip() + " ")))
    syllables = sum(count_syllables(w) for w in words)
    grade = 0.39 * len(words) / sentences + 11.8 * syllables / len(words) - 15.59
    return round(max(0.0, grade), 2)
