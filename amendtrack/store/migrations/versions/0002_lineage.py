"""Lineage: the alignment of consecutive drafts and its links.

Revision ID: 0002_lineage
Revises: 0001_drafts
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_lineage"
down_revision = "0001_drafts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create alignment and lineage_link."""
    op.create_table(
        "alignment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("from_document_id", sa.Integer(), nullable=False),
        sa.Column("to_document_id", sa.Integer(), nullable=False),
        sa.Column("conflicts", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["from_document_id"], ["document.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["to_document_id"], ["document.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("from_document_id", "to_document_id", name="uq_alignment_pair"),
    )
    op.create_table(
        "lineage_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("alignment_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("relation", sa.String(length=16), nullable=False),
        sa.Column("score", sa.Double(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("conflict", sa.Text(), nullable=True),
        sa.Column("from_eids", sa.JSON(), nullable=False),
        sa.Column("to_eids", sa.JSON(), nullable=False),
        sa.Column("placeholder_eids", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["alignment_id"], ["alignment.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_lineage_link_alignment", "lineage_link", ["alignment_id", "position"], unique=False)


def downgrade() -> None:
    """Drop them."""
    op.drop_index("ix_lineage_link_alignment", table_name="lineage_link")
    op.drop_table("lineage_link")
    op.drop_table("alignment")
