"""Which paragraph of the base draft an input is about.

An input is about the paragraph whose row it sits in, unless it says otherwise: it names a
paragraph ("PP14:", "OP5", "2(d)", "Bullet 3:"), it speaks of a list's bullets, it restates a
neighbouring paragraph the compilation has no row for, or its edit quotes words that only a
neighbouring paragraph has.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from amendtrack.model.proposal import Proposal, apply
from amendtrack.model.tree import Draft, Paragraph
from amendtrack.read.compilation.context import Compilation
from amendtrack.read.compilation.wording import WORDS, words_of

# A paragraph named at the start of an input: "New para 13bis:", "PP.5", "(OP 2(d))", "39:".
PARAGRAPH_NAMED = re.compile(
    r"^\s*(?:(?P<new>New\s+)?(?:para(?:graph)?\.?|§)\s*)?\(?§?\s*(?P<pp>PP|OP)?\s*\.?\s*(?P<n>\d{1,2})\s*\.?\s*"
    r"(?P<suf>bis|ter|quater)?\s*(?P<sub>\([a-z]\))?\s*\)?\s*(?:,\s*page\s*\d+\s*)?"
    r"(?::|\)|\.(?=\s)|,(?=\s)|\s*$|(?=\s+[A-Z“\"(]))",
    re.I,
)


HEADING_SHARE = 0.6  # least share of a heading's words, in order, an input restating it holds
HEADING_LONGEST = 2  # … and at most this many times the heading's length


def paragraph_named_first(text: str) -> re.Match[str] | None:
    """The paragraph an input names before what it asks ('PP14:', 'New Paragraph 39', 'OP2bis'), if any.

    A bare number counts only when a colon follows it or '§' goes before it: '39: delete', '§52, page 9, could
    be stronger', not '39 countries'.
    """
    m = PARAGRAPH_NAMED.match(text)
    said = text[: m.end()] if m else ""
    if m and (m.group("pp") or m.group("new") or m.group("suf") or said.rstrip().endswith(":") or "§" in said):
        return m
    return None


def resolve_label(m: re.Match[str], row: Paragraph | None, compilation: Compilation) -> str | None:
    """The label of a paragraph an input names: 'PP14', 'OP5' (resolution or annex, by where it stands), '2(d)'."""
    number, suffix, sub = m.group("n"), (m.group("suf") or "").lower(), (m.group("sub") or "").lower()
    in_resolution = row is None or row.kind == "preamble" or row.label.startswith("OP")
    prefix = (m.group("pp") or "").upper()
    if prefix == "PP" or (not prefix and row is not None and row.kind == "preamble"):
        label = f"PP{number}{suffix}"  # in a preambular row, "New para 13bis" is PP13bis
    elif in_resolution and f"OP{number}" in compilation.resolution_ops:
        label = f"OP{number}{suffix}"
    else:
        label = f"{number}{suffix}"
    return label + sub


def bullet_label(number: str, base: Draft) -> str | None:
    """The label of a list's bullet item by its number ('Bullet 2' → '12 bullet 2'), if the draft has one."""
    return next((n.label for n, _ in base.walk() if n.label.endswith(f" bullet {number}")), None)


def paragraph_with_bullets(row: Paragraph, compilation: Compilation) -> str | None:
    """The nearest paragraph with bullet items around a row (inputs on a list sit in the next row too)."""
    nodes = compilation.row_paragraphs
    at = next((k for k, n in enumerate(nodes) if n is row), 0)
    near = sorted(nodes[max(0, at - 3) : at + 4], key=lambda n: abs(nodes.index(n) - at))
    return next((n.label for n in near if any(c.kind == "item" for c in n.children)), None)


OPENING = 3  # the first words an input shares with its row's paragraph to be that paragraph restated


def restated_paragraph(text: str, row: Paragraph | None, compilation: Compilation) -> str | None:
    """The paragraph an input restates when its row is followed by paragraphs the compilation lost.

    The GPA compilation has no row for PP2 or PP3: inputs on them sit in PP1's row; and now
    and then an input on one paragraph was pasted into its neighbour's row.
    """
    others = compilation.lacking_after(row)
    at = compilation.place(row)
    if at is not None:
        nodes = compilation.row_paragraphs
        others += [n for n in nodes[max(0, at - 2) : at + 3] if n is not row and n.kind != "heading"]
    words = words_of(text)
    if not others or len(words) < 5:
        return None
    if row is not None and (words[:OPENING] == words_of(row.text)[:OPENING] or opens_as(text, row)):
        return None  # it opens as its row's paragraph opens: a restatement of that one, whatever it goes on with

    def shared(node: Paragraph) -> int:
        matcher = SequenceMatcher(None, words_of(node.text), words, autojunk=False)
        return sum(b.size for b in matcher.get_matching_blocks())

    best = max(others, key=shared)
    if shared(best) >= max(4, 1.5 * shared(row)):
        return best.label
    return None


OPENS_ALIKE = 0.8  # letters in common (difflib ratio) for an input to open as a paragraph opens
OPENING_WORDS = 4  # … its first two to this many words compared


def opens_as(text: str, node: Paragraph) -> bool:
    """Whether the input opens with the paragraph's opening words struck through and run together by the scan
    ('Coneludingandimplementing To promote …' restates 'Concluding and implementing …', whatever words of a
    neighbour it goes on with): their letters, nearly all."""
    words, head = words_of(node.text), re.sub(r"[^a-z]", "", text.lower())
    for count in range(2, min(OPENING_WORDS, len(words)) + 1):  # two words at least: one proves nothing
        opening = re.sub(r"[^a-z]", "", "".join(words[:count]))
        if SequenceMatcher(None, head[: len(opening)], opening, autojunk=False).ratio() >= OPENS_ALIKE:
            return True
    return False


def restated_heading(text: str, row: Paragraph | None, base: Draft) -> str | None:
    """The section heading an input restates, when its row is the first paragraph under that heading: a heading
    shares its row with the paragraph after it, so inputs on it sit in that row ('Prosecuting Prosecution of
    crimes of trafficking in persons' in the row of 42, under 'III. Prosecuting crimes of trafficking in
    persons'). Most of the heading's words, in order, and not much else."""
    heading = _heading_above(row, base)
    if heading is None:
        return None
    words, title = words_of(text.strip(".… ")), words_of(heading.text)
    if text.rstrip().endswith(":"):  # the heading restated, then the chapeau a delegation puts under it
        words = words[: HEADING_LONGEST * len(title)]
    if len(title) < 3 or not words or len(words) > HEADING_LONGEST * len(title):
        return None
    matcher = SequenceMatcher(None, title, words, autojunk=False)
    shared = sum(b.size for b in matcher.get_matching_blocks())
    return heading.label if shared >= HEADING_SHARE * len(title) else None


_WHOLE_SECTION = re.compile(r"\b(?:chapter|section)\b", re.I)


def remark_on_section(text: str, row: Paragraph | None, base: Draft) -> str | None:
    """The heading a remark is about when it speaks of the chapter or section ('to include a chapter on
    Prosecution does not seem to bring value') in the row of the section's first paragraph, where a remark on
    the whole section is filed."""
    heading = _heading_above(row, base)
    return heading.label if heading is not None and _WHOLE_SECTION.search(text) else None


def heading_and_chapeau(text: str, heading: Paragraph) -> tuple[str, str] | None:
    """An input restating a heading and then putting a chapeau under it ('Prosecution of crimes … We resolve
    to undertake the following measures …:'): the two texts, cut after the heading's last word restated."""
    if not text.rstrip().endswith(":"):
        return None
    words, title = words_of(text), words_of(heading.text)
    blocks = [b for b in SequenceMatcher(None, title, words, autojunk=False).get_matching_blocks() if b.size]
    if not blocks:
        return None
    cut = blocks[-1].b + blocks[-1].size  # the words of the input up to the heading's last one
    spans = [m.span() for m in WORDS.finditer(text)]
    if cut >= len(spans) or len(words) - cut < 5:  # a chapeau says something: five words at least
        return None
    title_said = text[: spans[cut - 1][1]].strip()
    numbers = "|".join(re.escape(n) for n in {heading.label, (heading.num or "").rstrip(".")} if n)
    title_said = re.sub(rf"^(?:{numbers})\.\s+", "", title_said) if numbers else title_said  # 'I. Prevention …'
    return title_said, text[spans[cut][0] :].strip()


def _heading_above(row: Paragraph | None, base: Draft) -> Paragraph | None:
    """The heading whose first paragraph is `row`, if it is one."""
    for node, parent in base.walk():
        if node is row:
            return parent if parent is not None and parent.kind == "heading" and parent.children[0] is row else None
    return None


def move_to_quoted_paragraph(proposal: Proposal, row: Paragraph | None, compilation: Compilation) -> None:
    """An edit quoting words of a neighbouring paragraph rather than of its row's: it is about that one.

    The proposal moves (and is applied) to the first paragraph near the row where its edits apply.
    """
    at = compilation.place(row)
    if at is None:
        return
    near = compilation.lacking_after(row) + compilation.row_paragraphs[max(0, at - 2) : at + 3]
    for node in near:
        for candidate in [node] + [c for c, _ in Draft(node.children).walk()]:
            if candidate.label == proposal.paragraph or not candidate.text:
                continue
            trial = apply(Proposal(proposal.operation, candidate.label, [], edits=proposal.edits), candidate.text)
            if trial.applied:
                proposal.paragraph = candidate.label
                apply(proposal, candidate.text)
                return
