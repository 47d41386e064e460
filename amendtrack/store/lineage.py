"""Lineage between stored drafts: align them, keep the links, carry persistent ids along.

This is where the pure aligner meets the store; the CLI and the importer call it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from amendtrack.compare.align import Alignment, align
from amendtrack.compare.comparison import Comparison, compare
from amendtrack.model.tree import Draft
from amendtrack.store.tables import (
    DocumentRow,
    _negotiation,
    alignment_row,
    engine_for,
    find_document,
    load_draft,
    persistent_ids,
    renew_persistent_ids,
    require_schema,
    save_alignment,
)


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


def align_in_session(session: Session, negotiation: str, from_ref: str, to_ref: str) -> AlignedDrafts:
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


def align_drafts(url: str | None, negotiation: str, from_ref: str, to_ref: str) -> AlignedDrafts:
    """Align two stored drafts in one transaction: `amendtrack align`."""
    engine = engine_for(url)
    try:
        require_schema(engine)
        with Session(engine) as session, session.begin():
            return align_in_session(session, negotiation, from_ref, to_ref)
    finally:
        engine.dispose()


def align_new_drafts(session: Session, negotiation: str) -> list[tuple[str, str]]:
    """Align every draft with the draft before it where no lineage is stored yet; the pairs aligned."""
    row = _negotiation(session, negotiation)
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


def compare_drafts(url: str | None, negotiation: str, from_ref: str, to_ref: str) -> tuple[AlignedDrafts, Comparison]:
    """Align (and store the lineage of) two drafts, then redline every link: `amendtrack diff`."""
    aligned = align_drafts(url, negotiation, from_ref, to_ref)
    comparison = compare(aligned.old, aligned.new, aligned.old_label, aligned.new_label, aligned.alignment)
    return aligned, comparison
