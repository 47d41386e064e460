"""The compilation table in Word: each paragraph of the draft beside the inputs on it, in landscape.

Facilitators circulate compilations in Word; the inputs show as redlines in formatted runs (red
strike-through, blue underline), not as tracked changes, so that the table itself reads as text.
"""

from __future__ import annotations

import re

from lxml import etree

from amendtrack.compare.redline import DELETE, EQUAL, INSERT
from amendtrack.render.docx.paragraphs import Look, Para, Run, title_block
from amendtrack.render.docx.printed import date_words
from amendtrack.render.docx.wordml import (
    CHECK,
    DEFAULT_AUTHOR,
    DELETED_RED,
    GREY,
    INSERTED_BLUE,
    MARGIN,
    PAGE_LONG,
    sub_element,
    w_tag,
)
from amendtrack.render.docx.writer import Writer
from amendtrack.report.compilation import CompilationEntry, CompilationRow, CompilationTable

OPEN_SHADE = "FFF0C2"  # behind words still in square brackets: light amber, legible in black and white
SMALL = 17  # half-points: rationale and notes in the table
_DEL_LOOK = Look(strike=True, color=DELETED_RED)
_INS_LOOK = Look(underline=True, color=INSERTED_BLUE)


def compilation_docx(table: CompilationTable) -> bytes:
    """The compilation table as a landscape Word table with a repeating header row, one row per input.

    Headings span the table; proposed new paragraphs follow their anchor; each paragraph's cell spans
    the rows of the inputs on it; each input's row gives its delegations in bold, its redline against
    the paragraph (formatted runs, not tracked changes) or its verbatim words with its rationale in
    smaller type, and with dispositions what became of it, in the same row, which never splits across
    pages. A table of inputs per delegation ends the document. What the scan probably misread is
    underlined wavy.
    """
    writer = Writer(DEFAULT_AUTHOR, table.draft_date, table.misread)
    body: list[etree._Element] = [writer.paragraph(p) for p in _title(table)]
    body.append(_inputs_table(table, writer))
    body.append(writer.paragraph(Para([Run(EQUAL, "Inputs per delegation")], style="Heading1", keep_next=True)))
    body.append(_counts_table(table.counts, writer))
    body.append(writer.paragraph(Para()))
    footer = f"{table.negotiation} · compilation of inputs on the {table.draft_label}"
    return writer.package(body, f"Compilation of inputs: {table.draft_label}", footer, landscape=True, track=False)


def _title(table: CompilationTable) -> list[Para]:
    """The title block: what is compiled, the negotiation, the draft, its date and the draft judged against."""
    when = date_words(table.draft_date)
    judged = (
        f" · dispositions judged against the {table.next_draft}" if table.with_disposition and table.next_draft else ""
    )
    return title_block(
        [
            (
                "Title",
                f"Compilation of inputs on the {table.draft_label}" if table.draft_label else "Compilation of inputs",
            ),
            ("Subtitle", table.negotiation_title or table.negotiation),
            ("Subtitle", f"{table.draft_label}" + (f", {when}" if when not in table.draft_label else "") + judged),
        ]
    )


def _inputs_table(table: CompilationTable, writer: Writer) -> etree._Element:
    """The table proper, one row per input: paragraph | delegation | input (| disposition).

    A paragraph's cell spans its inputs' rows (merged down), so its text is there once; every row is kept
    whole on its page (cantSplit), so an input never parts from its disposition; headings run across."""
    usable = PAGE_LONG - 2 * MARGIN
    widths = [4300, 1700, usable - 4300 - 1700 - 2700, 2700] if table.with_disposition else [4700, 1800]
    if not table.with_disposition:
        widths.append(usable - sum(widths))
    header = ["Paragraph", "Delegation", "Input"] + (
        ["Disposition" + (f" in the {table.next_draft}" if table.next_draft else "")] if table.with_disposition else []
    )
    grid = _bordered_table(widths, header)
    for row in table.rows:
        if row.kind == "heading":
            _heading_row(_row(grid), row, sum(widths), len(widths), writer)
            if row.entries:
                _input_rows(grid, [Para(style="TableText")], row.entries, widths, writer)
        else:
            _input_rows(grid, _left_paras(row), row.entries, widths, writer)
    return grid


def _row(grid: etree._Element) -> etree._Element:
    """A new row that Word and LibreOffice never split across pages (unless it is taller than a page)."""
    tr = sub_element(grid, "tr")
    sub_element(sub_element(tr, "trPr"), "cantSplit")
    return tr


def _heading_row(tr: etree._Element, row: CompilationRow, width: int, span: int, writer: Writer) -> None:
    """A heading in bold across the table (the inputs on it follow in rows of their own)."""
    cell = _cell(tr, width, span=span, fill="E7ECF4")
    texts = [Run(EQUAL, row.label, label=True, look=Look(bold=True))] if row.label else []
    texts.append(Run(EQUAL, row.text, look=Look(bold=True)))
    cell.append(writer.paragraph(Para(texts, style="TableText", keep_next=True, labelled=bool(row.label))))


def _input_rows(
    grid: etree._Element, left: list[Para], entries: list[CompilationEntry], widths: list[int], writer: Writer
) -> None:
    """A paragraph (its cell merged down) beside one row per input on it, or beside an empty row."""
    for k, entry in enumerate(entries or [None]):
        tr = _row(grid)
        first = _cell(tr, widths[0])
        sub_element(first.find(w_tag("tcPr")), "vMerge", **({"val": "restart"} if k == 0 else {}))
        _fill_cell(first, left if k == 0 else [Para(style="TableText")], writer)
        who, words = (_who_paras(entry), _entry_paras(entry)) if entry else ([], [])
        _fill_cell(_cell(tr, widths[1]), who or [Para(style="TableText")], writer)
        _fill_cell(_cell(tr, widths[2]), words or [Para(style="TableText")], writer)
        if len(widths) == 4:
            verdict = _disposition_paras(entry) if entry else []
            _fill_cell(_cell(tr, widths[3]), verdict or [Para(style="TableText")], writer)


def _fill_cell(cell: etree._Element, paras: list[Para], writer: Writer) -> None:
    """Write the paragraphs into the cell."""
    for para in paras:
        cell.append(writer.paragraph(para))


def _counts_table(counts: dict[str, int], writer: Writer) -> etree._Element:
    """How many inputs each delegation made, and the total in bold."""
    grid = _bordered_table([5000, 1800], ["Delegation", "Inputs"])
    for name, count in [*counts.items(), ("Total", sum(counts.values()))]:
        tr = sub_element(grid, "tr")
        look = Look(bold=name == "Total")
        _cell(tr, 5000).append(writer.paragraph(Para([Run(EQUAL, name, look=look)], style="TableText")))
        _cell(tr, 1800).append(
            writer.paragraph(Para([Run(EQUAL, str(count), look=look)], style="TableText", align="right"))
        )
    return grid


def _bordered_table(widths: list[int], header: list[str]) -> etree._Element:
    """A bordered table of fixed column widths whose first row repeats on every page."""
    tbl = etree.Element(w_tag("tbl"))
    tblpr = sub_element(tbl, "tblPr")
    sub_element(tblpr, "tblStyle", val="TableGrid")
    sub_element(tblpr, "tblW", w=sum(widths), type="dxa")
    borders = sub_element(tblpr, "tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        sub_element(borders, side, val="single", sz=4, space=0, color="808080")
    sub_element(tblpr, "tblLayout", type="fixed")
    sub_element(tblpr, "tblLook", val="04A0", firstRow=1, lastRow=0, firstColumn=0, lastColumn=0, noHBand=1, noVBand=1)
    cols = sub_element(tbl, "tblGrid")
    for width in widths:
        sub_element(cols, "gridCol", w=width)
    tr = sub_element(tbl, "tr")
    trpr = sub_element(tr, "trPr")
    sub_element(trpr, "cantSplit")
    sub_element(trpr, "tblHeader")
    for width, text in zip(widths, header, strict=True):
        cell = _cell(tr, width, fill="D9D9D9")
        p = sub_element(cell, "p")
        ppr = sub_element(p, "pPr")
        sub_element(ppr, "pStyle", val="TableText")
        sub_element(ppr, "keepNext")
        r = sub_element(p, "r")
        sub_element(sub_element(r, "rPr"), "b")
        sub_element(r, "t").text = text
    return tbl


def _cell(tr: etree._Element, width: int, span: int = 1, fill: str | None = None) -> etree._Element:
    """A cell of this width, across `span` columns, shaded with `fill`."""
    tc = sub_element(tr, "tc")
    tcpr = sub_element(tc, "tcPr")
    sub_element(tcpr, "tcW", w=width, type="dxa")
    if span > 1:
        sub_element(tcpr, "gridSpan", val=span)
    if fill:
        sub_element(tcpr, "shd", val="clear", color="auto", fill=fill)
    return tc


def _left_paras(row: CompilationRow) -> list[Para]:
    """The paragraph column: label, tab and text, indented for sub-paragraphs; a new paragraph says so."""
    para = Para(style="TableText", depth=row.depth, labelled=bool(row.label))
    if row.label:
        para.add(Run(EQUAL, row.label, label=True, look=Look(bold=True)))
    if row.kind == "new_paragraph":
        para.add(Run(EQUAL, "proposed new paragraph" + ("\n" if row.text else ""), look=Look(italic=True, color=GREY)))
    for piece, still_open in bracketed_pieces(row.text):
        para.add(Run(EQUAL, piece, look=Look(shade=OPEN_SHADE) if still_open else None))
    return [para]


def bracketed_pieces(text: str) -> list[tuple[str, bool]]:
    """The text cut where square brackets open and close: (piece, inside brackets), the brackets kept in
    their pieces, so a reader of the Word table sees at once what is not agreed."""
    pieces: list[tuple[str, bool]] = []
    depth, start = 0, 0
    for m in re.finditer(r"\[\^[^\[\]\s]*\]|\[|\]", text):
        token = m.group()
        if token.startswith("[^"):
            continue  # a footnote reference is no bracket
        if token == "[" and depth == 0:
            pieces.append((text[start : m.start()], False))
            start = m.start()
        if token == "[":
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                pieces.append((text[start : m.end()], True))
                start = m.end()
    pieces.append((text[start:], depth > 0))
    return [(piece, inside) for piece, inside in pieces if piece]


def _who_paras(entry: CompilationEntry) -> list[Para]:
    """Who made the input, in bold, and what kind of change it asks, in smaller type."""
    note = entry.operation.replace("_", " ")
    if entry.attribution == "inferred":
        note += ", attributed from its place in the table"
    return [
        Para([Run(EQUAL, ", ".join(entry.delegations), look=Look(bold=True))], style="TableText"),
        Para([Run(EQUAL, note, look=Look(italic=True, size=SMALL, color=GREY))], style="TableText"),
    ]


def _entry_paras(entry: CompilationEntry) -> list[Para]:
    """The input: a reading to check, the redline or the verbatim words, the rationale and sources in smaller type."""
    paras: list[Para] = []
    if entry.check:
        check = "Check this reading: " + "; ".join(entry.check)
        paras.append(Para([Run(EQUAL, check, look=Look(bold=True, size=SMALL, color=CHECK))], style="TableText"))
    words = Para(style="TableText")
    if entry.changes:
        for change in entry.changes:
            look = _DEL_LOOK if change.op == DELETE else _INS_LOOK if change.op == INSERT else None
            words.add(Run(EQUAL, change.text, look=look))
    else:
        words.add(Run(EQUAL, " ".join(entry.verbatim.split())))
    paras.append(words)
    small = Look(italic=True, size=SMALL, color=GREY)
    if entry.rationale:
        paras.append(Para([Run(EQUAL, " ".join(entry.rationale.split()), look=small)], style="TableText"))
    if entry.references:
        paras.append(Para([Run(EQUAL, "Sources: " + "; ".join(entry.references), look=small)], style="TableText"))
    return paras


def _disposition_paras(entry: CompilationEntry) -> list[Para]:
    """What became of the input in the next draft, in bold, and why in smaller type."""
    status = (entry.disposition or "—").replace("_", " ")
    paras = [Para([Run(EQUAL, status, look=Look(bold=True))], style="TableText")]
    if entry.explanation:
        look = Look(italic=True, size=SMALL, color=GREY)
        paras.append(Para([Run(EQUAL, " ".join(entry.explanation.split()), look=look)], style="TableText"))
    return paras
