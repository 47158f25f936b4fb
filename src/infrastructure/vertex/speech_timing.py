"""Word timings for speech synthesised one section at a time without word marks.

Each section's audio is known exactly; within a section, words are placed in proportion to the characters
before them (speech rate is close to even over a paragraph), so captions and slides change at true
section boundaries and drift at most within one paragraph."""

import re
from collections.abc import Sequence

from infrastructure.media.caption_builder import SpokenText
from infrastructure.media.espeak_engine import EVENT_END, EVENT_WORD, SpeechEvent

_WORD = re.compile(r"\S+")


def estimated_events(spoken: SpokenText, section_ms: Sequence[int]) -> tuple[SpeechEvent, ...]:
    """Word events for `spoken`, whose n-th section lasted `section_ms[n]` milliseconds, then an end event."""
    events: list[SpeechEvent] = []
    start_ms = 0
    for offset, duration in zip(spoken.section_offsets, section_ms, strict=True):
        end = spoken.text.find("\n\n", offset)
        section = spoken.text[offset:end if end >= 0 else len(spoken.text)]
        for word in _WORD.finditer(section):
            at = start_ms + duration * word.start() // max(1, len(section))
            events.append(SpeechEvent(EVENT_WORD, offset + word.start(), len(word.group()), at))
        start_ms += duration
    events.append(SpeechEvent(EVENT_END, len(spoken.text), 0, start_ms))
    return tuple(events)
