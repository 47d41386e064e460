"""A negotiation loaded and judged once, and each proposal's outcome: what every report is made of.

A `Snapshot` holds a negotiation's drafts in order, each with the draft after it and the lineage
between them, its proposals, their computed dispositions and the facilitators' overrides. It is
plain data (the store fills it, see store.snapshot); reports, histories, tables and the site read it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from amendtrack.compare.align import Alignment, Link
from amendtrack.compare.disposition import Disposition, NodeFinder
from amendtrack.compare.redline import Change, plain, redline
from amendtrack.model.doubts import doubts, flagged, reading_confidence
from amendtrack.model.misread import misread_words
from amendtrack.model.proposal import STATUSES, Proposal
from amendtrack.model.tree import Draft, Paragraph
from amendtrack.report.progress import DraftStep, Progress, progress

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

    @property
    def check(self) -> list[str]:
        """Why a facilitator should check how the input was read, when its reading is in doubt (else empty)."""
        return [doubt.reason for doubt in doubts(self.proposal)] if flagged(self.proposal) else []

    def to_dict(self) -> dict:
        """The outcome as JSON: the proposal, its redlines as [-…-]{+…+} text, and its disposition."""
        record = {"id": self.id, **self.proposal.to_dict()}
        record.update(
            {
                "disposition": self.status,
                "reading_confidence": round(reading_confidence(self.proposal), 2),
                "check_reading": self.check,
                "computed": self.computed.status,
                "override": self.override,
                "note": self.note,
                "explanation": self.computed.explanation,
                "evidence": self.computed.to_dict()["evidence"],
                "base_text": self.base_text,
                "proposed_redline": plain(self.proposed) if self.proposed else None,
                "next_paragraph": self.next_label,
                "next_text": self.next_text,
                "next_redline": plain(self.against_next) if self.against_next else None,
            }
        )
        return record


@dataclass
class DraftPair:
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
    pairs: dict[str, DraftPair]  # draft key → the draft with the one after it
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
    _progress: Progress | None = field(default=None, init=False, repr=False, compare=False)
    _misread: dict[str, str] | None = field(default=None, init=False, repr=False, compare=False)

    def misread(self) -> dict[str, str]:
        """The words a scan probably misread (model.misread), judged over every draft and proposal at once."""
        if self._misread is None:
            self._misread = misread_words(self._texts())
        return self._misread

    def _texts(self) -> Iterator[str]:
        """Every text the negotiation was given: its drafts' paragraphs and its inputs as written (not the
        texts made from them, which would count a draft's misreading again for each proposal on it)."""
        for key, _, _ in self.drafts:
            yield from (node.text for node, _ in self.tree(key).walk())
        for _, proposal, _ in self.proposals:
            yield from (sponsor.verbatim for sponsor in proposal.sponsors)

    def open_points(self) -> Progress:
        """The open points of every draft and their events between drafts (report.progress), computed once."""
        if self._progress is None:
            chain = [DraftStep(key, label, self.tree(key), self.pairs[key].alignment) for key, label, _ in self.drafts]
            self._progress = progress(self.negotiation, self.title, chain)
        return self._progress

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
        return self._first(self._labels, key, lambda node: node.label).get(label)

    def with_pid(self, key: str, pid: str) -> Paragraph | None:
        """The first node of draft `key` with this persistent id."""
        return self._first(self._pids, key, lambda node: node.pid).get(pid)

    def _first(
        self, cache: dict[str, dict[str, Paragraph]], key: str, value: Callable[[Paragraph], str | None]
    ) -> dict[str, Paragraph]:
        """Draft `key`'s nodes by `value` (the first in document order wins), built once into `cache`."""
        found = cache.get(key)
        if found is None:
            found = cache[key] = {}
            for node, _ in self.tree(key).walk():
                if (name := value(node)) is not None:
                    found.setdefault(name, node)
        return found

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

    def outcome(self, pid: int, proposal: Proposal, key: str) -> Outcome:
        """A proposal's outcome, computed once per snapshot (a report and a history may both show it)."""
        found = self._outcomes.get(pid)
        if found is None:
            found = self._outcomes[pid] = _new_outcome(self, pid, proposal, key)
        return found


def _new_outcome(snap: Snapshot, pid: int, proposal: Proposal, key: str) -> Outcome:
    """The outcome of one proposal: its base text, what it asked as a redline, and the next draft against it."""
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


def disposition_records(snap: Snapshot) -> list[dict]:
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
