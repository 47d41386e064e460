"""Views of a Word document: its paragraphs with some tracked changes accepted and the others rejected.

Deleting a paragraph mark joins two paragraphs, inserting one splits a paragraph: so the
paragraphs of a view are runs of Word paragraphs up to each mark that view keeps.
"""

from __future__ import annotations

from dataclasses import dataclass

from amendtrack.read.word.document import Accept, WordDocument, has_mark, visible


@dataclass
class ViewParagraph:
    """One paragraph of a view: the Word paragraphs between two paragraph marks present in that view."""

    paras: list[int]
    text: str  # the visible text, raw
    footnotes: list[str]

    @property
    def mark(self) -> int:
        """The Word paragraph whose mark ends it."""
        return self.paras[-1]


def view_paragraphs(doc: WordDocument, accept: Accept) -> list[ViewParagraph]:
    """The paragraphs of a view: a paragraph whose mark is gone runs on into the next one (never across cells)."""
    groups: list[ViewParagraph] = []
    current: list[int] = []
    for k, p in enumerate(doc.paras):
        current.append(p.index)
        following = doc.paras[k + 1] if k + 1 < len(doc.paras) else None
        if has_mark(p, accept) or following is None or following.cell != p.cell:
            segs = [s for i in current for s in doc.paras[i].segs if visible(s, accept)]
            groups.append(
                ViewParagraph(
                    current, "".join(s.text for s in segs), [s.footnote for s in segs if s.footnote is not None]
                )
            )
            current = []
    return groups


def clean(text: str) -> str:
    """Text with its spacing as Word shows it: single spaces, none at the ends."""
    return " ".join(text.split())
