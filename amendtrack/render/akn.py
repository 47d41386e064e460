"""Akoma Ntoso 3.0: a draft's paragraph tree written as AKN XML, valid against the shipped XSD.

The structure written, and the attributes of amendtrack's namespace, are described in read.akn,
which reads it back into the identical tree.
"""

from __future__ import annotations

import datetime
import functools
from urllib.parse import quote

from lxml import etree

from amendtrack.model.tree import CONTAINER_KINDS, Draft, Paragraph
from amendtrack.read.akn import (
    AKN_NS,
    AT_NS,
    ATTR_ESCAPE,
    CHAR_NAME,
    FORMULA_EID,
    HCONTAINER_NAMES,
    ILLEGAL,
    ISO_DATE,
    LANGUAGE,
    PLACEHOLDER_DATE,
    akn_tag,
    at_tag,
    escape,
    id_to_akn,
)

# Elements whose content is text (mixed): never indented.
TEXTUAL = {f"{{{AKN_NS}}}{tag}" for tag in ("p", "num", "heading", "remark", "authorialNote", "inline")}


def _sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    return etree.SubElement(parent, akn_tag(tag), attrs)


def _put_text(element: etree._Element, text: str) -> None:
    """Append text to a mixed-content element; characters XML cannot carry become <inline> stand-ins."""
    pieces = ILLEGAL.split(text)
    specials = ILLEGAL.findall(text)
    last: etree._Element | None = None
    for index, piece in enumerate(pieces):
        if piece:
            if last is None:
                element.text = (element.text or "") + piece
            else:
                last.tail = (last.tail or "") + piece
        if index < len(specials):
            last = _sub(element, "inline", name=CHAR_NAME)
            last.set(at_tag("code"), f"{ord(specials[index]):04X}")


def _put_markers(element: etree._Element, node: Paragraph) -> None:
    """The node's markers, in order, at the end of its text element."""
    for marker in node.markers:
        if marker.kind == "footnote":
            note = _sub(element, "authorialNote", placement="bottom")
            if marker.ref is not None:
                note.set("marker", ILLEGAL.sub("", marker.ref))
            holder = _sub(note, "p")
        else:
            note = holder = _sub(element, "remark")
        note.set(at_tag("marker"), escape(ATTR_ESCAPE, marker.kind))
        if marker.ref is not None:
            note.set(at_tag("ref"), escape(ATTR_ESCAPE, marker.ref))
        _put_text(holder, marker.text)


def _put_brackets(block: etree._Element, node: Paragraph) -> None:
    """Brackets as amendtrack elements in a `foreign` block (the XSD's block open to other namespaces)."""
    if not node.brackets:
        return
    foreign = _sub(block, "foreign")
    for bracket in node.brackets:
        element = etree.SubElement(foreign, at_tag("bracket"))
        element.set("start", str(bracket.start))
        element.set("end", str(bracket.end))
        element.set("closed", "true" if bracket.closed else "false")
        element.set("depth", str(bracket.depth))
        if bracket.group is not None:
            element.set("group", str(bracket.group))
        element.set("text", escape(ATTR_ESCAPE, bracket.text))
        for alternative in bracket.alternatives:
            etree.SubElement(element, at_tag("alternative")).set("text", escape(ATTR_ESCAPE, alternative))


def _identify(element: etree._Element, node: Paragraph) -> None:
    """eId, wId and the amendtrack attributes of a node element, then its num."""
    element.set("eId", id_to_akn(node.eid))
    if node.pid is not None:
        element.set("wId", id_to_akn(node.pid))
    element.set(at_tag("kind"), node.kind)
    element.set(at_tag("label"), escape(ATTR_ESCAPE, node.label))
    if node.label_inferred:
        element.set(at_tag("labelInferred"), "true")
    if node.num is not None:
        _put_text(_sub(element, "num"), node.num)


def _text_block(block: etree._Element, node: Paragraph) -> None:
    """The node's text with its markers as one `p`, then its brackets."""
    p = _sub(block, "p")
    _put_text(p, node.text)
    _put_markers(p, node)
    _put_brackets(block, node)


def _block_node(parent: etree._Element, tag: str, node: Paragraph, **attrs: str) -> None:
    """A recital, a preamble's `formula` or one of their descendants (`item`): blocks only, nested by blockList."""
    element = _sub(parent, tag, **attrs)
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


def _container(parent_element: etree._Element, node: Paragraph) -> etree._Element:
    """Part, chapter, section, article (the AKN elements of those names) or hcontainer annex / appendix.

    The number as printed is the `num`, the title the `heading` (left out when there is none), the
    title's brackets a `foreign` block in an `intro` (as for a heading); the children follow.
    """
    name = HCONTAINER_NAMES.get(node.kind)
    element = _sub(parent_element, "hcontainer", name=name) if name else _sub(parent_element, node.kind)
    _identify(element, node)
    if node.text or node.markers:
        heading = _sub(element, "heading")
        _put_text(heading, node.text)
        _put_markers(heading, node)
    if node.brackets:
        _put_brackets(_sub(element, "intro"), node)
    return element


def _option(parent_element: etree._Element, node: Paragraph) -> etree._Element:
    """An option group or an option: hcontainer name="optionGroup" / "option" (AKN has no options).

    The option's number is the `num`; its text, when it has one, is in `intro` (followed by what the
    option holds) or, for an option holding nothing, in `content`.
    """
    element = _sub(parent_element, "hcontainer", name=HCONTAINER_NAMES[node.kind])
    _identify(element, node)
    if node.text or node.markers or node.brackets:
        _text_block(_sub(element, "intro" if node.children else "content"), node)
    return element


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
    elif node.kind in CONTAINER_KINDS:
        element = _container(parent_element, node)
    elif node.kind in ("option_group", "option"):
        element = _option(parent_element, node)
    else:
        tag = {"subparagraph": "subparagraph", "item": "point"}.get(node.kind, "paragraph")
        element = _sub(parent_element, tag)
        _identify(element, node)
        _text_block(_sub(element, "intro" if node.children else "content"), node)
    for child in node.children:
        _body_node(element, child, node)


def _formula_name(node: Paragraph) -> str | None:
    """The `formula` name of a preamble's opening or enacting formula (as the structure reader names them), else None.

    A formula has no number (the XSD gives `formula` no `num`): one printed with a number is written as a recital.
    """
    match = FORMULA_EID.fullmatch(node.eid) if node.kind == "chapeau" and node.num is None else None
    if match is None:
        return None
    return "enactingFormula" if match.group(1) == "formula" else "openingFormula"


def _in_preamble(node: Paragraph) -> bool:
    """A node of the preamble: a recital, a group of optional recitals (PP12), or an opening or enacting formula."""
    if node.kind == "option_group":
        return node.eid.startswith("pp_")
    return node.kind == "preamble" or (node.kind == "chapeau" and FORMULA_EID.fullmatch(node.eid) is not None)


def _preamble(doc: etree._Element, nodes: list[Paragraph]) -> None:
    """Formulas as `formula`, every run of recitals (option groups among them) as one `recitals`."""
    preamble = _sub(doc, "preamble")
    recitals: etree._Element | None = None
    for node in nodes:
        name = _formula_name(node)
        if name is not None:
            _block_node(preamble, "formula", node, name=name)
            recitals = None
            continue
        if recitals is None:
            recitals = _sub(preamble, "recitals")
        _block_node(recitals, "recital", node)


def _doc_type(draft: Draft) -> tuple[str, str, str]:
    """(document element, its name, FRBR subtype): a treaty, a report or a resolution.

    A treaty (a draft with Articles) is a `statement` like a resolution, named "treaty": what it is
    negotiated and adopted as is a deliberation's text, not an enacted act. A report has numbered
    narrative paragraphs or recommendations, and nothing of a resolution.
    """
    kinds = {node.kind for node, _ in draft.walk()}
    if "article" in kinds:
        return "statement", "treaty", "treaty"
    if kinds & {"paragraph", "recommendation"} and not kinds & {"preamble", "operative"}:
        return "doc", "report", "report"
    return "statement", "resolution", "deliberation"


def _iso_date(date: str | None) -> str | None:
    """The date if it is a real ISO date (the XSD's xsd:date), else None."""
    if date is None or not ISO_DATE.fullmatch(date.strip()):
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
    _sub(frbr_work, "FRBRnumber", value=ILLEGAL.sub("", document))
    _sub(frbr_work, "FRBRname", value=ILLEGAL.sub("", negotiation))

    frbr_expression = _sub(identification, "FRBRExpression")
    _sub(frbr_expression, "FRBRthis", value=f"{expression}/!main")
    _sub(frbr_expression, "FRBRuri", value=expression)
    _sub(frbr_expression, "FRBRalias", value=ILLEGAL.sub("", label), name="draftLabel")
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
    meta = doc.find(akn_tag("meta"))
    assert meta is not None
    references = _sub(meta, "references", source="#amendtrack")
    _sub(references, "TLCOrganization", eId="amendtrack", href="/ontology/organization/amendtrack", showAs="amendtrack")
    _sub(
        references,
        "TLCOrganization",
        eId="negotiation",
        href=f"/ontology/organization/un/{quote(negotiation, safe='-._~')}",
        showAs=ILLEGAL.sub("", title or negotiation),
    )


def _indent(element: etree._Element, level: int = 0) -> None:
    """Indent element-only content; text elements (p, num, heading, …) are left exactly as they are."""
    children = list(element)
    if not children or element.tag in TEXTUAL:
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
    doc_type, name, subtype = _doc_type(draft)
    root = etree.Element(akn_tag("akomaNtoso"), nsmap={None: AKN_NS, "amendtrack": AT_NS})
    doc = _sub(root, doc_type, name=name)
    _meta(doc, doc_type, subtype, negotiation, document, label, date)
    _references(doc, negotiation, title)

    if draft.preface:
        preface = _sub(doc, "preface")
        for line in draft.preface:
            _put_text(_sub(preface, "p"), line)

    nodes = list(draft.paragraphs)
    leading = 0
    while leading < len(nodes) and _in_preamble(nodes[leading]):
        leading += 1
    if leading:
        _preamble(doc, nodes[:leading])

    body = _sub(doc, "mainBody")
    for node in nodes[leading:]:
        _body_node(body, node, None)
    if not len(body):
        _sub(body, "p")  # the XSD wants something in mainBody; the reader skips an empty p
    _indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"
