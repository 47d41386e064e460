"""Backups: everything about one negotiation as one JSON document, and its exact restoration.

`amendtrack export json NEGOTIATION` writes the dump; `amendtrack import DUMP.json` restores it
into a database that does not hold that negotiation yet, in one transaction, row for row: the
documents with their paragraph trees (persistent ids as stored), the lineage between drafts, the
proposals with their sponsors, the computed dispositions, the facilitators' overrides and their
corrections of readings.
Nothing is recomputed on the way, so dumping the restored negotiation gives the same document.

Database row ids are not in the dump: rows refer to each other by document key, paragraph eId
and, for a proposal, (inputs document key, position). A restored proposal may therefore get
another id than it had (`amendtrack proposals` shows the new ones).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from amendtrack.errors import InputError
from amendtrack.model.names import check_key
from amendtrack.read.dump import FORMAT, VERSION, CheckedDump, check_dump, read_dump
from amendtrack.store.drafts import ImportResult, negotiation_row, parts_of
from amendtrack.store.engine import writing
from amendtrack.store.provenance import adopted_ids, register_adopted
from amendtrack.store.tables import (
    AlignmentRow,
    CorrectionRow,
    DelegationRow,
    DispositionRow,
    DocumentPartRow,
    DocumentRow,
    LineageLinkRow,
    NegotiationRow,
    OverrideRow,
    ParagraphRow,
    ProposalRow,
    ProposalSponsorRow,
)

__all__ = ["FORMAT", "VERSION", "dump_negotiation", "read_dump", "restore"]  # read_dump: read.dump's, for the importer

_PARAGRAPH_FIELDS = ("label", "num", "kind", "eid", "pid", "text", "markers", "brackets", "label_inferred")
_LINK_FIELDS = ("relation", "score", "source", "note", "conflict", "from_eids", "to_eids", "placeholder_eids")
_PROPOSAL_FIELDS = (
    "paragraph",
    "paragraph_eid",
    "operation",
    "edits",
    "text",
    "new_label",
    "related",
    "rationale",
    "refs",
    "resulting_text",
    "applied",
    "unapplied_reason",
    "confidence",
)
_SPONSOR_FIELDS = ("attribution", "verbatim", "source_file", "line_start", "line_end")


# --- export ------------------------------------------------------------------------------------


def dump_negotiation(session: Session, negotiation_key: str) -> dict[str, Any]:
    """Everything stored about one negotiation, as plain JSON data (see the module docstring)."""
    negotiation = negotiation_row(session, negotiation_key)
    tables = set(inspect(session.connection()).get_table_names())  # an older database may lack some
    documents = session.scalars(
        select(DocumentRow).where(DocumentRow.negotiation_id == negotiation.id).order_by(DocumentRow.seq)
    ).all()
    key_of = {document.id: document.key for document in documents}
    adopted = adopted_ids(session)
    return {
        "format": FORMAT,
        "version": VERSION,
        "negotiation": {"key": negotiation.key, "title": negotiation.title},
        "documents": [_document_record(session, document, adopted) for document in documents],
        "lineage": _lineage_records(session, documents, key_of),
        **(_proposal_records(session, negotiation.id, key_of, tables) if "proposal" in tables else _no_proposals()),
    }


def _document_record(session: Session, document: DocumentRow, adopted: set[int]) -> dict[str, Any]:
    rows = session.scalars(
        select(ParagraphRow).where(ParagraphRow.document_id == document.id).order_by(ParagraphRow.position)
    ).all()
    eid_of = {row.id: row.eid for row in rows}
    return {
        "key": document.key,
        "kind": "adopted" if document.id in adopted else document.kind,
        "order": document.seq,
        "label": document.label,
        "date": document.date,
        "source_file": document.source_file,
        "sha256": document.sha256,
        "preface": document.preface,
        "parts": parts_of(session, [document.id]).get(document.id) or None,
        "paragraphs": [
            {
                "position": row.position,
                "parent": eid_of[row.parent_id] if row.parent_id is not None else None,
                **{name: getattr(row, name) for name in _PARAGRAPH_FIELDS},
                "label_inferred": bool(row.label_inferred),
                "line_start": row.line_start,
                "line_end": row.line_end,
            }
            for row in rows
        ],
    }


def _lineage_records(session: Session, documents: list[DocumentRow], key_of: dict[int, str]) -> list[dict[str, Any]]:
    seq_of = {document.id: document.seq for document in documents}
    alignments = session.scalars(select(AlignmentRow).where(AlignmentRow.to_document_id.in_(list(key_of)))).all()
    records = []
    for alignment in sorted(alignments, key=lambda a: (seq_of[a.from_document_id], seq_of[a.to_document_id])):
        links = session.scalars(
            select(LineageLinkRow).where(LineageLinkRow.alignment_id == alignment.id).order_by(LineageLinkRow.position)
        ).all()
        records.append(
            {
                "from": key_of[alignment.from_document_id],
                "to": key_of[alignment.to_document_id],
                "conflicts": alignment.conflicts,
                "links": [
                    {"position": link.position, **{name: getattr(link, name) for name in _LINK_FIELDS}}
                    for link in links
                ],
            }
        )
    return records


def _no_proposals() -> dict[str, Any]:
    return {"delegations": [], "proposals": []}


def _proposal_records(
    session: Session, negotiation_id: int, key_of: dict[int, str], tables: set[str]
) -> dict[str, Any]:
    proposals = session.scalars(
        select(ProposalRow)
        .join(DocumentRow, DocumentRow.id == ProposalRow.document_id)
        .where(ProposalRow.negotiation_id == negotiation_id)
        .order_by(DocumentRow.seq, ProposalRow.position)
    ).all()
    ids = [row.id for row in proposals]
    sponsors: dict[int, list[dict[str, Any]]] = {}
    delegations: dict[str, str] = {}
    for start in range(0, len(ids), 500):  # keep IN lists short
        chunk = ids[start : start + 500]
        query = (
            select(ProposalSponsorRow, DelegationRow)
            .join(DelegationRow, DelegationRow.id == ProposalSponsorRow.delegation_id)
            .where(ProposalSponsorRow.proposal_id.in_(chunk))
            .order_by(ProposalSponsorRow.proposal_id, ProposalSponsorRow.position)
        )
        for sponsor, delegation in session.execute(query):
            delegations[delegation.name] = delegation.kind
            sponsors.setdefault(sponsor.proposal_id, []).append(
                {"delegation": delegation.name, **{name: getattr(sponsor, name) for name in _SPONSOR_FIELDS}}
            )
    dispositions = _by_proposal(session, DispositionRow, ids) if "disposition" in tables else {}
    overrides = _by_proposal(session, OverrideRow, ids) if "disposition_override" in tables else {}
    corrections = _by_proposal(session, CorrectionRow, ids) if "reading_correction" in tables else {}
    records = []
    for row in proposals:
        disposition = dispositions.get(row.id)
        override = overrides.get(row.id)
        records.append(
            {
                "document": key_of[row.document_id],
                "position": row.position,
                "base_document": key_of[row.base_document_id],
                **{name: getattr(row, name) for name in _PROPOSAL_FIELDS},
                "applied": bool(row.applied),
                "confidence": float(row.confidence),
                "sponsors": sponsors.get(row.id, []),
                "disposition": None
                if disposition is None
                else {
                    "next_document": key_of.get(disposition.next_document_id)
                    if disposition.next_document_id is not None
                    else None,
                    "status": disposition.status,
                    "explanation": disposition.explanation,
                    "evidence": disposition.evidence,
                },
                "override": None if override is None else {"status": override.status, "note": override.note},
                "correction": _correction(corrections.get(row.id)),
            }
        )
    return {
        "delegations": [{"name": name, "kind": kind} for name, kind in sorted(delegations.items())],
        "proposals": records,
    }


def _correction(row: CorrectionRow | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {
        "note": row.note,
        **{name: getattr(row, name) for name in ("operation", "paragraph", "text", "old", "anchor")},
    }


def _by_proposal(
    session: Session, model: type[DispositionRow] | type[OverrideRow] | type[CorrectionRow], ids: list[int]
) -> dict[int, Any]:
    found: dict[int, Any] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found.update(
            (row.proposal_id, row) for row in session.scalars(select(model).where(model.proposal_id.in_(chunk)))
        )
    return found


# --- restore -----------------------------------------------------------------------------------


def restore(dump: dict[str, Any], url: str | None, source: Path, negotiation: str | None = None) -> list[ImportResult]:
    """Restore a dump into the database at `url` (under the key `negotiation` if given), in one transaction.

    The negotiation must not be stored there yet. A dump not read by read_dump is checked first
    (read.dump.check_dump): nothing is written unless all of it is sound. One result per document,
    as for an import.
    """
    if not isinstance(dump, CheckedDump):
        dump = check_dump(dump, str(source))
    if negotiation is not None:
        check_key(negotiation, "negotiation", str(source))
    return writing(url, lambda session: _restore(session, dump, source, negotiation), create=True)


def _restore(session: Session, dump: dict[str, Any], source: Path, rename: str | None) -> list[ImportResult]:
    """Write a dump's rows (see restore); nothing is recomputed."""
    key = rename or dump["negotiation"]["key"]
    if session.scalar(select(NegotiationRow.id).where(NegotiationRow.key == key)) is not None:
        raise InputError(
            str(source),
            f"negotiation {key!r} is already stored: restore into an empty database, or under another key "
            "with --negotiation NAME",
        )
    negotiation = NegotiationRow(key=key, title=dump["negotiation"]["title"])
    session.add(negotiation)
    session.flush()

    documents: dict[str, DocumentRow] = {}
    results = []
    for record in dump["documents"]:
        document = DocumentRow(
            negotiation_id=negotiation.id,
            key=record["key"],
            kind="draft" if record["kind"] == "adopted" else record["kind"],
            seq=int(record["order"]),
            label=record["label"],
            date=record["date"],
            source_file=record["source_file"],
            sha256=record["sha256"],
            preface=record["preface"],
        )
        session.add(document)
        session.flush()
        session.add_all(
            DocumentPartRow(document_id=document.id, position=k, **part)
            for k, part in enumerate(record["parts"] or [], start=1)
        )
        documents[document.key] = document
        _restore_tree(session, document.id, record["paragraphs"])
        if record["kind"] == "adopted":  # its index of agreed language is rebuilt from its paragraphs
            register_adopted(session, document.id)
        results.append(
            ImportResult(
                key,
                document.key,
                document.label,
                document.source_file,
                document.sha256,
                "imported",
                paragraphs=len(record["paragraphs"]),
                order=document.seq,
                kind=document.kind,
            )
        )

    for record in dump["lineage"]:
        alignment = AlignmentRow(
            from_document_id=documents[record["from"]].id,
            to_document_id=documents[record["to"]].id,
            conflicts=record["conflicts"],
        )
        session.add(alignment)
        session.flush()
        session.add_all(
            LineageLinkRow(
                alignment_id=alignment.id,
                position=link["position"],
                **{name: link[name] for name in _LINK_FIELDS},
            )
            for link in record["links"]
        )

    delegations = {row.name: row for row in session.scalars(select(DelegationRow))}
    for record in dump["delegations"]:
        if record["name"] not in delegations:
            delegations[record["name"]] = DelegationRow(name=record["name"], kind=record["kind"])
            session.add(delegations[record["name"]])
    proposals = [
        ProposalRow(
            negotiation_id=negotiation.id,
            document_id=documents[record["document"]].id,
            base_document_id=documents[record["base_document"]].id,
            position=record["position"],
            **{name: record[name] for name in _PROPOSAL_FIELDS},
        )
        for record in dump["proposals"]
    ]
    session.add_all(proposals)
    session.flush()  # one INSERT … RETURNING for all: ids in order
    counts: dict[str, int] = {}
    for row, record in zip(proposals, dump["proposals"], strict=True):
        counts[record["document"]] = counts.get(record["document"], 0) + 1
        session.add_all(
            ProposalSponsorRow(
                proposal_id=row.id,
                delegation_id=delegations[sponsor["delegation"]].id,
                position=k,
                **{name: sponsor[name] for name in _SPONSOR_FIELDS},
            )
            for k, sponsor in enumerate(record["sponsors"], start=1)
        )
        if record["disposition"] is not None:
            verdict = record["disposition"]
            following = verdict["next_document"]
            session.add(
                DispositionRow(
                    proposal_id=row.id,
                    next_document_id=documents[following].id if following is not None else None,
                    status=verdict["status"],
                    explanation=verdict["explanation"],
                    evidence=verdict["evidence"],
                )
            )
        if record["override"] is not None:
            session.add(OverrideRow(proposal_id=row.id, **record["override"]))
        if record.get("correction") is not None:
            session.add(CorrectionRow(proposal_id=row.id, **record["correction"]))
    session.flush()
    for result in results:
        result.proposals = counts.get(result.key, 0)
    return results


def _restore_tree(session: Session, document_id: int, paragraphs: list[dict[str, Any]]) -> None:
    """Insert a document's paragraphs level by level, so every parent has its id before its children."""
    depth: dict[str, int] = {}
    levels: list[list[dict[str, Any]]] = []
    for record in sorted(paragraphs, key=lambda r: r["position"]):  # document order: parents first
        parent = record["parent"]
        level = 0 if parent is None else depth[parent] + 1
        depth[record["eid"]] = level
        if level == len(levels):
            levels.append([])
        levels[level].append(record)
    ids: dict[str, int] = {}
    for level_records in levels:
        rows = [
            ParagraphRow(
                document_id=document_id,
                parent_id=ids[record["parent"]] if record["parent"] is not None else None,
                position=record["position"],
                line_start=record["line_start"],
                line_end=record["line_end"],
                **{name: record[name] for name in _PARAGRAPH_FIELDS},
            )
            for record in level_records
        ]
        session.add_all(rows)
        session.flush()
        ids.update((row.eid, row.id) for row in rows)
