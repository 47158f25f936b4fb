"""The generators container: the providers behind the generative ports (offline by default)."""

from dependency_injector import containers, providers

from domain.modality import Modality
from infrastructure.offline.keyword_content_screen import KeywordContentScreen
from infrastructure.offline.keyword_passage_index import KeywordPassageIndex
from infrastructure.offline.keyword_query_classifier import KeywordQueryClassifier
from infrastructure.offline.offline_script_writer import OfflineScriptWriter
from infrastructure.offline.passage_catalog import load_builtin_catalogue


class Generators(containers.DeclarativeContainer):
    """Offline, $0 providers; `available_modalities` lists the modalities that have a provider."""

    catalogue = providers.Singleton(load_builtin_catalogue)
    passage_index = providers.Singleton(KeywordPassageIndex, catalogue.provided.passages, catalogue.provided.keywords)
    classifier = providers.Singleton(KeywordQueryClassifier, catalogue.provided.passages, catalogue.provided.keywords)
    screen = providers.Singleton(KeywordContentScreen)
    script_writer = providers.Singleton(OfflineScriptWriter, catalogue.provided.keywords)
    available_modalities = providers.Object(frozenset({Modality.TEXT}))
