"""Flesch–Kincaid grade: simple text reads lower than dense text."""

import pytest

from domain.readability import count_syllables, flesch_kincaid_grade

pytestmark = pytest.mark.req("RDS-011")


def test_syllable_rules() -> None:
    assert count_syllables("cat") == 1
    assert count_syllables("water") == 2
    assert count_syllables("make") == 1
    assert count_syllables("photosynthesis") == 5


def test_simple_text_reads_below_dense_text() -> None:
    simple = "The cat sat. The dog ran. We like the sun."
    dense = ("Photosynthesis transforms electromagnetic radiation into chemical potential energy, "
             "facilitating carbohydrate biosynthesis within chloroplast organelles.")
    assert flesch_kincaid_grade(simple) < 3 < 12 < flesch_kincaid_grade(dense)


def test_empty_text_is_grade_zero() -> None:
    assert flesch_kincaid_grade("") == 0.0


def test_flesch_kincaid_matches_the_formula_on_a_hand_counted_text() -> None:
    # 2 sentences, 9 words, 13 syllables (wa-ter, li-quid, in-to): 0.39 × 4.5 + 11.8 × 13 / 9 − 15.59 = 3.21
    text = "Water is a liquid. Water can freeze into ice."
    assert flesch_kincaid_grade(text) == 3.21


def test_longer_sentences_with_the_same_words_read_harder() -> None:
    short = "Plants need light. Plants need water. Plants need air."
    joined = "Plants need light; plants need water; plants need air."
    assert flesch_kincaid_grade(short) < flesch_kincaid_grade(joined)


def test_silent_e_and_ed_endings_are_not_syllables() -> None:
    assert [count_syllables(w) for w in ("stone", "jumped", "wanted", "tree", "table", "boxes")] == [1, 1, 2, 1, 2, 2]
