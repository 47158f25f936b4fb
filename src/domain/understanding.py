"""What the understand stage made of a student's question."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Understanding:
    """The normalised query with its subject, topic and intent."""

    normalized_query: str
    subject: str
    topic: str
    intent: str
