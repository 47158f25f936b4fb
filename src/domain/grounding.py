"""Grounding: which sentences of a lesson state facts, and how well the passages support each one."""

import re
from dataclasses import dataclass

from domain.lesson_script import LessonScript
from domain.sentences import split_sentences

EXAMPLE_PREFIX = "Example: "
MIN_CLAIM_WORDS = 3
_FRAMING = re.compile(
    r"^(?:in this lesson|think|try|look|let's|let us|keep|remember|imagine|can you|could you|have you|"
    r"now|you like|you are (?:a fan|interested)|what do you|"
    r"(?:some|many) (?:people|students|kids) (?:think|believe)|(?:the material for )?this lesson)\b", re.IGNORECASE)


def is_factual_claim(sentence: str) -> bool:
    """A declarative sentence that says something about the world (not a question, exclamation, prompt or
    framing line such as "In this lesson, we explored …")."""
    text = sentence.strip()
    if text.endswith(("?", "!")) or len(text.split()) < MIN_CLAIM_WORDS:
        return False
    return not _FRAMING.search(text)


def lesson_sentences(script: LessonScript) -> list[str]:
    """Every sentence of the lesson's body text (sections, worked example, summary), once each, in order;
    the hook is framing and is not included."""
    texts = [*(s.body for s in script.sections), script.worked_example.removeprefix(EXAMPLE_PREFIX), script.summary]
    return list(dict.fromkeys(s for text in texts for s in split_sentences(text)))


def factual_sentences(script: LessonScript) -> list[str]:
    """The sentences of the lesson that state facts and so must be supported by a passage."""
    return [s for s in lesson_sentences(script) if is_factual_claim(s)]


@dataclass(frozen=True, slots=True)
class SentenceSupport:
    """A factual sentence, the passage that supports it best (None when none does) and the score (0–1)."""

    sentence: str
    passage_id: str | None
    score: float


@dataclass(frozen=True, slots=True)
class GroundingReport:
    """The support of every factual sentence of the lesson as written, the threshold for "supported", and
    the sentences dropped because no passage supported them."""

    threshold: float
    sentences: tuple[SentenceSupport, ...]
    dropped: tuple[str, ...] = ()

    @property
    def supported(self) -> int:
        """How many factual sentences reach the threshold."""
        return sum(1 for s in self.sentences if s.score >= self.threshold)

    @property
    def supported_share(self) -> float:
        """The share of factual sentences, as written, that a passage supports (1.0 when there are none)."""
        return round(self.supported / len(self.sentences), 4) if self.sentences else 1.0
