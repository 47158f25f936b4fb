"""SearchCurriculum: the passages retrieval would ground a lesson in, with their scores."""

from dataclasses import dataclass

from application.ports.passage_index import PassageIndex
from domain.curriculum_document import parse_subject
from domain.errors import InvalidValue
from domain.grade_level import GradeLevel
from domain.passage import ScoredPassage
from domain.student_query import StudentQuery

MAX_K = 20


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchCurriculumQuery:
    """A search as a teacher or a student would type it."""

    query: str
    grade_level: int
    subject: str | None = None
    k: int = 5


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchCurriculumResult:
    """The passages, best first, and the corpus version they came from."""

    passages: tuple[ScoredPassage, ...]
    corpus_version: str


class SearchCurriculum:
    """Any signed-in user (and the operator's console) may search; nothing is written."""

    def __init__(self, index: PassageIndex) -> None:
        self._index = index

    async def execute(self, query: SearchCurriculumQuery) -> SearchCurriculumResult:
        """Validate, then search the index within the grade band (and subject, when given)."""
        text = StudentQuery(query.query).text
        grade = GradeLevel(query.grade_level)
        subject = parse_subject(query.subject) if query.subject is not None else None
        if isinstance(query.k, bool) or not isinstance(query.k, int) or not 1 <= query.k <= MAX_K:
            raise InvalidValue("k", "out_of_range", f"must be between 1 and {MAX_K}")
        version = await self._index.corpus_version()
        passages = await self._index.search(text, grade.band, subject, query.k)
        return SearchCurriculumResult(passages=passages, corpus_version=version)
