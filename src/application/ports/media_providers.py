"""Media provider ports: narration, illustration and video, one Protocol each."""

from typing import Protocol

from application.ports.media_files import MediaResult, VideoInput
from domain.lesson_script import LessonScript


class Narrator(Protocol):
    """Speaks the script's narration. Raises StageFailed/UpstreamError (unsupported_language, ...)."""

    async def narrate(self, script: LessonScript, language: str) -> MediaResult:
        """A WAV file, optionally a compressed copy, and WebVTT captions timed by the synthesiser whose cue
        ids name the narration section (`domain.slide_timing.narration_sections`) each cue belongs to."""
        ...


class Illustrator(Protocol):
    """Draws the script's slide outline. Raises StageFailed/UpstreamError (unsupported_script, ...)."""

    async def illustrate(self, script: LessonScript, subject: str) -> MediaResult:
        """One PNG per slide, in slide order."""
        ...


class VideoRenderer(Protocol):
    """Renders slides and narration into an MP4 (H.264 + AAC). Raises StageFailed (with the encoder's reason)."""

    async def render(self, video: VideoInput) -> MediaResult:
        """The narrated video, as long as the narration."""
        ...
