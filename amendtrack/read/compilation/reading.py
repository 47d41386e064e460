"""One delegation's input read into proposals: the paragraph it is about, then what it asks.

The input's references ("(taken from A/RES/64/178)") and rationale are set aside first. A
paragraph named at its start decides its target, or makes it a new paragraph ("PP5bis: …")
or a rewrite ("New Paragraph 39: …"); talk of bullets points at a list; an input that
restates a neighbouring paragraph is about that one. Then the grammar reads what it asks,
and each proposal is applied to its base paragraph.
"""

from __future__ import annotations

import re
from dataclasses import replace

from amendtrack.model.proposal import Proposal, Source, Sponsor, apply
from amendtrack.read.compilation.context import Compilation
from amendtrack.read.compilation.grammar import is_remark, new_paragraph, read_request, restates
from amendtrack.read.compilation.inputs import LOST_LABEL_CONFIDENCE, Input
from amendtrack.read.compilation.request import Request
from amendtrack.read.compilation.restatement import BROKEN_OFF
from amendtrack.read.compilation.strikethrough import unstrike
from amendtrack.read.compilation.targets import (
    bullet_label,
    heading_and_chapeau,
    move_to_quoted_paragraph,
    paragraph_named_first,
    paragraph_with_bullets,
    remark_on_section,
    resolve_label,
    restated_heading,
    restated_paragraph,
)
from amendtrack.read.compilation.wording import without_quotes

_REFERENCE = re.compile(
    r"\(\s*(?:taken from\s+|based (?:on|in)\s+|source:\s*)?"
    r"(?P<ref>(?:A/RES/|A/|E/RES/|E/)[^()]*?|paragraph \d+ [^()]*?)\s*\)",
    re.I,
)
_BULLET = re.compile(r"^\s*Bullet\s+(\d+)\s*:?\s*", re.I)
_BULLET_GLYPH = re.compile(r"^(?:[eo•·«]|<\+?)\s+(?=\w)")  # "•", OCR'd as "e", "o", "«" or "<+"
_SUBPARAGRAPH_NEW = re.compile(r"^\s*(?P<l>[a-z])\s*(?P<suf>bis|ter)\)\s*(?P<rest>.*)$", re.I)
_OPERATION = re.compile(
    r"^\s*(?:delete|replace|change|add|4dd|insert|redraft|request|rephrase|revise|after|before|move|merg|split"
    r"|place|switch|streamline|suggest|recommend)",
    re.I,
)
_ALTERNATIVE = re.compile(r"\[\s*alternative\s*:\s*(?P<t>[^\]]+)\]?", re.I)


def read_input(an_input: Input, compilation: Compilation) -> list[Proposal]:
    """The proposals in one delegation's input, each applied to its base paragraph where it can be."""
    request = _request(an_input, compilation.source)
    named_first = paragraph_named_first(request.text)  # the input names its paragraph: that one, never re-aimed
    named = _paragraph_named_first(request, compilation, named_first)
    if named is not None:
        return [named]
    _aim_at_list(request, compilation)
    _aim_at_bullet(request, compilation)
    subparagraph = _new_subparagraph(request, compilation)
    if subparagraph is not None:
        return [subparagraph]
    if named_first is None:
        _aim_at_restated_paragraph(request, compilation)
    proposals = _heading_with_chapeau(request, compilation)
    proposals = proposals or _or_alternative(read_request(request, compilation), request)
    if an_input.lost and all(p.operation == "comment" and not p.rationale for p in proposals):
        # the paragraph's end restated as it stands: the change lay in the opening the scan lost
        proposals = [request.proposal("redraft", confidence=BROKEN_OFF)]
    for proposal in proposals:
        _apply_to_base(proposal, request, compilation)
        if an_input.lost:  # whose it is was guessed: every view asks a facilitator to check it
            proposal.confidence = min(proposal.confidence, LOST_LABEL_CONFIDENCE)
    return proposals


def _request(an_input: Input, source: str) -> Request:
    """Who asks, on which row, with what evidence; the references set aside from the words to read."""
    text = an_input.text
    verbatim = "\n".join(line for _, line in an_input.lines)
    first, last = (an_input.lines[0][0], an_input.lines[-1][0]) if an_input.lines else (0, 0)
    sponsor = Sponsor(an_input.delegation, an_input.attribution, verbatim, Source(source, first, last))
    references = [m.group("ref").strip() for m in _REFERENCE.finditer(text)]
    row = an_input.paragraph
    return Request(
        text=_REFERENCE.sub("", text).strip(),
        paragraph=row.label if row is not None else None,
        row=row,
        sponsor=sponsor,
        rationale=" ".join(an_input.rationale).strip() or None,
        references=references,
    )


def _paragraph_named_first(request: Request, compilation: Compilation, m: re.Match[str] | None) -> Proposal | None:
    """A paragraph named before the request: it becomes the target ('OP 3: delete'), or the input is a
    new paragraph ('PP5bis: …') or a rewrite of the one named ('New Paragraph 39: …')."""
    if m is None:
        return None
    named = resolve_label(m, request.row, compilation)
    request.text = request.text[m.end() :].strip()
    if m.group("suf"):
        return new_paragraph(request, named, request.text, compilation.base)
    request.paragraph = named or request.paragraph
    if m.group("new") and request.text:
        return _rewrite(request, compilation)
    return None


def _rewrite(request: Request, compilation: Compilation) -> Proposal:
    """'New Paragraph 39: …' rewrites 39: a redraft, its struck-through words taken out."""
    node = compilation.base.find(request.paragraph) or request.row
    words, struck = unstrike(request.text, compilation.nearby_words(node), compilation.vocabulary)
    proposal = request.proposal("redraft", text=without_quotes(" ".join(words)), confidence=0.7 if struck else 1.0)
    return apply(proposal, None)


def _aim_at_list(request: Request, compilation: Compilation) -> None:
    """'Replace bullets with a, b, c' in a row without bullets: it is about the nearest list's paragraph."""
    row = request.row
    if re.search(r"\bbullets\b", request.text, re.I) and row is not None:
        if not any(c.kind == "item" for c in row.children):
            request.paragraph = paragraph_with_bullets(row, compilation) or request.paragraph


def _aim_at_bullet(request: Request, compilation: Compilation) -> None:
    """'Bullet 2: …': it is about that item of the list."""
    bullet = _BULLET.match(request.text)
    if bullet:
        request.paragraph = bullet_label(bullet.group(1), compilation.base) or request.paragraph
        request.text = _BULLET_GLYPH.sub("", request.text[bullet.end() :])


def _new_subparagraph(request: Request, compilation: Compilation) -> Proposal | None:
    """'a bis) …' in a row: a new sub-paragraph of the row's paragraph."""
    m = _SUBPARAGRAPH_NEW.match(request.text)
    if not m or request.row is None:
        return None
    label = f"{request.row.label}({m.group('l').lower()}{m.group('suf').lower()})"
    return new_paragraph(request, label, m.group("rest"), compilation.base)


def _aim_at_restated_paragraph(request: Request, compilation: Compilation) -> None:
    """An input that asks nothing in words and restates another paragraph than its row's, or the heading above
    it, is about that one (a remark, 'We think …', restates nothing: it stays in its row, unless it speaks of
    the chapter whose first row it is in)."""
    row_label = request.row.label if request.row is not None else None
    if request.paragraph != row_label:
        return
    if is_remark(request.text):
        request.paragraph = remark_on_section(request.text, request.row, compilation.base) or request.paragraph
    elif not _OPERATION.match(request.text):
        heading = restated_heading(request.text, request.row, compilation.base)
        request.paragraph = heading or restated_paragraph(request.text, request.row, compilation) or request.paragraph


def _heading_with_chapeau(request: Request, compilation: Compilation) -> list[Proposal]:
    """A heading restated, then a chapeau put under it: the heading's change, and a new paragraph (or, when the
    chapeau restates the row's paragraph, that paragraph moved up to be the section's chapeau)."""
    heading = compilation.base.find(request.paragraph) if request.paragraph else None
    parts = heading_and_chapeau(request.text, heading) if heading is not None and heading.kind == "heading" else None
    if parts is None:
        return []
    title, chapeau = parts
    changed = read_request(replace(request, text=title), compilation)
    row = request.row
    if row is not None and restates(chapeau, row.text):  # the row's paragraph made the section's chapeau
        where = f"{heading.label} chapeau"
        return [
            *changed,
            replace(request, paragraph=row.label).proposal("move", text=without_quotes(chapeau), new_label=where),
        ]
    return [*changed, new_paragraph(request, None, chapeau, compilation.base)]


def _or_alternative(proposals: list[Proposal], request: Request) -> list[Proposal]:
    """Comments only, but with '[alternative: To consider …]' in them: a redraft as that alternative."""
    alternative = _ALTERNATIVE.search(request.text)
    if not alternative or not all(p.operation == "comment" for p in proposals):
        return proposals
    return [request.proposal("redraft", text=" ".join(alternative.group("t").split()), confidence=0.8)]


def _apply_to_base(proposal: Proposal, request: Request, compilation: Compilation) -> None:
    """The resulting text of a proposal; an edit whose words its paragraph lacks goes where they are."""
    base = compilation.base.find(proposal.paragraph) if proposal.paragraph else None
    apply(proposal, base.text if base is not None else None)
    if proposal.edits and not proposal.applied and "not found" in (proposal.unapplied_reason or ""):
        move_to_quoted_paragraph(proposal, request.row, compilation)
