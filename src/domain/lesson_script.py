"""The written lesson: one script version feeds text, narration, slides and video."""

import hashlib
import json
from dataclasses import asdict, dataclass


@dataclass(frozen=True, slots=True)
class LessonSection:
    """A titled section of the lesson body citing the passages it is built from."""

    heading: str
    body: str
    citations: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class QuizItem:
    """A quiz question with its answer and a short explanation. `kind` is one of QUIZ_KINDS: multiple choice
    (`choices` holds the answer among the wrong choices), short answer (no choices; `answer` is a model answer),
    ordering (`choices` in a mixed order; `answer` the right order joined by " → ") or matching (`choices` the
    right-hand sides in a mixed order; `answer` the pairs as "left → right; …")."""

    question: str
    choices: tuple[str, ...]
    answer: str
    explanation: str
    kind: str = "multiple_choice"


QUIZ_KINDS = ("multiple_choice", "short_answer", "ordering", "matching", "cloze")


@dataclass(frozen=True, slots=True)
class Slide:
    """One slide of the outline: a title and 1–5 bullets."""

    title: str
    bullets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LessonScript:
    """A complete lesson script; `content_hash` identifies this exact version."""

    title: str
    hook: str
    sections: tuple[LessonSection, ...]
    worked_example: str
    quiz: tuple[QuizItem, ...]
    summary: str
    narration: str
    slides: tuple[Slide, ...]

    @property
    def citations(self) -> tuple[str, ...]:
        """Every passage id the sections cite, in first-cited order."""
        seen: dict[str, None] = {}
        for section in self.sections:
            seen.update(dict.fromkeys(section.citations))
        return tuple(seen)

    @property
    def content_hash(self) -> str:
        """A sha256 over the canonical JSON of the script."""
        canonical = json.dumps(asdict(self), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(canonical.encode()).hexdigest()

    def plain_text(self) -> str:
        """The lesson as readable text: hook, sections, example and summary."""
        parts = [self.hook, *(s.body for s in self.sections), self.worked_example, self.summary]
        return "\n\n".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class ReadingLevel:
    """The target Flesch–Kincaid range for the grade, the level measured on the final script, and how many
    rewrites the check stage asked for to reach it."""

    target_low: float
    target_high: float
    measured: float
    rewrites: int = 0

    @property
    def within_target(self) -> bool:
        """True when the measured level lies inside the target range."""
        return self.target_low <= self.measured <= self.target_high
