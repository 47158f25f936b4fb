"""The offline ScriptWriter: a deterministic composer that builds a lesson only from the brief's passages."""

from collections.abc import Mapping, Sequence
from decimal import Decimal

from application.ports.script_writer import ScriptBrief, ScriptWriter, WrittenScript
from application.stages.readability_revision import distance_from_band
from domain.cost_ledger import CostKind, CostLine
from domain.lesson_script import LessonScript, LessonSection
from domain.money import Money
from domain.readability import flesch_kincaid_grade
from infrastructure.offline.domain_terms import add_definitions, domain_terms
from infrastructure.offline.interest_hooks import build_hook
from infrastructure.offline.lesson_parts import grade_label, summarize, worked_example
from infrastructure.offline.quiz_builder import build_quiz, display_form
from infrastructure.offline.reading_style import LENGTH_BUDGETS, STYLE_LADDER, WritingStyle, first_step
from infrastructure.offline.section_planner import Wording, plan_sections, usable_passages
from infrastructure.offline.sentence_rewriter import proper_nouns
from infrastructure.offline.sentence_tools import shorten_words, title_case, word_count
from infrastructure.offline.slide_builder import build_slides

PROVIDER = "offline"
MAX_TOPIC_CHARS = 60
YOUNG_GRADE_MAX = 3


class OfflineScriptWriter(ScriptWriter):
    """Composes title, hook, sections (with definitions of hard domain terms), worked example, quiz,
    summary, narration and slides from the brief's passages alone, citing only their ids; the same brief
    always gives the same script. It writes for the grade: starting from the grade's step on the style
    ladder it moves to simpler or richer wording until the Flesch–Kincaid grade of the text falls in the
    grade's target band (or the ladder ends, keeping the closest version). $0."""

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
        """The script itself (synchronous and deterministic), in the style closest to the reading target."""
        low, high = brief.grade.reading_target
        step = first_step(brief.grade.value, brief.reading_adjustment)
        tried: dict[int, tuple[LessonScript, float]] = {}
        while 0 <= step < len(STYLE_LADDER) and step not in tried:
            script = self.compose_in(brief, STYLE_LADDER[step])
            level = flesch_kincaid_grade(script.plain_text())
            tried[step] = (script, level)
            if low <= level <= high:
                return script
            step = step - 1 if level > high else step + 1
        return min(tried.values(), key=lambda pair: distance_from_band(pair[1], low, high))[0]

    def compose_in(self, brief: ScriptBrief, style: WritingStyle) -> LessonScript:
        """The script written in one style."""
        budget = LENGTH_BUDGETS[brief.grade.band]
        passages = usable_passages(brief.passages)
        terms = domain_terms(passages, self._keywords)
        keep = frozenset(word for term in terms for word in term.split())
        wording = Wording(style, keep, proper_nouns(p.text for p in passages))
        drafts = plan_sections(brief.passages, wording, budget)
        drafts = add_definitions(drafts, passages, terms, wording, budget.definitions)
        top = drafts[0].passage
        topic = shorten_words(brief.understanding.topic, MAX_TOPIC_CHARS) or top.topic
        topic = display_form(topic, [p.text for p in passages])
        title = title_case(topic)
        hook = build_hook(topic, top.subject, brief.interest, young=brief.grade.value <= YOUNG_GRADE_MAX)
        sections = tuple(LessonSection(heading=d.heading, body=" ".join(d.sentences),
                                       citations=(d.passage.id, *d.extra_citations)) for d in drafts)
        summary = summarize(topic, drafts, easiest=style.prefer == "easy")
        example = worked_example(wording.sentences(top.text), top.subject, style.max_words)
        narration = "\n\n".join([f"{title}.", hook, *(s.body for s in sections), example, summary])
        return LessonScript(
            title=title,
            hook=hook,
            sections=sections,
            worked_example=example,
            quiz=build_quiz(drafts, self._keywords),
            summary=summary,
            narration=narration,
            slides=build_slides(title, topic, grade_label(brief.grade.value), drafts),
        )
