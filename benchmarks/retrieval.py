"""Retrieval quality and speed: the labelled set on every index, and pgvector HNSW at 100k chunks.

Run: .venv/bin/python -m benchmarks.retrieval [--corpus-db PATH] [--chunks 100000] [--skip-scale]

Part 1 prints the query embedding time, then recall@5, MRR and p50/p95 search latency (without it) for
keyword-only, semantic-only and hybrid ranking on the numpy index and on pgvector. `--corpus-db` reuses a
SQLite database that already holds the ingested corpus (e.g. ./var/lessonsmith.db); without it the corpus
is embedded first (minutes on two cores). Part 2 loads synthetic CLUSTERED unit vectors into
`curriculum_chunks` with the production HNSW index (m=16, ef_construction=64) and prints query latency and
recall@10 against exact search. Needs PostgreSQL with pgvector at 127.0.0.1:5432 (scripts/install_pgvector.sh).
"""

import argparse
import asyncio
import secrets
import statistics
import tempfile
import time
from pathlib import Path

import asyncpg
import numpy as np
from pgvector.asyncpg import register_vector
from tests.corpus_support import REPOSITORY_CORPUS, MemoEmbedder, build_corpus_database, prime_from, shared_embedder
from tests.unit.stage_fakes import FakeIndex

from application.use_cases.ingest_curriculum import IngestCurriculum, IngestCurriculumCommand
from benchmarks.retrieval_metrics import EvalQuery, evaluate, load_eval_set
from domain.grade_level import GradeLevel
from infrastructure.curriculum.corpus_files import read_sources
from infrastructure.curriculum.front_matter_parser import FrontMatterParser
from infrastructure.persistence import SqlaUnitOfWorkFactory, create_engine, upgrade_database
from infrastructure.retrieval.corpus_cache import CorpusCache
from infrastructure.retrieval.hybrid_ranker import RankingWeights
from infrastructure.retrieval.numpy_passage_index import NumpyPassageIndex
from infrastructure.retrieval.pgvector_passage_index import PgvectorPassageIndex
from infrastructure.system.system_clock import SystemClock

SERVER = "postgresql://postgres@127.0.0.1:5432"
MODES = {"keyword-only": RankingWeights.keyword_only(), "semantic-only": RankingWeights.semantic_only(),
         "hybrid": RankingWeights()}


def _searcher(index: NumpyPassageIndex | PgvectorPassageIndex):  # type: ignore[no-untyped-def]
    async def search(item: EvalQuery, k: int) -> list[str]:
        return [p.passage.id for p in await index.search(item.query, GradeLevel(item.grade_level).band, None, k)]
    return search


async def _admin(sql: str) -> None:
    connection = await asyncpg.connect(f"{SERVER}/postgres")
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


async def labelled_set(corpus_db: Path | None) -> None:
    """Part 1: every index and mode on the labelled queries."""
    queries = load_eval_set()
    with tempfile.TemporaryDirectory() as folder:
        database = corpus_db or await build_corpus_database(Path(folder))
        memo = shared_embedder()
        await prime_from(database, memo)
        model = memo.model
        timings = []
        for item in queries:  # the model for real; the memo then serves these vectors to the indexes
            started = time.perf_counter()
            memo.remember(item.query, (await model.embed([item.query]))[0])
            timings.append((time.perf_counter() - started) * 1000)
        cuts = statistics.quantiles(timings, n=100)
        print(f"query embedding (MiniLM on numpy): p50 {cuts[49]:.2f} ms  p95 {cuts[94]:.2f} ms; "
              "the search latencies below exclude it")
        sqlite = create_engine(f"sqlite+aiosqlite:///{database}")
        name = f"lessonsmith_bench_{secrets.token_hex(4)}"
        await _admin(f'CREATE DATABASE "{name}"')
        pg_url = f"postgresql+asyncpg://postgres@127.0.0.1:5432/{name}"
        try:
            await upgrade_database(pg_url)
            pg = create_engine(pg_url)
            await _copy_corpus(pg_url, memo)
            cache = CorpusCache(SqlaUnitOfWorkFactory(sqlite), memo.dimension)
            print(f"{len((await cache.current()).passages)} chunks, {len(queries)} labelled queries "
                  f"({sum(q.paraphrase for q in queries)} paraphrases)")
            for mode, weights in MODES.items():
                for label, index in (("numpy", NumpyPassageIndex(cache, memo, weights)),
                                     ("pgvector", PgvectorPassageIndex(pg, memo, cache, weights))):
                    report = await evaluate(_searcher(index), queries)
                    para = await evaluate(_searcher(index), [q for q in queries if q.paraphrase])
                    print(report.line(f"{label} {mode}") + f"  paraphrase recall@5 {para.recall:.3f}")
            await pg.dispose()
        finally:
            await sqlite.dispose()
            await _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def _copy_corpus(pg_url: str, memo: MemoEmbedder) -> None:
    """Ingest the shipped corpus into PostgreSQL with the vectors the memo already holds."""
    engine = create_engine(pg_url)
    try:
        ingest = IngestCurriculum(SqlaUnitOfWorkFactory(engine), SystemClock(), FrontMatterParser(), memo,
                                  FakeIndex())
        await ingest.execute(IngestCurriculumCommand(actor=None, sources=read_sources(REPOSITORY_CORPUS)))
    finally:
        await engine.dispose()


def clustered_vectors(count: int, clusters: int, dimension: int, rng: np.random.Generator) -> np.ndarray:
    """Unit vectors around `clusters` random centres (cosine to their centre ≈ 0.6–0.8), like embeddings."""
    centres = rng.normal(size=(clusters, dimension)).astype(np.float32)
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    points = centres[rng.integers(0, clusters, size=count)] + rng.normal(scale=0.045, size=(count, dimension))
    return (points / np.linalg.norm(points, axis=1, keepdims=True)).astype(np.float32)


async def at_scale(chunks: int, queries: int = 200) -> None:
    """Part 2: HNSW latency and recall@10 against exact search on synthetic clustered vectors."""
    rng = np.random.default_rng(7)
    data = clustered_vectors(chunks + queries, clusters=max(10, chunks // 100), dimension=384, rng=rng)
    base, probes = data[:chunks], data[chunks:]
    print(f"\n{chunks:,} synthetic clustered vectors (mean cosine to nearest neighbour "
          f"{float(np.sort(probes[:20] @ base.T, axis=1)[:, -1].mean()):.2f})")
    started = time.perf_counter()
    exact = np.argsort(-(probes @ base.T), axis=1)[:, :10]
    print(f"numpy exact top-10: {(time.perf_counter() - started) * 1000 / queries:.2f} ms per query (batched)")
    single = []
    for probe in probes[:50]:
        t0 = time.perf_counter()
        np.argpartition(-(base @ probe), 10)[:10]
        single.append((time.perf_counter() - t0) * 1000)
    print(f"numpy exact top-10, one query at a time: p50 {statistics.median(single):.2f} ms")
    name = f"lessonsmith_scale_{secrets.token_hex(4)}"
    await _admin(f'CREATE DATABASE "{name}"')
    try:
        await upgrade_database(f"postgresql+asyncpg://postgres@127.0.0.1:5432/{name}")
        connection = await asyncpg.connect(f"{SERVER}/{name}")
        await register_vector(connection)
        await connection.execute("DROP INDEX ix_curriculum_chunks_embedding_hnsw")
        await connection.execute(
            "INSERT INTO curriculum_documents (id, title, subject, grade_band, topic, keywords, source, licence, "
            "content_hash, updated_at) VALUES ('synthetic', 'synthetic', 'science', '3-5', 'synthetic', '[]', "
            "'benchmark', 'none', 'x', now())")
        t0 = time.perf_counter()
        await connection.copy_records_to_table(
            "curriculum_chunks", columns=["id", "document_id", "ordinal", "text", "embedding"],
            records=((f"s{i}", "synthetic", i, "synthetic", base[i]) for i in range(chunks)))
        print(f"loaded in {time.perf_counter() - t0:.1f} s")
        t0 = time.perf_counter()
        await connection.execute("SET maintenance_work_mem = '512MB'")
        await connection.execute("CREATE INDEX ix_curriculum_chunks_embedding_hnsw ON curriculum_chunks "
                                 "USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64)")
        print(f"HNSW (m=16, ef_construction=64) built in {time.perf_counter() - t0:.1f} s")
        await connection.execute("ANALYZE curriculum_chunks")
        for ef_search in (40, 100):
            await connection.execute(f"SET hnsw.ef_search = {ef_search}")
            latencies, recalls = [], []
            for probe, truth in zip(probes, exact, strict=True):
                t0 = time.perf_counter()
                rows = await connection.fetch(
                    "SELECT ordinal FROM curriculum_chunks ORDER BY embedding <=> $1 LIMIT 10", probe)
                latencies.append((time.perf_counter() - t0) * 1000)
                recalls.append(len({r["ordinal"] for r in rows} & set(truth.tolist())) / 10)
            cuts = statistics.quantiles(latencies, n=100)
            print(f"pgvector HNSW ef_search={ef_search:<3} p50 {cuts[49]:.2f} ms  p95 {cuts[94]:.2f} ms  "
                  f"recall@10 vs exact {statistics.fmean(recalls):.3f}  (n={queries})")
        await connection.close()
    finally:
        await _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    """Parse options, run both parts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus-db", type=Path, help="a SQLite database with the corpus already ingested")
    parser.add_argument("--chunks", type=int, default=100_000)
    parser.add_argument("--skip-scale", action="store_true")
    parser.add_argument("--skip-labelled", action="store_true")
    args = parser.parse_args()
    if not args.skip_labelled:
        asyncio.run(labelled_set(args.corpus_db))
    if not args.skip_scale:
        asyncio.run(at_scale(args.chunks))


if __name__ == "__main__":
    main()
