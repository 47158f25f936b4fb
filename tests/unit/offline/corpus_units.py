"""The shipped teaching units (corpus/), parsed once, as the passages retrieval would return and their units."""

from functools import cache
from pathlib import Path

from domain.chunking import chunk_document
from domain.passage import Passage
from domain.teaching_unit import TeachingUnit
from infrastructure.curriculum.corpus_files import read_sources
from infrastructure.curriculum.front_matter_parser import FrontMatterParser

CORPUS_DIR = Path(__file__).resolve().parents[3] / "corpus"


@cache
def shipped_units() -> tuple[tuple[Passage, TeachingUnit], ...]:
    """Every shipped unit as (its passage, the unit), in file order."""
    parser, found = FrontMatterParser(), []
    for source in read_sources(CORPUS_DIR):
        document = parser.parse(source.text, source.origin)
        (chunk,) = chunk_document(document)
        found.append((Passage(id=chunk.id, title=document.title, subject=document.subject,
                              grade_band=document.grade_band, topic=document.topic, text=chunk.text,
                              source=document.source), document.unit))
    return tuple(found)


def shipped_unit(unit_id: str) -> tuple[Passage, TeachingUnit]:
    """One shipped unit by id."""
    return next(pair for pair in shipped_units() if pair[0].id == unit_id)
