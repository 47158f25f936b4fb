"""Lesson text becomes Markdown that renders as exactly that text, whatever a passage or a model wrote."""

import html
import re
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from application.stages.lesson_markdown import escape_markdown, render_markdown
from domain.grade_level import GradeBand
from domain.lesson_script import LessonScript, LessonSection, QuizItem, Slide
from domain.passage import Passage, ScoredPassage
from tests.unit.factories import a_lesson

pytestmark = pytest.mark.req("RDS-053", "RDS-014")

HOSTILE = [
    "<script>alert(1)</script>",
    "[click me](javascript:alert(1))",
    "![x](http://127.0.0.1:9/track.png)",
    "<img src=x onerror=alert(1)>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#x3C;svg onload=alert(1)&#x3E;",
    "<javascript:alert(1)>",
    "line one\n\n# a heading\n<div onclick=alert(1)>",
    "- a list\n1. another\n---",
    "`code` **bold** _it_ ~~x~~ | a | b |",
    "[ref]: javascript:alert(1)\n[ref]",
]
STRUCTURE = {"h1", "h2", "p", "ol", "ul", "li"}


class _Elements(HTMLParser):
    """Every element and attribute a browser would build from the HTML."""

    def __init__(self, document: str) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str | None]] = []
        self.feed(document)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes += attrs


def _rendered(text: str) -> str:
    """The HTML of a document made of this one piece of text, by a renderer that allows raw HTML."""
    return MarkdownIt("commonmark", {"html": True}).render(escape_markdown(text))


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_as_inert_text(text: str) -> None:
    rendered = _rendered(text)
    elements = _Elements(rendered)
    assert elements.tags <= STRUCTURE and elements.attributes == []
    assert html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip() == " ".join(text.split())


def test_every_field_of_the_lesson_is_escaped_in_the_document() -> None:
    lesson = a_lesson()
    bad = " ".join(HOSTILE)
    passage = Passage("p-1<x>", bad, "science", GradeBand.G3_5, "t", bad)
    lesson.record_passages((ScoredPassage(passage, 1.0),))
    lesson.record_script(LessonScript(
        title=bad, hook=bad, sections=(LessonSection(bad, bad, ("p-1<x>",)),), worked_example=bad,
        quiz=(QuizItem(bad, (bad, "b"), bad, bad),), summary=bad, narration=bad, slides=(Slide(bad, (bad,)),)))
    rendered = MarkdownIt("commonmark", {"html": True}).render(render_markdown(lesson))
    elements = _Elements(rendered)
    assert elements.tags <= STRUCTURE and elements.attributes == []
    assert rendered.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 8  # shown as text, once per field


def test_ordinary_text_is_left_readable() -> None:
    assert escape_markdown("Plants make food from light, water and air.") == (
        "Plants make food from light, water and air.")
    assert escape_markdown("well-known 3.5 - 2 = 1.5") == "well-known 3.5 - 2 = 1.5"
