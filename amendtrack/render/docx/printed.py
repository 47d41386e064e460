"""Labels, indents and dates as UN documents print them."""

from __future__ import annotations

import re

from amendtrack.model.tree import UNNUMBERED, Paragraph, normalise_label


def printed_label(node: Paragraph) -> str:
    """A paragraph's label as the draft prints it: '1.', 'PP4', '(a)'; a bullet for unlabelled items; nothing for
    a paragraph the draft leaves unnumbered (its label, 'unnumbered paragraph after 55', is amendtrack's)."""
    if not node.num:
        if node.kind == "chapeau" or (node.label_inferred and node.label.startswith(UNNUMBERED)):
            return ""
        if node.kind == "item":
            return "•"
        return node.label
    if node.label_inferred or (node.kind == "heading" and normalise_label(node.num) != normalise_label(node.label)):
        return node.label  # an OCR-damaged heading number ('I1' for 'II') reads better as the label
    return node.num


def indent_level(node: Paragraph) -> int:
    """How far a paragraph standing on its own is indented: sub-paragraphs and items one step."""
    return 1 if node.kind in ("subparagraph", "item") else 0


def date_words(date: str | None) -> str:
    """'2010-07-19' → '19 July 2010', as UN documents write dates."""
    months = "January February March April May June July August September October November December".split()
    found = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", (date or "").strip())
    if not found or not 1 <= int(found[2]) <= 12:
        return date or ""
    return f"{int(found[3])} {months[int(found[2]) - 1]} {found[1]}"
