"""Interest hooks: a curated analogy per interest and subject, aliases, and a neutral fallback."""

import pytest

from domain.interest import Interest
from infrastructure.offline.interest_hooks import analogy_for, build_hook, interest_analogies, known_interest

pytestmark = pytest.mark.req("RDS-064")

SUBJECTS = ("science", "mathematics", "history", "language arts")


def test_at_least_forty_interests_each_with_an_analogy_per_subject_and_a_general_one() -> None:
    mapping = interest_analogies()
    assert len(mapping) >= 40
    for name, entry in mapping.items():
        assert set(entry) == {*SUBJECTS, "general"}, name
        assert len(set(entry.values())) == len(entry), f"{name} repeats an analogy"


def test_the_analogy_fits_the_subject() -> None:
    soccer = interest_analogies()["soccer"]
    assert analogy_for(Interest("soccer"), "mathematics") == soccer["mathematics"]
    assert analogy_for(Interest("soccer"), "science") == soccer["science"]
    assert analogy_for(Interest("soccer"), "geography") == soccer["general"]


@pytest.mark.parametrize(("spelling", "interest"), [
    ("playing soccer", "soccer"), ("Dinosaur", "dinosaurs"), ("piano", "music"), ("kittens", "cats"),
    ("ice skating", "skateboarding"), ("NBA", "basketball"), ("baking cookies", "cooking"),
])
def test_aliases_and_words_of_an_interest_find_it(spelling: str, interest: str) -> None:
    assert known_interest(Interest(spelling)) == interest


def test_an_unknown_interest_gets_a_neutral_hook_without_an_invented_comparison() -> None:
    assert analogy_for(Interest("knitting"), "science") is None
    for young in (True, False):
        hook = build_hook("magnets", "science", Interest("knitting"), young=young)
        assert "knitting" in hook and "magnets" in hook and "Think about" not in hook


@pytest.mark.req("RDS-010")
def test_hooks_name_the_interest_the_topic_and_the_subject_analogy() -> None:
    for young in (True, False):
        hook = build_hook("fractions", "mathematics", Interest("music"), young=young)
        assert "music" in hook and "fractions" in hook
        assert interest_analogies()["music"]["mathematics"] in hook


def test_no_interest_gives_a_plain_opening_question() -> None:
    assert build_hook("volcanoes", "science", None).startswith("Have you ever wondered about volcanoes?")
