"""Generated sections are found only between markers alone on their lines, and replaced without touching the rest."""

import pytest

from infrastructure.docs.markers import as_body, find_sections, hand_written, replace_sections
from infrastructure.docs.problems import DocsError

pytestmark = pytest.mark.req("RDS-039")
DOC = """# Title
Quoted inline: `<!-- BEGIN GENERATED: example -->` is not a marker.
<!-- BEGIN GENERATED: alpha -->
old alpha
<!-- END GENERATED: alpha -->
between
<!-- BEGIN GENERATED: beta -->
old beta
<!-- END GENERATED: beta -->
tail
"""


def test_sections_are_found_by_name_with_their_bodies() -> None:
    sections = find_sections(DOC, "doc.md")
    assert sorted(sections) == ["alpha", "beta"]
    assert sections["alpha"].body == "\nold alpha\n"


def test_replacing_rewrites_only_the_named_bodies() -> None:
    updated = replace_sections(DOC, {"beta": as_body("new beta\n\n")}, "doc.md")
    assert updated == DOC.replace("old beta", "new beta")
    assert replace_sections(updated, {"beta": as_body("new beta")}, "doc.md") == updated


def test_hand_written_text_drops_every_generated_body() -> None:
    text = hand_written(DOC, "doc.md")
    assert "old alpha" not in text and "old beta" not in text
    assert "between" in text and "tail" in text and "<!-- END GENERATED: beta -->" in text


@pytest.mark.parametrize(("text", "complaint"), [
    ("<!-- BEGIN GENERATED: a -->\n", "'a' has no '<!-- END GENERATED: a -->'"),
    ("<!-- END GENERATED: a -->\n", "has no matching '<!-- BEGIN GENERATED: a -->'"),
    ("<!-- BEGIN GENERATED: a -->\n<!-- BEGIN GENERATED: b -->\n", "'a' is not closed before section 'b'"),
    ("<!-- BEGIN GENERATED: a -->\n<!-- END GENERATED: a -->\n" * 2, "'a' appears twice"),
])
def test_broken_markers_are_named(text: str, complaint: str) -> None:
    with pytest.raises(DocsError, match=r"^doc\.md: ") as error:
        find_sections(text, "doc.md")
    assert complaint in str(error.value)
