"""Media provider ports: narration, illustration and video, one Protocol each."""

from dataclasses import dataclass
from typing import Protocol

from domain.cost_ledger import CostLine
from domain.lesson_script import LessonScript


@dataclass(frozen=True, slots=True)
class MediaFile:
    """One produced file before it is stored: a name within the lesson, its type and bytes."""

    name: str
    content_type: str
    data: bytes


@dataclass(frozen=True, slots=True)
class MediaResult:
    """The files a media stage produced and what producing them cost."""

    files: tuple[MediaFile, ...]
    cost_lines: tuple[CostLine, ...]


class Narrator(Protocol):
    """Speaks the script's narration: audio plus WebVTT captions. Raises StageFailed/UpstreamError."""

    async def narrate(self, script: LessonScript, language: str) -> MediaResult:
        """Narration audio and captions for the script."""
        ...


class Illustrator(Protocol):
    """Draws one image per slide of the script's outline. Raises StageFailed/UpstreamError."""

    async def illustrate(self, script: LessonScript, subject: str) -> MediaResult:
        """One PNG per slide."""
        ...


class VideoRenderer(Protocol):
    """Renders slides and narration into an MP4. Raises StageFailed/UpstreamError."""

    async def render(self, script: LessonScript, slides: tuple[bytes, ...], narration: MediaResult) -> MediaResult:
        """The narrated video."""
        ...
