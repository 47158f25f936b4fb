"""The trace id of the request that created a lesson, so worker log lines join the HTTP request's.

Revision ID: 0006
Revises: 0005
Create Date: 2025-01-04

Lessons stored before this revision have no trace id (NULL); workers log them under their lesson id alone.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the nullable `trace_id` column."""
    op.add_column("lesson_requests", sa.Column("trace_id", sa.String(64), nullable=True))


def downgrade() -> None:
    """Drop `trace_id` (the lessons themselves are untouched)."""
    op.drop_column("lesson_requests", "trace_id")
