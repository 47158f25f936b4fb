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

    def prose(self) -> str:
        """The unit's prose: the answer and every block, one paragraph each."""
        return "\n\n".join([self.answer, *(block.text for block in self.blocks)])

    def grounding_text(self) -> str:
        """Everything a lesson may state from this unit, one paragraph per part: the prose, each key term with its
        definition, each correction of a misconception, and the worked example under every theme. (The wrong
        ideas themselves are left out: a lesson stating one as fact must not count as supported.)"""
        terms = " ".join(f"{t.term[:1].upper()}{t.term[1:]}: {t.definition.rstrip('.')}." for t in self.key_terms)
        corrections = " ".join(m.right for m in self.misconceptions)
        examples = [e.as_text() for e in self.example.every_theme()]
        return "\n\n".join([self.prose(), terms, corrections, *dict.fromkeys(examples)])

    def search_text(self, title: str) -> str:
        """What the unit is found by: its title, every question it answers and its direct answer."""
        return " ".join([f"{title}.", *self.questions, self.answer])
