"""One colour theme per subject, so every slide of a lesson (and every lesson of a subject) looks alike."""

from dataclasses import dataclass

RGB = tuple[int, int, int]


@dataclass(frozen=True, slots=True)
class SlideTheme:
    """Background, accent (bar, rule, bullets, label), title and body colours; dark text on a light ground."""

    label: str
    background: RGB
    accent: RGB
    title: RGB
    body: RGB = (31, 41, 55)
    muted: RGB = (100, 116, 139)


THEMES: dict[str, SlideTheme] = {
    "science": SlideTheme("Science", (242, 250, 246), (0, 122, 94), (0, 77, 64)),
    "mathematics": SlideTheme("Mathematics", (244, 247, 255), (37, 99, 235), (30, 58, 138)),
    "history": SlideTheme("History", (253, 248, 239), (180, 83, 9), (120, 53, 15)),
    "language arts": SlideTheme("Language arts", (250, 245, 255), (126, 34, 206), (88, 28, 135)),
}
GENERAL = SlideTheme("Lesson", (248, 250, 252), (71, 85, 105), (30, 41, 59))


def theme_for(subject: str) -> SlideTheme:
    """The subject's theme; subjects without one share the neutral theme."""
    return THEMES.get(subject.strip().lower(), GENERAL)
