"""Negotiations and their documents: storing a draft's paragraph tree, finding and loading documents."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from amendtrack.errors import InputError
from amendtrack.model.names import count, is_key, shown
from amendtrack.model.tree import Bracket, Draft, Marker, Paragraph
from amendtrack.store.bulk import insert_many_with_ids
from amendtrack.store.provenance import adopted_ids, forget_adopted
from amendtrack.store.tables import (
    DOCUMENT_KINDS,
    DocumentPartRow,
    DocumentRow,
    NegotiationRow,
    ParagraphRow,
    ProposalRow,
)

PART_FIELDS = ("key", "name", "label", "date", "source_file", "sha256", "eid")  # a part, as records give it


@dataclass
class ImportResult:
    """What happened to one document of an import."""

    negotiation: str
    key: str
    label: str
    source_file: str
    sha256: str
    status: Literal["imported", "already_imported", "skipped"]
    paragraphs: int = 0
    order: int | None = None
    existing_key: str | None = None  # for already_imported: the key the same bytes are stored under
    reason: str | None = None  # for skipped: why
    kind: str = "draft"
    proposals: int = 0  # for inputs: the proposals stored (co-sponsored ones counted once)
    problems: list[str] = field(default_factory=list)  # for inputs read with skip_invalid: the rows left out
    structure: str | None = None  # for an imported draft: its structure in one line (report.structure)
    warnings: list[str] = field(default_factory=list)  # for an imported draft: why its structure looks lost

    @property
    def message(self) -> str:
        """The one line the CLI prints for this document."""
        if self.status == "imported":
            count = (
                f"{self.proposals} proposal{'' if self.proposals == 1 else 's'}"
                if self.kind == "inputs"
                else f"{self.paragraphs} paragraph{'' if self.paragraphs == 1 else 's'}"
            )
            return (
                f"imported: {self.negotiation}/{self.key} ({self.label}), order {self.order}, "
                f"{count}, from {self.source_file}"
            )
        if self.status == "already_imported":
            return (
                f"already imported: {self.negotiation}/{self.existing_key or self.key} "
                f"from {self.source_file} (sha256 {self.sha256[:12]})"
            )
        return f"skipped ({self.reason}): {self.source_file}"


def check_draft(draft: Draft, source_file: str | None = None) -> int:
    """Check a tree can be stored (eIds unique, no empty labels); return its node count."""
    seen: dict[str, Paragraph] = {}
    count = 0
    for node, _parent in draft.walk():
        count += 1
        if not node.eid:
            raise InputError(source_file, f"paragraph {node.label!r} has no eId", line=node.line_start)
        if node.eid in seen:
            first = seen[node.eid]
            raise InputError(
                source_file,
                f"duplicate paragraph eId {node.eid!r} (label {node.label!r}; first at line {first.line_start})",
                line=node.line_start,
            )
        seen[node.eid] = node
    return count


def save_draft(
    session: Session,
    negotiation_key: str,
    negotiation_title: str,
    doc_key: str,
    label: str,
    date: str | None,
    kind: str,
    source_file: str,
    sha256: str,
    draft: Draft | None,
    parts: list[dict[str, Any]] | None = None,
) -> ImportResult:
    """Add one document (and its tree) to the session; a SHA-256 already stored for the negotiation is a no-op.

    `parts`: the parts a draft was assembled from (see read.parts), recorded on its row.
    Nodes without a persistent id get `pid = f"{doc_key}:{eid}"` (set on the given tree too).
    The negotiation is created if new. Nothing is committed here.
    """
    if kind not in DOCUMENT_KINDS:
        raise InputError(source_file, f"unknown document kind {kind!r} (expected draft or inputs)")
    count = check_draft(draft, source_file) if draft is not None else 0

    # PostgreSQL: imports into one negotiation take turns here (FOR NO KEY UPDATE), so two never pick
    # the same order number; two creating the same negotiation meet its unique key (see retrying).
    negotiation = session.scalar(
        select(NegotiationRow).where(NegotiationRow.key == negotiation_key).with_for_update(key_share=True)
    )
    if negotiation is None:
        negotiation = NegotiationRow(key=negotiation_key, title=negotiation_title or negotiation_key)
        session.add(negotiation)
        session.flush()

    def result(status: Literal["imported", "already_imported"], **extra: Any) -> ImportResult:
        return ImportResult(negotiation_key, doc_key, label, source_file, sha256, status, kind=kind, **extra)

    same_bytes = session.scalar(
        select(DocumentRow).where(DocumentRow.negotiation_id == negotiation.id, DocumentRow.sha256 == sha256)
    )
    if same_bytes is not None:
        return result("already_imported", order=same_bytes.seq, existing_key=same_bytes.key)
    same_key = session.scalar(
        select(DocumentRow).where(DocumentRow.negotiation_id == negotiation.id, DocumentRow.key == doc_key)
    )
    if same_key is not None:
        raise InputError(
            source_file,
            f"negotiation {negotiation_key!r} already has a document {doc_key!r} with other content "
            f"(sha256 {same_key.sha256[:12]}); import this one under another id or label",
        )

    last = session.scalar(select(func.max(DocumentRow.seq)).where(DocumentRow.negotiation_id == negotiation.id))
    document = DocumentRow(
        negotiation_id=negotiation.id,
        key=doc_key,
        kind=kind,
        seq=(last or 0) + 1,
        label=label,
        date=date,
        source_file=source_file,
        sha256=sha256,
        preface=list(draft.preface) if draft is not None else None,
    )
    session.add(document)
    session.flush()
    session.add_all(
        DocumentPartRow(document_id=document.id, position=k, **part) for k, part in enumerate(parts or [], start=1)
    )

    if draft is not None:
        _insert_tree(session, document.id, doc_key, draft)
    return result("imported", paragraphs=count, order=document.seq)


# ORM bulk INSERTs render None as NULL, so rows with and without NULLs share one statement (by default


def _insert_tree(session: Session, document_id: int, doc_key: str, draft: Draft) -> None:
    """Insert the nodes level by level, so every parent has its id before its children are written."""
    position = {id(node): index for index, (node, _parent) in enumerate(draft.walk(), start=1)}
    row_ids: dict[int, int] = {}
    level: list[tuple[Paragraph, Paragraph | None]] = [(node, None) for node in draft.paragraphs]
    while level:
        rows = []
        for node, parent in level:
            if node.pid is None:
                node.pid = f"{doc_key}:{node.eid}"
            row = node.to_dict()  # the record of `paragraphs --json`, but for its parent, which is a row id here
            del row["parent"], row["container"]  # both are the tree's shape, which parent_id keeps
            rows.append(
                {
                    "document_id": document_id,
                    "parent_id": row_ids[id(parent)] if parent is not None else None,
                    "position": position[id(node)],
                    **row,
                }
            )
        id_at = insert_many_with_ids(session, ParagraphRow, rows, "position")  # one bulk insert per level
        for node, _parent in level:
            row_ids[id(node)] = id_at[position[id(node)]]
        level = [(child, node) for node, _parent in level for child in node.children]


# --- reading -----------------------------------------------------------------------------------


def negotiation_row(session: Session, negotiation_key: str) -> NegotiationRow:
    """The negotiation row, or an InputError listing the known ones."""
    valid = isinstance(negotiation_key, str) and is_key(negotiation_key)  # nothing else was ever stored
    row = session.scalar(select(NegotiationRow).where(NegotiationRow.key == negotiation_key)) if valid else None
    if row is None:
        known = session.scalars(select(NegotiationRow.key).order_by(NegotiationRow.key)).all()
        hint = f"known: {', '.join(known)}" if known else "nothing imported yet"
        raise InputError(None, f"unknown negotiation {shown(negotiation_key)} ({hint})")
    return row


def negotiation_title(session: Session, negotiation_key: str) -> str:
    """The title of a stored negotiation."""
    return negotiation_row(session, negotiation_key).title


def find_document(session: Session, negotiation_key: str, draft_ref: str) -> DocumentRow:
    """The document a user means: its key, else its label (case-insensitive), else its order number (1-based)."""
    negotiation = negotiation_row(session, negotiation_key)
    documents = session.scalars(
        select(DocumentRow).where(DocumentRow.negotiation_id == negotiation.id).order_by(DocumentRow.seq)
    ).all()
    ref = draft_ref.strip()
    for document in documents:
        if document.key == ref:
            return document
    for document in documents:
        if document.label.casefold() == ref.casefold():
            return document
    if ref.isdigit():
        for document in documents:
            if document.seq == int(ref):
                return document
    listing = ", ".join(f"{d.seq} {d.key}" for d in documents) or "none stored"
    raise InputError(None, f"negotiation {negotiation_key!r} has no draft {draft_ref!r} (drafts: {listing})")


def document_id(session: Session, negotiation_key: str, doc_key: str) -> int:
    """The row id of a document by its key (one indexed query, however many documents the negotiation has)."""
    found = session.scalar(
        select(DocumentRow.id)
        .join(NegotiationRow, NegotiationRow.id == DocumentRow.negotiation_id)
        .where(NegotiationRow.key == negotiation_key, DocumentRow.key == doc_key)
    )
    if found is None:
        raise InputError(None, f"negotiation {negotiation_key!r} has no document {doc_key!r}")
    return found


def load_draft(session: Session, negotiation_key: str, draft_ref: str) -> Draft:
    """Rebuild a stored draft's tree; `draft_ref` is a document key, a label, or an order number."""
    document = find_document(session, negotiation_key, draft_ref)
    rows = session.execute(  # plain rows: the tree is built from them, no ORM objects are needed
        select(ParagraphRow.__table__).where(ParagraphRow.document_id == document.id).order_by(ParagraphRow.position)
    ).all()
    nodes: dict[int, Paragraph] = {}
    top: list[Paragraph] = []
    for row in rows:
        node = Paragraph(
            label=row.label,
            kind=row.kind,
            text=row.text,
            eid=row.eid,
            num=row.num,
            label_inferred=bool(row.label_inferred),
            markers=[Marker(**marker) for marker in row.markers or []],
            brackets=[Bracket(**bracket) for bracket in row.brackets or []],
            line_start=row.line_start,
            line_end=row.line_end,
            pid=row.pid,
        )
        nodes[row.id] = node
        # Positions follow document order, so a parent always comes before its children.
        (nodes[row.parent_id].children if row.parent_id is not None else top).append(node)
    return Draft(paragraphs=top, preface=list(document.preface or []), source=document.source_file)


def list_documents(session: Session, negotiation_key: str | None = None) -> list[dict[str, Any]]:
    """Stored documents in order: the records of `amendtrack drafts --json`."""
    counts = (
        select(ParagraphRow.document_id, func.count(ParagraphRow.id).label("n"))
        .group_by(ParagraphRow.document_id)
        .subquery()
    )
    query = (
        select(NegotiationRow.key, DocumentRow, func.coalesce(counts.c.n, 0))
        .join(DocumentRow, DocumentRow.negotiation_id == NegotiationRow.id)
        .outerjoin(counts, counts.c.document_id == DocumentRow.id)
        .order_by(NegotiationRow.key, DocumentRow.seq)
    )
    if negotiation_key is not None:
        query = query.where(NegotiationRow.id == negotiation_row(session, negotiation_key).id)
    parts = parts_of(session)
    adopted = adopted_ids(session)
    return [
        {
            "negotiation": key,
            "key": document.key,
            "label": document.label,
            "date": document.date,
            "kind": "adopted" if document.id in adopted else document.kind,
            "order": document.seq,
            "source_file": document.source_file,
            "sha256": document.sha256,
            "paragraphs": int(count),
            "parts": parts.get(document.id, []),
        }
        for key, document, count in session.execute(query)
    ]


def parts_of(session: Session, document_ids: list[int] | None = None) -> dict[int, list[dict[str, Any]]]:
    """Document id → its parts in order, as records (drafts in one piece, and databases older than parts, have none)."""
    if "document_part" not in inspect(session.connection()).get_table_names():
        return {}
    query = select(DocumentPartRow).order_by(DocumentPartRow.document_id, DocumentPartRow.position)
    if document_ids is not None:
        query = query.where(DocumentPartRow.document_id.in_(document_ids))
    found: dict[int, list[dict[str, Any]]] = {}
    for row in session.scalars(query):
        found.setdefault(row.document_id, []).append({name: getattr(row, name) for name in PART_FIELDS})
    return found


def list_negotiations(session: Session) -> list[dict[str, Any]]:
    """Stored negotiations by key: {key, title, documents}."""
    query = (
        select(NegotiationRow.key, NegotiationRow.title, func.count(DocumentRow.id))
        .outerjoin(DocumentRow, DocumentRow.negotiation_id == NegotiationRow.id)
        .group_by(NegotiationRow.id, NegotiationRow.key, NegotiationRow.title)
        .order_by(NegotiationRow.key)
    )
    return [{"key": key, "title": title, "documents": int(n)} for key, title, n in session.execute(query)]


def drafts_of(session: Session, negotiation_key: str) -> list[DocumentRow]:
    """The negotiation's drafts in order."""
    negotiation = negotiation_row(session, negotiation_key)
    return list(
        session.scalars(
            select(DocumentRow)
            .where(DocumentRow.negotiation_id == negotiation.id, DocumentRow.kind == "draft")
            .order_by(DocumentRow.seq)
        )
    )


def describe_negotiation(session: Session, negotiation_key: str) -> str:
    """'gpa-2010 (3 documents, 520 proposals)'."""
    row = negotiation_row(session, negotiation_key)
    documents = session.scalar(select(func.count(DocumentRow.id)).where(DocumentRow.negotiation_id == row.id)) or 0
    proposals = session.scalar(select(func.count(ProposalRow.id)).where(ProposalRow.negotiation_id == row.id)) or 0
    return f"{negotiation_key} ({count(documents, 'document')}, {count(proposals, 'proposal')})"


def delete_negotiation(session: Session, negotiation_key: str) -> str:
    """Delete a negotiation; its documents, trees, lineage, proposals and dispositions go with it (cascade)."""
    described = describe_negotiation(session, negotiation_key)
    forget_adopted(session, negotiation_row(session, negotiation_key).id)  # an index without foreign keys
    session.execute(NegotiationRow.__table__.delete().where(NegotiationRow.key == negotiation_key))
    session.flush()
    return described
