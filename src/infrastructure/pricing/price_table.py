"""The versioned price table shipped with the code."""

import json
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources

from domain.cost_ledger import CostKind, CostLine
from domain.money import Money


@dataclass(frozen=True, slots=True)
class Price:
    """The list price of one unit of one priced resource, with where it comes from."""

    unit_price_usd: Decimal
    unit: str
    source: str
    date: str


@dataclass(frozen=True, slots=True)
class PriceTable:
    """Prices by resource name, under a version recorded with every priced line."""

    version: str
    prices: dict[str, Price]

    @classmethod
    def bundled(cls) -> "PriceTable":
        """The table in `price_table.json` beside this module."""
        raw = json.loads(resources.files(__package__).joinpath("price_table.json").read_text())
        prices = {name: Price(Decimal(p["unit_price_usd"]), p["unit"], p["source"], p["date"])
                  for name, p in raw["prices"].items()}
        return cls(version=raw["version"], prices=prices)

    def line(
        self, stage: str, kind: CostKind, resource: str, units: Decimal | int, provider: str, note: str = ""
    ) -> CostLine:
        """A ledger line for `units` of `resource` at list price."""
        price = self.prices[resource]
        amount = Money.from_usd(price.unit_price_usd * Decimal(units))
        return CostLine(stage=stage, kind=kind, amount=amount, units=Decimal(units), unit=f"{resource}",
                        provider=provider, note=note)
