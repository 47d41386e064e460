"""A Word document walked: its paragraphs in body order (table cells included), each a list of text
segments carrying the tracked changes (w:ins, w:del, moves) and comments on them, with the
document's footnotes, endnotes and comments.

Fields show their result, not their code; hidden text is left out; a tab is kept, since 'label,
tab, text' is how Word sets a label. Nothing here decides which changes are accepted: that is a
view (`amendtrack.read.word.views`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from amendtrack.errors import InputError
from amendtrack.model.names import shown
from amendtrack.read import ocr
from amendtrack.read.limits import check_characters
from amendtrack.read.word.numbering import MAX_NUMBER, Numbering, NumberingRef, Styles, numbering_ref, roman_numeral
from amendtrack.read.word.package import M_NS, Package, local, number, w

SKIPPED_STYLES = {"title", "subtitle"}  # a title block: preface, never paragraphs
_REVISIONS = {"ins": "ins", "del": "del", "moveFrom": "del", "moveTo": "ins"}
_CONTAINERS = {"hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo", "sdtContent"}
_SKIPPED = {"pPr", "rPr", "drawing", "pict", "object", "bookmarkStart", "bookmarkEnd", "proofErr", "permStart"}
_RUN_TEXT = {"tab": "\t", "ptab": "\t", "br": " ", "cr": " ", "noBreakHyphen": "-"}

Cell = tuple[int, int, int]  # table, row, column (outermost table)

# Each paragraph and piece of text costs the reader a hundred times its XML, so a 7 MB .docx of 50 MiB
# of one-word paragraphs would take minutes and gigabytes: a document holds at most these many.
MAX_PARAGRAPHS = 50_000  # Word paragraphs, table cells' included
MAX_SEGMENTS = 200_000  # pieces of text (runs, changes, symbols), notes' and comments' included


@dataclass(frozen=True)
class Revision:
    """One tracked change: kind (ins/del, moves counted as such), author, date, and the move it belongs to."""

    kind: str
    author: str
    date: str | None
    move: str | None = None
    moved: bool = False


@dataclass
class Segment:
    """A piece of a paragraph's text with the changes and comments it is under."""

    text: str
    ins: Revision | None = None
    dele: Revision | None = None
    comments: frozenset[str] = frozenset()
    struck: bool = False
    footnote: str | None = None  # a footnote reference (its mark); text is then ""


@dataclass
class WordParagraph:
    """A paragraph of the body: its segments, the changes to its mark, its numbering, style and cell."""

    index: int  # 0-based, body order
    segs: list[Segment] = field(default_factory=list)
    mark_ins: Revision | None = None
    mark_del: Revision | None = None
    num: NumberingRef | None = None
    style: str | None = None
    cell: Cell | None = None
    merged_up: bool = False  # in a cell that continues the one above (w:vMerge)
    references: list[str] = field(default_factory=list)  # comments referenced here

    @property
    def line(self) -> int | None:
        """Its number in body order (1-based), as errors cite it; None for a paragraph of a note or comment."""
        return self.index + 1 if self.index >= 0 else None

    def revisions(self) -> Iterable[Revision]:
        """Every tracked change in the paragraph, its mark's first."""
        for rev in (self.mark_ins, self.mark_del):
            if rev is not None:
                yield rev
        for seg in self.segs:
            for rev in (seg.ins, seg.dele):
                if rev is not None:
                    yield rev


@dataclass
class Comment:
    id: str
    author: str
    date: str | None
    text: str


# --- which changes a reading takes ------------------------------------------------------------------------

Accept = Callable[[Revision], bool]


def accept_all(rev: Revision) -> bool:
    """The text Word shows without markup: every change accepted."""
    return True


def reject_all(rev: Revision) -> bool:
    """The text the changes were made on: every change rejected."""
    return False


def visible(seg: Segment, accept: Accept) -> bool:
    """Whether a segment is in the text when the changes `accept` takes are accepted and the others rejected."""
    return (seg.ins is None or accept(seg.ins)) and (seg.dele is None or not accept(seg.dele))


def has_mark(p: WordParagraph, accept: Accept) -> bool:
    """Whether a paragraph still ends there (its mark neither rejected as inserted nor accepted as deleted)."""
    if p.mark_ins is not None and not accept(p.mark_ins):
        return False
    return not (p.mark_del is not None and accept(p.mark_del))


# --- the document -------------------------------------------------------------------------------------------


class WordDocument:
    """A .docx opened and walked: paragraphs in body order (cells included), numbering, footnotes, comments."""

    def __init__(self, path: Path | str):
        path = Path(path)
        self.source = str(path)
        package = Package(path)
        root = package.xml(package.main)
        assert root is not None
        body = root.find(w("body"))
        if local(root) != "document" or body is None:
            raise InputError(self.source, f"not a Word document: {package.main} has no w:body")
        self.styles = Styles(package.related_xml("styles"))
        self.numbering = Numbering(package.related_xml("numbering"), self.styles, self.source)
        self.paras: list[WordParagraph] = []
        self.tables: list[list[list[list[int]]]] = []  # table → rows → cells → paragraph indices
        self._comments: set[str] = set()
        self._moves: dict[str, str] = {}
        self._fields: list[str] = []
        self._counts = {"footnote": 0, "endnote": 0}
        self._segments = 0  # pieces of text read so far, notes and comments included
        self.footnote_marks: dict[str, str] = {}  # footnote id → printed mark
        self._block(body, None)
        self.footnotes = self._notes(package.related_xml("footnotes"), "footnote")
        self.footnotes.update({f"e{k}": v for k, v in self._notes(package.related_xml("endnotes"), "endnote").items()})
        self.comments = self._read_comments(package.related_xml("comments"))

    # --- block level ---------------------------------------------------------------------------------

    def _block(self, parent: etree._Element, cell: Cell | None, merged_up: bool = False) -> None:
        for el in parent:
            tag = local(el)
            if tag == "p":
                self._paragraph(el, cell, merged_up)
            elif tag == "tbl":
                self._table(el, cell, merged_up)
            elif tag in ("sdt", "customXml", "sdtContent"):
                self._block(el.find(w("sdtContent")) if tag == "sdt" else el, cell, merged_up)

    def _table(self, tbl: etree._Element, cell: Cell | None, merged_up: bool) -> None:
        outer = cell is None
        table = len(self.tables)
        if outer:
            self.tables.append([])
        for r, tr in enumerate(_children(tbl, "tr")):
            row: list[list[int]] = []
            column = 0
            for tc in _children(tr, "tc"):
                span = tc.find(f"{w('tcPr')}/{w('gridSpan')}")
                vmerge = tc.find(f"{w('tcPr')}/{w('vMerge')}")
                continues = vmerge is not None and vmerge.get(w("val")) in (None, "continue")
                first = len(self.paras)
                where = (table, r, column) if outer else cell
                self._block(tc, where, continues if outer else merged_up)
                row.append(list(range(first, len(self.paras))))
                column += number(span.get(w("val"))) or 1 if span is not None else 1
            if outer:
                self.tables[table].append(row)

    def _paragraph(self, p: etree._Element, cell: Cell | None, merged_up: bool) -> None:
        if len(self.paras) == MAX_PARAGRAPHS:
            raise InputError(self.source, f"more than {MAX_PARAGRAPHS} paragraphs (a long draft has a few thousand)")
        para = WordParagraph(len(self.paras), cell=cell, merged_up=merged_up)
        ppr = p.find(w("pPr"))
        if ppr is not None:
            style = ppr.find(w("pStyle"))
            para.style = style.get(w("val")) if style is not None else None
            numpr = ppr.find(w("numPr"))
            if numpr is not None:
                para.num = numbering_ref(numpr)
            mark = ppr.find(w("rPr"))
            for rev in mark if mark is not None else ():
                kind = local(rev)
                if kind in _REVISIONS:
                    revision = self._rev(rev, kind)
                    if revision.kind == "ins":
                        para.mark_ins = revision
                    else:
                        para.mark_del = revision
        self._fields = []  # a field never runs on past its paragraph here: a broken one cannot hide the rest
        self._inline(p, para, None, None, False)
        self.paras.append(para)

    def _rev(self, el: etree._Element, kind: str) -> Revision:
        moved = kind in ("moveFrom", "moveTo")
        return Revision(
            _REVISIONS[kind],
            el.get(w("author")) or "",
            el.get(w("date")),
            self._moves.get(kind) if moved else None,
            moved,
        )

    # --- inline level ------------------------------------------------------------------------------

    def _inline(
        self, parent: etree._Element, para: WordParagraph, ins: Revision | None, dele: Revision | None, hidden: bool
    ) -> None:
        for el in parent:
            tag = local(el)
            if not tag or tag in _SKIPPED:
                continue
            if tag == "r":
                self._run(el, para, ins, dele)
            elif tag in _REVISIONS:
                rev = self._rev(el, tag)
                self._inline(el, para, rev if rev.kind == "ins" else ins, rev if rev.kind == "del" else dele, hidden)
            elif tag in _CONTAINERS:
                self._inline(el, para, ins, dele, hidden)
            elif tag == "sdt":
                content = el.find(w("sdtContent"))
                if content is not None:
                    self._inline(content, para, ins, dele, hidden)
            elif tag == "commentRangeStart":
                self._comments.add(el.get(w("id")) or "")
            elif tag == "commentRangeEnd":
                self._comments.discard(el.get(w("id")) or "")
            elif tag in ("moveFromRangeStart", "moveToRangeStart"):
                self._moves[tag[:-10]] = el.get(w("name")) or el.get(w("id")) or ""
            elif tag in ("moveFromRangeEnd", "moveToRangeEnd"):
                self._moves.pop(tag[:-8], None)
            elif tag in ("oMath", "oMathPara"):
                text = "".join(t.text or "" for t in el.iter(f"{{{M_NS}}}t"))
                self._add(para, text, ins, dele, False)

    def _run(self, r: etree._Element, para: WordParagraph, ins: Revision | None, dele: Revision | None) -> None:
        rpr = r.find(w("rPr"))
        if rpr is not None and _on(rpr.find(w("vanish"))):
            return  # hidden text: Word does not show it
        struck = rpr is not None and (_on(rpr.find(w("strike"))) or _on(rpr.find(w("dstrike"))))
        custom: str | None = None  # a footnote whose printed mark is the run's next text
        for el in r:
            tag = local(el)
            if tag in ("t", "delText") and custom is not None:
                self.footnote_marks[custom] = (el.text or "").strip() or "*"
                custom = None
            elif tag in ("footnoteReference", "endnoteReference"):
                key = self._note_reference(el, tag, para, ins, dele)
                if el.get(w("customMarkFollows")) in ("1", "true", "on"):
                    custom = key
            elif tag == "fldChar":
                self._field_char(el.get(w("fldCharType")))
            elif tag == "commentReference":
                para.references.append(el.get(w("id")) or "")
            else:
                try:
                    text = _run_text(el, tag)
                except ValueError:
                    code = shown(el.get(w("char")))
                    raise InputError(self.source, f"a symbol's code {code} is beyond Unicode", para.line) from None
                if text is not None:
                    self._add(para, text, ins, dele, struck)

    def _note_reference(
        self, el: etree._Element, tag: str, para: WordParagraph, ins: Revision | None, dele: Revision | None
    ) -> str:
        """A footnote or endnote reference: a segment for it, its printed mark counted (or '*'); its key."""
        kind = tag[: -len("Reference")]
        key = (el.get(w("id")) or "") if kind == "footnote" else f"e{el.get(w('id')) or ''}"
        if el.get(w("customMarkFollows")) in ("1", "true", "on"):
            self.footnote_marks[key] = "*"
        else:
            self._counts[kind] += 1
            n = self._counts[kind]
            if n > MAX_NUMBER:  # endnotes are marked in Roman numerals: bounded like automatic numbering
                raise InputError(self.source, f"more than {MAX_NUMBER} {kind} references", line=para.line)
            self.footnote_marks[key] = str(n) if kind == "footnote" else roman_numeral(n).lower()
        para.segs.append(Segment("", ins, dele, frozenset(self._comments), footnote=key))
        return key

    def _field_char(self, kind: str | None) -> None:
        """A field's code runs from 'begin' to 'separate', its result from there to 'end'."""
        if kind == "begin":
            self._fields.append("code")
        elif kind == "separate" and self._fields:
            self._fields[-1] = "result"
        elif kind == "end" and self._fields:
            self._fields.pop()

    def _add(self, para: WordParagraph, text: str, ins: Revision | None, dele: Revision | None, struck: bool) -> None:
        """A segment of text; XML carries no NUL or lone surrogate, but a symbol may spell one, refused then."""
        if not text or "code" in self._fields:
            return  # a field's code ('HYPERLINK "…"', 'PAGE'): only its result is text
        check_characters(text, self.source, para.line, "a paragraph")
        self._segments += 1
        if self._segments > MAX_SEGMENTS:
            raise InputError(self.source, f"more than {MAX_SEGMENTS} runs of text (a long draft has tens of thousands)")
        for bad, good in ocr.LIGATURES.items():
            text = text.replace(bad, good)
        para.segs.append(Segment(text, ins, dele, frozenset(self._comments), struck))

    # --- notes and comments ----------------------------------------------------------------------------

    def _notes(self, root: etree._Element | None, tag: str) -> dict[str, str]:
        """Footnote (or endnote) id → its text, separators left out."""
        notes: dict[str, str] = {}
        for note in root.iter(w(tag)) if root is not None else ():
            if note.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            notes[note.get(w("id")) or ""] = self._text_of(note)
        return notes

    def _read_comments(self, root: etree._Element | None) -> dict[str, Comment]:
        comments: dict[str, Comment] = {}
        for el in root.iter(w("comment")) if root is not None else ():
            cid = el.get(w("id")) or ""
            comments[cid] = Comment(cid, el.get(w("author")) or "", el.get(w("date")), self._text_of(el))
        return comments

    def _text_of(self, container: etree._Element) -> str:
        """The text of the paragraphs inside a note or comment, every change accepted."""
        texts = []
        for p in container.iter(w("p")):
            para = WordParagraph(-1)
            saved = (self._comments, self._fields, dict(self._counts), dict(self.footnote_marks))
            self._comments, self._fields = set(), []
            self._inline(p, para, None, None, False)
            self._comments, self._fields, self._counts, self.footnote_marks = saved
            texts.append("".join(s.text for s in para.segs if visible(s, accept_all)))
        return " ".join(" ".join(texts).split())

    # --- questions ---------------------------------------------------------------------------------------

    def authors(self) -> list[str]:
        """Every author of a tracked change, in order of first appearance."""
        return list(dict.fromkeys(rev.author for p in self.paras for rev in p.revisions()))

    def is_title(self, p: WordParagraph) -> bool:
        """Whether a paragraph is in the Title or Subtitle style: the preface, never a paragraph of the draft."""
        name = self.styles.name(p.style).lower()
        return name in SKIPPED_STYLES or (p.style or "").lower() in SKIPPED_STYLES


def _children(parent: etree._Element, tag: str) -> list[etree._Element]:
    """Rows of a table or cells of a row, also where content controls wrap them."""
    out = []
    for el in parent:
        name = local(el)
        if name == tag:
            out.append(el)
        elif name in ("sdt", "customXml"):
            out.extend(_children(el.find(w("sdtContent")) if name == "sdt" else el, tag))
    return out


def _run_text(el: etree._Element, tag: str) -> str | None:
    """The text a run's child stands for: its words, a tab, a space for a break, a symbol; None for the rest."""
    if tag in ("t", "delText"):
        return el.text or ""
    if tag in _RUN_TEXT:
        return _RUN_TEXT[tag]
    if tag == "sym":
        code = _hex(el.get(w("char")))
        if code is not None:
            return "•" if 0xF000 <= code <= 0xF0FF else chr(code)  # chr: ValueError beyond Unicode
    return None


def _on(el: etree._Element | None) -> bool:
    return el is not None and el.get(w("val")) not in ("0", "false", "off", "none")


def _hex(value: str | None) -> int | None:
    try:
        return int(value, 16) if value else None
    except ValueError:
        return None
