"""SupportScorer port: how well curriculum passages support each sentence of a lesson."""

from collections.abc import Sequence
from typing import Protocol

from domain.grounding import SentenceSupport
from domain.passage import Passage


class SupportScorer(Protocol):
    """Maps sentences to the passage that supports each best, with a score in 0–1 (1 = fully stated there).
    Raises UpstreamError when a model it uses fails."""

    async def score(self, sentences: Sequence[str], passages: Sequence[Passage]) -> tuple[SentenceSupport, ...]:
        """One SentenceSupport per sentence, in order."""
        ...
