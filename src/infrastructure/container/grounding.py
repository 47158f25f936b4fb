"""The grounding container: the embedding model, the curriculum corpus and the passage index over it."""

from pathlib import Path

from dependency_injector import containers, providers
from sqlalchemy.ext.asyncio import AsyncEngine

from application.ports.embedder import Embedder
from application.ports.passage_index import PassageIndex
from infrastructure.config.settings import AppSettings
from infrastructure.container.vertex import vertex_embedder
from infrastructure.curriculum.front_matter_parser import FrontMatterParser
from infrastructure.embedding.minilm_embedder import MiniLmEmbedder
from infrastructure.embedding.recent_embeddings import RecentEmbeddings
from infrastructure.retrieval.centroid_query_classifier import CentroidQueryClassifier
from infrastructure.retrieval.corpus_cache import CorpusCache
from infrastructure.retrieval.numpy_passage_index import NumpyPassageIndex
from infrastructure.retrieval.pgvector_passage_index import PgvectorPassageIndex
from infrastructure.retrieval.snapshot_unit_library import SnapshotUnitLibrary
from infrastructure.vertex.vertex_embedding_model import VertexEmbeddingModel

REPOSITORY_CORPUS = Path(__file__).resolve().parents[3] / "corpus"


def make_passage_index(settings: AppSettings, engine: AsyncEngine, cache: CorpusCache,
                       embedder: Embedder) -> PassageIndex:
    """numpy over the in-process corpus when embedded; pgvector in PostgreSQL otherwise."""
    if settings.is_embedded:
        return NumpyPassageIndex(cache, embedder)
    return PgvectorPassageIndex(engine, embedder, cache)


def shipped_corpus(settings: AppSettings) -> Path | None:
    """The folder the embedded profile ingests at start-up: LESSONSMITH_CORPUS_DIR, else the repository's
    `corpus/` folder when it exists; None when auto-ingestion is off."""
    if not settings.corpus.corpus_auto_ingest:
        return None
    if settings.corpus.corpus_dir is not None:
        return settings.corpus.corpus_dir
    return REPOSITORY_CORPUS if REPOSITORY_CORPUS.is_dir() else None


class Grounding(containers.DeclarativeContainer):
    """Singletons: the model (LESSONSMITH_EMBEDDER: MiniLM in process, or Vertex AI) loads once per process,
    the corpus snapshot is shared by index and classifier."""

    settings = providers.Dependency(instance_of=AppSettings)
    gateways = providers.DependenciesContainer()

    embedder = providers.Selector(
        settings.provided.providers.embedder,
        minilm=providers.Singleton(RecentEmbeddings, providers.Singleton(MiniLmEmbedder)),
        vertex=providers.Singleton(RecentEmbeddings, providers.Singleton(
            VertexEmbeddingModel, providers.Singleton(vertex_embedder, settings.provided.vertex, gateways.breakers))))
    parser = providers.Singleton(FrontMatterParser)
    corpus_cache = providers.Singleton(CorpusCache, gateways.uow, dimension=embedder.provided.dimension,
                                       embedding_model=embedder.provided.model_name)
    passage_index = providers.Singleton(make_passage_index, settings, gateways.engine, corpus_cache, embedder)
    classifier = providers.Singleton(CentroidQueryClassifier, corpus_cache, embedder)
    unit_library = providers.Singleton(SnapshotUnitLibrary, corpus_cache)
    corpus_dir = providers.Callable(shipped_corpus, settings)
