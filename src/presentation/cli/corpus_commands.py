"""`lessonsmith corpus ingest PATH`, `lessonsmith corpus validate PATH` and
`lessonsmith corpus search "Q" [--grade N] [--k 5] [--json]`."""

import argparse
import json
from pathlib import Path
from typing import Any

from application.use_cases.ingest_curriculum import IngestCurriculumCommand
from application.use_cases.search_curriculum import SearchCurriculumQuery, SearchCurriculumResult
from infrastructure.container.application import build_container
from infrastructure.curriculum.corpus_files import read_sources
from presentation.cli.corpus_validate import validate
from presentation.runtime import start_services, stop_services

SNIPPET_CHARS = 160


def register(commands: "argparse._SubParsersAction[Any]") -> None:
    """Add the `corpus` command group."""
    corpus = commands.add_parser("corpus", help="the curriculum corpus lessons are grounded in")
    actions = corpus.add_subparsers(dest="corpus_command", required=True, metavar="ACTION")
    ingest = actions.add_parser("ingest", help="validate, chunk, embed and index a document or a folder of them")
    ingest.add_argument("path", type=Path)
    ingest.set_defaults(run=_ingest)
    check = actions.add_parser("validate", help="check every unit under a path without indexing it")
    check.add_argument("path", type=Path)
    check.set_defaults(run=validate)
    search = actions.add_parser("search", help="the passages retrieval would use, with their scores")
    search.add_argument("query")
    search.add_argument("--grade", type=int, default=5, help="0 (kindergarten) to 12 (default 5)")
    search.add_argument("--subject", help="science, mathematics, history or language arts")
    search.add_argument("--k", type=int, default=5, help="how many passages (1-20, default 5)")
    search.add_argument("--json", action="store_true", help="print the result as JSON")
    search.set_defaults(run=_search)


async def _ingest(args: argparse.Namespace) -> int:
    sources = read_sources(args.path)
    container = build_container()
    await start_services(container)
    try:
        result = await container.use_cases.ingest_curriculum().execute(
            IngestCurriculumCommand(actor=None, sources=sources))
    finally:
        await stop_services(container)
    print(f"{len(sources)} document(s): {len(result.added)} added, {len(result.replaced)} replaced, "
          f"{len(result.unchanged)} unchanged; {result.chunks_indexed} chunk(s) indexed; "
          f"corpus version {result.corpus_version}")
    return 0


async def _search(args: argparse.Namespace) -> int:
    container = build_container()
    await start_services(container)
    try:
        result = await container.use_cases.search_curriculum().execute(SearchCurriculumQuery(
            query=args.query, grade_level=args.grade, subject=args.subject, k=args.k))
    finally:
        await stop_services(container)
    if args.json:
        print(json.dumps(as_document(result), ensure_ascii=False))
    else:
        _print(result)
    return 0


def as_document(result: SearchCurriculumResult) -> dict[str, Any]:
    """The search result as the JSON the API returns."""
    return {
        "corpus_version": result.corpus_version,
        "items": [{"id": p.passage.id, "title": p.passage.title, "subject": p.passage.subject,
                   "grade_band": p.passage.grade_band.value, "topic": p.passage.topic, "score": p.score,
                   "source": p.passage.source, "text": p.passage.text} for p in result.passages],
    }


def _print(result: SearchCurriculumResult) -> None:
    if not result.passages:
        print("no passage is close enough to that question")
    for rank, found in enumerate(result.passages, start=1):
        p = found.passage
        snippet = p.text if len(p.text) <= SNIPPET_CHARS else p.text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
        print(f"{rank}. {found.score:.3f}  {p.id}  [{p.subject}, {p.grade_band.value}] {p.title}")
        print(f"   {snippet}")
    print(f"corpus version {result.corpus_version}")
