"""Curriculum documents and their embedded chunks; the corpus version on lesson requests.

Revision ID: 0004
Revises: 0003
Create Date: 2025-01-02

On PostgreSQL the embedding is pgvector's `vector(384)` with an HNSW index (cosine, m=16,
ef_construction=64) and the chunk text a generated `search_vector tsvector` column with a GIN index; the
`vector` extension must be available to the server. On SQLite the embedding is float32 bytes in a BLOB
and there is no vector index.
Self-contained: it does not import the live table definitions.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from pgvector.sqlalchemy import VECTOR
from sqlalchemy.dialects.postgresql import JSONB

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DIMENSION = 384
HNSW_INDEX = "ix_curriculum_chunks_embedding_hnsw"
FULL_TEXT_INDEX = "ix_curriculum_chunks_text_fts"


def _is_postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    """Create the curriculum tables (and on PostgreSQL the extension and the search indexes)."""
    postgresql = _is_postgresql()
    if postgresql:
        op.execute("CREATE EXTENSION IF NOT EXISTS vector")
    op.add_column("lesson_requests", sa.Column("corpus_version", sa.String(64), nullable=True))
    op.create_table(
        "curriculum_documents",
        sa.Column("id", sa.String(120), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("subject", sa.String(32), nullable=False),
        sa.Column("grade_band", sa.String(8), nullable=False),
        sa.Column("topic", sa.Text(), nullable=False),
        sa.Column("keywords", sa.JSON().with_variant(JSONB(), "postgresql"), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("licence", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_curriculum_documents"),
    )
    op.create_index("ix_curriculum_documents_subject_grade_band", "curriculum_documents", ["subject", "grade_band"])
    op.create_table(
        "curriculum_chunks",
        sa.Column("id", sa.String(130), nullable=False),
        sa.Column("document_id", sa.String(120), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("embedding", VECTOR(DIMENSION) if postgresql else sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_curriculum_chunks"),
        sa.ForeignKeyConstraint(["document_id"], ["curriculum_documents.id"], ondelete="CASCADE",
                                name="fk_curriculum_chunks_document_id_curriculum_documents"),
        sa.UniqueConstraint("document_id", "ordinal", name="uq_curriculum_chunks_document_id_ordinal"),
    )
    if postgresql:
        op.execute(f"CREATE INDEX {HNSW_INDEX} ON curriculum_chunks USING hnsw (embedding vector_cosine_ops) "
                   "WITH (m = 16, ef_construction = 64)")
        op.execute("ALTER TABLE curriculum_chunks ADD COLUMN search_vector tsvector "
                   "GENERATED ALWAYS AS (to_tsvector('english', text)) STORED")
        op.execute(f"CREATE INDEX {FULL_TEXT_INDEX} ON curriculum_chunks USING gin (search_vector)")


def downgrade() -> None:
    """Drop the curriculum tables and the lesson column (the extension stays: others may use it)."""
    op.drop_table("curriculum_chunks")
    op.drop_index("ix_curriculum_documents_subject_grade_band", table_name="curriculum_documents")
    op.drop_table("curriculum_documents")
    with op.batch_alter_table("lesson_requests") as batch:
        batch.drop_column("corpus_version")
