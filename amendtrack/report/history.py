"""A paragraph's history: its text in every draft, followed by its persistent id, with the proposals made on it."""

from __future__ import annotations

from dataclasses import dataclass, field

from amendtrack.compare.redline import Change, plain, redline
from amendtrack.model.tree import Paragraph
from amendtrack.report.snapshot import Outcome, Snapshot

MARKERS_SHOWN = ("formerly", "merged", "deleted", "forthcoming", "note")


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

    def to_dict(self) -> dict:
        """The history as JSON: `amendtrack history --json`."""
        return {
            "negotiation": self.negotiation,
            "pid": self.pid,
            "label": self.label,
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
                    "proposals": [o.to_dict() for o in v.proposals],
                }
                for v in self.versions
            ],
        }


def paragraph_history(snap: Snapshot, pid: str, label: str) -> ParagraphHistory:
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
            [snap.outcome(proposal_id, p, base_key) for proposal_id, p, base_key in snap.proposals_on(key, here.label)]
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
