"""A negotiation loaded from the store and judged: every proposal's disposition computed and stored.

Overrides are read, never touched; the result is a report.Snapshot, plain data for the reports.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from amendtrack.compare.align import align
from amendtrack.compare.disposition import Disposer, Disposition
from amendtrack.model.names import the
from amendtrack.model.proposal import Proposal
from amendtrack.report.progress import DraftStep
from amendtrack.report.snapshot import DraftPair, Snapshot
from amendtrack.store.dispositions import load_overrides, save_dispositions
from amendtrack.store.drafts import drafts_of, find_document, load_draft, negotiation_title
from amendtrack.store.lineage import load_alignment
from amendtrack.store.proposals import load_proposals


def load_snapshot(session: Session, negotiation: str) -> Snapshot:
    """Load a negotiation, compute every proposal's disposition and store it (overrides untouched)."""
    title = negotiation_title(session, negotiation)
    documents = drafts_of(session, negotiation)
    trees = {d.key: load_draft(session, negotiation, d.key) for d in documents}
    pairs: dict[str, DraftPair] = {}
    for k, document in enumerate(documents):
        after = documents[k + 1] if k + 1 < len(documents) else None
        base = trees[document.key]
        if after is None:
            pairs[document.key] = DraftPair(document.key, document.label, base, None, None, None, None)
            continue
        nxt = trees[after.key]
        alignment = load_alignment(session, document.id, after.id, base, nxt)
        if alignment is None:  # never aligned: the links are computed, not stored
            alignment = align(base, nxt)
        pairs[document.key] = DraftPair(document.key, document.label, base, after.key, after.label, nxt, alignment)
    proposals: list[tuple[int, Proposal, str]] = []
    verdicts: dict[int, Disposition] = {}
    for document in documents:
        made = load_proposals(session, negotiation, draft_ref=document.key)
        if not made:
            continue
        pair = pairs[document.key]
        judge = Disposer(pair.base, pair.next, pair.alignment, the(pair.next_label, empty=""), [p for _, p in made])
        found = {pid: judge.dispose(proposal) for pid, proposal in made}
        following = find_document(session, negotiation, pair.next_key) if pair.next_key else None
        save_dispositions(session, following.id if following else None, found)
        verdicts.update(found)
        proposals.extend((pid, proposal, document.key) for pid, proposal in made)
    overrides = load_overrides(session, [pid for pid, _, _ in proposals])
    drafts = [(d.key, d.label, d.date) for d in documents]
    return Snapshot(negotiation, title, drafts, pairs, proposals, verdicts, overrides)


def load_chain(session: Session, negotiation: str) -> tuple[str, list[DraftStep]]:
    """The negotiation's title and its drafts in order, each with the lineage to the next (as stored, or
    computed when the pair was never aligned): what open points are followed through. Reads only."""
    documents = drafts_of(session, negotiation)
    trees = [load_draft(session, negotiation, d.key) for d in documents]
    chain = [DraftStep(d.key, d.label, tree) for d, tree in zip(documents, trees, strict=True)]
    for k in range(len(chain) - 1):
        stored = load_alignment(session, documents[k].id, documents[k + 1].id, trees[k], trees[k + 1])
        chain[k].to_next = stored if stored is not None else align(trees[k], trees[k + 1])
    return negotiation_title(session, negotiation), chain
