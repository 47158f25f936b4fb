"""The check stage's measurements as one JSON document (the `reading_level` column): the reading level with
its target and rewrites, and the grounding report (support of every factual sentence)."""

from domain.grounding import GroundingReport, SentenceSupport
from domain.lesson_script import ReadingLevel
from infrastructure.persistence.json_codec import Doc


def encode_check(level: ReadingLevel | None, grounding: GroundingReport | None) -> Doc | None:
    """Target range, measured Flesch–Kincaid grade, rewrites and, when checked, the grounding report."""
    if level is None:
        return None
    doc: Doc = {"target_low": level.target_low, "target_high": level.target_high, "measured": level.measured,
                "rewrites": level.rewrites}
    if grounding is not None:
        doc["grounding"] = {
            "threshold": grounding.threshold,
            "sentences": [{"sentence": s.sentence, "passage_id": s.passage_id, "score": s.score}
                          for s in grounding.sentences],
            "dropped": list(grounding.dropped),
        }
    return doc


def decode_reading_level(doc: Doc | None) -> ReadingLevel | None:
    """The reading level `encode_check` wrote (documents without rewrites read as 0)."""
    if doc is None:
        return None
    return ReadingLevel(target_low=float(doc["target_low"]), target_high=float(doc["target_high"]),
                        measured=float(doc["measured"]), rewrites=int(doc.get("rewrites", 0)))


def decode_grounding(doc: Doc | None) -> GroundingReport | None:
    """The grounding report `encode_check` wrote, or None when the lesson was not checked for grounding."""
    if doc is None or "grounding" not in doc:
        return None
    report = doc["grounding"]
    return GroundingReport(
        threshold=float(report["threshold"]),
        sentences=tuple(SentenceSupport(s["sentence"], s["passage_id"], float(s["score"]))
                        for s in report["sentences"]),
        dropped=tuple(report["dropped"]),
    )
