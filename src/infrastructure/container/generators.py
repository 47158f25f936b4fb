"""The generators container: the providers behind the generative ports (offline by default)."""

from dependency_injector import containers, providers

from domain.modality import Modality
from infrastructure.grounding_check.hybrid_support_scorer import HybridSupportScorer
from infrastructure.offline.keyword_content_screen import KeywordContentScreen
from infrastructure.offline.offline_script_writer import OfflineScriptWriter


class Generators(containers.DeclarativeContainer):
    """Offline, $0 providers; `available_modalities` lists the modalities that have a provider.

    The passage index and the query classifier are the grounding container's (embeddings over the corpus).
    """

    grounding = providers.DependenciesContainer()
    passage_index = grounding.passage_index
    classifier = grounding.classifier
    screen = providers.Singleton(KeywordContentScreen)
    script_writer = providers.Singleton(OfflineScriptWriter, grounding.keywords)
    support_scorer = providers.Singleton(HybridSupportScorer, grounding.embedder)
    available_modalities = providers.Object(frozenset({Modality.TEXT}))
