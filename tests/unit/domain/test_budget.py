"""Fitting a lesson to max_cost_usd: video → narrated slides → audio → text."""

import pytest

from domain.budget import degradation_ladder, fit_to_budget
from domain.errors import InvalidValue
from domain.modality import ModalitySet
from domain.money import Money

pytestmark = pytest.mark.req("RDS-017")

# one cent per modality, text free: the cheaper rung always costs less
PRICE = {"text": 0, "audio": 10_000, "image": 10_000, "video": 10_000}


def price(rung: ModalitySet) -> Money:
    total = sum(PRICE[m] for m in rung.names())
    return Money(total + (PRICE["audio"] + PRICE["image"] if "video" in rung.names() else 0))


def names(rungs: tuple[ModalitySet, ...]) -> list[list[str]]:
    return [r.names() for r in rungs]


@pytest.mark.parametrize(("requested", "ladder"), [
    (["video"], [["video"], ["audio", "image"], ["audio"], ["text"]]),
    (["text", "video"], [["text", "video"], ["text", "audio", "image"], ["text", "audio"], ["text"]]),
    (["image"], [["image"], ["text"]]),
    (["audio", "image"], [["audio", "image"], ["audio"], ["text"]]),
    (["text"], [["text"]]),
])
def test_the_ladder_goes_down_one_rung_at_a_time(requested: list[str], ladder: list[list[str]]) -> None:
    assert names(degradation_ladder(ModalitySet.parse(requested))) == ladder


def test_within_budget_nothing_changes() -> None:
    video = ModalitySet.parse(["video"])
    assert fit_to_budget(video, Money(30_000), price, lambda _: True) == (video, None)


def test_over_budget_takes_the_first_affordable_rung_and_says_why() -> None:
    chosen, why = fit_to_budget(ModalitySet.parse(["video"]), Money(15_000), price, lambda _: True)
    assert chosen.names() == ["audio"]
    assert why is not None and why.requested.names() == ["video"]
    assert why.reason == ("video is estimated at $0.03, above max_cost_usd $0.015; delivering audio "
                          "(estimated $0.01)")


def test_rungs_without_a_provider_are_passed_over() -> None:
    chosen, _ = fit_to_budget(ModalitySet.parse(["video"]), Money(25_000), price,
                              lambda rung: "image" not in rung.names())
    assert chosen.names() == ["audio"]


def test_below_the_cheapest_lesson_is_refused_naming_the_field() -> None:
    with pytest.raises(InvalidValue) as refused:
        fit_to_budget(ModalitySet.parse(["audio"]), Money(0), lambda rung: Money(5), lambda _: True)
    assert refused.value.field == "max_cost_usd" and refused.value.code == "below_minimum"
    assert "text is estimated at $0.000005" in refused.value.message
