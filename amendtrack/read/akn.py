"""Akoma Ntoso 3.0: the vocabulary amendtrack writes (render.akn), validation against the XSD, and reading it back.

Document type. AKN4UN (the UN's Akoma Ntoso guidelines) models resolutions, draft ones
included, as `<statement name="resolution">` (document class "deliberation"): an open structure
with a preamble and operative paragraphs. Reports (drafts made of numbered narrative paragraphs
and recommendations, no preambular or operative ones) are written as `<doc name="report">`.
A treaty (a draft with Articles) is a `<statement name="treaty">` too: a negotiated text is
adopted by a deliberation (the Paris Agreement is the annex of decision 1/CP.21); it is neither
an enacted `act` nor a legislature's `bill`, and an open structure keeps one document shape to read.
All three share the XSD's `openStructure` content model (meta, preface, preamble, mainBody),
so any validates; the choice follows AKN4UN, not the schema.

Structure written:

* `meta/identification`: FRBR Work / Expression / Manifestation whose IRIs are built from the
  negotiation and document keys and the draft's date (1970-01-01 when unknown or not an ISO
  date, so the output stays deterministic); `meta/references` holds the TLCOrganizations the
  `source` and `FRBRauthor` attributes point at.
* `preface`: one `p` per preface line of the draft.
* `preamble`: the leading preambular nodes, in order. The opening formula ("The Parties to this
  Agreement,") and the enacting formula ("Have agreed as follows:"), the chapeaux the structure
  reader names `preamble` and `formula` (amendtrack.read.structure.naming), are
  `formula name="openingFormula"` / `name="enactingFormula"`; each run of preambular paragraphs
  (`PP…`) is a `recitals` of `recital`s. An option group between recitals (PP12: "Option 1: …
  Option 2: …") keeps its place as a `recital` whose options are its `blockList/item`s, each with
  its `num`. Bullets and sub-paragraphs are `blockList/item` too, nested as deep as the draft
  goes (the XSD allows no hierarchy in a preamble).
* `mainBody`: every other top-level node in order. Headings are `hcontainer name="annex"` (the
  annex) or `section` / `subsection` with `num` + `heading`; paragraphs, recommendations and
  chapeaux are `paragraph`, sub-paragraphs `subparagraph`, bullets `point`. A node with
  children keeps its text in `intro/p`, a leaf in `content/p` (the XSD allows one or the other).
* Containers of the structure reader: `part`, `chapter`, `section`, `article` as the AKN elements
  of those names, an annex or appendix as `hcontainer name="annex"` / `"appendix"`; the number
  as printed is the `num`, the title the `heading` (none when untitled), the title's brackets a
  `foreign` block in an `intro`, as for a heading. The text a container holds outside its numbered
  paragraphs (an Article's chapeau, a closing "Done at Paris…") is a `paragraph` without `num`,
  as a chapeau is elsewhere: it is a node of its own (eId `art_1__intro`, markers, brackets) and
  may stand before, between or after the paragraphs, where AKN's `intro` / `wrapUp` only open or
  close a container (and the `intro` already holds the title's brackets).
* Options, which AKN has no element for: an option group is `hcontainer name="optionGroup"`, each
  option `hcontainer name="option"` with its number in `num`; an option's text, when it has one,
  is its `intro` (followed by what the option holds) or, holding nothing, its `content`.

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
open to other namespaces), with their offsets, depth and group (an export older than these two
reads as depth 1, no group). Characters XML 1.0 cannot carry (C0 controls such as a form feed)
are written as `<inline name="amendtrack-char" amendtrack:code="000C"/>` in text, and
percent-escaped in amendtrack attributes, so every tree round-trips exactly. A stand-in or an
escape that spells a NUL or a lone surrogate is refused on reading: no reader's text holds one
(amendtrack.read.limits), so no tree written from the store does.

Reading gives back the identical tree except line numbers: `line_start` / `line_end` become
the lines of the XML file the node was read from (the original text file's lines are not
kept). Input is parsed with a hardened parser (no DTD, no entities, no network, size limit),
must be valid against the shipped XSD, and is refused with a one-line InputError otherwise.
Plain AKN is read with defaults (a `section` or `hcontainer` is a heading, a `part`, `chapter` or
`article` that container, `hcontainer name="optionGroup"` / `"option"` / `"appendix"` those kinds);
text a container holds outside its heading and paragraphs (an `article` with `content`) is refused.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from lxml import etree

from amendtrack.errors import InputError
from amendtrack.model.tree import CONTAINER_KINDS, KINDS, MARKER_KINDS, Bracket, Draft, Marker, Paragraph
from amendtrack.read.limits import MAX_AKN_BYTES, NOT_TEXT, not_a_character, read_within_limit, too_large

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AT_NS = "urn:amendtrack:akn:1"  # amendtrack's own attributes and elements (not a web address)
SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"
SCHEMA_FILE = SCHEMA_DIR / "akomantoso30.xsd"
MAX_BYTES = MAX_AKN_BYTES  # far above any draft; refuses absurd input before parsing
PLACEHOLDER_DATE = "1970-01-01"
LANGUAGE = "eng"  # the drafts amendtrack reads are English
DOCTYPE_REFUSED = "a DOCTYPE or entity declaration is not allowed in an Akoma Ntoso draft"
CHAR_NAME = "amendtrack-char"  # <inline name=…> standing for a character XML cannot carry

ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ID_ESCAPE = re.compile(r"[%\s\x00-\x1f\ud800-\udfff\ufffe\uffff]")
ATTR_ESCAPE = re.compile("[%\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_UNESCAPE = re.compile(r"%u([0-9A-F]{4})|%([0-9A-F]{2})")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

# Node elements the reader understands, with the kind a node gets when amendtrack:kind is absent.
_NODE_KINDS = {
    "recital": "preamble",
    "item": "item",
    "formula": "chapeau",
    "paragraph": "operative",
    "subparagraph": "subparagraph",
    "point": "item",
    "section": "heading",
    "subsection": "heading",
    "hcontainer": "heading",
    "part": "part",
    "chapter": "chapter",
    "article": "article",
}
# Node elements made of blocks (their text and brackets directly in them, their children in a blockList).
_BLOCK_NODES = frozenset({"recital", "item", "formula"})
# hcontainer names of the kinds AKN has no element for (hcontainer name="annex" stays a heading's: see above).
HCONTAINER_NAMES = {"annex": "annex", "appendix": "appendix", "option_group": "optionGroup", "option": "option"}
_HCONTAINER_KINDS = {"appendix": "appendix", "optionGroup": "option_group", "option": "option"}
# The eIds the structure reader gives a preamble's opening formula ("preamble") and enacting formula ("formula").
FORMULA_EID = re.compile(r"(preamble|formula)(?:_[0-9]+)?")
_TITLED = CONTAINER_KINDS | {"heading"}  # kinds whose text is a heading


def akn_tag(tag: str) -> str:
    return f"{{{AKN_NS}}}{tag}"


def at_tag(name: str) -> str:
    return f"{{{AT_NS}}}{name}"


# --- reversible escapes ---------------------------------------------------------------------


def escape(pattern: re.Pattern[str], value: str) -> str:
    def one(match: re.Match[str]) -> str:
        code = ord(match.group())
        return f"%{code:02X}" if code < 0x100 else f"%u{code:04X}"

    return pattern.sub(one, value)


def _unescape(value: str) -> str:
    return _UNESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), value)


def id_to_akn(value: str) -> str:
    """An eId / wId as written: whitespace, '%' and characters XML cannot carry percent-escaped."""
    return escape(_ID_ESCAPE, value)


def id_from_akn(value: str) -> str:
    """The inverse of id_to_akn."""
    return _unescape(value)


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


def _offset(value: str | None) -> int | None:
    """A bracket's offset in its text (digits, at most MAX_BYTES: no text is longer than its file), else None."""
    if value is None or not re.fullmatch(r"[0-9]{1,9}", value) or int(value) > MAX_BYTES:
        return None
    return int(value)


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _parse(data: bytes, source: str) -> etree._Element:
    """Parse untrusted bytes: size limit, no DOCTYPE or entity declarations, well-formed, AKN root."""
    if len(data) > MAX_BYTES:
        raise InputError(source, too_large(len(data), MAX_BYTES, "an Akoma Ntoso draft"))
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
    if root.tag != akn_tag("akomaNtoso"):
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
        value = element.get(at_tag(name))
        return self.unescaped(element, value, f"amendtrack:{name}") if value is not None else None

    def unescaped(self, element: etree._Element, value: str, name: str) -> str:
        """An attribute's value, its percent-escapes undone; one that spells a NUL or a lone surrogate is refused."""
        text = _unescape(value)
        bad = NOT_TEXT.search(text)
        if bad is not None:
            raise self.fail(element, f"{name} holds {not_a_character(bad.group())}")
        return text

    def text(self, element: etree._Element) -> str:
        """The text of a mixed-content element without its markers; stand-ins become their characters.

        A stand-in for a NUL or a lone surrogate is refused: they are never text (amendtrack.read.limits).
        """
        parts = [element.text or ""]
        for child in element:
            if child.tag == akn_tag("inline") and child.get("name") == CHAR_NAME:
                code = child.get(at_tag("code")) or ""
                if not re.fullmatch(r"[0-9A-F]{4}", code):
                    raise self.fail(child, f"bad character stand-in code {code!r}")
                char = chr(int(code, 16))
                if NOT_TEXT.match(char):
                    raise self.fail(child, f"character stand-in {code} is {not_a_character(char)}")
                parts.append(char)
            elif child.tag not in (akn_tag("remark"), akn_tag("authorialNote")):
                parts.append("".join(child.itertext()))
            parts.append(child.tail or "")
        return "".join(parts)

    def markers(self, element: etree._Element) -> list[Marker]:
        """The remarks and authorial notes of a text element, in order."""
        found = []
        for child in element:
            if child.tag == akn_tag("remark"):
                kind, text = self.attr(child, "marker") or "note", self.text(child)
            elif child.tag == akn_tag("authorialNote"):
                kind = self.attr(child, "marker") or "footnote"
                text = "\n".join(self.text(p) for p in child.iter(akn_tag("p")))
            else:
                continue
            if kind not in MARKER_KINDS:
                raise self.fail(child, f"unknown marker kind {kind!r} (expected one of {', '.join(MARKER_KINDS)})")
            ref = self.attr(child, "ref")
            if ref is None and child.tag == akn_tag("authorialNote"):
                ref = child.get("marker")
            found.append(Marker(kind=kind, text=text, ref=ref))
        return found

    def brackets(self, block: etree._Element) -> list[Bracket]:
        """The amendtrack:bracket elements in the block's `foreign` children."""
        found = []
        for foreign in block.findall(akn_tag("foreign")):
            for element in foreign.iter(at_tag("bracket")):
                start, end = _offset(element.get("start")), _offset(element.get("end"))
                if start is None or end is None:
                    raise self.fail(element, f"a bracket needs start and end offsets from 0 to {MAX_BYTES}")
                # exports made before brackets had a depth and a group lack them: depth 1, no group
                depth, group = _offset(element.get("depth", "1")), _offset(element.get("group", "1"))
                if not depth or not group:
                    raise self.fail(element, f"a bracket's depth and group are numbers from 1 to {MAX_BYTES}")
                found.append(
                    Bracket(
                        start=start,
                        end=end,
                        text=self.unescaped(element, element.get("text", ""), "a bracket's text"),
                        alternatives=[
                            self.unescaped(a, a.get("text", ""), "a bracket's alternative")
                            for a in element.iter(at_tag("alternative"))
                        ],
                        closed=element.get("closed", "true") != "false",
                        depth=depth,
                        group=group if element.get("group") is not None else None,
                    )
                )
        return found

    def node(self, element: etree._Element) -> Paragraph:
        """One node element (recital, item, paragraph, section, …) and its descendants."""
        tag = etree.QName(element).localname
        node = self.bare_node(element, tag)
        lines = [element.sourceline or 0]
        heading = element.find(akn_tag("heading"))
        if node.kind in _TITLED and heading is not None:
            node.text, node.markers = self.text(heading), self.markers(heading)
            lines.append(heading.sourceline or 0)
        if tag in _BLOCK_NODES:
            blocks = [element]
        else:
            blocks = [b for b in (element.find(akn_tag("intro")), element.find(akn_tag("content"))) if b is not None]
        for block in blocks:
            self.read_block(node, element, block, heading)
            lines.extend(e.sourceline or 0 for e in block if e.tag in (akn_tag("p"), akn_tag("foreign")))
        node.line_end = max(lines)
        self.read_children(node, element, tag)
        return node

    def bare_node(self, element: etree._Element, tag: str) -> Paragraph:
        """A node element's kind, eId, wId, num and amendtrack attributes, as a node without text or children."""
        kind = element.get(at_tag("kind"))
        if not kind and tag == "hcontainer":  # a plain AKN option or appendix
            kind = _HCONTAINER_KINDS.get(element.get("name", ""))
        kind = kind or _NODE_KINDS[tag]
        if kind not in KINDS:
            raise self.fail(element, f"unknown paragraph kind {kind!r} (expected one of {', '.join(KINDS)})")
        eid = element.get("eId")
        if not eid:
            raise self.fail(element, f"<{tag}> has no eId")
        wid = element.get("wId")
        num_element = element.find(akn_tag("num"))
        num = self.text(num_element) if num_element is not None else None
        eid = self.unescaped(element, eid, "eId")
        label = self.attr(element, "label") or (num.strip().rstrip(".,:") if num else None) or eid
        return Paragraph(
            label=label,
            kind=kind,
            text="",
            eid=eid,
            num=num,
            label_inferred=element.get(at_tag("labelInferred")) == "true",
            pid=self.unescaped(element, wid, "wId") if wid else None,
            line_start=element.sourceline,
        )

    def read_block(
        self, node: Paragraph, element: etree._Element, block: etree._Element, heading: etree._Element | None
    ) -> None:
        """The text, markers and brackets of one block of a node (the node element itself, its intro or content)."""
        tag = etree.QName(element).localname
        structure = {akn_tag("num"), akn_tag("blockList")} if tag in _BLOCK_NODES else set()
        for child in block:
            if child.tag not in (akn_tag("p"), akn_tag("foreign")) and child.tag not in structure:
                where = etree.QName(block).localname
                raise self.fail(child, f"<{etree.QName(child).localname}> in <{where}> is not read by amendtrack")
        paragraphs = block.findall(akn_tag("p"))
        if paragraphs and node.kind in CONTAINER_KINDS:
            raise self.fail(
                element,
                f"<{tag}> in {self.place(element)} holds text outside its heading and its paragraphs, "
                "which amendtrack does not read",
            )
        if paragraphs and node.kind == "heading" and heading is not None:
            raise self.fail(paragraphs[0], f"text beside the heading of <{tag}> is not read by amendtrack")
        if paragraphs:
            node.text = "\n".join(self.text(p) for p in paragraphs)
            node.markers = [m for p in paragraphs for m in self.markers(p)]
        node.brackets.extend(self.brackets(block))

    def place(self, element: etree._Element) -> str:
        """Where an element sits, for a message: 'the main body', '<part>'."""
        parent = element.getparent()
        if parent is None or parent.tag == akn_tag("mainBody"):
            return "the main body"
        return f"<{etree.QName(parent).localname}>"

    def read_children(self, node: Paragraph, element: etree._Element, tag: str) -> None:
        """A node element's child nodes: a block node's blockList items, a hierarchy element's hierarchy elements."""
        for child in element:
            child_tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
            if tag in _BLOCK_NODES and child_tag == "blockList":
                node.children.extend(self.node(item) for item in child.findall(akn_tag("item")))
            elif child.tag.startswith(f"{{{AKN_NS}}}") and child_tag in _NODE_KINDS and child_tag != "item":
                if child_tag in _BLOCK_NODES:
                    raise self.fail(child, f"a <{child_tag}> belongs in the preamble")
                node.children.append(self.node(child))
            elif child_tag not in ("num", "heading", "subheading", "intro", "content", "p", "foreign", "blockList"):
                raise self.fail(child, f"<{child_tag}> inside <{tag}> is not read by amendtrack")

    def draft(self, root: etree._Element) -> Draft:
        """The document's preface lines, preamble (formulas and recitals) and main body nodes."""
        doc = next((child for child in root if isinstance(child.tag, str)), None)
        if doc is None:
            raise self.fail(root, "<akomaNtoso> holds no document")
        tag = etree.QName(doc).localname
        body = doc.find(akn_tag("mainBody"))
        if body is None:
            raise self.fail(doc, f"<{tag}> has no <mainBody>: only open-structure documents (statement, doc) are read")
        draft = Draft(paragraphs=[], source=self.source)
        preface = doc.find(akn_tag("preface"))
        if preface is not None:
            for block in preface:
                if block.tag != akn_tag("p"):
                    raise self.fail(block, f"<{etree.QName(block).localname}> in the preface is not read by amendtrack")
                draft.preface.append(self.text(block))
        preamble = doc.find(akn_tag("preamble"))
        if preamble is not None:
            draft.paragraphs.extend(self.preamble(preamble))
        for element in body:
            name = etree.QName(element).localname
            if element.tag == akn_tag("p") and not "".join(element.itertext()).strip():
                continue  # the placeholder of an empty main body
            if name not in _NODE_KINDS or name in _BLOCK_NODES:
                raise self.fail(element, f"<{name}> in the main body is not read by amendtrack")
            draft.paragraphs.append(self.node(element))
        return draft

    def preamble(self, preamble: etree._Element) -> list[Paragraph]:
        """The preamble's nodes in order: its formulas and the recitals of each `recitals`."""
        nodes = []
        for block in preamble:
            if block.tag == akn_tag("formula"):
                nodes.append(self.node(block))
                continue
            if block.tag != akn_tag("recitals"):
                raise self.fail(block, f"<{etree.QName(block).localname}> in the preamble is not read by amendtrack")
            for recital in block:
                if recital.tag != akn_tag("recital"):
                    where = etree.QName(recital).localname
                    raise self.fail(recital, f"<{where}> in the recitals is not read by amendtrack")
                nodes.append(self.node(recital))
        return nodes


def read_akn(data: bytes, source: str) -> Draft:
    """Read an Akoma Ntoso 3.0 draft (as draft_to_akn writes it) back into its paragraph tree.

    Bad input (too large, not XML, a DOCTYPE or entity, not AKN, invalid against the XSD, an
    element amendtrack does not read) raises InputError naming `source` and the XML line.
    """
    root = _parse(data, source)
    return _Reader(source).draft(root)


def read_akn_file(path: str | Path) -> Draft:
    """Read an Akoma Ntoso draft file; bad input raises InputError naming the file."""
    return read_akn(read_within_limit(path, MAX_BYTES, "an Akoma Ntoso draft"), str(path))
