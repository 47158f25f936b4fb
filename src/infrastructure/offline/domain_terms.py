"""Definitions for the domain terms a lesson uses, taken from the passages themselves (never invented)."""

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

from domain.passage import Passage
from domain.readability import count_syllables
from infrastructure.offline.section_planner import SectionDraft, Wording

MIN_TERM_SYLLABLES = 3


def _term_pattern(term: str) -> str:
    return rf"{re.escape(term)}(?:e?s)?"


@lru_cache(maxsize=4096)
def _definition_pattern(term: str) -> re.Pattern[str]:
    pattern = _term_pattern(term)
    opening = rf"^(?:an? |the )?{pattern}\s*(?:\([^)]*\)\s*)?(?:is|are|means|was|were)\b"
    naming = rf"\b(?:called|known as|named)\s+(?:an? |the )?{pattern}\b"
    return re.compile(f"{opening}|{naming}", re.IGNORECASE)


def is_definition(sentence: str, term: str) -> bool:
    """True when `sentence` says what `term` is: "X is/are/means …" or "… called/known as X"."""
    return _definition_pattern(term).search(sentence) is not None


def domain_terms(passages: Sequence[Passage], keywords: Mapping[str, Sequence[str]]) -> list[str]:
    """The passages' keywords and topics that are hard words (three or more syllables in one word, or a
    phrase of several words), hardest first."""
    found = dict.fromkeys(t.lower() for p in passages for t in (*keywords.get(p.id, ()), p.topic) if t.strip())
    hard = [t for t in found if len(t.split()) > 1 or max(count_syllables(w) for w in t.split()) >= MIN_TERM_SYLLABLES]
    return sorted(hard, key=lambda t: (-max(count_syllables(w) for w in t.split()), t))


def _mentions(text: str, term: str) -> bool:
    return re.search(rf"\b{_term_pattern(term)}\b", text, re.IGNORECASE) is not None


def add_definitions(
    drafts: Sequence[SectionDraft], passages: Sequence[Passage], terms: Sequence[str], wording: Wording, limit: int
) -> tuple[SectionDraft, ...]:
    """Up to `limit` drafts get a defining sentence (from any passage, in the lesson's wording) placed before
    the first sentence that uses an undefined term; the definition's passage joins the citations."""
    out = list(drafts)
    added = 0
    for term in terms:
        if added >= limit:
            break
        lesson = [s for d in out for s in d.sentences]
        if any(is_definition(s, term) for s in lesson):
            continue
        where = next(((i, j) for i, d in enumerate(out) for j, s in enumerate(d.sentences) if _mentions(s, term)),
                     None)
        if where is None:
            continue
        source = next(((p, s) for p in passages for s in wording.sentences(p.text)
                       if is_definition(s, term) and s not in lesson), None)
        if source is None:
            continue
        passage, definition = source
        index, position = where
        draft = out[index]
        extra = draft.extra_citations if passage.id == draft.passage.id or passage.id in draft.extra_citations \
            else (*draft.extra_citations, passage.id)
        sentences = (*draft.sentences[:position], definition, *draft.sentences[position:])
        out[index] = replace(draft, sentences=sentences, extra_citations=extra)
        added += 1
    return tuple(out)
