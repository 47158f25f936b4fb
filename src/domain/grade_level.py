"""Grade level (0 = kindergarten … 12) and the grade band it belongs to."""

from dataclasses import dataclass
from enum import StrEnum

from domain.errors import InvalidValue


class GradeBand(StrEnum):
    """Curriculum grade bands; lessons and passages are matched on them."""

    K_2 = "K-2"
    G3_5 = "3-5"
    G6_8 = "6-8"
    G9_12 = "9-12"


@dataclass(frozen=True, slots=True)
class GradeLevel:
    """A school grade from 0 (kindergarten) to 12."""

    value: int

    def __post_init__(self) -> None:
        if isinstance(self.value, bool) or not isinstance(self.value, int):
            raise InvalidValue("grade_level", "wrong_type", "must be a whole number")
        if not 0 <= self.value <= 12:
            raise InvalidValue("grade_level", "out_of_range", "must be between 0 and 12")

    @property
    def band(self) -> GradeBand:
        """The grade band this grade belongs to."""
        if self.value <= 2:
            return GradeBand.K_2
        if self.value <= 5:
            return GradeBand.G3_5
        if self.value <= 8:
            return GradeBand.G6_8
        return GradeBand.G9_12

    @property
    def reading_target(self) -> tuple[float, float]:
        """The Flesch–Kincaid grade range a lesson for this grade should read at."""
        low = max(0.0, self.value - 2.0)
        return (low, self.value + 1.5)
