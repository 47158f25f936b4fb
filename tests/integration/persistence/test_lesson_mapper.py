"""Property tests: any LessonRequest survives the row mapping and the JSON its documents become."""

import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.artifact import Artifact
from domain.cost_ledger import CostKind, CostLedger, CostLine
from domain.failure import Failure
from domain.grade_level import GradeBand, GradeLevel
from domain.grounding import GroundingReport, SentenceSupport
from domain.interest import Interest
from domain.language import Language
from domain.lesson_lifecycle import LessonStatus
from domain.lesson_request import LessonRequest, LessonSpec
from domain.lesson_script import LessonScript, LessonSection, QuizItem, ReadingLevel, Slide
from domain.modality import Modality, ModalitySet
from domain.money import Money
from domain.passage import Passage, ScoredPassage
from domain.stage import StageName, StageStatus
from domain.stage_record import StageRecord
from domain.student_query import StudentQuery
from domain.understanding import Understanding
from infrastructure.persistence.keyset_cursor import KeysetCursor
from infrastructure.persistence.lesson_mapper import lesson_from_row, lesson_to_row
from infrastructure.persistence.tables import lesson_requests

pytestmark = pytest.mark.req("RDS-003")

JSON_COLUMNS = {column.name for column in lesson_requests.columns if isinstance(column.type, sa.JSON)}

text = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=12)
ids = st.text("abcdefghij-0123456789", min_size=1, max_size=8)
floats = st.floats(allow_nan=False, allow_infinity=False)
utc_times = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC))
any_times = st.datetimes(timezones=st.sampled_from([UTC, timezone(timedelta(hours=5, minutes=30))]))
money = st.builds(Money, st.integers(0, 10**15))
failures = st.builds(Failure, text, ids, text, st.booleans())

specs = st.builds(
    LessonSpec,
    query=st.from_regex(r"[A-Za-z][A-Za-z ?,']{0,40}", fullmatch=True).map(StudentQuery),
    grade=st.integers(0, 12).map(GradeLevel),
    interest=st.none() | st.from_regex(r"[a-z][a-z &.'-]{0,20}", fullmatch=True).map(Interest),
    modalities=st.sets(st.sampled_from(Modality), min_size=1).map(lambda m: ModalitySet(tuple(m))),
    language=st.just(Language("en")),
    max_cost=st.none() | money,
)


stage_records = st.tuples(*(
    st.builds(StageRecord, st.just(name), st.sampled_from(StageStatus), st.none() | any_times,
              st.none() | any_times, st.integers(0, 50), money, st.none() | failures)
    for name in StageName
)).map(lambda records: {record.name: record for record in records})
cost_lines = st.builds(
    CostLine, ids, st.sampled_from(CostKind), money,
    st.decimals(allow_nan=False, allow_infinity=False), text, text, text,
)
passages = st.builds(
    ScoredPassage,
    st.builds(Passage, ids, text, text, st.sampled_from(GradeBand), text, text, text),
    floats,
)
scripts = st.builds(
    LessonScript, text, text,
    st.lists(st.builds(LessonSection, text, text, st.lists(ids, max_size=3).map(tuple)), max_size=3).map(tuple),
    text,
    st.lists(st.builds(QuizItem, text, st.lists(text, max_size=4).map(tuple), text, text), max_size=3).map(tuple),
    text, text,
    st.lists(st.builds(Slide, text, st.lists(text, max_size=5).map(tuple)), max_size=3).map(tuple),
)
artifacts = st.builds(Artifact, st.sampled_from(Modality), text, ids, text, st.integers(0, 2**40), text, text)

groundings = st.builds(
    GroundingReport, floats,
    st.lists(st.builds(SentenceSupport, text, st.none() | ids, floats), max_size=3).map(tuple),
    st.lists(text, max_size=2).map(tuple),
)
checks = st.none() | st.tuples(st.builds(ReadingLevel, floats, floats, floats, st.integers(0, 5)),
                               st.none() | groundings)


def _with_check(lesson: LessonRequest, check: tuple[ReadingLevel, GroundingReport | None] | None) -> LessonRequest:
    """The check stage records the reading level and the grounding report together (one JSON document)."""
    if check is not None:
        lesson.reading_level, lesson.grounding = check
    return lesson


base_lessons = st.builds(
    LessonRequest,
    id=st.uuids(), owner_id=st.uuids(), requested_by=st.uuids(), spec=specs,
    created_at=utc_times, updated_at=utc_times,
    status=st.sampled_from(LessonStatus), current_stage=st.none() | st.sampled_from(StageName),
    stages=stage_records, attempt=st.integers(0, 100), deliveries=st.integers(0, 100),
    version=st.integers(0, 10**6), failure=st.none() | failures, rejection_reason=st.none() | text,
    ledger=st.lists(cost_lines, max_size=4).map(lambda lines: CostLedger(tuple(lines))),
    understanding=st.none() | st.builds(Understanding, text, text, text, text),
    passages=st.lists(passages, max_size=3).map(tuple), script=st.none() | scripts,
    artifacts=st.lists(artifacts, max_size=3).map(tuple),
    idempotency_key=st.none() | ids, fingerprint=text, not_before=st.none() | utc_times,
    trace_id=st.none() | st.from_regex(r"[A-Za-z0-9._-]{8,64}", fullmatch=True),
)
lessons = st.tuples(base_lessons, checks).map(lambda pair: _with_check(*pair))


def _through_json(row: dict[str, Any]) -> dict[str, Any]:
    """What a database hands back for JSON columns: the documents serialised and parsed again."""
    return {key: json.loads(json.dumps(value)) if key in JSON_COLUMNS else value for key, value in row.items()}


@settings(max_examples=200, deadline=None)
@given(lessons)
def test_every_lesson_survives_the_row_mapping_and_json(lesson: LessonRequest) -> None:
    row = lesson_to_row(lesson)
    assert set(row) == {c.name for c in lesson_requests.columns} - {"lease_owner", "lease_expires_at"}
    assert lesson_from_row(_through_json(row)) == lesson


@given(utc_times, st.uuids())
@pytest.mark.req("RDS-004")
def test_a_cursor_round_trips(created_at: datetime, lesson_id: Any) -> None:
    cursor = KeysetCursor(created_at, lesson_id)
    assert KeysetCursor.decode(cursor.encode()) == cursor
