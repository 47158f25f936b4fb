"""The embedding model of each curriculum document's stored vectors, so another model re-embeds it.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02

Documents stored before this revision were embedded by all-MiniLM-L6-v2, the only model until then.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EARLIER_MODEL = "all-MiniLM-L6-v2"


def upgrade() -> None:
    """Add `embedding_model`, filled with the model every earlier vector came from."""
    with op.batch_alter_table("curriculum_documents") as batch:
        batch.add_column(sa.Column("embedding_model", sa.String(120), nullable=False,
                                   server_default=EARLIER_MODEL))
    with op.batch_alter_table("curriculum_documents") as batch:
        batch.alter_column("embedding_model", server_default=None)


def downgrade() -> None:
    """Drop `embedding_model`."""
    with op.batch_alter_table("curriculum_documents") as batch:
        batch.drop_column("embedding_model")
