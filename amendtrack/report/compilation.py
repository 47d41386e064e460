"""The compilation table of a draft: each paragraph beside every input on it, as facilitators lay it out."""

from __future__ import annotations

from dataclasses import dataclass, field

from amendtrack.compare.redline import Change, redline
from amendtrack.model.doubts import doubts, flagged
from amendtrack.model.proposal import Proposal
from amendtrack.model.tree import is_heading
from amendtrack.report.snapshot import Snapshot


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
    check: list[str] = field(default_factory=list)  # why the reading should be checked (model.doubts), if it should


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
    misread: dict[str, str] = field(default_factory=dict)  # words the scan probably misread (model.misread)


def compilation_table(snap: Snapshot, draft_key: str, with_disposition: bool = False) -> CompilationTable:
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
                    [d.reason for d in doubts(proposal)] if flagged(proposal) else [],
                )
            )
        return found

    for node, parent in tree.walk():
        depth = 0 if parent is None or is_heading(parent) else 1
        kind = "heading" if is_heading(node) else "paragraph"
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
        snap.misread(),
    )
