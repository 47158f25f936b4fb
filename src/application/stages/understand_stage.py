"""The understand stage: screen the question, then name its subject, topic and intent."""

from application.ports.content_screen import ContentScreen
from application.ports.query_classifier import QueryClassifier
from application.stages.stage_handler import StageOutcome
from domain.lesson_request import LessonRequest
from domain.stage import StageName


class UnderstandStage:
    """Rejects unsafe or out-of-scope questions with a readable reason; classifies the rest."""

    stage = StageName.UNDERSTAND

    def __init__(self, screen: ContentScreen, classifier: QueryClassifier) -> None:
        self._screen = screen
        self._classifier = classifier

    async def run(self, lesson: LessonRequest) -> StageOutcome:
        """Screen the question and the interest (both student text, only ever matched), then classify the query."""
        interest = lesson.spec.interest
        asked = lesson.spec.query.text if interest is None else f"{lesson.spec.query.text}\n{interest.value}"
        verdict = await self._screen.screen_request(asked)
        if not verdict.allowed:
            return StageOutcome(rejection=verdict.reason)
        understanding = await self._classifier.classify(lesson.spec.query.text, lesson.spec.grade.band)
        lesson.record_understanding(understanding)
        return StageOutcome()
