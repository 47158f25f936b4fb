"""Curriculum documents become teaching units: each stores its parts (questions, answer, blocks, key terms,
misconceptions, worked example, quiz bank) as JSON.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05

Passages stored in the old flat format cannot be taught from, so the upgrade removes them (their chunks
cascade); the shipped corpus is ingested again as units at the next start, and a school re-uploads its own
passages in the unit format.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Drop the flat passages and add the `unit` column."""
    op.execute("DELETE FROM curriculum_chunks")
    op.execute("DELETE FROM curriculum_documents")
    kind = sa.JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")
    with op.batch_alter_table("curriculum_documents") as batch:
        batch.add_column(sa.Column("unit", kind, nullable=True))


def downgrade() -> None:
    """Drop `unit` (the units stay as documents without their parts)."""
    with op.batch_alter_table("curriculum_documents") as batch:
        batch.drop_column("unit")
