"""Co-sponsorship: several delegations proposing the same change become one proposal with several sponsors.

"The same change" means the same target paragraph, the same operation and the same words once
spacing, quotes and case are folded. Each sponsor keeps its own verbatim input and source, so
the evidence of every delegation survives the grouping.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import replace

from amendtrack.model.proposal import Proposal

_QUOTES = re.compile(r"[\"'“”‘’«»„`]")


@functools.lru_cache(maxsize=65536)  # a delegation repeating itself repeats its words
def fold_words(text: str | None) -> str:
    """Words as compared for co-sponsorship: case, quotes, spacing and outer punctuation folded away."""
    if not text:
        return ""
    text = _QUOTES.sub("", unicodedata.normalize("NFKC", text)).casefold()
    return " ".join(text.split()).strip(" .,;:")


def change_key(proposal: Proposal) -> tuple | None:
    """What makes two proposals the same change; None for proposals that are never grouped.

    Proposals whose paragraph was not resolved are left alone: "the same words on an unknown
    paragraph" is not evidence of the same change. A comment (or a redraft asked without its words) is
    compared by what it says (its rationale or text, else its verbatim input); one that says nothing is
    never grouped.
    """
    if proposal.paragraph is None:
        return None
    edits = tuple(
        (edit.kind, fold_words(edit.old), fold_words(edit.new), fold_words(edit.anchor), edit.position or "")
        for edit in proposal.edits
    )
    words = fold_words(proposal.text)
    if proposal.operation == "comment" or (proposal.operation == "redraft" and not words and not edits):
        # A comment changes no words, nor does a redraft asked without its words: each is "the same" only
        # when it says the same thing.
        said = proposal.rationale or proposal.text or (proposal.sponsors[0].verbatim if proposal.sponsors else "")
        words = fold_words(said)
        if not words:
            return None
    return (
        proposal.paragraph,
        proposal.operation,
        edits,
        words,
        fold_words(proposal.new_label),
        tuple(sorted(fold_words(label) for label in proposal.related)),
    )


class _SameChange:
    """The groups making one change, in first-seen order, and who is in each.

    A proposal joins the first group none of its delegations is in. For each delegation a pointer
    to the first group it is not in only moves forward (a delegation never leaves a group), so a
    delegation repeating the same change thousands of times costs a step each, not a scan.
    """

    def __init__(self) -> None:
        self.groups: list[Proposal] = []
        self.members: list[set[str]] = []
        self.first_free: dict[str, int] = {}

    def joinable(self, who: set[str]) -> int | None:
        """The index of the first group that none of `who` is in, or None."""
        at = max((self._first_free(name) for name in who), default=0)
        while at < len(self.groups):
            if not self.members[at] & who:
                return at
            at += 1
        return None

    def add(self, group: Proposal) -> None:
        self.groups.append(group)
        self.members.append(set(group.delegations))

    def join(self, at: int, proposal: Proposal) -> Proposal:
        """Add the proposal's sponsors and references to group `at` (its confidence: the lowest)."""
        group = self.groups[at]
        self.members[at] |= set(proposal.delegations)
        group.sponsors.extend(proposal.sponsors)
        group.references.extend(ref for ref in proposal.references if ref not in group.references)
        group.confidence = min(group.confidence, proposal.confidence)
        return group

    def _first_free(self, name: str) -> int:
        at = self.first_free.get(name, 0)
        while at < len(self.members) and name in self.members[at]:
            at += 1
        self.first_free[name] = at
        return at


def group_cosponsored(proposals: list[Proposal]) -> list[Proposal]:
    """Merge proposals that make the same change into one with several sponsors, in first-seen order.

    The merged proposal is a copy of the first one with the others' sponsors appended (each with
    its verbatim and source), their distinct references added, the lowest confidence, and their
    rationales kept (each prefixed with its delegation unless all sponsors gave the same one).
    A delegation is never added twice to one group: the same delegation repeating itself stays
    two proposals, two pieces of evidence. The input list is not modified. Time grows with the
    number of proposals, not its square.
    """
    groups: list[Proposal] = []
    changes: dict[tuple, _SameChange] = {}
    said: dict[int, list[tuple[str, str | None]]] = {}  # group -> (who, rationale) of each proposal in it
    for proposal in proposals:
        key = change_key(proposal)
        same = changes.setdefault(key, _SameChange()) if key is not None else None
        at = same.joinable(set(proposal.delegations)) if same is not None else None
        if same is not None and at is not None:
            target = same.join(at, proposal)
        else:
            target = _new_group(proposal)
            groups.append(target)
            said[id(target)] = []
            if same is not None:
                same.add(target)
        said[id(target)].append((", ".join(proposal.delegations), proposal.rationale))
    for group in groups:
        given = said[id(group)]
        if len(given) > 1 and len({fold_words(text) if text else None for _, text in given}) > 1:
            # Not every sponsor gave the same reason: say who gave which.
            group.rationale = " | ".join(f"{who}: {text}" for who, text in given if text) or None
    return groups


def _new_group(proposal: Proposal) -> Proposal:
    """A copy of the proposal that other sponsors can join without changing the original."""
    return replace(
        proposal,
        sponsors=list(proposal.sponsors),
        references=list(proposal.references),
        related=list(proposal.related),
        edits=list(proposal.edits),
    )
