"""Caption cues from the synthesiser's own word events: each cue starts when its first word is spoken."""

import bisect
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from domain.captions import CaptionCue, Captions
from infrastructure.media.espeak_engine import EVENT_END, EVENT_WORD, SpeechEvent

MAX_CUE_CHARS = 84
CLAUSE_SLACK_CHARS = 14
LINE_CHARS = 42
_ABBREVIATIONS = ("Mr.", "Mrs.", "Ms.", "Dr.", "St.", "e.g.", "i.e.", "etc.", "vs.")
_SENTENCE_END = re.compile(r"[.!?…][\"')\]]*\s*$")


@dataclass(slots=True)
class _Word:
    start: int
    end: int
    start_ms: int
    end_ms: int


@dataclass(frozen=True, slots=True)
class SpokenText:
    """The text given to the synthesiser and where each narration section starts in it."""

    text: str
    section_offsets: tuple[int, ...]

    @classmethod
    def join(cls, sections: Sequence[str]) -> "SpokenText":
        """Sections separated by blank lines."""
        offsets, position = [], 0
        for section in sections:
            offsets.append(position)
            position += len(section) + 2
        return cls("\n\n".join(sections), tuple(offsets))

    def section_at(self, position: int) -> int:
        """The section holding the character at `position`."""
        return max(0, bisect.bisect_right(self.section_offsets, position) - 1)


def _words(events: Sequence[SpeechEvent], duration_ms: int) -> list[_Word]:
    """Word spans in speaking order; overlapping events (e.g. "3.5" spoken in parts) join the word before."""
    words: list[_Word] = []
    for index, event in enumerate(events):
        if event.kind != EVENT_WORD or event.text_length <= 0:
            continue
        later = (e.audio_ms for e in events[index + 1:] if e.kind in (EVENT_WORD, EVENT_END)
                 and e.audio_ms > event.audio_ms)
        end_ms = min(next(later, duration_ms), duration_ms)
        start, end = event.text_start, event.text_start + event.text_length
        if words and (start < words[-1].end or event.audio_ms <= words[-1].start_ms):
            words[-1].end, words[-1].end_ms = max(words[-1].end, end), max(words[-1].end_ms, end_ms)
        elif event.audio_ms < duration_ms:
            words.append(_Word(start, end, event.audio_ms, end_ms))
    return words


def _ends_sentence(spoken: SpokenText, cue: list[_Word], word: _Word) -> bool:
    if spoken.section_at(word.start) != spoken.section_at(cue[0].start):
        return True
    gap = spoken.text[cue[-1].start:word.start].rstrip()
    return bool(_SENTENCE_END.search(gap)) and not gap.endswith(_ABBREVIATIONS)


def _balanced(spoken: SpokenText, sentence: list[_Word]) -> list[list[_Word]]:
    """A sentence cut into chunks of about equal length, none over MAX_CUE_CHARS where words allow,
    each cut placed after a comma, semicolon or colon when one lies near."""
    length = sentence[-1].end - sentence[0].start
    pieces = math.ceil(length / MAX_CUE_CHARS)
    if pieces <= 1:
        return [sentence]
    chunks: list[list[_Word]] = [[]]
    for index, word in enumerate(sentence):
        chunks[-1].append(word)
        if len(chunks) == pieces or index + 1 == len(sentence):
            continue
        target = sentence[0].start + length * len(chunks) / pieces
        after = spoken.text[word.end:sentence[index + 1].start]
        nearby = abs(sentence[index + 1].start - target) <= CLAUSE_SLACK_CHARS
        if (nearby and any(mark in after for mark in ",;:")) or sentence[index + 1].end > target + CLAUSE_SLACK_CHARS:
            chunks.append([])
    return [chunk for chunk in chunks if chunk]


def _closing_punctuation(text: str, end: int) -> int:
    """`end` moved past the punctuation that closes the word there ("food." keeps its full stop)."""
    while end < len(text) and not text[end].isspace() and not text[end].isalnum():
        end += 1
    return end


def _two_lines(text: str) -> str:
    if len(text) <= LINE_CHARS:
        return text
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    if not spaces:
        return text
    middle = min(spaces, key=lambda i: abs(i - len(text) // 2))
    return text[:middle] + "\n" + text[middle + 1:]


def build_captions(spoken: SpokenText, events: Sequence[SpeechEvent], duration_ms: int) -> Captions:
    """Cues of at most two lines: one per sentence, long sentences cut into balanced chunks."""
    sentences: list[list[_Word]] = []
    for word in _words(events, duration_ms):
        if sentences and not _ends_sentence(spoken, sentences[-1], word):
            sentences[-1].append(word)
        else:
            sentences.append([word])
    groups = [chunk for sentence in sentences for chunk in _balanced(spoken, sentence)]
    cues: list[CaptionCue] = []
    for group, following in zip(groups, [*groups[1:], None], strict=True):
        end_ms = min(group[-1].end_ms, following[0].start_ms if following else duration_ms)
        end = _closing_punctuation(spoken.text, group[-1].end)
        text = " ".join(spoken.text[group[0].start:end].split()).replace("-->", "->")
        if end_ms > group[0].start_ms and text:
            cues.append(CaptionCue(group[0].start_ms, end_ms, _two_lines(text), spoken.section_at(group[0].start)))
    return Captions(tuple(cues))
