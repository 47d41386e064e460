"""A delegation's inputs read together: a deletion that carries out its own plan to merge paragraphs, and a
move it states at both ends.

Singapore's row 42 says 'delete 43–46 and incorporate their substance in an amended 42', and its rows
43 to 46 each say only 'delete'; the EU redrafts 49 with the words of 50 and 52, and deletes 50 and
52. Read alone, each 'delete' is a deletion; read with the delegation's input on the paragraph that
takes the words in, it is a merge into that paragraph, and the next draft is judged against that.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from amendtrack.model.proposal import Proposal
from amendtrack.model.tree import Draft, names_paragraph, normalise_label
from amendtrack.model.words import content_stems

PLANNED = ("redraft", "merge", "replace", "insert")  # inputs whose new wording may take another paragraph's words in
HELD = 0.5  # least share of a deleted paragraph's own content words the other input's new wording must hold
LEAST_WORDS = 5  # … counted only when it has this many words of its own (fewer could be met by chance)
FOLDING = re.compile(r"\b(?:merg\w*|incorporat\w*|combin\w*|fold\w*|streamlin\w*|integrat\w*|absorb\w*)\b", re.I)


def merge_plans(proposals: list[Proposal], base: Draft) -> None:
    """Turn each whole-paragraph deletion that is half of its delegation's merge plan into a merge (in place)."""
    by_delegation: dict[str, list[Proposal]] = {}
    for proposal in proposals:
        if proposal.operation != "delete":
            for name in proposal.delegations:
                by_delegation.setdefault(name, []).append(proposal)
    stems: dict[str, set[str]] = {}  # each text's content stems, computed once

    def stems_of(text: str) -> set[str]:
        if text not in stems:
            stems[text] = set(content_stems(text))
        return stems[text]

    for proposal in proposals:
        if proposal.operation != "delete" or proposal.edits or not proposal.paragraph:
            continue
        others = [o for name in proposal.delegations for o in by_delegation.get(name, [])]
        into = _plan(proposal, others, base, stems_of)
        if into is not None:
            proposal.operation = "merge"
            proposal.related = [into]
            proposal.rationale = (
                proposal.rationale or f"its words go into paragraph {into}, as the same input there asks"
            )


def _plan(deletion: Proposal, others: list[Proposal], base: Draft, stems_of: Callable[[str], set[str]]) -> str | None:
    """The paragraph another input of the same delegation (`others`) folds this one into: it says so
    ('incorporate 43-46 in amended 42'), or its new wording for that paragraph holds most of this one's own
    words (those that paragraph did not already have)."""
    node = base.find(deletion.paragraph or "")
    if node is None:
        return None
    for other in others:
        there = base.find(other.paragraph or "")
        if there is None or there is node:
            continue
        verbatim = " ".join(s.verbatim for s in other.sponsors)
        if FOLDING.search(verbatim) and names_paragraph(verbatim, node.label):
            return other.paragraph
        if other.operation not in PLANNED:
            continue
        own = stems_of(node.text) - stems_of(there.text)
        brought = own & stems_of(other.text or "")
        if len(own) >= LEAST_WORDS and len(brought) >= HELD * len(own):
            return other.paragraph
    return None


def moves_said_twice(proposals: list[Proposal]) -> list[Proposal]:
    """One move a delegation states at both ends ('Paragraph 10ter (moved from paragraph 39): …' in one row,
    'moved to paragraph 10 ter' in 39's) is one proposal: the first, with the words either gave."""
    kept: list[Proposal] = []
    seen: dict[tuple, Proposal] = {}
    for proposal in proposals:
        key = _move_key(proposal)
        first = seen.get(key) if key is not None else None
        if first is None:
            if key is not None:
                seen[key] = proposal
            kept.append(proposal)
            continue
        first.text = first.text or proposal.text
    return kept


def _move_key(proposal: Proposal) -> tuple | None:
    """Who moves which paragraph where, the destination's spelling folded ('10 ter' is '10ter')."""
    if proposal.operation != "move" or not proposal.paragraph or not proposal.new_label:
        return None
    return (tuple(proposal.delegations), normalise_label(proposal.paragraph), normalise_label(proposal.new_label))
