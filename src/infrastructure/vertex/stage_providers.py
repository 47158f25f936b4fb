"""Which provider family runs each stage with LESSONSMITH_PROVIDERS=vertex (the `provider` label of metrics)."""

from collections.abc import Mapping
from types import MappingProxyType

from domain.stage import StageName
from infrastructure.offline.stage_providers import offline_stage_providers
from infrastructure.vertex.usage_costs import PROVIDER


def vertex_stage_providers() -> Mapping[StageName, str]:
    """Gemini writes, narrates and illustrates; the other stages run as in the offline profile."""
    vertex = dict.fromkeys((StageName.WRITE, StageName.NARRATE, StageName.ILLUSTRATE), PROVIDER)
    return MappingProxyType({**offline_stage_providers(), **vertex})
