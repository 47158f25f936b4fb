"""`lessonsmith corpus validate PATH`: check every unit without touching the database, listing each bad one."""

import argparse
from pathlib import Path

from application.errors import InvalidDocument
from infrastructure.curriculum.corpus_files import document_paths
from infrastructure.curriculum.front_matter_parser import FrontMatterParser


def unit_problems(path: Path) -> tuple[int, list[str]]:
    """How many units under `path` are valid, and one line per problem (a bad field, a reused id, an id that
    does not match its file name)."""
    parser, seen, problems, valid = FrontMatterParser(), dict[str, Path](), list[str](), 0
    for file in document_paths(path):
        try:
            document = parser.parse(file.read_text(encoding="utf-8"), str(file))
        except InvalidDocument as error:
            problems.append(f"{error.origin}: {error.field}: {error.message}")
            continue
        except UnicodeDecodeError:
            problems.append(f"{file}: document: is not UTF-8 text")
            continue
        if document.id != file.stem:
            problems.append(f"{file}: id: {document.id!r} differs from the file name")
        elif document.id in seen:
            problems.append(f"{file}: id: {document.id!r} is also used by {seen[document.id]}")
        else:
            seen[document.id] = file
            valid += 1
    return valid, problems


async def validate(args: argparse.Namespace) -> int:
    """Print every problem and exit 1, or the count of valid units and exit 0."""
    valid, problems = unit_problems(args.path)
    for line in problems:
        print(line)
    if problems:
        print(f"{len(problems)} problem(s); {valid} valid unit(s)")
        return 1
    print(f"{valid} valid unit(s)")
    return 0
