"""Money in integer micro-dollars: exact sums, never floats."""

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

from domain.errors import InvalidValue

MICROS_PER_DOLLAR = 1_000_000


@dataclass(frozen=True, slots=True, order=True)
class Money:
    """An amount of US dollars held as whole micro-dollars."""

    micros: int = 0

    def __post_init__(self) -> None:
        if isinstance(self.micros, bool) or not isinstance(self.micros, int):
            raise InvalidValue("money", "wrong_type", "must be a whole number of micro-dollars")

    @classmethod
    def from_usd(cls, amount: Decimal | int | str, field: str = "amount_usd") -> "Money":
        """Convert a dollar amount, rounding half-even to the micro-dollar; negative amounts are refused."""
        value = Decimal(amount)
        if not value.is_finite() or value < 0:
            raise InvalidValue(field, "out_of_range", "must be a non-negative amount")
        micros = (value * MICROS_PER_DOLLAR).quantize(Decimal(1), rounding=ROUND_HALF_EVEN)
        return cls(int(micros))

    @property
    def usd(self) -> Decimal:
        """The amount in dollars, exact."""
        return Decimal(self.micros) / MICROS_PER_DOLLAR

    def __add__(self, other: "Money") -> "Money":
        return Money(self.micros + other.micros)

    def times(self, units: Decimal | int) -> "Money":
        """Price `units` at this unit price, rounded half-even to the micro-dollar."""
        total = (Decimal(self.micros) * Decimal(units)).quantize(Decimal(1), rounding=ROUND_HALF_EVEN)
        return Money(int(total))

    def display(self) -> str:
        """A short human form such as "$0.18" (or "$0.000025" below a cent)."""
        if self.micros == 0 or self.micros % 10_000 == 0:
            return f"${self.usd:.2f}"
        return f"${self.usd.normalize():f}"
