"""The smaller parts of an offline lesson: the worked example, the summary and the grade label."""

import re
from collections.abc import Sequence

from infrastructure.offline.section_planner import SectionDraft, sentence_difficulty

_EXAMPLE_CUE = re.compile(r"\b(?:for example|for instance|such as|imagine|if you)\b", re.IGNORECASE)
_PRACTICE_PROMPTS: dict[str, str] = {
    "mathematics": "Try working through it yourself, one step at a time.",
    "science": "Can you spot this happening in the world around you?",
    "history": "Think about how this changed people's lives.",
    "language arts": "Look for this the next time you read or write.",
}
_DEFAULT_PROMPT = "Try explaining it in your own words."


def grade_label(grade: int) -> str:
    """"kindergarten" for 0, else "grade N"."""
    return "kindergarten" if grade == 0 else f"grade {grade}"


def worked_example(sentences: Sequence[str], subject: str, max_words: int = 60) -> str:
    """"Example:" with a sentence from the passage that shows the idea at work (an explicit example, else
    one with numbers, else its second sentence; none longer than `max_words` when there is a choice) and
    the next one when it carries numbers too, followed by a short practice prompt for the subject."""
    statements = [s for s in sentences if not s.endswith("?") and len(s.split()) <= max_words] or \
        sorted(sentences, key=lambda s: len(s.split()))[:1]
    index = next((i for i, s in enumerate(statements) if any(c.isdigit() for c in s)), None)
    cue = next((i for i, s in enumerate(statements) if _EXAMPLE_CUE.search(s)), None)
    index = cue if cue is not None else index if index is not None else min(1, len(statements) - 1)
    shown = [statements[index]]
    if index + 1 < len(statements) and any(c.isdigit() for c in statements[index + 1]):
        shown.append(statements[index + 1])
    return f"Example: {' '.join(shown)} {_PRACTICE_PROMPTS.get(subject.lower(), _DEFAULT_PROMPT)}"


def summarize(topic: str, drafts: Sequence[SectionDraft], *, easiest: bool = False) -> str:
    """Two or three sentences: what the lesson covered and its key ideas (each section's first statement,
    or its easiest one for young readers), in the passages' words."""

    def key_idea(draft: SectionDraft) -> str:
        statements = [s for s in draft.sentences if s.endswith(".")] or list(draft.sentences)
        return min(statements, key=sentence_difficulty) if easiest else statements[0]

    key_ideas = list(dict.fromkeys(key_idea(d) for d in drafts if d.sentences))[:2]
    return " ".join([f"In this lesson, we explored {topic}.", *key_ideas])
