"""The curriculum routes and grounding end to end, through the real container and model (embedded profile)."""

import pytest

from tests.e2e.conftest import Service
from tests.unit.curriculum.documents import document

NEW_DOCUMENT = document(
    id="sci-68-test-tardigrades", title="Tardigrades, the Toughest Animals", topic="tardigrades",
    keywords="[tardigrade, water bear, cryptobiosis]",
    body="Tardigrades, also called water bears, are tiny animals about half a millimetre long. They live in moss "
         "and can survive drying out by curling into a tun and slowing their bodies almost to a stop, a state "
         "called cryptobiosis. In that state they have survived freezing, boiling and even the vacuum of space.")


@pytest.mark.req("RDS-034", "RDS-042")
async def test_search_returns_scored_passages_to_any_user(service: Service) -> None:
    response = await service.student.search(q="How do plants make food?", grade_level=4, k=3)
    assert response.status_code == 200
    body = response.json()
    assert len(body["items"]) == 3 and body["corpus_version"]
    assert body["items"][0]["id"] == "sci-35-photosynthesis" and body["items"][0]["score"] > body["items"][2]["score"]
    only = await service.student.search(q="How do plants make food?", grade_level=4, subject="history")
    assert {item["subject"] for item in only.json()["items"]} <= {"history"}
    assert (await service.anonymous.search(q="plants", grade_level=4)).status_code == 401
    bad = await service.student.search(q="plants", grade_level=13)
    assert bad.status_code == 400 and bad.json()["details"][0]["field"] == "grade_level"


@pytest.mark.req("RDS-034", "RDS-041")
async def test_a_teacher_adds_a_document_that_search_then_finds(service: Service) -> None:
    before = (await service.teacher.search(q="water bears surviving in space", grade_level=7)).json()
    added = await service.teacher.add_document(NEW_DOCUMENT)
    assert added.status_code == 201, added.text
    assert added.json()["status"] == "added" and added.json()["chunks_indexed"] == 1
    assert added.json()["corpus_version"] != before["corpus_version"]
    again = await service.admin.add_document(NEW_DOCUMENT)
    assert again.status_code == 200 and again.json()["status"] == "unchanged"
    found = (await service.student.search(q="water bears surviving in space", grade_level=7)).json()
    assert found["items"][0]["id"] == "sci-68-test-tardigrades"
    assert found["corpus_version"] == added.json()["corpus_version"]


@pytest.mark.req("RDS-034")
async def test_students_may_not_add_documents(service: Service) -> None:
    response = await service.student.add_document(NEW_DOCUMENT)
    assert response.status_code == 403


@pytest.mark.req("RDS-041")
async def test_malformed_documents_are_refused_and_nothing_is_indexed(service: Service) -> None:
    version = (await service.student.search(q="tardigrades", grade_level=7)).json()["corpus_version"]
    cases = {
        "front_matter": "A body with no front matter.",
        "grade_band": document(grade_band="13-14"),
        "body": document(body=""),
        "subject": document(subject="astrology"),
    }
    for field, text in cases.items():
        response = await service.teacher.add_document(text)
        assert response.status_code == 400, (field, response.text)
        body = response.json()
        assert body["error"] == "invalid_document" and body["details"][0]["field"] == field
    huge = await service.teacher.add_document(document(body="word " * 1_000_000))  # ≈ 5 MB
    assert huge.status_code == 413 and huge.json()["error"] == "payload_too_large"
    assert (await service.teacher.add_document(b"\xff\xfe not utf-8")).status_code == 400
    after = (await service.student.search(q="tardigrades", grade_level=7)).json()
    assert after["corpus_version"] == version


@pytest.mark.req("RDS-009", "RDS-041")
async def test_a_lesson_cites_only_passages_retrieval_returned_and_records_the_corpus(service: Service) -> None:
    created = await service.student.request_lesson({"student_query": "Why do leaves need sunlight?", "grade_level": 4,
                                                    "requested_modalities": ["text"]})
    lesson = await service.student.wait_until_terminal(created.json()["id"])
    assert lesson["status"] == "completed", lesson
    content = lesson["lesson"]
    retrieved = {source["id"] for source in content["sources"]}
    cited = {c for section in content["sections"] for c in section["citations"]}
    assert cited and cited <= retrieved
    corpus = await service.container.grounding.corpus_cache().current()
    assert retrieved <= {p.id for p in corpus.passages}  # every source is a real, indexed passage
    assert content["corpus_version"] == corpus.version


@pytest.mark.req("RDS-042")
async def test_an_out_of_scope_question_is_rejected_with_a_readable_reason(service: Service) -> None:
    created = await service.student.request_lesson({"student_query": "Who will win the Super Bowl this year?",
                                                    "grade_level": 6, "requested_modalities": ["text"]})
    lesson = await service.student.wait_until_terminal(created.json()["id"])
    assert lesson["status"] == "rejected"
    assert "curriculum" in lesson["rejection_reason"] and lesson["lesson"] is None
