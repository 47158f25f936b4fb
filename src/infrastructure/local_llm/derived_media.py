"""Narration and slides derived from a written lesson, so a small model writes only the lesson itself.

Narration reads the title, hook, sections, worked example and summary, each with its symbols spoken (as the
offline composer does); slides show whole sentences, never a cut one."""

from domain.lesson_script import LessonSection, Slide
from domain.sentences import split_sentences
from domain.spoken_text import spoken

MAX_BULLETS = 4
MAX_BULLET_CHARS = 140


def narration_of(title: str, hook: str, sections: tuple[LessonSection, ...], worked_example: str,
                 summary: str) -> str:
    """The text read aloud: one paragraph per part, blank lines between them."""
    parts = (f"{title.rstrip('.')}.", hook, *(s.body for s in sections), worked_example, summary)
    return "\n\n".join(spoken(part) for part in parts if part.strip())


def _bullets(text: str) -> tuple[str, ...]:
    """The text's sentences short enough for a slide, whole, without their final full stop."""
    return tuple(s.rstrip(".") for s in split_sentences(text) if len(s) <= MAX_BULLET_CHARS)[:MAX_BULLETS]


def slides_of(title: str, grade_label: str, sections: tuple[LessonSection, ...], worked_example: str,
              summary: str) -> tuple[Slide, ...]:
    """A title slide, one slide per section, the worked example and the summary (slides without a bullet that
    fits are left out)."""
    slides = [Slide(title, (f"A lesson for {grade_label}",)),
              *(Slide(s.heading, _bullets(s.body)) for s in sections),
              Slide("Worked example", _bullets(worked_example)), Slide("Remember", _bullets(summary))]
    return tuple(s for s in slides if s.bullets)
