"""The .docx package: the document's section, the parts beside it, and the zip that holds them.

Only standard parts are written (document, styles, settings, comments, footer, core and app
properties), so Word, LibreOffice and amendtrack's own `.docx` reader can read them; fixed zip
timestamps and a fixed part order keep the same document the same bytes.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from io import BytesIO

from lxml import etree

from amendtrack.render.docx.styles import styles_part
from amendtrack.render.docx.wordml import (
    DEFAULT_AUTHOR,
    HANG,
    MARGIN,
    PAGE_LONG,
    PAGE_SHORT,
    R_NS,
    W_NS,
    XML_SPACE,
    sub_element,
    w_tag,
    xml_safe,
)


def document_part(body: Iterable[etree._Element], landscape: bool) -> etree._Element:
    """The document part: the body's paragraphs and tables, then an A4 section with its footer."""
    document = etree.Element(w_tag("document"), nsmap={"w": W_NS, "r": R_NS})
    body_el = sub_element(document, "body")
    for element in body:
        body_el.append(element)
    sect = sub_element(body_el, "sectPr")
    sub_element(sect, "footerReference", type="default").set(f"{{{R_NS}}}id", "rIdFooter")
    if landscape:
        sub_element(sect, "pgSz", w=PAGE_LONG, h=PAGE_SHORT, orient="landscape")
    else:
        sub_element(sect, "pgSz", w=PAGE_SHORT, h=PAGE_LONG)
    sub_element(sect, "pgMar", top=MARGIN, right=MARGIN, bottom=MARGIN, left=MARGIN, header=567, footer=567, gutter=0)
    return document


def write_package(
    document: etree._Element,
    comments: etree._Element | None,
    title: str,
    date: str | None,
    footer: str,
    *,
    landscape: bool,
    track: bool,
) -> bytes:
    """The .docx: [Content_Types].xml, relationships, document, styles, settings, comments, footer."""
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
    if comments is not None:
        rels.append(("rIdComments", "comments", "comments.xml"))
        overrides["/word/comments.xml"] = "wordprocessingml.comments+xml"
        parts["word/comments.xml"] = _xml(comments)
    parts["word/document.xml"] = _xml(document)
    parts["word/styles.xml"] = _xml(styles_part())
    parts["word/settings.xml"] = _xml(_settings(track))
    parts["word/footer1.xml"] = _xml(_footer(footer, (PAGE_LONG if landscape else PAGE_SHORT) - 2 * MARGIN))
    parts["word/_rels/document.xml.rels"] = _xml(
        _relationships_part([(rid, f"{R_NS}/{kind}", target) for rid, kind, target in rels])
    )
    parts["docProps/core.xml"] = _xml(_core(title, date))
    parts["docProps/app.xml"] = _xml(_app())
    parts["_rels/.rels"] = _xml(
        _relationships_part(
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
    return _zipped([("[Content_Types].xml", _xml(_content_types(overrides))), *sorted(parts.items(), key=_part_order)])


def _zipped(parts: list[tuple[str, bytes]]) -> bytes:
    """The parts in a zip, in this order, with fixed timestamps and permissions."""
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return out.getvalue()


def _part_order(item: tuple[str, bytes]) -> tuple[int, str]:
    """Package relationships first, then the document properties, then the word/ parts, each by name."""
    name = item[0]
    return (0 if name.startswith("_rels") else 1 if name.startswith("docProps") else 2, name)


def _xml(element: etree._Element) -> bytes:
    """A part's bytes: UTF-8 with a standalone XML declaration, as Word writes them."""
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)


def _relationships_part(rels: list[tuple[str, str, str]]) -> etree._Element:
    """A relationships part: (id, type, target) for each part that another one refers to."""
    ns = "http://schemas.openxmlformats.org/package/2006/relationships"
    root = etree.Element(f"{{{ns}}}Relationships", nsmap={None: ns})
    for rid, kind, target in rels:
        etree.SubElement(root, f"{{{ns}}}Relationship", Id=rid, Type=kind, Target=target)
    return root


def _content_types(overrides: dict[str, str]) -> etree._Element:
    """[Content_Types].xml: the types by extension, then each part's own (`overrides`: part → officedocument kind)."""
    ns = "http://schemas.openxmlformats.org/package/2006/content-types"
    root = etree.Element(f"{{{ns}}}Types", nsmap={None: ns})
    etree.SubElement(
        root,
        f"{{{ns}}}Default",
        Extension="rels",
        ContentType="application/vnd.openxmlformats-package.relationships+xml",
    )
    etree.SubElement(root, f"{{{ns}}}Default", Extension="xml", ContentType="application/xml")
    types = [(part, f"application/vnd.openxmlformats-officedocument.{kind}") for part, kind in overrides.items()]
    types.append(("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"))
    types.append(("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"))
    for part, content_type in types:
        etree.SubElement(root, f"{{{ns}}}Override", PartName=part, ContentType=content_type)
    return root


def _core(title: str, date: str | None) -> etree._Element:
    """The core properties: title, creator and, when the draft has a date, that date as the creation time."""
    ns = {
        "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
        "dc": "http://purl.org/dc/elements/1.1/",
        "dcterms": "http://purl.org/dc/terms/",
        "xsi": "http://www.w3.org/2001/XMLSchema-instance",
    }
    root = etree.Element(f"{{{ns['cp']}}}coreProperties", nsmap=ns)
    etree.SubElement(root, f"{{{ns['dc']}}}title").text = xml_safe(title)
    etree.SubElement(root, f"{{{ns['dc']}}}creator").text = DEFAULT_AUTHOR
    if date:
        created = etree.SubElement(root, f"{{{ns['dcterms']}}}created")
        created.set(f"{{{ns['xsi']}}}type", "dcterms:W3CDTF")
        created.text = date
    return root


def _app() -> etree._Element:
    """The extended properties: only the application's name."""
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    root = etree.Element(f"{{{ns}}}Properties", nsmap={None: ns})
    etree.SubElement(root, f"{{{ns}}}Application").text = "amendtrack"
    return root


def _settings(track: bool) -> etree._Element:
    """The settings part: tab stops at the hanging indent, Word 2013 compatibility, tracking when asked."""
    root = etree.Element(w_tag("settings"), nsmap={"w": W_NS})
    if track:
        sub_element(root, "trackRevisions")  # further edits in Word are tracked too
    sub_element(root, "defaultTabStop", val=HANG)
    compat = sub_element(root, "compat")
    sub_element(
        compat, "compatSetting", name="compatibilityMode", uri="http://schemas.microsoft.com/office/word", val=15
    )
    return root


def _footer(text: str, width: int) -> etree._Element:
    """The footer: what the document is on the left, the page number at the right margin (`width`)."""
    root = etree.Element(w_tag("ftr"), nsmap={"w": W_NS, "r": R_NS})
    p = sub_element(root, "p")
    ppr = sub_element(p, "pPr")
    sub_element(ppr, "pStyle", val="Footer")
    sub_element(sub_element(ppr, "tabs"), "tab", val="right", pos=width)
    t = sub_element(sub_element(p, "r"), "t")
    t.text = xml_safe(text)
    t.set(XML_SPACE, "preserve")
    sub_element(sub_element(p, "r"), "tab")
    page = sub_element(p, "fldSimple", instr=" PAGE ")
    sub_element(sub_element(page, "r"), "t").text = "1"
    return root
