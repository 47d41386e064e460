"""Build .docx files from Python data with lxml, for the Word reader's tests: no binary blobs in the repository.

Paragraphs are made of plain text and of the WordprocessingML pieces the reader must handle:
tracked changes (`ins`, `dele`, `move_from`, `move_to`, paragraph marks), comment ranges,
footnote references, fields and hyperlinks; `numbering` writes numbering.xml from level
definitions; `draft_docx` renders a paragraph tree as Word, with typed or automatic labels.
"""

from __future__ import annotations

import itertools
import re
import zipfile
from pathlib import Path

from lxml import etree

from amendtrack.model.tree import Draft, Paragraph
from amendtrack.read.ocr import to_roman

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
DATE = "2010-05-03T10:00:00Z"

_ids = itertools.count(1)
Item = etree._Element | str


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def el(tag: str, *children: etree._Element, **attrs: str | int) -> etree._Element:
    """A w: element with w: attributes and children."""
    node = etree.Element(w(tag), {w(k): str(v) for k, v in attrs.items()})
    for child in children:
        node.append(child)
    return node


def run(text: str, deleted: bool = False, strike: bool = False) -> etree._Element:
    """A run of text (w:delText inside deletions); tabs become w:tab."""
    r = el("r")
    if strike:
        r.append(el("rPr", el("strike")))
    for k, piece in enumerate(text.split("\t")):
        if k:
            r.append(el("tab"))
        if piece:
            t = etree.SubElement(r, w("delText" if deleted else "t"))
            t.text = piece
            t.set(XML_SPACE, "preserve")
    return r


def _revision(tag: str, author: str, date: str | None, *children: etree._Element) -> etree._Element:
    attrs = {"id": next(_ids), "author": author}
    if date:
        attrs["date"] = date
    return el(tag, *children, **attrs)


def ins(text: str, author: str, date: str | None = DATE) -> etree._Element:
    return _revision("ins", author, date, run(text))


def dele(text: str, author: str, date: str | None = DATE) -> etree._Element:
    return _revision("del", author, date, run(text, deleted=True))


def move_from(text: str, author: str, name: str, date: str | None = DATE) -> list[etree._Element]:
    """The words a move takes away, inside their move range."""
    rid = next(_ids)
    return [
        el("moveFromRangeStart", id=rid, name=name, author=author, date=date or DATE),
        _revision("moveFrom", author, date, run(text, deleted=True)),
        el("moveFromRangeEnd", id=rid),
    ]


def move_to(text: str, author: str, name: str, date: str | None = DATE) -> list[etree._Element]:
    rid = next(_ids)
    return [
        el("moveToRangeStart", id=rid, name=name, author=author, date=date or DATE),
        _revision("moveTo", author, date, run(text)),
        el("moveToRangeEnd", id=rid),
    ]


def comment_start(cid: int) -> etree._Element:
    return el("commentRangeStart", id=cid)


def comment_end(cid: int) -> list[etree._Element]:
    return [el("commentRangeEnd", id=cid), el("r", el("commentReference", id=cid))]


def footnote_ref(fid: int) -> etree._Element:
    return el("r", el("rPr", el("rStyle", val="FootnoteReference")), el("footnoteReference", id=fid))


def hyperlink(text: str) -> etree._Element:
    link = el("hyperlink", run(text))
    link.set(f"{{{R}}}id", "rIdLink")
    return link


def field(code: str, result: str) -> list[etree._Element]:
    """A complex field: begin, its code, separate, its result, end."""
    instr = etree.Element(w("instrText"))
    instr.text = f" {code} "
    return [
        el("r", el("fldChar", fldCharType="begin")),
        el("r", instr),
        el("r", el("fldChar", fldCharType="separate")),
        run(result),
        el("r", el("fldChar", fldCharType="end")),
    ]


def simple_field(code: str, result: str) -> etree._Element:
    return el("fldSimple", run(result), instr=f" {code} ")


def p(
    *items: Item | list[etree._Element],
    num: tuple[int, int] | None = None,
    style: str | None = None,
    mark: tuple[str, str] | None = None,
) -> etree._Element:
    """A paragraph: strings are runs; `num` is (numId, ilvl); `mark` a tracked paragraph mark (kind, author)."""
    para = el("p")
    ppr = el("pPr")
    if style:
        ppr.append(el("pStyle", val=style))
    if num is not None:
        ppr.append(el("numPr", el("ilvl", val=num[1]), el("numId", val=num[0])))
    if mark is not None:
        ppr.append(el("rPr", _revision(mark[0], mark[1], DATE)))
    if len(ppr):
        para.append(ppr)
    for item in items:
        for piece in item if isinstance(item, list) else [item]:
            para.append(run(piece) if isinstance(piece, str) else piece)
    return para


def spaced(para: etree._Element, after: int = 120) -> etree._Element:
    """A paragraph with space after it, in twentieths of a point (120: 6 pt, as UN documents are set)."""
    ppr = para.find(w("pPr"))
    if ppr is None:
        ppr = el("pPr")
        para.insert(0, ppr)
    ppr.append(el("spacing", after=after))
    return para


def table(rows: list[list[list[etree._Element] | None]]) -> etree._Element:
    """A table; a cell is a list of paragraphs, or None for a cell merged with the one above (w:vMerge)."""
    tbl = el("tbl", el("tblPr", el("tblStyle", val="TableGrid")))
    columns = max(len(row) for row in rows)
    tbl.append(el("tblGrid", *[el("gridCol", w=3000) for _ in range(columns)]))
    for k, row in enumerate(rows):
        tr = el("tr")
        for c, cell in enumerate(row):
            tcpr = el("tcPr", el("tcW", w=3000, type="dxa"))
            below = k + 1 < len(rows) and c < len(rows[k + 1]) and rows[k + 1][c] is None
            if cell is None:
                tcpr.append(el("vMerge"))
            elif below:
                tcpr.append(el("vMerge", val="restart"))
            tr.append(el("tc", tcpr, *(cell or [p()])))
        tbl.append(tr)
    return tbl


# --- numbering.xml ------------------------------------------------------------------------------------


def level(ilvl: int, fmt: str, text: str, start: int = 1, **extra: int) -> etree._Element:
    """One w:lvl: number format, level text ('%1.', '(%2)'), start, and e.g. restart=0."""
    lvl = el("lvl", el("start", val=start), el("numFmt", val=fmt), el("lvlText", val=text), ilvl=ilvl)
    if "restart" in extra:
        lvl.append(el("lvlRestart", val=extra["restart"]))
    if fmt == "bullet":
        lvl.append(el("rPr", el("rFonts", ascii="Symbol", hAnsi="Symbol")))
    return lvl


def numbering(
    abstracts: dict[int, list[etree._Element]],
    nums: dict[int, int],
    overrides: dict[int, list[etree._Element]] | None = None,
) -> etree._Element:
    """numbering.xml: abstract id → levels, num id → abstract id, num id → its w:lvlOverride elements."""
    root = etree.Element(w("numbering"), nsmap={"w": W})
    for aid, levels in abstracts.items():
        root.append(el("abstractNum", el("multiLevelType", val="multilevel"), *levels, abstractNumId=aid))
    for nid, aid in nums.items():
        root.append(el("num", el("abstractNumId", val=aid), *(overrides or {}).get(nid, []), numId=nid))
    return root


def start_override(ilvl: int, start: int) -> etree._Element:
    return el("lvlOverride", el("startOverride", val=start), ilvl=ilvl)


# --- the package ----------------------------------------------------------------------------------------


def _styles() -> etree._Element:
    root = etree.Element(w("styles"), nsmap={"w": W})
    for sid, name in (("Normal", "Normal"), ("Title", "Title"), ("Subtitle", "Subtitle"), ("Heading1", "heading 1")):
        style = el("style", el("name", val=name), type="paragraph", styleId=sid)
        if sid == "Normal":
            style.set(w("default"), "1")
        else:
            style.append(el("basedOn", val="Normal"))
        root.append(style)
    return root


def _notes(tag: str, notes: dict[int, str]) -> etree._Element:
    root = etree.Element(w(f"{tag}s"), nsmap={"w": W})
    root.append(el(tag, p(), type="separator", id=-1))
    root.append(el(tag, p(), type="continuationSeparator", id=0))
    for nid, text in notes.items():
        root.append(el(tag, p(el("r", el(f"{tag}Ref")), " " + text), id=nid))
    return root


def _comments(comments: list[tuple[int, str, str]]) -> etree._Element:
    root = etree.Element(w("comments"), nsmap={"w": W})
    for cid, author, text in comments:
        root.append(el("comment", p(el("r", el("annotationRef")), text), id=cid, author=author, date=DATE))
    return root


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def docx_bytes(
    body: list[etree._Element],
    numbering_xml: etree._Element | None = None,
    comments: list[tuple[int, str, str]] | None = None,
    footnotes: dict[int, str] | None = None,
) -> bytes:
    """A whole .docx: content types, relationships, document, styles and the optional parts."""
    document = etree.Element(w("document"), nsmap={"w": W, "r": R})
    body_el = etree.SubElement(document, w("body"))
    for element in body:
        body_el.append(element)
    body_el.append(el("sectPr"))
    parts = {"word/document.xml": _xml(document), "word/styles.xml": _xml(_styles())}
    rels = [("rIdStyles", "styles", "styles.xml")]
    types = {"/word/document.xml": "document.main", "/word/styles.xml": "styles"}
    if numbering_xml is not None:
        parts["word/numbering.xml"] = _xml(numbering_xml)
        rels.append(("rIdNumbering", "numbering", "numbering.xml"))
        types["/word/numbering.xml"] = "numbering"
    if comments:
        parts["word/comments.xml"] = _xml(_comments(comments))
        rels.append(("rIdComments", "comments", "comments.xml"))
        types["/word/comments.xml"] = "comments"
    if footnotes:
        parts["word/footnotes.xml"] = _xml(_notes("footnote", footnotes))
        rels.append(("rIdFootnotes", "footnotes", "footnotes.xml"))
        types["/word/footnotes.xml"] = "footnotes"
    doc_rels = etree.Element(f"{{{PKG}}}Relationships", nsmap={None: PKG})
    for rid, kind, target in rels:
        etree.SubElement(doc_rels, f"{{{PKG}}}Relationship", Id=rid, Type=f"{R}/{kind}", Target=target)
    etree.SubElement(
        doc_rels, f"{{{PKG}}}Relationship", Id="rIdLink", Type=f"{R}/hyperlink", Target="https://www.un.org/",
        TargetMode="External",
    )  # fmt: skip
    parts["word/_rels/document.xml.rels"] = _xml(doc_rels)
    package_rels = etree.Element(f"{{{PKG}}}Relationships", nsmap={None: PKG})
    etree.SubElement(
        package_rels, f"{{{PKG}}}Relationship", Id="rId1", Type=f"{R}/officeDocument", Target="word/document.xml"
    )
    parts["_rels/.rels"] = _xml(package_rels)
    content = etree.Element(f"{{{CT}}}Types", nsmap={None: CT})
    etree.SubElement(
        content,
        f"{{{CT}}}Default",
        Extension="rels",
        ContentType="application/vnd.openxmlformats-package.relationships+xml",
    )  # noqa: E501
    etree.SubElement(content, f"{{{CT}}}Default", Extension="xml", ContentType="application/xml")
    for name, kind in types.items():
        etree.SubElement(
            content,
            f"{{{CT}}}Override",
            PartName=name,
            ContentType=f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml",
        )
    out = {"[Content_Types].xml": _xml(content), **parts}
    from io import BytesIO

    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in out.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data)
    return buffer.getvalue()


def write_docx(path: Path, body: list[etree._Element], **parts: object) -> Path:
    path.write_bytes(docx_bytes(body, **parts))  # type: ignore[arg-type]
    return path


# --- a paragraph tree as Word ------------------------------------------------------------------------------

# numIds of draft_docx's automatic numbering
PP_NUM, OP_NUM, ANNEX_NUM, SECTION_NUM, BULLET_NUM = 1, 2, 3, 4, 5


def draft_numbering() -> etree._Element:
    """Preambular 'PP%1.', operative '%1.' with '(%2)' below, the annex restarting it, Roman sections, bullets."""
    return numbering(
        {
            10: [level(0, "decimal", "PP%1.")],
            20: [level(0, "decimal", "%1."), level(1, "lowerLetter", "(%2)")],
            30: [level(0, "upperRoman", "%1.")],
            40: [level(0, "bullet", "\uf0b7")],
        },
        {PP_NUM: 10, OP_NUM: 20, ANNEX_NUM: 20, SECTION_NUM: 30, BULLET_NUM: 40},
        {ANNEX_NUM: [start_override(0, 1)]},
    )


def typed_label(node: Paragraph) -> str:
    """A node's label as a draft types it: 'PP.2', '10bis.', '(a)', 'I.', '•'; '' when it has none."""
    label = node.label
    if node.kind == "chapeau" or label.startswith("unnumbered paragraph after "):
        return ""
    if node.kind == "item":
        return "•"
    if node.kind == "heading":
        return "ANNEX" if node.eid == "annex" else f"{label.rsplit('.', 1)[-1]}."
    if node.kind == "subparagraph":
        return "(" + re.sub(r"^.*\(([^()]+)\)$", r"\1", label) + ")"
    if node.kind == "preamble":
        return "PP." + label.removeprefix("PP")
    return label.removeprefix("OP") + "."


def draft_docx(draft: Draft, automatic: bool = False, content: dict[str, list[Item]] | None = None) -> bytes:
    """A tree rendered as a Word draft: preface in Title style, then one paragraph per node.

    Typed labels by default; with `automatic`, labels come from Word numbering (preambular,
    operative with sub-paragraphs, the annex restarting the count, Roman sections, bullets)
    wherever the count gives the node's own label, typed otherwise. `content` puts other items
    (tracked changes, say) after the label of the nodes it names.
    """
    body = [p(line, style="Title") for line in draft.preface]
    counts = {PP_NUM: 0, OP_NUM: 0, ANNEX_NUM: 0, SECTION_NUM: 0}
    sub = 0
    in_annex = False
    for node, parent in draft.walk():
        label = typed_label(node)
        text = node.text
        style = "Heading1" if node.kind == "heading" else None
        num = None
        if node.eid == "annex":
            in_annex = True
        if automatic:
            numbered = _auto(node, parent, counts, in_annex, sub)
            if numbered is not None:
                num, label = numbered, ""
                if num[1] == 1:
                    sub += 1
                elif num[0] in (OP_NUM, ANNEX_NUM):
                    sub = 0
        if node.eid == "annex":
            text = ""
        if content and node.label in content:
            body.append(p(f"{label} " if label else "", *content[node.label], num=num, style=style))
            continue
        pieces = f"{label} {text}".strip() if label else text
        body.append(p(pieces, num=num, style=style))
    return docx_bytes(body, numbering_xml=draft_numbering() if automatic else None)


def _auto(
    node: Paragraph, parent: Paragraph | None, counts: dict[int, int], in_annex: bool, sub: int
) -> tuple[int, int] | None:
    """The (numId, ilvl) that makes Word print this node's label, or None when the count would not."""
    digits = re.fullmatch(r"(?:PP|OP)?(\d+)", node.label)
    if node.kind == "preamble" and digits and int(digits[1]) == counts[PP_NUM] + 1:
        counts[PP_NUM] += 1
        return PP_NUM, 0
    if node.kind == "operative" and digits:
        key = ANNEX_NUM if in_annex else OP_NUM
        if int(digits[1]) == counts[key] + 1:
            counts[key] += 1
            return key, 0
    if node.kind == "heading" and node.eid != "annex" and node.label == to_roman(counts[SECTION_NUM] + 1):
        counts[SECTION_NUM] += 1
        return SECTION_NUM, 0
    if node.kind == "subparagraph" and parent is not None and parent.kind == "operative":
        letter = re.search(r"\(([a-z])\)$", node.label)
        if letter and ord(letter[1]) - ord("a") == sub:
            return (ANNEX_NUM if in_annex else OP_NUM), 1
    if node.kind == "item" and parent is not None:
        return BULLET_NUM, 0
    return None


# --- headers, footers and columns (for the PDF reader's tests, converted by LibreOffice) -------------------


def with_page_parts(
    data: bytes,
    header: list[etree._Element] | None = None,
    footer: list[etree._Element] | None = None,
    columns: int = 1,
) -> bytes:
    """A .docx from `docx_bytes` given a running header and footer (paragraphs; `field("PAGE", "1")` numbers
    pages) on every page, and its text set in `columns` columns: the section properties and parts added."""
    from io import BytesIO

    with zipfile.ZipFile(BytesIO(data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    document = etree.fromstring(parts["word/document.xml"])
    sect = document.find(f"{{{W}}}body/{{{W}}}sectPr")
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    content = etree.fromstring(parts["[Content_Types].xml"])
    for kind, paragraphs in (("header", header), ("footer", footer)):
        if paragraphs is None:
            continue
        root = etree.Element(w("hdr" if kind == "header" else "ftr"), nsmap={"w": W, "r": R})
        for para in paragraphs:
            root.append(para)
        parts[f"word/{kind}1.xml"] = _xml(root)
        etree.SubElement(rels, f"{{{PKG}}}Relationship", Id=f"rId{kind}", Type=f"{R}/{kind}", Target=f"{kind}1.xml")
        etree.SubElement(
            content,
            f"{{{CT}}}Override",
            PartName=f"/word/{kind}1.xml",
            ContentType=f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml",
        )
        reference = el(f"{kind}Reference", type="default")
        reference.set(f"{{{R}}}id", f"rId{kind}")
        sect.append(reference)
    sect.append(el("pgSz", w=11906, h=16838))
    sect.append(el("pgMar", top=1440, right=1440, bottom=1440, left=1440, header=720, footer=720, gutter=0))
    if columns > 1:
        sect.append(el("cols", num=columns, space=720))
    parts["word/document.xml"] = _xml(document)
    parts["word/_rels/document.xml.rels"] = _xml(rels)
    parts["[Content_Types].xml"] = _xml(content)
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, part in parts.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), part)
    return buffer.getvalue()
