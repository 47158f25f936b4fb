"""The offline ScriptWriter: a deterministic composer that builds a lesson only from the brief's passages."""

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal

from application.ports.script_writer import ScriptBrief, ScriptWriter, WrittenScript
from domain.cost_ledger import CostKind, CostLine
from domain.lesson_script import LessonScript, LessonSection
from domain.money import Money
from domain.passage import Passage
from infrastructure.offline.interest_hooks import build_hook
from infrastructure.offline.quiz_builder import build_quiz
from infrastructure.offline.section_planner import SectionDraft, plan_sections
from infrastructure.offline.sentence_tools import shorten_words, split_sentences, title_case, word_count
from infrastructure.offline.slide_builder import build_slides

PROVIDER = "offline"
MAX_TOPIC_CHARS = 60
YOUNG_GRADE_MAX = 3
_EXAMPLE_CUE = re.compile(r"\b(?:for example|for instance)\b", re.IGNORECASE)
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


def worked_example(passage: Passage, subject: str) -> str:
    """An example sentence drawn from the passage (an explicit example, else one with numbers, else its
    second sentence), followed by a short practice prompt for the subject."""
    sentences = split_sentences(passage.text)
    chosen = next((s for s in sentences if _EXAMPLE_CUE.search(s)), None)
    chosen = chosen or next((s for s in sentences if any(c.isdigit() for c in s)), None)
    chosen = chosen or sentences[min(1, len(sentences) - 1)]
    return f"{chosen} {_PRACTICE_PROMPTS.get(subject.lower(), _DEFAULT_PROMPT)}"


def summarize(topic: str, drafts: Sequence[SectionDraft]) -> str:
    """Two or three sentences: what the lesson covered and its key ideas, in the passages' words."""
    key_ideas = list(dict.fromkeys(d.sentences[0] for d in drafts if d.sentences))[:2]
    return " ".join([f"In this lesson, we explored {topic}.", *key_ideas])


class OfflineScriptWriter(ScriptWriter):
    """Composes title, hook, sections, worked example, quiz, summary, narration and slides from the
    brief's passages alone, citing only their ids; the same brief always gives the same script. $0."""

    def __init__(self, keywords: Mapping[str, Sequence[str]] | None = None) -> None:
        self._keywords: Mapping[str, Sequence[str]] = keywords or {}

    async def write(self, brief: ScriptBrief) -> WrittenScript:
        """The lesson script for the brief and one $0 `spent` line counting the words written."""
        script = self.compose(brief)
        words = word_count(script.plain_text()) + sum(
            word_count(" ".join((q.question, *q.choices, q.explanation))) for q in script.quiz
        )
        line = CostLine(stage="write", kind=CostKind.SPENT, amount=Money(0), units=Decimal(words), unit="words",
                        provider=PROVIDER)
        return WrittenScript(script=script, cost_lines=(line,))

    def compose(self, brief: ScriptBrief) -> LessonScript:
        """The script itself (synchronous and deterministic)."""
        drafts = plan_sections(brief.passages, brief.grade.band)
        top = drafts[0].passage
        topic = shorten_words(brief.understanding.topic, MAX_TOPIC_CHARS) or top.topic
        title = title_case(topic)
        hook = build_hook(topic, brief.interest, young=brief.grade.value <= YOUNG_GRADE_MAX)
        sections = tuple(LessonSection(heading=d.heading, body=" ".join(d.sentences), citations=(d.passage.id,))
                         for d in drafts)
        summary = summarize(topic, drafts)
        narration = "\n\n".join([f"{title}.", hook, *(s.body for s in sections), summary])
        return LessonScript(
            title=title,
            hook=hook,
            sections=sections,
            worked_example=worked_example(top, top.subject),
            quiz=build_quiz(drafts, self._keywords),
            summary=summary,
            narration=narration,
            slides=build_slides(title, topic, grade_label(brief.grade.value), drafts),
        )
