"""Builds the slide outline: a title slide and one slide of three to five short bullets per section."""

import re
from collections.abc import Sequence

from domain.lesson_script import Slide
from infrastructure.offline.section_planner import SectionDraft
from infrastructure.offline.sentence_tools import split_sentences, to_bullet

MIN_BULLETS, MAX_BULLETS = 3, 5
_CLAUSE = re.compile(r",\s+|;\s+|:\s+")


def _clauses(sentence: str) -> list[str]:
    parts = [p.strip() for p in _CLAUSE.split(sentence) if len(p.split()) >= 3]
    return [p[:1].upper() + p[1:] for p in parts] if len(parts) > 1 else []


def section_bullets(draft: SectionDraft) -> tuple[str, ...]:
    """Bullets from the section's sentences; short sections borrow clauses, then other sentences of
    the same passage, so every bullet stays grounded in the cited passage."""
    bullets = [to_bullet(s) for s in draft.sentences]
    if len(bullets) < MIN_BULLETS:
        bullets = [to_bullet(c) for s in draft.sentences for c in (_clauses(s) or [s])]
    if len(bullets) < MIN_BULLETS:
        extra = [s for s in split_sentences(draft.passage.text) if s not in draft.sentences]
        bullets += [to_bullet(s) for s in extra]
    unique = list(dict.fromkeys(b for b in bullets if b))
    fillers = (f"Key idea: {draft.heading}", "Say it in your own words", "Find one detail to remember")
    for filler in fillers:
        if len(unique) >= MIN_BULLETS:
            break
        unique.append(to_bullet(filler))
    return tuple(unique[:MAX_BULLETS])


def build_slides(title: str, topic: str, grade_label: str, drafts: Sequence[SectionDraft]) -> tuple[Slide, ...]:
    """The title slide followed by one slide per section, in order."""
    title_slide = Slide(title=title, bullets=(to_bullet(f"What we will learn: {topic}"),
                                              to_bullet(f"A lesson for {grade_label}")))
    return (title_slide, *(Slide(title=d.heading, bullets=section_bullets(d)) for d in drafts))
