"""The teacher's rubric for one lesson, as the API returns it: does it answer the question, are its sentences
whole, is the quiz mixed with fitting wrong answers, is the interest used, does it read at the grade's level.

"Answers the question" is scored against answer keys written for each benchmark request apart from the units
(benchmarks/data/lesson_requests.json): every key fact must be stated (any of its phrasings).
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from domain.sentences import split_sentences

Lesson = dict[str, Any]
DANGLING = re.compile(r"^(it|its|this|that|these|those|they|them|their|he|she|his|her|also)\b", re.IGNORECASE)
GENERIC_DISTRACTORS = frozenset({"energy", "pattern", "system", "change", "structure"})


def lesson_text(content: Lesson) -> str:
    """What the student reads: hook, sections, worked example and summary."""
    return " ".join([content["hook"], *(s["body"] for s in content["sections"]), content["worked_example"],
                     content["summary"]])


def fact_stated(text: str, phrasings: Sequence[str]) -> bool:
    """True when any phrasing of a key fact (a lowercase substring or a simple regular expression) is in the text."""
    lowered = text.lower()
    for phrasing in phrasings:
        try:
            if re.search(phrasing.lower(), lowered):
                return True
        except re.error:
            if phrasing.lower() in lowered:
                return True
    return False


def answers_question(content: Lesson, key_facts: Sequence[Sequence[str]]) -> bool:
    """Every key fact of the answer key is stated in the lesson."""
    text = lesson_text(content)
    return all(fact_stated(text, fact) for fact in key_facts)


def broken_sentences(content: Lesson) -> list[str]:
    """Sentences a teacher would mark: starting lower case, without an ending, or a section that opens with a
    pronoun or link word whose antecedent is not in the section (a dangling opening)."""
    parts = [content["hook"], *(s["body"] for s in content["sections"]), content["worked_example"],
             content["summary"], *(q["question"] for q in content["quiz"])]
    broken = []
    for part in parts:
        for sentence in split_sentences(part):
            if sentence[:1].islower() or not sentence.rstrip("\"'”)").endswith((".", "?", "!", ":")):
                broken.append(sentence)
    for section in content["sections"]:
        if DANGLING.match(section["body"]):
            broken.append(section["body"][:80])
    for slide in content.get("slides", []):
        broken += [b for b in slide["bullets"] if b.endswith("…") or b[:1].islower()]
    return broken


@dataclass(frozen=True, slots=True)
class QuizMix:
    """The kinds of a lesson's quiz and its multiple-choice wrong answers."""

    kinds: tuple[str, ...]
    distractors: tuple[str, ...]

    @property
    def cloze_ok(self) -> bool:
        """At most one item in three is a cloze (fill-in-the-blank) item."""
        return 3 * sum(1 for k in self.kinds if k == "cloze") <= len(self.kinds)

    @property
    def generic_distractors(self) -> int:
        """Wrong answers that are generic words of no topic ("Energy", "Pattern" …)."""
        return sum(1 for d in self.distractors if d.strip(" .").lower() in GENERIC_DISTRACTORS)


def quiz_mix(content: Lesson) -> QuizMix:
    """The quiz's kinds and wrong choices."""
    kinds = tuple(q.get("kind", "multiple_choice") for q in content["quiz"])
    wrong = tuple(c for q in content["quiz"] if q.get("kind", "multiple_choice") == "multiple_choice"
                  for c in q["choices"] if c != q["answer"])
    return QuizMix(kinds, wrong)


def interest_named(content: Lesson, interest: str) -> bool:
    """The hook names the student's interest."""
    return interest.lower() in content["hook"].lower()
