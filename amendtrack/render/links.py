"""Where each paragraph and proposal has its pages in a negotiation's folder of the site, to link them.

A redline row links to the paragraph's history and to the proposals made on it; a history's
version to its row in the redline; a proposal's card to its entry in the compilation, the history
of its paragraph and its sponsors' reports; a compilation's paragraph to its history and each
input to its delegation's report. Pages written on their own (`diff --html`, `history --html`)
have none of these pages beside them and get no `SiteLinks`: they link nowhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from amendtrack.compare.comparison import Comparison
from amendtrack.model.tree import Paragraph
from amendtrack.report.snapshot import Outcome, Snapshot

Links = list[tuple[str, str]]  # (words, href), in the order shown


@dataclass
class SiteLinks:
    """The pages of one negotiation by what they show; every href is relative to the negotiation's folder."""

    snap: Snapshot
    histories: dict[str, str]  # persistent id → its history page
    reports: dict[str, str]  # delegation → its report page
    compilations: dict[str, str] = field(default_factory=dict)  # draft key → the compilation of inputs on it
    rows: dict[tuple[str, str], str] = field(default_factory=dict)  # (draft key, eId) → its redline row
    onward: dict[tuple[str, str], str] = field(default_factory=dict)  # (draft key, eId) → its row towards the next
    _made_on: dict[int, str] = field(default_factory=dict)  # proposal id → the draft it was made on

    def add_redline(self, page: str, old_key: str, new_key: str, comparison: Comparison) -> None:
        """Record the rows of a redline page: a paragraph's row is the one of the redline that ends in its
        draft (what changed to make it), the first draft's the one that starts from it."""
        for row in comparison.rows:
            for node in row.link.targets:
                self.rows[(new_key, node.eid)] = f"{page}#{row.anchor}"
            for node in row.link.sources:
                self.rows.setdefault((old_key, node.eid), f"{page}#{row.anchor}")
                self.onward[(old_key, node.eid)] = f"{page}#{row.anchor}"

    def history(self, node: Paragraph) -> str | None:
        return self.histories.get(node.pid or "")

    def for_row(self, old_key: str, sources: list[Paragraph], targets: list[Paragraph]) -> Links:
        """A redline row's links: each paragraph's history, and the proposals made on the earlier one(s)."""
        found: Links = []
        for node in targets or sources:
            page = self.history(node)
            if page:
                found.append((f"history of {node.label}", page))
        for node in sources:
            made = self.snap.proposals_on(old_key, node.label)
            page = self.compilations.get(old_key)
            if made and page:
                found.append((_count(len(made), "proposal") + f" on {node.label}", f"{page}#proposal-{made[0][0]}"))
        return found

    def for_version(self, key: str, pid: str) -> Links:
        """A history's version: its row in the redline."""
        node = self.snap.with_pid(key, pid)
        row = self.rows.get((key, node.eid)) if node is not None else None
        return [("in the redline", row)] if row else []

    def for_label(self, key: str, label: str) -> str | None:
        """The history page of the paragraph of draft `key` printed with this label."""
        node = self.snap.find(key, label)
        return self.history(node) if node is not None else None

    def for_proposed_label(self, label: str) -> str | None:
        """The history of the paragraph printed with this label in the first draft proposals were made on."""
        for key in self.compilations:
            page = self.for_label(key, label)
            if page:
                return page
        return None

    def report(self, delegation: str, proposal_id: int) -> str | None:
        """A proposal in a delegation's report."""
        page = self.reports.get(delegation)
        return f"{page}#proposal-{proposal_id}" if page else None

    def for_outcome(self, outcome: Outcome, shown_for: str | None = None) -> Links:
        """A proposal's card: its entry in the compilation, its paragraph's row in the redline towards the
        next draft and its history, its sponsors' reports (not the report it is shown in, `shown_for`)."""
        if not self._made_on:
            self._made_on.update({proposal_id: key for proposal_id, _, key in self.snap.proposals})
        key = self._made_on.get(outcome.id, "")
        found: Links = []
        if key in self.compilations:
            found.append(("in the compilation", f"{self.compilations[key]}#proposal-{outcome.id}"))
        node = self.snap.find(key, outcome.base_label) if outcome.base_label and key else None
        if node is not None and (key, node.eid) in self.onward:
            found.append(("in the redline", self.onward[(key, node.eid)]))
        page = self.history(node) if node is not None else None
        if page:
            found.append((f"history of {outcome.base_label}", page))
        for name in outcome.proposal.delegations:
            href = self.report(name, outcome.id) if name != shown_for else None
            if href:
                found.append((f"{name}’s report", href))
        return found


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")
