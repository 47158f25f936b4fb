"""The rules of a teaching unit: each broken rule is refused naming the file, the field and a stable code."""

import pytest

from application.errors import InvalidDocument
from infrastructure.curriculum.front_matter_parser import FrontMatterParser
from tests.unit.curriculum.documents import PARTS, VALID, document, unit_body

pytestmark = pytest.mark.req("RDS-075")

parse = FrontMatterParser().parse
TWO_QUESTIONS = PARTS.replace("  - What are the poles of a magnet?\n", "")
NO_SHORT_ANSWER = PARTS.replace("type: short_answer", "type: ordering").replace(
    "    model_answer: Like poles repel each other.",
    "    items: [Hold the magnets., Turn one around., Feel the pull.]")
SLOT_WITHOUT_VALUE = PARTS.replace("    sports: {name: The goalkeeper}", "    sports: {who: The goalkeeper}")
UNKNOWN_THEME = PARTS.replace("    sports:", "    knitting:")
UNKNOWN_KIND = PARTS.replace("type: matching", "type: crossword")
ONE_DISTRACTOR = PARTS.replace("""      - choice: Nothing happens.
        why: Magnets push or pull on each other's poles.
""", "")
LEANING = VALID.replace("Every magnet has a north pole", "It has a north pole")


@pytest.mark.parametrize(("text", "field", "code"), [
    (document(parts=TWO_QUESTIONS), "questions", "wrong_count"),
    (document(parts=NO_SHORT_ANSWER), "quiz", "wrong_mix"),
    (document(parts=SLOT_WITHOUT_VALUE), "example.themes.sports", "missing_slot"),
    (document(parts=UNKNOWN_THEME), "example.themes", "unknown_family"),
    (document(parts=UNKNOWN_KIND), "quiz[3].type", "unknown_type"),
    (document(parts=ONE_DISTRACTOR), "quiz[0].distractors", "wrong_count"),
    (document(parts=PARTS.replace("key_terms:", "key_words:")), "key_terms", "missing"),
    (LEANING, "body", "leaning_block"),
    (VALID.replace("## Answer", "## Summary"), "body", "missing_answer"),
    (VALID.replace(unit_body(), "## Answer\n\nMagnets pull iron.\n\n## Poles\n\nPoles attract.\n\n## More\n\nYes.\n"),
     "body", "wrong_length"),
])
def test_a_unit_breaking_a_rule_is_refused_naming_the_field(text: str, field: str, code: str) -> None:
    with pytest.raises(InvalidDocument) as refused:
        parse(text, "corpus/science/3-5/bad.md")
    assert (refused.value.field, refused.value.code) == (field, code)
    assert str(refused.value).startswith(f"corpus/science/3-5/bad.md: {field}: ")
