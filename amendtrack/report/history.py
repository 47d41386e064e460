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
    open_points: list[str] = field(default_factory=list)  # what its open points did since the draft before


@dataclass
class ParagraphHistory:
    """One paragraph through every draft, followed by its persistent id."""

    negotiation: str
    negotiation_title: str
    pid: str
    label: str  # the label it was asked for by
    versions: list[ParagraphVersion]
    misread: dict[str, str] = field(default_factory=dict)  # words the scan probably misread (model.misread)

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
                    "open_points": v.open_points,
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
                key, draft_label, date, here.label if here else None, text, relation, note, changes, markers, outcomes,
                open_life(snap, previous_key, key, pid, here),
            )
        )  # fmt: skip
        previous = here or previous
        previous_key = key
    return ParagraphHistory(snap.negotiation, snap.title, pid, label, versions, snap.misread())


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


SAID = {  # an open point's event, as the history tells it
    "introduced": "opened: {before}",
    "kept": "still open: {before}",
    "changed": "{before} became {after}, still open",
    "resolved_alternative": "{before} settled: ‘{chosen}’ kept",
    "resolved_unbracketed": "{before} settled: the brackets dropped, the words kept",
    "resolved_deleted": "{before} settled: the words deleted",
    "resolved_paragraph_deleted": "{before} went with the paragraph",
    "option_survived": "{before} settled: {chosen} went on",
    "options_merged": "{before} settled: the options merged into the text",
}


def open_life(snap: Snapshot, before: str | None, key: str, pid: str, here: Paragraph | None) -> list[str]:
    """What the paragraph's open points did between the draft before and this one (in the first draft: which
    are open), each in a line."""
    found = snap.open_points()
    if before is None:
        return [f"open: {_shown(p.text)}" for _, p in found.points.get(key, []) if p.node.pid == pid]
    lines = []
    for old_key, new_key, _, event in found.events:
        if (old_key, new_key) != (before, key):
            continue
        mine = (event.before is not None and event.before.node.pid == pid) or (
            event.after is not None and here is not None and event.after.node is here
        )
        if mine:
            shown = {
                "before": _shown((event.before or event.after).text),
                "after": _shown(event.after.text if event.after else ""),
            }
            lines.append(SAID[event.kind].format(chosen=event.chosen or "", **shown))
    return lines


def _shown(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return f"‘{text if len(text) <= limit else text[: limit - 1] + '…'}’"
