"""Ledger totals per lesson (spent, saved, estimated micro-dollars) for the per-day usage query.

Revision ID: 0002
Revises: 0001
Create Date: 2025-01-02

Existing rows are filled in from their JSON ledger.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = {"spent_micros": "spent", "saved_micros": "saved", "estimated_micros": "estimate"}


def upgrade() -> None:
    """Add the three total columns and compute them for the lessons already stored."""
    for column in _COLUMNS:
        op.add_column("lesson_requests", sa.Column(column, sa.BigInteger(), nullable=False, server_default="0"))
    lessons = sa.table("lesson_requests", sa.column("id", sa.Uuid()), sa.column("ledger", sa.JSON()),
                       *(sa.column(column, sa.BigInteger()) for column in _COLUMNS))
    connection = op.get_bind()
    for lesson_id, ledger in connection.execute(sa.select(lessons.c.id, lessons.c.ledger)).all():
        totals = {column: sum(int(line["amount_micros"]) for line in ledger or () if line["kind"] == kind)
                  for column, kind in _COLUMNS.items()}
        connection.execute(sa.update(lessons).where(lessons.c.id == lesson_id).values(**totals))


def downgrade() -> None:
    """Drop the total columns (the ledgers keep every line)."""
    for column in _COLUMNS:
        op.drop_column("lesson_requests", column)
