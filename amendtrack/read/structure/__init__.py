"""The general structure reader: any negotiated text, from blocks any format's front-end gives.

A document has an optional preface (title, masthead, transcribers' notes), an optional preamble
(an opening formula such as "The Parties to this Agreement," and unnumbered or PP-labelled
recitals, up to an enacting formula such as "Have agreed as follows:"), then containers that nest
(part, chapter, section, article, annex, appendix) holding numbered paragraphs whose numbering
restarts in each, lettered sub-paragraphs, roman items, and option groups ("Option 1: … Option 2:
…") whose options hold their own content.

The steps, each in its own module:

1. a front-end turns the file into `blocks.Block`s (`markdown`, `html`, `pdf`; `text_blocks` here
   for plain text and Word);
2. `classify` gives each block its role (container heading, option, numbered, formula, text);
3. `builder.Builder` builds the tree; `naming.Namer` gives labels and eIds;
4. markers and brackets are read from every node's text (`amendtrack.read.text.markers`).

`looks_structured` decides whether a plain-text or Word draft is read here or by the reader built
for UN resolutions and reports (`amendtrack.read.text`), which keeps reading them as before.
"""

from __future__ import annotations

import re

from amendtrack.errors import InputError
from amendtrack.model.tree import Draft, Paragraph
from amendtrack.read import ocr
from amendtrack.read.contents import blank_contents, without_contents
from amendtrack.read.limits import check_characters
from amendtrack.read.structure.blocks import Block
from amendtrack.read.structure.builder import MAX_NESTING, Builder, TooDeep
from amendtrack.read.structure.classify import Role, classify, looks_structured
from amendtrack.read.structure.markdown import CAPTION
from amendtrack.read.structure.naming import Namer
from amendtrack.read.text import read_draft_lines, read_draft_text
from amendtrack.read.text.labels import carried_on, is_annex_heading
from amendtrack.read.text.lines import DraftLines, blank_page_furniture, find_body_start
from amendtrack.read.text.markers import extract_markers, find_brackets

__all__ = ["Block", "is_structured", "lines_of_blocks", "read_blocks", "read_structured", "read_text", "text_blocks"]

MAX_TITLE = 120  # characters: a longer line before the body is text, not part of the title block
STARTS = ("container", "opening", "numbered", "recital-label", "enacting")


def is_structured(blocks: list[Block]) -> bool:
    """Whether these blocks are read by the structure reader (see classify.looks_structured)."""
    return looks_structured(classify(blocks))


def read_structured(blocks: list[Block], source: str) -> Draft:
    """The paragraph tree of a structured document's blocks."""
    roles = classify(blocks)
    start = _body_start(roles)
    builder = Builder()
    try:
        for role in roles[start:]:
            builder.add(role)
    except TooDeep as deep:
        message = f"options or lists nested too deep (more than {MAX_NESTING} levels)"
        raise InputError(source, message, line=deep.line) from None
    Namer().name(builder.top)
    draft = Draft(paragraphs=builder.top, preface=[b.text for b in blocks[:start]], source=source)
    for node, _ in draft.walk():
        _finish(node)
    return draft


def read_blocks(blocks: list[Block], source: str) -> Draft:
    """A draft from a front-end's blocks: structured, or read as a resolution's or report's lines."""
    if not blocks:
        raise InputError(source, "no paragraphs found: the document holds no text")
    blocks = without_contents(blocks, [f"{_typed_number(block)}{block.text}" for block in blocks])
    if is_structured(blocks):
        return read_structured(blocks, source)
    lines = lines_of_blocks(blocks)
    vocab = ocr.vocabulary("\n".join(line for _, line in lines))
    first = _title_block(blocks, find_body_start(lines) // 2)
    preface = [line for _, line in lines[: first * 2] if line]
    return read_draft_lines(DraftLines(preface, lines[first * 2 :], vocab, headings=_headings(blocks[first:])), source)


def _headings(blocks: list[Block]) -> dict[int, int]:
    """The blocks the format marks as headings (not a paragraph all in bold), by line: their depth, 0 for
    the shallowest level the body uses, 1 for any deeper one."""
    titles = [block for block in blocks if 0 < block.heading < CAPTION]
    levels = sorted({block.heading for block in titles if not is_annex_heading(block.text)})  # 'Annex' sets none
    return {block.line: min(levels.index(block.heading), 1) for block in titles if block.heading in levels}


def _title_block(blocks: list[Block], body: int) -> int:
    """How many blocks open the draft as its title block: headings and short lines that are no sentence,
    up to where the body starts (`body`); a sentence before it ('The Chair thanks delegations …') is body,
    and so is a heading below the level of the first ('# Draft decision' then '## General'), and one of a
    level the body's sections have that text follows ('## Mitigation' then '1. Parties …', '## Adaptation')."""
    top = next((block.heading for block in blocks[:body] if block.heading), 0)
    for k, block in enumerate(blocks[:body]):
        if (
            block.heading > top
            or _first_section(blocks, k, body)
            or not block.heading
            and (len(block.text) > MAX_TITLE or block.text.rstrip()[-1:] in ".;:,")
        ):
            return k
    return body if body < len(blocks) else 0


def _first_section(blocks: list[Block], k: int, body: int) -> bool:
    """Whether heading k opens the first section rather than titling the document: text follows it, and the
    body prints headings of its level before any annex (a document's title is printed once, its sections'
    titles again; '# Decision 2/CMA.1' then '# Annex' is still the decision's title)."""
    level = blocks[k].heading
    if not 0 < level < CAPTION or k + 1 >= len(blocks) or blocks[k + 1].heading:
        return False
    for block in blocks[max(body, k + 2) :]:
        if is_annex_heading(block.text):
            return False
        if block.heading == level:
            return True
    return False


def read_text(text: str, source: str) -> Draft:
    """A plain-text draft: structured when it looks so, else read by the resolution reader as before."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks = text_blocks(blank_contents(text_layer_lines(lines)))
    if is_structured(blocks):
        check_characters(text, source, line=1)
        ocr.check_text(text, source)
        return read_structured(blocks, source)
    return read_draft_text(text, source=source)


def text_layer_lines(lines: list[str]) -> list[tuple[int, str]]:
    """The numbered lines of a text draft; a PDF's text layer (a blank line after every line) with its
    soft breaks gone and its page furniture blanked, so that a blank line ends a block as in Word text."""
    collapsed = ocr.collapse_double_spacing([line if line.strip() else "" for line in lines], wrapped_only=True)
    if ocr.SOFT not in collapsed:
        return list(enumerate(lines, start=1))
    numbered = [(no, line) for no, line in enumerate(collapsed, start=1) if line != ocr.SOFT]
    return blank_page_furniture(numbered, set())


def _body_start(roles: list[Role]) -> int:
    """Where the body starts: a 'Preamble' heading, an opening formula, a container or a label."""
    for k, role in enumerate(roles):
        if role.kind in STARTS or (role.kind == "bare" and role.bare in ("preamble", "annex", "appendix")):
            return k
        if role.kind == "option":
            return k
    return 0


def _finish(node: Paragraph) -> None:
    """The node's editorial markers out of its text, and its brackets found."""
    text, markers = extract_markers(node.text)
    node.text = text
    node.markers = node.markers + markers if markers else node.markers
    node.brackets = find_brackets(node.text)


LABEL_START = re.compile(
    r"^(?:\d{1,3}(?:bis|ter)?\.\s|\([a-z]{1,3}\)\s|\([ivx]{1,5}\)\s|"
    r"\[?\s*(?:Article|ARTICLE|Art\.)\s+\d+\w*(?:\s*\]?\s*$|\s*[.:–—-]\s|\s+[A-Z(\[])|"
    r"\[?\s*(?:Option|OPTION)\s+\w{1,3}\s*[:.]|PP\s*\.?\s*\d)"
)


def text_blocks(lines: list[tuple[int, str]]) -> list[Block]:
    """Blocks of plain-text lines: a blank line ends a block, and so does a line opening a label (an Article's
    only as a heading: 'Article 4, paragraph 2, …' wrapped to the start of a line goes on), unless the line
    before stops mid-phrase."""
    blocks: list[Block] = []
    current: list[str] = []
    first = 0
    for number, line in lines:
        stripped = line.strip()
        carried = bool(current) and carried_on(current[-1], stripped)
        heading = _heading_line(stripped) and not carried
        if not stripped or heading or LABEL_START.match(stripped) and not carried:
            _flush(blocks, current, first)
            current, first = [], number
        if stripped:
            if not current:
                first = number
            current.append(stripped)
            if heading:
                _flush(blocks, current, first)
                current = []
    _flush(blocks, current, first)
    return blocks


def _heading_line(line: str) -> bool:
    """A line that is a heading of its own ('Article 4', 'Preamble', 'Part II – Title')."""
    from amendtrack.read.structure.labels import bare_container, container_heading

    return container_heading(line) is not None or bare_container(line) is not None


def _flush(blocks: list[Block], lines: list[str], first: int) -> None:
    if lines:
        blocks.append(Block(text=" ".join(" ".join(lines).split()), line=first))


def lines_of_blocks(blocks: list[Block]) -> list[tuple[int, str]]:
    """Blocks as the plain-text lines the resolution reader reads: labels typed, a blank line between."""
    lines: list[tuple[int, str]] = []
    for block in blocks:
        label = _typed_number(block)
        lines.append((block.line, f"{label}{block.text}"))
        lines.append((block.line, ""))
    return lines


def _typed_number(block: Block) -> str:
    """A generated list number written as it would be typed: '1. ', '(a) ', '(iv) '."""
    if block.number is None or not block.item:
        return ""
    return f"{block.number}. " if block.number.isdigit() and block.depth <= 1 else f"({block.number}) "
