"""Renders a lesson script as Markdown, escaping every piece of generated text."""

import re

from domain.lesson_request import LessonRequest

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~&])")
_LINE_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029]+\s*")
_LEADING_MARKER = re.compile(r"^(\d{1,9})(?=[.)])|^(?=[-=])")


def escape_markdown(text: str) -> str:
    """Text that renders as exactly that text: line breaks folded (no new blocks), and every Markdown
    and HTML control character (including `&`, so entities stay literal) backslash-escaped, as is a
    leading list or heading marker."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", _LINE_BREAKS.sub(" ", text).strip())
    return _LEADING_MARKER.sub(lambda m: f"{m.group(1) or ''}\\", escaped, count=1)


def render_markdown(lesson: LessonRequest) -> str:
    """The lesson as a Markdown document with sections, citations, quiz and summary."""
    script = lesson.script
    if script is None:
        return ""
    sources = {p.passage.id: p.passage.title for p in lesson.passages if p.passage.id in script.citations}
    out = [f"# {escape_markdown(script.title)}", "", escape_markdown(script.hook), ""]
    for section in script.sections:
        cites = ", ".join(escape_markdown(c) for c in section.citations)
        out += [f"## {escape_markdown(section.heading)}", "", escape_markdown(section.body), ""]
        out += [f"Sources: {cites}", ""]
    out += ["## Worked example", "", escape_markdown(script.worked_example), "", "## Quiz", ""]
    for number, item in enumerate(script.quiz, start=1):
        out.append(f"{number}. {escape_markdown(item.question)}")
        out += [f"   - {escape_markdown(choice)}" for choice in item.choices]
        out.append(f"   - Answer: {escape_markdown(item.answer)} — {escape_markdown(item.explanation)}")
    out += ["", "## Summary", "", escape_markdown(script.summary), "", "## Sources", ""]
    out += [f"- {escape_markdown(pid)}: {escape_markdown(title)}" for pid, title in sources.items()]
    return "\n".join(out) + "\n"
