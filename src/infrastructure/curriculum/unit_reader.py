"""Reading a teaching unit's parts from its front matter values and its Markdown body.

Only shapes are checked here (a list where a list belongs, text where text belongs); the rules of a good unit
(how many questions, whole blocks …) are the domain's, in `domain.unit_rules`.
"""

import re
from collections.abc import Mapping
from typing import Any

from domain.errors import InvalidValue
from domain.quiz_bank import BankItem, Distractor, ItemKind
from domain.teaching_unit import ExplanationBlock, KeyTerm, Misconception, TeachingUnit
from domain.worked_example import Theme, WorkedExample

ANSWER_HEADING = "answer"
_HEADING = re.compile(r"^##[ \t]+(?P<title>\S.*?)[ \t#]*$", re.MULTILINE)


def read_unit(meta: Mapping[str, Any], body: str) -> TeachingUnit:
    """The unit in `meta` and `body`; InvalidValue naming the field otherwise."""
    answer, blocks = _read_body(body)
    return TeachingUnit(
        questions=_texts(meta.get("questions"), "questions"),
        answer=answer,
        blocks=blocks,
        key_terms=tuple(KeyTerm(term, definition) for term, definition in _pairs(meta.get("key_terms"), "key_terms")),
        misconceptions=tuple(_misconception(item, f"misconceptions[{n}]")
                             for n, item in enumerate(_list(meta.get("misconceptions"), "misconceptions"))),
        example=_example(meta.get("example")),
        quiz=tuple(_bank_item(item, f"quiz[{n}]") for n, item in enumerate(_list(meta.get("quiz"), "quiz"))),
    )


def _read_body(body: str) -> tuple[str, tuple[ExplanationBlock, ...]]:
    if not body.strip():
        raise InvalidValue("body", "empty", "the unit has no text after its front matter")
    headings = list(_HEADING.finditer(body))
    if not headings or headings[0]["title"].strip().lower() != ANSWER_HEADING:
        raise InvalidValue("body", "missing_answer", "must start with a `## Answer` section")
    if body[: headings[0].start()].strip():
        raise InvalidValue("body", "text_before_answer", "holds text before its `## Answer` section")
    sections = []
    for n, heading in enumerate(headings):
        end = headings[n + 1].start() if n + 1 < len(headings) else len(body)
        text = " ".join(body[heading.end():end].split())
        if not text:
            raise InvalidValue("body", "empty_section", f"section {heading['title']!r} has no text")
        sections.append((heading["title"].strip(), text))
    blocks = tuple(ExplanationBlock(title, text) for title, text in sections[1:])
    return sections[0][1], blocks


def _text(value: object, field: str) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)) or not str(value).strip():
        raise InvalidValue(field, "missing", "must be a non-empty text")
    return " ".join(str(value).split())


def _list(value: object, field: str) -> list[Any]:
    if not isinstance(value, list) or not value:
        raise InvalidValue(field, "missing", "must be a non-empty list")
    return value


def _texts(value: object, field: str) -> tuple[str, ...]:
    return tuple(_text(item, f"{field}[{n}]") for n, item in enumerate(_list(value, field)))


def _mapping(value: object, field: str) -> Mapping[str, Any]:
    if not isinstance(value, dict) or not value:
        raise InvalidValue(field, "missing", "must be a non-empty block of `name: value` lines")
    return value


def _pairs(value: object, field: str) -> tuple[tuple[str, str], ...]:
    return tuple((_text(k, field), _text(v, f"{field}.{k}")) for k, v in _mapping(value, field).items())


def _misconception(value: object, field: str) -> Misconception:
    item = _mapping(value, field)
    return Misconception(wrong=_text(item.get("wrong"), f"{field}.wrong"),
                         right=_text(item.get("right"), f"{field}.right"))


def _example(value: object) -> WorkedExample:
    item = _mapping(value, "example")
    themes = item.get("themes") or {}
    return WorkedExample(
        problem=_text(item.get("problem"), "example.problem"),
        steps=_texts(item.get("steps"), "example.steps"),
        answer=_text(item.get("answer"), "example.answer"),
        themes=tuple(Theme(str(family), _pairs(values, f"example.themes.{family}"))
                     for family, values in _mapping(themes, "example.themes").items()) if themes else (),
    )


def _bank_item(value: object, field: str) -> BankItem:
    item = _mapping(value, field)
    try:
        kind = ItemKind(str(item.get("type")))
    except ValueError:
        allowed = ", ".join(k.value for k in ItemKind)
        raise InvalidValue(f"{field}.type", "unknown_type", f"must be one of: {allowed}") from None
    question = _text(item.get("question"), f"{field}.question")
    if kind is ItemKind.MULTIPLE_CHOICE:
        distractors = tuple(Distractor(_text(_mapping(d, f"{field}.distractors[{n}]").get("choice"),
                                             f"{field}.distractors[{n}].choice"),
                                       _text(d.get("why"), f"{field}.distractors[{n}].why"))
                            for n, d in enumerate(_list(item.get("distractors"), f"{field}.distractors")))
        return BankItem(kind=kind, question=question, answer=_text(item.get("answer"), f"{field}.answer"),
                        explanation=_text(item.get("explanation"), f"{field}.explanation"), distractors=distractors)
    if kind is ItemKind.SHORT_ANSWER:
        return BankItem(kind=kind, question=question, answer=_text(item.get("model_answer"), f"{field}.model_answer"))
    if kind is ItemKind.ORDERING:
        return BankItem(kind=kind, question=question, items=_texts(item.get("items"), f"{field}.items"))
    return BankItem(kind=kind, question=question, pairs=_pairs(item.get("pairs"), f"{field}.pairs"))
