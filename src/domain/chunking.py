"""Splitting a curriculum document into citable chunks.

Passages are short, so a document is one chunk unless it runs past `max_words`; then it is split on
paragraph boundaries, long paragraphs on sentence boundaries, and each chunk after the first repeats the
last sentence of the one before (a small overlap, so no idea is cut from its context).
"""

import re
from dataclasses import dataclass

from domain.curriculum_document import CurriculumDocument

MAX_CHUNK_WORDS = 250
CHUNK_SEPARATOR = "#"
_PARAGRAPH = re.compile(r"\n\s*\n")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Chunk:
    """One citable piece of a document: its passage id, position and text."""

    id: str
    document_id: str
    ordinal: int
    text: str


def chunk_id(document_id: str, ordinal: int, count: int) -> str:
    """The passage id of a chunk: the document id alone for a one-chunk document, else `id#N` (from 1)."""
    return document_id if count == 1 else f"{document_id}{CHUNK_SEPARATOR}{ordinal + 1}"


def document_id_of(passage_id: str) -> str:
    """The document a passage id belongs to."""
    return passage_id.split(CHUNK_SEPARATOR, 1)[0]


def _words(text: str) -> int:
    return len(text.split())


def _sentences(paragraph: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(" ".join(paragraph.split())) if s.strip()]


def split_text(text: str, max_words: int = MAX_CHUNK_WORDS) -> list[str]:
    """The text as chunks of at most about `max_words` words, each later one opening with its
    predecessor's last sentence."""
    if _words(text) <= max_words:
        return [" ".join(text.split())]
    units = [s for paragraph in _PARAGRAPH.split(text) for s in _sentences(paragraph)]
    chunks: list[list[str]] = [[]]
    for sentence in units:
        current = chunks[-1]
        if current and _words(" ".join([*current, sentence])) > max_words:
            chunks.append([current[-1]] if _words(current[-1]) < max_words // 4 else [])
        chunks[-1].append(sentence)
    return [" ".join(c) for c in chunks if c]


def chunk_document(document: CurriculumDocument, max_words: int = MAX_CHUNK_WORDS) -> tuple[Chunk, ...]:
    """The document's chunks, in order, with their passage ids."""
    texts = split_text(document.body, max_words)
    return tuple(Chunk(chunk_id(document.id, n, len(texts)), document.id, n, text) for n, text in enumerate(texts))
