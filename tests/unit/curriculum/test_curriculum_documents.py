"""Curriculum documents: the front matter parser, the domain's validation, chunking and content hashes."""

import pytest

from application.errors import InvalidDocument
from domain.chunking import chunk_document, document_id_of
from domain.curriculum_document import corpus_version
from domain.grade_level import GradeBand
from infrastructure.curriculum.front_matter_parser import FrontMatterParser
from tests.unit.curriculum.documents import VALID, document

pytestmark = pytest.mark.req("RDS-041", "RDS-075")

parse = FrontMatterParser().parse


def test_a_valid_document_is_parsed_and_normalised() -> None:
    doc = parse(VALID, "magnets.md")
    assert (doc.id, doc.subject, doc.grade_band, doc.topic) == ("sci-35-test-magnets", "science", GradeBand.G3_5,
                                                                 "magnets")
    assert doc.keywords == ("magnet", "poles", "attract", "repel")
    assert doc.body.startswith("## Answer") and doc.unit.answer.startswith("A magnet has two ends")


@pytest.mark.parametrize(("text", "field", "code"), [
    ("Just a body without front matter.", "front_matter", "missing"),
    (document(grade_band="3-4"), "grade_band", "unknown_grade_band"),
    (document(subject="cooking"), "subject", "unknown_subject"),
    (document(body="   "), "body", "empty"),
    (document(licence=""), "licence", "missing"),
    (document(id="Not An Id!"), "id", "invalid_format"),
    (document(keywords="magnet"), "keywords", "invalid_format"),
    ("---\ntitle: [unclosed\n---\nbody", "front_matter", "invalid_yaml"),
])
def test_a_bad_document_is_refused_naming_the_file_and_the_field(text: str, field: str, code: str) -> None:
    with pytest.raises(InvalidDocument) as refused:
        parse(text, "corpus/science/3-5/bad.md")
    assert (refused.value.field, refused.value.code) == (field, code)
    assert str(refused.value).startswith(f"corpus/science/3-5/bad.md: {field}: ")


def test_the_content_hash_changes_with_any_field_and_the_corpus_version_with_any_hash() -> None:
    first = parse(VALID, "a.md")
    assert parse(VALID.replace("\n", "\r\n"), "b.md").content_hash == first.content_hash
    changed = parse(VALID.replace("paper clips", "pins"), "a.md")
    assert changed.content_hash != first.content_hash
    assert corpus_version({first.id: first.content_hash}) != corpus_version({first.id: changed.content_hash})
    assert corpus_version({"a": "1", "b": "2"}) == corpus_version({"b": "2", "a": "1"})


def test_a_unit_is_one_chunk_named_after_it_holding_everything_a_lesson_may_state() -> None:
    unit = parse(VALID, "a.md")
    (chunk,) = chunk_document(unit)
    assert (chunk.id, chunk.ordinal, document_id_of(chunk.id)) == ("sci-35-test-magnets", 0, "sci-35-test-magnets")
    assert unit.unit.answer in chunk.text and all(b.text in chunk.text for b in unit.unit.blocks)
    assert "Pole: one of the two ends of a magnet" in chunk.text  # key terms
    assert "not on metals such as aluminum" in chunk.text  # the correction of a misconception …
    assert "stick to every kind of metal" not in chunk.text  # … never the wrong idea itself
    assert "Sam holds two bar magnets" in chunk.text and "The goalkeeper holds" in chunk.text  # every theme


def test_the_unit_parts_are_read_whole() -> None:
    unit = parse(VALID, "a.md").unit
    assert unit.questions[0] == "What do magnets do?" and len(unit.questions) == 3
    assert [b.heading for b in unit.blocks] == ["North and south poles", "What magnets pull", "Magnets at home"]
    assert [t.term for t in unit.key_terms] == ["pole", "attract", "repel"]
    assert unit.example.themed("sports").problem.startswith("The goalkeeper holds")
    assert unit.example.themed("cooking").problem.startswith("Sam holds")  # no cooking theme: neutral
    assert [i.kind.value for i in unit.quiz] == ["multiple_choice", "multiple_choice", "short_answer", "matching"]
    assert unit.quiz[0].distractors[0].why.startswith("Only like poles repel")
