"""The retrieve stage: find the curriculum passages the lesson will be grounded in."""

from application.errors import StageFailed
from application.ports.passage_index import PassageIndex
from application.stages.stage_handler import StageOutcome
from domain.lesson_request import LessonRequest
from domain.stage import StageName

NO_MATERIAL = (
    "We could not find curriculum material about that question yet. "
    "Try asking about a school subject such as science, math, history or reading."
)


class RetrieveStage:
    """Searches by subject first, then across subjects; a question with no material is rejected kindly."""

    stage = StageName.RETRIEVE

    def __init__(self, index: PassageIndex, k: int = 5) -> None:
        self._index = index
        self._k = k

    async def run(self, lesson: LessonRequest) -> StageOutcome:
        """Record the top passages, best first."""
        if lesson.understanding is None:
            raise StageFailed("missing_input", "the understand stage has not run", retryable=False)
        query, band = lesson.understanding.normalized_query, lesson.spec.grade.band
        subject = lesson.understanding.subject if lesson.understanding.subject != "general" else None
        version = await self._index.corpus_version()
        found = await self._index.search(query, band, subject, self._k)
        if not found and subject is not None:
            found = await self._index.search(query, band, None, self._k)
        if not found:
            return StageOutcome(rejection=NO_MATERIAL)
        lesson.record_passages(found, version)
        return StageOutcome()
