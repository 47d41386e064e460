"""Drafts: negotiations, their documents and paragraph trees (the first store).

Revision ID: 0001_drafts
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_drafts"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create negotiation, document and paragraph."""
    op.create_table(
        "negotiation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    op.create_table(
        "document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("negotiation_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("date", sa.String(length=32), nullable=True),
        sa.Column("source_file", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("preface", sa.JSON(), nullable=True),
        sa.CheckConstraint("kind IN ('draft', 'inputs')", name="ck_document_kind"),
        sa.ForeignKeyConstraint(["negotiation_id"], ["negotiation.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("negotiation_id", "key", name="uq_document_key"),
        sa.UniqueConstraint("negotiation_id", "seq", name="uq_document_seq"),
        sa.UniqueConstraint("negotiation_id", "sha256", name="uq_document_sha256"),
    )
    op.create_table(
        "paragraph",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("num", sa.Text(), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("eid", sa.String(length=300), nullable=False),
        sa.Column("pid", sa.String(length=500), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("markers", sa.JSON(), nullable=False),
        sa.Column("brackets", sa.JSON(), nullable=False),
        sa.Column("label_inferred", sa.Boolean(), nullable=False),
        sa.Column("line_start", sa.Integer(), nullable=True),
        sa.Column("line_end", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["document.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["parent_id"], ["paragraph.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("document_id", "eid", name="uq_paragraph_eid"),
    )
    op.create_index("ix_paragraph_document_position", "paragraph", ["document_id", "position"], unique=False)
    op.create_index("ix_paragraph_pid", "paragraph", ["pid"], unique=False)


def downgrade() -> None:
    """Drop them."""
    op.drop_index("ix_paragraph_pid", table_name="paragraph")
    op.drop_index("ix_paragraph_document_position", table_name="paragraph")
    op.drop_table("paragraph")
    op.drop_table("document")
    op.drop_table("negotiation")
