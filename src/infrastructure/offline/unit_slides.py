"""The slide outline of a unit lesson: whole sentences as bullets, never a cut one."""

from collections.abc import Sequence

from domain.lesson_script import Slide
from domain.sentences import split_sentences
from domain.teaching_unit import ExplanationBlock, KeyTerm
from domain.worked_example import ThemedExample

MAX_BULLETS = 4
MAX_BULLET_CHARS = 140


def _bullets(text: str) -> tuple[str, ...]:
    """The text's sentences short enough for a slide, whole, without their final full stop."""
    short = [s.rstrip(".") for s in split_sentences(text) if len(s) <= MAX_BULLET_CHARS]
    return tuple(short[:MAX_BULLETS])


def build_slides(title: str, grade_label: str, answer: str, blocks: Sequence[ExplanationBlock],
                 example: ThemedExample, terms: Sequence[KeyTerm]) -> tuple[Slide, ...]:
    """A title slide, the answer, one slide per block, the worked example and the key words."""
    term_bullets = tuple(f"{t.term[:1].upper()}{t.term[1:]}: {t.definition}".rstrip(".")
                         for t in terms)[:MAX_BULLETS]
    slides = [Slide(title, (f"A lesson for {grade_label}",)),
              Slide("The answer", _bullets(answer) or term_bullets)]
    slides += [Slide(block.heading, _bullets(block.text) or term_bullets) for block in blocks]
    steps = tuple(f"Step {n}: {step}".rstrip(".") for n, step in enumerate(example.steps, 1))
    slides.append(Slide("Worked example", tuple(b for b in (*steps, example.answer.rstrip("."))
                                               if len(b) <= MAX_BULLET_CHARS)[:MAX_BULLETS + 1] or term_bullets))
    if term_bullets:
        slides.append(Slide("Key words", term_bullets))
    return tuple(s for s in slides if s.bullets)
