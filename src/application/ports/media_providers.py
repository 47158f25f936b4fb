"""Media provider ports: narration and illustration, and the files media stages produce."""

from dataclasses import dataclass
from typing import Protocol

from domain.cost_ledger import CostLine
from domain.lesson_script import LessonScript

WAV = "audio/wav"
WEBVTT = "text/vtt; charset=utf-8"
PNG = "image/png"
MP4 = "video/mp4"


@dataclass(frozen=True, slots=True)
class MediaFile:
    """One produced file before it is stored: a name within the lesson, its type and bytes."""

    name: str
    content_type: str
    data: bytes


@dataclass(frozen=True, slots=True)
class MediaResult:
    """The files a media stage produced, in order, and what producing them cost."""

    files: tuple[MediaFile, ...]
    cost_lines: tuple[CostLine, ...]


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
