"""Wrapping text to a width in pixels, shrinking the font until a block fits its box (never cutting text)."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PIL import ImageFont

LINE_SPACING = 1.22
PARAGRAPH_GAP = 0.45


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap; a word wider than the line is split between characters."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if font.getlength(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        for ch in word:
            if current and font.getlength(current + ch) > width:
                lines.append(current)
                current = ""
            current += ch
    if current:
        lines.append(current)
    return lines


@dataclass(frozen=True, slots=True)
class FittedBlock:
    """Paragraphs wrapped at one font size, with the line height and total height they take."""

    size: int
    paragraphs: tuple[tuple[str, ...], ...]
    line_height: int
    height: int


def fit_block(
    paragraphs: Sequence[str], font_at: Callable[[int], ImageFont.FreeTypeFont], sizes: Sequence[int],
    width: int, height: int,
) -> FittedBlock | None:
    """The block at the largest of `sizes` (tried in order) whose wrapped lines fit `width` × `height`."""
    for size in sizes:
        font = font_at(size)
        wrapped = tuple(tuple(wrap(p, font, width)) for p in paragraphs)
        line_height = round(size * LINE_SPACING)
        gaps = round(size * PARAGRAPH_GAP) * max(0, len(wrapped) - 1)
        total = sum(len(lines) for lines in wrapped) * line_height + gaps
        if total <= height:
            return FittedBlock(size, wrapped, line_height, total)
    return None
