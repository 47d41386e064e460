"""A delegation's report: every proposal it made or co-sponsored, and what became of it."""

from __future__ import annotations

from dataclasses import dataclass, field

from amendtrack.model.delegation import Registry
from amendtrack.model.proposal import Proposal
from amendtrack.model.tree import Draft
from amendtrack.report.snapshot import STATUS_ORDER, Outcome, Snapshot


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
    misread: dict[str, str] = field(default_factory=dict)  # words the scan probably misread (model.misread)

    def to_dict(self) -> dict:
        """The report as JSON: `amendtrack report --json`."""
        return {
            "negotiation": self.negotiation,
            "delegation": self.delegation,
            "kind": self.delegation_kind,
            "base_draft": self.base_draft,
            "next_draft": self.next_draft,
            "totals": self.totals,
            "paragraphs": [
                {"paragraph": label, "proposals": [o.to_dict() for o in outcomes]}
                for label, outcomes in self.paragraphs
            ],
        }


def delegation_report(snap: Snapshot, delegation: str, draft: str | None = None) -> DelegationReport:
    """A delegation's report from a loaded negotiation (`delegation` canonical or any alias)."""
    known = Registry.load().resolve(delegation)
    name = known.name if known else delegation
    mine = [(pid, p, key) for pid, p, key in snap.proposals_of(name) if draft is None or key == draft]
    outcomes = [snap.outcome(pid, p, key) for pid, p, key in mine]
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
        snap.misread(),
    )


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
    ids: list[tuple[int, Proposal]] = field(default_factory=list)  # the same proposals with their stored ids
