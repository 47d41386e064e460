"""A facilitator's correction of how an input was read, applied to the proposal as read.

The reading stays as the reader left it (and as it is stored); a correction says what the input
really asks: another operation, another paragraph, other words. Applied, it gives the proposal the
reports judge, marked `corrected` (so it is no longer in doubt, see model.doubts).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from amendtrack.model.proposal import OPERATIONS, Edit, Proposal, apply

FIELDS = ("operation", "paragraph", "text", "old", "anchor")


@dataclass(frozen=True)
class Correction:
    """What a facilitator set; None leaves that part of the reading as it was read."""

    note: str
    operation: str | None = None
    paragraph: str | None = None
    text: str | None = None  # the words put in; for a redraft or new paragraph, its whole text
    old: str | None = None  # the words taken out or replaced
    anchor: str | None = None  # an insertion goes after these words (at the end without them)

    def __post_init__(self) -> None:
        if self.operation is not None and self.operation not in OPERATIONS:
            raise ValueError(f"unknown operation {self.operation!r} (one of: {', '.join(OPERATIONS)})")
        if all(getattr(self, name) is None for name in FIELDS):
            raise ValueError("a correction changes the operation, the paragraph or the words")


def corrected(proposal: Proposal, correction: Correction, base_text: str | None) -> Proposal:
    """The proposal as the correction says it should have been read, applied to its (corrected) paragraph."""
    operation = correction.operation or proposal.operation
    fixed = replace(
        proposal,
        operation=operation,
        paragraph=correction.paragraph or proposal.paragraph,
        corrected=correction.note,
        confidence=1.0,
    )
    if correction.operation or correction.text is not None or correction.old is not None:
        fixed.edits, fixed.text = _words(operation, correction, proposal)
    return apply(fixed, base_text)


def _words(operation: str, correction: Correction, proposal: Proposal) -> tuple[list[Edit], str | None]:
    """The edits (or whole text) of the corrected operation, from the corrected words or the ones read."""
    new = correction.text if correction.text is not None else (proposal.text or _first(proposal, "new"))
    old = correction.old if correction.old is not None else _first(proposal, "old")
    if operation == "insert" and new:
        anchor = correction.anchor
        return [Edit("insert", new=new, anchor=anchor, position="after" if anchor else "end")], None
    if operation == "delete":
        return ([Edit("delete", old=old)] if old else []), None
    if operation == "replace" and old:
        return [Edit("replace", old=old, new=new or "")], None
    if operation in ("redraft", "new_paragraph"):
        return [], new
    return list(proposal.edits), proposal.text


def _first(proposal: Proposal, side: str) -> str | None:
    for edit in proposal.edits:
        if getattr(edit, side):
            return getattr(edit, side)
    return None
