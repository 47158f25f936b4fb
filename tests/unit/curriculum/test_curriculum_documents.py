"""Curriculum documents: the front matter parser, the domain's validation, chunking and content hashes."""

import itertools

import pytest

from application.errors import InvalidDocument
from domain.chunking import chunk_document, document_id_of, split_text
from domain.curriculum_document import corpus_version
from domain.grade_level import GradeBand
from infrastructure.curriculum.front_matter_parser import FrontMatterParser
from tests.unit.curriculum.documents import VALID, document

pytestmark = pytest.mark.req("RDS-041")

parse = FrontMatterParser().parse


def test_a_valid_document_is_parsed_and_normalised() -> None:
    doc = parse(VALID, "magnets.md")
    assert (doc.id, doc.subject, doc.grade_band, doc.topic) == ("sci-35-test-magnets", "science", GradeBand.G3_5,
                                                                 "magnets")
    assert doc.keywords == ("magnet", "poles", "attract", "repel")
    assert doc.body.startswith("A magnet has two ends") and doc.body.endswith("paper clips.")


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


def test_a_short_document_is_one_chunk_named_after_it() -> None:
    (chunk,) = chunk_document(parse(VALID, "a.md"))
    assert (chunk.id, chunk.ordinal) == ("sci-35-test-magnets", 0)


def test_a_long_document_splits_on_sentences_with_one_sentence_of_overlap() -> None:
    sentences = [f"Sentence number {n} tells one more fact about magnets and poles." for n in range(60)]
    body = "\n\n".join(" ".join(sentences[i:i + 6]) for i in range(0, 60, 6))
    chunks = chunk_document(parse(document(body=body), "long.md"))
    assert len(chunks) >= 3
    assert [c.id for c in chunks] == [f"sci-35-test-magnets#{n}" for n in range(1, len(chunks) + 1)]
    assert all(len(c.text.split()) <= 260 for c in chunks)
    for before, after in itertools.pairwise(chunks):
        assert after.text.startswith(before.text.rsplit(". ", 1)[-1])  # the last sentence is repeated
    assert {document_id_of(c.id) for c in chunks} == {"sci-35-test-magnets"}
    assert all(s in " ".join(c.text for c in chunks) for s in sentences)


def test_split_text_keeps_short_text_whole() -> None:
    assert split_text("One line.\n\nTwo lines.") == ["One line. Two lines."]
