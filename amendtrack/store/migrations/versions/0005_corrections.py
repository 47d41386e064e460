"""Corrections of readings: a facilitator's correction of how an input was read, kept beside it.

Revision ID: 0005_corrections
Revises: 0004_dispositions
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_corrections"
down_revision = "0004_dispositions"
branch_labels = None
depends_on = None

OPERATIONS = ("insert", "delete", "replace", "redraft", "new_paragraph", "move", "split", "merge", "comment")  # frozen


def upgrade() -> None:
    """Create reading_correction."""
    op.create_table(
        "reading_correction",
        sa.Column("proposal_id", sa.Integer(), nullable=False),
        sa.Column("operation", sa.String(length=16), nullable=True),
        sa.Column("paragraph", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("old", sa.Text(), nullable=True),
        sa.Column("anchor", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            f"operation IS NULL OR operation IN ({', '.join(repr(o) for o in OPERATIONS)})",
            name="ck_correction_operation",
        ),
        sa.ForeignKeyConstraint(["proposal_id"], ["proposal.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("proposal_id"),
    )


def downgrade() -> None:
    """Drop it."""
    op.drop_table("reading_correction")
