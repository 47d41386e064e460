"""Drafts in parts: the parts a draft was assembled from (a report and its addenda).

Revision ID: 0006_parts
Revises: 0005_corrections
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_parts"
down_revision = "0005_corrections"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create document_part (a draft stored before has none: it is in one piece)."""
    op.create_table(
        "document_part",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("date", sa.String(length=32), nullable=True),
        sa.Column("source_file", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("eid", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["document.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("document_id", "position", name="uq_document_part_position"),
    )


def downgrade() -> None:
    """Drop it."""
    op.drop_table("document_part")
