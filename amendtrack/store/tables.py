"""The tables: negotiations, documents, paragraph trees, lineage, proposals and dispositions.

SQLite (a file, the default) and PostgreSQL are tested. Sessions are opened only through
`store.engine` (reading and writing); the modules beside this one hold the queries, by concept.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from amendtrack.model.delegation import KINDS as DELEGATION_KINDS
from amendtrack.model.proposal import ATTRIBUTIONS, OPERATIONS, OVERRIDE_STATUSES

DOCUMENT_KINDS = ("draft", "inputs")
CORE_TABLES = ("negotiation", "document", "paragraph", "alignment", "lineage_link")
PROPOSAL_TABLES = ("delegation", "proposal", "proposal_sponsor")  # older databases get them at their next import


class Base(DeclarativeBase):
    """Declarative base of every amendtrack table."""


class NegotiationRow(Base):
    """A negotiation: a series of drafts of one text."""

    __tablename__ = "negotiation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    title: Mapped[str] = mapped_column(Text)


class DocumentRow(Base):
    """One document of a negotiation (a draft, or a compilation of inputs), identified by its bytes."""

    __tablename__ = "document"
    __table_args__ = (
        UniqueConstraint("negotiation_id", "sha256", name="uq_document_sha256"),
        UniqueConstraint("negotiation_id", "key", name="uq_document_key"),
        UniqueConstraint("negotiation_id", "seq", name="uq_document_seq"),
        CheckConstraint("kind IN ('draft', 'inputs')", name="ck_document_kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    negotiation_id: Mapped[int] = mapped_column(ForeignKey("negotiation.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    seq: Mapped[int] = mapped_column(Integer)  # 1-based order within the negotiation
    label: Mapped[str] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(32), nullable=True)
    source_file: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    preface: Mapped[list[str] | None] = mapped_column(JSON, nullable=True)  # Draft.preface


class DocumentPartRow(Base):
    """One part of a draft issued in parts (a report and its addenda): its own key, name, label, date and file.

    The draft's tree holds each part as a container (read.parts) whose eId the row keeps. A draft in
    one piece has no part rows.
    """

    __tablename__ = "document_part"
    __table_args__ = (UniqueConstraint("document_id", "position", name="uq_document_part_position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)  # 1-based order of the parts
    key: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(Text)  # what its paragraphs are cited with: 'L.1/Add.1'
    label: Mapped[str] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(32), nullable=True)
    source_file: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    eid: Mapped[str] = mapped_column(String(300))  # the container that holds the part in the draft's tree


class ParagraphRow(Base):
    """One node of a stored paragraph tree."""

    __tablename__ = "paragraph"
    __table_args__ = (
        UniqueConstraint("document_id", "eid", name="uq_paragraph_eid"),
        Index("ix_paragraph_pid", "pid"),
        Index("ix_paragraph_document_position", "document_id", "position"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("paragraph.id", ondelete="CASCADE"), nullable=True)
    position: Mapped[int] = mapped_column(Integer)  # 1-based document order over the whole tree
    label: Mapped[str] = mapped_column(Text)
    num: Mapped[str | None] = mapped_column(Text, nullable=True)
    kind: Mapped[str] = mapped_column(String(32))
    eid: Mapped[str] = mapped_column(String(300))
    pid: Mapped[str] = mapped_column(String(500))
    text: Mapped[str] = mapped_column(Text)
    markers: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    brackets: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    label_inferred: Mapped[bool] = mapped_column(Boolean, default=False)
    line_start: Mapped[int | None] = mapped_column(Integer, nullable=True)
    line_end: Mapped[int | None] = mapped_column(Integer, nullable=True)


class AlignmentRow(Base):
    """The lineage between two drafts of a negotiation, as last computed, with the conflicts it found."""

    __tablename__ = "alignment"
    __table_args__ = (UniqueConstraint("from_document_id", "to_document_id", name="uq_alignment_pair"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    from_document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    to_document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    conflicts: Mapped[list[str]] = mapped_column(JSON)


class LineageLinkRow(Base):
    """One lineage link: which paragraph(s) of one draft became which of the next, and how."""

    __tablename__ = "lineage_link"
    __table_args__ = (Index("ix_lineage_link_alignment", "alignment_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    alignment_id: Mapped[int] = mapped_column(ForeignKey("alignment.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)  # reading order of the later draft
    relation: Mapped[str] = mapped_column(String(16))
    score: Mapped[float] = mapped_column()
    source: Mapped[str] = mapped_column(String(16))  # declared | inferred
    note: Mapped[str] = mapped_column(Text)
    conflict: Mapped[str | None] = mapped_column(Text, nullable=True)
    from_eids: Mapped[list[str]] = mapped_column(JSON)
    to_eids: Mapped[list[str]] = mapped_column(JSON)
    placeholder_eids: Mapped[list[str]] = mapped_column(JSON)


class DelegationRow(Base):
    """A delegation that made a proposal, under its canonical name (see amendtrack/delegations.toml)."""

    __tablename__ = "delegation"
    __table_args__ = (
        CheckConstraint(f"kind IN ({', '.join(repr(k) for k in DELEGATION_KINDS)})", name="ck_delegation_kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(40))


class ProposalRow(Base):
    """One proposal: an operation on a paragraph of a base draft, from an inputs document.

    The paragraph is kept by label and eId; its persistent id is read from the paragraph row at
    load time, since persistent ids are renewed whenever the lineage changes.
    """

    __tablename__ = "proposal"
    __table_args__ = (
        CheckConstraint(f"operation IN ({', '.join(repr(o) for o in OPERATIONS)})", name="ck_proposal_operation"),
        Index("ix_proposal_document_position", "document_id", "position"),
        Index("ix_proposal_base_paragraph", "base_document_id", "paragraph_eid"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    negotiation_id: Mapped[int] = mapped_column(ForeignKey("negotiation.id", ondelete="CASCADE"))
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))  # the inputs document
    base_document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))  # the draft
    position: Mapped[int] = mapped_column(Integer)  # 1-based order within its inputs document
    paragraph: Mapped[str | None] = mapped_column(Text, nullable=True)  # label in the base draft
    paragraph_eid: Mapped[str | None] = mapped_column(String(300), nullable=True)  # null: not found in the draft
    operation: Mapped[str] = mapped_column(String(16))
    edits: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    text: Mapped[str | None] = mapped_column(Text, nullable=True)
    new_label: Mapped[str | None] = mapped_column(Text, nullable=True)
    related: Mapped[list[str]] = mapped_column(JSON)
    rationale: Mapped[str | None] = mapped_column(Text, nullable=True)
    refs: Mapped[list[str]] = mapped_column(JSON)  # Proposal.references (source tags)
    resulting_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    applied: Mapped[bool] = mapped_column(Boolean, default=False)
    unapplied_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    confidence: Mapped[float] = mapped_column(Float, default=1.0)


class ProposalSponsorRow(Base):
    """One delegation's share in a proposal, with its own evidence: verbatim input, file and lines."""

    __tablename__ = "proposal_sponsor"
    __table_args__ = (
        CheckConstraint(f"attribution IN ({', '.join(repr(a) for a in ATTRIBUTIONS)})", name="ck_sponsor_attribution"),
        Index("ix_proposal_sponsor_proposal", "proposal_id", "position"),
        Index("ix_proposal_sponsor_delegation", "delegation_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id", ondelete="CASCADE"))
    delegation_id: Mapped[int] = mapped_column(ForeignKey("delegation.id"))
    position: Mapped[int] = mapped_column(Integer)  # order of the sponsors within the proposal
    attribution: Mapped[str] = mapped_column(String(16))
    verbatim: Mapped[str] = mapped_column(Text)
    source_file: Mapped[str | None] = mapped_column(Text, nullable=True)
    line_start: Mapped[int | None] = mapped_column(Integer, nullable=True)
    line_end: Mapped[int | None] = mapped_column(Integer, nullable=True)


class DispositionRow(Base):
    """The computed disposition of a proposal in the next draft; replaced whenever it is recomputed."""

    __tablename__ = "disposition"

    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id", ondelete="CASCADE"), primary_key=True)
    next_document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), nullable=True)
    status: Mapped[str] = mapped_column(String(16))
    explanation: Mapped[str] = mapped_column(Text)
    evidence: Mapped[dict[str, Any]] = mapped_column(JSON)


class OverrideRow(Base):
    """A facilitator's decision on a proposal's disposition, with a note; recomputation never touches it."""

    __tablename__ = "disposition_override"
    __table_args__ = (
        CheckConstraint(f"status IN ({', '.join(repr(s) for s in OVERRIDE_STATUSES)})", name="ck_override_status"),
    )

    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id", ondelete="CASCADE"), primary_key=True)
    status: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text)


class CorrectionRow(Base):
    """A facilitator's correction of how an input was read (operation, paragraph, words), with a note.

    Kept apart from the proposal as read, like an override beside the computed disposition: the
    reading stays as it was, the correction is applied whenever the proposal is loaded.
    """

    __tablename__ = "reading_correction"
    __table_args__ = (
        CheckConstraint(
            f"operation IS NULL OR operation IN ({', '.join(repr(o) for o in OPERATIONS)})",
            name="ck_correction_operation",
        ),
    )

    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id", ondelete="CASCADE"), primary_key=True)
    operation: Mapped[str | None] = mapped_column(String(16), nullable=True)  # null: as read
    paragraph: Mapped[str | None] = mapped_column(Text, nullable=True)  # the label in the base draft
    text: Mapped[str | None] = mapped_column(Text, nullable=True)  # the words put in (or the whole new text)
    old: Mapped[str | None] = mapped_column(Text, nullable=True)  # the words taken out or replaced
    anchor: Mapped[str | None] = mapped_column(Text, nullable=True)  # an insertion goes after these words
    note: Mapped[str] = mapped_column(Text)


class AdoptedRow(Base):
    """A document registered as adopted text (a resolution, a convention, consolidated recommendations).

    It is stored as a draft (kind 'draft': it may be the last version of its negotiation); this row
    says its words are agreed language, and its paragraphs' shingles are in `shingle`.
    """

    __tablename__ = "adopted_document"

    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), primary_key=True)


class ShingleRow(Base):
    """One fingerprint of an adopted paragraph: the hash of KEY content stems in a row, and where they start.

    The index of agreed language (compare.provenance): a draft's keys are looked up by hash, the prefix
    of the one B-tree the table is. Derived from the paragraphs: **no foreign key**, as checking one per
    row took a fifth of the time of indexing on PostgreSQL; store.drafts.delete_negotiation removes a
    negotiation's rows itself, and a row whose paragraph is gone is never read (look-ups read the
    paragraphs they point to).
    """

    __tablename__ = "shingle"
    __table_args__ = {"sqlite_with_rowid": False}  # one B-tree, ordered by hash: the look-up is its prefix

    hash: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    paragraph_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)  # its first stem's place
