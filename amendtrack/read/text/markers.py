"""A draft's own editorial markers ('[Formerly PP12]', '[Merged with paragraph 42]') and square brackets.

Negotiated texts carry notes about themselves inside the paragraphs; the readers take them out
of the text as structured markers, and find the bracketed language still under negotiation.
"""

from __future__ import annotations

import re

from amendtrack.model.tree import Marker
from amendtrack.read.brackets import find_brackets as find_brackets  # the readers find brackets here

# A note block between paragraphs: '[New proposals by …]', '[NOTE: …]'.
NOTE_BLOCK = re.compile(r"^\s*\[\s*(New Proposals?|NOTE|Note)\b", re.I)

EDITORIAL = [
    ("formerly", re.compile(r"\[\s*formerly\s+(?P<ref>[^\[\]]+?)\s*\]", re.I)),
    ("merged", re.compile(r"\[\s*merged\s+with\s+(?P<ref>[^\[\]]+?)\s*\]", re.I)),
    ("deleted", re.compile(r"\[\s*paragraph\s+deleted\s*\]", re.I)),
    # the lookahead first checks the bracket closes, so each "[" costs one scan to its end (no backtracking)
    (
        "forthcoming",
        re.compile(r"\[(?=[^\[\]]*+\])[^\[\]]*?\b(?:forthcoming|new proposals?\s+by)\b[^\[\]]*+\]", re.I),
    ),
    ("note", re.compile(r"\[\s*(?:language from|source:|note:|taken from|agreed language)[^\[\]]*\]", re.I)),
    # "[Based on para 18 of the Salvador Declaration]" names where words come from; "[based on common but
    # differentiated responsibilities]" is bracketed negotiating text: a source note names a document or place
    (
        "note",
        re.compile(
            r"\[\s*based on\b(?=[^\[\]]*\b(?:para(?:graph)?s?|decision|resolution|declaration|"
            r"article|document|report|text|language)\b|[^\[\]]*\d/)[^\[\]]*\]",
            re.I,
        ),
    ),
]


def extract_markers(text: str) -> tuple[str, list[Marker]]:
    """Take the draft's own editorial markers out of a paragraph's text, as structured data."""
    spans: list[tuple[int, int, Marker]] = []
    for kind, pattern in EDITORIAL:
        for m in pattern.finditer(text):
            if any(s <= m.start() < e for s, e, _ in spans):
                continue
            ref = m.groupdict().get("ref")
            spans.append((m.start(), m.end(), Marker(kind, m.group(0), ref=marker_ref(ref) if ref else None)))
    for start, end, _ in sorted(spans, key=lambda s: -s[0]):
        text = text[:start] + text[end:]
    markers = [marker for _, _, marker in sorted(spans, key=lambda s: s[0])]
    text = re.sub(r"\s+([,;.])", r"\1", " ".join(text.split()))
    return text, markers


def marker_ref(ref: str) -> str:
    """'paragraph 42' → '42', 'PP 12' → 'PP12'."""
    ref = re.sub(r"^(paragraph|para\.?)\s*", "", ref.strip(), flags=re.I)
    return re.sub(r"\s+", "", ref).replace(".", "").upper().replace("BIS", "bis").replace("TER", "ter")


def note_marker(text: str) -> Marker:
    """A note block as a marker: of the first editorial kind it holds, else a plain note."""
    for kind, pattern in EDITORIAL:
        if pattern.search(text):
            return Marker(kind, text)
    return Marker("note", text)


def strip_editorial(text: str) -> str:
    """A line without its editorial markers: what is left to judge how the paragraph ends."""
    for _, pattern in EDITORIAL:
        text = pattern.sub("", text)
    return text.rstrip()
