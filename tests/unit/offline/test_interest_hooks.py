"""Interests: spellings map onto the curated interests, interests onto families, and the hook names them."""

import pytest

from domain.interest import Interest
from infrastructure.offline.interest_families import FAMILY_OF, family_of
from infrastructure.offline.interest_hooks import known_interest
from infrastructure.offline.unit_hook import build_hook

pytestmark = pytest.mark.req("RDS-064")


@pytest.mark.parametrize(("spelling", "interest"), [
    ("playing soccer", "soccer"), ("Dinosaur", "dinosaurs"), ("piano", "music"), ("kittens", "cats"),
    ("NBA", "basketball"), ("baking cookies", "cooking"),
])
def test_spellings_and_aliases_find_the_curated_interest(spelling: str, interest: str) -> None:
    assert known_interest(Interest(spelling)) == interest


@pytest.mark.parametrize(("interest", "family"), [
    ("soccer", "sports"), ("baking cookies", "cooking"), ("minecraft", "games"), ("horses", "animals"),
    ("trains", "vehicles"), ("knitting", None),
])
def test_interests_belong_to_families_and_an_unknown_one_to_none(interest: str, family: str | None) -> None:
    assert family_of(Interest(interest)) == family


def test_every_family_has_a_hook_that_names_the_interest_and_asks_the_question() -> None:
    for family, names in FAMILY_OF.items():
        hook = build_hook("photosynthesis", "How do plants make food?", Interest(names[0]), family, young=False)
        assert names[0] in hook and hook.endswith("How do plants make food?")
    neutral = build_hook("photosynthesis", "How do plants make food?", Interest("knitting"), None, young=True)
    assert "knitting" in neutral
    assert build_hook("photosynthesis", "Why?", None, None, young=False).startswith("Have you ever wondered")
