"""WebVTT, the caption format of the web: writing and reading the cues Lessonsmith makes.

Cue identifiers carry the narration section (`s<section>-<n>`), so the captions alone tell when each
section of the narration starts.
"""

import html
import re

from domain.captions import CaptionCue, Captions
from domain.errors import InvalidValue

_TIMING = re.compile(r"^(?P<start>\S+)\s+-->\s+(?P<end>\S+)")
_TIMESTAMP = re.compile(r"^(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})$")
_CUE_ID = re.compile(r"^s(\d+)-\d+$")


def format_timestamp(ms: int) -> str:
    """`HH:MM:SS.mmm`."""
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def parse_timestamp(text: str) -> int:
    """Milliseconds of `[HH:]MM:SS.mmm`; InvalidValue otherwise."""
    match = _TIMESTAMP.match(text)
    if match is None:
        raise InvalidValue("captions", "bad_timestamp", f"{text!r} is not a WebVTT timestamp")
    hours, minutes, seconds, millis = (int(g or 0) for g in match.groups())
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis


def format_webvtt(captions: Captions) -> str:
    """The captions as a WebVTT document (text escaped, one block per cue)."""
    blocks = ["WEBVTT"]
    for number, cue in enumerate(captions.cues, start=1):
        text = html.escape(cue.text, quote=False)
        blocks.append(f"s{cue.section}-{number}\n{format_timestamp(cue.start_ms)} --> "
                      f"{format_timestamp(cue.end_ms)}\n{text}")
    return "\n\n".join(blocks) + "\n"


def parse_webvtt(document: str) -> Captions:
    """The cues of a WebVTT document; a cue without a section id stays in the previous cue's section."""
    blocks = re.split(r"\n\s*\n", document.replace("\r\n", "\n").strip())
    if not blocks or not blocks[0].startswith("WEBVTT"):
        raise InvalidValue("captions", "not_webvtt", "the document does not start with WEBVTT")
    cues: list[CaptionCue] = []
    for block in blocks[1:]:
        lines = block.split("\n")
        section = cues[-1].section if cues else 0
        if not _TIMING.match(lines[0]):
            identifier = _CUE_ID.match(lines[0].strip())
            section = int(identifier.group(1)) if identifier else section
            lines = lines[1:]
        timing = _TIMING.match(lines[0]) if lines else None
        if timing is None:
            continue  # NOTE, STYLE and REGION blocks carry no cue
        text = html.unescape("\n".join(lines[1:]))
        cues.append(CaptionCue(parse_timestamp(timing["start"]), parse_timestamp(timing["end"]), text, section))
    return Captions(tuple(cues))
