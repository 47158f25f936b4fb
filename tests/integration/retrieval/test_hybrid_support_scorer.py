"""HybridSupportScorer with the real MiniLM model: quotes score lexically, paraphrases through the model,
unsupported claims stay low either way."""

from collections.abc import Sequence

import pytest

from application.errors import UpstreamError
from application.ports.embedder import Embedder, Embedding
from application.stages.check_stage import SUPPORT_THRESHOLD as THRESHOLD
from domain.grade_level import GradeBand
from domain.passage import Passage
from infrastructure.grounding_check.hybrid_support_scorer import LEXICAL_SURE, HybridSupportScorer
from tests.corpus_support import shared_embedder

pytestmark = pytest.mark.req("RDS-012")

PASSAGE = Passage(
    id="sci-photosynthesis", title="How plants make food", subject="science", grade_band=GradeBand.G3_5,
    topic="photosynthesis",
    text=("Plants make their own food through photosynthesis. Leaves hold chlorophyll, which captures the energy "
          "of sunlight. The plant turns water and carbon dioxide into sugar and releases oxygen. A large tree can "
          "release about 100 kilograms of oxygen in a year."),
)


async def test_quotes_and_plain_rewordings_score_lexically() -> None:
    embedder = shared_embedder()
    computed = embedder.computed
    (quote, plain) = await HybridSupportScorer(shared_embedder()).score(
        ["Plants make their own food through photosynthesis.", "Leaves hold chlorophyll. This catches sunlight."],
        [PASSAGE])
    assert quote.score == 1.0 and quote.passage_id == PASSAGE.id
    assert plain.score >= LEXICAL_SURE
    assert embedder.computed == computed  # no doubtful sentence, so the model was not asked


async def test_a_paraphrase_is_supported_through_the_model() -> None:
    paraphrase = ["Green leaves trap light from the sun."]
    (lexical_only,) = await HybridSupportScorer(None).score(paraphrase, [PASSAGE])
    (hybrid,) = await HybridSupportScorer(shared_embedder()).score(paraphrase, [PASSAGE])
    assert lexical_only.score < THRESHOLD <= hybrid.score
    assert hybrid.passage_id == PASSAGE.id


async def test_unsupported_claims_and_wrong_numbers_stay_below_the_threshold() -> None:
    scorer = HybridSupportScorer(shared_embedder())
    invented, wrong_number, moonlight = await scorer.score(
        ["The Roman Empire built roads across Europe.", "A large tree can release about 900 kilograms of oxygen.",
         "Plants make food at night from moonlight."],
        [PASSAGE])
    assert invented.score < THRESHOLD and invented.passage_id is None
    assert wrong_number.score < THRESHOLD
    assert moonlight.score < THRESHOLD


class BrokenEmbedder(Embedder):
    """A model that fails the way the MiniLM adapter reports failures."""

    model_name = "broken"
    dimension = 384

    async def embed(self, texts: Sequence[str]) -> tuple[Embedding, ...]:
        raise UpstreamError("embedding_failed", "the model failed", retryable=True)


async def test_a_failing_model_is_an_upstream_error() -> None:
    with pytest.raises(UpstreamError):
        await HybridSupportScorer(BrokenEmbedder()).score(["Dragons breathe fire."], [PASSAGE])
