"""Inputs that quote pieces of their paragraph: words carried on from a place, pieces between ellipses.

'… prevention of human trafficking by elaborating guidelines …' opens with words of the paragraph and
goes on with new ones: an insertion after them. '… UNODC, OHCHR and other international … victims of
trafficking; and to promote …' quotes several pieces, each restating a stretch or carrying it on.
"""

from __future__ import annotations

import re
from dataclasses import replace

from amendtrack.model.proposal import Edit, Proposal, apply
from amendtrack.model.tree import Paragraph
from amendtrack.read.compilation.context import Compilation
from amendtrack.read.compilation.request import Request
from amendtrack.read.compilation.restatement import Restatement, in_order, restatement, unchanged
from amendtrack.read.compilation.wording import WORDS, words_of

CARRIED_ON_MOST = 6  # the most words of its paragraph an input may open with and be read as carrying it on
CARRIED_ON_LEAST = 3  # … and the fewest new words after them

_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*")


def pieces(request: Request, compilation: Compilation) -> Proposal | None:
    """'… UNODC, OHCHR and other international … victims of trafficking; and to promote …': pieces of the
    paragraph between ellipses, each restating a stretch of it or carrying it on: one proposal with an edit
    per piece that changes something. None unless every piece of three words or more is one or the other."""
    node = base_paragraph(request, compilation)
    inner = [p for p in _ELLIPSIS.split(request.text.strip().strip(".… ")) if p]
    if node is None or len(inner) < 2:
        return None
    edits: list[Edit] = []
    for piece in inner:
        if len(words_of(piece)) < 3 or unchanged(piece, node, compilation.nearby_words(node), compilation.vocabulary):
            continue  # a place named, or the base's own words again (once its struck-through words are out)
        one = replace(request, text=f"… {piece}")
        found = restatement_of(one, compilation)
        carried_on = continuation(one, compilation) if found is None else None
        if carried_on is None and found is None:
            return None
        edits.extend(found.edits if found is not None else carried_on.edits)  # type: ignore[union-attr]
    if not edits:
        return None
    inserting = all(e.kind == "insert" or _only_put_in(e) for e in edits)
    return apply(request.proposal("insert" if inserting else "replace", edits=edits, confidence=0.7), node.text)


def _only_put_in(edit: Edit) -> bool:
    """Whether a replacing edit keeps every old word, in order: it only puts words in."""
    old = words_of(edit.old or "")
    return bool(old) and in_order(old, words_of(edit.new or ""))


def continuation(request: Request, compilation: Compilation) -> Proposal | None:
    """'… referral mechanisms as well as by creating …': the input opens with words of its paragraph (a few, at
    one place only) and goes on with new ones: an insertion after those words."""
    node = base_paragraph(request, compilation)
    if node is None:
        return None
    said = request.text.strip().lstrip(".… ")
    words, base = words_of(said), words_of(node.text)
    dotted = request.text.lstrip().startswith(("...", "…"))
    for size in range(min(CARRIED_ON_MOST, len(words) - CARRIED_ON_LEAST), 0, -1):
        run = words[:size]
        places = [k for k in range(len(base) - size + 1) if base[k : k + size] == run]
        if size == 1 and not (dotted and places == [len(base) - 1]):
            continue  # one word is a place only as the paragraph's last, after an ellipsis: '… trafficking and …'
        if len(places) == 1 and words[size] not in base[places[0] + size : places[0] + size + 1]:
            gap = said[
                [m.end() for m in WORDS.finditer(said)][size - 1] : [m.start() for m in WORDS.finditer(said)][size]
            ]
            if any(mark in gap for mark in ("...", "…", "[", "(")):
                return None  # '…trust fund for the… [alternative: …]' points at a place; it does not carry on
            return _carried_on(request, node.text, said, places[0], size)
    return None


def _carried_on(request: Request, base: str, said: str, at: int, size: int) -> Proposal:
    """The insertion of what follows the first `size` words of `said`, after those words at word `at` of `base`."""
    spans = [m.span() for m in WORDS.finditer(base)]
    anchor = base[spans[at][0] : spans[at + size - 1][1]]
    cut = [m.end() for m in WORDS.finditer(said)][size - 1]
    new = said[cut:].strip(" ,;.…").strip()
    edit = Edit("insert", new=new, anchor=anchor, position="after")
    return apply(request.proposal("insert", edits=[edit], confidence=0.8), base)


def restatement_of(request: Request, compilation: Compilation) -> Restatement | None:
    """The change the input makes by restating its paragraph, if it is a restatement."""
    node = base_paragraph(request, compilation)
    if node is None:
        return None
    return restatement(request.text, node, compilation.nearby_words(node), compilation.vocabulary)


def base_paragraph(request: Request, compilation: Compilation) -> Paragraph | None:
    """The base paragraph the input is about, as far as known."""
    return compilation.base.find(request.paragraph) if request.paragraph else None
