"""The stage plan follows from the modalities: property tests over every modality set."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.modality import Modality, ModalitySet
from domain.stage import StageName
from domain.stage_plan import StagePlan

pytestmark = pytest.mark.req("RDS-006")

modality_sets = st.sets(st.sampled_from(list(Modality)), min_size=1).map(lambda s: ModalitySet(tuple(s)))


@given(modality_sets)
def test_every_modality_set_gives_a_valid_plan(modalities: ModalitySet) -> None:
    plan = StagePlan.for_modalities(modalities)
    assert set(plan.runs) | set(plan.skips) == set(StageName)
    assert not set(plan.runs) & set(plan.skips)
    assert list(plan.runs) == [s for s in StageName if s in plan.runs]
    for always in (StageName.UNDERSTAND, StageName.RETRIEVE, StageName.WRITE, StageName.CHECK, StageName.PUBLISH):
        assert always in plan.runs
    assert (StageName.NARRATE in plan.runs) == bool({Modality.AUDIO, Modality.VIDEO} & set(modalities.items))
    assert (StageName.ILLUSTRATE in plan.runs) == bool({Modality.IMAGE, Modality.VIDEO} & set(modalities.items))
    assert (StageName.RENDER_VIDEO in plan.runs) == (Modality.VIDEO in modalities)


@pytest.mark.req("RDS-007")
def test_text_only_skips_every_media_stage() -> None:
    plan = StagePlan.for_modalities(ModalitySet.parse(["text"]))
    assert plan.skips == (StageName.NARRATE, StageName.ILLUSTRATE, StageName.RENDER_VIDEO)
