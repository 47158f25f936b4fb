"""The cost ledger: what each stage spent, saved and was estimated to cost."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from domain.money import Money


class CostKind(StrEnum):
    """Spent is real usage; saved is list price avoided; estimate is the forecast before running."""

    SPENT = "spent"
    SAVED = "saved"
    ESTIMATE = "estimate"


@dataclass(frozen=True, slots=True)
class CostLine:
    """One priced line: `units` of `unit` at a total `amount` for one stage."""

    stage: str
    kind: CostKind
    amount: Money
    units: Decimal = Decimal(0)
    unit: str = ""
    provider: str = "offline"
    note: str = ""

    def describe(self) -> str:
        """A one-line human form, e.g. "render_video saved $0.18 (video skipped)"."""
        suffix = f" ({self.note})" if self.note else ""
        return f"{self.stage} {self.kind.value} {self.amount.display()}{suffix}"


@dataclass(frozen=True, slots=True)
class CostLedger:
    """An append-only list of cost lines with exact totals per kind."""

    lines: tuple[CostLine, ...] = field(default_factory=tuple)

    def add(self, new_lines: Iterable[CostLine]) -> "CostLedger":
        """A ledger with `new_lines` appended."""
        return CostLedger((*self.lines, *new_lines))

    def without_stage(self, stage: str, kind: CostKind) -> "CostLedger":
        """A ledger without the lines of `kind` for `stage` (a stage re-run replaces its own lines)."""
        return CostLedger(tuple(line for line in self.lines if not (line.stage == stage and line.kind == kind)))

    def total(self, kind: CostKind) -> Money:
        """The exact sum of the lines of one kind."""
        return Money(sum(line.amount.micros for line in self.lines if line.kind == kind))

    @property
    def spent(self) -> Money:
        """Total actually spent."""
        return self.total(CostKind.SPENT)

    @property
    def saved(self) -> Money:
        """Total avoided by skipped stages and cache hits."""
        return self.total(CostKind.SAVED)

    @property
    def estimated(self) -> Money:
        """Total forecast before running."""
        return self.total(CostKind.ESTIMATE)
