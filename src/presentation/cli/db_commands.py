"""`lessonsmith db upgrade` and `db downgrade REV`."""

import argparse
from typing import Any

from infrastructure.config.settings import AppSettings
from infrastructure.persistence.migrate import downgrade_database, upgrade_database


def register(commands: "argparse._SubParsersAction[Any]") -> None:
    """Add the `db` command group."""
    db = commands.add_parser("db", help="database migrations")
    actions = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    up = actions.add_parser("upgrade", help="apply migrations (to head by default)")
    up.add_argument("revision", nargs="?", default="head")
    up.set_defaults(run=_upgrade)
    down = actions.add_parser("downgrade", help="revert migrations to REVISION")
    down.add_argument("revision")
    down.set_defaults(run=_downgrade)


async def _upgrade(args: argparse.Namespace) -> int:
    settings = AppSettings.load()
    if settings.is_embedded:
        settings.home.home.mkdir(parents=True, exist_ok=True)
    await upgrade_database(settings.database_url, args.revision)
    print(f"database at {args.revision}")
    return 0


async def _downgrade(args: argparse.Namespace) -> int:
    await downgrade_database(AppSettings.load().database_url, args.revision)
    print(f"database at {args.revision}")
    return 0
