"""List-price estimates and savings come from the versioned price table."""

import pytest

from domain.cost_ledger import CostKind
from domain.stage import StageName
from infrastructure.pricing.list_price_estimator import ListPriceEstimator
from infrastructure.pricing.price_table import PriceTable
from tests.unit.factories import a_spec

pytestmark = pytest.mark.req("RDS-016")


def test_price_table_is_versioned_and_sourced() -> None:
    table = PriceTable.bundled()
    assert table.version and table.prices
    assert all(p.source and p.date and p.unit_price_usd > 0 for p in table.prices.values())


def test_text_only_estimate_covers_only_the_stages_it_runs() -> None:
    lines = ListPriceEstimator(PriceTable.bundled()).estimate(a_spec(["text"]))
    assert {x.stage for x in lines} == {"understand", "retrieve", "write", "check"}
    assert all(x.kind is CostKind.ESTIMATE and x.amount.micros > 0 for x in lines)


@pytest.mark.req("RDS-007")
def test_video_costs_more_than_text_and_skipping_it_saves_money() -> None:
    estimator = ListPriceEstimator(PriceTable.bundled())
    text = sum(x.amount.micros for x in estimator.estimate(a_spec(["text"])))
    video = sum(x.amount.micros for x in estimator.estimate(a_spec(["video"])))
    assert video > text
    saved = estimator.saved_by_skipping(StageName.RENDER_VIDEO, a_spec(["text"]))
    assert saved and saved[0].kind is CostKind.SAVED and saved[0].note == "video skipped"
    assert saved[0].amount.micros > 0


def test_a_stage_dropped_to_fit_the_budget_says_so() -> None:
    from dataclasses import replace

    from domain.budget import Degradation
    from domain.modality import ModalitySet

    estimator = ListPriceEstimator(PriceTable.bundled())
    degraded = replace(a_spec(["audio", "image"]),
                       degradation=Degradation(ModalitySet.parse(["video"]), "over budget"))
    (saved,) = estimator.saved_by_skipping(StageName.RENDER_VIDEO, degraded)
    assert saved.note == "video skipped to fit max_cost_usd"
    assert estimator.saved_by_skipping(StageName.RENDER_VIDEO, a_spec(["audio"]))[0].note == "video skipped"
