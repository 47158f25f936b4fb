"""A worked example with numbered steps whose `{slots}` a theme fills, so it can match a student's interest."""

import re
from dataclasses import dataclass

NEUTRAL_THEME = "neutral"
_SLOT = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


@dataclass(frozen=True, slots=True)
class Theme:
    """Values for the example's slots under one interest family (or `neutral`)."""

    family: str
    values: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class ThemedExample:
    """An example with every slot filled; `family` is the theme used."""

    family: str
    problem: str
    steps: tuple[str, ...]
    answer: str

    def as_text(self) -> str:
        """The example as one text: the problem, the numbered steps ("Step 1: …") and "Answer: …"."""
        steps = " ".join(f"Step {n}: {step}" for n, step in enumerate(self.steps, 1))
        return f"{self.problem} {steps} Answer: {self.answer}"


@dataclass(frozen=True, slots=True)
class WorkedExample:
    """A problem, its numbered steps and the answer; `themes` fill the `{slots}` of all three."""

    problem: str
    steps: tuple[str, ...]
    answer: str
    themes: tuple[Theme, ...] = ()

    def slots(self) -> frozenset[str]:
        """Every slot name used in the problem, the steps or the answer."""
        return frozenset(_SLOT.findall(" ".join((self.problem, *self.steps, self.answer))))

    def families(self) -> frozenset[str]:
        """The interest families this example can be themed to (besides neutral)."""
        return frozenset(t.family for t in self.themes if t.family != NEUTRAL_THEME)

    def every_theme(self) -> tuple[ThemedExample, ...]:
        """The example under each of its themes (just the neutral text when it has none)."""
        families = [t.family for t in self.themes] or [NEUTRAL_THEME]
        return tuple(self.themed(family) for family in families)

    def themed(self, family: str | None) -> ThemedExample:
        """The example under `family`'s theme when it has one, else under the neutral theme."""
        by_family = {t.family: dict(t.values) for t in self.themes}
        chosen = family if family in by_family else NEUTRAL_THEME
        values = by_family.get(chosen, {})

        def fill(text: str) -> str:
            return _SLOT.sub(lambda match: values.get(match[1], match[0]), text)

        return ThemedExample(family=chosen, problem=fill(self.problem), steps=tuple(fill(s) for s in self.steps),
                             answer=fill(self.answer))
