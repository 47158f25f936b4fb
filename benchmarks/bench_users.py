"""Students for benchmarks/load_ratio.py: `python -m benchmarks.bench_users PREFIX COUNT` creates PREFIX-1 …
PREFIX-COUNT through the same use cases as `lessonsmith users create` and `lessonsmith token`, in one process,
and prints one bearer token per line."""

import asyncio
import secrets
import sys

from application.use_cases.create_user import CreateUserCommand
from application.use_cases.issue_token import IssueTokenCommand
from domain.user import Role
from infrastructure.container.application import build_container
from presentation.runtime import start_services, stop_services


async def _tokens(prefix: str, count: int) -> list[str]:
    container = build_container()
    await start_services(container, with_grounding=False)
    try:
        tokens = []
        for number in range(1, count + 1):
            username = f"{prefix}-{number}"
            await container.use_cases.create_user().execute(
                CreateUserCommand(username=username, role=Role.STUDENT, password=secrets.token_urlsafe(16)))
            token = await container.use_cases.issue_token().execute(IssueTokenCommand(username=username, password=None))
            tokens.append(token.access_token)
        return tokens
    finally:
        await stop_services(container)


if __name__ == "__main__":
    print("\n".join(asyncio.run(_tokens(sys.argv[1], int(sys.argv[2])))))
