"""Dispositions: what became of each proposal (computed), and facilitators' overrides.

Before this revision amendtrack added these tables with create_all at the next write; databases
from then are recognised by their tables and stamped (see amendtrack.migrations).

Revision ID: 0004_dispositions
Revises: 0003_proposals
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_dispositions"
down_revision = "0003_proposals"
branch_labels = None
depends_on = None

STATUSES = ("accepted", "partial", "not_reflected", "superseded", "pending", "n/a")  # frozen as they were


def upgrade() -> None:
    """Create disposition and disposition_override."""
    op.create_table(
        "disposition",
        sa.Column("proposal_id", sa.Integer(), nullable=False),
        sa.Column("next_document_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["next_document_id"], ["document.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["proposal_id"], ["proposal.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("proposal_id"),
    )
    op.create_table(
        "disposition_override",
        sa.Column("proposal_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(f"status IN ({', '.join(repr(s) for s in STATUSES)})", name="ck_override_status"),
        sa.ForeignKeyConstraint(["proposal_id"], ["proposal.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("proposal_id"),
    )


def downgrade() -> None:
    """Drop them."""
    op.drop_table("disposition_override")
    op.drop_table("disposition")
