"""Sentence rewrites that change how hard a sentence reads without changing what it says.

Splitting breaks a long sentence at a clause boundary into sentences that stand alone; joining links two
short sentences with a semicolon; asides in brackets can be dropped. Each rewrite keeps the words of the
source sentence, so the result stays supported by the passage it came from.
"""

import re
from collections.abc import Iterable, Sequence

MIN_PART_WORDS = 4
_SUBJECT_WORDS = frozenset((
    "the", "a", "an", "this", "these", "that", "those", "it", "its", "they", "their", "he", "she", "his", "her",
    "we", "you", "our", "your", "each", "every", "some", "many", "most", "all", "both", "one", "there", "people",
    "no", "other", "others", "scientists", "plants", "animals",
))
_CONJUNCTIONS = {"and": "", "but": "But ", "so": "So ", "yet": "Yet ", "or": ""}
_COORDINATE = re.compile(r",\s+(and|but|so|yet|or)\s+(\w+)")
_SEMICOLON = re.compile(r";\s+")
_WHICH = re.compile(r",\s+which\s+(\w+)")
_BECAUSE = re.compile(r",?\s+because\s+(\w+)")
_ASIDE = re.compile(r"\s*\([^()]*\)")
_SINGULAR_VERBS = frozenset(("is", "was", "has", "means", "makes", "lets", "gives", "helps", "keeps", "causes"))
_PLURAL_VERBS = frozenset(("are", "were", "have", "make", "help", "give", "keep", "cause"))


def words(text: str) -> int:
    """Whitespace-separated words in `text`."""
    return len(text.split())


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _finish(text: str) -> str:
    text = text.strip().rstrip(",;:")
    return text if text.endswith((".", "!", "?")) else text + "."


def _standalone(second: str) -> bool:
    first_word = second.split(maxsplit=1)[0] if second.split() else ""
    return first_word.lower() in _SUBJECT_WORDS or first_word[:1].isupper()


def _split_once(sentence: str) -> tuple[str, str] | None:
    end = sentence[-1] if sentence[-1:] in ".!?" else "."
    body = sentence.rstrip(".!? ")
    for match in _SEMICOLON.finditer(body):
        first, second = body[: match.start()], body[match.end():]
        if words(first) >= MIN_PART_WORDS and words(second) >= MIN_PART_WORDS:
            return _finish(first), _capitalise(second) + end
    for match in _COORDINATE.finditer(body):
        first, second = body[: match.start()], body[match.start(2):]
        if words(first) >= MIN_PART_WORDS and words(second) >= MIN_PART_WORDS and _standalone(second):
            return _finish(first), _CONJUNCTIONS[match.group(1).lower()] + (
                second if _CONJUNCTIONS[match.group(1).lower()] else _capitalise(second)) + end
    for match in _WHICH.finditer(body):
        verb = match.group(1).lower()
        singular = verb in _SINGULAR_VERBS or (verb.endswith("s") and not verb.endswith(("ss", "us")))
        pronoun = "This" if singular else "These" if verb in _PLURAL_VERBS else None
        first, second = body[: match.start()], body[match.start(1):]
        if pronoun and words(first) >= MIN_PART_WORDS and words(second) >= MIN_PART_WORDS - 1:
            return _finish(first), f"{pronoun} {second}{end}"
    for match in _BECAUSE.finditer(body):
        first, second = body[: match.start()], body[match.start(1):]
        if words(first) >= MIN_PART_WORDS and words(second) >= MIN_PART_WORDS and _standalone(second):
            return _finish(first), f"This is because {second}{end}"
    return None


def split_long(sentence: str, max_words: int) -> list[str]:
    """`sentence` as one or more sentences, splitting at clause boundaries while a part is longer than
    `max_words`; a sentence without a safe boundary stays whole."""
    if words(sentence) <= max_words:
        return [sentence]
    parts = _split_once(sentence)
    if parts is None:
        return [sentence]
    return [*split_long(parts[0], max_words), *split_long(parts[1], max_words)]


def drop_asides(sentence: str) -> str:
    """`sentence` without bracketed asides such as "(about 8 minutes)"."""
    cleaned = _ASIDE.sub("", sentence)
    return cleaned if words(cleaned) >= MIN_PART_WORDS else sentence


def join_short(sentences: Sequence[str], under: int, proper_nouns: Iterable[str] = ()) -> list[str]:
    """Neighbouring statements both shorter than `under` words joined with a semicolon (two at a time)."""
    keep_capital = {*proper_nouns, "I"}
    out: list[str] = []
    index = 0
    while index < len(sentences):
        current = sentences[index]
        following = sentences[index + 1] if index + 1 < len(sentences) else None
        if (following is not None and current.endswith(".") and following.endswith(".")
                and words(current) < under and words(following) < under):
            first_word = following.split(maxsplit=1)[0].strip(",;:")
            lead = following if first_word in keep_capital or first_word.isupper() else \
                following[:1].lower() + following[1:]
            out.append(f"{current[:-1]}; {lead}")
            index += 2
            continue
        out.append(current)
        index += 1
    return out


def proper_nouns(texts: Iterable[str]) -> frozenset[str]:
    """Words written with a capital letter somewhere other than the start of a sentence."""
    found: set[str] = set()
    for text in texts:
        for match in re.finditer(r"(?<![.!?:]\s)(?<!^)\b([A-Z][a-zA-Z'-]+)", text):
            found.add(match.group(1))
    return frozenset(found)
