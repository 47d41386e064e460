"""Akoma Ntoso 3.0: write a draft's paragraph tree as AKN XML, read it back, validate it (pure: no database).

Document type. AKN4UN (the UN's Akoma Ntoso guidelines) models resolutions, draft ones
included, as `<statement name="resolution">` (document class "deliberation"): an open structure
with a preamble and operative paragraphs. Reports (drafts made of numbered narrative paragraphs
and recommendations, no preambular or operative ones) are written as `<doc name="report">`.
Both types share the XSD's `openStructure` content model (meta, preface, preamble, mainBody),
so either validates; the choice follows AKN4UN, not the schema.

Structure written:

* `meta/identification`: FRBR Work / Expression / Manifestation whose IRIs are built from the
  negotiation and document keys and the draft's date (1970-01-01 when unknown or not an ISO
  date, so the output stays deterministic); `meta/references` holds the TLCOrganizations the
  `source` and `FRBRauthor` attributes point at.
* `preface`: one `p` per preface line of the draft.
* `preamble/recitals/recital`: the leading preambular paragraphs (`PP…`); their bullets and
  sub-paragraphs are `blockList/item`, nested as deep as the draft goes (the XSD allows no
  hierarchy in a preamble).
* `mainBody`: every other top-level node in order. Headings are `hcontainer name="annex"` (the
  annex) or `section` / `subsection` with `num` + `heading`; paragraphs, recommendations and
  chapeaux are `paragraph`, sub-paragraphs `subparagraph`, bullets `point`. A node with
  children keeps its text in `intro/p`, a leaf in `content/p` (the XSD allows one or the other).

Every node element carries `eId` (our eId) and, once the store has given it one, `wId` (our
persistent id). Both are `noWhiteSpace` in the XSD, which our ids already are; whitespace and
`%` are percent-escaped all the same, so the mapping stays reversible for any id. `num` is the
label as printed and is left out when nothing was printed (an AKN reader would show it).

What AKN has no element for is kept in attributes of the amendtrack namespace (`AT_NS`), which
the XSD accepts on every element (`anyAttribute namespace="##other"`): `amendtrack:kind`,
`amendtrack:label`, `amendtrack:labelInferred`. Markers stay out of the text: a footnote is an
`authorialNote` (its reference in `marker`), any other marker a `remark` at the end of the
paragraph's `p`, both with `amendtrack:marker` (the marker kind) and `amendtrack:ref`. Brackets
are `amendtrack:bracket` elements inside a `foreign` block after the `p` (the XSD's one block
open to other namespaces). Characters XML 1.0 cannot carry (C0 controls such as a form feed)
are written as `<inline name="amendtrack-char" amendtrack:code="000C"/>` in text, and
percent-escaped in amendtrack attributes, so every tree round-trips exactly.

Reading gives back the identical tree except line numbers: `line_start` / `line_end` become
the lines of the XML file the node was read from (the original text file's lines are not
kept). Input is parsed with a hardened parser (no DTD, no entities, no network, size limit),
must be valid against the shipped XSD, and is refused with a one-line InputError otherwise.
"""

from __future__ import annotations

import datetime
import functools
import re
from pathlib import Path
from urllib.parse import quote

from lxml import etree

from amendtrack.errors import InputError
from amendtrack.model.tree import KINDS, MARKER_KINDS, Bracket, Draft, Marker, Paragraph

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AT_NS = "urn:amendtrack:akn:1"  # amendtrack's own attributes and elements (not a web address)
SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"
SCHEMA_FILE = SCHEMA_DIR / "akomantoso30.xsd"
MAX_BYTES = 50 * 1024 * 1024  # far above any draft; refuses absurd input before parsing
PLACEHOLDER_DATE = "1970-01-01"
LANGUAGE = "eng"  # the drafts amendtrack reads are English
DOCTYPE_REFUSED = "a DOCTYPE or entity declaration is not allowed in an Akoma Ntoso draft"
CHAR_NAME = "amendtrack-char"  # <inline name=…> standing for a character XML cannot carry

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ID_ESCAPE = re.compile(r"[%\s\x00-\x1f\ud800-\udfff\ufffe\uffff]")
_ATTR_ESCAPE = re.compile("[%\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_UNESCAPE = re.compile(r"%u([0-9A-F]{4})|%([0-9A-F]{2})")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

# Elements whose content is text (mixed): never indented, read as text.
_TEXTUAL = {f"{{{AKN_NS}}}{tag}" for tag in ("p", "num", "heading", "remark", "authorialNote", "inline")}
# Node elements the reader understands, with the kind a node gets when amendtrack:kind is absent.
_NODE_KINDS = {
    "recital": "preamble",
    "item": "item",
    "paragraph": "operative",
    "subparagraph": "subparagraph",
    "point": "item",
    "section": "heading",
    "subsection": "heading",
    "hcontainer": "heading",
}


def _akn(tag: str) -> str:
    return f"{{{AKN_NS}}}{tag}"


def _at(name: str) -> str:
    return f"{{{AT_NS}}}{name}"


# --- reversible escapes ---------------------------------------------------------------------


def _escape(pattern: re.Pattern[str], value: str) -> str:
    def one(match: re.Match[str]) -> str:
        code = ord(match.group())
        return f"%{code:02X}" if code < 0x100 else f"%u{code:04X}"

    return pattern.sub(one, value)


def _unescape(value: str) -> str:
    return _UNESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), value)


def id_to_akn(value: str) -> str:
    """An eId / wId as written: whitespace, '%' and characters XML cannot carry percent-escaped."""
    return _escape(_ID_ESCAPE, value)


def id_from_akn(value: str) -> str:
    """The inverse of id_to_akn."""
    return _unescape(value)


# --- writing --------------------------------------------------------------------------------


def _sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    return etree.SubElement(parent, _akn(tag), attrs)


def _put_text(element: etree._Element, text: str) -> None:
    """Append text to a mixed-content element; characters XML cannot carry become <inline> stand-ins."""
    pieces = _ILLEGAL.split(text)
    specials = _ILLEGAL.findall(text)
    last: etree._Element | None = None
    for index, piece in enumerate(pieces):
        if piece:
            if last is None:
                element.text = (element.text or "") + piece
            else:
                last.tail = (last.tail or "") + piece
        if index < len(specials):
            last = _sub(element, "inline", name=CHAR_NAME)
            last.set(_at("code"), f"{ord(specials[index]):04X}")


def _put_markers(element: etree._Element, node: Paragraph) -> None:
    """The node's markers, in order, at the end of its text element."""
    for marker in node.markers:
        if marker.kind == "footnote":
            note = _sub(element, "authorialNote", placement="bottom")
            if marker.ref is not None:
                note.set("marker", _ILLEGAL.sub("", marker.ref))
            holder = _sub(note, "p")
        else:
            note = holder = _sub(element, "remark")
        note.set(_at("marker"), _escape(_ATTR_ESCAPE, marker.kind))
        if marker.ref is not None:
            note.set(_at("ref"), _escape(_ATTR_ESCAPE, marker.ref))
        _put_text(holder, marker.text)


def _put_brackets(block: etree._Element, node: Paragraph) -> None:
    """Brackets as amendtrack elements in a `foreign` block (the XSD's block open to other namespaces)."""
    if not node.brackets:
        return
    foreign = _sub(block, "foreign")
    for bracket in node.brackets:
        element = etree.SubElement(foreign, _at("bracket"))
        element.set("start", str(bracket.start))
        element.set("end", str(bracket.end))
        element.set("closed", "true" if bracket.closed else "false")
        element.set("text", _escape(_ATTR_ESCAPE, bracket.text))
        for alternative in bracket.alternatives:
            etree.SubElement(element, _at("alternative")).set("text", _escape(_ATTR_ESCAPE, alternative))


def _identify(element: etree._Element, node: Paragraph) -> None:
    """eId, wId and the amendtrack attributes of a node element, then its num."""
    element.set("eId", id_to_akn(node.eid))
    if node.pid is not None:
        element.set("wId", id_to_akn(node.pid))
    element.set(_at("kind"), node.kind)
    element.set(_at("label"), _escape(_ATTR_ESCAPE, node.label))
    if node.label_inferred:
        element.set(_at("labelInferred"), "true")
    if node.num is not None:
        _put_text(_sub(element, "num"), node.num)


def _text_block(block: etree._Element, node: Paragraph) -> None:
    """The node's text with its markers as one `p`, then its brackets."""
    p = _sub(block, "p")
    _put_text(p, node.text)
    _put_markers(p, node)
    _put_brackets(block, node)


def _block_node(parent: etree._Element, tag: str, node: Paragraph) -> None:
    """A preambular paragraph (`recital`) or one of its descendants (`item`): blocks only, nested by blockList."""
    element = _sub(parent, tag)
    _identify(element, node)
    _text_block(element, node)
    if node.children:
        listing = _sub(element, "blockList")
        for child in node.children:
            _block_node(listing, "item", child)


def _heading_tag(node: Paragraph, parent: Paragraph | None) -> tuple[str, dict[str, str]]:
    """hcontainer name="annex" for the annex, section for a part, subsection for a part of a part."""
    if node.label.strip().casefold().startswith("annex"):
        return "hcontainer", {"name": "annex"}
    if parent is not None and parent.kind == "heading" and not parent.label.strip().casefold().startswith("annex"):
        return "subsection", {}
    return "section", {}


def _body_node(parent_element: etree._Element, node: Paragraph, parent: Paragraph | None) -> None:
    """A node of the main body and its descendants as AKN hierarchy elements."""
    if node.kind == "heading":
        tag, attrs = _heading_tag(node, parent)
        element = _sub(parent_element, tag, **attrs)
        _identify(element, node)
        heading = _sub(element, "heading")
        _put_text(heading, node.text)
        _put_markers(heading, node)
        if node.brackets:
            _put_brackets(_sub(element, "intro"), node)
    else:
        tag = {"subparagraph": "subparagraph", "item": "point"}.get(node.kind, "paragraph")
        element = _sub(parent_element, tag)
        _identify(element, node)
        _text_block(_sub(element, "intro" if node.children else "content"), node)
    for child in node.children:
        _body_node(element, child, node)


def _is_report(draft: Draft) -> bool:
    """A report: numbered narrative paragraphs or recommendations, and nothing of a resolution."""
    kinds = {node.kind for node, _ in draft.walk()}
    return bool(kinds & {"paragraph", "recommendation"}) and not kinds & {"preamble", "operative"}


def _iso_date(date: str | None) -> str | None:
    """The date if it is a real ISO date (the XSD's xsd:date), else None."""
    if date is None or not _ISO_DATE.fullmatch(date.strip()):
        return None
    try:
        return datetime.date.fromisoformat(date.strip()).isoformat()
    except ValueError:
        return None


def _meta(
    doc: etree._Element, doc_type: str, subtype: str, negotiation: str, document: str, label: str, date: str | None
) -> None:
    """meta/identification (FRBR Work, Expression, Manifestation) and the references they point at."""
    iso = _iso_date(date)
    day = iso or PLACEHOLDER_DATE
    date_name = "circulated" if iso else "unknown"
    part = functools.partial(quote, safe="-._~")
    work = f"/akn/un/{doc_type}/{subtype}/{part(negotiation)}/{day}/{part(document)}"
    expression = f"{work}/{LANGUAGE}@{day}"
    meta = _sub(doc, "meta")
    identification = _sub(meta, "identification", source="#amendtrack")

    frbr_work = _sub(identification, "FRBRWork")
    _sub(frbr_work, "FRBRthis", value=f"{work}/!main")
    _sub(frbr_work, "FRBRuri", value=work)
    _sub(frbr_work, "FRBRdate", date=day, name=date_name)
    _sub(frbr_work, "FRBRauthor", href="#negotiation")
    _sub(frbr_work, "FRBRcountry", value="un")
    _sub(frbr_work, "FRBRsubtype", value=subtype)
    _sub(frbr_work, "FRBRnumber", value=_ILLEGAL.sub("", document))
    _sub(frbr_work, "FRBRname", value=_ILLEGAL.sub("", negotiation))

    frbr_expression = _sub(identification, "FRBRExpression")
    _sub(frbr_expression, "FRBRthis", value=f"{expression}/!main")
    _sub(frbr_expression, "FRBRuri", value=expression)
    _sub(frbr_expression, "FRBRalias", value=_ILLEGAL.sub("", label), name="draftLabel")
    _sub(frbr_expression, "FRBRdate", date=day, name=date_name)
    _sub(frbr_expression, "FRBRauthor", href="#negotiation")
    _sub(frbr_expression, "FRBRlanguage", language=LANGUAGE)

    frbr_manifestation = _sub(identification, "FRBRManifestation")
    _sub(frbr_manifestation, "FRBRthis", value=f"{expression}/!main.xml")
    _sub(frbr_manifestation, "FRBRuri", value=f"{expression}.akn")
    _sub(frbr_manifestation, "FRBRdate", date=day, name="transformation")
    _sub(frbr_manifestation, "FRBRauthor", href="#amendtrack")
    _sub(frbr_manifestation, "FRBRformat", value="application/akn+xml")


def _references(doc: etree._Element, negotiation: str, title: str | None) -> None:
    """The TLCOrganizations behind `source="#amendtrack"` and the FRBR authors."""
    meta = doc.find(_akn("meta"))
    assert meta is not None
    references = _sub(meta, "references", source="#amendtrack")
    _sub(references, "TLCOrganization", eId="amendtrack", href="/ontology/organization/amendtrack", showAs="amendtrack")
    _sub(
        references,
        "TLCOrganization",
        eId="negotiation",
        href=f"/ontology/organization/un/{quote(negotiation, safe='-._~')}",
        showAs=_ILLEGAL.sub("", title or negotiation),
    )


def _indent(element: etree._Element, level: int = 0) -> None:
    """Indent element-only content; text elements (p, num, heading, …) are left exactly as they are."""
    children = list(element)
    if not children or element.tag in _TEXTUAL:
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in children:
        child.tail = inner
        _indent(child, level + 1)
    children[-1].tail = "\n" + "  " * level


def draft_to_akn(
    draft: Draft, negotiation: str, document: str, label: str, date: str | None, title: str | None = None
) -> bytes:
    """The draft as an Akoma Ntoso 3.0 document (UTF-8 bytes, deterministic), valid against the shipped XSD.

    `negotiation` and `document` are the store's keys (they make the FRBR IRIs), `label` the
    draft's label, `date` its ISO date (None or a non-ISO date: 1970-01-01, named "unknown"),
    `title` the negotiation's title (shown for the negotiating body).
    """
    report = _is_report(draft)
    doc_type, name, subtype = ("doc", "report", "report") if report else ("statement", "resolution", "deliberation")
    root = etree.Element(_akn("akomaNtoso"), nsmap={None: AKN_NS, "amendtrack": AT_NS})
    doc = _sub(root, doc_type, name=name)
    _meta(doc, doc_type, subtype, negotiation, document, label, date)
    _references(doc, negotiation, title)

    if draft.preface:
        preface = _sub(doc, "preface")
        for line in draft.preface:
            _put_text(_sub(preface, "p"), line)

    nodes = list(draft.paragraphs)
    leading = 0
    while leading < len(nodes) and nodes[leading].kind == "preamble":
        leading += 1
    if leading:
        recitals = _sub(_sub(doc, "preamble"), "recitals")
        for node in nodes[:leading]:
            _block_node(recitals, "recital", node)

    body = _sub(doc, "mainBody")
    for node in nodes[leading:]:
        _body_node(body, node, None)
    if not len(body):
        _sub(body, "p")  # the XSD wants something in mainBody; the reader skips an empty p
    _indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


# --- validating -----------------------------------------------------------------------------


class _LocalSchemas(etree.Resolver):
    """Resolve the schema's imports inside the shipped schemas folder only; anything else is refused."""

    def resolve(self, system_url: str, public_id: str, context: object) -> object:
        path = system_url.removeprefix("file://")
        local = SCHEMA_DIR / Path(path).name
        if local.is_file() and (path == local.name or Path(path).resolve() == local.resolve()):
            return self.resolve_filename(str(local), context)
        raise InputError(str(SCHEMA_FILE), f"schema import outside the shipped schemas refused: {system_url}")


@functools.cache
def _schema() -> etree.XMLSchema:
    """The OASIS Akoma Ntoso 3.0 XSD, loaded once, its import of xml.xsd resolved locally."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    parser.resolvers.add(_LocalSchemas())
    return etree.XMLSchema(etree.parse(str(SCHEMA_FILE), parser))


def _parser() -> etree.XMLParser:
    """A parser that loads no DTD, expands no entity, never reaches the network and keeps trees small."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        dtd_validation=False,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def validate(xml: bytes) -> list[str]:
    """Problems of an XML document against the Akoma Ntoso 3.0 XSD, one line each ("line N: …"); [] when valid."""
    try:
        root = etree.fromstring(xml, _parser())
    except etree.XMLSyntaxError as exc:
        return [f"line {exc.lineno}: not well-formed XML: {_first_line(exc.msg)}"]
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:
        return [f"line 1: {DOCTYPE_REFUSED}"]
    schema = _schema()
    if schema.validate(root):
        return []
    return [f"line {error.line}: {_schema_message(error.message)}" for error in schema.error_log]


def _schema_message(message: str) -> str:
    """A schema error on one line, AKN element names without their namespace."""
    return _first_line(message).replace(f"{{{AKN_NS}}}", "")


# --- reading --------------------------------------------------------------------------------


def _first_line(text: str | None) -> str:
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return lines[0] if lines else "unknown error"


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _parse(data: bytes, source: str) -> etree._Element:
    """Parse untrusted bytes: size limit, no DOCTYPE or entity declarations, well-formed, AKN root."""
    if len(data) > MAX_BYTES:
        raise InputError(source, f"file too large for an Akoma Ntoso draft ({len(data)} bytes; limit {MAX_BYTES})")
    for declaration in (b"<!DOCTYPE", b"<!ENTITY"):
        offset = data.find(declaration)
        if offset >= 0:
            raise InputError(source, DOCTYPE_REFUSED, _line_of(data, offset))
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(source, f"not well-formed XML: {_first_line(exc.msg)}", line=exc.lineno) from None
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:  # e.g. declared in another encoding than UTF-8
        raise InputError(source, DOCTYPE_REFUSED, line=1)
    if root.tag != _akn("akomaNtoso"):
        raise InputError(
            source,
            f"not an Akoma Ntoso 3.0 document: the root element is <{etree.QName(root).localname}> "
            f"in namespace {etree.QName(root).namespace or '(none)'}, expected <akomaNtoso> in {AKN_NS}",
            line=root.sourceline,
        )
    schema = _schema()
    if not schema.validate(root):
        error = schema.error_log[0]
        raise InputError(source, f"not valid Akoma Ntoso 3.0: {_schema_message(error.message)}", line=error.line)
    return root


class _Reader:
    """Rebuild paragraph nodes from AKN elements, remembering the XML lines they span."""

    def __init__(self, source: str):
        self.source = source

    def fail(self, element: etree._Element, message: str) -> InputError:
        return InputError(self.source, message, line=element.sourceline)

    def attr(self, element: etree._Element, name: str) -> str | None:
        value = element.get(_at(name))
        return _unescape(value) if value is not None else None

    def text(self, element: etree._Element) -> str:
        """The text of a mixed-content element without its markers; stand-ins become their characters."""
        parts = [element.text or ""]
        for child in element:
            if child.tag == _akn("inline") and child.get("name") == CHAR_NAME:
                code = child.get(_at("code")) or ""
                if not re.fullmatch(r"[0-9A-F]{4}", code):
                    raise self.fail(child, f"bad character stand-in code {code!r}")
                parts.append(chr(int(code, 16)))
            elif child.tag not in (_akn("remark"), _akn("authorialNote")):
                parts.append("".join(child.itertext()))
            parts.append(child.tail or "")
        return "".join(parts)

    def markers(self, element: etree._Element) -> list[Marker]:
        """The remarks and authorial notes of a text element, in order."""
        found = []
        for child in element:
            if child.tag == _akn("remark"):
                kind, text = self.attr(child, "marker") or "note", self.text(child)
            elif child.tag == _akn("authorialNote"):
                kind = self.attr(child, "marker") or "footnote"
                text = "\n".join(self.text(p) for p in child.iter(_akn("p")))
            else:
                continue
            if kind not in MARKER_KINDS:
                raise self.fail(child, f"unknown marker kind {kind!r} (expected one of {', '.join(MARKER_KINDS)})")
            ref = self.attr(child, "ref")
            if ref is None and child.tag == _akn("authorialNote"):
                ref = child.get("marker")
            found.append(Marker(kind=kind, text=text, ref=ref))
        return found

    def brackets(self, block: etree._Element) -> list[Bracket]:
        """The amendtrack:bracket elements in the block's `foreign` children."""
        found = []
        for foreign in block.findall(_akn("foreign")):
            for element in foreign.iter(_at("bracket")):
                try:
                    start, end = int(element.get("start", "")), int(element.get("end", ""))
                except ValueError:
                    raise self.fail(element, "a bracket needs integer start and end offsets") from None
                found.append(
                    Bracket(
                        start=start,
                        end=end,
                        text=_unescape(element.get("text", "")),
                        alternatives=[_unescape(a.get("text", "")) for a in element.iter(_at("alternative"))],
                        closed=element.get("closed", "true") != "false",
                    )
                )
        return found

    def node(self, element: etree._Element) -> Paragraph:
        """One node element (recital, item, paragraph, section, …) and its descendants."""
        tag = etree.QName(element).localname
        kind = element.get(_at("kind")) or _NODE_KINDS[tag]
        if kind not in KINDS:
            raise self.fail(element, f"unknown paragraph kind {kind!r} (expected one of {', '.join(KINDS)})")
        eid = element.get("eId")
        if not eid:
            raise self.fail(element, f"<{tag}> has no eId")
        wid = element.get("wId")
        num_element = element.find(_akn("num"))
        num = self.text(num_element) if num_element is not None else None
        label = self.attr(element, "label") or (num.strip().rstrip(".,:") if num else None) or id_from_akn(eid)
        node = Paragraph(
            label=label,
            kind=kind,
            text="",
            eid=id_from_akn(eid),
            num=num,
            label_inferred=element.get(_at("labelInferred")) == "true",
            pid=id_from_akn(wid) if wid else None,
            line_start=element.sourceline,
        )
        lines = [element.sourceline or 0]

        heading = element.find(_akn("heading"))
        if kind == "heading" and heading is not None:
            node.text, node.markers = self.text(heading), self.markers(heading)
            lines.append(heading.sourceline or 0)
        blocks = [b for b in (element.find(_akn("intro")), element.find(_akn("content"))) if b is not None]
        if tag in ("recital", "item"):
            blocks = [element]
        structure = {_akn("num"), _akn("blockList")} if tag in ("recital", "item") else set()
        for block in blocks:
            for child in block:
                if child.tag not in (_akn("p"), _akn("foreign")) and child.tag not in structure:
                    where = etree.QName(block).localname
                    raise self.fail(child, f"<{etree.QName(child).localname}> in <{where}> is not read by amendtrack")
            paragraphs = block.findall(_akn("p"))
            if paragraphs and kind == "heading" and heading is not None:
                raise self.fail(paragraphs[0], f"text beside the heading of <{tag}> is not read by amendtrack")
            if paragraphs:
                node.text = "\n".join(self.text(p) for p in paragraphs)
                node.markers = [m for p in paragraphs for m in self.markers(p)]
            node.brackets.extend(self.brackets(block))
            lines.extend(e.sourceline or 0 for e in block if e.tag in (_akn("p"), _akn("foreign")))
        node.line_end = max(lines)

        for child in element:
            child_tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
            if tag in ("recital", "item") and child_tag == "blockList":
                node.children.extend(self.node(item) for item in child.findall(_akn("item")))
            elif child.tag.startswith(f"{{{AKN_NS}}}") and child_tag in _NODE_KINDS and child_tag not in ("item",):
                if child_tag == "recital":
                    raise self.fail(child, "a <recital> belongs in the preamble")
                node.children.append(self.node(child))
            elif child_tag not in ("num", "heading", "subheading", "intro", "content", "p", "foreign", "blockList"):
                raise self.fail(child, f"<{child_tag}> inside <{tag}> is not read by amendtrack")
        return node

    def draft(self, root: etree._Element) -> Draft:
        """The document's preface lines, preambular paragraphs and main body nodes."""
        doc = next((child for child in root if isinstance(child.tag, str)), None)
        if doc is None:
            raise self.fail(root, "<akomaNtoso> holds no document")
        tag = etree.QName(doc).localname
        body = doc.find(_akn("mainBody"))
        if body is None:
            raise self.fail(doc, f"<{tag}> has no <mainBody>: only open-structure documents (statement, doc) are read")
        draft = Draft(paragraphs=[], source=self.source)
        preface = doc.find(_akn("preface"))
        if preface is not None:
            for block in preface:
                if block.tag != _akn("p"):
                    raise self.fail(block, f"<{etree.QName(block).localname}> in the preface is not read by amendtrack")
                draft.preface.append(self.text(block))
        preamble = doc.find(_akn("preamble"))
        if preamble is not None:
            for block in preamble:
                if block.tag != _akn("recitals"):
                    raise self.fail(
                        block, f"<{etree.QName(block).localname}> in the preamble is not read by amendtrack"
                    )
                for recital in block:
                    if recital.tag != _akn("recital"):
                        where = etree.QName(recital).localname
                        raise self.fail(recital, f"<{where}> in the recitals is not read by amendtrack")
                    draft.paragraphs.append(self.node(recital))
        for element in body:
            name = etree.QName(element).localname
            if element.tag == _akn("p") and not "".join(element.itertext()).strip():
                continue  # the placeholder of an empty main body
            if name not in _NODE_KINDS or name in ("recital", "item"):
                raise self.fail(element, f"<{name}> in the main body is not read by amendtrack")
            draft.paragraphs.append(self.node(element))
        return draft


def read_akn(data: bytes, source: str) -> Draft:
    """Read an Akoma Ntoso 3.0 draft (as draft_to_akn writes it) back into its paragraph tree.

    Bad input (too large, not XML, a DOCTYPE or entity, not AKN, invalid against the XSD, an
    element amendtrack does not read) raises InputError naming `source` and the XML line.
    """
    root = _parse(data, source)
    return _Reader(source).draft(root)


def read_akn_file(path: str | Path) -> Draft:
    """Read an Akoma Ntoso draft file; bad input raises InputError naming the file."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(str(path), f"file too large for an Akoma Ntoso draft ({size} bytes; limit {MAX_BYTES})")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    return read_akn(data, str(path))
