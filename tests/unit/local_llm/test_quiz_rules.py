"""The rules a local model's quiz items must keep, by kind, and the answer checks before reading a lesson."""

import pytest

from application.errors import UpstreamError
from infrastructure.local_llm.answer_checks import answer_text
from infrastructure.local_llm.chat_wire import ChatChoice, ChatCompletion, ChatMessage
from infrastructure.local_llm.lesson_doc import QuizItemDoc
from infrastructure.local_llm.quiz_rules import quiz_item, quiz_problem

pytestmark = pytest.mark.req("RDS-078")


def _item(kind: str, choices: list[str], answer: str) -> QuizItemDoc:
    return QuizItemDoc(kind=kind, question="Q?", choices=choices, answer=answer,  # type: ignore[arg-type]
                       explanation="Because.")


@pytest.mark.parametrize(("item", "problem"), [
    (_item("multiple_choice", ["a", "b"], "a"), None),
    (_item("multiple_choice", ["a", "b"], "c"), "the answer is not one of the choices"),
    (_item("multiple_choice", ["a", "a"], "a"), "needs two or more different choices"),
    (_item("short_answer", [], "anything"), None),
    (_item("short_answer", ["a", "b"], "a"), "a short-answer item has no choices"),
    (_item("ordering", ["b", "a", "c"], "a -> b -> c"), None),
    (_item("ordering", ["b", "a", "c"], "a → b"), "the answer is not the choices in an order"),
    (_item("matching", ["x", "y"], "1 → y; 2 → x"), None),
    (_item("matching", ["x", "y"], "1 → y; 2 → z"), "the matched right-hand sides are not the choices"),
    (_item("matching", ["x", "y"], "1 y, 2 x"), "'left → right' pairs"),
])
def test_each_kind_keeps_its_rule(item: QuizItemDoc, problem: str | None) -> None:
    found = quiz_problem(item)
    assert found == problem if problem is None else problem in (found or "")


def test_ascii_arrows_become_the_lessons_arrow() -> None:
    assert quiz_item(_item("ordering", ["b", "a"], "a -> b")).answer == "a → b"
    assert quiz_item(_item("short_answer", [], "x -> y")).answer == "x -> y"


def _completion(content: str | None, finish: str = "stop", refusal: str | None = None) -> ChatCompletion:
    return ChatCompletion(choices=[ChatChoice(ChatMessage(content, refusal), finish)])


@pytest.mark.parametrize(("completion", "code"), [
    (_completion("{}", finish="length"), "output_truncated"),
    (_completion(None, refusal="No."), "model_refused"),
    (_completion("{}", finish="content_filter"), "model_refused"),
    (_completion("   "), "model_refused"),
    (_completion("As an AI, I will not write that."), "model_refused"),
])
def test_cut_refused_and_empty_answers_are_named(completion: ChatCompletion, code: str) -> None:
    with pytest.raises(UpstreamError) as failure:
        answer_text(completion, "m", 100)
    assert failure.value.code == code and not failure.value.retryable


def test_prose_that_does_not_decline_is_left_to_the_lesson_reader() -> None:
    assert answer_text(_completion("Here is a lesson about plants."), "m", 100) == "Here is a lesson about plants."
