"""A facilitators' compilation table in Word (paragraph | inputs [| …]) read as proposals.

Each row's first column is found in the draft (by label and opening words, else by similarity;
an empty or merged cell continues the row above); the inputs column is read by the text
compilation reader's grammar (`amendtrack.read.compilation`), one input per delegation label.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from amendtrack.errors import InputError
from amendtrack.model.proposal import Proposal
from amendtrack.model.tree import Draft, Paragraph
from amendtrack.read.text.lines import Line
from amendtrack.read.word.document import WordDocument, accept_all, visible
from amendtrack.read.word.matching import similar
from amendtrack.read.word.views import clean

if TYPE_CHECKING:
    from amendtrack.model.delegation import Registry

Table = list[list[list[int]]]  # rows → cells → paragraph indices


def read_docx_compilation(path: Path | str, base: Draft, registry: Registry) -> list[Proposal]:
    """Proposals from a compilation table in Word (paragraph | inputs [| …]) on the draft `base`.

    Each row's first column is found in the draft (by label and opening words, else by
    similarity; an empty or merged cell continues the row above); the inputs column is read by
    the text compilation reader's grammar, one input per delegation label. In a three-column
    table whose middle column names a delegation, the third column is that delegation's input;
    otherwise the third column (dispositions, notes) is not read.
    """
    return table_proposals(WordDocument(path), base, registry)


def main_table(doc: WordDocument) -> Table | None:
    """The body's compilation table: 2-3 columns, two rows or more, holding most of the document's words."""
    total = sum(len(s.text.strip()) for p in doc.paras for s in p.segs) or 1
    best = None
    for table in doc.tables:
        columns = max((len(row) for row in table), default=0)
        inside = sum(len(s.text.strip()) for row in table for cell in row for i in cell for s in doc.paras[i].segs)
        if 2 <= columns <= 3 and len(table) >= 2 and inside >= 0.5 * total:
            if best is None or len(table) > len(best):
                best = table
    return best


def table_proposals(doc: WordDocument, base: Draft, registry: Registry) -> list[Proposal]:
    """The proposals of an opened document's compilation table, row by row."""
    from amendtrack.read.compilation.context import Compilation
    from amendtrack.read.compilation.inputs import split_row
    from amendtrack.read.compilation.reading import read_input
    from amendtrack.read.compilation.rows import ParagraphInputs

    table = main_table(doc)
    if table is None:
        raise InputError(doc.source, "no compilation table (2 or 3 columns: paragraph | inputs) in this document")
    text = "\n".join(line for row in table for cell in row for _, line in _cell_lines(doc, cell))
    compilation = Compilation.start(text, base, registry, doc.source)
    compilation.missing = {}
    nodes = [node for node, _ in base.walk() if node.text]
    tops = compilation.row_paragraphs
    pointer = 0
    node: Paragraph | None = None
    proposals: list[Proposal] = []
    for row in table:
        if not row:
            continue
        left = _cell_lines(doc, row[0])
        merged = bool(row[0]) and doc.paras[row[0][0]].merged_up
        if left and not merged:  # an empty or merged first cell carries on the row above
            node = _row_paragraph(" ".join(line for _, line in left), tops, nodes, pointer)
            if node is not None and node in tops:
                pointer = tops.index(node) + 1
        if node is None:
            continue
        for entry in split_row(ParagraphInputs(node, _input_lines(doc, row, registry)), registry):
            proposals.extend(read_input(entry, compilation))
    if not proposals:
        raise InputError(doc.source, "no delegation inputs found in the compilation table")
    return proposals


def _input_lines(doc: WordDocument, row: list[list[int]], registry: Registry) -> list[Line]:
    """A row's inputs as lines, each after a blank line; a delegation named alone (or in the middle column) as 'X:'."""
    inputs: list[Line] = []
    named = None
    if len(row) == 3:
        middle = " ".join(line for _, line in _cell_lines(doc, row[1])).strip(" :")
        named = registry.resolve(middle) if middle else None
    cells = [row[2]] if named is not None else [row[1]] if len(row) > 1 else []
    for cell in cells:
        for no, line in _cell_lines(doc, cell):
            alone = registry.resolve(line.strip(" :"))
            inputs.append((no, ""))
            inputs.append((no, f"{line.strip(' :')}:" if alone is not None else line))
    if named is not None and inputs:
        inputs = [(inputs[0][0], f"{named.name}:")] + inputs
    return inputs


def _cell_lines(doc: WordDocument, cell: list[int]) -> list[Line]:
    """A cell's paragraphs as lines (1-based paragraph numbers), every change accepted, struck words left out."""
    lines = []
    for i in cell:
        text = clean("".join(s.text for s in doc.paras[i].segs if visible(s, accept_all) and not s.struck))
        if text:
            lines.append((i + 1, text))
    return lines


def _row_paragraph(text: str, tops: list[Paragraph], nodes: list[Paragraph], pointer: int) -> Paragraph | None:
    """The draft paragraph a row's first column shows: by label and opening words, else the most similar."""
    from amendtrack.read.compilation.rows import opens_row

    for node in tops[pointer:] + tops[:pointer]:
        if opens_row(text, node):
            return node
    body = re.sub(r"^\s*(?:PP\s*\.?\s*)?[\dIVXivx]{1,4}\s*(?:bis|ter)?\s*[.,:]?\s+|^\s*\([a-z]\)\s+", "", text)
    scored = [(similar(node.text, body), node) for node in nodes]
    score, best = max(scored, key=lambda item: item[0], default=(0.0, None))
    return best if score >= 0.75 else None
