"""Paints one 1280×720 slide: accent bar, title, rule, bullets and a footer with the subject and page."""

import io

from PIL import Image, ImageDraw, ImageFont

from application.errors import StageFailed
from domain.lesson_script import Slide
from infrastructure.media.slide_fonts import SlideFonts
from infrastructure.media.slide_theme import SlideTheme
from infrastructure.media.text_fitting import PARAGRAPH_GAP, FittedBlock, fit_block

WIDTH, HEIGHT = 1280, 720
BAR = 20
LEFT, RIGHT, TOP = 96, 80, 52
TITLE_BOX = 196
BULLET_INDENT = 42
FOOTER_Y = HEIGHT - 58
TITLE_SIZES = tuple(range(60, 33, -2))
BULLET_SIZES = tuple(range(40, 19, -2))
BULLET = "•"


def _too_long(number: int, part: str) -> StageFailed:
    return StageFailed("slide_text_too_long", f"slide {number}: the {part} does not fit even at the smallest "
                       "readable size", retryable=False)


class SlidePainter:
    """Draws slides with one font family and one theme."""

    def __init__(self, fonts: SlideFonts, theme: SlideTheme) -> None:
        self._fonts = fonts
        self._theme = theme

    def png(self, slide: Slide, number: int, total: int) -> bytes:
        """Slide `number` of `total` as PNG bytes; StageFailed when its text cannot fit."""
        theme, fonts = self._theme, self._fonts
        image = Image.new("RGB", (WIDTH, HEIGHT), theme.background)
        draw = ImageDraw.Draw(image)
        draw.rectangle((0, 0, BAR - 1, HEIGHT), fill=theme.accent)
        width = WIDTH - LEFT - RIGHT
        title = fit_block([slide.title], fonts.bold, TITLE_SIZES, width, TITLE_BOX)
        if title is None:
            raise _too_long(number, "title")
        y = self._lines(draw, title, fonts.bold(title.size), LEFT, TOP, theme.title)
        rule_y = y + 14
        draw.rectangle((LEFT, rule_y, LEFT + 120, rule_y + 5), fill=theme.accent)
        body_top = rule_y + 34
        body = fit_block(slide.bullets, fonts.regular, BULLET_SIZES, width - BULLET_INDENT, FOOTER_Y - 24 - body_top)
        if body is None:
            raise _too_long(number, "bullet list")
        self._bullets(draw, body, body_top)
        footer = fonts.bold(22)
        draw.text((LEFT, FOOTER_Y), theme.label, font=footer, fill=theme.accent)
        page = f"{number} / {total}"
        draw.text((WIDTH - RIGHT - footer.getlength(page), FOOTER_Y), page, font=footer, fill=theme.muted)
        out = io.BytesIO()
        image.save(out, "PNG", compress_level=6)
        return out.getvalue()

    def _lines(self, draw: ImageDraw.ImageDraw, block: FittedBlock, font: ImageFont.FreeTypeFont, x: int, y: int,
               colour: tuple[int, int, int]) -> int:
        for paragraph in block.paragraphs:
            for line in paragraph:
                draw.text((x, y), line, font=font, fill=colour)
                y += block.line_height
            y += round(block.size * PARAGRAPH_GAP)
        return y - round(block.size * PARAGRAPH_GAP)

    def _bullets(self, draw: ImageDraw.ImageDraw, block: FittedBlock, top: int) -> None:
        font = self._fonts.regular(block.size)
        y = top
        for paragraph in block.paragraphs:
            draw.text((LEFT + 4, y), BULLET, font=font, fill=self._theme.accent)
            for line in paragraph:
                draw.text((LEFT + BULLET_INDENT, y), line, font=font, fill=self._theme.body)
                y += block.line_height
            y += round(block.size * PARAGRAPH_GAP)
