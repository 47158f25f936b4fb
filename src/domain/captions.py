"""Timed captions of the narration: cues that never overlap and move forward in time."""

import itertools
from dataclasses import dataclass

from domain.errors import InvalidValue


@dataclass(frozen=True, slots=True)
class CaptionCue:
    """Text shown from `start_ms` to `end_ms`; `section` is the narration section (paragraph) it belongs to."""

    start_ms: int
    end_ms: int
    text: str
    section: int

    def __post_init__(self) -> None:
        if not 0 <= self.start_ms < self.end_ms:
            raise InvalidValue("captions", "bad_timing", f"cue {self.text[:30]!r} must start before it ends")
        if not self.text.strip() or "-->" in self.text or "\n\n" in self.text:
            raise InvalidValue("captions", "bad_text", "a cue needs text without blank lines or '-->'")
        if self.section < 0:
            raise InvalidValue("captions", "bad_section", "a cue's section is a non-negative index")


@dataclass(frozen=True, slots=True)
class Captions:
    """Cues in time order: each starts after the previous one started and not before it ended."""

    cues: tuple[CaptionCue, ...]

    def __post_init__(self) -> None:
        for before, after in itertools.pairwise(self.cues):
            if after.start_ms < before.end_ms or after.section < before.section:
                raise InvalidValue("captions", "not_monotonic",
                                   f"cue at {after.start_ms} ms overlaps or precedes the one before it")

    @property
    def end_ms(self) -> int:
        """When the last cue ends (0 without cues)."""
        return self.cues[-1].end_ms if self.cues else 0

    def section_starts(self) -> dict[int, int]:
        """The start of each section's first cue, by section index."""
        starts: dict[int, int] = {}
        for cue in self.cues:
            starts.setdefault(cue.section, cue.start_ms)
        return starts
