"""A local model's answer read into a LessonScript: strict msgspec decoding, then the lesson's own rules."""

import msgspec

from domain.grade_level import GradeLevel
from domain.lesson_script import LessonScript, LessonSection
from infrastructure.local_llm.derived_media import narration_of, slides_of
from infrastructure.local_llm.lesson_doc import LessonDoc
from infrastructure.local_llm.quiz_rules import quiz_item, quiz_problem


class InvalidLesson(ValueError):
    """The answer is not a lesson we can use: `code` is malformed_output (not JSON), invalid_output (JSON of
    the wrong shape, or a quiz item that breaks its kind's rules) or unknown_citation."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def read_lesson(text: str, allowed_citations: frozenset[str], grade: GradeLevel) -> LessonScript:
    """The LessonScript in `text`, with narration and slides derived from it; InvalidLesson says what is wrong."""
    try:
        doc = msgspec.json.decode(text, type=LessonDoc)
    except msgspec.ValidationError as error:
        raise InvalidLesson("invalid_output", f"not a lesson of the schema: {error}") from None
    except msgspec.DecodeError as error:
        raise InvalidLesson("malformed_output", f"not JSON: {error}") from None
    unknown = sorted({c for s in doc.sections for c in s.citations} - allowed_citations)
    if unknown:
        raise InvalidLesson("unknown_citation", f"cites passages it was not given: {unknown}")
    problems = [f"{item.question[:60]!r}: {problem}" for item in doc.quiz
                if (problem := quiz_problem(item)) is not None]
    if problems:
        raise InvalidLesson("invalid_output", "quiz items break their kind's rules: " + "; ".join(problems))
    sections = tuple(LessonSection(s.heading, s.body, tuple(dict.fromkeys(s.citations))) for s in doc.sections)
    grade_label = "kindergarten" if grade.value == 0 else f"grade {grade.value}"
    return LessonScript(
        title=doc.title, hook=doc.hook, sections=sections, worked_example=doc.worked_example,
        quiz=tuple(quiz_item(item) for item in doc.quiz), summary=doc.summary,
        narration=narration_of(doc.title, doc.hook, sections, doc.worked_example, doc.summary),
        slides=slides_of(doc.title, grade_label, sections, doc.worked_example, doc.summary))
