"""Fitting a lesson to a budget: the ever cheaper modality sets a request may fall back to."""

from collections.abc import Callable
from dataclasses import dataclass

from domain.errors import InvalidValue
from domain.modality import Modality, ModalitySet
from domain.money import Money


@dataclass(frozen=True, slots=True)
class Degradation:
    """A lesson delivers less than `requested` because its estimate exceeded `max_cost_usd`; `reason` says how."""

    requested: ModalitySet
    reason: str


def _without(items: set[Modality], *dropped: Modality) -> ModalitySet:
    rest = items - set(dropped)
    return ModalitySet(tuple(rest)) if rest else ModalitySet((Modality.TEXT,))


def degradation_ladder(requested: ModalitySet) -> tuple[ModalitySet, ...]:
    """`requested`, then each cheaper rung in turn: video → narrated slides (audio + image) → audio → text.

    Text, when requested, is kept on every rung; the last rung is always text alone.
    """
    rungs = [requested]
    items = set(requested.items)
    if Modality.VIDEO in items:
        items = (items - {Modality.VIDEO}) | {Modality.AUDIO, Modality.IMAGE}
        rungs.append(ModalitySet(tuple(items)))
    for dropped in (Modality.IMAGE, Modality.AUDIO):
        if dropped in items:
            rungs.append(_without(items, dropped))
            items = set(rungs[-1].items)
    rungs.append(ModalitySet((Modality.TEXT,)))
    return tuple(dict.fromkeys(rungs))


class BudgetTooLow(InvalidValue):
    """A well-formed `max_cost_usd` that no lesson fits: the request is understood but cannot be met."""


def fit_to_budget(
    requested: ModalitySet, max_cost: Money, price: Callable[[ModalitySet], Money],
    usable: Callable[[ModalitySet], bool],
) -> tuple[ModalitySet, Degradation | None]:
    """The first usable rung of the ladder whose estimate is within `max_cost`, and why it is not the
    requested set; BudgetTooLow (`below_minimum`) when even the cheapest rung costs more."""
    asked = price(requested)
    if asked <= max_cost:
        return requested, None
    rungs = [rung for rung in degradation_ladder(requested)[1:] if usable(rung)]
    for rung in rungs:
        estimate = price(rung)
        if estimate <= max_cost:
            reason = (f"{_names(requested)} is estimated at {asked.display()}, above max_cost_usd "
                      f"{max_cost.display()}; delivering {_names(rung)} (estimated {estimate.display()})")
            return rung, Degradation(requested=requested, reason=reason)
    cheapest = rungs[-1] if rungs else requested
    raise BudgetTooLow("max_cost_usd", "below_minimum",
                       f"is below the cheapest lesson: {_names(cheapest)} is estimated at {price(cheapest).display()}")


def _names(modalities: ModalitySet) -> str:
    return " + ".join(modalities.names())
