"""The DocumentParser for Markdown files with a YAML front matter block between `---` lines."""

import re
from typing import Any

import yaml

from application.errors import InvalidDocument
from application.ports.document_parser import DocumentParser
from domain.curriculum_document import CurriculumDocument
from domain.errors import InvalidValue
from infrastructure.curriculum.unit_reader import read_unit

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<meta>.*?)\n---[ \t]*(?:\n(?P<body>.*))?\Z", re.DOTALL)
REQUIRED_FIELDS = ("id", "title", "subject", "grade_band", "topic", "source", "licence")
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class FrontMatterParser(DocumentParser):
    """Reads a teaching unit: `---`-fenced YAML metadata and parts (id, title, subject, grade_band, topic,
    keywords, source, licence, questions, key_terms, misconceptions, example, quiz) and the Markdown body
    after it (`## Answer`, then explanation blocks); every error names the document and the field."""

    def parse(self, text: str, origin: str) -> CurriculumDocument:
        """The validated document; InvalidDocument otherwise."""
        match = _FRONT_MATTER.match(text.removeprefix("\ufeff").replace("\r\n", "\n"))
        if match is None:
            raise InvalidDocument(origin, "front_matter", "missing",
                                  "must start with a front matter block between two '---' lines")
        meta = self._metadata(match["meta"], origin)
        missing = [name for name in REQUIRED_FIELDS if meta.get(name) in (None, "")]
        if missing:
            raise InvalidDocument(origin, missing[0], "missing", "is required in the front matter")
        keywords = meta.get("keywords") or []
        if not isinstance(keywords, list):
            raise InvalidDocument(origin, "keywords", "invalid_format", "must be a list such as [word, other word]")
        try:
            return CurriculumDocument(
                id=str(meta["id"]), title=str(meta["title"]), subject=str(meta["subject"]),
                grade_band=str(meta["grade_band"]),  # type: ignore[arg-type]  # validated into a GradeBand
                topic=str(meta["topic"]), keywords=tuple(str(k) for k in keywords), source=str(meta["source"]),
                licence=str(meta["licence"]), body=match["body"] or "", unit=read_unit(meta, match["body"] or ""),
            )
        except InvalidValue as error:
            raise InvalidDocument(origin, error.field, error.code, error.message) from None

    @staticmethod
    def _metadata(block: str, origin: str) -> dict[str, Any]:
        try:
            meta = yaml.load(block, Loader=_Loader)  # noqa: S506 - a safe loader
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f" (line {mark.line + 2})" if mark is not None else ""
            raise InvalidDocument(origin, "front_matter", "invalid_yaml", f"is not valid YAML{where}") from None
        if not isinstance(meta, dict):
            raise InvalidDocument(origin, "front_matter", "invalid_format", "must be a block of `name: value` lines")
        return meta
