"""PillowIllustrator with the real Pillow and the bundled Source Sans Pro font."""

import io
import unicodedata

import pytest
from PIL import Image

from application.errors import StageFailed
from domain.lesson_script import LessonScript, Slide
from infrastructure.media.slide_fonts import source_sans_pro
from infrastructure.media.slide_theme import THEMES, theme_for
from infrastructure.media.text_fitting import fit_block, wrap

pytestmark = pytest.mark.req("RDS-015")

LONG = ("Photosynthesis happens inside chloroplasts, tiny green structures that capture the energy of sunlight "
        "and store it in sugar molecules the plant can use later")


def script(*slides: Slide) -> LessonScript:
    return LessonScript(title="t", hook="", sections=(), worked_example="", quiz=(), summary="", narration="n",
                        slides=slides)


async def _images(*slides: Slide, subject: str = "science") -> list[Image.Image]:
    from infrastructure.media.pillow_illustrator import PillowIllustrator
    result = await PillowIllustrator().illustrate(script(*slides), subject)
    assert [f.content_type for f in result.files] == ["image/png"] * len(slides)
    assert [f.name for f in result.files] == [f"slide-{n:02d}.png" for n in range(1, len(slides) + 1)]
    return [Image.open(io.BytesIO(f.data)) for f in result.files]


async def test_one_720p_png_per_slide_in_the_subjects_colours() -> None:
    science = await _images(Slide("Plants", ("Leaves catch light", "Roots drink water")), Slide("Sugar", ()))
    history = await _images(Slide("Rome", ("An empire",)), subject="History")
    assert all(image.format == "PNG" and image.size == (1280, 720) for image in [*science, *history])
    accent = {image.convert("RGB").getpixel((5, 360)) for image in science}
    assert accent == {THEMES["science"].accent}
    assert history[0].convert("RGB").getpixel((5, 360)) == THEMES["history"].accent != THEMES["science"].accent
    assert theme_for("Underwater basket weaving").label == "Lesson"


async def test_long_text_is_wrapped_and_shrunk_not_cut() -> None:
    (image,) = await _images(Slide(LONG, tuple(f"{LONG} ({n})" for n in range(5))))
    ink = image.convert("L").point(lambda v: 255 if v < 128 else 0).getbbox()
    assert ink is not None and ink[3] > 600  # the bullets reach the bottom third instead of stopping early


def test_wrapping_keeps_every_word_within_the_width() -> None:
    font = source_sans_pro().regular(30)
    lines = wrap(LONG + " Pneumonoultramicroscopicsilicovolcanoconiosis" * 3, font, 400)
    assert " ".join(lines).replace(" ", "") == (LONG + " Pneumonoultramicroscopicsilicovolcanoconiosis" * 3).replace(
        " ", "")
    assert all(font.getlength(line) <= 400 for line in lines)


def test_a_block_takes_the_largest_size_that_fits() -> None:
    fonts = source_sans_pro()
    roomy = fit_block([LONG], fonts.regular, range(40, 19, -2), 1000, 400)
    tight = fit_block([LONG] * 5, fonts.regular, range(40, 19, -2), 1000, 400)
    assert roomy is not None and tight is not None and roomy.size == 40 > tight.size
    assert tight.height <= 400
    assert fit_block([LONG] * 40, fonts.regular, range(40, 19, -2), 1000, 400) is None


@pytest.mark.req("RDS-047")
async def test_more_text_than_fits_at_the_smallest_size_is_refused() -> None:
    with pytest.raises(StageFailed) as refused:
        await _images(Slide("Too much", tuple(LONG * 4 for _ in range(5))))
    assert refused.value.code == "slide_text_too_long" and "slide 1" in refused.value.message


async def test_greek_cyrillic_and_accents_are_drawn_even_when_decomposed() -> None:
    decomposed = unicodedata.normalize("NFD", "Café naïve résumé")
    images = await _images(Slide("Φωτοσύνθεση — Фотосинтез", (decomposed, "π ≈ 3.14 • 90°")))
    assert images[0].size == (1280, 720)


@pytest.mark.req("RDS-047")
@pytest.mark.parametrize(("text", "shown"), [("光合作用", "U+5149"), ("التمثيل الضوئي", "U+0627")])
async def test_scripts_the_font_cannot_draw_are_refused_clearly(text: str, shown: str) -> None:
    with pytest.raises(StageFailed) as refused:
        await _images(Slide("Plants", (text,)))
    assert refused.value.code == "unsupported_script" and not refused.value.retryable
    assert shown in refused.value.message and "Latin, Greek and Cyrillic" in refused.value.message
