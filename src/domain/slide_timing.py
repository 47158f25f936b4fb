"""When each slide appears: slides follow the narration section that talks about them."""

import itertools
import re
from collections.abc import Mapping, Sequence

from domain.lesson_script import Slide

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_WORD = re.compile(r"[^\W\d_]{4,}")


def narration_sections(narration: str) -> tuple[str, ...]:
    """The narration's paragraphs (split at blank lines), whitespace folded, empty ones dropped."""
    folded = (" ".join(part.split()) for part in _PARAGRAPH_BREAK.split(narration))
    return tuple(part for part in folded if part)


def _words(text: str) -> frozenset[str]:
    return frozenset(word.lower() for word in _WORD.findall(text))


def _overlap(slide: Slide, section: frozenset[str]) -> float:
    words = _words(" ".join((slide.title, *slide.bullets)))
    return len(words & section) / len(words) if words else 0.0


def slide_sections(slides: Sequence[Slide], sections: Sequence[str]) -> tuple[int, ...] | None:
    """For each slide, the section at which it comes on screen, or None when there are fewer sections
    than slides. The first slide opens with the first section; the others take strictly later sections,
    chosen to maximise the words each slide shares with its section (a monotonic alignment)."""
    if not slides or len(sections) < len(slides):
        return None
    words = [_words(section) for section in sections]
    scores = [[_overlap(slide, section) for section in words] for slide in slides]
    # best[k][j]: the best total for slides 0..k with slide k starting at section j; prev[k][j] the choice before.
    best: list[dict[int, float]] = [{0: 0.0}]
    prev: list[dict[int, int]] = [{}]
    for k in range(1, len(slides)):
        last_allowed = len(sections) - (len(slides) - k)
        best.append({})
        prev.append({})
        for j in range(k, last_allowed + 1):
            options = [(total, i) for i, total in best[k - 1].items() if i < j]
            total, i = max(options, key=lambda option: (option[0], -option[1]))
            best[k][j], prev[k][j] = total + scores[k][j], i
    j = max(best[-1], key=lambda index: (best[-1][index], -index))
    chosen = [j]
    for k in range(len(slides) - 1, 0, -1):
        j = prev[k][j]
        chosen.append(j)
    return tuple(reversed(chosen))


def slide_starts_ms(
    slides: Sequence[Slide], narration: str, section_starts: Mapping[int, int], spoken_ms: int
) -> tuple[int, ...]:
    """The time each slide comes on screen: the start of its section as the captions timed it, else an
    even split of the spoken time. Starts are strictly increasing and the first is 0."""
    aligned = slide_sections(slides, narration_sections(narration))
    if aligned is not None and all(section in section_starts for section in aligned[1:]):
        starts = [0, *(section_starts[section] for section in aligned[1:])]
        if all(a < b < spoken_ms for a, b in itertools.pairwise(starts)):
            return tuple(starts)
    step = max(1, spoken_ms // max(1, len(slides)))
    return tuple(index * step for index in range(len(slides)))
