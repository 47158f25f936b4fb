"""The built-in curriculum: size, coverage, ids and passage lengths."""

from itertools import product

import pytest
from tests.unit.offline.builtin_catalogue import load_builtin_catalogue, load_builtin_passages

from domain.grade_level import GradeBand
from infrastructure.offline.keyword_content_screen import KeywordContentScreen

pytestmark = pytest.mark.req("RDS-008")

SUBJECTS = ("science", "mathematics", "history", "language arts")


def test_catalogue_has_at_least_32_passages_with_unique_ids() -> None:
    passages = load_builtin_passages()
    ids = [p.id for p in passages]
    assert len(passages) >= 32
    assert len(set(ids)) == len(ids)


def test_every_subject_and_grade_band_has_a_passage() -> None:
    present = {(p.subject, p.grade_band) for p in load_builtin_passages()}
    missing = [combo for combo in product(SUBJECTS, GradeBand) if combo not in present]
    assert missing == []


def test_passages_are_60_to_150_words_with_title_topic_and_keywords() -> None:
    catalogue = load_builtin_catalogue()
    for passage in catalogue.passages:
        assert 60 <= len(passage.text.split()) <= 150, passage.id
        assert passage.title and passage.topic, passage.id
        assert catalogue.keywords[passage.id], passage.id


def test_ids_are_stable_slugs_naming_subject_and_band() -> None:
    prefixes = {"science": "sci", "mathematics": "math", "history": "hist", "language arts": "la"}
    bands = {GradeBand.K_2: "k2", GradeBand.G3_5: "35", GradeBand.G6_8: "68", GradeBand.G9_12: "912"}
    for passage in load_builtin_passages():
        assert passage.id.startswith(f"{prefixes[passage.subject]}-{bands[passage.grade_band]}-"), passage.id
        assert passage.id == passage.id.lower() and " " not in passage.id


def test_required_topics_are_covered() -> None:
    ids = {p.id for p in load_builtin_passages()}
    for expected in ("sci-35-photosynthesis", "sci-68-photosynthesis", "sci-35-water-cycle", "math-35-fractions",
                     "math-68-pythagorean-theorem", "hist-35-american-revolution", "hist-912-civil-war",
                     "la-k2-nouns-verbs", "la-68-persuasive-writing"):
        assert expected in ids


def test_loading_twice_returns_the_same_catalogue() -> None:
    assert load_builtin_catalogue() is load_builtin_catalogue()


@pytest.mark.req("RDS-013")
async def test_every_passage_passes_the_output_screen() -> None:
    screen = KeywordContentScreen()
    for passage in load_builtin_passages():
        verdict = await screen.screen_output(f"{passage.title}. {passage.text}")
        assert verdict.allowed, (passage.id, verdict.category)
