"""Lineage between stored drafts: the links of each aligned pair, and persistent ids carried along them.

Here the pure aligner meets the store: a pair of stored drafts is aligned and its links stored,
and every paragraph's persistent id is derived again from the stored links.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from amendtrack.compare.align import Alignment, Link, align
from amendtrack.errors import InputError
from amendtrack.model.tree import Draft
from amendtrack.store.bulk import insert_many
from amendtrack.store.drafts import find_document, load_draft, negotiation_row
from amendtrack.store.tables import AlignmentRow, DocumentRow, LineageLinkRow, ParagraphRow


@dataclass
class AlignedDrafts:
    """Two stored drafts and the lineage between them (persistent ids as stored after aligning)."""

    negotiation: str
    old_key: str
    new_key: str
    old_label: str
    new_label: str
    old_date: str | None
    new_date: str | None
    old: Draft
    new: Draft
    alignment: Alignment


def align_pair(session: Session, negotiation: str, from_ref: str, to_ref: str) -> AlignedDrafts:
    """Align two stored drafts, store the links (replacing earlier ones) and return them with the trees."""
    old_doc = find_document(session, negotiation, from_ref)
    new_doc = find_document(session, negotiation, to_ref)
    old = load_draft(session, negotiation, old_doc.key)
    new = load_draft(session, negotiation, new_doc.key)
    alignment = align(old, new)
    save_alignment(session, negotiation, old_doc.key, new_doc.key, alignment)
    for document, tree in ((old_doc, old), (new_doc, new)):  # the links hold these nodes: give them the new ids
        ids = persistent_ids(session, document.id)
        for node, _parent in tree.walk():
            node.pid = ids.get(node.eid, node.pid)
    return AlignedDrafts(
        negotiation,
        old_doc.key,
        new_doc.key,
        old_doc.label,
        new_doc.label,
        old_doc.date,
        new_doc.date,
        old,
        new,
        alignment,
    )


def align_new_drafts(session: Session, negotiation: str) -> list[tuple[str, str]]:
    """Align every draft with the draft before it where no lineage is stored yet; the pairs aligned."""
    row = negotiation_row(session, negotiation)
    drafts = session.scalars(
        select(DocumentRow)
        .where(DocumentRow.negotiation_id == row.id, DocumentRow.kind == "draft")
        .order_by(DocumentRow.seq)
    ).all()
    done = []
    trees: dict[str, Draft] = {}  # a draft read once serves as the later and then the earlier draft of a pair
    for old, new in zip(drafts, drafts[1:], strict=False):
        if alignment_row(session, old.id, new.id) is None:
            for document in (old, new):
                if document.key not in trees:
                    trees[document.key] = load_draft(session, negotiation, document.key)
            alignment = align(trees[old.key], trees[new.key])
            save_alignment(session, negotiation, old.key, new.key, alignment, renew=False)
            done.append((old.key, new.key))
        trees.pop(old.key, None)
    if done:
        renew_persistent_ids(session, negotiation)  # once for all the pairs, not once per pair
    return done


def save_alignment(
    session: Session, negotiation_key: str, from_ref: str, to_ref: str, alignment: Alignment, renew: bool = True
) -> None:
    """Store the lineage between two drafts (replacing what was stored for that pair) and renew persistent ids.

    `renew=False` leaves the ids to one renew_persistent_ids call after several alignments (an import's).
    """
    old = find_document(session, negotiation_key, from_ref)
    new = find_document(session, negotiation_key, to_ref)
    if old.kind != "draft" or new.kind != "draft":
        raise InputError(None, f"only drafts can be aligned ({old.key} is {old.kind}, {new.key} is {new.kind})")
    previous = alignment_row(session, old.id, new.id)
    if previous is not None:
        session.execute(LineageLinkRow.__table__.delete().where(LineageLinkRow.alignment_id == previous.id))
        session.delete(previous)
        session.flush()
    row = AlignmentRow(from_document_id=old.id, to_document_id=new.id, conflicts=list(alignment.conflicts))
    session.add(row)
    session.flush()
    links = [
        {
            "alignment_id": row.id,
            "position": k,
            "relation": link.relation,
            "score": float(link.score),
            "source": link.source,
            "note": link.note,
            "conflict": link.conflict,
            "from_eids": [p.eid for p in link.sources],
            "to_eids": [p.eid for p in link.targets],
            "placeholder_eids": [p.eid for p in link.placeholders],
        }
        for k, link in enumerate(alignment.links, start=1)
    ]
    if links:
        insert_many(session, LineageLinkRow, links)
    if renew:
        renew_persistent_ids(session, negotiation_key)


def persistent_ids(session: Session, document_id: int) -> dict[str, str]:
    """eId → persistent id of every paragraph of a stored document."""
    query = select(ParagraphRow.eid, ParagraphRow.pid).where(ParagraphRow.document_id == document_id)
    return {eid: pid for eid, pid in session.execute(query)}


def _carried(links: Iterable[tuple[str, list[str], list[str], list[str]]]) -> dict[str, str]:
    """carried_ids over links given as (relation, source eIds, target eIds, placeholder eIds), as they are stored."""
    carried: dict[str, str] = {}
    for relation, sources, targets, placeholders in links:
        if not sources:
            continue
        if targets:
            if relation == "merged":
                carried[targets[0]] = targets[0] if targets[0] in sources else sources[0]
            elif relation == "split":
                carried[sources[0] if sources[0] in targets else targets[0]] = sources[0]
            else:
                carried[targets[0]] = sources[0]
        for placeholder in placeholders:
            if placeholder in sources:
                carried[placeholder] = placeholder
    return carried


def renew_persistent_ids(session: Session, negotiation_key: str) -> None:
    """Recompute every paragraph's persistent id from the stored lineage between consecutive drafts.

    The first draft's paragraphs (and every paragraph no link carries) get `<document key>:<eId>`;
    a paragraph a link carries takes the id of the paragraph it came from. Deterministic, so
    re-aligning gives the same ids.
    """
    negotiation = negotiation_row(session, negotiation_key)
    drafts = session.execute(
        select(DocumentRow.id, DocumentRow.key)
        .where(DocumentRow.negotiation_id == negotiation.id, DocumentRow.kind == "draft")
        .order_by(DocumentRow.seq)
    ).all()
    previous_ids: dict[str, str] = {}
    previous = None
    changed: dict[int, str] = {}  # paragraph id → its new pid
    for document in drafts:  # plain rows of the columns needed, then one bulk UPDATE of the pids that change
        rows = session.execute(
            select(ParagraphRow.id, ParagraphRow.eid, ParagraphRow.pid).where(ParagraphRow.document_id == document.id)
        ).all()
        carried: dict[str, str] = {}
        if previous is not None:
            alignment = alignment_row(session, previous.id, document.id)
            if alignment is not None:
                carried = _carried(
                    session.execute(
                        select(
                            LineageLinkRow.relation,
                            LineageLinkRow.from_eids,
                            LineageLinkRow.to_eids,
                            LineageLinkRow.placeholder_eids,
                        ).where(LineageLinkRow.alignment_id == alignment.id)
                    )
                )
        ids: dict[str, str] = {}
        for row in rows:
            source_eid = carried.get(row.eid)
            pid = previous_ids.get(source_eid) if source_eid else None
            pid = pid or f"{document.key}:{row.eid}"
            if row.pid != pid:
                changed[row.id] = pid
            ids[row.eid] = pid
        previous_ids, previous = ids, document
    if changed:
        session.execute(update(ParagraphRow), [{"id": key, "pid": pid} for key, pid in changed.items()])
        for loaded in list(session.identity_map.values()):  # paragraph objects already loaded see the new pid
            if isinstance(loaded, ParagraphRow) and loaded.id in changed:
                set_committed_value(loaded, "pid", changed[loaded.id])
    session.flush()


def alignment_row(session: Session, from_document_id: int, to_document_id: int) -> AlignmentRow | None:
    """The stored alignment between two drafts, if they were aligned."""
    return session.scalar(
        select(AlignmentRow).where(
            AlignmentRow.from_document_id == from_document_id, AlignmentRow.to_document_id == to_document_id
        )
    )


def load_alignment(
    session: Session, from_document_id: int, to_document_id: int, old: Draft, new: Draft
) -> Alignment | None:
    """The stored lineage between two drafts as an Alignment over their trees; None when not aligned yet.

    Reports and dispositions read what alignment stored, not a fresh alignment, so they show the lineage
    `amendtrack align` printed (and a 2,000-paragraph pair is not aligned again for every report).
    """
    alignment = alignment_row(session, from_document_id, to_document_id)
    if alignment is None:
        return None
    old_nodes = {node.eid: node for node, _parent in old.walk()}
    new_nodes = {node.eid: node for node, _parent in new.walk()}
    query = (
        select(LineageLinkRow.__table__)
        .where(LineageLinkRow.alignment_id == alignment.id)
        .order_by(LineageLinkRow.position)
    )
    links = []
    try:
        for row in session.execute(query):
            links.append(
                Link(
                    row.relation,
                    [old_nodes[eid] for eid in row.from_eids],
                    [new_nodes[eid] for eid in row.to_eids],
                    row.score,
                    row.source,
                    row.note,
                    [new_nodes[eid] for eid in row.placeholder_eids],
                    row.conflict,
                )
            )
    except KeyError:  # the trees are not the ones aligned (cannot happen through amendtrack): align afresh
        return None
    return Alignment(links, list(alignment.conflicts or []))


def lineage_rows(session: Session, from_document_id: int, to_document_id: int) -> list[LineageLinkRow]:
    """The stored links between two drafts, in reading order (empty when not aligned)."""
    alignment = alignment_row(session, from_document_id, to_document_id)
    if alignment is None:
        return []
    return list(
        session.scalars(
            select(LineageLinkRow).where(LineageLinkRow.alignment_id == alignment.id).order_by(LineageLinkRow.position)
        )
    )
