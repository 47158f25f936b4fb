"""What each kind of quiz item must hold, checked on a local model's answer (see domain.lesson_script.QuizItem)."""

from domain.lesson_script import QuizItem
from infrastructure.local_llm.lesson_doc import QuizItemDoc

ARROW = "→"


def _arrows(text: str) -> str:
    """`text` with ASCII arrows written as the lesson's arrow."""
    return text.replace("->", ARROW)


def quiz_problem(item: QuizItemDoc) -> str | None:
    """Why `item` is not a usable quiz item of its kind, or None when it is."""
    if item.kind == "short_answer":
        return None if not item.choices else "a short-answer item has no choices"
    if len(item.choices) < 2 or len(set(item.choices)) != len(item.choices):
        return f"a {item.kind} item needs two or more different choices"
    if item.kind == "multiple_choice":
        return None if item.answer in item.choices else "the answer is not one of the choices"
    if item.kind == "ordering":
        order = [step.strip() for step in _arrows(item.answer).split(ARROW)]
        return None if sorted(order) == sorted(item.choices) else "the answer is not the choices in an order"
    pairs = [pair.split(ARROW) for pair in _arrows(item.answer).split(";")]
    if any(len(pair) != 2 or not pair[0].strip() for pair in pairs):
        return "a matching answer is 'left → right' pairs separated by ';'"
    rights = sorted(pair[1].strip() for pair in pairs)
    return None if rights == sorted(item.choices) else "the matched right-hand sides are not the choices"


def quiz_item(item: QuizItemDoc) -> QuizItem:
    """The domain quiz item (arrows normalised); call only on an item without a quiz_problem."""
    answer = _arrows(item.answer) if item.kind in ("ordering", "matching") else item.answer
    return QuizItem(question=item.question, choices=tuple(item.choices), answer=answer, explanation=item.explanation,
                    kind=item.kind)
