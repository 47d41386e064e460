"""Doubts about how an input was read: what makes a reading worth a facilitator's second look.

Inputs come from two-column tables read by OCR, so a reading is a guess with evidence. Each sign
of doubt found in a proposal lowers its reading confidence (from the reader's own, below 1 for a
restatement diffed against its paragraph); below CHECK_BELOW the proposal is flagged "check this
reading" wherever it is shown, and `amendtrack apply` leaves it out unless asked. A reading a
facilitator corrected is no longer in doubt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from amendtrack.model.proposal import Proposal

CHECK_BELOW = 0.6  # a reading less sure than this is flagged for a facilitator
INSTRUCTION_INSIDE = re.compile(
    r"(?:^|[\s\"“”'‘’.,;:])(?:change|replace|delete|insert|add|substitute)\s+[\"“‘']|\bto quote\b|[\"”’]\s*[.;]\s+"
    r"(?:change|replace|delete|insert|add)\b",
    re.I,
)
INSTRUCTIONS = re.compile(r"\b(?:delete|replace|insert|add|change|move|redraft)\b", re.I)
EDITING = ("insert", "delete", "replace")
STRAY_AFTER_DELETE = re.compile(r"^\W*delete\b\W*(?:(?:the\s+)?(?:whole\s+)?paragraph\b\W*)?", re.I)


@dataclass(frozen=True)
class Doubt:
    """One sign that an input may have been misread, and how much it weighs (the confidence kept)."""

    reason: str
    kept: float


def doubts(proposal: Proposal) -> list[Doubt]:
    """The signs of doubt in a proposal's reading, each with its reason in words (none once corrected)."""
    if proposal.corrected is not None:
        return []
    found = []
    words = _proposed_words(proposal)
    if INSTRUCTION_INSIDE.search(words):
        found.append(Doubt("instruction words are left inside the proposed text", 0.4))
    if _unbalanced(words):
        found.append(Doubt("the proposed text has unbalanced quotation marks", 0.7))
    if proposal.operation in EDITING and _misplaced(proposal):
        found.append(Doubt(f"it does not apply to paragraph {proposal.paragraph}: {proposal.unapplied_reason}", 0.6))
    if any(sponsor.attribution == "inferred" for sponsor in proposal.sponsors):
        found.append(Doubt("the delegation is known only from the input's place in the table", 0.8))
    if proposal.operation == "redraft" and not proposal.text and not proposal.edits and not proposal.rationale:
        found.append(Doubt("the input breaks off before its new wording: what it asks could not be read", 0.5))
    verbatim = " ".join(sponsor.verbatim for sponsor in proposal.sponsors[:1])
    if _stray_words_after_deletion(proposal, verbatim):
        found.append(Doubt("the input goes on after 'delete' with words that are not the paragraph's", 0.8))
    if proposal.operation in ("redraft", "comment") and len(INSTRUCTIONS.findall(verbatim)) >= 2:
        found.append(Doubt("the input gives several instructions, read as one", 0.7))
    return found


def _stray_words_after_deletion(proposal: Proposal, verbatim: str) -> bool:
    """A whole-paragraph deletion whose input goes on with words that are neither a reason nor a paragraph
    named ('delete clarification);'): the scan may have joined them from another column, or they say more."""
    if proposal.operation != "delete" or proposal.edits or proposal.rationale:
        return False
    rest = STRAY_AFTER_DELETE.sub("", verbatim, count=1)
    if INSTRUCTIONS.search(rest) or re.search(r"\d", rest) or len(rest.split()) > 3:
        return False  # another instruction ('delete or change to …'), a paragraph named, or more than a stray
    return bool(re.search(r"[^\W\d_]", rest))


def reading_confidence(proposal: Proposal) -> float:
    """The reader's confidence times what each doubt keeps of it, 0…1."""
    confidence = proposal.confidence
    for doubt in doubts(proposal):
        confidence *= doubt.kept
    return confidence


def flagged(proposal: Proposal) -> bool:
    """Whether a facilitator should check this reading before it is used."""
    return reading_confidence(proposal) < CHECK_BELOW


def _misplaced(proposal: Proposal) -> bool:
    """Its words to replace or delete, or the words it goes after, are not in its paragraph (or not once):
    perhaps it was filed under the wrong paragraph. An insertion that names no place is not misplaced."""
    reason = proposal.unapplied_reason or ""
    return bool(proposal.edits) and not proposal.applied and ("not found" in reason or "times" in reason)


def _proposed_words(proposal: Proposal) -> str:
    parts = [proposal.text or ""] + [edit.new or "" for edit in proposal.edits]
    return " ".join(part for part in parts if part)


def _unbalanced(text: str) -> bool:
    """Opening and closing quotation marks that do not pair up ('“X' or 'X”'; an odd number of '"')."""
    return text.count("“") != text.count("”") or text.count('"') % 2 == 1
