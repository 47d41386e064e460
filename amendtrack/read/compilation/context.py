"""What every step of reading a compilation knows: the base draft, its rows, the words to trust."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from amendtrack.model.tree import Draft, Paragraph
from amendtrack.read.compilation.strikethrough import Vocabulary
from amendtrack.read.compilation.wording import text_with_subparagraphs, words_of

if TYPE_CHECKING:
    from amendtrack.model.delegation import Registry

# The kinds of base paragraph that have a row of their own in a compilation.
BLOCK_KINDS = ("preamble", "operative", "chapeau", "paragraph", "recommendation", "heading")


@dataclass
class Compilation:
    """A compilation of inputs being read against its base draft."""

    base: Draft
    registry: Registry
    source: str  # the file, as proposals cite it
    vocabulary: Vocabulary
    row_paragraphs: list[Paragraph]  # the base paragraphs that open a row, in draft order
    resolution_ops: list[str]  # the resolution's own operative paragraphs ('OP5' there, '5' in its annex)
    # a paragraph whose row was found → the paragraphs after it that have no row in the compilation
    missing: dict[int, list[Paragraph]] = field(default_factory=dict)

    @classmethod
    def start(cls, text: str, base: Draft, registry: Registry, source: str) -> Compilation:
        """Begin reading the compilation `text` on `base`."""
        resolution_ops = [
            n.label
            for n, parent in base.walk()
            if n.kind == "operative" and n.label.startswith("OP") and parent is None
        ]
        return cls(base, registry, source, Vocabulary.of(text, base), row_paragraphs(base), resolution_ops)

    def place(self, paragraph: Paragraph | None) -> int | None:
        """Where a row's paragraph stands among the rows, or None when it opens no row."""
        return next((k for k, n in enumerate(self.row_paragraphs) if n is paragraph), None)

    def lacking_after(self, paragraph: Paragraph | None) -> list[Paragraph]:
        """The paragraphs after this row's that the compilation has no row for (their inputs may sit here)."""
        return list(self.missing.get(id(paragraph), []))

    def nearby_words(self, paragraph: Paragraph) -> set[str]:
        """Words of a paragraph and of its neighbours: what a restatement of it can strike through."""
        at = self.place(paragraph)
        near = self.row_paragraphs[max(0, at - 1) : at + 2] if at is not None else [paragraph]
        return {w for n in near for w in words_of(text_with_subparagraphs(n))}


def row_paragraphs(base: Draft) -> list[Paragraph]:
    """The base paragraphs that open a row of the compilation: those at the top, or under a heading."""
    nodes = []
    for node, parent in base.walk():
        if node.kind not in BLOCK_KINDS or not node.text:
            continue
        if parent is None or parent.kind == "heading":
            nodes.append(node)
    return nodes
