"""Fakes of the generative ports and the artifact store, for stage-runner tests."""

import hashlib
from collections.abc import AsyncIterator, Mapping, Sequence
from decimal import Decimal

from application.errors import ArtifactNotFound, StageFailed
from application.ports.artifact_store import ArtifactStore, StoredObject
from application.ports.content_screen import ContentScreen, ScreenVerdict
from application.ports.cost_estimator import CostEstimator
from application.ports.passage_index import PassageIndex
from application.ports.query_classifier import QueryClassifier
from application.ports.script_writer import ScriptBrief, ScriptWriter, WrittenScript
from application.ports.support_scorer import SupportScorer
from application.ports.unit_library import UnitLibrary
from domain.cost_ledger import CostKind, CostLine
from domain.grade_level import GradeBand
from domain.grounding import SentenceSupport
from domain.lesson_request import LessonSpec
from domain.lesson_script import LessonScript, LessonSection, QuizItem, Slide
from domain.money import Money
from domain.passage import Passage, ScoredPassage
from domain.stage import StageName
from domain.stage_plan import StagePlan
from domain.teaching_unit import TeachingUnit
from domain.understanding import Understanding

PASSAGE = Passage(id="sci-35-photosynthesis", title="How plants make food", subject="science",
                  grade_band=GradeBand.G3_5, topic="photosynthesis",
                  text="Plants use sunlight, water and air to make sugar. This is called photosynthesis.")


class FakeScreen(ContentScreen):
    """Refuses any text containing a blocked word."""

    def __init__(self, blocked: str = "forbidden") -> None:
        self.blocked = blocked

    async def screen_request(self, text: str) -> ScreenVerdict:
        if self.blocked in text.lower():
            return ScreenVerdict(False, "unsafe", "We can't help with that question.")
        return ScreenVerdict(True)

    async def screen_output(self, text: str) -> ScreenVerdict:
        return await self.screen_request(text)


class FakeClassifier(QueryClassifier):
    """Everything is science."""

    async def classify(self, query: str, grade_band: GradeBand) -> Understanding:
        return Understanding(normalized_query=query, subject="science", topic="photosynthesis", intent="explain")


class FakeIndex(PassageIndex):
    """Returns the given passages for every query; remembers being refreshed."""

    def __init__(self, passages: tuple[Passage, ...] = (PASSAGE,)) -> None:
        self.passages = passages
        self.refreshed = False

    async def search(self, query: str, grade_band: GradeBand, subject: str | None, k: int) -> tuple[ScoredPassage, ...]:
        return tuple(ScoredPassage(p, 1.0) for p in self.passages[:k])

    async def corpus_version(self) -> str:
        return f"fake-{len(self.passages)}"

    async def refresh(self) -> None:
        self.refreshed = True


class FakeUnitLibrary(UnitLibrary):
    """Knows the units it was given, by passage id (none by default: the fake writers need none)."""

    def __init__(self, units: Mapping[str, TeachingUnit] | None = None) -> None:
        self.units_by_id = dict(units or {})

    async def units(self, passage_ids: Sequence[str]) -> dict[str, TeachingUnit]:
        return {pid: self.units_by_id[pid] for pid in passage_ids if pid in self.units_by_id}


class FakeWriter(ScriptWriter):
    """Writes a fixed script citing the first passage; can be told to fail a number of times."""

    def __init__(self, failures: int = 0, retryable: bool = True, cite: str | None = None) -> None:
        self.failures = failures
        self.retryable = retryable
        self.cite = cite
        self.calls = 0

    async def write(self, brief: ScriptBrief) -> WrittenScript:
        self.calls += 1
        if self.calls <= self.failures:
            raise StageFailed("upstream_unavailable", "the model is down", retryable=self.retryable)
        cited = self.cite or brief.passages[0].passage.id
        script = LessonScript(
            title="How plants make food", hook="Plants are like tiny kitchens.",
            sections=(LessonSection("Sunlight", "Plants use sunlight to make sugar.", (cited,)),),
            worked_example="A leaf in the sun makes sugar.",
            quiz=(QuizItem("What do plants make?", ("sugar", "salt"), "sugar", "They make sugar."),),
            summary="Plants make food from light.", narration="Plants make food from light.",
            slides=(Slide("How plants make food", ("Sunlight", "Water")),))
        return WrittenScript(script, (CostLine("write", CostKind.SPENT, Money(0), Decimal(10), "words"),))


class FakeScorer(SupportScorer):
    """Supports every sentence fully unless told otherwise; remembers the sentences it was asked about."""

    def __init__(self, scores: dict[str, float] | None = None) -> None:
        self.scores = scores or {}
        self.asked: list[str] = []

    async def score(self, sentences: Sequence[str], passages: Sequence[Passage]) -> tuple[SentenceSupport, ...]:
        self.asked += sentences
        first = passages[0].id if passages else None
        return tuple(SentenceSupport(s, first, self.scores.get(s, 1.0)) for s in sentences)


class FakeEstimator(CostEstimator):
    """Every stage costs one cent at list price."""

    def estimate(self, spec: LessonSpec) -> tuple[CostLine, ...]:
        runs = StagePlan.for_modalities(spec.modalities).runs
        return tuple(CostLine(s.value, CostKind.ESTIMATE, Money(10_000)) for s in runs)

    def saved_by_skipping(self, stage: StageName, spec: LessonSpec) -> tuple[CostLine, ...]:
        return (CostLine(stage.value, CostKind.SAVED, Money(10_000), note=f"{stage.value} skipped"),)

    def saved_by_reuse(self, stage: StageName, spec: LessonSpec) -> tuple[CostLine, ...]:
        return (CostLine(stage.value, CostKind.SAVED, Money(10_000), note="reused"),)


class InMemoryArtifactStore(ArtifactStore):
    """Objects in a dict; counts writes so tests can prove write-once."""

    def __init__(self) -> None:
        self.objects: dict[str, bytes] = {}
        self.writes = 0

    async def put(self, key: str, data: bytes, content_type: str) -> StoredObject:
        if key not in self.objects:
            self.objects[key] = data
            self.writes += 1
        stored = self.objects[key]
        return StoredObject(key, len(stored), hashlib.sha256(stored).hexdigest())

    async def stat(self, key: str) -> StoredObject | None:
        data = self.objects.get(key)
        return None if data is None else StoredObject(key, len(data), hashlib.sha256(data).hexdigest())

    async def read(self, key: str) -> AsyncIterator[bytes]:
        if key not in self.objects:
            raise ArtifactNotFound(key)
        yield self.objects[key]

    async def signed_url(self, key: str, ttl_s: int) -> str | None:
        return None

    async def is_ready(self) -> bool:
        return True
