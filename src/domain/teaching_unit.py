"""A teaching unit: what a lesson on one topic for one grade band must say, in whole parts."""

from dataclasses import dataclass

from domain.quiz_bank import BankItem
from domain.worked_example import WorkedExample


@dataclass(frozen=True, slots=True)
class ExplanationBlock:
    """A titled explanation that stands alone: it never leans on another block for its antecedents."""

    heading: str
    text: str


@dataclass(frozen=True, slots=True)
class KeyTerm:
    """A term of the topic with a child-friendly definition."""

    term: str
    definition: str


@dataclass(frozen=True, slots=True)
class Misconception:
    """A wrong idea students often hold, and its correction."""

    wrong: str
    right: str


@dataclass(frozen=True, slots=True, kw_only=True)
class TeachingUnit:
    """The questions a unit answers, its direct answer, explanation blocks, key terms, misconceptions, a
    worked example and a bank of quiz items."""

    questions: tuple[str, ...]
    answer: str
    blocks: tuple[ExplanationBlock, ...]
    key_terms: tuple[KeyTerm, ...]
    misconceptions: tuple[Misconception, ...]
    example: WorkedExample
    quiz: tuple[BankItem, ...]

    def teaching_text(self) -> str:
        """The unit's prose: the answer and every block, one paragraph each."""
        return "\n\n".join([self.answer, *(block.text for block in self.blocks)])

    def search_text(self, title: str) -> str:
        """What the unit is found by: its title, every question it answers and its direct answer."""
        return " ".join([f"{title}.", *self.questions, self.answer])
