"""Proposals: delegations, their proposals on a draft, and each sponsor's evidence.

Revision ID: 0003_proposals
Revises: 0002_lineage
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_proposals"
down_revision = "0002_lineage"
branch_labels = None
depends_on = None

# Frozen here as they were when the tables were made (not imported: later code may change them).
KINDS = ("member_state", "group", "observer_state", "un_entity", "intergovernmental_organization")
OPERATIONS = ("insert", "delete", "replace", "redraft", "new_paragraph", "move", "split", "merge", "comment")
ATTRIBUTIONS = ("labelled", "inferred")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def upgrade() -> None:
    """Create delegation, proposal and proposal_sponsor."""
    op.create_table(
        "delegation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.CheckConstraint(_in("kind", KINDS), name="ck_delegation_kind"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "proposal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("negotiation_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("base_document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("paragraph", sa.Text(), nullable=True),
        sa.Column("paragraph_eid", sa.String(length=300), nullable=True),
        sa.Column("operation", sa.String(length=16), nullable=False),
        sa.Column("edits", sa.JSON(), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("new_label", sa.Text(), nullable=True),
        sa.Column("related", sa.JSON(), nullable=False),
        sa.Column("rationale", sa.Text(), nullable=True),
        sa.Column("refs", sa.JSON(), nullable=False),
        sa.Column("resulting_text", sa.Text(), nullable=True),
        sa.Column("applied", sa.Boolean(), nullable=False),
        sa.Column("unapplied_reason", sa.Text(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.CheckConstraint(_in("operation", OPERATIONS), name="ck_proposal_operation"),
        sa.ForeignKeyConstraint(["base_document_id"], ["document.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["document_id"], ["document.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["negotiation_id"], ["negotiation.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_proposal_base_paragraph", "proposal", ["base_document_id", "paragraph_eid"], unique=False)
    op.create_index("ix_proposal_document_position", "proposal", ["document_id", "position"], unique=False)
    op.create_table(
        "proposal_sponsor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("proposal_id", sa.Integer(), nullable=False),
        sa.Column("delegation_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("attribution", sa.String(length=16), nullable=False),
        sa.Column("verbatim", sa.Text(), nullable=False),
        sa.Column("source_file", sa.Text(), nullable=True),
        sa.Column("line_start", sa.Integer(), nullable=True),
        sa.Column("line_end", sa.Integer(), nullable=True),
        sa.CheckConstraint(_in("attribution", ATTRIBUTIONS), name="ck_sponsor_attribution"),
        sa.ForeignKeyConstraint(["delegation_id"], ["delegation.id"]),
        sa.ForeignKeyConstraint(["proposal_id"], ["proposal.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_proposal_sponsor_delegation", "proposal_sponsor", ["delegation_id"], unique=False)
    op.create_index("ix_proposal_sponsor_proposal", "proposal_sponsor", ["proposal_id", "position"], unique=False)


def downgrade() -> None:
    """Drop them."""
    op.drop_index("ix_proposal_sponsor_proposal", table_name="proposal_sponsor")
    op.drop_index("ix_proposal_sponsor_delegation", table_name="proposal_sponsor")
    op.drop_table("proposal_sponsor")
    op.drop_index("ix_proposal_document_position", table_name="proposal")
    op.drop_index("ix_proposal_base_paragraph", table_name="proposal")
    op.drop_table("proposal")
    op.drop_table("delegation")
