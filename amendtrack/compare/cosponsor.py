"""Co-sponsorship: several delegations proposing the same change become one proposal with several sponsors.

"The same change" means the same target paragraph, the same operation and the same words once
spacing, quotes and case are folded. Each sponsor keeps its own verbatim input and source, so
the evidence of every delegation survives the grouping.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from amendtrack.model.proposal import Proposal

_QUOTES = re.compile(r"[\"'“”‘’«»„`]")


def fold_words(text: str | None) -> str:
    """Words as compared for co-sponsorship: case, quotes, spacing and outer punctuation folded away."""
    if not text:
        return ""
    text = _QUOTES.sub("", unicodedata.normalize("NFKC", text)).casefold()
    return " ".join(text.split()).strip(" .,;:")


def change_key(proposal: Proposal) -> tuple | None:
    """What makes two proposals the same change; None for proposals that are never grouped.

    Proposals whose paragraph was not resolved are left alone: "the same words on an unknown
    paragraph" is not evidence of the same change. A comment is compared by what it says (its
    rationale or text, else its verbatim input); one that says nothing is never grouped.
    """
    if proposal.paragraph is None:
        return None
    edits = tuple(
        (edit.kind, fold_words(edit.old), fold_words(edit.new), fold_words(edit.anchor), edit.position or "")
        for edit in proposal.edits
    )
    words = fold_words(proposal.text)
    if proposal.operation == "comment":
        # A comment changes no words; it is "the same" only when it says the same thing.
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


def group_cosponsored(proposals: list[Proposal]) -> list[Proposal]:
    """Merge proposals that make the same change into one with several sponsors, in first-seen order.

    The merged proposal is a copy of the first one with the others' sponsors appended (each with
    its verbatim and source), their distinct references added, the lowest confidence, and their
    rationales kept (each prefixed with its delegation unless all sponsors gave the same one).
    A delegation is never added twice to one group: the same delegation repeating itself stays
    two proposals, two pieces of evidence. The input list is not modified.
    """
    groups: list[Proposal] = []
    open_groups: dict[tuple, list[Proposal]] = {}
    said: dict[int, list[tuple[str, str | None]]] = {}  # group -> (who, rationale) of each proposal in it
    for proposal in proposals:
        key = change_key(proposal)
        target = None
        if key is not None:
            for candidate in open_groups.get(key, []):
                if not set(candidate.delegations) & set(proposal.delegations):
                    target = candidate
                    break
        if target is None:
            target = replace(
                proposal,
                sponsors=list(proposal.sponsors),
                references=list(proposal.references),
                related=list(proposal.related),
                edits=list(proposal.edits),
            )
            groups.append(target)
            said[id(target)] = []
            if key is not None:
                open_groups.setdefault(key, []).append(target)
        else:
            target.sponsors.extend(proposal.sponsors)
            target.references.extend(ref for ref in proposal.references if ref not in target.references)
            target.confidence = min(target.confidence, proposal.confidence)
        said[id(target)].append((", ".join(proposal.delegations), proposal.rationale))
    for group in groups:
        given = said[id(group)]
        if len(given) > 1 and len({fold_words(text) if text else None for _, text in given}) > 1:
            # Not every sponsor gave the same reason: say who gave which.
            group.rationale = " | ".join(f"{who}: {text}" for who, text in given if text) or None
    return groups
