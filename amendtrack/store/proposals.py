"""Proposals and delegations: storing an inputs document's proposals with their sponsors, and finding them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, func, inspect, select
from sqlalchemy.orm import Session

from amendtrack.errors import InputError
from amendtrack.model.correction import corrected
from amendtrack.model.delegation import Registry
from amendtrack.model.proposal import OPERATIONS, Edit, Proposal, Source, Sponsor
from amendtrack.model.tree import normalise_label
from amendtrack.store.bulk import insert_many, insert_many_with_ids
from amendtrack.store.corrections import load_corrections, paragraph_of
from amendtrack.store.drafts import find_document, negotiation_row
from amendtrack.store.tables import (
    DelegationRow,
    DocumentRow,
    NegotiationRow,
    ParagraphRow,
    ProposalRow,
    ProposalSponsorRow,
)


def save_proposals(
    session: Session,
    negotiation_key: str,
    inputs_doc_key: str,
    base_draft_ref: str,
    proposals: list[Proposal],
    registry: Registry | None = None,
) -> list[int]:
    """Store the proposals of an inputs document against its base draft, in order; their ids.

    The target paragraph is resolved by label among the base draft's stored paragraphs (its eId
    kept; null when the draft has no such paragraph). Every sponsor must be a known delegation
    (never invented); delegation rows are created as first needed. Nothing is committed here.
    """
    registry = registry or Registry.load()
    inputs = find_document(session, negotiation_key, inputs_doc_key)
    base = find_document(session, negotiation_key, base_draft_ref)
    if inputs.kind != "inputs":
        raise InputError(inputs.source_file, f"document {inputs.key!r} is a {inputs.kind}, not inputs")
    if base.kind != "draft":
        raise InputError(None, f"proposals are made on a draft; {base.key!r} is {base.kind}")
    labels = session.execute(select(ParagraphRow.label, ParagraphRow.eid).where(ParagraphRow.document_id == base.id))
    by_label: dict[str, str] = {}
    by_normalised: dict[str, str] = {}
    for label, eid in labels:
        by_label.setdefault(label, eid)
        by_normalised.setdefault(normalise_label(label), eid)

    delegations: dict[str, DelegationRow] = {}
    stored = {row.name: row for row in session.scalars(select(DelegationRow))}  # one query, not one per delegation

    def delegation_row(name: str, where: Source | None) -> DelegationRow:
        known = registry.resolve(name)
        if known is None:
            raise InputError(
                where.file if where else inputs.source_file,
                f"unknown delegation {name!r} (not in the registry)",
                line=where.line_start if where else None,
            )
        if known.name not in delegations:
            row = stored.get(known.name)
            if row is None:
                row = DelegationRow(name=known.name, kind=known.kind)
                session.add(row)
                session.flush()
            elif row.kind != known.kind:
                row.kind = known.kind
            delegations[known.name] = row
        return delegations[known.name]

    start = session.scalar(select(func.max(ProposalRow.position)).where(ProposalRow.document_id == inputs.id)) or 0
    rows: list[dict[str, Any]] = []
    sponsors_of: list[list[tuple[DelegationRow, Sponsor]]] = []
    for position, proposal in enumerate(proposals, start=start + 1):
        if proposal.operation not in OPERATIONS:
            raise InputError(inputs.source_file, f"unknown operation {proposal.operation!r}")
        eid = None
        if proposal.paragraph is not None:
            eid = by_label.get(proposal.paragraph) or by_normalised.get(normalise_label(proposal.paragraph))
        sponsor_rows = [(delegation_row(s.delegation, s.source), s) for s in proposal.sponsors]
        if not sponsor_rows:
            raise InputError(inputs.source_file, f"proposal #{position} has no delegation")
        rows.append(
            {
                "negotiation_id": inputs.negotiation_id,
                "document_id": inputs.id,
                "base_document_id": base.id,
                "position": position,
                "paragraph": proposal.paragraph,
                "paragraph_eid": eid,
                "operation": proposal.operation,
                "edits": [_edit_record(edit) for edit in proposal.edits],
                "text": proposal.text,
                "new_label": proposal.new_label,
                "related": list(proposal.related),
                "rationale": proposal.rationale,
                "refs": list(proposal.references),
                "resulting_text": proposal.resulting_text,
                "applied": bool(proposal.applied),
                "unapplied_reason": proposal.unapplied_reason,
                "confidence": float(proposal.confidence),
            }
        )
        sponsors_of.append(sponsor_rows)
    if not rows:
        session.flush()
        return []
    # Two bulk inserts (proposals, then sponsors), not two round trips per proposal.
    id_at = insert_many_with_ids(session, ProposalRow, rows, "position")  # positions are unique in the document
    ids = [id_at[row["position"]] for row in rows]
    insert_many(
        session,
        ProposalSponsorRow,
        [
            {
                "proposal_id": proposal_id,
                "delegation_id": delegation.id,
                "position": k,
                "attribution": sponsor.attribution,
                "verbatim": sponsor.verbatim,
                "source_file": sponsor.source.file if sponsor.source else None,
                "line_start": sponsor.source.line_start if sponsor.source else None,
                "line_end": sponsor.source.line_end if sponsor.source else None,
            }
            for proposal_id, sponsor_rows in zip(ids, sponsors_of, strict=True)
            for k, (delegation, sponsor) in enumerate(sponsor_rows, start=1)
        ],
    )
    session.flush()
    return ids


def _edit_record(edit: Edit) -> dict[str, Any]:
    return {"kind": edit.kind, "old": edit.old, "new": edit.new, "anchor": edit.anchor, "position": edit.position}


def _listing(names: list[str], limit: int = 40) -> str:
    """Names for a one-line message, shortened when there are many."""
    shown = ", ".join(names[:limit])
    return shown + (f", … ({len(names)} in all)" if len(names) > limit else "") if names else "none"


def load_proposals(
    session: Session,
    negotiation_key: str,
    draft_ref: str | None = None,
    delegation: str | None = None,
    paragraph: str | None = None,
    registry: Registry | None = None,
) -> list[tuple[int, Proposal]]:
    """Stored proposals with their ids, in document order, with the target paragraph's current pid.

    `draft_ref` is an inputs document (its proposals) or a draft (the proposals made on it);
    `delegation` any name of a delegation (co-sponsored proposals count for each sponsor);
    `paragraph` a label of the base draft (proposals on it, and new paragraphs with that label)
    or a persistent id (`first-draft:pp_4`: the paragraph in every draft). Unknown names raise an
    InputError that lists the known ones.
    """
    registry = registry or Registry.load()
    negotiation = negotiation_row(session, negotiation_key)
    query = (
        select(ProposalRow.__table__, ParagraphRow.pid)  # plain rows: a Proposal is built from each
        .join(DocumentRow, DocumentRow.id == ProposalRow.document_id)
        .outerjoin(
            ParagraphRow,
            and_(
                ParagraphRow.document_id == ProposalRow.base_document_id,
                ParagraphRow.eid == ProposalRow.paragraph_eid,
            ),
        )
        .where(ProposalRow.negotiation_id == negotiation.id)
        .order_by(DocumentRow.seq, ProposalRow.position)
    )
    if draft_ref is not None:
        document = find_document(session, negotiation_key, draft_ref)
        column = ProposalRow.document_id if document.kind == "inputs" else ProposalRow.base_document_id
        query = query.where(column == document.id)
    if delegation is not None:
        known = registry.resolve(delegation)
        if known is None:
            names = delegation_counts(session, negotiation_key)
            raise InputError(
                None,
                f"unknown delegation {delegation!r} (delegations with proposals in {negotiation_key}: "
                f"{_listing(sorted(names))})",
            )
        sponsored = (
            select(ProposalSponsorRow.proposal_id)
            .join(DelegationRow, DelegationRow.id == ProposalSponsorRow.delegation_id)
            .where(DelegationRow.name == known.name)
        )
        query = query.where(ProposalRow.id.in_(sponsored))
    rows = [(row, row.pid) for row in session.execute(query)]

    if paragraph is not None:
        rows = _on_paragraph(session, negotiation_key, rows, paragraph, draft_ref)
    sponsors = _sponsors(session, [row.id for row, _pid in rows])
    found = [(row.id, _proposal(row, pid, sponsors.get(row.id, []))) for row, pid in rows]
    return _with_corrections(session, found, {row.id: row.base_document_id for row, _pid in rows})


def _with_corrections(
    session: Session, found: list[tuple[int, Proposal]], base_of: dict[int, int]
) -> list[tuple[int, Proposal]]:
    """The proposals with the facilitators' corrections of their readings applied (store.corrections)."""
    if not has_correction_table(session):
        return found
    corrections = load_corrections(session, [pid for pid, _ in found])
    if not corrections:
        return found
    fixed = []
    for pid, proposal in found:
        correction = corrections.get(pid)
        if correction is not None:
            label = correction.paragraph or proposal.paragraph
            text, paragraph_pid = paragraph_of(session, base_of[pid], label) if label else (None, None)
            proposal = corrected(proposal, correction, text)
            proposal.pid = paragraph_pid or proposal.pid
        fixed.append((pid, proposal))
    return fixed


def _on_paragraph(session: Session, negotiation_key: str, rows: list[Any], wanted: str, draft_ref: str | None) -> list:
    """The rows whose target is the wanted paragraph (label, eId or persistent id); unknown names fail."""
    if ":" in wanted:  # a persistent id
        found = [(row, pid) for row, pid in rows if pid == wanted]
        if not found and session.scalar(select(ParagraphRow.id).where(ParagraphRow.pid == wanted).limit(1)) is None:
            raise InputError(None, f"no paragraph has the persistent id {wanted!r} (see amendtrack paragraphs --json)")
        return found
    key = normalise_label(wanted)
    found = [
        (row, pid)
        for row, pid in rows
        if row.paragraph_eid == wanted
        or (row.paragraph is not None and normalise_label(row.paragraph) == key)
        or (row.operation == "new_paragraph" and row.new_label and normalise_label(row.new_label) == key)
    ]
    if found:
        return found
    # Known but without proposals is an empty answer; unknown everywhere is an error.
    negotiation = negotiation_row(session, negotiation_key)
    bases = select(ProposalRow.base_document_id).where(ProposalRow.negotiation_id == negotiation.id)
    if draft_ref is not None:
        document = find_document(session, negotiation_key, draft_ref)
        if document.kind == "draft":
            bases = select(DocumentRow.id).where(DocumentRow.id == document.id)
    labels = session.scalars(select(ParagraphRow.label).where(ParagraphRow.document_id.in_(bases))).all()
    if any(normalise_label(label) == key for label in labels):
        return []
    targeted = session.scalars(
        select(ProposalRow.paragraph)
        .where(ProposalRow.negotiation_id == negotiation.id, ProposalRow.paragraph.is_not(None))
        .group_by(ProposalRow.paragraph)
        .order_by(func.min(ProposalRow.id))
    ).all()
    raise InputError(
        None,
        f"unknown paragraph {wanted!r} (paragraphs with proposals in {negotiation_key}: {_listing(list(targeted))})",
    )


def _sponsors(session: Session, proposal_ids: list[int]) -> dict[int, list[Sponsor]]:
    """The sponsors of the given proposals, in order, by proposal id."""
    result: dict[int, list[Sponsor]] = {}
    for start in range(0, len(proposal_ids), 500):  # keep IN lists short
        chunk = proposal_ids[start : start + 500]
        query = (
            select(ProposalSponsorRow.__table__, DelegationRow.name)  # plain rows, as for the proposals
            .join(DelegationRow, DelegationRow.id == ProposalSponsorRow.delegation_id)
            .where(ProposalSponsorRow.proposal_id.in_(chunk))
            .order_by(ProposalSponsorRow.proposal_id, ProposalSponsorRow.position)
        )
        for sponsor in session.execute(query):
            name = sponsor.name
            source = (
                Source(sponsor.source_file, sponsor.line_start, sponsor.line_end)
                if sponsor.source_file is not None and sponsor.line_start is not None and sponsor.line_end is not None
                else None
            )
            result.setdefault(sponsor.proposal_id, []).append(
                Sponsor(name, sponsor.attribution, sponsor.verbatim, source)
            )
    return result


def _proposal(row: ProposalRow, pid: str | None, sponsors: list[Sponsor]) -> Proposal:
    """A stored proposal as a Proposal."""
    return Proposal(
        operation=row.operation,
        paragraph=row.paragraph,
        sponsors=sponsors,
        edits=[Edit(**edit) for edit in row.edits or []],
        text=row.text,
        new_label=row.new_label,
        related=list(row.related or []),
        rationale=row.rationale,
        references=list(row.refs or []),
        resulting_text=row.resulting_text,
        applied=bool(row.applied),
        unapplied_reason=row.unapplied_reason,
        confidence=float(row.confidence),
        pid=pid,
    )


def delegation_counts(session: Session, negotiation_key: str | None = None) -> dict[str, int]:
    """Delegation name → number of proposals it made or co-sponsored (in one negotiation, or in all)."""
    query = (
        select(DelegationRow.name, func.count(ProposalRow.id.distinct()))
        .join(ProposalSponsorRow, ProposalSponsorRow.delegation_id == DelegationRow.id)
        .join(ProposalRow, ProposalRow.id == ProposalSponsorRow.proposal_id)
        .group_by(DelegationRow.name)
    )
    if negotiation_key is not None:
        query = query.where(ProposalRow.negotiation_id == negotiation_row(session, negotiation_key).id)
    counts = {name: int(n) for name, n in session.execute(query)}
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def proposal_counts(session: Session, negotiation_key: str | None = None) -> dict[tuple[str, str], int]:
    """(negotiation key, inputs document key) → number of stored proposals."""
    query = (
        select(NegotiationRow.key, DocumentRow.key, func.count(ProposalRow.id))
        .join(DocumentRow, DocumentRow.id == ProposalRow.document_id)
        .join(NegotiationRow, NegotiationRow.id == ProposalRow.negotiation_id)
        .group_by(NegotiationRow.key, DocumentRow.key, DocumentRow.seq)
        .order_by(NegotiationRow.key, DocumentRow.seq)
    )
    if negotiation_key is not None:
        query = query.where(ProposalRow.negotiation_id == negotiation_row(session, negotiation_key).id)
    return {(negotiation, document): int(n) for negotiation, document, n in session.execute(query)}


def delegation_records(
    session: Session, negotiation_key: str | None = None, registry: Registry | None = None
) -> list[dict[str, Any]]:
    """Every delegation (registry and store) with its proposal counts: the records of `delegations --json`.

    `proposals` counts the proposals made or co-sponsored in scope (one negotiation, or all);
    `negotiations` splits that count by negotiation. Ordered by count (highest first), then name.
    """
    registry = registry or Registry.load()
    query = (
        select(DelegationRow.name, DelegationRow.kind, NegotiationRow.key, func.count(ProposalRow.id.distinct()))
        .join(ProposalSponsorRow, ProposalSponsorRow.delegation_id == DelegationRow.id)
        .join(ProposalRow, ProposalRow.id == ProposalSponsorRow.proposal_id)
        .join(NegotiationRow, NegotiationRow.id == ProposalRow.negotiation_id)
        .group_by(DelegationRow.name, DelegationRow.kind, NegotiationRow.key)
    )
    if negotiation_key is not None:
        query = query.where(ProposalRow.negotiation_id == negotiation_row(session, negotiation_key).id)
    per_negotiation: dict[str, dict[str, int]] = {}
    kinds: dict[str, str] = {}
    for name, kind, negotiation, n in session.execute(query):
        per_negotiation.setdefault(name, {})[negotiation] = int(n)
        kinds[name] = kind
    records = [delegation.to_dict() for delegation in registry]
    known = {record["name"] for record in records}
    for name in sorted(set(per_negotiation) - known):  # stored under a name the registry no longer has
        records.append(
            {
                "name": name,
                "kind": kinds[name],
                "official_name": None,
                "aliases": [],
                "ocr_variants": [],
                "members": None,
            }
        )
    for record in records:
        counts = dict(sorted(per_negotiation.get(record["name"], {}).items()))
        record["proposals"] = sum(counts.values())
        record["negotiations"] = counts
    return sorted(records, key=lambda record: (-record["proposals"], record["name"].casefold()))


def inputs_dates(session: Session, proposal_ids: list[int]) -> list[str]:
    """The dates of the inputs documents these proposals came from (undated ones left out)."""
    dates = session.scalars(
        select(DocumentRow.date)
        .join(ProposalRow, ProposalRow.document_id == DocumentRow.id)
        .where(ProposalRow.id.in_(proposal_ids))
        .distinct()
    ).all()
    return [date for date in dates if date]


def has_correction_table(session: Session) -> bool:
    """Whether the database has the corrections table (a database opened read-only may predate it)."""
    return "reading_correction" in inspect(session.connection()).get_table_names()
