"""Ledger totals add up exactly for any set of lines."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.cost_ledger import CostKind, CostLedger, CostLine
from domain.money import Money

pytestmark = pytest.mark.req("RDS-016")

lines = st.builds(
    CostLine,
    stage=st.sampled_from(["write", "narrate", "render_video"]),
    kind=st.sampled_from(list(CostKind)),
    amount=st.integers(min_value=0, max_value=10**9).map(Money),
    units=st.integers(min_value=0, max_value=10**6).map(Decimal),
)


@given(st.lists(lines, max_size=40))
def test_totals_are_the_exact_sum_per_kind(generated: list[CostLine]) -> None:
    ledger = CostLedger().add(generated)
    for kind in CostKind:
        assert ledger.total(kind).micros == sum(x.amount.micros for x in generated if x.kind is kind)
    assert ledger.spent + ledger.saved + ledger.estimated == Money(sum(x.amount.micros for x in generated))


@given(st.lists(lines, max_size=20))
def test_replacing_a_stage_removes_only_its_lines_of_that_kind(generated: list[CostLine]) -> None:
    ledger = CostLedger().add(generated).without_stage("write", CostKind.SPENT)
    assert all(not (x.stage == "write" and x.kind is CostKind.SPENT) for x in ledger.lines)
    assert len(ledger.lines) == sum(1 for x in generated if not (x.stage == "write" and x.kind is CostKind.SPENT))


def test_a_line_describes_itself() -> None:
    line = CostLine("render_video", CostKind.SAVED, Money.from_usd("0.18"), note="video skipped")
    assert line.describe() == "render_video saved $0.18 (video skipped)"
