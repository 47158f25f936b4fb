"""The content key: what makes two lesson requests the same lesson."""

from dataclasses import replace

import pytest

from domain.content_key import GenerationVersions, content_key, normalise_query
from domain.interest import Interest
from domain.language import Language
from domain.modality import ModalitySet
from tests.unit.factories import a_spec

pytestmark = pytest.mark.req("RDS-071")

V1 = GenerationVersions(corpus="c1", model="offline:1", prompt="1")


def test_the_query_is_normalised() -> None:
    assert normalise_query("  How do   PLANTS make food?? ") == "how do plants make food"
    assert normalise_query("Ｗhat is ５ + ５?") == "what is 5 + 5"


def test_equal_requests_in_one_grade_band_share_a_key() -> None:
    assert content_key(a_spec(["text"], grade=3), V1) == content_key(
        a_spec(["text"], grade=5, query="how do plants make food"), V1)
    assert len(content_key(a_spec(), V1)) == 64


def test_every_input_and_version_changes_the_key() -> None:
    base = a_spec(["text"])
    variants = [
        a_spec(["text"], grade=6), a_spec(["text"], query="How do plants drink water?"), a_spec(["text", "audio"]),
        replace(base, interest=Interest("music")), replace(base, language=Language("en-GB")),
        replace(base, modalities=ModalitySet.parse(["audio"])),
    ]
    keys = {content_key(spec, V1) for spec in variants} | {
        content_key(base, replace(V1, corpus="c2")), content_key(base, replace(V1, model="vertex:1")),
        content_key(base, replace(V1, prompt="2")), content_key(base, V1)}
    assert len(keys) == len(variants) + 4
