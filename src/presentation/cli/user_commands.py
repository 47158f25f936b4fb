"""`lessonsmith users create` and `lessonsmith token`."""

import argparse
import sys
from typing import Any

from application.use_cases.create_user import CreateUserCommand
from application.use_cases.issue_token import IssueTokenCommand
from domain.user import Role
from infrastructure.container.application import build_container
from presentation.runtime import start_services, stop_services


def register(commands: "argparse._SubParsersAction[Any]") -> None:
    """Add `users create` and `token`."""
    users = commands.add_parser("users", help="manage users")
    actions = users.add_subparsers(dest="users_command", required=True, metavar="ACTION")
    create = actions.add_parser("create", help="create a user")
    create.add_argument("username")
    create.add_argument("--role", required=True, choices=[r.value for r in Role])
    create.add_argument("--password", help="at least 8 characters; generated and printed when omitted")
    create.set_defaults(run=_create)
    token = commands.add_parser("token", help="print a bearer token for USERNAME on stdout")
    token.add_argument("username")
    token.set_defaults(run=_token)


async def _create(args: argparse.Namespace) -> int:
    container = build_container()
    await start_services(container, with_grounding=False)
    try:
        result = await container.use_cases.create_user().execute(
            CreateUserCommand(username=args.username, role=Role(args.role), password=args.password))
    finally:
        await stop_services(container)
    print(f"created {result.user.role.value} {result.user.username} ({result.user.id})")
    if result.generated_password:
        print(f"password: {result.generated_password}")
    return 0


async def _token(args: argparse.Namespace) -> int:
    container = build_container()
    await start_services(container, with_grounding=False)
    try:
        token = await container.use_cases.issue_token().execute(
            IssueTokenCommand(username=args.username, password=None))
    finally:
        await stop_services(container)
    sys.stdout.write(token.access_token + "\n")
    return 0
