"""The lesson shape a local model must answer in, and its JSON Schema for `response_format` (strict mode)."""

from collections.abc import Sequence
from typing import Annotated, Any, Literal

import msgspec

Text = Annotated[str, msgspec.Meta(min_length=1, max_length=4000)]
Short = Annotated[str, msgspec.Meta(min_length=1, max_length=300)]
Kind = Literal["multiple_choice", "short_answer", "ordering", "matching"]
SCHEMA_NAME = "lesson"
# Grammar-constrained servers (llama.cpp, Ollama) expand string length bounds into huge grammars, so the schema
# sent leaves them out (msgspec still enforces them on the answer), and the docstrings (descriptions) with them.
_DROPPED = frozenset({"minLength", "maxLength", "title", "description"})


class SectionDoc(msgspec.Struct, forbid_unknown_fields=True):
    """A section and the passage ids it is built from."""

    heading: Short
    body: Text
    citations: Annotated[list[Short], msgspec.Meta(min_length=1, max_length=5)]


class QuizItemDoc(msgspec.Struct, forbid_unknown_fields=True):
    """A quiz item of one kind (see domain.lesson_script.QuizItem for what `choices` and `answer` hold)."""

    kind: Kind
    question: Text
    choices: Annotated[list[Short], msgspec.Meta(max_length=6)]
    answer: Text
    explanation: Text


class LessonDoc(msgspec.Struct, forbid_unknown_fields=True):
    """The lesson as the model writes it; narration and slides are derived from it afterwards."""

    title: Short
    hook: Text
    sections: Annotated[list[SectionDoc], msgspec.Meta(min_length=3, max_length=8)]
    worked_example: Text
    quiz: Annotated[list[QuizItemDoc], msgspec.Meta(min_length=3, max_length=6)]
    summary: Text


def _inline(node: object, definitions: dict[str, object], naming_fields: bool = False) -> object:
    """`node` with every `$ref` replaced by its definition and the local-only keywords dropped."""
    if isinstance(node, dict):
        if "$ref" in node:
            return _inline(definitions[node["$ref"].rsplit("/", 1)[-1]], definitions)
        # keep a field called "title"; drop the schema annotation of that name
        return {key: _inline(value, definitions, key == "properties") for key, value in node.items()
                if naming_fields or key not in _DROPPED}
    if isinstance(node, list):
        return [_inline(item, definitions) for item in node]
    return node


def lesson_json_schema(passage_ids: Sequence[str]) -> dict[str, Any]:
    """LessonDoc's JSON Schema, self-contained: every object closed (`additionalProperties: false`) with all its
    properties required, as OpenAI's strict structured outputs demand; a citation must be one of `passage_ids`."""
    schema = msgspec.json.schema(LessonDoc)
    definitions = schema.pop("$defs", {})
    resolved = _inline(schema, definitions)
    assert isinstance(resolved, dict)
    section = resolved["properties"]["sections"]["items"]
    section["properties"]["citations"]["items"] = {"type": "string", "enum": list(passage_ids)}
    return resolved


def response_format(passage_ids: Sequence[str]) -> dict[str, object]:
    """The `response_format` of the request: a strict JSON schema named `lesson`."""
    return {"type": "json_schema",
            "json_schema": {"name": SCHEMA_NAME, "strict": True, "schema": lesson_json_schema(passage_ids)}}
