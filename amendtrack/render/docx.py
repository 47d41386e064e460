"""Word documents, written as WordprocessingML with lxml: compilation tables, redlines, proposals applied.

Facilitators circulate compilations and redlines in Word, and the General Assembly asks delegations
to submit proposals as tracked changes on the official text, so amendtrack writes three documents:

- `compilation_docx`: the facilitators' table (paragraph | inputs | disposition) in landscape, the
  inputs shown as redlines in formatted runs (red strike-through, blue underline), not as revisions;
- `redline_docx`: the later draft with every change against the earlier one as a real tracked change
  (`w:ins`, `w:del`, `w:moveFrom`/`w:moveTo`), so that accepting every change gives the later draft and
  rejecting every change gives the earlier one; renumbering, moves and merges named in comments;
- `apply_docx`: a draft with one delegation's proposals as tracked changes authored by it.

Only standard parts are written (document, styles, settings, comments, footer, core and app
properties), so Word, LibreOffice and amendtrack's own `.docx` reader can read them. The output is
deterministic: fixed zip timestamps, `w:date` from the draft's date, ids numbered in document order.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from io import BytesIO

from lxml import etree

from amendtrack.compare.align import Link
from amendtrack.compare.comparison import Comparison, Row
from amendtrack.compare.redline import BOUNDARY, DELETE, EQUAL, INSERT, Change, new_text, old_text, redline
from amendtrack.model.proposal import Edit, Proposal, find_span
from amendtrack.model.tree import Draft, Paragraph, normalise_label
from amendtrack.report.compilation import CompilationEntry, CompilationRow, CompilationTable

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
MOVE_FROM, MOVE_TO = "moveFrom", "moveTo"  # the two halves of a tracked move, beside EQUAL / DELETE / INSERT
_REVISION_TAG = {DELETE: "del", INSERT: "ins", MOVE_FROM: "moveFrom", MOVE_TO: "moveTo"}

DEFAULT_AUTHOR = "amendtrack"
DELETED_RED = "C00000"
INSERTED_BLUE = "1F4E9E"
GREY = "595959"

# A4 in twentieths of a point; 2 cm margins
PAGE_LONG, PAGE_SHORT, MARGIN = 16838, 11906, 1134
HANG = 720  # hanging indent of a labelled paragraph: the label, a tab, then the text

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_TEXT_OPERATIONS = ("insert", "delete", "replace", "redraft")


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def _sub(parent: etree._Element, tag: str, **attrs: str | int) -> etree._Element:
    """A w: child element with w: attributes (`val="x"` becomes `w:val="x"`)."""
    return etree.SubElement(parent, _w(tag), {_w(k): str(v) for k, v in attrs.items()})


def _clean(text: str) -> str:
    """Text as XML 1.0 allows it (control characters dropped; lxml escapes <, & and quotes)."""
    return _NOT_XML.sub("", text)


def _iso(date: str | None) -> str | None:
    """'2010-07-19' → '2010-07-19T00:00:00Z' (a full timestamp passes through); None when unusable."""
    if not date:
        return None
    date = date.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        return f"{date}T00:00:00Z"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z?", date):
        return date if date.endswith("Z") else date + "Z"
    return None


def _initials(name: str) -> str:
    return "".join(word[0] for word in re.findall(r"[A-Za-z0-9]+", name))[:4].upper() or "A"


# --- the document model: paragraphs of runs and markers ----------------------------------------------


@dataclass
class Look:
    """Direct character formatting (compilation tables); tracked changes carry none of their own."""

    bold: bool = False
    italic: bool = False
    size: int | None = None  # half-points
    color: str | None = None
    strike: bool = False
    underline: bool = False


@dataclass
class _Run:
    op: str  # EQUAL (plain text) or the kind of tracked change
    text: str
    label: bool = False  # a paragraph label: written with the Label style and followed by a tab
    look: Look | None = None
    move: str | None = None  # redline: the move these words belong to


@dataclass
class _Marker:
    kind: str  # commentRangeStart, commentRangeEnd, commentReference, move(From|To)Range(Start|End)
    id: int
    name: str = ""  # the move a move range belongs to


@dataclass
class _Para:
    items: list[_Run | _Marker] = field(default_factory=list)
    mark: str = EQUAL  # the paragraph mark: plain, or deleted / inserted / moved
    style: str | None = None
    depth: int = 0
    labelled: bool = False
    keep_next: bool = False
    align: str | None = None
    after: int | None = None  # spacing after, in twentieths of a point
    old: int | None = None  # redline: the old paragraph that starts here (what rejecting leaves)
    new: int | None = None  # redline: the new paragraph that starts here (what accepting leaves)

    def add(self, item: _Run | _Marker) -> None:
        self.items.append(item)

    def has_text(self) -> bool:
        return any(isinstance(item, _Run) and item.text for item in self.items)


class _Writer:
    """Turns the model into WordprocessingML and packs the parts; one counter numbers every w:id."""

    def __init__(self, author: str, date: str | None) -> None:
        self.author = author
        self.date = _iso(date)
        self.last_id = 0
        self.comments: list[tuple[int, str, list[str]]] = []  # id, author, paragraphs

    def new_id(self) -> int:
        self.last_id += 1
        return self.last_id

    def comment(self, paragraphs: list[str], author: str | None = None) -> int:
        number = self.new_id()
        self.comments.append((number, author or self.author, [p for p in paragraphs if p]))
        return number

    def _revision(self, parent: etree._Element, op: str) -> etree._Element:
        attrs: dict[str, str | int] = {"id": self.new_id(), "author": self.author}
        if self.date:
            attrs["date"] = self.date
        return _sub(parent, _REVISION_TAG[op], **attrs)

    def paragraph(self, para: _Para) -> etree._Element:
        p = etree.Element(_w("p"))
        ppr = _sub(p, "pPr")
        if para.style:
            _sub(ppr, "pStyle", val=para.style)
        if para.keep_next:
            _sub(ppr, "keepNext")
        if para.after is not None:
            _sub(ppr, "spacing", after=para.after)
        if para.labelled:
            _sub(ppr, "ind", left=HANG * (para.depth + 1), hanging=HANG)
        elif para.depth:
            _sub(ppr, "ind", left=HANG * para.depth)
        if para.align:
            _sub(ppr, "jc", val=para.align)
        if para.mark != EQUAL:
            self._revision(_sub(ppr, "rPr"), para.mark)
        for item in para.items:
            if isinstance(item, _Marker):
                self._marker(p, item)
            elif item.text:
                self._run(p, item)
        return p

    def _marker(self, p: etree._Element, marker: _Marker) -> None:
        if marker.kind == "commentReference":
            run = _sub(p, "r")
            _sub(_sub(run, "rPr"), "rStyle", val="CommentReference")
            _sub(run, "commentReference", id=marker.id)
        elif marker.kind.endswith("RangeStart") and marker.kind.startswith("move"):
            attrs: dict[str, str | int] = {"id": marker.id, "name": marker.name, "author": self.author}
            if self.date:
                attrs["date"] = self.date
            _sub(p, marker.kind, **attrs)
        else:
            _sub(p, marker.kind, id=marker.id)

    def _run(self, p: etree._Element, run: _Run) -> None:
        parent = p if run.op == EQUAL else self._revision(p, run.op)
        r = _sub(parent, "r")
        look = run.look
        if run.label or look is not None:
            rpr = _sub(r, "rPr")
            if run.label:
                _sub(rpr, "rStyle", val="Label")
            if look is not None:
                if look.bold:
                    _sub(rpr, "b")
                if look.italic:
                    _sub(rpr, "i")
                if look.strike:
                    _sub(rpr, "strike")
                if look.color:
                    _sub(rpr, "color", val=look.color)
                if look.size:
                    _sub(rpr, "sz", val=look.size)
                    _sub(rpr, "szCs", val=look.size)
                if look.underline:
                    _sub(rpr, "u", val="single")
        text_tag = "delText" if run.op == DELETE else "t"
        for k, line in enumerate(_clean(run.text).split("\n")):
            if k:
                _sub(r, "br")
            if line:
                t = _sub(r, text_tag)
                t.text = line
                if line != line.strip():
                    t.set(XML_SPACE, "preserve")
        if run.label:
            _sub(r, "tab")

    # --- parts -----------------------------------------------------------------------------------

    def package(self, body: Iterable[etree._Element], title: str, footer: str, landscape: bool, track: bool) -> bytes:
        """The .docx: [Content_Types].xml, relationships, document, styles, settings, comments, footer."""
        document = etree.Element(_w("document"), nsmap={"w": W_NS, "r": R_NS})
        body_el = _sub(document, "body")
        for element in body:
            body_el.append(element)
        sect = _sub(body_el, "sectPr")
        _sub(sect, "footerReference", type="default").set(f"{{{R_NS}}}id", "rIdFooter")
        if landscape:
            _sub(sect, "pgSz", w=PAGE_LONG, h=PAGE_SHORT, orient="landscape")
        else:
            _sub(sect, "pgSz", w=PAGE_SHORT, h=PAGE_LONG)
        _sub(sect, "pgMar", top=MARGIN, right=MARGIN, bottom=MARGIN, left=MARGIN, header=567, footer=567, gutter=0)

        parts: dict[str, bytes] = {}
        rels = [
            ("rIdStyles", "styles", "styles.xml"),
            ("rIdSettings", "settings", "settings.xml"),
            ("rIdFooter", "footer", "footer1.xml"),
        ]
        overrides = {
            "/word/document.xml": "wordprocessingml.document.main+xml",
            "/word/styles.xml": "wordprocessingml.styles+xml",
            "/word/settings.xml": "wordprocessingml.settings+xml",
            "/word/footer1.xml": "wordprocessingml.footer+xml",
        }
        if self.comments:
            rels.append(("rIdComments", "comments", "comments.xml"))
            overrides["/word/comments.xml"] = "wordprocessingml.comments+xml"
            parts["word/comments.xml"] = _xml(self._comments())
        parts["word/document.xml"] = _xml(document)
        parts["word/styles.xml"] = _xml(_styles())
        parts["word/settings.xml"] = _xml(_settings(track))
        parts["word/footer1.xml"] = _xml(_footer(footer, (PAGE_LONG if landscape else PAGE_SHORT) - 2 * MARGIN))
        parts["word/_rels/document.xml.rels"] = _xml(
            _relationships([(rid, f"{R_NS}/{kind}", target) for rid, kind, target in rels])
        )
        parts["docProps/core.xml"] = _xml(_core(title, self.date))
        parts["docProps/app.xml"] = _xml(_app())
        parts["_rels/.rels"] = _xml(
            _relationships(
                [
                    ("rId1", f"{R_NS}/officeDocument", "word/document.xml"),
                    (
                        "rId2",
                        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                        "docProps/core.xml",
                    ),
                    ("rId3", f"{R_NS}/extended-properties", "docProps/app.xml"),
                ]
            )
        )
        types = _content_types(overrides)
        out = BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in [("[Content_Types].xml", _xml(types)), *sorted(parts.items(), key=_part_order)]:
                info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, data)
        return out.getvalue()

    def _comments(self) -> etree._Element:
        root = etree.Element(_w("comments"), nsmap={"w": W_NS})
        for number, author, paragraphs in self.comments:
            attrs: dict[str, str | int] = {"id": number, "author": author, "initials": _initials(author)}
            if self.date:
                attrs["date"] = self.date
            comment = _sub(root, "comment", **attrs)
            for k, text in enumerate(paragraphs or [""]):
                p = _sub(comment, "p")
                _sub(_sub(p, "pPr"), "pStyle", val="CommentText")
                if k == 0:
                    ref = _sub(p, "r")
                    _sub(_sub(ref, "rPr"), "rStyle", val="CommentReference")
                    _sub(ref, "annotationRef")
                t = _sub(_sub(p, "r"), "t")
                t.text = _clean(text)
                t.set(XML_SPACE, "preserve")
        return root


def _part_order(item: tuple[str, bytes]) -> tuple[int, str]:
    name = item[0]
    return (0 if name.startswith("_rels") else 1 if name.startswith("docProps") else 2, name)


def _xml(element: etree._Element) -> bytes:
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)


def _relationships(rels: list[tuple[str, str, str]]) -> etree._Element:
    ns = "http://schemas.openxmlformats.org/package/2006/relationships"
    root = etree.Element(f"{{{ns}}}Relationships", nsmap={None: ns})
    for rid, kind, target in rels:
        etree.SubElement(root, f"{{{ns}}}Relationship", Id=rid, Type=kind, Target=target)
    return root


def _content_types(overrides: dict[str, str]) -> etree._Element:
    ns = "http://schemas.openxmlformats.org/package/2006/content-types"
    root = etree.Element(f"{{{ns}}}Types", nsmap={None: ns})
    etree.SubElement(
        root,
        f"{{{ns}}}Default",
        Extension="rels",
        ContentType="application/vnd.openxmlformats-package.relationships+xml",
    )
    etree.SubElement(root, f"{{{ns}}}Default", Extension="xml", ContentType="application/xml")
    for part, kind in overrides.items():
        etree.SubElement(
            root,
            f"{{{ns}}}Override",
            PartName=part,
            ContentType=f"application/vnd.openxmlformats-officedocument.{kind}",
        )
    etree.SubElement(
        root,
        f"{{{ns}}}Override",
        PartName="/docProps/core.xml",
        ContentType="application/vnd.openxmlformats-package.core-properties+xml",
    )
    etree.SubElement(
        root,
        f"{{{ns}}}Override",
        PartName="/docProps/app.xml",
        ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml",
    )
    return root


def _core(title: str, date: str | None) -> etree._Element:
    ns = {
        "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
        "dc": "http://purl.org/dc/elements/1.1/",
        "dcterms": "http://purl.org/dc/terms/",
        "xsi": "http://www.w3.org/2001/XMLSchema-instance",
    }
    root = etree.Element(f"{{{ns['cp']}}}coreProperties", nsmap=ns)
    etree.SubElement(root, f"{{{ns['dc']}}}title").text = _clean(title)
    etree.SubElement(root, f"{{{ns['dc']}}}creator").text = DEFAULT_AUTHOR
    if date:
        created = etree.SubElement(root, f"{{{ns['dcterms']}}}created")
        created.set(f"{{{ns['xsi']}}}type", "dcterms:W3CDTF")
        created.text = date
    return root


def _app() -> etree._Element:
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    root = etree.Element(f"{{{ns}}}Properties", nsmap={None: ns})
    etree.SubElement(root, f"{{{ns}}}Application").text = "amendtrack"
    return root


def _settings(track: bool) -> etree._Element:
    root = etree.Element(_w("settings"), nsmap={"w": W_NS})
    if track:
        _sub(root, "trackRevisions")  # further edits in Word are tracked too
    _sub(root, "defaultTabStop", val=HANG)
    compat = _sub(root, "compat")
    _sub(compat, "compatSetting", name="compatibilityMode", uri="http://schemas.microsoft.com/office/word", val=15)
    return root


def _footer(text: str, width: int) -> etree._Element:
    root = etree.Element(_w("ftr"), nsmap={"w": W_NS, "r": R_NS})
    p = _sub(root, "p")
    ppr = _sub(p, "pPr")
    _sub(ppr, "pStyle", val="Footer")
    _sub(_sub(ppr, "tabs"), "tab", val="right", pos=width)
    t = _sub(_sub(p, "r"), "t")
    t.text = _clean(text)
    t.set(XML_SPACE, "preserve")
    _sub(_sub(p, "r"), "tab")
    page = _sub(p, "fldSimple", instr=" PAGE ")
    _sub(_sub(page, "r"), "t").text = "1"
    return root


def _styles() -> etree._Element:
    """The styles the writer uses, under Word's own names so that Word and LibreOffice map them."""
    root = etree.Element(_w("styles"), nsmap={"w": W_NS})
    defaults = _sub(root, "docDefaults")
    rpr = _sub(_sub(_sub(defaults, "rPrDefault"), "rPr"), "rFonts")
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        rpr.set(_w(attr), "Times New Roman")
    default_rpr = rpr.getparent()
    _sub(default_rpr, "sz", val=22)
    _sub(default_rpr, "szCs", val=22)
    _sub(default_rpr, "lang", val="en-GB")
    _sub(_sub(_sub(defaults, "pPrDefault"), "pPr"), "spacing", after=120, line=252, lineRule="auto")

    def style(kind: str, style_id: str, name: str, default: bool = False) -> etree._Element:
        attrs = {"type": kind, "styleId": style_id}
        if default:
            attrs["default"] = "1"
        element = _sub(root, "style", **attrs)
        _sub(element, "name", val=name)
        if kind == "paragraph" and not default:
            _sub(element, "basedOn", val="Normal")
            _sub(element, "next", val="Normal")
        return element

    normal = style("paragraph", "Normal", "Normal", default=True)
    _sub(normal, "qFormat")
    title = style("paragraph", "Title", "Title")
    _sub(title, "qFormat")
    ppr = _sub(title, "pPr")
    _sub(ppr, "spacing", before=0, after=120)
    _sub(ppr, "jc", val="center")
    rpr = _sub(title, "rPr")
    _sub(rpr, "b")
    _sub(rpr, "sz", val=28)
    _sub(rpr, "szCs", val=28)
    subtitle = style("paragraph", "Subtitle", "Subtitle")
    _sub(subtitle, "qFormat")
    ppr = _sub(subtitle, "pPr")
    _sub(ppr, "spacing", after=120)
    _sub(ppr, "jc", val="center")
    rpr = _sub(subtitle, "rPr")
    _sub(rpr, "color", val=GREY)
    heading = style("paragraph", "Heading1", "heading 1")
    _sub(heading, "qFormat")
    ppr = _sub(heading, "pPr")
    _sub(ppr, "keepNext")
    _sub(ppr, "spacing", before=240, after=120)
    _sub(ppr, "outlineLvl", val=0)
    _sub(_sub(heading, "rPr"), "b")
    cell = style("paragraph", "TableText", "Table Text")
    _sub(_sub(cell, "pPr"), "spacing", before=0, after=60, line=240, lineRule="auto")
    rpr = _sub(cell, "rPr")
    _sub(rpr, "sz", val=20)
    _sub(rpr, "szCs", val=20)
    comment_text = style("paragraph", "CommentText", "annotation text")
    rpr = _sub(comment_text, "rPr")
    _sub(rpr, "sz", val=20)
    _sub(rpr, "szCs", val=20)
    footer = style("paragraph", "Footer", "footer")
    _sub(_sub(footer, "pPr"), "spacing", after=0)
    rpr = _sub(footer, "rPr")
    _sub(rpr, "color", val=GREY)
    _sub(rpr, "sz", val=18)
    _sub(rpr, "szCs", val=18)
    style("character", "Label", "Paragraph Label")  # marks labels for readers; no look of its own
    reference = style("character", "CommentReference", "annotation reference")
    rpr = _sub(reference, "rPr")
    _sub(rpr, "sz", val=16)
    _sub(rpr, "szCs", val=16)
    grid = style("table", "TableGrid", "Table Grid")
    tblpr = _sub(grid, "tblPr")
    borders = _sub(tblpr, "tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _sub(borders, side, val="single", sz=4, space=0, color="808080")
    margins = _sub(tblpr, "tblCellMar")
    _sub(margins, "left", w=85, type="dxa")
    _sub(margins, "right", w=85, type="dxa")
    return root


def _title_block(lines: list[tuple[str, str]]) -> list[_Para]:
    """Title and subtitle paragraphs (the reader and the tests skip these styles)."""
    return [_Para([_Run(EQUAL, text)], style=style) for style, text in lines if text]


def _date_words(date: str | None) -> str:
    """'2010-07-19' → '19 July 2010', as UN documents write dates."""
    months = "January February March April May June July August September October November December".split()
    found = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", (date or "").strip())
    if not found or not 1 <= int(found[2]) <= 12:
        return date or ""
    return f"{int(found[3])} {months[int(found[2]) - 1]} {found[1]}"


def printed_label(node: Paragraph) -> str:
    """A paragraph's label as the draft prints it: '1.', 'PP4', '(a)'; a bullet for unlabelled items."""
    if not node.num:
        if node.kind == "chapeau":
            return ""
        if node.kind == "item":
            return "•"
        return node.label
    if node.label_inferred or (node.kind == "heading" and normalise_label(node.num) != normalise_label(node.label)):
        return node.label  # an OCR-damaged heading number ('I1' for 'II') reads better as the label
    return node.num


def _depth(node: Paragraph) -> int:
    return 1 if node.kind in ("subparagraph", "item") else 0


# --- redline: the later draft with tracked changes ----------------------------------------------------


def redline_docx(
    comparison: Comparison,
    author: str = DEFAULT_AUTHOR,
    date: str | None = None,
    title: str = "",
    *,
    old: Draft | None = None,
    new: Draft | None = None,
) -> bytes:
    """The later draft as Word with every change against the earlier one as a tracked change.

    Accepting every change gives the later draft, rejecting every change gives the earlier one
    (paragraph labels aside: the labels are the later draft's). With both drafts given, paragraphs
    that left their place in the order (moves, parts of merges) are tracked as moves and
    placeholders such as '43. [Merged with paragraph 42]' appear where the later draft has them;
    without them the rows keep the comparison's order. Renumbering, moves, merges and splits are
    named in comments by "amendtrack".
    """
    writer = _Writer(author, date)
    builder = _RedlineBuilder(comparison, writer, old, new)
    when = _date_words(date)
    head = _title_block(
        [
            ("Title", title),
            (
                "Subtitle",
                f"{comparison.new_label}"
                + (f" ({when})" if when not in comparison.new_label else "")
                + f", compared with {comparison.old_label}",
            ),
            (
                "Subtitle",
                f"Changes are tracked: accept them all for the {comparison.new_label}, reject them all for the "
                f"{comparison.old_label}. Renumbering, moves and merges are named in comments.",
            ),
        ]
    )
    paras = head + builder.paragraphs()
    if paras and paras[-1].mark != EQUAL:
        paras.append(_Para())  # Word keeps the last paragraph mark of a document: leave it plain
    footer = f"{comparison.new_label} compared with {comparison.old_label}"
    body = [writer.paragraph(para) for para in paras]
    return writer.package(body, title or footer, footer, landscape=False, track=True)


def _increasing(sequence: list[int], weights: list[int]) -> set[int]:
    """Positions (into `sequence`) of the heaviest strictly increasing subsequence: what stays in place."""
    if not sequence:
        return set()
    ranks = {value: k + 1 for k, value in enumerate(sorted(set(sequence)))}
    size = len(ranks)
    tree: list[tuple[int, int]] = [(0, -1)] * (size + 1)  # Fenwick tree of (best total, position)

    def best_below(rank: int) -> tuple[int, int]:
        found = (0, -1)
        while rank > 0:
            found = max(found, tree[rank])
            rank -= rank & -rank
        return found

    totals, before = [], []
    for k, value in enumerate(sequence):
        total, previous = best_below(ranks[value] - 1)
        totals.append(total + weights[k])
        before.append(previous)
        rank = ranks[value]
        while rank <= size:
            tree[rank] = max(tree[rank], (totals[k], k))
            rank += rank & -rank
    k = max(range(len(sequence)), key=lambda i: (totals[i], -i))
    kept = set()
    while k >= 0:
        kept.add(k)
        k = before[k]
    return kept


class _RedlineBuilder:
    """Rows → paragraphs with tracked changes; paragraphs out of either draft's order become tracked moves.

    A row stands where the later draft has it. An old paragraph that does not stand in the earlier
    draft's order there ("moved" away: the heaviest increasing run of positions stays) keeps its
    words at its old place as a moveFrom paragraph, and its kept words at the row become moveTo;
    likewise a new paragraph out of the later draft's order (a part of a split that went
    elsewhere) stands at its new place as a moveTo paragraph, its words at the row as moveFrom.
    """

    def __init__(self, comparison: Comparison, writer: _Writer, old: Draft | None, new: Draft | None) -> None:
        self.comparison, self.writer = comparison, writer
        self.old, self.new = old, new
        self.old_at: dict[int, int] = {}
        self.new_at: dict[int, int] = {}
        if old is not None:
            self.old_at = {id(node): k for k, (node, _) in enumerate(old.walk())}
        if new is not None:
            self.new_at = {id(node): k for k, (node, _) in enumerate(new.walk())}
        for row in comparison.rows:  # without the drafts: the comparison's order, where nothing moves
            for node in row.link.sources:
                self.old_at.setdefault(id(node), len(self.old_at))
            for node in [*row.link.targets, *row.link.placeholders]:
                self.new_at.setdefault(id(node), len(self.new_at))
        self.moved_old = self._out_of_order(lambda link: link.sources, self.old_at)
        self.moved_new = self._out_of_order(lambda link: link.targets, self.new_at)
        self.ranges: dict[str, tuple[int, int]] = {}  # move name → (moveFrom range id, moveTo range id)

    def _out_of_order(self, side: Callable[[Link], list[Paragraph]], at: dict[int, int]) -> set[int]:
        """Positions of one draft's paragraphs that the rows do not keep in that draft's order."""
        sequence, weights = [], []
        for row in self.comparison.rows:
            for node in side(row.link):
                sequence.append(at[id(node)])
                weights.append(1 if row.link.relation == "moved" else 3)  # the aligner's moves move first
        kept = _increasing(sequence, weights)
        return {value for k, value in enumerate(sequence) if k not in kept}

    def paragraphs(self) -> list[_Para]:
        main: list[_Para] = []
        away: dict[int, tuple[Paragraph, Row]] = {}  # old position → old paragraph moved from elsewhere
        come: dict[int, tuple[Paragraph, Row | None]] = {}  # new position → new paragraph standing elsewhere
        for row in self.comparison.rows:
            paras = self._row(row)
            self._comment(row, paras)
            main.extend(paras)
            for node in row.link.sources:
                if self.old_at[id(node)] in self.moved_old:
                    away[self.old_at[id(node)]] = (node, row)
            for node in row.link.targets:
                if self.new_at[id(node)] in self.moved_new:
                    come[self.new_at[id(node)]] = (node, row)
            for node in row.link.placeholders:
                come[self.new_at[id(node)]] = (node, None)
        linked_old = {id(node) for row in self.comparison.rows for node in row.link.sources}
        linked_new = {id(node) for row in self.comparison.rows for node in [*row.link.targets, *row.link.placeholders]}
        unlinked_old = [(node, k) for node, k in self._nodes(self.old) if id(node) not in linked_old]
        for node, position in unlinked_old:  # in no link (the aligner should not leave any): deleted where it was
            para = self._placeholder(node, DELETE)
            para.old = position
            _insert_by(main, para, "old", position)
        for node, position in self._nodes(self.new):
            if id(node) not in linked_new:  # … and inserted where it is
                come[position] = (node, None)
        for position in sorted(away):
            node, row = away[position]
            _insert_by(main, self._elsewhere(node, row, position, old_side=True), "old", position)
        for position in sorted(come):
            node, maybe_row = come[position]
            para = self._elsewhere(node, maybe_row, position, old_side=False) if maybe_row else self._placeholder(node)
            para.new = position
            _insert_by(main, para, "new", position)
        return main

    def _row(self, row: Row) -> list[_Para]:
        """The row's paragraphs: one per paragraph mark, labels at the start of each paragraph of either side."""
        sources, targets = row.link.sources, row.link.targets
        olds = [self.old_at[id(node)] for node in sources]
        news = [self.new_at[id(node)] for node in targets]

        def away(k: int) -> bool:  # old paragraph k of the row stands at its old place
            return k < len(olds) and olds[k] in self.moved_old

        def elsewhere(k: int) -> bool:  # new paragraph k of the row stands at its new place
            return k < len(news) and news[k] in self.moved_new

        style = "Heading1" if row.heading else None
        paras: list[_Para] = []
        cur = _Para(style=style, depth=row.depth, keep_next=row.heading)
        i = j = 0

        def begin(source: bool, target: bool) -> None:
            """Put the label of the paragraph(s) starting here: kept, inserted or deleted."""
            has_source = source and i < len(sources) and not away(i)
            has_target = target and j < len(targets) and not elsewhere(j)
            if has_target:
                text, op = printed_label(targets[j]), EQUAL if has_source else INSERT
            elif has_source:
                text, op = printed_label(sources[i]), DELETE
            else:
                return
            if has_source and cur.old is None:
                cur.old = olds[i]
            if has_target and cur.new is None:
                cur.new = news[j]
            if text:
                cur.labelled = cur.labelled or not cur.has_text()
                cur.add(_Run(op, text, label=True))

        begin(bool(sources), bool(targets))
        for change in row.changes:
            for piece in re.split(f"({re.escape(BOUNDARY)})", change.text):
                if not piece:
                    continue
                if piece != BOUNDARY:
                    op, move = _moved_op(change.op, away(i), elsewhere(j))
                    if op:
                        key = f"old{olds[i]}" if op == MOVE_TO else f"new{news[j]}" if op == MOVE_FROM else None
                        cur.add(_Run(op, piece, move=key))
                    continue
                mark, _ = _moved_op(change.op, away(i), elsewhere(j))
                i, j = i + (change.op != INSERT), j + (change.op != DELETE)
                if mark:
                    cur.mark = _plain_mark(mark)
                    paras.append(cur)
                    cur = _Para(style=style, depth=row.depth, keep_next=row.heading)
                begin(change.op != INSERT, change.op != DELETE)
        final = EQUAL if sources and targets else DELETE if sources else INSERT
        mark, _ = _moved_op(final, away(i), elsewhere(j))
        if mark:
            cur.mark = _plain_mark(mark)
            paras.append(cur)
        elif cur.has_text():  # cannot happen: a paragraph mark goes wherever words do
            cur.mark = DELETE
            paras.append(cur)
        self._move_ranges(paras)
        return paras

    def _move_ranges(self, paras: list[_Para]) -> None:
        """Wrap the moved words of each paragraph that moved in a named move range."""
        first: dict[str, tuple[_Para, int]] = {}
        last: dict[str, tuple[_Para, int]] = {}
        for para in paras:
            for k, item in enumerate(para.items):
                if isinstance(item, _Run) and item.move:
                    first.setdefault(item.move, (para, k))
                    last[item.move] = (para, k)
        for name in sorted(first, key=lambda n: first[n][1], reverse=True):  # from the end: indices stay valid
            from_id, to_id = self.writer.new_id(), self.writer.new_id()
            self.ranges[name] = (from_id, to_id)
            kind, number = ("moveTo", to_id) if name.startswith("old") else ("moveFrom", from_id)
            end_para, end_k = last[name]
            end_para.items.insert(end_k + 1, _Marker(f"{kind}RangeEnd", number))
            start_para, start_k = first[name]
            start_para.items.insert(start_k, _Marker(f"{kind}RangeStart", number, name))

    def _comment(self, row: Row, paras: list[_Para]) -> None:
        """Name renumbering, moves, merges and splits (and conflicts) in a comment over the row."""
        link = row.link
        relabelled = bool(link.sources and link.targets) and row.old_labels != row.new_labels
        named = link.relation in ("moved", "merged", "split", "renumbered") or relabelled or link.conflict
        if not paras or not named:
            return
        text = [f"{', '.join(row.old_labels)} → {', '.join(row.new_labels)}: {row.description}"]
        if link.conflict:
            text.append(f"Conflict: {link.conflict}")
        _annotate(paras[0], paras[-1], self.writer.comment(text, DEFAULT_AUTHOR))

    def _elsewhere(self, node: Paragraph, row: Row, position: int, old_side: bool) -> _Para:
        """A paragraph standing apart from its row: an old one at its old place, a new one at its new place."""
        name = f"{'old' if old_side else 'new'}{position}"
        moved = name in self.ranges
        op = (MOVE_FROM if old_side else MOVE_TO) if moved else (DELETE if old_side else INSERT)
        para = _Para(mark=op, depth=_depth(node), style="Heading1" if node.kind == "heading" else None)
        para.old = position if old_side else None
        label = printed_label(node)
        para.labelled = bool(label)
        if moved:
            kind, number = ("moveFrom", self.ranges[name][0]) if old_side else ("moveTo", self.ranges[name][1])
            para.add(_Marker(f"{kind}RangeStart", number, name))
        if label:
            para.add(_Run(op, label, label=True))
        para.add(_Run(op, node.text))
        if moved:
            para.add(_Marker(f"{kind}RangeEnd", number))
        other = ", ".join(row.new_labels if old_side else row.old_labels) or "-"
        text = (
            f"{node.label} moved from here into {other}: {row.description}"
            if old_side
            else f"{node.label} comes from {other}: {row.description}"
        )
        _annotate(para, para, self.writer.comment([text], DEFAULT_AUTHOR))
        return para

    @staticmethod
    def _nodes(draft: Draft | None) -> list[tuple[Paragraph, int]]:
        return [(node, k) for k, (node, _) in enumerate(draft.walk())] if draft is not None else []

    def _placeholder(self, node: Paragraph, op: str = INSERT) -> _Para:
        """A paragraph of one draft only, whole: '43. [Merged with paragraph 42]' as the later draft prints it."""
        para = _Para(mark=op, depth=_depth(node), style="Heading1" if node.kind == "heading" else None)
        label = printed_label(node)
        para.labelled = bool(label)
        if label:
            para.add(_Run(op, label, label=True))
        para.add(_Run(op, node.text or " ".join(marker.text for marker in node.markers)))
        return para


def _moved_op(op: str, away: bool, elsewhere: bool) -> tuple[str, bool]:
    """What becomes, at the row's place, of words (or a paragraph mark) whose paragraph stands apart.

    Old words of a paragraph moved away show at the row as moved here (moveTo) and new words of a
    paragraph standing elsewhere as moved away (moveFrom); words whose both ends stand apart, and
    deleted or inserted words of a paragraph standing apart, are not at the row at all ("").
    """
    if op == EQUAL:
        if away and elsewhere:
            return "", True
        return (MOVE_TO, True) if away else (MOVE_FROM, True) if elsewhere else (EQUAL, False)
    if op == DELETE:
        return ("", True) if away else (DELETE, False)
    return ("", True) if elsewhere else (INSERT, False)


def _plain_mark(op: str) -> str:
    """A paragraph mark moved here or away is written as inserted or deleted (no move range spans it)."""
    return {MOVE_TO: INSERT, MOVE_FROM: DELETE}.get(op, op)


def _annotate(first: _Para, last: _Para, number: int) -> None:
    """Anchor comment `number` from the start of `first` to the end of `last`."""
    first.items.insert(0, _Marker("commentRangeStart", number))
    last.add(_Marker("commentRangeEnd", number))
    last.add(_Marker("commentReference", number))


def _insert_by(paras: list[_Para], extra: _Para, side: str, position: int) -> None:
    """Put a paragraph before the first one that starts a later paragraph of the same draft."""
    for k, para in enumerate(paras):
        at = getattr(para, side)
        if at is not None and at > position:
            paras.insert(k, extra)
            return
    paras.append(extra)


# --- apply: one delegation's proposals as tracked changes ----------------------------------------------


def apply_docx(
    draft: Draft,
    proposals: list[Proposal],
    delegation: str,
    date: str | None = None,
    title: str = "",
    *,
    draft_label: str = "",
) -> bytes:
    """A draft with one delegation's proposals as tracked changes authored by it.

    Word edits (insert, delete, replace) are placed where `find_span` finds their words; a redraft
    deletes the old text and inserts the new; a new paragraph is inserted after its anchor (and the
    anchor's sub-paragraphs); deleting a paragraph deletes it whole. One text change is shown per
    paragraph (the first in document order); moves, merges, splits, comments, proposals that could
    not be applied and further changes to a paragraph already changed become comments saying what
    was asked and why it is not a tracked change.
    """
    writer = _Writer(delegation, date)
    on: dict[int, list[Proposal]] = {}
    lost: list[Proposal] = []
    for proposal in proposals:
        node = draft.find(proposal.paragraph) if proposal.paragraph else None
        if node is None:
            lost.append(proposal)
        else:
            on.setdefault(id(node), []).append(proposal)
    head = _title_block(
        [
            ("Title", title),
            ("Subtitle", f"Proposals of {delegation}" + (f" on the {draft_label}" if draft_label else "")),
            ("Subtitle", "Each proposal is a tracked change by its delegation; what cannot be one is a comment."),
        ]
    )
    if lost and head:
        notes = [f"Not placed (paragraph not in this draft): {_asked(p)}" for p in lost]
        _annotate(head[-1], head[-1], writer.comment(notes, delegation))
    body: list[_Para] = []

    def visit(nodes: list[Paragraph], parent: Paragraph | None) -> None:
        for node in nodes:
            depth = 0 if parent is None or parent.kind == "heading" else 1
            new_after = _applied_paragraph(node, on.get(id(node), []), depth, writer, body)
            visit(node.children, node)
            for proposal in new_after:
                body.append(_new_paragraph(proposal, depth, writer))

    visit(draft.paragraphs, None)
    paras = head + body
    if paras and paras[-1].mark != EQUAL:
        paras.append(_Para())
    footer = f"Proposals of {delegation}"
    return writer.package([writer.paragraph(p) for p in paras], title or footer, footer, landscape=False, track=True)


def shown_proposal(proposals: list[Proposal]) -> Proposal | None:
    """The proposal `apply_docx` shows as tracked changes on a paragraph: its first applied text change."""
    return next((p for p in proposals if p.operation in _TEXT_OPERATIONS and p.applied), None)


def _applied_paragraph(
    node: Paragraph, proposals: list[Proposal], depth: int, writer: _Writer, body: list[_Para]
) -> list[Proposal]:
    """A paragraph with its proposal as tracked changes, the others as comments; returns the new ones asked after it."""
    shown = shown_proposal(proposals)
    notes: list[str] = []
    new_after: list[Proposal] = []
    for proposal in proposals:
        if proposal is shown:
            if proposal.rationale:
                notes.append(f"{_who(proposal)}: {proposal.rationale}")
        elif proposal.operation == "new_paragraph" and proposal.applied:
            new_after.append(proposal)
        elif proposal.operation in _TEXT_OPERATIONS and proposal.applied and shown is not None:
            notes.append(
                f"Also proposed: {_asked(proposal)} Not shown as a tracked change: the paragraph already carries "
                f"the {shown.operation} proposal of {_who(shown)}."
            )
        else:
            notes.append(_why_not(proposal))
    style = "Heading1" if node.kind == "heading" else None
    label = printed_label(node)
    whole = shown is not None and shown.operation == "delete" and not shown.edits and not shown.resulting_text
    op = DELETE if whole else EQUAL
    para = _Para(mark=op, style=style, depth=depth, labelled=bool(label), keep_next=node.kind == "heading")
    if label:
        para.add(_Run(op, label, label=True))
    if whole:
        para.add(_Run(DELETE, node.text))
    else:
        changes = proposal_changes(node.text, shown) if shown is not None else [Change(EQUAL, node.text)]
        for change in changes:
            para.add(_Run(change.op, change.text))
    for note in notes:  # one comment per proposal: its rationale travels with its change
        _annotate(para, para, writer.comment([note]))
    body.append(para)
    return new_after


def _new_paragraph(proposal: Proposal, depth: int, writer: _Writer) -> _Para:
    """A proposed new paragraph, inserted whole under its new label."""
    para = _Para(mark=INSERT, depth=depth)
    label = proposal.new_label or ""
    para.labelled = bool(label)
    if label:
        para.add(_Run(INSERT, label, label=True))
    para.add(_Run(INSERT, proposal.resulting_text or proposal.text or ""))
    if proposal.rationale:
        _annotate(para, para, writer.comment([f"{_who(proposal)}: {proposal.rationale}"]))
    return para


def _who(proposal: Proposal) -> str:
    return ", ".join(proposal.delegations) or "?"


def _verbatim(proposal: Proposal) -> str:
    text = proposal.sponsors[0].verbatim if proposal.sponsors else ""
    return " ".join(text.split())


def _asked(proposal: Proposal) -> str:
    """What a proposal asked, in a sentence: its operation, its paragraph and the delegation's words."""
    where = f" {proposal.paragraph}" if proposal.paragraph else ""
    words = _verbatim(proposal) or proposal.text or ""
    return f"{_who(proposal)}, {proposal.operation}{where}" + (f": “{words}”." if words else ".")


def _why_not(proposal: Proposal) -> str:
    """A comment for a proposal that is no tracked change: what was asked, and why."""
    op = proposal.operation
    why = {
        "move": "a move of a whole paragraph is left to the facilitators",
        "merge": "a merge of paragraphs is left to the facilitators",
        "split": "a split of a paragraph is left to the facilitators",
        "comment": "it changes no words",
    }.get(op)
    if why is None:
        why = (
            f"it could not be applied ({proposal.unapplied_reason})"
            if proposal.unapplied_reason
            else "it could not be applied"
        )
    target = ""
    if op == "move" and proposal.new_label:
        target = f" Move to: {proposal.new_label}."
    elif op in ("merge", "split") and (proposal.related or proposal.new_label):
        target = f" With: {', '.join(proposal.related) or proposal.new_label}."
    rationale = f" Rationale: {proposal.rationale}" if proposal.rationale and op != "comment" else ""
    if op == "comment":
        return f"{_who(proposal)}: {proposal.rationale or _verbatim(proposal)}"
    return f"{_asked(proposal)}{target}{rationale} Not a tracked change: {why}."


def proposal_changes(base: str, proposal: Proposal) -> list[Change]:
    """The tracked changes of one applied proposal on its paragraph; they always give its resulting text."""
    result = proposal.resulting_text or ""
    if proposal.operation == "redraft":
        return [change for change in (Change(DELETE, base), Change(INSERT, result)) if change.text]
    placed = place_edits(base, proposal.edits) if proposal.edits else None
    if placed is not None and old_text(placed) == base and new_text(placed) == result:
        return placed
    return redline(base, result)  # where the placed words and the stored result differ in spacing


def place_edits(base: str, edits: list[Edit]) -> list[Change] | None:
    """The edits placed where `find_span` finds their words, as changes; None when one cannot be placed.

    Spacing follows `proposal.apply_edits`; callers check that the result is the proposal's text.
    """
    chars: list[list[str]] = [[ch, EQUAL] for ch in base]

    def visible() -> tuple[str, list[int]]:
        at = [k for k, (_, op) in enumerate(chars) if op != DELETE]
        return "".join(chars[k][0] for k in at), at

    def insert(at: list[int], where: int, words: str) -> None:
        spot = at[where] if where < len(at) else len(chars)
        chars[spot:spot] = [[ch, INSERT] for ch in words]

    def delete(at: list[int], start: int, end: int) -> None:
        gone = set()
        for k in at[start:end]:
            if chars[k][1] == INSERT:
                gone.add(k)
            else:
                chars[k][1] = DELETE
        chars[:] = [item for k, item in enumerate(chars) if k not in gone]

    try:
        for edit in edits:
            text, at = visible()
            words = (edit.new or "").strip()
            glued = words[:1] in (",", ";", ".", ":")  # apply_edits puts no space before punctuation
            if edit.kind == "insert" and edit.position == "end":
                end = len(text.rstrip(" .;,:"))
                insert(at, end, (" " if end and not glued else "") + words)
            elif edit.kind == "insert":
                span = find_span(text, edit.anchor or "") if edit.anchor else None
                if span is None:
                    return None
                if edit.position == "before":
                    where = span[0]
                    if "," in (edit.anchor or "") + words and words[-1:].isalnum():
                        words += ","
                    insert(at, where, words + " ")
                else:
                    where = span[1]
                    if text[where:].lstrip().startswith(",") and words[:1].isalnum():
                        words = ", " + words.rstrip(",")
                        insert(at, where, words)
                    else:
                        insert(at, where, ("" if glued else " ") + words)
            elif edit.kind in ("delete", "replace"):
                span = find_span(text, edit.old or "") if edit.old else None
                if span is None:
                    return None
                start, end = span
                if edit.kind == "replace" and words:
                    delete(at, start, end)
                    _, at = visible()
                    insert(at, start, words)
                    continue
                if end < len(text) and text[end] == " " and (start == 0 or text[start - 1] == " "):
                    end += 1
                elif start > 0 and text[start - 1] == " " and (end == len(text) or text[end] in ",;.:)"):
                    start -= 1
                delete(at, start, end)
            else:
                return None
    except ValueError:  # the words occur more than once
        return None
    changes: list[Change] = []
    for ch, op in chars:
        if changes and changes[-1].op == op:
            changes[-1] = Change(op, changes[-1].text + ch)
        else:
            changes.append(Change(op, ch))
    return changes


# --- compilation table -----------------------------------------------------------------------------


SMALL = 17  # half-points: rationale and notes in the table
_DEL_LOOK = Look(strike=True, color=DELETED_RED)
_INS_LOOK = Look(underline=True, color=INSERTED_BLUE)


def compilation_docx(table: CompilationTable) -> bytes:
    """The compilation table as a landscape Word table with a repeating header row.

    Headings span the table; proposed new paragraphs follow their anchor; each input shows its
    delegations in bold, then its redline against the paragraph (formatted runs, not tracked
    changes) or its verbatim words, then its rationale in smaller type; with dispositions a third
    column says what became of each input. A table of inputs per delegation ends the document.
    """
    writer = _Writer(DEFAULT_AUTHOR, table.draft_date)
    when = _date_words(table.draft_date)
    body: list[etree._Element] = [
        writer.paragraph(p)
        for p in _title_block(
            [
                (
                    "Title",
                    f"Compilation of inputs on the {table.draft_label}"
                    if table.draft_label
                    else "Compilation of inputs",
                ),
                ("Subtitle", table.negotiation_title or table.negotiation),
                (
                    "Subtitle",
                    f"{table.draft_label}"
                    + (f", {when}" if when not in table.draft_label else "")
                    + (
                        f" · dispositions judged against the {table.next_draft}"
                        if table.with_disposition and table.next_draft
                        else ""
                    ),
                ),
            ]
        )
    ]
    usable = PAGE_LONG - 2 * MARGIN
    widths = [4700, usable - 4700 - 2700, 2700] if table.with_disposition else [5200, usable - 5200]
    header = ["Paragraph", "Inputs"] + (
        ["Disposition" + (f" in the {table.next_draft}" if table.next_draft else "")] if table.with_disposition else []
    )
    grid = _table(widths, header)
    for row in table.rows:
        tr = _sub(grid, "tr")
        if row.kind == "heading":
            cell = _cell(tr, sum(widths), span=len(widths), fill="E7ECF4")
            texts = [_Run(EQUAL, row.label, label=True, look=Look(bold=True))] if row.label else []
            texts.append(_Run(EQUAL, row.text, look=Look(bold=True)))
            cell.append(writer.paragraph(_Para(texts, style="TableText", keep_next=True, labelled=bool(row.label))))
            if row.entries:
                for para in _entry_paras(row.entries):
                    cell.append(writer.paragraph(para))
            continue
        left = _cell(tr, widths[0])
        for para in _left_paras(row):
            left.append(writer.paragraph(para))
        right = _cell(tr, widths[1])
        paras = _entry_paras(row.entries) or [_Para(style="TableText")]
        for para in paras:
            right.append(writer.paragraph(para))
        if table.with_disposition:
            third = _cell(tr, widths[2])
            for para in _disposition_paras(row.entries) or [_Para(style="TableText")]:
                third.append(writer.paragraph(para))
    body.append(grid)
    body.append(writer.paragraph(_Para([_Run(EQUAL, "Inputs per delegation")], style="Heading1", keep_next=True)))
    counts = _table([5000, 1800], ["Delegation", "Inputs"])
    for name, count in [*table.counts.items(), ("Total", sum(table.counts.values()))]:
        tr = _sub(counts, "tr")
        look = Look(bold=name == "Total")
        _cell(tr, 5000).append(writer.paragraph(_Para([_Run(EQUAL, name, look=look)], style="TableText")))
        _cell(tr, 1800).append(
            writer.paragraph(_Para([_Run(EQUAL, str(count), look=look)], style="TableText", align="right"))
        )
    body.append(counts)
    body.append(writer.paragraph(_Para()))
    footer = f"{table.negotiation} · compilation of inputs on the {table.draft_label}"
    return writer.package(body, f"Compilation of inputs: {table.draft_label}", footer, landscape=True, track=False)


def _table(widths: list[int], header: list[str]) -> etree._Element:
    """A bordered table of fixed column widths whose first row repeats on every page."""
    tbl = etree.Element(_w("tbl"))
    tblpr = _sub(tbl, "tblPr")
    _sub(tblpr, "tblStyle", val="TableGrid")
    _sub(tblpr, "tblW", w=sum(widths), type="dxa")
    borders = _sub(tblpr, "tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _sub(borders, side, val="single", sz=4, space=0, color="808080")
    _sub(tblpr, "tblLayout", type="fixed")
    _sub(tblpr, "tblLook", val="04A0", firstRow=1, lastRow=0, firstColumn=0, lastColumn=0, noHBand=1, noVBand=1)
    cols = _sub(tbl, "tblGrid")
    for width in widths:
        _sub(cols, "gridCol", w=width)
    tr = _sub(tbl, "tr")
    trpr = _sub(tr, "trPr")
    _sub(trpr, "cantSplit")
    _sub(trpr, "tblHeader")
    for width, text in zip(widths, header, strict=True):
        cell = _cell(tr, width, fill="D9D9D9")
        p = _sub(cell, "p")
        ppr = _sub(p, "pPr")
        _sub(ppr, "pStyle", val="TableText")
        _sub(ppr, "keepNext")
        r = _sub(p, "r")
        _sub(_sub(r, "rPr"), "b")
        _sub(r, "t").text = text
    return tbl


def _cell(tr: etree._Element, width: int, span: int = 1, fill: str | None = None) -> etree._Element:
    tc = _sub(tr, "tc")
    tcpr = _sub(tc, "tcPr")
    _sub(tcpr, "tcW", w=width, type="dxa")
    if span > 1:
        _sub(tcpr, "gridSpan", val=span)
    if fill:
        _sub(tcpr, "shd", val="clear", color="auto", fill=fill)
    return tc


def _left_paras(row: CompilationRow) -> list[_Para]:
    """The paragraph column: label, tab and text, indented for sub-paragraphs; a new paragraph says so."""
    para = _Para(style="TableText", depth=row.depth, labelled=bool(row.label))
    if row.label:
        para.add(_Run(EQUAL, row.label, label=True, look=Look(bold=True)))
    if row.kind == "new_paragraph":
        para.add(_Run(EQUAL, "proposed new paragraph" + ("\n" if row.text else ""), look=Look(italic=True, color=GREY)))
    para.add(_Run(EQUAL, row.text))
    return [para]


def _entry_paras(entries: list[CompilationEntry]) -> list[_Para]:
    """Each input: delegations in bold, the redline or the verbatim words, the rationale in smaller type."""
    paras: list[_Para] = []
    for entry in entries:
        who = _Para(style="TableText", keep_next=True)
        who.add(_Run(EQUAL, ", ".join(entry.delegations), look=Look(bold=True)))
        note = entry.operation.replace("_", " ")
        if entry.attribution == "inferred":
            note += ", attributed from its place in the table"
        who.add(_Run(EQUAL, f"  {note}", look=Look(italic=True, size=SMALL, color=GREY)))
        paras.append(who)
        words = _Para(style="TableText")
        if entry.changes:
            for change in entry.changes:
                look = _DEL_LOOK if change.op == DELETE else _INS_LOOK if change.op == INSERT else None
                words.add(_Run(EQUAL, change.text, look=look))
        else:
            words.add(_Run(EQUAL, " ".join(entry.verbatim.split())))
        paras.append(words)
        small = Look(italic=True, size=SMALL, color=GREY)
        if entry.rationale:
            paras.append(_Para([_Run(EQUAL, " ".join(entry.rationale.split()), look=small)], style="TableText"))
        if entry.references:
            paras.append(_Para([_Run(EQUAL, "Sources: " + "; ".join(entry.references), look=small)], style="TableText"))
        paras[-1].after = 160
    return paras


def _disposition_paras(entries: list[CompilationEntry]) -> list[_Para]:
    paras = []
    for entry in entries:
        status = (entry.disposition or "—").replace("_", " ")
        paras.append(
            _Para(
                [
                    _Run(EQUAL, ", ".join(entry.delegations) + ": ", look=Look(size=SMALL)),
                    _Run(EQUAL, status, look=Look(bold=True)),
                ],
                style="TableText",
            )
        )
        if entry.explanation:
            paras.append(
                _Para(
                    [_Run(EQUAL, " ".join(entry.explanation.split()), look=Look(italic=True, size=SMALL, color=GREY))],
                    style="TableText",
                    after=160,
                )
            )
    return paras
