"""How the curriculum writes a term: proper nouns keep their capitals when a lesson uses the term mid-sentence."""

import re
from collections.abc import Sequence


def display_form(term: str, texts: Sequence[str]) -> str:
    """`term` as the passages write it: capitalised mid-sentence (or with capitals inside, as in "World War I")
    means a proper noun, else lower case."""
    for text in texts:
        for match in re.finditer(rf"(?<![\w-]){re.escape(term)}(?![\w-])", text, flags=re.IGNORECASE):
            before = text[: match.start()].rstrip()
            at_start = not before or before[-1] in ".!?:'\""
            inner_capitals = any(c.isupper() for c in match.group(0)[1:])
            if (not at_start or inner_capitals) and match.group(0) != match.group(0).lower():
                return match.group(0)
    return term
