"""Grounding in the domain: which sentences are claims, the supported share, and pruning a script."""

from dataclasses import replace

import pytest

from domain.grounding import GroundingReport, SentenceSupport, factual_sentences, is_factual_claim
from domain.lesson_script import LessonScript, LessonSection, QuizItem, Slide
from domain.script_pruning import without_sentences

pytestmark = pytest.mark.req("RDS-012")

INVENTED = "Plants also sing to the moon."


def a_script() -> LessonScript:
    sections = (
        LessonSection("Light", f"Plants use light to make sugar. {INVENTED}", ("p1",)),
        LessonSection("Water", "Roots take in water from the soil.", ("p2",)),
        LessonSection("Song", INVENTED, ("p1",)),
    )
    quiz = (QuizItem("Plants use light to make _____.", ("sugar", "salt", "sand"), "sugar",
                     "Plants use light to make sugar."),
            QuizItem("Plants also _____ to the moon.", ("sing", "talk", "run"), "sing", INVENTED))
    return LessonScript(
        title="Plants", hook="You like music. Think about a band.", sections=sections,
        worked_example="Example: Roots take in water from the soil. Try it yourself.", quiz=quiz,
        summary="In this lesson, we explored plants. Plants use light to make sugar.",
        narration=f"Plants.\n\nPlants use light to make sugar. {INVENTED}\n\n{INVENTED}",
        slides=(Slide("Plants", ("What we will learn: plants",)),
                Slide("Light", ("Plants use light to make sugar", "Plants also sing to the moon")),
                Slide("Water", ("Roots take in water from the soil",)), Slide("Song", ("Plants also sing\u2026",))),
    )


def test_questions_prompts_and_framing_lines_are_not_claims() -> None:
    assert is_factual_claim("Roots take in water from the soil.")
    for framing in ("Can you find the roots?", "Try it yourself.", "In this lesson, we explored plants.",
                    "Think about a band.", "Wow!", "Yes."):
        assert not is_factual_claim(framing)


def test_factual_sentences_come_from_the_body_once_each_without_the_hook() -> None:
    assert factual_sentences(a_script()) == [
        "Plants use light to make sugar.", INVENTED, "Roots take in water from the soil."]


def test_the_supported_share_counts_sentences_at_or_above_the_threshold() -> None:
    report = GroundingReport(0.6, (SentenceSupport("a", "p1", 0.9), SentenceSupport("b", "p1", 0.6),
                                   SentenceSupport("c", None, 0.1)))
    assert (report.supported, report.supported_share) == (2, 0.6667)
    assert GroundingReport(0.6, ()).supported_share == 1.0


def test_pruning_removes_a_sentence_from_every_place_it_appears() -> None:
    pruned = without_sentences(a_script(), {INVENTED})
    assert [s.heading for s in pruned.sections] == ["Light", "Water"]
    assert INVENTED not in pruned.plain_text() + pruned.narration
    assert [q.answer for q in pruned.quiz] == ["sugar"]
    assert [s.title for s in pruned.slides] == ["Plants", "Light", "Water"]
    assert pruned.slides[1].bullets == ("Plants use light to make sugar",)
    assert pruned.worked_example.startswith("Example: Roots take in water")


def test_pruning_nothing_keeps_the_same_version() -> None:
    script = a_script()
    assert without_sentences(script, ()).content_hash == script.content_hash


def test_quiz_items_whose_answers_the_lesson_does_not_copy_survive_and_spoken_narration_is_pruned() -> None:
    script = a_script()
    bank_item = QuizItem("Why do plants need light?", (), "Light gives the energy to make sugar.", "A model answer.",
                         "short_answer")
    spoken_claim = "Half of 1/2 is 1/4 of the plant."
    narration = f"{script.narration}\n\nHalf of one half is one quarter of the plant."
    pruned = without_sentences(replace(script, quiz=(*script.quiz, bank_item), narration=narration),
                               {INVENTED, spoken_claim})
    assert bank_item in pruned.quiz
    assert "one quarter of the plant" not in pruned.narration
