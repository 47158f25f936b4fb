"""Curriculum unit texts for tests: a valid one and ways to break it."""

PARTS = """questions:
  - What do magnets do?
  - Why do magnets stick to some things and not others?
  - What are the poles of a magnet?
key_terms:
  pole: one of the two ends of a magnet, where its pull is strongest
  attract: to pull toward
  repel: to push away
misconceptions:
  - wrong: Magnets stick to every kind of metal.
    right: Magnets pull on iron and steel, but not on metals such as aluminum, copper or gold.
example:
  problem: "{name} holds two bar magnets with their north poles facing. What happens?"
  steps:
    - Look at which poles face each other.
    - Like poles repel, so the magnets push apart.
  answer: "{name} feels the magnets push away from each other."
  themes:
    neutral: {name: Sam}
    sports: {name: The goalkeeper}
quiz:
  - type: multiple_choice
    question: What happens when a north pole faces a south pole?
    answer: They attract.
    distractors:
      - choice: They repel.
        why: Only like poles repel; opposite poles attract.
      - choice: Nothing happens.
        why: Magnets push or pull on each other's poles.
    explanation: Opposite poles attract each other.
  - type: multiple_choice
    question: Which object would a magnet pull?
    answer: An iron nail
    distractors:
      - choice: A copper coin
        why: Copper is a metal, but magnets do not pull on it.
      - choice: A plastic cup
        why: Magnets do not pull on plastic.
    explanation: Magnets pull on things made of iron.
  - type: short_answer
    question: Why do two north poles push apart?
    model_answer: Like poles repel each other.
  - type: matching
    question: Match each word to its meaning.
    pairs:
      attract: pull toward
      repel: push away
      pole: an end of a magnet
"""

ANSWER = ("A magnet has two ends called poles. Opposite poles attract each other and like poles repel. "
          "Magnets pull on things made of iron, such as nails and paper clips.")
BLOCKS = """## North and south poles

Every magnet has a north pole and a south pole. When you hold two magnets close, a north pole and a south pole
pull together. Two north poles push apart, and so do two south poles. You can feel the push and the pull with
your hands.

## What magnets pull

Magnets pull on iron and steel. A paper clip, a nail and a steel spoon all jump to a magnet. Magnets do not pull
on wood, plastic, paper or glass, and they do not pull on most coins either.

## Magnets at home

Magnets hold notes on a fridge door because the door is made of steel. A compass needle is a tiny magnet, so it
turns to point north. Some toys and cabinet doors use magnets to snap shut.
"""


def unit_body(answer: str = ANSWER) -> str:
    """A valid unit body: the answer section, then two explanation blocks."""
    return f"## Answer\n\n{answer}\n\n{BLOCKS}"


VALID = f"""---
id: sci-35-test-magnets
title: Magnets Pull and Push
subject: science
grade_band: 3-5
topic: magnets
keywords: [magnet, poles, attract, repel]
source: Lessonsmith curriculum
licence: CC-BY-4.0
{PARTS}---
{unit_body()}"""


def document(body: str | None = None, parts: str = PARTS, **fields: str) -> str:
    """A unit text with the given front matter fields replaced (an empty value drops the field). `body` replaces
    the direct answer; a blank `body` leaves the unit with no body at all."""
    meta = {"id": "sci-35-test-magnets", "title": "Magnets Pull and Push", "subject": "science",
            "grade_band": "3-5", "topic": "magnets", "keywords": "[magnet, poles]",
            "source": "Lessonsmith curriculum", "licence": "CC-BY-4.0", **fields}
    lines = "\n".join(f"{name}: {value}" for name, value in meta.items() if value)
    text = unit_body() if body is None else (unit_body(body) if body.strip() else body)
    return f"---\n{lines}\n{parts}---\n{text}\n"
