"""Which paragraph of the stored draft each paragraph of a Word file is, and whether the file is on that draft.

A delegation's file may have drifted numbering or its own edits: its paragraphs are linked to
the draft by alignment (`amendtrack.compare.align`), and a file whose paragraphs mostly match
nothing in the draft is refused as based on another draft.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from amendtrack.compare.align import BLOCK_KINDS, align
from amendtrack.errors import InputError
from amendtrack.model.tree import Draft, Paragraph

DIFFERENT_DRAFT = 0.6  # least share of the file's paragraphs that must match the draft almost word for word
NEAR_SAME = 0.9  # word similarity that counts as "the same paragraph" for that test


def similar(a: str, b: str) -> float:
    """How alike two texts are, word by word (0 to 1)."""
    wa, wb = re.findall(r"\w+", a.lower()), re.findall(r"\w+", b.lower())
    if not wa and not wb:
        return 1.0
    return SequenceMatcher(None, wa, wb, autojunk=False).ratio()


def match_to_draft(base: Draft, sub: Draft, source: str) -> dict[int, Paragraph]:
    """The stored paragraph of each paragraph of the file (by id), through alignment; a foreign draft is refused."""
    found: dict[int, Paragraph] = {}
    for link in align(base, sub).links:
        if not link.sources or not link.targets:
            continue
        for target in link.targets:
            found[id(target)] = max(link.sources, key=lambda s: similar(s.text, target.text))
    blocks = [
        node
        for node, parent in sub.walk()
        if node.kind in BLOCK_KINDS and node.text and (parent is None or parent.kind == "heading")
    ]
    same = sum(1 for node in blocks if id(node) in found and similar(found[id(node)].text, node.text) >= NEAR_SAME)
    if blocks and same < DIFFERENT_DRAFT * len(blocks):
        named = f" {base.source}" if base.source else ""
        raise InputError(
            source,
            f"not based on the draft{named}: only {same} of its {len(blocks)} paragraphs match that draft "
            "(is it a submission on another draft?)",
        )
    return found
