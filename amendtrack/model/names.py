"""Names made from labels: keys and file-name parts (slugs), and a draft's label inside a sentence."""

from __future__ import annotations

import re


def slug(text: str, keep: str = "", empty: str = "x") -> str:
    """Lower-case letters and digits (and the characters in `keep`), every other run a single '-'.

    'Draft of 19 July' → 'draft-of-19-july'; with keep=".": 'L.1 Add.1' → 'l.1-add.1'. Leading and
    trailing separators are dropped; a text with none of those characters gives `empty`.
    """
    allowed = re.escape(keep)
    return re.sub(rf"[^a-z0-9{allowed}]+", "-", text.casefold()).strip("-" + keep) or empty


def the(label: str | None, empty: str = "the draft") -> str:
    """'Draft of 19 July 2010' → 'the draft of 19 July 2010', for sentences (acronyms kept); `empty` for none."""
    if not label:
        return empty
    return "the " + (label[0].lower() + label[1:] if label[:1].isupper() and not label[:2].isupper() else label)


def document_key(label: str) -> str:
    """A document's key from its label: 'Draft of 19 July' → 'draft-of-19-july' (dots kept: 'l.1-add.1')."""
    return slug(label, keep=".", empty="draft")


def count(n: int, noun: str) -> str:
    """'1 paragraph', '2 paragraphs'."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
