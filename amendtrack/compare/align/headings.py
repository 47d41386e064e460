"""Link the headings of two drafts: by label, since a heading's text is often reworded and rarely moves."""

from __future__ import annotations

from amendtrack.compare.align.index import ParagraphIndex
from amendtrack.compare.align.links import Link
from amendtrack.model.tree import normalise_label
from amendtrack.model.words import normalise


def link_headings(drafts: ParagraphIndex) -> list[Link]:
    """Each new heading with the first unused old heading of its label (same or modified), then the deleted ones."""
    links: list[Link] = []
    used: set[int] = set()
    for new in drafts.new_headings:
        match = _first_unused(drafts, normalise_label(new.label), used)
        if match is None:
            links.append(Link("new", [], [new], 0.0, "inferred", "new heading"))
            continue
        used.add(match)
        old = drafts.old_headings[match]
        same = normalise(old.text) == normalise(new.text)
        score = 1.0 if same else drafts.weights.cosine(drafts.vector(old), drafts.vector(new))
        links.append(Link("same" if same else "modified", [old], [new], score))
    for k, old in enumerate(drafts.old_headings):
        if k not in used:
            links.append(Link("deleted", [old], [], 0.0, "inferred", "heading deleted"))
    return links


def _first_unused(drafts: ParagraphIndex, key: str, used: set[int]) -> int | None:
    """The first old heading with this (normalised) label not linked yet."""
    for k, old in enumerate(drafts.old_headings):
        if k not in used and normalise_label(old.label) == key:
            return k
    return None
