"""Removing unsupported sentences from a script everywhere they appear, so narration, slides and quiz
stay one consistent version."""

from collections.abc import Collection
from dataclasses import replace

from domain.grounding import EXAMPLE_PREFIX
from domain.lesson_script import LessonScript, LessonSection, Slide
from domain.sentences import split_sentences
from domain.spoken_text import spoken

_ELLIPSIS = "\u2026"


def _keep(text: str, drop: Collection[str]) -> str:
    return " ".join(s for s in split_sentences(text) if s not in drop)


def _bullet_from(bullet: str, drop: Collection[str]) -> bool:
    stem = bullet.rstrip(_ELLIPSIS).rstrip()
    return bool(stem) and any(s.rstrip(".").startswith(stem) for s in drop)


def without_sentences(script: LessonScript, drop: Collection[str]) -> LessonScript:
    """`script` without the sentences in `drop`: sections left empty go with their slides, quiz items built on
    a dropped sentence go, and narration (written or spoken form) and bullets follow."""
    if not drop:
        return script
    sections = tuple(LessonSection(s.heading, _keep(s.body, drop), s.citations) for s in script.sections)
    kept_sections = tuple(s for s in sections if s.body)
    removed_headings = {s.heading for s in sections if not s.body}
    example = _keep(script.worked_example.removeprefix(EXAMPLE_PREFIX), drop)
    example = EXAMPLE_PREFIX + example if script.worked_example.startswith(EXAMPLE_PREFIX) and example else example
    summary = _keep(script.summary, drop)
    quiz = tuple(q for q in script.quiz if not any(s in q.question or s in q.explanation for s in drop))
    narration = script.narration
    for sentence in drop:
        narration = narration.replace(sentence, "").replace(spoken(sentence), "")
    narration = "\n\n".join(" ".join(p.split()) for p in narration.split("\n\n") if p.strip())
    slides = tuple(
        Slide(s.title, tuple(b for b in s.bullets if not _bullet_from(b, drop)))
        for s in script.slides if s.title not in removed_headings
    )
    return replace(script, sections=kept_sections, worked_example=example, summary=summary,
                   quiz=quiz,
                   narration=narration, slides=tuple(s for s in slides if s.bullets))
