"""KeywordQueryClassifier: normalisation, subject, topic and intent."""

import pytest
from tests.unit.offline.builtin_catalogue import load_builtin_catalogue

from domain.grade_level import GradeBand
from infrastructure.offline.keyword_query_classifier import (
    KeywordQueryClassifier,
    fallback_topic,
    intent_of,
    normalize_query,
)

pytestmark = pytest.mark.req("RDS-008")


def classifier() -> KeywordQueryClassifier:
    catalogue = load_builtin_catalogue()
    return KeywordQueryClassifier(catalogue.passages, catalogue.keywords)


@pytest.mark.parametrize(
    ("query", "subject"),
    [
        ("How do plants make food?", "science"),
        ("Why does the Moon change shape?", "science"),
        ("How does the heart pump blood?", "science"),
        ("How do you add fractions?", "mathematics"),
        ("What is the Pythagorean theorem?", "mathematics"),
        ("How do I find the area of a rectangle?", "mathematics"),
        ("What caused the Civil War?", "history"),
        ("Who built the pyramids in ancient Egypt?", "history"),
        ("Why did the American Revolution happen?", "history"),
        ("What is a noun?", "language arts"),
        ("How do I write a persuasive essay?", "language arts"),
        ("What is a simile?", "language arts"),
    ],
)
async def test_obvious_queries_get_the_right_subject(query: str, subject: str) -> None:
    understanding = await classifier().classify(query, GradeBand.G3_5)
    assert understanding.subject == subject


@pytest.mark.parametrize("query", ["asdf qwer zxcv", "blorp snizzle?", "hello there"])
async def test_nonsense_is_general(query: str) -> None:
    assert (await classifier().classify(query, GradeBand.G6_8)).subject == "general"


async def test_topic_is_the_best_matching_passage_topic() -> None:
    understanding = await classifier().classify("How do plants make food?", GradeBand.G3_5)
    assert understanding.topic == "photosynthesis"


async def test_topic_falls_back_to_the_main_noun_phrase() -> None:
    understanding = await classifier().classify("Tell me about zebras", GradeBand.G3_5)
    assert understanding.subject == "general"
    assert understanding.topic == "zebras"


async def test_normalized_query_keeps_case_but_folds_space_and_trailing_punctuation() -> None:
    understanding = await classifier().classify("  How do   Plants make food?!  ", GradeBand.G3_5)
    assert understanding.normalized_query == "How do Plants make food"


def test_normalize_query_keeps_text_that_is_only_punctuation() -> None:
    assert normalize_query("???") == "???"


@pytest.mark.parametrize(
    ("query", "intent"),
    [
        ("how do plants make food", "explain"),
        ("how do i solve 3x + 5 = 20", "how_to"),
        ("what is the difference between weather and climate", "compare"),
        ("compare solids and liquids", "compare"),
        ("what is photosynthesis", "define"),
        ("define perimeter", "define"),
        ("what does metaphor mean", "define"),
        ("why is the sky blue", "why"),
        ("what caused the civil war", "why"),
        ("tell me about the solar system and all of its planets", "explain"),
    ],
)
def test_intent_comes_from_the_question_form(query: str, intent: str) -> None:
    assert intent_of(query) == intent


def test_fallback_topic_drops_question_words_and_fillers() -> None:
    assert fallback_topic("what is the difference between weather and climate") == "weather and climate"
