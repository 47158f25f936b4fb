"""Who is calling a use case: the authenticated user id and role."""

from dataclasses import dataclass
from uuid import UUID

from domain.user import Role


@dataclass(frozen=True, slots=True)
class Actor:
    """The caller of a use case, as established by authentication."""

    user_id: UUID
    role: Role

    @property
    def is_admin(self) -> bool:
        """Admins see and manage everything."""
        return self.role is Role.ADMIN
