"""Grade adaptation in the offline composer: plain words, split or joined sentences, definitions of domain
terms, length budgets per band, and a reading level inside the grade's target band."""

import pytest
from tests.unit.offline.builtin_catalogue import load_builtin_catalogue

from application.ports.script_writer import ScriptBrief
from domain.grade_level import GradeLevel
from domain.passage import ScoredPassage
from domain.readability import flesch_kincaid_grade
from domain.understanding import Understanding
from infrastructure.offline.domain_terms import is_definition
from infrastructure.offline.offline_script_writer import OfflineScriptWriter
from infrastructure.offline.plain_words import plain_wording
from infrastructure.offline.reading_style import LENGTH_BUDGETS, STYLE_LADDER
from infrastructure.offline.sentence_rewriter import join_short, split_long
from infrastructure.offline.sentence_tools import word_count

pytestmark = pytest.mark.req("RDS-063")

CATALOGUE = load_builtin_catalogue()
BY_ID = {p.id: p for p in CATALOGUE.passages}
WRITER = OfflineScriptWriter(CATALOGUE.keywords)


def brief_for(ids: tuple[str, ...], grade: int, topic: str, subject: str = "science") -> ScriptBrief:
    scored = tuple(ScoredPassage(BY_ID[pid], 1.0 - 0.1 * i) for i, pid in enumerate(ids))
    return ScriptBrief(Understanding(topic, subject, topic, "explain"), GradeLevel(grade), None, scored)


def test_plain_wording_swaps_formal_words_and_fixes_articles() -> None:
    assert plain_wording("However, an enormous tree requires approximately 50 liters.") == \
        "But a huge tree needs about 50 liters."
    assert plain_wording("Leaves contain chlorophyll.", keep=frozenset({"contain"})) == "Leaves contain chlorophyll."


def test_long_sentences_split_at_clause_boundaries_into_standalone_sentences() -> None:
    sentence = "The roots take in water from the soil, and the stem carries it up to the leaves."
    assert split_long(sentence, 10) == ["The roots take in water from the soil.",
                                        "The stem carries it up to the leaves."]
    assert split_long("Magnets pull on iron, which is a metal found in nails.", 6) == [
        "Magnets pull on iron.", "This is a metal found in nails."]
    assert split_long("Short sentences stay as they are.", 4) == ["Short sentences stay as they are."]


def test_short_sentences_join_for_older_readers_keeping_proper_nouns() -> None:
    joined = join_short(["Rome grew.", "Rome built roads.", "It was big."], 5, proper_nouns={"Rome"})
    assert joined == ["Rome grew; Rome built roads.", "It was big."]


def test_a_defining_sentence_is_recognised() -> None:
    assert is_definition("Photosynthesis is the way plants make food.", "photosynthesis")
    assert is_definition("Plants use a process called photosynthesis.", "photosynthesis")
    assert not is_definition("Photosynthesis happens in leaves during the day.", "leaves")


@pytest.mark.parametrize(("ids", "grade", "topic", "subject"), [
    (("sci-k2-plant-needs", "sci-k2-solids-liquids-gases"), 0, "what plants need", "science"),
    (("math-k2-addition", "math-k2-place-value"), 2, "adding numbers", "mathematics"),
    (("sci-35-water-cycle",), 4, "the water cycle", "science"),
    (("hist-35-civil-war", "hist-35-american-revolution"), 5, "the civil war", "history"),
    (("la-68-theme", "la-68-poetry"), 7, "theme", "language arts"),
    (("math-68-ratios", "math-68-linear-equations"), 8, "ratios", "mathematics"),
    (("sci-912-cell-division", "sci-912-human-heart"), 10, "cell division", "science"),
    (("hist-912-constitution", "hist-912-civil-war"), 12, "the constitution", "history"),
])
def test_a_lesson_from_its_bands_passages_reads_inside_the_grades_target(
    ids: tuple[str, ...], grade: int, topic: str, subject: str
) -> None:
    script = WRITER.compose(brief_for(ids, grade, topic, subject))
    low, high = GradeLevel(grade).reading_target
    assert low <= flesch_kincaid_grade(script.plain_text()) <= high


def test_the_same_passages_read_easier_for_younger_grades() -> None:
    ids = ("sci-35-photosynthesis", "sci-35-food-chains", "sci-68-photosynthesis")
    levels = [flesch_kincaid_grade(WRITER.compose(brief_for(ids, grade, "photosynthesis")).plain_text())
              for grade in (2, 5, 8, 11)]
    assert levels == sorted(levels) and levels[0] < levels[-1]


def test_length_budgets_grow_with_the_band() -> None:
    ids = ("sci-35-photosynthesis", "sci-35-food-chains", "sci-68-photosynthesis", "sci-35-water-cycle")
    words = {}
    for grade in (1, 4, 7, 10):
        script = WRITER.compose(brief_for(ids, grade, "plants"))
        budget = LENGTH_BUDGETS[GradeLevel(grade).band]
        words[grade] = sum(word_count(s.body) for s in script.sections)
        assert len(script.sections) <= max(3, budget.sections)
        assert words[grade] <= budget.body_words + max(word_count(s.body) for s in script.sections)
    assert words[1] < words[10]


def test_asking_for_simpler_wording_never_reads_harder() -> None:
    brief = brief_for(("sci-68-photosynthesis", "sci-35-photosynthesis", "sci-35-food-chains"), 6, "photosynthesis")
    levels = [flesch_kincaid_grade(WRITER.compose_in(brief, style).plain_text()) for style in STYLE_LADDER]
    assert levels[0] < levels[4] < levels[-1]
