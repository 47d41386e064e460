"""Two drafts compared: every lineage link with its redline and its relation in words, in reading order.

This is what the redline renderers (terminal, HTML, Word) show; it holds plain data only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from amendtrack.compare.align import Alignment, Link, align
from amendtrack.compare.redline import BOUNDARY, Change, Codec, redline_all
from amendtrack.model.tree import Draft, is_heading
from amendtrack.model.words import word_forms


@dataclass
class Row:
    """One link, ready to show side by side."""

    link: Link
    changes: list[Change]  # old own texts → new own texts (joined with redline.BOUNDARY for merges and splits)
    description: str  # the relation in words: "merged from 43–47 into 42", "formerly PP7, moved up"
    anchor: str  # a stable HTML id: the new eId, or "old-" + the old eId for what was deleted
    depth: int  # 0 for paragraphs and headings, 1 and more for sub-paragraphs and items
    heading: bool

    @property
    def form_only(self) -> bool:
        """Modified in word form only: the same words up to inflection, spelling, capitals and punctuation
        ('Ensuring' → 'Ensure'), which a reader may want to skip."""
        if self.link.relation != "modified":
            return False
        old = word_forms(" ".join(p.text for p in self.link.sources))
        return old == word_forms(" ".join(p.text for p in self.link.targets))

    @property
    def old_labels(self) -> list[str]:
        return [p.label for p in self.link.sources]

    @property
    def new_labels(self) -> list[str]:
        return [p.label for p in self.link.targets]


@dataclass
class Comparison:
    old_label: str
    new_label: str
    rows: list[Row]
    counts: dict[str, int]  # relation → number of links among paragraphs (headings not counted)
    conflicts: list[str] = field(default_factory=list)


def describe(link: Link) -> str:
    """A link's relation in a negotiator's words."""
    old = ", ".join(p.label for p in link.sources)
    new = ", ".join(p.label for p in link.targets)
    if link.relation == "same":
        text = "unchanged"
    elif link.relation == "modified":
        text = f"modified, {link.note}" if link.note else "modified"
    elif link.relation == "renumbered":
        text = f"renumbered from {old} to {new}"
    elif link.relation == "new":
        text = "new heading" if link.targets and is_heading(link.targets[0]) else "new paragraph"
    elif link.relation == "deleted":
        text = link.note or "deleted"
    else:
        text = link.note or link.relation
    if link.source == "declared":
        text += " (as the draft marks it)"
    return text


def _depth(link: Link) -> int:
    node = (link.targets or link.sources)[0]
    return 1 if node.kind in ("subparagraph", "item") else 0


def compare(
    old: Draft, new: Draft, old_label: str = "", new_label: str = "", alignment: Alignment | None = None
) -> Comparison:
    """Align two drafts (unless an alignment is given) and redline every link."""
    alignment = alignment or align(old, new)
    rows = []
    texts = [
        (BOUNDARY.join(p.text for p in link.sources), BOUNDARY.join(p.text for p in link.targets))
        for link in alignment.links
    ]
    for link, changes in zip(alignment.links, redline_all(texts, Codec()), strict=True):
        heading = is_heading((link.targets or link.sources)[0])
        anchor = link.targets[0].eid if link.targets else f"old-{link.sources[0].eid}"
        rows.append(Row(link, changes, describe(link), anchor, _depth(link), heading))
    return Comparison(old_label, new_label, rows, alignment.counts(), list(alignment.conflicts))
