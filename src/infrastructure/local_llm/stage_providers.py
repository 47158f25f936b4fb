"""Which provider family runs each stage with LESSONSMITH_PROVIDERS=local (the `provider` label of metrics)."""

from collections.abc import Mapping
from types import MappingProxyType

from domain.stage import StageName
from infrastructure.local_llm.local_llm_script_writer import PROVIDER
from infrastructure.offline.stage_providers import offline_stage_providers


def local_stage_providers() -> Mapping[StageName, str]:
    """The local model writes (and rewrites, in the check stage); every other stage runs as in the offline profile."""
    return MappingProxyType({**offline_stage_providers(), StageName.WRITE: PROVIDER})
