"""Helpers behind the offline providers: stemming, sentence splitting, bullets, titles and hooks."""

import pytest

from infrastructure.offline.sentence_tools import select_for_grade, split_sentences, title_case, to_bullet
from infrastructure.offline.text_terms import stem, terms

pytestmark = pytest.mark.req("RDS-010")


@pytest.mark.parametrize(
    ("word", "expected"),
    [("plants", "plant"), ("running", "run"), ("jumped", "jump"), ("stories", "story"), ("boxes", "box"),
     ("glass", "glass"), ("making", "mak"), ("make", "mak")],
)
def test_stemmer_folds_plurals_ing_and_ed(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_terms_drop_stop_words() -> None:
    assert terms("How do the plants make their food?") == ["plant", "mak", "food"]


def test_sentences_split_but_not_after_initials_or_abbreviations() -> None:
    text = "The U.S. Constitution was signed in 1787. Dr. Smith said so! Was it 'great.' Yes."
    assert split_sentences(text) == [
        "The U.S. Constitution was signed in 1787.", "Dr. Smith said so!", "Was it 'great.'", "Yes.",
    ]


def test_select_for_grade_keeps_order_and_prefers_short_sentences() -> None:
    long = "This sentence has far too many words for a young reader to follow comfortably at all, sadly."
    sentences = ["Short one.", long, "Short two.", "Short three.", "Short four."]
    assert select_for_grade(sentences, 14, 3) == ["Short one.", "Short two.", "Short three."]
    assert select_for_grade([long, long + " More."], 14, 3) == [long, long + " More."]


def test_bullets_fit_ninety_characters() -> None:
    sentence = "Using the energy from light, the plant turns water and carbon dioxide into a sugar called glucose."
    bullet = to_bullet(sentence)
    assert len(bullet) <= 90 and bullet.endswith("\u2026")
    assert to_bullet("Short and sweet.") == "Short and sweet"


def test_title_case_keeps_small_words_low_and_proper_nouns() -> None:
    assert title_case("the rise of the American Revolution") == "The Rise of the American Revolution"
