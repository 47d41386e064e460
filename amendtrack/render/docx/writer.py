"""The writer: paragraphs of the document model as WordprocessingML, tracked changes and comments with their ids.

One counter numbers every w:id (revisions, comments, move ranges) in the order they are written,
and every revision and comment carries the author and the draft's date, so the same document
gives the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from lxml import etree

from amendtrack.compare.redline import DELETE, EQUAL, INSERT
from amendtrack.read.ocr import suspects
from amendtrack.render.docx.package import document_part, write_package
from amendtrack.render.docx.paragraphs import MOVE_FROM, MOVE_TO, Look, Para, RangeMark, Run
from amendtrack.render.docx.wordml import HANG, W_NS, XML_SPACE, sub_element, w_tag, xml_safe

MISREAD_COLOUR = "B26A00"  # the wavy underline of what a scan misread, as on the HTML pages
_REVISION_TAG = {DELETE: "del", INSERT: "ins", MOVE_FROM: "moveFrom", MOVE_TO: "moveTo"}


def _timestamp(date: str | None) -> str | None:
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
    """A comment author's initials, as Word shows them beside a comment: 'European Union' → 'EU'."""
    return "".join(word[0] for word in re.findall(r"[A-Za-z0-9]+", name))[:4].upper() or "A"


class Writer:
    """Turns the model into WordprocessingML and packs the parts; one counter numbers every w:id."""

    def __init__(self, author: str, date: str | None, misread: Iterable[str] | None = None) -> None:
        self.author = author
        # what a scan put in the text, underlined wavy (read.ocr): in the documents read, not in those sent
        self.suspects = None if misread is None else suspects(tuple(misread))
        self.date = _timestamp(date)
        self.last_id = 0
        self.comments: list[tuple[int, str, list[str]]] = []  # id, author, paragraphs

    def new_id(self) -> int:
        """The next w:id."""
        self.last_id += 1
        return self.last_id

    def comment(self, paragraphs: list[str], author: str | None = None) -> int:
        """A new comment of these paragraphs (empty ones left out); its id, to anchor it with `annotate`."""
        number = self.new_id()
        self.comments.append((number, author or self.author, [p for p in paragraphs if p]))
        return number

    def _dated(self, attrs: dict[str, str | int]) -> dict[str, str | int]:
        """The attributes with the writer's date, when it has one."""
        if self.date:
            attrs["date"] = self.date
        return attrs

    def _revision(self, parent: etree._Element, op: str) -> etree._Element:
        return sub_element(parent, _REVISION_TAG[op], **self._dated({"id": self.new_id(), "author": self.author}))

    def paragraph(self, para: Para) -> etree._Element:
        """A w:p: its properties (style, indent, a tracked paragraph mark), then its runs and markers in order."""
        p = etree.Element(w_tag("p"))
        ppr = sub_element(p, "pPr")
        if para.style:
            sub_element(ppr, "pStyle", val=para.style)
        if para.keep_next:
            sub_element(ppr, "keepNext")
        if para.after is not None:
            sub_element(ppr, "spacing", after=para.after)
        if para.labelled:
            sub_element(ppr, "ind", left=HANG * (para.depth + 1), hanging=HANG)
        elif para.depth:
            sub_element(ppr, "ind", left=HANG * para.depth)
        if para.align:
            sub_element(ppr, "jc", val=para.align)
        if para.mark != EQUAL:
            self._revision(sub_element(ppr, "rPr"), para.mark)
        for item in para.items:
            if isinstance(item, RangeMark):
                self._marker(p, item)
            elif item.text:
                self._words(p, item)
        return p

    def _marker(self, p: etree._Element, marker: RangeMark) -> None:
        if marker.kind == "commentReference":
            run = sub_element(p, "r")
            sub_element(sub_element(run, "rPr"), "rStyle", val="CommentReference")
            sub_element(run, "commentReference", id=marker.id)
        elif marker.kind.endswith("RangeStart") and marker.kind.startswith("move"):
            sub_element(p, marker.kind, **self._dated({"id": marker.id, "name": marker.name, "author": self.author}))
        else:
            sub_element(p, marker.kind, id=marker.id)

    def _words(self, p: etree._Element, run: Run) -> None:
        """w:r elements (inside their revision when tracked): line breaks as w:br, a label followed by a tab;
        a character or word the scan probably misread in a run of its own, underlined wavy."""
        parent = p if run.op == EQUAL else self._revision(p, run.op)
        for piece in self._pieces(run):
            self._run(parent, piece)

    def _pieces(self, run: Run) -> list[Run]:
        """`run`, or its pieces when a scan's misreading is in it: each misreading a run of its own."""
        matches = [] if run.label or self.suspects is None else list(self.suspects.finditer(run.text))
        if not matches:
            return [run]
        pieces, at = [], 0
        for match in matches:
            pieces.append(replace(run, text=run.text[at : match.start()]))
            pieces.append(replace(run, text=match.group(), look=replace(run.look or Look(), misread=True)))
            at = match.end()
        pieces.append(replace(run, text=run.text[at:]))
        return [piece for piece in pieces if piece.text]

    def _run(self, parent: etree._Element, run: Run) -> None:
        """One w:r: its properties, its text."""
        r = sub_element(parent, "r")
        if run.label or run.look is not None:
            rpr = sub_element(r, "rPr")
            if run.label:
                sub_element(rpr, "rStyle", val="Label")
            if run.look is not None:
                _formatting(rpr, run.look)
        text_tag = "delText" if run.op == DELETE else "t"
        for k, line in enumerate(xml_safe(run.text).split("\n")):
            if k:
                sub_element(r, "br")
            if line:
                t = sub_element(r, text_tag)
                t.text = line
                if line != line.strip():
                    t.set(XML_SPACE, "preserve")
        if run.label:
            sub_element(r, "tab")

    def package(self, body: Iterable[etree._Element], title: str, footer: str, landscape: bool, track: bool) -> bytes:
        """The .docx of these body elements, with the comments made while writing them."""
        comments = self._comments_part() if self.comments else None
        document = document_part(body, landscape)
        return write_package(document, comments, title, self.date, footer, landscape=landscape, track=track)

    def _comments_part(self) -> etree._Element:
        """The comments part: each comment's paragraphs, the first opening with the annotation mark."""
        root = etree.Element(w_tag("comments"), nsmap={"w": W_NS})
        for number, author, paragraphs in self.comments:
            attrs: dict[str, str | int] = {"id": number, "author": author, "initials": _initials(author)}
            comment = sub_element(root, "comment", **self._dated(attrs))
            for k, text in enumerate(paragraphs or [""]):
                p = sub_element(comment, "p")
                sub_element(sub_element(p, "pPr"), "pStyle", val="CommentText")
                if k == 0:
                    ref = sub_element(p, "r")
                    sub_element(sub_element(ref, "rPr"), "rStyle", val="CommentReference")
                    sub_element(ref, "annotationRef")
                t = sub_element(sub_element(p, "r"), "t")
                t.text = xml_safe(text)
                t.set(XML_SPACE, "preserve")
        return root


def _formatting(rpr: etree._Element, look: Look) -> None:
    """A compilation's direct formatting, in the order WordprocessingML wants the run properties."""
    if look.bold:
        sub_element(rpr, "b")
    if look.italic:
        sub_element(rpr, "i")
    if look.strike:
        sub_element(rpr, "strike")
    if look.color:
        sub_element(rpr, "color", val=look.color)
    if look.size:
        sub_element(rpr, "sz", val=look.size)
        sub_element(rpr, "szCs", val=look.size)
    if look.misread:
        sub_element(rpr, "u", val="wave", color=MISREAD_COLOUR)
    elif look.underline:
        sub_element(rpr, "u", val="single")
    if look.shade:
        sub_element(rpr, "shd", val="clear", color="auto", fill=look.shade)
