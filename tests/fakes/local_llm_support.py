"""Local-model settings and adapters pointed at the chat-completions fake, and briefs built on real teaching units."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from application.ports.script_writer import ScriptBrief
from domain.chunking import chunk_document
from domain.grade_level import GradeLevel
from domain.interest import Interest
from domain.passage import Passage, ScoredPassage
from domain.teaching_unit import TeachingUnit
from domain.understanding import Understanding
from infrastructure.config.local_llm_settings import LocalLlmSettings
from infrastructure.container.local_llm import LocalLlm
from infrastructure.curriculum.front_matter_parser import FrontMatterParser
from infrastructure.resilience.circuit_breakers import BreakerBoard
from tests.fakes.openai_chat_fake import OpenAiChatFake

MODEL = "llama3.2:3b"
CORPUS = Path(__file__).resolve().parents[2] / "corpus"
UNIT_FILES = ("science/3-5/sci-35-photosynthesis.md", "science/3-5/sci-35-food-chains.md")


def fake_settings(base_url: str, **overrides: object) -> LocalLlmSettings:
    """Settings that reach the fake: quick backoff, a short request timeout, two tries per call."""
    values: dict[str, object] = {
        "local_llm_url": base_url, "local_llm_model": MODEL, "local_llm_request_timeout_seconds": 1.0,
        "local_llm_stage_deadline_seconds": 30.0, "local_llm_max_attempts": 2,
        "local_llm_backoff_initial_seconds": 0.01, "local_llm_backoff_max_seconds": 0.05,
    }
    values.update(overrides)
    return LocalLlmSettings.model_validate(values)


def local_container(settings: LocalLlmSettings) -> LocalLlm:
    """The production local-model container over `settings`, with a breaker board that does not open in tests."""
    return LocalLlm(settings=settings, breakers=BreakerBoard(failures=50, reset_s=1.0))


@contextmanager
def running_fake() -> Iterator[OpenAiChatFake]:
    """A started fake, stopped afterwards."""
    fake = OpenAiChatFake().start()
    try:
        yield fake
    finally:
        fake.stop()


def unit_passages() -> tuple[tuple[Passage, TeachingUnit], ...]:
    """The photosynthesis and food-chain units of the shipped corpus, as retrieval returns them."""
    found = []
    for name in UNIT_FILES:
        document = FrontMatterParser().parse((CORPUS / name).read_text(encoding="utf-8"), name)
        (chunk,) = chunk_document(document)
        found.append((Passage(id=chunk.id, title=document.title, subject=document.subject,
                              grade_band=document.grade_band, topic=document.topic, text=chunk.text,
                              source=document.source), document.unit))
    return tuple(found)


def unit_brief(question: str = "How do plants make food?", interest: str | None = "soccer",
               reading_adjustment: int = 0) -> ScriptBrief:
    """A grade-4 science brief over two real units."""
    pairs = unit_passages()
    understanding = Understanding(normalized_query=question, subject="science", topic="photosynthesis",
                                  intent="explain")
    return ScriptBrief(understanding=understanding, grade=GradeLevel(4),
                       interest=Interest(interest) if interest else None,
                       passages=tuple(ScoredPassage(p, 0.9 - 0.1 * i) for i, (p, _) in enumerate(pairs)),
                       units={p.id: u for p, u in pairs}, reading_adjustment=reading_adjustment)
