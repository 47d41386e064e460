"""Agreed language: documents registered as adopted text, and the shingles of their paragraphs.

Revision ID: 0007_provenance
Revises: 0006_parts
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_provenance"
down_revision = "0006_parts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create adopted_document and shingle (no document stored before is registered as adopted)."""
    op.create_table(
        "adopted_document",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["document.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("document_id"),
    )
    op.create_table(
        "shingle",
        sa.Column("hash", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("paragraph_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("hash", "paragraph_id", "position"),
        sqlite_with_rowid=False,
    )


def downgrade() -> None:
    """Drop them."""
    op.drop_table("shingle")
    op.drop_table("adopted_document")
