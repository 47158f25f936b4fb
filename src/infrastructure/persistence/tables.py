"""The relational schema as SQLAlchemy Core tables (the domain never sees them).

Scalar columns carry what queries filter, sort and sum on (the ledger totals are kept beside the
ledger for the per-day usage query); the rest of a lesson request lives in JSON columns (JSONB on
PostgreSQL). The migrations in `migrations/versions` create exactly this schema.
"""

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

from infrastructure.persistence.embedding_type import EmbeddingType
from infrastructure.persistence.utc_datetime import UtcDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

USERNAME_CONSTRAINT = "uq_users_username"
IDEMPOTENCY_CONSTRAINT = "uq_lesson_requests_requested_by_idempotency_key"

metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


def json_column(name: str, *, nullable: bool = True) -> sa.Column[object]:
    """A JSON document column: JSONB on PostgreSQL, JSON text elsewhere; Python None is SQL NULL."""
    kind = sa.JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")
    return sa.Column(name, kind, nullable=nullable)


users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.Uuid(), primary_key=True),
    sa.Column("username", sa.String(64), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("password_hash", sa.String(255), nullable=False),
    sa.Column("created_at", UtcDateTime(), nullable=False, server_default=sa.func.now()),
    sa.UniqueConstraint("username", name=USERNAME_CONSTRAINT),
)

lesson_requests = sa.Table(
    "lesson_requests",
    metadata,
    sa.Column("id", sa.Uuid(), primary_key=True),
    sa.Column("owner_id", sa.Uuid(), nullable=False),
    sa.Column("requested_by", sa.Uuid(), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("current_stage", sa.String(32), nullable=True),
    sa.Column("attempt", sa.Integer(), nullable=False),
    sa.Column("deliveries", sa.Integer(), nullable=False),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("lease_owner", sa.String(200), nullable=True),
    sa.Column("lease_expires_at", UtcDateTime(), nullable=True),
    sa.Column("not_before", UtcDateTime(), nullable=True),
    sa.Column("idempotency_key", sa.String(255), nullable=True),
    sa.Column("fingerprint", sa.String(128), nullable=False),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
    json_column("spec", nullable=False),
    json_column("stages", nullable=False),
    json_column("ledger", nullable=False),
    json_column("understanding"),
    json_column("passages", nullable=False),
    json_column("script"),
    json_column("reading_level"),
    json_column("artifacts", nullable=False),
    json_column("failure"),
    sa.Column("rejection_reason", sa.Text(), nullable=True),
    sa.Column("spent_micros", sa.BigInteger(), nullable=False, server_default="0"),
    sa.Column("saved_micros", sa.BigInteger(), nullable=False, server_default="0"),
    sa.Column("estimated_micros", sa.BigInteger(), nullable=False, server_default="0"),
    sa.Column("corpus_version", sa.String(64), nullable=True),
    sa.Column("content_key", sa.String(64), nullable=True),
    sa.Column("trace_id", sa.String(64), nullable=True),
    sa.UniqueConstraint("requested_by", "idempotency_key", name=IDEMPOTENCY_CONSTRAINT),
    sa.Index("ix_lesson_requests_claim", "status", "created_at", "id"),
    sa.Index("ix_lesson_requests_lease", "status", "lease_expires_at"),
    sa.Index("ix_lesson_requests_listing", "created_at", "id"),
    sa.Index("ix_lesson_requests_owner_listing", "owner_id", "created_at", "id"),
    sa.Index("ix_lesson_requests_requester_listing", "requested_by", "created_at", "id"),
    sa.Index("ix_lesson_requests_reuse", "content_key", "status", "created_at"),
)

# One row per user and UTC day: the lessons the inbox admitted that day and their summed estimates. The
# PostgreSQL inbox reads and raises it in the INSERT's own statement (O(1), whatever the day's history); the
# embedded profile counts `lesson_requests` instead and leaves this table empty.
lesson_daily_usage = sa.Table(
    "lesson_daily_usage",
    metadata,
    sa.Column("user_id", sa.Uuid(), primary_key=True),
    sa.Column("day", UtcDateTime(), primary_key=True),
    sa.Column("lessons", sa.BigInteger(), nullable=False),
    sa.Column("estimated_micros", sa.BigInteger(), nullable=False),
)

classes = sa.Table(
    "classes",
    metadata,
    sa.Column("id", sa.Uuid(), primary_key=True),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("teacher_id", sa.Uuid(), sa.ForeignKey("users.id"), nullable=False),
    sa.Column("created_at", UtcDateTime(), nullable=False, server_default=sa.func.now()),
    sa.Index("ix_classes_teacher_id", "teacher_id"),
)

class_members = sa.Table(
    "class_members",
    metadata,
    sa.Column("class_id", sa.Uuid(), sa.ForeignKey("classes.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("student_id", sa.Uuid(), sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    sa.Index("ix_class_members_student_id", "student_id"),
)

revoked_tokens = sa.Table(
    "revoked_tokens",
    metadata,
    sa.Column("jti", sa.String(64), primary_key=True),
    sa.Column("expires_at", UtcDateTime(), nullable=False),
    sa.Index("ix_revoked_tokens_expires_at", "expires_at"),
)
curriculum_documents = sa.Table(
    "curriculum_documents",
    metadata,
    sa.Column("id", sa.String(120), primary_key=True),
    sa.Column("title", sa.Text(), nullable=False),
    sa.Column("subject", sa.String(32), nullable=False),
    sa.Column("grade_band", sa.String(8), nullable=False),
    sa.Column("topic", sa.Text(), nullable=False),
    json_column("keywords", nullable=False),
    sa.Column("source", sa.Text(), nullable=False),
    sa.Column("licence", sa.Text(), nullable=False),
    json_column("unit"),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("embedding_model", sa.String(120), nullable=False),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
    sa.Index("ix_curriculum_documents_subject_grade_band", "subject", "grade_band"),
)

curriculum_chunks = sa.Table(
    "curriculum_chunks",
    metadata,
    sa.Column("id", sa.String(130), primary_key=True),
    sa.Column("document_id", sa.String(120), sa.ForeignKey("curriculum_documents.id", ondelete="CASCADE"),
              nullable=False),
    sa.Column("ordinal", sa.Integer(), nullable=False),
    sa.Column("text", sa.Text(), nullable=False),
    sa.Column("embedding", EmbeddingType(), nullable=False),
    sa.UniqueConstraint("document_id", "ordinal"),
)

# PostgreSQL only (migration 0004 creates it there). The same migration adds the generated column
# FULL_TEXT_COLUMN, to_tsvector('english', text), and its GIN index FULL_TEXT_INDEX; neither is declared here
# (SQLite has no tsvector), and the drift check leaves them out.
FULL_TEXT_COLUMN = "search_vector"
FULL_TEXT_INDEX = "ix_curriculum_chunks_text_fts"
sa.Index("ix_curriculum_chunks_embedding_hnsw", curriculum_chunks.c.embedding, postgresql_using="hnsw",
         postgresql_with={"m": 16, "ef_construction": 64},
         postgresql_ops={"embedding": "vector_cosine_ops"}).ddl_if(dialect="postgresql")
