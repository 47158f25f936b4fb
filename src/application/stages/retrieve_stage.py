"""The retrieve stage: find the teaching units the lesson will be grounded in, or say honestly that none does."""

from application.errors import StageFailed
from application.ports.passage_index import PassageIndex
from application.stages.stage_handler import StageOutcome
from domain.coverage import CoveragePolicy, suggestions_from
from domain.lesson_request import LessonRequest
from domain.stage import StageName

NO_MATERIAL = (
    "We could not find anything in our curriculum that is like this question. "
    "Try asking about a school subject such as science, math, history or reading."
)


class RetrieveStage:
    """Searches by subject first, then across subjects. Only passages the coverage policy allows (similar
    enough, at most one band away) are kept; when none is, the lesson ends `not_covered` with up to three nearby
    topics, before anything is paid for. A question nothing in the corpus resembles at all (not a school topic)
    is rejected kindly."""

    stage = StageName.RETRIEVE

    def __init__(self, index: PassageIndex, policy: CoveragePolicy, k: int = 5) -> None:
        self._index = index
        self._policy = policy
        self._k = k

    async def run(self, lesson: LessonRequest) -> StageOutcome:
        """Record the teachable passages, best first."""
        if lesson.understanding is None:
            raise StageFailed("missing_input", "the understand stage has not run", retryable=False)
        query, band = lesson.understanding.normalized_query, lesson.spec.grade.band
        subject = lesson.understanding.subject if lesson.understanding.subject != "general" else None
        version = await self._index.corpus_version()
        found = await self._index.search(query, band, subject, self._k)
        teachable = self._policy.teachable(found, band)
        if not teachable and subject is not None:
            wider = await self._index.search(query, band, None, self._k)
            found, teachable = found or wider, self._policy.teachable(wider, band)
        if teachable:
            lesson.record_passages(teachable, version)
            return StageOutcome()
        if not found:
            return StageOutcome(rejection=NO_MATERIAL)
        return StageOutcome(not_covered=suggestions_from(found))
