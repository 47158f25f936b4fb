"""Curriculum document texts for tests: a valid one and ways to break it."""

VALID = """---
id: sci-35-test-magnets
title: Magnets Pull and Push
subject: science
grade_band: 3-5
topic: magnets
keywords: [magnet, poles, attract, repel]
source: Lessonsmith curriculum
licence: CC-BY-4.0
---
A magnet has two ends called poles. Opposite poles attract each other and like poles repel.
Magnets pull on things made of iron, such as nails and paper clips.
"""


def document(body: str = "A magnet has two poles. Opposite poles attract.", **fields: str) -> str:
    """A document text with the given front matter fields replaced (an empty value drops the field)."""
    meta = {"id": "sci-35-test-magnets", "title": "Magnets Pull and Push", "subject": "science",
            "grade_band": "3-5", "topic": "magnets", "keywords": "[magnet, poles]",
            "source": "Lessonsmith curriculum", "licence": "CC-BY-4.0", **fields}
    lines = "\n".join(f"{name}: {value}" for name, value in meta.items() if value)
    return f"---\n{lines}\n---\n{body}\n"
