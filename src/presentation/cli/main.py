"""`lessonsmith`: one entry point for operators and newcomers (DESIGN §7)."""

import argparse
import asyncio
import logging
import sys
from collections.abc import Coroutine, Sequence
from typing import Any

import uvloop

from application.errors import ApplicationError
from domain.errors import DomainError, InvalidValue
from infrastructure.container.gateway_factories import ConfigurationError
from infrastructure.observability.log_settings import LogSettings
from infrastructure.observability.logging_setup import configure_logging
from presentation.cli import (
    classes_commands,
    corpus_commands,
    db_commands,
    docs_commands,
    generate_command,
    serve_commands,
    user_commands,
)


class CliError(Exception):
    """A problem to report on one line of stderr."""


def build_parser() -> argparse.ArgumentParser:
    """The full command tree."""
    parser = argparse.ArgumentParser(prog="lessonsmith", description="Personalized, grounded lessons.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log at debug level")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    serve_commands.register(commands)
    db_commands.register(commands)
    user_commands.register(commands)
    classes_commands.register(commands)
    generate_command.register(commands)
    corpus_commands.register(commands)
    docs_commands.register(commands)
    return parser


def _describe(error: BaseException) -> str:
    if isinstance(error, InvalidValue):
        return f"{error.field}: {error.message}"
    return str(error) or type(error).__name__


LONG_RUNNING = frozenset({"serve", "worker"})


def _configure_logging(args: argparse.Namespace) -> None:
    """structlog for every command: info for the servers, warnings only for one-shot commands; -v: debug."""
    settings = LogSettings()
    default = "info" if args.command in LONG_RUNNING else "warning"
    name = "debug" if args.verbose else settings.log_level or default
    json_output = None if settings.log_format == "auto" else settings.log_format == "json"
    configure_logging(json_output=json_output, level=logging.getLevelNamesMapping()[name.upper()])


def _run(coroutine: Coroutine[Any, Any, Any], command: str) -> Any:
    """Run a command's coroutine; `serve` runs on uvloop (uvicorn does not replace a loop that is already
    running, so this is where the server's loop is chosen)."""
    if command == "serve":
        with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
            return runner.run(coroutine)
    return asyncio.run(coroutine)


def main(argv: Sequence[str] | None = None) -> int:
    """Parse, run, and turn every expected error into one line on stderr and a non-zero exit."""
    args = build_parser().parse_args(argv)
    try:
        _configure_logging(args)
        result = args.run(args)
        code = _run(result, args.command) if asyncio.iscoroutine(result) else result
    except KeyboardInterrupt:
        return 130
    except (ApplicationError, DomainError, ConfigurationError, CliError, OSError, ValueError) as error:
        print(f"lessonsmith: error: {_describe(error)}", file=sys.stderr)
        return 1
    return int(code or 0)


if __name__ == "__main__":
    sys.exit(main())
