"""Reading curriculum documents from a file or a folder of Markdown files."""

from pathlib import Path

from application.errors import InvalidDocument
from application.use_cases.ingest_curriculum import DocumentSource
from domain.curriculum_document import MAX_DOCUMENT_BYTES

SKIPPED_NAMES = frozenset({"readme.md"})


def document_paths(path: Path) -> list[Path]:
    """`path` itself, or every `*.md` below it except READMEs, in a stable order."""
    if path.is_dir():
        return sorted(p for p in path.rglob("*.md") if p.is_file() and p.name.lower() not in SKIPPED_NAMES)
    if path.is_file():
        return [path]
    raise InvalidDocument(str(path), "path", "not_found", "no such file or folder")


def read_sources(path: Path) -> tuple[DocumentSource, ...]:
    """The documents under `path` as UTF-8 text; a file over the size limit is refused before it is read."""
    sources = []
    for file in document_paths(path):
        if file.stat().st_size > MAX_DOCUMENT_BYTES:
            raise InvalidDocument(str(file), "document", "too_large", f"is larger than {MAX_DOCUMENT_BYTES:,} bytes")
        try:
            text = file.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise InvalidDocument(str(file), "document", "invalid_encoding", "is not UTF-8 text") from None
        sources.append(DocumentSource(origin=str(file), text=text))
    if not sources:
        raise InvalidDocument(str(path), "path", "empty", "holds no Markdown (*.md) document")
    return tuple(sources)
