"""Plans the sections of a lesson: one per top passage (or a few passages split into parts), written in
the chosen style and trimmed to the grade band's length budget."""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from application.errors import StageFailed
from domain.passage import Passage, ScoredPassage
from domain.readability import count_syllables
from infrastructure.offline.plain_words import plain_wording
from infrastructure.offline.reading_style import LengthBudget, WritingStyle
from infrastructure.offline.sentence_rewriter import drop_asides, join_short, split_long
from infrastructure.offline.sentence_tools import select_for_grade, split_sentences, word_count

MIN_SECTIONS = 3
MAX_SECTIONS = 5
MIN_RELATIVE_SCORE = 0.6
_BACK_REFERENCES = frozenset(("it", "its", "they", "their", "them", "this", "these", "that", "those", "he", "she",
                              "his", "her", "then", "so", "but", "also", "there"))
_PART_HEADINGS = ("{title}", "{title}: A Closer Look", "{title}: Putting It Together")


@dataclass(frozen=True, slots=True)
class SectionDraft:
    """A planned section: its heading, the sentences of its body, the passage it comes from and the
    passages of any definitions added to it."""

    heading: str
    sentences: tuple[str, ...]
    passage: Passage
    extra_citations: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Wording:
    """How passage sentences are rewritten: the style, the domain terms kept as they are, proper nouns."""

    style: WritingStyle
    keep_terms: frozenset[str] = frozenset()
    proper_nouns: frozenset[str] = frozenset()

    def sentences(self, text: str) -> list[str]:
        """The sentences of `text` rewritten in this style (same facts, same order)."""
        return list(_reworded(self, text))

    def rewrite(self, text: str) -> tuple[str, ...]:
        """`sentences` without the cache."""
        out: list[str] = []
        for sentence in split_sentences(text):
            if self.style.drop_asides:
                sentence = drop_asides(sentence)
            if self.style.plain_words:
                sentence = plain_wording(sentence, self.keep_terms)
            out += split_long(sentence, self.style.max_words) if self.style.split_long else [sentence]
        if self.style.join_under:
            out = join_short(out, self.style.join_under, self.proper_nouns)
        return tuple(out)


@lru_cache(maxsize=8192)
def _reworded(wording: Wording, text: str) -> tuple[str, ...]:
    """Passages recur across lessons and styles: each (wording, text) is rewritten once per process."""
    return wording.rewrite(text)


def sentence_difficulty(sentence: str) -> float:
    """The Flesch–Kincaid terms of one sentence (0.39 × words + 11.8 × syllables per word)."""
    words = sentence.split()
    return 0.39 * len(words) + 11.8 * sum(count_syllables(w) for w in words) / max(1, len(words))


def choose_sentences(sentences: Sequence[str], style: WritingStyle, limit: int, minimum: int = 2) -> list[str]:
    """Up to `limit` sentences in their original order, chosen as the style prefers: short ones, or the
    easiest (hardest) run of neighbouring sentences, so a pronoun keeps the sentence it refers to."""
    if style.prefer == "short":
        return select_for_grade(sentences, style.max_words, limit, minimum)
    if len(sentences) <= limit:
        return list(sentences)
    ranked = sorted(range(len(sentences)), key=lambda i: (sentence_difficulty(sentences[i]), i),
                    reverse=style.prefer == "hard")
    chosen: set[int] = set()
    for _ in range(limit):
        for index in ranked:
            refers_back = sentences[index].split(maxsplit=1)[0].lower() in _BACK_REFERENCES
            if index not in chosen and (not refers_back or index - 1 in chosen):
                chosen.add(index)
                break
    return [sentences[i] for i in sorted(chosen)]


def usable_passages(passages: Sequence[ScoredPassage], limit: int = MAX_SECTIONS) -> list[Passage]:
    """Distinct passages with text, best first, at most `limit`, keeping only those scoring at least
    MIN_RELATIVE_SCORE of the best score (the best is always kept), so a weak match never becomes a section."""
    seen: set[str] = set()
    ordered: list[ScoredPassage] = []
    for scored in passages:
        if scored.passage.id not in seen and split_sentences(scored.passage.text):
            seen.add(scored.passage.id)
            ordered.append(scored)
    if not ordered:
        raise StageFailed("missing_input", "there are no passages with text to ground the lesson in",
                          retryable=False)
    top = max(ordered[0].score, 0.0)
    kept = [s for i, s in enumerate(ordered) if i == 0 or s.score >= top * MIN_RELATIVE_SCORE]
    return [s.passage for s in kept[:limit]]


def _chunks(items: Sequence[str], parts: int) -> list[tuple[str, ...]]:
    parts = max(1, min(parts, len(items)))
    size, extra = divmod(len(items), parts)
    out, start = [], 0
    for index in range(parts):
        end = start + size + (1 if index < extra else 0)
        out.append(tuple(items[start:end]))
        start = end
    return out


def trim_to_budget(drafts: Sequence[SectionDraft], body_words: int) -> tuple[SectionDraft, ...]:
    """Drop the last sentence of the longest section (never below two) until the body fits `body_words`."""
    trimmed = list(drafts)
    while sum(word_count(" ".join(d.sentences)) for d in trimmed) > body_words:
        longest = max(range(len(trimmed)), key=lambda i: (len(trimmed[i].sentences), -i))
        if len(trimmed[longest].sentences) <= 2:
            break
        trimmed[longest] = replace(trimmed[longest], sentences=trimmed[longest].sentences[:-1])
    return tuple(trimmed)


def plan_sections(
    passages: Sequence[ScoredPassage], wording: Wording, budget: LengthBudget
) -> tuple[SectionDraft, ...]:
    """Three to five sections, each from exactly one passage; with fewer than three passages the
    passages are split into parts (two or three sections when a passage is very short)."""
    chosen = usable_passages(passages, max(MIN_SECTIONS, budget.sections))
    limit = budget.sentences_per_section
    if len(chosen) >= MIN_SECTIONS:
        drafts = tuple(
            SectionDraft(p.title, tuple(choose_sentences(wording.sentences(p.text), wording.style, limit)), p)
            for p in chosen
        )
        return trim_to_budget(drafts, budget.body_words)
    shares = [MIN_SECTIONS - len(chosen) + 1] + [1] * (len(chosen) - 1)
    parts: list[SectionDraft] = []
    for passage, share in zip(chosen, shares, strict=True):
        sentences = choose_sentences(wording.sentences(passage.text), wording.style, limit * share,
                                     minimum=2 * share)
        for number, chunk in enumerate(_chunks(sentences, share)):
            heading = _PART_HEADINGS[min(number, len(_PART_HEADINGS) - 1)].format(title=passage.title)
            parts.append(SectionDraft(heading, chunk, passage))
    return trim_to_budget(parts, budget.body_words)
