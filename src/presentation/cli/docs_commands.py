"""`lessonsmith docs regenerate` and `lessonsmith docs check` (DESIGN §9)."""

import argparse
import sys
from pathlib import Path
from typing import Any

from infrastructure.docs.generator import check_docs, regenerate_docs
from presentation.cli.docs_facts import collect_facts


def register(commands: "argparse._SubParsersAction[Any]") -> None:
    """Add the `docs` command group."""
    docs = commands.add_parser("docs", help="regenerate or check the generated parts of the docs")
    actions = docs.add_subparsers(dest="docs_command", required=True, metavar="ACTION")
    regenerate = actions.add_parser("regenerate", help="rewrite only the generated sections, from the code")
    regenerate.add_argument("--coverage", action="store_true",
                            help="also record this test run's coverage.json in docs/coverage.json")
    check = actions.add_parser("check", help="fail when the docs disagree with the code, requirements or tests")
    check.add_argument("--skip-coverage", action="store_true", help="do not compare the live coverage report")
    for action, run in ((regenerate, _regenerate), (check, _check)):
        action.add_argument("--root", type=Path, default=Path(), help="repository root (default: the current folder)")
        action.set_defaults(run=run)


def _regenerate(args: argparse.Namespace) -> int:
    changed = regenerate_docs(args.root, collect_facts(args.root), refresh_coverage=args.coverage)
    print("docs regenerate: " + (f"rewrote {', '.join(changed)}" if changed else "nothing changed"))
    return 0


def _check(args: argparse.Namespace) -> int:
    report = check_docs(args.root, collect_facts(args.root), live_coverage=not args.skip_coverage)
    if report.ok:
        print("docs check: ok\n" + "\n".join(f"  {line}" for line in report.summary))
        return 0
    for problem in report.problems:
        print(problem.render(), file=sys.stderr)
    print(f"docs check: {len(report.problems)} problem(s). Generated sections: `lessonsmith docs regenerate`; "
          "requirements, tests and budgets: fix as each line says.", file=sys.stderr)
    return 1
