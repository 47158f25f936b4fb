"""Plans the sections of a lesson: one per top passage, or a few passages split into parts."""

from collections.abc import Sequence
from dataclasses import dataclass

from application.errors import StageFailed
from domain.grade_level import GradeBand
from domain.passage import Passage, ScoredPassage
from infrastructure.offline.sentence_tools import SENTENCES_PER_SECTION, select_for_grade, split_sentences

MIN_SECTIONS = 3
MAX_SECTIONS = 5
MIN_RELATIVE_SCORE = 0.5
_PART_HEADINGS = ("{title}", "{title}: A Closer Look", "{title}: Putting It Together")


@dataclass(frozen=True, slots=True)
class SectionDraft:
    """A planned section: its heading, the sentences of its body and the passage it comes from."""

    heading: str
    sentences: tuple[str, ...]
    passage: Passage


def usable_passages(passages: Sequence[ScoredPassage]) -> list[Passage]:
    """Distinct passages with text, best first, at most five, keeping only those scoring at least half
    the best score (the best is always kept), so a weak match never becomes a section."""
    seen: set[str] = set()
    ordered: list[ScoredPassage] = []
    for scored in passages:
        if scored.passage.id not in seen and split_sentences(scored.passage.text):
            seen.add(scored.passage.id)
            ordered.append(scored)
    if not ordered:
        raise StageFailed("missing_input", "there are no passages with text to ground the lesson in",
                          retryable=False)
    top = max(ordered[0].score, 0.0)
    kept = [s for i, s in enumerate(ordered) if i == 0 or s.score >= top * MIN_RELATIVE_SCORE]
    return [s.passage for s in kept[:MAX_SECTIONS]]


def _chunks(items: Sequence[str], parts: int) -> list[tuple[str, ...]]:
    parts = max(1, min(parts, len(items)))
    size, extra = divmod(len(items), parts)
    out, start = [], 0
    for index in range(parts):
        end = start + size + (1 if index < extra else 0)
        out.append(tuple(items[start:end]))
        start = end
    return out


def plan_sections(passages: Sequence[ScoredPassage], band: GradeBand) -> tuple[SectionDraft, ...]:
    """Three to five sections, each from exactly one passage; with fewer than three passages the
    passages are split into parts (two or three sections when a passage is very short)."""
    chosen = usable_passages(passages)
    limit = SENTENCES_PER_SECTION[band]
    if len(chosen) >= MIN_SECTIONS:
        return tuple(
            SectionDraft(p.title, tuple(select_for_grade(split_sentences(p.text), band, limit)), p) for p in chosen
        )
    shares = [MIN_SECTIONS - len(chosen) + 1] + [1] * (len(chosen) - 1)
    drafts: list[SectionDraft] = []
    for passage, share in zip(chosen, shares, strict=True):
        sentences = select_for_grade(split_sentences(passage.text), band, limit * share, minimum=max(2, share))
        for number, chunk in enumerate(_chunks(sentences, share)):
            heading = _PART_HEADINGS[min(number, len(_PART_HEADINGS) - 1)].format(title=passage.title)
            drafts.append(SectionDraft(heading, chunk, passage))
    return tuple(drafts)
