"""KeywordPassageIndex: BM25 ranking, grade-band preference, subject filter, normalised scores."""

import pytest

from domain.grade_level import GradeBand
from domain.passage import Passage
from infrastructure.offline.keyword_passage_index import KeywordPassageIndex
from infrastructure.offline.passage_catalog import load_builtin_catalogue

pytestmark = pytest.mark.req("RDS-008")


def builtin_index() -> KeywordPassageIndex:
    catalogue = load_builtin_catalogue()
    return KeywordPassageIndex(catalogue.passages, catalogue.keywords)


def passage(pid: str, band: GradeBand, text: str, subject: str = "science") -> Passage:
    return Passage(id=pid, title="Lesson", subject=subject, grade_band=band, topic="topic", text=text)


async def test_finds_photosynthesis_for_how_plants_make_food_in_grade_3_to_5() -> None:
    found = await builtin_index().search("How do plants make food?", GradeBand.G3_5, None, 3)
    assert "sci-35-photosynthesis" in [s.passage.id for s in found]


async def test_results_are_best_first_with_scores_normalised_to_one() -> None:
    found = await builtin_index().search("water cycle evaporation", GradeBand.G3_5, None, 5)
    scores = [s.score for s in found]
    assert scores[0] == 1.0
    assert scores == sorted(scores, reverse=True)
    assert all(0 < s <= 1 for s in scores)
    assert found[0].passage.id == "sci-35-water-cycle"


async def test_subject_filter_keeps_only_that_subject() -> None:
    found = await builtin_index().search("civil war slavery plants", GradeBand.G6_8, "history", 10)
    assert found
    assert {s.passage.subject for s in found} == {"history"}


async def test_subject_filter_with_no_match_returns_empty() -> None:
    assert await builtin_index().search("photosynthesis chlorophyll", GradeBand.G6_8, "mathematics", 5) == ()


async def test_nothing_matching_returns_empty() -> None:
    index = builtin_index()
    assert await index.search("zzzqx blorf", GradeBand.G3_5, None, 5) == ()
    assert await index.search("the of and", GradeBand.G3_5, None, 5) == ()
    assert await index.search("photosynthesis", GradeBand.G3_5, None, 0) == ()


async def test_k_limits_the_number_of_results() -> None:
    assert len(await builtin_index().search("energy", GradeBand.G6_8, None, 2)) == 2


async def test_requested_grade_band_is_preferred_over_other_bands() -> None:
    texts = "photosynthesis in green leaves"
    index = KeywordPassageIndex([
        passage("a-far", GradeBand.G9_12, texts),
        passage("b-same", GradeBand.K_2, texts),
        passage("c-near", GradeBand.G3_5, texts),
    ])
    found = await index.search("photosynthesis", GradeBand.K_2, None, 3)
    assert [s.passage.id for s in found] == ["b-same", "c-near", "a-far"]
    assert found[1].score == pytest.approx(1.15 / 1.5)


async def test_ties_break_by_id() -> None:
    index = KeywordPassageIndex([passage(pid, GradeBand.G6_8, "magnets attract iron") for pid in ("m-2", "m-1")])
    found = await index.search("magnets", GradeBand.G6_8, None, 2)
    assert [s.passage.id for s in found] == ["m-1", "m-2"]


async def test_plural_and_ing_forms_match_their_stems() -> None:
    index = KeywordPassageIndex([passage("p", GradeBand.G3_5, "A plant grows when it gets light.")])
    assert await index.search("growing plants", GradeBand.G3_5, None, 1)


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(ValueError, match="unique"):
        KeywordPassageIndex([passage("x", GradeBand.K_2, "a"), passage("x", GradeBand.K_2, "b")])


async def test_empty_index_returns_empty() -> None:
    assert await KeywordPassageIndex([]).search("anything", GradeBand.K_2, None, 3) == ()
