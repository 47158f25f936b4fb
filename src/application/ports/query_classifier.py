"""QueryClassifier port: what a student's question is about."""

from typing import Protocol

from domain.grade_level import GradeBand
from domain.understanding import Understanding


class QueryClassifier(Protocol):
    """Normalises the query and names its subject, topic and intent. Raises UpstreamError."""

    async def classify(self, query: str, grade_band: GradeBand) -> Understanding:
        """The understanding of `query`; the subject is "general" when nothing fits."""
        ...
