"""What media providers produce and consume: files with their content types, and the inputs of a video."""

from dataclasses import dataclass

from domain.cost_ledger import CostLine

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


@dataclass(frozen=True, slots=True)
class VideoInput:
    """What a video is made of: the slides in order, when each comes on screen, and the narration as WAV."""

    slides: tuple[bytes, ...]
    slide_starts_ms: tuple[int, ...]
    narration_wav: bytes
