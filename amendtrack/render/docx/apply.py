"""One delegation's proposals applied to a draft as tracked changes authored by that delegation.

The General Assembly asks delegations to submit proposals as tracked changes on the official
text; what cannot be a tracked change (a move, a merge, a comment, a proposal that could not be
applied) becomes a comment saying what was asked and why.
"""

from __future__ import annotations

from amendtrack.compare.redline import DELETE, EQUAL, INSERT, Change, new_text, old_text, redline
from amendtrack.model.proposal import Proposal
from amendtrack.model.tree import Draft, Paragraph
from amendtrack.render.docx.edits import place_edits
from amendtrack.render.docx.paragraphs import Para, Run, annotate, title_block
from amendtrack.render.docx.printed import printed_label
from amendtrack.render.docx.writer import Writer

_TEXT_OPERATIONS = ("insert", "delete", "replace", "redraft")


def apply_docx(
    draft: Draft,
    proposals: list[Proposal],
    delegation: str,
    date: str | None = None,
    title: str = "",
    *,
    draft_label: str = "",
) -> bytes:
    """A draft with one delegation's proposals as tracked changes authored by it.

    Word edits (insert, delete, replace) are placed where `find_span` finds their words; a redraft
    deletes the old text and inserts the new; a new paragraph is inserted after its anchor (and the
    anchor's sub-paragraphs); deleting a paragraph deletes it whole. One text change is shown per
    paragraph (the first in document order); moves, merges, splits, comments, proposals that could
    not be applied and further changes to a paragraph already changed become comments saying what
    was asked and why it is not a tracked change.
    """
    writer = Writer(delegation, date)
    on_paragraph, lost = _by_paragraph(draft, proposals)
    head = title_block(
        [
            ("Title", title),
            ("Subtitle", f"Proposals of {delegation}" + (f" on the {draft_label}" if draft_label else "")),
            ("Subtitle", "Each proposal is a tracked change by its delegation; what cannot be one is a comment."),
        ]
    )
    if lost and head:
        notes = [f"Not placed (paragraph not in this draft): {_asked(p)}" for p in lost]
        annotate(head[-1], head[-1], writer.comment(notes, delegation))
    body: list[Para] = []

    def in_document_order(nodes: list[Paragraph], parent: Paragraph | None) -> None:
        for node in nodes:
            depth = 0 if parent is None or parent.kind == "heading" else 1
            new_after = _applied_paragraph(node, on_paragraph.get(id(node), []), depth, writer, body)
            in_document_order(node.children, node)
            for proposal in new_after:
                body.append(_proposed_paragraph(proposal, depth, writer))

    in_document_order(draft.paragraphs, None)
    paras = head + body
    if paras and paras[-1].mark != EQUAL:
        paras.append(Para())
    footer = f"Proposals of {delegation}"
    return writer.package([writer.paragraph(p) for p in paras], title or footer, footer, landscape=False, track=True)


def _by_paragraph(draft: Draft, proposals: list[Proposal]) -> tuple[dict[int, list[Proposal]], list[Proposal]]:
    """The proposals on each paragraph of the draft (by the paragraph's id), and those whose paragraph it lacks."""
    on_paragraph: dict[int, list[Proposal]] = {}
    lost: list[Proposal] = []
    for proposal in proposals:
        node = draft.find(proposal.paragraph) if proposal.paragraph else None
        if node is None:
            lost.append(proposal)
        else:
            on_paragraph.setdefault(id(node), []).append(proposal)
    return on_paragraph, lost


def shown_proposal(proposals: list[Proposal]) -> Proposal | None:
    """The proposal `apply_docx` shows as tracked changes on a paragraph: its first applied text change."""
    return next((p for p in proposals if p.operation in _TEXT_OPERATIONS and p.applied), None)


def proposal_changes(base: str, proposal: Proposal) -> list[Change]:
    """The tracked changes of one applied proposal on its paragraph; they always give its resulting text."""
    result = proposal.resulting_text or ""
    if proposal.operation == "redraft":
        return [change for change in (Change(DELETE, base), Change(INSERT, result)) if change.text]
    placed = place_edits(base, proposal.edits) if proposal.edits else None
    if placed is not None and old_text(placed) == base and new_text(placed) == result:
        return placed
    return redline(base, result)  # where the placed words and the stored result differ in spacing


def _applied_paragraph(
    node: Paragraph, proposals: list[Proposal], depth: int, writer: Writer, body: list[Para]
) -> list[Proposal]:
    """A paragraph with its proposal as tracked changes, the others as comments; returns the new ones asked after it."""
    shown = shown_proposal(proposals)
    notes, new_after = _notes_and_new_paragraphs(proposals, shown)
    para = _changed_paragraph(node, shown, depth)
    for note in notes:  # one comment per proposal: its rationale travels with its change
        annotate(para, para, writer.comment([note]))
    body.append(para)
    return new_after


def _notes_and_new_paragraphs(proposals: list[Proposal], shown: Proposal | None) -> tuple[list[str], list[Proposal]]:
    """A comment for each proposal on a paragraph (the shown one's rationale), and the new paragraphs asked after it."""
    notes: list[str] = []
    new_after: list[Proposal] = []
    for proposal in proposals:
        if proposal is shown:
            if proposal.rationale:
                notes.append(f"{_who(proposal)}: {proposal.rationale}")
        elif proposal.operation == "new_paragraph" and proposal.applied:
            new_after.append(proposal)
        elif proposal.operation in _TEXT_OPERATIONS and proposal.applied and shown is not None:
            notes.append(
                f"Also proposed: {_asked(proposal)} Not shown as a tracked change: the paragraph already carries "
                f"the {shown.operation} proposal of {_who(shown)}."
            )
        else:
            notes.append(_why_not(proposal))
    return notes, new_after


def _changed_paragraph(node: Paragraph, shown: Proposal | None, depth: int) -> Para:
    """The paragraph with the shown proposal's tracked changes; deleting it whole deletes its label and mark too."""
    label = printed_label(node)
    whole = shown is not None and shown.operation == "delete" and not shown.edits and not shown.resulting_text
    op = DELETE if whole else EQUAL
    style = "Heading1" if node.kind == "heading" else None
    para = Para(mark=op, style=style, depth=depth, labelled=bool(label), keep_next=node.kind == "heading")
    if label:
        para.add(Run(op, label, label=True))
    if whole:
        para.add(Run(DELETE, node.text))
    else:
        changes = proposal_changes(node.text, shown) if shown is not None else [Change(EQUAL, node.text)]
        for change in changes:
            para.add(Run(change.op, change.text))
    return para


def _proposed_paragraph(proposal: Proposal, depth: int, writer: Writer) -> Para:
    """A proposed new paragraph, inserted whole under its new label."""
    para = Para(mark=INSERT, depth=depth)
    label = proposal.new_label or ""
    para.labelled = bool(label)
    if label:
        para.add(Run(INSERT, label, label=True))
    para.add(Run(INSERT, proposal.resulting_text or proposal.text or ""))
    if proposal.rationale:
        annotate(para, para, writer.comment([f"{_who(proposal)}: {proposal.rationale}"]))
    return para


def _who(proposal: Proposal) -> str:
    """The delegations behind a proposal, as a comment names them."""
    return ", ".join(proposal.delegations) or "?"


def _verbatim(proposal: Proposal) -> str:
    """The first sponsor's own words, on one line."""
    text = proposal.sponsors[0].verbatim if proposal.sponsors else ""
    return " ".join(text.split())


def _asked(proposal: Proposal) -> str:
    """What a proposal asked, in a sentence: its operation, its paragraph and the delegation's words."""
    where = f" {proposal.paragraph}" if proposal.paragraph else ""
    words = _verbatim(proposal) or proposal.text or ""
    return f"{_who(proposal)}, {proposal.operation}{where}" + (f": “{words}”." if words else ".")


def _why_not(proposal: Proposal) -> str:
    """A comment for a proposal that is no tracked change: what was asked, and why."""
    op = proposal.operation
    why = {
        "move": "a move of a whole paragraph is left to the facilitators",
        "merge": "a merge of paragraphs is left to the facilitators",
        "split": "a split of a paragraph is left to the facilitators",
        "comment": "it changes no words",
    }.get(op)
    if why is None:
        why = (
            f"it could not be applied ({proposal.unapplied_reason})"
            if proposal.unapplied_reason
            else "it could not be applied"
        )
    target = ""
    if op == "move" and proposal.new_label:
        target = f" Move to: {proposal.new_label}."
    elif op in ("merge", "split") and (proposal.related or proposal.new_label):
        target = f" With: {', '.join(proposal.related) or proposal.new_label}."
    rationale = f" Rationale: {proposal.rationale}" if proposal.rationale and op != "comment" else ""
    if op == "comment":
        return f"{_who(proposal)}: {proposal.rationale or _verbatim(proposal)}"
    return f"{_asked(proposal)}{target}{rationale} Not a tracked change: {why}."
