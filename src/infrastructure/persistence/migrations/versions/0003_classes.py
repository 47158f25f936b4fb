"""Classes, their students, and revoked tokens.

Revision ID: 0003
Revises: 0001
Create Date: 2025-01-03

`classes` and `class_members` let a teacher see the lessons of the students they teach;
`revoked_tokens` is the embedded profile's deny-list for logged-out bearer tokens.
Hand-written and self-contained, like 0001.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create `classes`, `class_members` and `revoked_tokens` with their keys and indexes."""
    op.create_table(
        "classes",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("teacher_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.PrimaryKeyConstraint("id", name="pk_classes"),
        sa.ForeignKeyConstraint(["teacher_id"], ["users.id"], name="fk_classes_teacher_id_users"),
    )
    op.create_index("ix_classes_teacher_id", "classes", ["teacher_id"])
    op.create_table(
        "class_members",
        sa.Column("class_id", sa.Uuid(), nullable=False),
        sa.Column("student_id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("class_id", "student_id", name="pk_class_members"),
        sa.ForeignKeyConstraint(["class_id"], ["classes.id"], name="fk_class_members_class_id_classes",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["student_id"], ["users.id"], name="fk_class_members_student_id_users",
                                ondelete="CASCADE"),
    )
    op.create_index("ix_class_members_student_id", "class_members", ["student_id"])
    op.create_table(
        "revoked_tokens",
        sa.Column("jti", sa.String(64), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("jti", name="pk_revoked_tokens"),
    )
    op.create_index("ix_revoked_tokens_expires_at", "revoked_tokens", ["expires_at"])


def downgrade() -> None:
    """Drop the three tables (every class, enrolment and revocation with them)."""
    op.drop_index("ix_revoked_tokens_expires_at", table_name="revoked_tokens")
    op.drop_table("revoked_tokens")
    op.drop_index("ix_class_members_student_id", table_name="class_members")
    op.drop_table("class_members")
    op.drop_index("ix_classes_teacher_id", table_name="classes")
    op.drop_table("classes")
