"""How the offline composer writes for a reader: a ladder of writing styles and per-band length budgets.

A style sets how long a sentence may be, whether long sentences are split, formal words made plain,
bracketed asides dropped, or short sentences joined. The composer starts on the step the grade suggests
and moves along the ladder until the measured reading level falls inside the grade's target band.
"""

from dataclasses import dataclass

from domain.grade_level import GradeBand


@dataclass(frozen=True, slots=True)
class WritingStyle:
    """One step of the ladder: sentence length limit, the rewrites that apply, and which sentences a section
    prefers: "short" ones (up to `max_words`), the "easy" or the "hard" ones (by words and syllables)."""

    max_words: int
    split_long: bool
    plain_words: bool
    drop_asides: bool
    join_under: int = 0
    prefer: str = "short"


STYLE_LADDER: tuple[WritingStyle, ...] = (
    WritingStyle(max_words=6, split_long=True, plain_words=True, drop_asides=True, prefer="easy"),
    WritingStyle(max_words=9, split_long=True, plain_words=True, drop_asides=True, prefer="easy"),
    WritingStyle(max_words=12, split_long=True, plain_words=True, drop_asides=True),
    WritingStyle(max_words=16, split_long=True, plain_words=True, drop_asides=True),
    WritingStyle(max_words=22, split_long=True, plain_words=True, drop_asides=False),
    WritingStyle(max_words=30, split_long=False, plain_words=False, drop_asides=False),
    WritingStyle(max_words=45, split_long=False, plain_words=False, drop_asides=False),
    WritingStyle(max_words=60, split_long=False, plain_words=False, drop_asides=False, join_under=14),
    WritingStyle(max_words=80, split_long=False, plain_words=False, drop_asides=False, join_under=22, prefer="hard"),
    WritingStyle(max_words=90, split_long=False, plain_words=False, drop_asides=False, join_under=30, prefer="hard"),
)
_FIRST_STEP = (0, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 7, 7)


def first_step(grade: int, adjustment: int = 0) -> int:
    """The ladder step to try first for a grade; a positive `adjustment` asks for simpler text."""
    return max(0, min(len(STYLE_LADDER) - 1, _FIRST_STEP[grade] - adjustment))


@dataclass(frozen=True, slots=True)
class LengthBudget:
    """How much a lesson for a grade band may hold."""

    sections: int
    sentences_per_section: int
    body_words: int
    definitions: int


LENGTH_BUDGETS: dict[GradeBand, LengthBudget] = {
    GradeBand.K_2: LengthBudget(sections=3, sentences_per_section=3, body_words=150, definitions=1),
    GradeBand.G3_5: LengthBudget(sections=4, sentences_per_section=4, body_words=320, definitions=2),
    GradeBand.G6_8: LengthBudget(sections=4, sentences_per_section=5, body_words=480, definitions=2),
    GradeBand.G9_12: LengthBudget(sections=5, sentences_per_section=6, body_words=650, definitions=3),
}
