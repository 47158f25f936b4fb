"""The question bank of a teaching unit: multiple choice, short answer, ordering and matching items."""

from dataclasses import dataclass
from enum import StrEnum


class ItemKind(StrEnum):
    """The kinds of quiz item a unit's bank and a lesson's quiz hold."""

    MULTIPLE_CHOICE = "multiple_choice"
    SHORT_ANSWER = "short_answer"
    ORDERING = "ordering"
    MATCHING = "matching"


@dataclass(frozen=True, slots=True)
class Distractor:
    """A wrong choice and why it is wrong (a misconception or a near miss of the same topic)."""

    choice: str
    why: str


@dataclass(frozen=True, slots=True, kw_only=True)
class BankItem:
    """One bank item. `answer` is the correct choice (multiple choice) or the model answer (short answer);
    `items` are in the correct order (ordering); `pairs` match left to right (matching)."""

    kind: ItemKind
    question: str
    answer: str = ""
    explanation: str = ""
    distractors: tuple[Distractor, ...] = ()
    items: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()
