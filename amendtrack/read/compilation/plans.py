"""A delegation's inputs read together: a deletion that carries out its own plan to merge paragraphs.

Singapore's row 42 says 'delete 43–46 and incorporate their substance in an amended 42', and its rows
43 to 46 each say only 'delete'; the EU redrafts 49 with the words of 50 and 52, and deletes 50 and
52. Read alone, each 'delete' is a deletion; read with the delegation's input on the paragraph that
takes the words in, it is a merge into that paragraph, and the next draft is judged against that.
"""

from __future__ import annotations

import re

from amendtrack.model.proposal import Proposal
from amendtrack.model.tree import Draft, names_paragraph
from amendtrack.model.words import content_stems

PLANNED = ("redraft", "merge", "replace", "insert")  # inputs whose new wording may take another paragraph's words in
HELD = 0.5  # least share of a deleted paragraph's own content words the other input's new wording must hold
LEAST_WORDS = 5  # … counted only when it has this many words of its own (fewer could be met by chance)
FOLDING = re.compile(r"\b(?:merg\w*|incorporat\w*|combin\w*|fold\w*|streamlin\w*|integrat\w*|absorb\w*)\b", re.I)


def merge_plans(proposals: list[Proposal], base: Draft) -> None:
    """Turn each whole-paragraph deletion that is half of its delegation's merge plan into a merge (in place)."""
    for proposal in proposals:
        if proposal.operation != "delete" or proposal.edits or not proposal.paragraph:
            continue
        into = _plan(proposal, proposals, base)
        if into is not None:
            proposal.operation = "merge"
            proposal.related = [into]
            proposal.rationale = (
                proposal.rationale or f"its words go into paragraph {into}, as the same input there asks"
            )


def _plan(deletion: Proposal, proposals: list[Proposal], base: Draft) -> str | None:
    """The paragraph another input of the same delegation folds this one into: it says so ('incorporate 43-46
    in amended 42'), or its new wording for that paragraph holds most of this one's own words (those that
    paragraph did not already have)."""
    node = base.find(deletion.paragraph or "")
    if node is None:
        return None
    mine = set(deletion.delegations)
    for other in proposals:
        if other is deletion or other.operation == "delete" or not mine & set(other.delegations):
            continue
        there = base.find(other.paragraph or "")
        if there is None or there is node:
            continue
        verbatim = " ".join(s.verbatim for s in other.sponsors)
        if FOLDING.search(verbatim) and names_paragraph(verbatim, node.label):
            return other.paragraph
        if other.operation not in PLANNED:
            continue
        own = set(content_stems(node.text)) - set(content_stems(there.text))
        brought = own & set(content_stems(other.text or ""))
        if len(own) >= LEAST_WORDS and len(brought) >= HELD * len(own):
            return other.paragraph
    return None
