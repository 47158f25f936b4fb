"""Users and lesson requests.

Revision ID: 0001
Revises:
Create Date: 2025-01-01

Hand-written and self-contained: it does not import the live table definitions, so later changes to
`tables.py` never rewrite history.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _json(name: str, *, nullable: bool = True) -> sa.Column[object]:
    kind = sa.JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")
    return sa.Column(name, kind, nullable=nullable)


def _timestamp(name: str, *, nullable: bool) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    """Create `users` and `lesson_requests` with their keys and indexes."""
    op.create_table(
        "users",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("username", name="uq_users_username"),
    )
    op.create_table(
        "lesson_requests",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("requested_by", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("current_stage", sa.String(32), nullable=True),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("deliveries", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("lease_owner", sa.String(200), nullable=True),
        _timestamp("lease_expires_at", nullable=True),
        _timestamp("not_before", nullable=True),
        sa.Column("idempotency_key", sa.String(255), nullable=True),
        sa.Column("fingerprint", sa.String(128), nullable=False),
        _timestamp("created_at", nullable=False),
        _timestamp("updated_at", nullable=False),
        _json("spec", nullable=False),
        _json("stages", nullable=False),
        _json("ledger", nullable=False),
        _json("understanding"),
        _json("passages", nullable=False),
        _json("script"),
        _json("reading_level"),
        _json("artifacts", nullable=False),
        _json("failure"),
        sa.Column("rejection_reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_lesson_requests"),
        sa.UniqueConstraint(
            "requested_by", "idempotency_key", name="uq_lesson_requests_requested_by_idempotency_key"
        ),
    )
    for name, columns in _LESSON_INDEXES.items():
        op.create_index(name, "lesson_requests", list(columns))


def downgrade() -> None:
    """Drop both tables (and with them every lesson request and user)."""
    for name in _LESSON_INDEXES:
        op.drop_index(name, table_name="lesson_requests")
    op.drop_table("lesson_requests")
    op.drop_table("users")


_LESSON_INDEXES: dict[str, tuple[str, ...]] = {
    "ix_lesson_requests_claim": ("status", "created_at", "id"),
    "ix_lesson_requests_lease": ("status", "lease_expires_at"),
    "ix_lesson_requests_listing": ("created_at", "id"),
    "ix_lesson_requests_owner_listing": ("owner_id", "created_at", "id"),
    "ix_lesson_requests_requester_listing": ("requested_by", "created_at", "id"),
}
