"""Who may see a lesson, decided from its owner and requester alone where that is enough."""

from uuid import UUID

from application.ports.actor import Actor
from domain.user import Role


def visible_by_ownership(viewer: Actor, owner_id: UUID, requested_by: UUID) -> bool | None:
    """True for admins, the owner and the requester; False for any other student; None for any other
    teacher, who may still teach the owner (only the class tables can tell)."""
    if viewer.is_admin or viewer.user_id in (owner_id, requested_by):
        return True
    return None if viewer.role is Role.TEACHER else False
