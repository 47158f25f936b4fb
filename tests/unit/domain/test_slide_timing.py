"""Slides come on screen when the narration reaches the section they show."""

import pytest

from domain.lesson_script import Slide
from domain.slide_timing import narration_sections, slide_sections, slide_starts_ms

pytestmark = pytest.mark.req("RDS-045")

SLIDES = (Slide("Volcanoes", ("What we will learn",)), Slide("Magma", ("Hot magma rises from deep inside",)),
          Slide("Eruptions", ("Pressure builds until the volcano erupts",)))
NARRATION = ("Volcanoes.\n\n  You love soccer.  \n\nDeep inside the Earth, hot magma rises slowly.\n \n"
             "Pressure builds up until the volcano erupts.\n\nIn this lesson we explored volcanoes.")


def test_sections_are_the_paragraphs_folded() -> None:
    assert narration_sections(NARRATION) == ("Volcanoes.", "You love soccer.",
                                             "Deep inside the Earth, hot magma rises slowly.",
                                             "Pressure builds up until the volcano erupts.",
                                             "In this lesson we explored volcanoes.")
    assert narration_sections(" \n\n ") == ()


def test_each_slide_takes_the_section_that_shares_its_words() -> None:
    assert slide_sections(SLIDES, narration_sections(NARRATION)) == (0, 2, 3)


def test_alignment_is_monotonic_even_when_words_point_backwards() -> None:
    sections = ("Intro.", "Eruptions and pressure.", "Magma rises.")
    assert slide_sections(SLIDES, sections) == (0, 1, 2)


def test_starts_come_from_the_caption_times_of_the_sections() -> None:
    starts = {0: 0, 1: 900, 2: 2_400, 3: 7_100, 4: 12_000}
    assert slide_starts_ms(SLIDES, NARRATION, starts, 15_000) == (0, 2_400, 7_100)


def test_without_enough_sections_or_timings_slides_share_the_time_evenly() -> None:
    assert slide_sections(SLIDES, ("One paragraph only.",)) is None
    assert slide_starts_ms(SLIDES, "One paragraph only.", {0: 0}, 9_000) == (0, 3_000, 6_000)
    assert slide_starts_ms(SLIDES, NARRATION, {0: 0, 1: 900}, 9_000) == (0, 3_000, 6_000)
