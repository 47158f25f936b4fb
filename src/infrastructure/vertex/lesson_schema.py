"""The JSON shape Gemini must answer in (sent as the response schema) and its conversion to a LessonScript."""

from typing import Annotated

import msgspec

from domain.lesson_script import LessonScript, LessonSection, QuizItem, Slide

Text = Annotated[str, msgspec.Meta(min_length=1, max_length=4000)]
Short = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]


class SectionDoc(msgspec.Struct, forbid_unknown_fields=True):
    """A section and the passage ids it is built from."""

    heading: Short
    body: Text
    citations: Annotated[list[Short], msgspec.Meta(min_length=1, max_length=5)]


class QuizItemDoc(msgspec.Struct, forbid_unknown_fields=True):
    """A multiple-choice question; `answer` is one of `choices`."""

    question: Text
    choices: Annotated[list[Short], msgspec.Meta(min_length=2, max_length=5)]
    answer: Short
    explanation: Text


class SlideDoc(msgspec.Struct, forbid_unknown_fields=True):
    """A slide: a title and 1–5 bullets."""

    title: Short
    bullets: Annotated[list[Short], msgspec.Meta(min_length=1, max_length=5)]


class LessonDoc(msgspec.Struct, forbid_unknown_fields=True):
    """The whole lesson as the model writes it."""

    title: Short
    hook: Text
    sections: Annotated[list[SectionDoc], msgspec.Meta(min_length=1, max_length=8)]
    worked_example: Text
    quiz: Annotated[list[QuizItemDoc], msgspec.Meta(min_length=3, max_length=5)]
    summary: Text
    narration: Annotated[str, msgspec.Meta(min_length=1, max_length=20000)]
    slides: Annotated[list[SlideDoc], msgspec.Meta(min_length=1, max_length=10)]


def response_schema() -> dict[str, object]:
    """The JSON Schema of LessonDoc with every reference inlined (the form a response schema takes)."""
    schema = msgspec.json.schema(LessonDoc)
    definitions = schema.pop("$defs", {})

    def inline(node: object, naming_fields: bool = False) -> object:
        if isinstance(node, dict):
            if "$ref" in node:
                return inline(definitions[node["$ref"].rsplit("/", 1)[-1]])
            # drop schema "title" annotations, never a field called title
            return {key: inline(value, key == "properties") for key, value in node.items()
                    if naming_fields or key != "title"}
        if isinstance(node, list):
            return [inline(item) for item in node]
        return node

    resolved = inline(schema)
    assert isinstance(resolved, dict)
    return resolved


class InvalidLesson(ValueError):
    """The model's answer is not a lesson we can use; the message says why."""


def parse_lesson(text: str, allowed_citations: frozenset[str]) -> LessonScript:
    """The LessonScript in `text`; InvalidLesson when it is not JSON of the schema, cites a passage it was not
    given, or gives a quiz answer that is not one of its choices."""
    try:
        doc = msgspec.json.decode(text, type=LessonDoc)
    except msgspec.DecodeError as error:
        raise InvalidLesson(f"not a lesson of the schema: {error}") from None
    unknown = sorted({c for s in doc.sections for c in s.citations} - allowed_citations)
    if unknown:
        raise InvalidLesson(f"cites passages it was not given: {unknown}")
    wrong = [q.question for q in doc.quiz if q.answer not in q.choices]
    if wrong:
        raise InvalidLesson(f"quiz answers that are not among the choices: {wrong}")
    return LessonScript(
        title=doc.title, hook=doc.hook,
        sections=tuple(LessonSection(s.heading, s.body, tuple(s.citations)) for s in doc.sections),
        worked_example=doc.worked_example,
        quiz=tuple(QuizItem(q.question, tuple(q.choices), q.answer, q.explanation) for q in doc.quiz),
        summary=doc.summary, narration=doc.narration,
        slides=tuple(Slide(s.title, tuple(s.bullets)) for s in doc.slides),
    )
