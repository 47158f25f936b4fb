"""The lesson quiz drawn from a unit's question bank: mixed kinds, choices in a fixed mixed order."""

import hashlib
from collections.abc import Sequence

from domain.lesson_script import QuizItem
from domain.quiz_bank import BankItem, ItemKind
from domain.worked_example import ThemedExample

MAX_ITEMS = 6
MAX_MULTIPLE_CHOICE = 3


def _mixed(values: Sequence[str], seed: str) -> tuple[str, ...]:
    """`values` in an order fixed by `seed` (the same lesson always shows the same order), never the given one
    when there is another."""
    ordered = sorted(values, key=lambda v: hashlib.sha256(f"{seed}\0{v}".encode()).hexdigest())
    if len(ordered) > 1 and list(ordered) == list(values):
        ordered = [*ordered[1:], ordered[0]]
    return tuple(ordered)


def quiz_item(item: BankItem) -> QuizItem:
    """One bank item as a lesson quiz item."""
    if item.kind is ItemKind.MULTIPLE_CHOICE:
        why = " ".join(f"“{d.choice}” is not right: {d.why}" for d in item.distractors)
        choices = _mixed([item.answer, *(d.choice for d in item.distractors)], item.question)
        return QuizItem(item.question, choices, item.answer, f"{item.explanation} {why}".strip(), item.kind.value)
    if item.kind is ItemKind.SHORT_ANSWER:
        return QuizItem(item.question, (), item.answer, "Check that your answer gives the same reason.",
                        item.kind.value)
    if item.kind is ItemKind.ORDERING:
        return QuizItem(item.question, _mixed(item.items, item.question), " → ".join(item.items),
                        "This is the order in which the steps or events happen.", item.kind.value)
    lefts = ", ".join(left for left, _ in item.pairs)
    rights = _mixed([right for _, right in item.pairs], item.question)
    return QuizItem(f"{item.question.rstrip('.?')}: {lefts}.", rights,
                    "; ".join(f"{left} → {right}" for left, right in item.pairs),
                    "Each item on the left goes with one answer on the right.", item.kind.value)


def example_item(example: ThemedExample) -> QuizItem:
    """A short-answer item that asks the student to explain the lesson's own (themed) worked example."""
    return QuizItem(f"Look back at the example: {example.problem} Explain how to find the answer.", (),
                    example.answer, "A good answer names the steps of the example in order.",
                    ItemKind.SHORT_ANSWER.value)


def build_quiz(bank: Sequence[BankItem]) -> tuple[QuizItem, ...]:
    """Up to MAX_ITEMS items, in bank order within each kind: up to three multiple choice, then every other kind
    once before any repeats (so the quiz mixes kinds), keeping the bank's order in the result."""
    chosen: list[BankItem] = [i for i in bank if i.kind is ItemKind.MULTIPLE_CHOICE][:MAX_MULTIPLE_CHOICE]
    others = [i for i in bank if i.kind is not ItemKind.MULTIPLE_CHOICE]
    first_of_kind = list({i.kind: i for i in reversed(others)}.values())[::-1]
    for item in [*first_of_kind, *(i for i in others if i not in first_of_kind)]:
        if len(chosen) < MAX_ITEMS:
            chosen.append(item)
    return tuple(quiz_item(item) for item in bank if item in chosen)
