"""JSON documents for the pipeline's outputs: understanding, passages, script, artifacts."""

from domain.artifact import Artifact
from domain.coverage import Suggestion
from domain.grade_level import GradeBand
from domain.lesson_script import LessonScript, LessonSection, QuizItem, Slide
from domain.modality import Modality
from domain.passage import Passage, ScoredPassage
from domain.understanding import Understanding
from infrastructure.persistence.json_codec import Doc


def encode_understanding(value: Understanding | None) -> Doc | None:
    """Normalised query, subject, topic and intent."""
    if value is None:
        return None
    return {"normalized_query": value.normalized_query, "subject": value.subject, "topic": value.topic,
            "intent": value.intent}


def decode_understanding(doc: Doc | None) -> Understanding | None:
    """The understanding `encode_understanding` wrote."""
    if doc is None:
        return None
    return Understanding(normalized_query=doc["normalized_query"], subject=doc["subject"], topic=doc["topic"],
                         intent=doc["intent"])


def encode_passages(passages: tuple[ScoredPassage, ...]) -> list[Doc]:
    """Retrieved passages, best first, each with its score."""
    return [
        {
            "passage": {"id": p.passage.id, "title": p.passage.title, "subject": p.passage.subject,
                        "grade_band": p.passage.grade_band.value, "topic": p.passage.topic,
                        "text": p.passage.text, "source": p.passage.source},
            "score": p.score,
            "similarity": p.similarity,
        }
        for p in passages
    ]


def with_suggestions(failure: Doc | None, suggestions: tuple[Suggestion, ...]) -> Doc | None:
    """The failure document, carrying the nearby covered topics of a `not_covered` lesson when it has any."""
    if failure is None or not suggestions:
        return failure
    return {**failure, "suggestions": [{"title": s.title, "subject": s.subject, "grade_band": s.grade_band.value}
                                       for s in suggestions]}


def decode_suggestions(failure: Doc | None) -> tuple[Suggestion, ...]:
    """The suggestions `with_suggestions` stored in a failure document (none otherwise)."""
    docs = (failure or {}).get("suggestions") or ()
    return tuple(Suggestion(d["title"], d["subject"], GradeBand(d["grade_band"])) for d in docs)


def decode_passages(docs: list[Doc]) -> tuple[ScoredPassage, ...]:
    """The passages `encode_passages` wrote."""
    return tuple(
        ScoredPassage(
            passage=Passage(id=p["id"], title=p["title"], subject=p["subject"],
                            grade_band=GradeBand(p["grade_band"]), topic=p["topic"], text=p["text"],
                            source=p["source"]),
            score=float(doc["score"]),
            similarity=float(doc.get("similarity", 1.0)),
        )
        for doc in docs
        for p in (doc["passage"],)
    )


def encode_script(script: LessonScript | None) -> Doc | None:
    """The whole script: sections, quiz and slides as lists."""
    if script is None:
        return None
    return {
        "title": script.title,
        "hook": script.hook,
        "sections": [{"heading": s.heading, "body": s.body, "citations": list(s.citations)}
                     for s in script.sections],
        "worked_example": script.worked_example,
        "quiz": [{"question": q.question, "choices": list(q.choices), "answer": q.answer,
                  "explanation": q.explanation, "kind": q.kind} for q in script.quiz],
        "summary": script.summary,
        "narration": script.narration,
        "slides": [{"title": s.title, "bullets": list(s.bullets)} for s in script.slides],
    }


def decode_script(doc: Doc | None) -> LessonScript | None:
    """The script `encode_script` wrote; its content hash is unchanged."""
    if doc is None:
        return None
    return LessonScript(
        title=doc["title"],
        hook=doc["hook"],
        sections=tuple(LessonSection(heading=s["heading"], body=s["body"], citations=tuple(s["citations"]))
                       for s in doc["sections"]),
        worked_example=doc["worked_example"],
        quiz=tuple(QuizItem(question=q["question"], choices=tuple(q["choices"]), answer=q["answer"],
                            explanation=q["explanation"], kind=q.get("kind", "multiple_choice"))
                    for q in doc["quiz"]),
        summary=doc["summary"],
        narration=doc["narration"],
        slides=tuple(Slide(title=s["title"], bullets=tuple(s["bullets"])) for s in doc["slides"]),
    )


def encode_artifacts(artifacts: tuple[Artifact, ...]) -> list[Doc]:
    """Artifact records in order."""
    return [
        {"modality": a.modality.value, "name": a.name, "stage": a.stage, "content_type": a.content_type,
         "size_bytes": a.size_bytes, "sha256": a.sha256, "script_hash": a.script_hash}
        for a in artifacts
    ]


def decode_artifacts(docs: list[Doc]) -> tuple[Artifact, ...]:
    """The artifacts `encode_artifacts` wrote."""
    return tuple(
        Artifact(modality=Modality(d["modality"]), name=d["name"], stage=d["stage"],
                 content_type=d["content_type"], size_bytes=d["size_bytes"], sha256=d["sha256"],
                 script_hash=d["script_hash"])
        for d in docs
    )
