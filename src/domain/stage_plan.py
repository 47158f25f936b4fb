"""Which stages a lesson runs and which it skips, derived from its requested modalities."""

from dataclasses import dataclass

from domain.modality import Modality, ModalitySet
from domain.stage import StageName

_ALWAYS = frozenset({StageName.UNDERSTAND, StageName.RETRIEVE, StageName.WRITE, StageName.CHECK, StageName.PUBLISH})
_NEEDED_BY: dict[StageName, frozenset[Modality]] = {
    StageName.NARRATE: frozenset({Modality.AUDIO, Modality.VIDEO}),
    StageName.ILLUSTRATE: frozenset({Modality.IMAGE, Modality.VIDEO}),
    StageName.RENDER_VIDEO: frozenset({Modality.VIDEO}),
}
MEDIA_MODALITY_OF: dict[StageName, Modality] = {
    StageName.NARRATE: Modality.AUDIO,
    StageName.ILLUSTRATE: Modality.IMAGE,
    StageName.RENDER_VIDEO: Modality.VIDEO,
}


@dataclass(frozen=True, slots=True)
class StagePlan:
    """Every stage in order, each marked as run or skip."""

    runs: tuple[StageName, ...]
    skips: tuple[StageName, ...]

    @classmethod
    def for_modalities(cls, modalities: ModalitySet) -> "StagePlan":
        """The plan for a request: a media stage runs when any requested modality needs it."""
        runs = tuple(s for s in StageName if s in _ALWAYS or _NEEDED_BY[s] & set(modalities.items))
        skips = tuple(s for s in StageName if s not in runs)
        return cls(runs=runs, skips=skips)

    def should_run(self, stage: StageName) -> bool:
        """True when the stage is part of this plan's work."""
        return stage in self.runs
