"""Word-level text handling shared by the offline providers: tokens, stop words and a light stemmer."""

import re

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")

STOP_WORDS = frozenset((
    "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at",
    "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
    "did", "do", "does", "doing", "done", "down", "during", "each", "few", "for", "from", "further", "get",
    "gets", "got", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i",
    "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "no", "nor", "not",
    "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own", "same",
    "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "then",
    "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very",
    "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
    "would", "you", "your", "yours", "yourself", "please", "tell", "explain", "know", "want", "learn", "us",
    "let", "lets",
))


def tokenize(text: str) -> list[str]:
    """Lower-case word tokens of `text`, possessive "'s" removed."""
    tokens = []
    for match in _WORD.finditer(text.lower().replace("\u2019", "'")):
        word = match.group(0)
        tokens.append(word[:-2] if word.endswith("'s") else word)
    return tokens


def _undouble(word: str) -> str:
    if len(word) >= 3 and word[-1] == word[-2] and word[-1] not in "lsz":
        return word[:-1]
    return word


def stem(word: str) -> str:
    """A light suffix stemmer for plurals, -ing and -ed, applied the same way to queries and documents."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("sses", "ches", "shes", "xes", "zes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    elif word.endswith("ing") and len(word) > 5:
        word = _undouble(word[:-3])
    elif word.endswith("ed") and len(word) > 4:
        word = _undouble(word[:-2])
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


def terms(text: str) -> list[str]:
    """The stemmed content terms of `text`, in order, stop words removed."""
    return [stem(token) for token in tokenize(text) if token not in STOP_WORDS]
