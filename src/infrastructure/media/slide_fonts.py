"""The slide typeface (Source Sans Pro, SIL OFL, from the font-source-sans-pro package) and what it can draw."""

import functools
from dataclasses import dataclass

import font_source_sans_pro
from fontTools.ttLib import TTFont
from PIL import ImageFont


@functools.cache
def _codepoints(path: str) -> frozenset[int]:
    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap())


@functools.cache
def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size)


@dataclass(frozen=True, slots=True)
class SlideFonts:
    """A regular and a bold face of one family."""

    regular_path: str
    bold_path: str

    def regular(self, size: int) -> ImageFont.FreeTypeFont:
        """The regular face at `size` pixels."""
        return _font(self.regular_path, size)

    def bold(self, size: int) -> ImageFont.FreeTypeFont:
        """The bold face at `size` pixels."""
        return _font(self.bold_path, size)

    def missing(self, text: str) -> list[str]:
        """The characters of `text` that either face has no glyph for (whitespace aside), in first-seen order."""
        covered = _codepoints(self.regular_path) & _codepoints(self.bold_path)
        return list(dict.fromkeys(ch for ch in text if not ch.isspace() and ord(ch) not in covered))


def source_sans_pro() -> SlideFonts:
    """Source Sans Pro Regular and Semibold: Latin, Greek and Cyrillic."""
    files = font_source_sans_pro.font_files_ttf
    return SlideFonts(regular_path=files["SourceSansPro"], bold_path=files["SourceSansProSemibold"])
