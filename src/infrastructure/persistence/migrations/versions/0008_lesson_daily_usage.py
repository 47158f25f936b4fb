"""Per-user daily usage counters, so that the daily limits cost the same on every POST.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03

On PostgreSQL the counters are filled in from the lessons already stored (every user and UTC day); the
embedded profile (SQLite) keeps counting `lesson_requests` and leaves the table empty.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create `lesson_daily_usage`, and on PostgreSQL count the stored lessons into it."""
    op.create_table(
        "lesson_daily_usage",
        sa.Column("user_id", sa.Uuid(), primary_key=True),
        sa.Column("day", sa.DateTime(timezone=True), primary_key=True),
        sa.Column("lessons", sa.BigInteger(), nullable=False),
        sa.Column("estimated_micros", sa.BigInteger(), nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "INSERT INTO lesson_daily_usage (user_id, day, lessons, estimated_micros) "
            "SELECT requested_by, date_trunc('day', created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', "
            "count(*), coalesce(sum(estimated_micros), 0) FROM lesson_requests GROUP BY 1, 2"
        )


def downgrade() -> None:
    """Drop the counters (the lessons themselves are untouched)."""
    op.drop_table("lesson_daily_usage")
