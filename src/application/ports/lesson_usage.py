"""LessonUsage: a user's lesson count and estimate total, as the LessonRepository port returns it."""

from dataclasses import dataclass

from domain.money import Money


@dataclass(frozen=True, slots=True)
class LessonUsage:
    """How many lessons a user requested in a period and what their estimates add up to."""

    count: int
    estimated: Money
