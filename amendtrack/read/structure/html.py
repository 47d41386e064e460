"""HTML front-end: the blocks of an .html, .htm or .xhtml draft, read with lxml.

Each block element (p, h1–h6, li, blockquote, pre, div, …) gives the text it holds directly and
through its inline elements; a block nested in it is a block of its own, and text after the nested
block starts a new one. A table row is one block, its cells joined with " | " (as the Markdown
front-end reads a table). An ordered list's numbers are computed as a browser shows them, from
`start`, `reversed`, `value` and `type` ("1", "a", "A", "i", "I"). Script, style, head, nav,
template, noscript and comments are dropped.

Footnotes, in the pattern Pandoc, markdown-it and kramdown write (`<sup><a href="#fn1">1</a></sup>`
pointing into a `<section class="footnotes">`, `<div class="footnotes">` or `<ol class="footnotes">`):
the reference leaves the text, its note's text goes to the block's `notes`, and the footnotes
section is dropped. A link to anything else stays text.

Hostile input: HTML is read with libxml2's HTML parser, which stops at 256 nested elements; a
document that reaches that depth is refused rather than read in part. XHTML is read as XML without
loading a DTD, resolving entities or using the network (no XXE); a document whose DOCTYPE declares
entities (a billion laughs) is refused, and the XHTML DTD's named entities (&nbsp;) are read by
name, without the DTD. The tree is walked without recursion.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.entities import html5
from pathlib import PurePath

import lxml.html
from lxml import etree

from amendtrack.errors import InputError
from amendtrack.read.structure.blocks import Block
from amendtrack.read.structure.markdown import CITED, finish_text

DROPPED = frozenset({"script", "style", "head", "title", "template", "noscript", "nav", "svg", "iframe"})
BLOCKS = frozenset(
    "address article aside blockquote body center dd details dir div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr html legend li main menu ol p pre section summary table tbody tfoot thead tr ul "
    "caption".split()
)
LISTS = frozenset({"ol", "ul", "menu", "dir"})
CELLS = frozenset({"td", "th"})
HEADINGS = {f"h{level}": level for level in range(1, 7)}
BACKREF_CLASSES = frozenset({"footnote-back", "footnote-backref", "reversefootnote"})
INTEGER = re.compile(r"\s*([+-]?\d{1,9})")  # as a browser reads start="3" and value="7" (bounded)
LXML_PLACE = re.compile(r", line \d+, column \d+$")
ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"))
ROMAN += ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def html_blocks(data: bytes, source: str) -> list[Block]:
    """The blocks of an HTML or XHTML document (by the suffix of `source`), in order."""
    if not data.strip():
        return []
    if PurePath(source).suffix.lower() == ".xhtml":
        root = _parse_xhtml(data, source)
    else:
        root = _parse_html(data, source)
    if root is None:
        return []
    notes, sections = _footnotes(root)
    return list(_Walker(notes, sections).walk(root))


def _parse_html(data: bytes, source: str) -> etree._Element | None:
    encoding = None
    try:
        data.decode("utf-8")
        encoding = "utf-8"  # else the document's <meta charset> or libxml2's guess
    except UnicodeDecodeError:
        pass
    parser = lxml.html.HTMLParser(
        encoding=encoding, no_network=True, remove_comments=True, remove_pis=True, huge_tree=False
    )
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except etree.ParserError:  # nothing but white space
        return None
    for error in parser.error_log:
        if error.level_name == "FATAL":  # "Excessive depth in document: 256": the rest is not read
            raise InputError(source, f"cannot read the HTML: {_reason(error.message)}", line=error.line or None)
    return root


def _parse_xhtml(data: bytes, source: str) -> etree._Element | None:
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno and exc.lineno > 0 else None
        raise InputError(source, f"not well-formed XHTML: {_reason(exc.msg)}", line=line) from None
    if root is None:
        return None
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise InputError(source, "its DOCTYPE declares entities (refused: they may expand without bound)")
    return root


def _reason(message: str) -> str:
    """libxml2's message, its place left to the InputError and no advice to lift its limits."""
    message = LXML_PLACE.sub("", message.strip())
    if message.startswith("Excessive depth in document"):
        return "elements nested more than 255 deep"
    return message


def _name(node: etree._Element) -> str:
    """An element's tag without its namespace, in lower case; "" for comments, entities and PIs."""
    tag = node.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2].lower()


def _classes(node: etree._Element) -> set[str]:
    return set((node.get("class") or "").split())


def _is_notes_section(node: etree._Element) -> bool:
    return "footnotes" in _classes(node) or node.get("role") == "doc-endnotes"


def _footnotes(root: etree._Element) -> tuple[dict[str, str], set[etree._Element]]:
    """The notes by the href that cites them ("#fn1"), and the footnotes sections they stand in."""
    sections = [node for node in root.iter() if isinstance(node.tag, str) and _is_notes_section(node)]
    outermost = {node for node in sections if not any(_is_notes_section(up) for up in node.iterancestors())}
    notes: dict[str, str] = {}
    for section in outermost:
        for node in section.iter():
            if _name(node) == "li" and node.get("id"):
                notes["#" + node.get("id", "")] = finish_text(_plain_text(node, _is_backref))
    return notes, outermost


def _is_backref(node: etree._Element) -> bool:
    """A note's link back to where it is cited ("↩"): no part of the note's text."""
    if _name(node) != "a":
        return False
    href = node.get("href") or ""
    return bool(_classes(node) & BACKREF_CLASSES) or node.get("role") == "doc-backlink" or href.startswith("#fnref")


def _plain_text(root: etree._Element, skip: Callable[[etree._Element], bool]) -> str:
    """The text under `root` (without recursion), blocks set apart by a space, `skip`ped subtrees left out."""
    parts = [root.text or ""]
    stack: list[tuple[etree._Element, bool]] = [(child, False) for child in reversed(root)]
    while stack:
        node, done = stack.pop()
        name = _name(node)
        gap = " " if name in BLOCKS or name == "br" else ""
        if done:
            parts += [gap, node.tail or ""]
        elif not name or skip(node):
            parts += [_entity(node), node.tail or ""]
        else:
            parts.append(gap + (node.text or ""))
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(node))
    return "".join(parts)


def _entity(node: etree._Element) -> str:
    """An entity reference's character (&nbsp; → U+00A0) when XHTML names it; its reference as written else."""
    if node.tag is not etree.Entity:
        return ""
    text = node.text or ""
    return html5.get(text[1:], text)


@dataclass
class _Item:
    number: str | None
    pending: bool = True  # its first block is still to come


@dataclass
class _List:
    ordered: bool
    next: int = 1
    step: int = 1
    style: str = "1"


@dataclass
class _Context:
    """A block element whose text is being gathered."""

    node: etree._Element | None  # the element it is the text of (None: the document, outside any)
    line: int
    heading: int = 0
    row: bool = False  # a table row: cells are joined, blocks inside them are inline
    cells: int = 0
    parts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    text_line: int | None = None  # the line its current text starts on


@dataclass
class _Walker:
    notes: dict[str, str]
    sections: set[etree._Element]
    contexts: list[_Context] = field(default_factory=list)
    lists: list[_List] = field(default_factory=list)
    items: list[_Item] = field(default_factory=list)

    def walk(self, root: etree._Element) -> Iterator[Block]:
        self.contexts.append(_Context(None, line=root.sourceline or 1))
        stack: list[tuple[etree._Element, bool]] = [(root, False)]
        while stack:
            node, done = stack.pop()
            if done:
                yield from self._end(node)
            elif (name := _name(node)) in DROPPED or node in self.sections or self._reference(node):
                self._add(node.tail, node)
            elif not name:
                self._add(_entity(node), node)
                self._add(node.tail, node)
            else:
                yield from self._start(node, name)
                stack.append((node, True))
                stack.extend((child, False) for child in reversed(node))
        yield from self._flush()

    def _start(self, node: etree._Element, name: str) -> Iterator[Block]:
        context = self.contexts[-1]
        if name in CELLS:
            context.parts.append(" | " if context.cells else "")
            context.cells += 1
        elif name in BLOCKS and context.row:  # a paragraph in a cell: part of the row's text
            context.parts.append(" ")
        elif name in BLOCKS:
            yield from self._flush()
            self._open(node, name)
        elif name == "br":
            context.parts.append("\n")
        elif name == "img":
            self._add(node.get("alt"), node)
        self._add(node.text, node)

    def _open(self, node: etree._Element, name: str) -> None:
        line = node.sourceline or self.contexts[-1].line
        self.contexts.append(_Context(node, line, heading=HEADINGS.get(name, 0), row=name == "tr"))
        if name in LISTS:
            if self.items:
                self.items[-1].pending = False  # an item that opens on a list has no block of its own
            self.lists.append(_new_list(node, name))
        elif name == "li":
            self.items.append(_Item(self._number(node)))

    def _end(self, node: etree._Element) -> Iterator[Block]:
        name = _name(node)
        if self.contexts[-1].node is node:
            yield from self._flush()
            self.contexts.pop()
            if name in LISTS:
                self.lists.pop()
            elif name == "li" and self.items:
                self.items.pop()
        self._add(node.tail, node)

    def _reference(self, node: etree._Element) -> bool:
        """Whether `node` cites a footnote (<sup><a href="#fn1">1</a></sup>, or the <a> alone): noted if so."""
        name = _name(node)
        if name == "sup":
            links = [link for link in node.iter() if _name(link) == "a" and link.get("href") in self.notes]
            cited = len(links) == 1 and "".join(node.itertext()).strip() == "".join(links[0].itertext()).strip()
            href = links[0].get("href") if cited else None
        else:
            href = node.get("href") if name == "a" else None
        if href not in self.notes:
            return False
        context = self.contexts[-1]
        context.parts.append(CITED)
        if self.notes[href]:
            context.notes.append(self.notes[href])
        return True

    def _number(self, node: etree._Element) -> str | None:
        owner = self.lists[-1] if self.lists else None
        if owner is None or not owner.ordered:
            return None
        value = INTEGER.match(node.get("value") or "")
        if value:
            owner.next = int(value.group(1))
        number = _format(owner.next, node.get("type") or owner.style)
        owner.next += owner.step
        return number

    def _add(self, text: str | None, node: etree._Element) -> None:
        if not text:
            return
        context = self.contexts[-1]
        if context.text_line is None and text.strip():
            context.text_line = node.sourceline or context.line
        context.parts.append(text)

    def _flush(self) -> Iterator[Block]:
        context = self.contexts[-1]
        text = finish_text("".join(context.parts))
        notes, line = context.notes, context.text_line or context.line
        context.parts, context.notes, context.text_line = [], [], None
        if not text:
            return
        block = Block(text, line, heading=context.heading, depth=len(self.lists), notes=notes)
        item = self.items[-1] if self.items else None
        if item is not None and item.pending:
            block.item, block.number, item.pending = True, item.number, False
        yield block


def _new_list(node: etree._Element, name: str) -> _List:
    if name != "ol":
        return _List(ordered=False)
    backwards = node.get("reversed") is not None
    start = INTEGER.match(node.get("start") or "")
    if start:
        first = int(start.group(1))
    else:
        first = sum(1 for child in node if _name(child) == "li") if backwards else 1
    return _List(ordered=True, next=first, step=-1 if backwards else 1, style=node.get("type") or "1")


def _format(number: int, style: str) -> str:
    """A list number as a browser shows it: 1, a … z aa ab (letters), i ii (Roman, 1 to 3999)."""
    if style in ("a", "A") and number > 0:
        letters = ""
        while number > 0:
            number, rest = divmod(number - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if style == "A" else letters
    if style in ("i", "I") and 0 < number < 4000:
        roman = ""
        for value, digits in ROMAN:
            while number >= value:
                roman, number = roman + digits, number - value
        return roman.upper() if style == "I" else roman
    return str(number)
