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
