"""What one student's lessons cost over a period (per day, for quotas)."""

from dataclasses import dataclass

from domain.money import Money


@dataclass(frozen=True, slots=True)
class UsageTotals:
    """How many lessons were requested and the exact sums of their ledgers' spent, saved and estimate lines."""

    lessons: int
    spent: Money
    saved: Money
    estimated: Money
