"""Which provider family runs each stage in the offline profile (the `provider` label of stage metrics)."""

from collections.abc import Mapping
from types import MappingProxyType

from domain.stage import StageName
from infrastructure.media import espeak_narrator, ffmpeg_video_renderer, pillow_illustrator
from infrastructure.offline import offline_script_writer

OFFLINE = "offline"
LOCAL_STORE = "local"


def offline_stage_providers() -> Mapping[StageName, str]:
    """Stage → provider, from the adapters' own PROVIDER names (the names their cost lines carry)."""
    return MappingProxyType({
        StageName.UNDERSTAND: OFFLINE,
        StageName.RETRIEVE: OFFLINE,
        StageName.WRITE: offline_script_writer.PROVIDER,
        StageName.CHECK: OFFLINE,
        StageName.NARRATE: espeak_narrator.PROVIDER,
        StageName.ILLUSTRATE: pillow_illustrator.PROVIDER,
        StageName.RENDER_VIDEO: ffmpeg_video_renderer.PROVIDER,
        StageName.PUBLISH: LOCAL_STORE,
    })

