"""The embedded first run: a demo student and teacher, and a curl line to try the API at once."""

import shlex

from application.errors import UsernameTaken
from application.use_cases.create_user import CreateUserCommand
from application.use_cases.issue_token import IssueTokenCommand
from domain.user import Role
from infrastructure.container.application import ApplicationContainer

DEMO_STUDENT = "demo-student"
DEMO_TEACHER = "demo-teacher"


async def ensure_demo_users(container: ApplicationContainer) -> dict[str, str]:
    """Create each demo user that does not exist yet; returns {username: generated password} for new ones."""
    created = {}
    for name, role in ((DEMO_STUDENT, Role.STUDENT), (DEMO_TEACHER, Role.TEACHER)):
        async with container.gateways.uow()() as uow:
            if await uow.users.get_by_username(name) is not None:
                continue
        try:
            result = await container.use_cases.create_user().execute(CreateUserCommand(username=name, role=role))
        except UsernameTaken:
            continue
        created[name] = result.generated_password or ""
    return created


async def welcome_text(container: ApplicationContainer, base_url: str) -> str:
    """The lines `serve` prints: credentials of new demo users and ready-to-paste curl commands."""
    created = await ensure_demo_users(container)
    lines = [f"Lessonsmith is running at {base_url}  (API docs: {base_url}/schema)",
             f"Lesson studio (sign in in the browser): {base_url}/studio"]
    for name, password in created.items():
        lines.append(f"  created demo user {name} with password {password}")
    try:
        token = await container.use_cases.issue_token().execute(IssueTokenCommand(username=DEMO_STUDENT, password=None))
    except Exception:
        return "\n".join(lines)
    body = '{"student_query": "How do plants make food?", "grade_level": 4, "interest": "soccer", ' \
           '"requested_modalities": ["text"]}'
    lines += [
        "Try it (token for demo-student, valid 15 minutes):",
        f"  export TOKEN={token.access_token}",
        f"  curl -s -X POST {base_url}/api/v1/lessons -H \"Authorization: Bearer $TOKEN\" "
        f"-H 'Content-Type: application/json' -d {shlex.quote(body)}",
        f"  curl -s {base_url}/api/v1/lessons/<id> -H \"Authorization: Bearer $TOKEN\"",
    ]
    return "\n".join(lines)
