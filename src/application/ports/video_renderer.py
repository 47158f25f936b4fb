"""VideoRenderer port: slides and narration into a narrated video."""

from dataclasses import dataclass
from typing import Protocol

from application.ports.media_providers import MediaResult


@dataclass(frozen=True, slots=True)
class VideoInput:
    """What a video is made of: the slides in order, when each comes on screen, and the narration as WAV."""

    slides: tuple[bytes, ...]
    slide_starts_ms: tuple[int, ...]
    narration_wav: bytes


class VideoRenderer(Protocol):
    """Renders slides and narration into an MP4 (H.264 + AAC). Raises StageFailed (with the encoder's reason)."""

    async def render(self, video: VideoInput) -> MediaResult:
        """The narrated video, as long as the narration."""
        ...
