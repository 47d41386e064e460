"""Blocks: what every format's front-end hands the structure reader.

A block is one paragraph of the source as its format shows it: a Markdown paragraph, heading or
list item, an HTML <p>/<h2>/<li>, a Word paragraph, a PDF paragraph (lines joined), a plain-text
block between blank lines. Inline markup is gone (emphasis, links, small caps); what the format says
about structure is kept in the fields, so the structure reader applies one set of rules to all.

The label a block prints stays at the start of its `text` ("1. The purpose…", "(a) hold…",
"Article 4"). A label the format generates instead of printing it (a Markdown or HTML ordered list,
Word's automatic numbering) is in `number`, as the format would show it ("1", "a", "iv"), and the
text starts after it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Block:
    """One paragraph of a source document, its inline markup removed."""

    text: str  # one line: inner newlines and runs of spaces become one space
    line: int  # the 1-based line (or, in a PDF, the page's first line counted over the file) it starts on
    heading: int = 0  # the format's heading level (Markdown #, HTML h1–h6, Word Heading N); 0 when none
    number: str | None = None  # a generated list number ("1", "a", "iv"); None when the label is typed or absent
    depth: int = 0  # how many lists the block sits in (0: none; 1: an item of a top-level list or its content)
    item: bool = False  # True for the first block of a list item (the one its number belongs to)
    notes: list[str] = field(default_factory=list)  # footnotes the block cites, their texts, in order of citation
