"""What became of stored proposals: dispositions against the next draft, overrides, reports, histories.

Here the pure core (disposition, redline) meets the store. Dispositions are computed from
the stored drafts, lineage and proposals, and stored beside the facilitators' overrides,
which recomputation never touches. The report and history classes are plain data for
the renderers.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from amendtrack.compare.align import Alignment, Link, align
from amendtrack.compare.disposition import STATUSES, Disposer, Disposition, NodeFinder
from amendtrack.compare.redline import Change, plain, redline
from amendtrack.errors import InputError
from amendtrack.model.delegation import Registry
from amendtrack.model.proposal import Proposal
from amendtrack.model.tree import Draft, Paragraph
from amendtrack.store.tables import clear_override as store_clear_override
from amendtrack.store.tables import (
    drafts_of,
    engine_for,
    ensure_schema,
    find_document,
    for_writing,
    load_alignment,
    load_draft,
    load_overrides,
    load_proposals,
    negotiation_title,
    require_schema,
    retrying,
    save_dispositions,
)
from amendtrack.store.tables import set_override as store_set_override

STATUS_ORDER = STATUSES  # every disposition status, in the order reports show them


@dataclass
class Outcome:
    """One proposal with its base text, what it proposed, what the next draft says, and the verdict."""

    id: int
    proposal: Proposal
    base_label: str | None  # the target paragraph in the base draft
    base_text: str | None
    proposed: list[Change]  # base → the resulting text the delegation asked for (empty when none)
    next_label: str | None  # where to look in the next draft (found in, or the paragraph it became)
    next_text: str | None
    against_next: list[Change]  # the resulting text asked for → the next draft's text
    computed: Disposition
    override: str | None = None  # a facilitator's decision
    note: str | None = None

    @property
    def status(self) -> str:
        """The disposition reports show: the facilitator's override if any, else the computed one."""
        return self.override or self.computed.status


@dataclass
class DelegationReport:
    """Every proposal of one delegation on one draft (co-sponsored ones included), by paragraph."""

    negotiation: str
    negotiation_title: str
    delegation: str
    delegation_kind: str
    base_draft: str  # label of the draft the proposals were made on
    next_draft: str | None  # label of the draft they are judged against (None: pending)
    totals: dict[str, int]  # status → count, in STATUS_ORDER
    paragraphs: list[tuple[str, list[Outcome]]]  # (paragraph label, its outcomes), in the base draft's order


@dataclass
class ParagraphVersion:
    """One paragraph as it stands in one draft, with the proposals made on it there."""

    draft_key: str
    draft_label: str
    date: str | None
    label: str | None  # None where the paragraph is not in that draft
    text: str
    relation: str | None  # how it came from the version before ("modified", "moved", "merged", …)
    note: str  # the relation in words
    changes: list[Change]  # redline against the version before
    markers: list[str] = field(default_factory=list)  # "[Merged with paragraph 42]" and the like
    proposals: list[Outcome] = field(default_factory=list)


@dataclass
class ParagraphHistory:
    """One paragraph through every draft, followed by its persistent id."""

    negotiation: str
    negotiation_title: str
    pid: str
    label: str  # the label it was asked for by
    versions: list[ParagraphVersion]


# --- computing and reading -------------------------------------------------------------------------


@dataclass
class _DraftPair:
    """A draft, the draft after it, and the lineage between them."""

    base_key: str
    base_label: str
    base: Draft
    next_key: str | None
    next_label: str | None
    next: Draft | None
    alignment: Alignment | None


@dataclass
class Snapshot:
    """Everything about one negotiation, loaded and judged once: what reports, histories and tables are made of."""

    negotiation: str
    title: str
    drafts: list[tuple[str, str, str | None]]  # (key, label, date) in order
    pairs: dict[str, _DraftPair]  # draft key → the draft with the one after it
    proposals: list[tuple[int, Proposal, str]]  # (id, proposal, key of the draft it was made on)
    verdicts: dict[int, Disposition]
    overrides: dict[int, tuple[str, str]]
    # Lookups built on first use (the trees and proposals of a snapshot do not change): reports and
    # histories ask them once per proposal or paragraph, and walking a long draft each time is quadratic.
    _finders: dict[str, NodeFinder] = field(default_factory=dict, init=False, repr=False, compare=False)
    _labels: dict[str, dict[str, Paragraph]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _pids: dict[str, dict[str, Paragraph]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _on: dict[tuple[str, str | None], list] | None = field(default=None, init=False, repr=False, compare=False)
    _by_delegation: dict[str, list] | None = field(default=None, init=False, repr=False, compare=False)
    _to: dict[str, dict[str, Link]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _outcomes: dict[int, Outcome] = field(default_factory=dict, init=False, repr=False, compare=False)

    def tree(self, key: str) -> Draft:
        return self.pairs[key].base

    def find(self, key: str, label: str) -> Paragraph | None:
        """`tree(key).find(label)`, from an index."""
        finder = self._finders.get(key)
        if finder is None:
            finder = self._finders[key] = NodeFinder(self.tree(key))
        return finder.find(label)

    def with_label(self, key: str, label: str) -> Paragraph | None:
        """The first node of draft `key` whose label is exactly `label`."""
        found = self._labels.get(key)
        if found is None:
            found = self._labels[key] = {}
            for node, _ in self.tree(key).walk():
                found.setdefault(node.label, node)
        return found.get(label)

    def with_pid(self, key: str, pid: str) -> Paragraph | None:
        """The first node of draft `key` with this persistent id."""
        found = self._pids.get(key)
        if found is None:
            found = self._pids[key] = {}
            for node, _ in self.tree(key).walk():
                if node.pid is not None:
                    found.setdefault(node.pid, node)
        return found.get(pid)

    def proposals_on(self, key: str, label: str | None) -> list[tuple[int, Proposal, str]]:
        """The proposals made on draft `key` whose paragraph is `label`, in order."""
        if self._on is None:
            self._on = {}
            for item in self.proposals:
                self._on.setdefault((item[2], item[1].paragraph), []).append(item)
        return self._on.get((key, label), [])

    def proposals_of(self, name: str) -> list[tuple[int, Proposal, str]]:
        """The proposals a delegation (canonical name) made or co-sponsored, in order."""
        if self._by_delegation is None:
            self._by_delegation = {}
            for item in self.proposals:
                for sponsor in dict.fromkeys(item[1].delegations):
                    self._by_delegation.setdefault(sponsor, []).append(item)
        return self._by_delegation.get(name, [])

    def link_to(self, before: str, key: str, eid: str) -> Link | None:
        """The first stored link from draft `before` to draft `key` with this eId among its targets or placeholders."""
        pair = self.pairs.get(before)
        if pair is None or pair.next_key != key or pair.alignment is None:
            return None
        found = self._to.get(before)
        if found is None:
            found = self._to[before] = {}
            for link in pair.alignment.links:
                for target in link.targets + link.placeholders:
                    found.setdefault(target.eid, link)
        return found.get(eid)


def snapshot(session: Session, negotiation: str) -> Snapshot:
    """Load a negotiation, compute every proposal's disposition and store it (overrides untouched)."""
    title = negotiation_title(session, negotiation)
    documents = drafts_of(session, negotiation)
    trees = {d.key: load_draft(session, negotiation, d.key) for d in documents}
    pairs: dict[str, _DraftPair] = {}
    for k, document in enumerate(documents):
        after = documents[k + 1] if k + 1 < len(documents) else None
        base = trees[document.key]
        if after is None:
            pairs[document.key] = _DraftPair(document.key, document.label, base, None, None, None, None)
            continue
        nxt = trees[after.key]
        alignment = load_alignment(session, document.id, after.id, base, nxt)
        if alignment is None:  # never aligned: the links are computed, not stored
            alignment = align(base, nxt)
        pairs[document.key] = _DraftPair(document.key, document.label, base, after.key, after.label, nxt, alignment)
    proposals: list[tuple[int, Proposal, str]] = []
    verdicts: dict[int, Disposition] = {}
    for document in documents:
        made = load_proposals(session, negotiation, draft_ref=document.key)
        if not made:
            continue
        pair = pairs[document.key]
        judge = Disposer(pair.base, pair.next, pair.alignment, _the(pair.next_label))
        found = {pid: judge.dispose(proposal) for pid, proposal in made}
        following = find_document(session, negotiation, pair.next_key) if pair.next_key else None
        save_dispositions(session, following.id if following else None, found)
        verdicts.update(found)
        proposals.extend((pid, proposal, document.key) for pid, proposal in made)
    overrides = load_overrides(session, [pid for pid, _, _ in proposals])
    drafts = [(d.key, d.label, d.date) for d in documents]
    return Snapshot(negotiation, title, drafts, pairs, proposals, verdicts, overrides)


def refresh_dispositions(session: Session, negotiation: str) -> list[tuple[int, Proposal, Disposition, _DraftPair]]:
    """Compute the disposition of every proposal of a negotiation and store it (overrides untouched)."""
    snap = snapshot(session, negotiation)
    return [(pid, p, snap.verdicts[pid], snap.pairs[key]) for pid, p, key in snap.proposals]


def _outcome(snap: Snapshot, pid: int, proposal: Proposal, key: str) -> Outcome:
    """A proposal's outcome, computed once per snapshot (a report and a history may both show it)."""
    found = snap._outcomes.get(pid)
    if found is None:
        found = snap._outcomes[pid] = _new_outcome(snap, pid, proposal, key)
    return found


def _new_outcome(snap: Snapshot, pid: int, proposal: Proposal, key: str) -> Outcome:
    pair = snap.pairs[key]
    verdict = snap.verdicts[pid]
    base_node = snap.find(key, proposal.paragraph) if proposal.paragraph else None
    base_text = base_node.text if base_node is not None else None
    asked = proposal.resulting_text if proposal.applied else None
    if proposal.operation == "new_paragraph":
        proposed = redline("", asked) if asked else []  # a paragraph of its own, not a rewrite of its anchor
    else:
        proposed = redline(base_text or "", asked) if asked is not None else []
    next_node = None
    if pair.next is not None:
        label = verdict.evidence.found_in or (verdict.evidence.successors[0] if verdict.evidence.successors else None)
        next_node = (snap.with_label(pair.next_key, label) or snap.find(pair.next_key, label)) if label else None
    next_text = next_node.text if next_node is not None else None
    against = redline(asked if asked is not None else base_text or "", next_text) if next_text is not None else []
    status, note = snap.overrides.get(pid, (None, None))
    return Outcome(
        pid,
        proposal,
        proposal.paragraph,
        base_text,
        proposed,
        next_node.label if next_node else None,
        next_text,
        against,
        verdict,
        status,
        note,
    )


@contextmanager
def _write(url: str | None) -> Iterator[Session]:
    """A session in one transaction on an existing database (dispositions are stored as they are computed)."""
    engine = for_writing(engine_for(url))  # SQLite: BEGIN IMMEDIATE, so it never fails half-way on a lock
    try:
        require_schema(engine)
        with Session(engine) as session, session.begin():  # one transaction: all stored, or nothing
            ensure_schema(session.connection())  # an older database is migrated (amendtrack.store.migrations)
            yield session
    finally:
        engine.dispose()


def load_snapshot(url: str | None, negotiation: str) -> Snapshot:
    """A negotiation loaded and judged, with its dispositions stored (run again when the database asks)."""

    def work() -> Snapshot:
        with _write(url) as session:
            return snapshot(session, negotiation)

    return retrying(work)


def records_from(snap: Snapshot) -> list[dict]:
    """One record per proposal: the contract of `amendtrack dispositions --json`."""
    records = []
    for pid, proposal, _ in snap.proposals:
        verdict = snap.verdicts[pid]
        status, note = snap.overrides.get(pid, (None, None))
        records.append(
            {
                "id": pid,
                "delegations": proposal.delegations,
                "paragraph": proposal.paragraph,
                "operation": proposal.operation,
                "disposition": status or verdict.status,
                "computed": verdict.status,
                "override": status,
                "note": note,
                "explanation": verdict.explanation,
                "evidence": verdict.to_dict()["evidence"],
                "found_in": verdict.evidence.found_in,
            }
        )
    return records


def dispositions(url: str | None, negotiation: str) -> list[dict]:
    """Recompute and store every disposition of a negotiation: the records of `amendtrack dispositions`."""
    return records_from(load_snapshot(url, negotiation))


def report_from(snap: Snapshot, delegation: str, draft: str | None = None) -> DelegationReport:
    """A delegation's report from a loaded negotiation (`delegation` canonical or any alias)."""
    known = Registry.load().resolve(delegation)
    name = known.name if known else delegation
    mine = [(pid, p, key) for pid, p, key in snap.proposals_of(name) if draft is None or key == draft]
    outcomes = [_outcome(snap, pid, p, key) for pid, p, key in mine]
    totals = {status: 0 for status in STATUS_ORDER}
    for outcome in outcomes:
        totals[outcome.status] = totals.get(outcome.status, 0) + 1
    by_paragraph: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        by_paragraph.setdefault(outcome.base_label or "(paragraph not found)", []).append(outcome)
    first = snap.pairs[mine[0][2]] if mine else None
    return DelegationReport(
        snap.negotiation,
        snap.title,
        name,
        known.kind if known else "",
        first.base_label if first else (draft or ""),
        first.next_label if first else None,
        totals,
        list(by_paragraph.items()),
    )


def delegation_report(url: str | None, negotiation: str, delegation: str, draft: str | None = None) -> DelegationReport:
    """Every proposal of a delegation (co-sponsored ones included) and what became of it."""
    with _write(url) as session:
        load_proposals(session, negotiation, draft_ref=draft, delegation=delegation)  # unknown names: one-line error
        if draft is not None:
            draft = find_document(session, negotiation, draft).key
        snap = snapshot(session, negotiation)
    return report_from(snap, delegation, draft)


def history_from(snap: Snapshot, pid: str, label: str) -> ParagraphHistory:
    """One paragraph (by persistent id) through every draft of a loaded negotiation."""
    versions: list[ParagraphVersion] = []
    previous: Paragraph | None = None
    previous_key: str | None = None
    for key, draft_label, date in snap.drafts:
        here = snap.with_pid(key, pid)
        relation, note = _relation(snap, previous_key, key, here)
        text = here.text if here is not None else ""
        placeholder = here is not None and not here.text and bool(here.markers)  # "[Merged with paragraph 42]"
        changes = redline(previous.text, text) if previous is not None and here is not None and not placeholder else []
        outcomes = (
            [
                _outcome(snap, proposal_id, p, base_key)
                for proposal_id, p, base_key in snap.proposals_on(key, here.label)
            ]
            if here is not None
            else []
        )
        markers = [m.text for m in here.markers if m.kind in MARKERS_SHOWN] if here else []
        versions.append(
            ParagraphVersion(
                key, draft_label, date, here.label if here else None, text, relation, note, changes, markers, outcomes
            )
        )
        previous = here or previous
        previous_key = key
    return ParagraphHistory(snap.negotiation, snap.title, pid, label, versions)


def paragraph_history(url: str | None, negotiation: str, label: str, draft: str | None = None) -> ParagraphHistory:
    """One paragraph through every draft (followed by its persistent id) with the proposals made on it."""
    with _write(url) as session:
        documents = drafts_of(session, negotiation)
        if not documents:
            raise InputError(None, f"negotiation {negotiation!r} has no drafts")
        start = find_document(session, negotiation, draft) if draft else documents[0]
        node = load_draft(session, negotiation, start.key).find(label)
        if node is None:
            raise InputError(None, f"draft {start.key!r} of {negotiation!r} has no paragraph {label!r}")
        snap = snapshot(session, negotiation)
    return history_from(snap, node.pid, label)


MARKERS_SHOWN = ("formerly", "merged", "deleted", "forthcoming", "note")


def _relation(snap: Snapshot, before: str | None, key: str, here: Paragraph | None) -> tuple[str | None, str]:
    """How a version came from the draft before: the stored lineage link that has it among its targets."""
    if before is None:
        return None, "first appears here" if here is not None else "not in this draft"
    if here is None:
        return "deleted", "not in this draft"
    link = snap.link_to(before, key, here.eid)
    if link is not None:
        return link.relation, link.note or link.relation
    return None, ""


def _the(label: str | None) -> str:
    """'Draft of 19 July 2010' → 'the draft of 19 July 2010', for sentences."""
    if not label:
        return ""
    return "the " + (label[0].lower() + label[1:] if label[:1].isupper() and not label[:2].isupper() else label)


def set_override(url: str | None, proposal_id: int, status: str, note: str) -> None:
    """Store a facilitator's disposition of a proposal, kept beside the computed one."""

    def work() -> None:
        with _write(url) as session:
            store_set_override(session, proposal_id, status, note)

    retrying(work)


def clear_override(url: str | None, proposal_id: int) -> bool:
    """Remove a facilitator's disposition; False when there was none."""

    def work() -> bool:
        with _write(url) as session:
            return store_clear_override(session, proposal_id)

    return retrying(work)


def outcome_record(outcome: Outcome) -> dict:
    """An outcome as JSON: the proposal, its redlines as [-…-]{+…+} text, and its disposition."""
    record = {"id": outcome.id, **outcome.proposal.to_dict()}
    record.update(
        {
            "disposition": outcome.status,
            "computed": outcome.computed.status,
            "override": outcome.override,
            "note": outcome.note,
            "explanation": outcome.computed.explanation,
            "evidence": outcome.computed.to_dict()["evidence"],
            "base_text": outcome.base_text,
            "proposed_redline": plain(outcome.proposed) if outcome.proposed else None,
            "next_paragraph": outcome.next_label,
            "next_text": outcome.next_text,
            "next_redline": plain(outcome.against_next) if outcome.against_next else None,
        }
    )
    return record


def report_record(report: DelegationReport) -> dict:
    """A delegation report as JSON."""
    return {
        "negotiation": report.negotiation,
        "delegation": report.delegation,
        "kind": report.delegation_kind,
        "base_draft": report.base_draft,
        "next_draft": report.next_draft,
        "totals": report.totals,
        "paragraphs": [
            {"paragraph": label, "proposals": [outcome_record(o) for o in outcomes]}
            for label, outcomes in report.paragraphs
        ],
    }


def history_record(history: ParagraphHistory) -> dict:
    """A paragraph history as JSON."""
    return {
        "negotiation": history.negotiation,
        "pid": history.pid,
        "label": history.label,
        "versions": [
            {
                "draft": v.draft_key,
                "draft_label": v.draft_label,
                "date": v.date,
                "label": v.label,
                "text": v.text,
                "relation": v.relation,
                "note": v.note,
                "markers": v.markers,
                "redline": plain(v.changes) if v.changes else None,
                "proposals": [outcome_record(o) for o in v.proposals],
            }
            for v in history.versions
        ],
    }


# --- compilation tables -----------------------------------------------------------------------------


@dataclass
class CompilationEntry:
    """One delegation's input (or co-sponsors' joint input) in a row of a compilation table."""

    id: int
    delegations: list[str]
    attribution: str  # labelled, or inferred (attributed by its place in the source compilation)
    operation: str
    verbatim: str
    changes: list[Change]  # the row's paragraph → the resulting text asked for (empty: show the verbatim)
    rationale: str | None
    references: list[str]
    disposition: str | None = None  # with --with-disposition: the status in the next draft
    explanation: str | None = None


@dataclass
class CompilationRow:
    """A row of the table: a heading, a paragraph of the draft, or a proposed new paragraph after its anchor."""

    kind: str  # heading, paragraph, new_paragraph
    label: str
    text: str
    depth: int  # 0 top-level; 1 sub-paragraphs and items
    entries: list[CompilationEntry] = field(default_factory=list)


@dataclass
class CompilationTable:
    """A draft beside every delegation's input on it, in the facilitators' layout."""

    negotiation: str
    negotiation_title: str
    draft_key: str
    draft_label: str
    draft_date: str | None
    next_draft: str | None  # with dispositions: the draft they are judged against
    with_disposition: bool
    rows: list[CompilationRow]
    counts: dict[str, int]  # delegation → number of inputs in the table, alphabetical


def compilation_table(
    url: str | None, negotiation: str, draft: str, with_disposition: bool = False
) -> CompilationTable:
    """Every paragraph of a draft in order with every delegation's input on it (alphabetical), new ones after."""
    with _write(url) as session:
        document = find_document(session, negotiation, draft)
        if document.kind != "draft":
            raise InputError(None, f"{document.key!r} is a compilation of inputs, not a draft: compile its draft")
        key = document.key
        snap = snapshot(session, negotiation)
    return table_from(snap, key, with_disposition)


def table_from(snap: Snapshot, draft_key: str, with_disposition: bool = False) -> CompilationTable:
    """The compilation table of one draft of a loaded negotiation."""
    pair = snap.pairs[draft_key]
    tree = pair.base
    doc_label, doc_date = next((label, date) for key, label, date in snap.drafts if key == draft_key)
    proposals = [(pid, p) for pid, p, key in snap.proposals if key == draft_key]
    verdicts = snap.verdicts if with_disposition else {}
    next_label = pair.next_label if with_disposition else None
    overrides = snap.overrides if with_disposition else {}
    title, doc_key = snap.title, draft_key
    on: dict[str, list[tuple[int, Proposal]]] = {}
    new_after: dict[str, list[tuple[int, Proposal]]] = {}
    for pid, proposal in proposals:
        if proposal.operation == "new_paragraph":
            new_after.setdefault(proposal.paragraph or "", []).append((pid, proposal))
        else:
            on.setdefault(proposal.paragraph or "", []).append((pid, proposal))
    rows: list[CompilationRow] = []
    counts: dict[str, int] = {}

    def entries(items: list[tuple[int, Proposal]], base_text: str) -> list[CompilationEntry]:
        found = []
        for pid, proposal in sorted(items, key=lambda item: ([d.casefold() for d in item[1].delegations], item[0])):
            for name in proposal.delegations:
                counts[name] = counts.get(name, 0) + 1
            asked = proposal.resulting_text if proposal.applied and proposal.operation != "new_paragraph" else None
            verdict = verdicts.get(pid)
            status = overrides.get(pid, (None, None))[0] or (verdict.status if verdict else None)
            found.append(
                CompilationEntry(
                    pid,
                    proposal.delegations,
                    proposal.sponsors[0].attribution if proposal.sponsors else "labelled",
                    proposal.operation,
                    proposal.sponsors[0].verbatim if proposal.sponsors else "",
                    redline(base_text, asked) if asked is not None else [],
                    proposal.rationale,
                    proposal.references,
                    status,
                    verdict.explanation if verdict else None,
                )
            )
        return found

    for node, parent in tree.walk():
        depth = 0 if parent is None or parent.kind == "heading" else 1
        kind = "heading" if node.kind == "heading" else "paragraph"
        rows.append(CompilationRow(kind, node.label, node.text, depth, entries(on.pop(node.label, []), node.text)))
        for pid, proposal in new_after.pop(node.label, []):
            label = proposal.new_label or f"new after {node.label}"
            rows.append(
                CompilationRow("new_paragraph", label, proposal.text or "", depth, entries([(pid, proposal)], ""))
            )
    leftovers = [item for items in list(on.values()) + list(new_after.values()) for item in items]
    if leftovers:  # proposals whose paragraph the draft does not have: at the end, so none is lost
        rows.append(CompilationRow("paragraph", "(paragraph not found)", "", 0, entries(leftovers, "")))
    return CompilationTable(
        snap.negotiation,
        title,
        doc_key,
        doc_label,
        doc_date,
        next_label,
        with_disposition,
        rows,
        dict(sorted(counts.items(), key=lambda item: item[0].casefold())),
    )


# --- one delegation's proposals on a draft ---------------------------------------------------------


@dataclass
class DelegationProposals:
    """One delegation's proposals on one draft, with the draft: what `amendtrack apply` writes as tracked changes."""

    negotiation: str
    negotiation_title: str
    delegation: str  # canonical name
    draft_key: str
    draft_label: str
    date: str | None  # the latest date of the inputs documents they came from, else the draft's
    draft: Draft
    proposals: list[Proposal]


def delegation_proposals(url: str | None, negotiation: str, draft: str, delegation: str) -> DelegationProposals:
    """Load a draft and the proposals one delegation made or co-sponsored on it (read only)."""
    from sqlalchemy import select

    from amendtrack.store.tables import DocumentRow, ProposalRow, has_proposal_tables

    engine = engine_for(url)
    try:
        require_schema(engine)
        if not has_proposal_tables(engine):
            raise InputError(None, "no proposals stored yet (import some first: amendtrack import-inputs FILE …)")
        with Session(engine) as session:
            document = find_document(session, negotiation, draft)
            if document.kind != "draft":
                raise InputError(None, f"{document.key!r} is a compilation of inputs, not a draft: name its draft")
            found = load_proposals(session, negotiation, draft_ref=document.key, delegation=delegation)
            if not found:
                raise InputError(None, f"no proposals of {delegation} on {document.key!r} of {negotiation}")
            dates = session.scalars(
                select(DocumentRow.date)
                .join(ProposalRow, ProposalRow.document_id == DocumentRow.id)
                .where(ProposalRow.id.in_([pid for pid, _ in found]))
                .distinct()
            ).all()
            known = Registry.load().resolve(delegation)
            return DelegationProposals(
                negotiation,
                negotiation_title(session, negotiation),
                known.name if known else delegation,
                document.key,
                document.label,
                max((d for d in dates if d), default=None) or document.date,
                load_draft(session, negotiation, document.key),
                [proposal for _, proposal in found],
            )
    finally:
        engine.dispose()
