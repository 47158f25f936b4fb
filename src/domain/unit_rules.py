"""The rules a teaching unit must follow to be taught from; each broken rule names its field."""

import re

from domain.errors import InvalidValue
from domain.quiz_bank import ItemKind
from domain.teaching_unit import TeachingUnit
from domain.worked_example import NEUTRAL_THEME

INTEREST_FAMILIES = ("sports", "music", "art", "cooking", "nature", "animals", "space", "games", "building",
                     "vehicles", "stories")
BODY_WORDS = (100, 600)
_LEANING_OPENING = re.compile(r"^(it|its|this|that|these|those|they|them|their|he|she|his|her|also|another)\b",
                              re.IGNORECASE)
_COUNTS = {  # field: (at least, at most)
    "questions": (3, 8), "blocks": (2, 5), "key_terms": (2, 8), "misconceptions": (1, 5), "quiz": (4, 10),
}


def check_unit(unit: TeachingUnit) -> None:
    """Raise InvalidValue for the first rule `unit` breaks."""
    for field, (low, high) in _COUNTS.items():
        count = len(getattr(unit, field))
        if not low <= count <= high:
            name = "body (explanation blocks)" if field == "blocks" else field
            raise InvalidValue(name, "wrong_count", f"needs {low} to {high} items, has {count}")
    words = len(unit.prose().split())
    if not BODY_WORDS[0] <= words <= BODY_WORDS[1]:
        raise InvalidValue("body", "wrong_length", f"needs {BODY_WORDS[0]} to {BODY_WORDS[1]} words, has {words}")
    for block in unit.blocks:
        if _LEANING_OPENING.match(block.text):
            raise InvalidValue("body", "leaning_block",
                               f"block {block.heading!r} opens with a word that points back to another block")
    _check_example(unit)
    _check_quiz(unit)


def _check_example(unit: TeachingUnit) -> None:
    example = unit.example
    if not 2 <= len(example.steps) <= 6:
        raise InvalidValue("example.steps", "wrong_count", f"needs 2 to 6 steps, has {len(example.steps)}")
    slots = example.slots()
    families = {theme.family for theme in example.themes}
    unknown = sorted(families - {NEUTRAL_THEME, *INTEREST_FAMILIES})
    if unknown:
        raise InvalidValue("example.themes", "unknown_family",
                           f"{unknown[0]!r} is not neutral or one of: {', '.join(INTEREST_FAMILIES)}")
    if slots and NEUTRAL_THEME not in families:
        raise InvalidValue("example.themes", "missing_neutral",
                           "must hold a `neutral` theme when the example has slots")
    for theme in example.themes:
        missing = sorted(slots - {name for name, _ in theme.values})
        if missing:
            raise InvalidValue(f"example.themes.{theme.family}", "missing_slot", f"gives no value for {{{missing[0]}}}")


def _check_quiz(unit: TeachingUnit) -> None:
    kinds = [item.kind for item in unit.quiz]
    if kinds.count(ItemKind.MULTIPLE_CHOICE) < 2 or ItemKind.SHORT_ANSWER not in kinds:
        raise InvalidValue("quiz", "wrong_mix", "needs at least 2 multiple_choice items and 1 short_answer item")
    for n, item in enumerate(unit.quiz):
        field = f"quiz[{n}]"
        if item.kind is ItemKind.MULTIPLE_CHOICE:
            choices = [item.answer, *(d.choice for d in item.distractors)]
            if not 2 <= len(item.distractors) <= 4:
                raise InvalidValue(f"{field}.distractors", "wrong_count", "needs 2 to 4 distractors")
            if len({c.lower() for c in choices}) != len(choices):
                raise InvalidValue(f"{field}.distractors", "duplicate", "a distractor repeats the answer or another")
        if item.kind is ItemKind.ORDERING and not 3 <= len(item.items) <= 6:
            raise InvalidValue(f"{field}.items", "wrong_count", "needs 3 to 6 items")
        if item.kind is ItemKind.MATCHING and not 3 <= len(item.pairs) <= 6:
            raise InvalidValue(f"{field}.pairs", "wrong_count", "needs 3 to 6 pairs")
