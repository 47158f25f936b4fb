"""The offline Illustrator: readable, subject-themed slides drawn with Pillow."""

import asyncio
import unicodedata
from decimal import Decimal

from application.errors import StageFailed
from application.ports.media_providers import PNG, Illustrator, MediaFile, MediaResult
from domain.cost_ledger import CostKind, CostLine
from domain.lesson_script import LessonScript, Slide
from domain.money import Money
from infrastructure.media.slide_fonts import SlideFonts, source_sans_pro
from infrastructure.media.slide_painter import SlidePainter
from infrastructure.media.slide_theme import theme_for

PROVIDER = "offline"
MAX_SLIDES = 99


def _normalised(slide: Slide) -> Slide:
    return Slide(title=unicodedata.normalize("NFC", slide.title),
                 bullets=tuple(unicodedata.normalize("NFC", b) for b in slide.bullets))


def _describe(chars: list[str]) -> str:
    shown = ", ".join(f"{ch!r} (U+{ord(ch):04X} {unicodedata.name(ch, 'unnamed')})" for ch in chars[:3])
    return shown + (f" and {len(chars) - 3} more" if len(chars) > 3 else "")


class PillowIllustrator(Illustrator):
    """One 1280×720 PNG per outline entry (slide-01.png, …), drawn in a worker thread. $0.

    Text the slide font cannot draw (for example CJK or Arabic script) is refused with `unsupported_script`
    rather than drawn as empty boxes.
    """

    def __init__(self, fonts: SlideFonts | None = None) -> None:
        self._fonts = fonts

    async def illustrate(self, script: LessonScript, subject: str) -> MediaResult:
        """The slides, in outline order."""
        slides = tuple(_normalised(s) for s in script.slides)
        if not slides or len(slides) > MAX_SLIDES:
            raise StageFailed("bad_outline", f"a lesson needs 1-{MAX_SLIDES} slides, not {len(slides)}",
                              retryable=False)
        images = await asyncio.to_thread(self._paint_all, slides, subject)
        files = tuple(MediaFile(f"slide-{n:02d}.png", PNG, data) for n, data in enumerate(images, start=1))
        line = CostLine(stage="illustrate", kind=CostKind.SPENT, amount=Money(0), units=Decimal(len(files)),
                        unit="image", provider=PROVIDER)
        return MediaResult(files, (line,))

    def _paint_all(self, slides: tuple[Slide, ...], subject: str) -> list[bytes]:
        fonts = self._fonts or source_sans_pro()
        theme = theme_for(subject)
        text = " ".join(part for s in slides for part in (s.title, *s.bullets)) + theme.label
        missing = fonts.missing(text)
        if missing:
            raise StageFailed("unsupported_script", "the slide font cannot draw " + _describe(missing)
                              + "; offline slides support Latin, Greek and Cyrillic text", retryable=False)
        painter = SlidePainter(fonts, theme)
        return [painter.png(slide, n, len(slides)) for n, slide in enumerate(slides, start=1)]
