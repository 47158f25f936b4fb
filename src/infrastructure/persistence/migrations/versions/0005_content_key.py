"""The content key of a lesson, for reusing a finished lesson for an identical request.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add `content_key` (NULL for lessons stored before) and the index reuse looks finished lessons up by."""
    with op.batch_alter_table("lesson_requests") as batch:
        batch.add_column(sa.Column("content_key", sa.String(64), nullable=True))
    op.create_index("ix_lesson_requests_reuse", "lesson_requests", ["content_key", "status", "created_at"])


def downgrade() -> None:
    """Drop the index and the column."""
    op.drop_index("ix_lesson_requests_reuse", table_name="lesson_requests")
    with op.batch_alter_table("lesson_requests") as batch:
        batch.drop_column("content_key")
