"""Read Word (.docx) files: drafts with automatic numbering, delegations' tracked changes, compilation tables.

Drafts circulate as .docx and the General Assembly asks delegations to submit proposals as
tracked changes on the official text, so a facilitator can drop a marked-up file in and get
its proposals without retyping. A .docx is a zip of XML parts; this module reads them with
lxml, untrusted: the archive is checked (zip bombs, path traversal, damage) and the XML is
parsed without DTDs, entities or network before anything else happens.

* `read_docx_draft`: the paragraphs of the body in order (table cells included), with the
  labels Word *computes* from `numbering.xml` put in front of their text, fed through the
  text reader's own structure rules, so the tree is the one `reader.read_draft_text` gives.
* `read_docx_proposals`: every tracked change (`w:ins`, `w:del`, `w:moveFrom`/`w:moveTo`)
  becomes part of one proposal per paragraph and author, whose resulting text is the
  paragraph with that author's changes accepted and everyone else's rejected; comments on
  the changed words are its rationale. The file's own paragraphs are linked to the stored
  draft by `align.align`, so drifted numbering does not matter, and a file based on another
  draft is refused.
* `read_docx_compilation`: a facilitators' table (paragraph | inputs [| …]) read with the
  text compilation reader's grammar.

Line numbers in trees and sources read from a .docx are 1-based paragraph numbers in body order.
"""

from __future__ import annotations

import csv
import io
import posixpath
import re
import tomllib
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from amendtrack.compare.align import BLOCK_KINDS, align
from amendtrack.compare.redline import DELETE, EQUAL, INSERT, plain, redline
from amendtrack.errors import InputError
from amendtrack.model.proposal import Edit, Proposal, Source, Sponsor, apply, apply_edits
from amendtrack.model.tree import Draft, Paragraph
from amendtrack.read import ocr
from amendtrack.read.lines import FOOTNOTE, DraftLines, find_body_start
from amendtrack.read.markers import extract_markers
from amendtrack.read.text import read_draft_lines

if TYPE_CHECKING:
    from amendtrack.model.delegation import Registry

# The WordprocessingML namespaces (the same strings as the writer's, amendtrack.render.docx; kept here so
# the reader does not depend on the writer).
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

MAX_TOTAL_BYTES = 50 * 1024 * 1024  # declared uncompressed size of all parts together
MAX_RATIO = 100  # declared uncompressed size / compressed size of one part (above 1 MiB)
MAX_PARTS = 5000
DIFFERENT_DRAFT = 0.6  # least share of the file's paragraphs that must match the draft almost word for word
NEAR_SAME = 0.9  # word similarity that counts as "the same paragraph" for that test

SKIPPED_STYLES = {"title", "subtitle"}  # a title block: preface, never paragraphs
_REVISIONS = {"ins": "ins", "del": "del", "moveFrom": "del", "moveTo": "ins"}
_CONTAINERS = {"hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo", "sdtContent"}
_SKIPPED = {"pPr", "rPr", "drawing", "pict", "object", "bookmarkStart", "bookmarkEnd", "proofErr", "permStart"}
_SUFFIX = r"(?:bis|ter|quater|quinquies)"
_NEW_LABEL = re.compile(  # a label typed at the start of a new paragraph: PP5bis, OP2(dbis), 10ter., 71., (e)
    rf"^\s*(?:(?P<a>(?:PP|OP)\s*\.?\s*\d{{1,3}}\s*{_SUFFIX}?(?:\([a-z]{{1,2}}{_SUFFIX}?\))?)[.:]?"
    rf"|(?P<b>\d{{1,3}}\s*{_SUFFIX}(?:\([a-z]{{1,2}}{_SUFFIX}?\))?)[.:]?"
    rf"|(?P<c>\d{{1,3}}(?:\([a-z]{{1,2}}{_SUFFIX}?\))?)[.:]"
    rf"|(?P<d>\([a-z]{{1,2}}{_SUFFIX}?\)))\s+(?=\S)",
    re.I,
)
_TAB_LEAD = re.compile(r"^\s*(?P<l>[^\t]{1,30}?)\s*\t")  # Word's 'label, tab, text'


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _first_line(text: str) -> str:
    return next((line.strip() for line in str(text).splitlines() if line.strip()), "")


# --- the package: a zip of XML parts, read as untrusted input ------------------------------------------


class _Package:
    """The parts of a .docx, checked before any is read: a real zip, no bomb, no traversal, no DOCTYPE."""

    def __init__(self, path: Path):
        self.source = str(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(self.source, f"cannot read: {exc.strerror or exc}") from None
        if not data.startswith(b"PK\x03\x04") and not data.startswith(b"PK\x05\x06"):
            what = next((what for magic, what in ocr._MAGIC.items() if data.startswith(magic)), None)
            raise InputError(self.source, f"not a .docx file: it is {what or 'not a zip archive'}")
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError) as exc:
            raise InputError(self.source, f"damaged zip archive: {_first_line(str(exc)) or 'unreadable'}") from None
        if len(infos) > MAX_PARTS:
            raise InputError(self.source, f"refused: {len(infos)} parts in the archive (limit {MAX_PARTS})")
        self.infos: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for info in infos:
            name = info.filename
            parts = name.replace("\\", "/").split("/")
            if (
                name.startswith(("/", "\\"))
                or "\\" in name
                or "\x00" in name
                or ".." in parts
                or (parts and ":" in parts[0])
            ):
                raise InputError(self.source, f"refused: unsafe part name {name!r} (path traversal)")
            if name in self.infos:
                raise InputError(self.source, f"refused: the part {name!r} occurs twice in the archive")
            if info.flag_bits & 0x1:
                raise InputError(self.source, f"refused: the part {name!r} is encrypted")
            total += info.file_size
            if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(1, info.compress_size):
                raise InputError(
                    self.source,
                    f"refused as a zip bomb: {name!r} declares {info.file_size} bytes from {info.compress_size} "
                    f"(ratio above {MAX_RATIO})",
                )
            self.infos[name] = info
        if total > MAX_TOTAL_BYTES:
            raise InputError(
                self.source,
                f"refused as a zip bomb: the parts declare {total} bytes uncompressed (limit {MAX_TOTAL_BYTES})",
            )
        self.main = self._main_part()
        if self.main not in self.infos:
            raise InputError(self.source, f"not a Word document: no {self.main} in the archive")
        self.related = self._relationships(self.main)

    def read(self, name: str) -> bytes | None:
        """A part's bytes (at most its declared size: zipfile stops there and checks the CRC), or None."""
        info = self.infos.get(name)
        if info is None:
            return None
        try:
            with self.zip.open(info) as handle:
                return handle.read()
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError, OSError) as exc:
            raise InputError(self.source, f"damaged zip archive: {name}: {_first_line(str(exc))}") from None

    def xml(self, name: str) -> etree._Element | None:
        """A part parsed as XML with no DTD, no entities and no network; None when it is absent."""
        data = self.read(name)
        if data is None:
            return None
        if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
            raise InputError(self.source, f"refused: {name} declares a DOCTYPE or entities")
        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
        )
        try:
            root = etree.fromstring(data, parser)
        except etree.XMLSyntaxError as exc:
            raise InputError(self.source, f"damaged XML in {name}: {_first_line(exc.msg)}") from None
        if root.getroottree().docinfo.doctype:
            raise InputError(self.source, f"refused: {name} declares a DOCTYPE or entities")
        return root

    def _main_part(self) -> str:
        """The main document part named by the package relationships (word/document.xml as a rule)."""
        rels = self.xml("_rels/.rels") if "_rels/.rels" in self.infos else None
        for rel in rels.iter(f"{{{PKG_REL_NS}}}Relationship") if rels is not None else ():
            if rel.get("Type", "").endswith("/officeDocument") and rel.get("TargetMode") != "External":
                target = posixpath.normpath(rel.get("Target", "").lstrip("/"))
                if target and not target.startswith(".."):
                    return target
        return "word/document.xml"

    def _relationships(self, part: str) -> dict[str, str]:
        """Relationship type (last word: 'numbering', 'comments', …) → part name, for one part."""
        folder, name = posixpath.split(part)
        rels = self.xml(posixpath.join(folder, "_rels", name + ".rels"))
        found: dict[str, str] = {}
        for rel in rels.iter(f"{{{PKG_REL_NS}}}Relationship") if rels is not None else ():
            if rel.get("TargetMode") == "External":
                continue
            target = posixpath.normpath(posixpath.join(folder, rel.get("Target", "")))
            if not target.startswith(".."):
                found.setdefault(rel.get("Type", "").rsplit("/", 1)[-1], target)
        return found

    def related_xml(self, kind: str) -> etree._Element | None:
        """The part related to the main document by `kind` (e.g. 'numbering'), else word/<kind>.xml."""
        return self.xml(self.related.get(kind, f"word/{kind}.xml"))


# --- styles and numbering -------------------------------------------------------------------------------


@dataclass
class _Style:
    id: str
    name: str
    based_on: str | None
    num: tuple[str | None, int | None] | None  # numId, ilvl from the style's numPr


class _Styles:
    """Paragraph styles: names (Title, Subtitle) and the numbering a style carries."""

    def __init__(self, root: etree._Element | None):
        self.styles: dict[str, _Style] = {}
        self.default: str | None = None
        for el in root.iter(_w("style")) if root is not None else ():
            if el.get(_w("type")) not in (None, "paragraph"):
                continue
            sid = el.get(_w("styleId")) or ""
            name = el.find(_w("name"))
            based = el.find(_w("basedOn"))
            numpr = el.find(f"{_w('pPr')}/{_w('numPr')}")
            num = None
            if numpr is not None:
                num_id = numpr.find(_w("numId"))
                ilvl = numpr.find(_w("ilvl"))
                num = (
                    num_id.get(_w("val")) if num_id is not None else None,
                    _int(ilvl.get(_w("val"))) if ilvl is not None else None,
                )
            self.styles[sid] = _Style(
                sid,
                (name.get(_w("val")) if name is not None else sid) or sid,
                based.get(_w("val")) if based is not None else None,
                num,
            )
            if el.get(_w("default")) in ("1", "true", "on"):
                self.default = sid

    def chain(self, style: str | None) -> list[_Style]:
        """The style and those it is based on, nearest first (loops cut)."""
        out: list[_Style] = []
        current = style or self.default
        while current and current in self.styles and all(s.id != current for s in out):
            out.append(self.styles[current])
            current = self.styles[current].based_on
        return out

    def name(self, style: str | None) -> str:
        found = self.chain(style)
        return (found[0].name if found else style or "").strip()


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart: None = after any higher level, 0 = never
    legal: bool = False
    style: str | None = None


def _level(el: etree._Element, base: _Level | None = None) -> _Level:
    level = _Level(**vars(base)) if base is not None else _Level()

    def val(tag: str) -> str | None:
        child = el.find(_w(tag))
        return child.get(_w("val")) if child is not None else None

    if val("start") is not None:
        level.start = _int(val("start")) or 0
    if val("numFmt") is not None:
        level.fmt = val("numFmt") or "decimal"
    if el.find(_w("lvlText")) is not None:
        level.text = val("lvlText") or ""
    if val("lvlRestart") is not None:
        level.restart = _int(val("lvlRestart"))
    if el.find(_w("isLgl")) is not None:
        level.legal = val("isLgl") not in ("0", "false", "off")
    if val("pStyle") is not None:
        level.style = val("pStyle")
    return level


@dataclass
class _Num:
    abstract: str
    levels: dict[int, _Level]  # the abstract definition with this instance's overrides applied
    restarts: set[int]  # levels a w:startOverride restarts on the instance's first use


class _Numbering:
    """numbering.xml: abstract definitions, instances and their overrides."""

    def __init__(self, root: etree._Element | None, styles: _Styles):
        self.styles = styles
        abstracts: dict[str, tuple[dict[int, _Level], str | None]] = {}
        for el in root.iter(_w("abstractNum")) if root is not None else ():
            levels = {}
            for lvl in el.findall(_w("lvl")):
                levels[_int(lvl.get(_w("ilvl"))) or 0] = _level(lvl)
            link = el.find(_w("numStyleLink"))
            abstracts[el.get(_w("abstractNumId")) or ""] = (levels, link.get(_w("val")) if link is not None else None)
        instances: dict[str, tuple[str, list[etree._Element]]] = {}
        for el in root.iter(_w("num")) if root is not None else ():
            ref = el.find(_w("abstractNumId"))
            instances[el.get(_w("numId")) or ""] = (
                ref.get(_w("val")) if ref is not None else "",
                el.findall(_w("lvlOverride")),
            )
        self.nums: dict[str, _Num] = {}
        for num_id, (abstract, overrides) in instances.items():
            levels, link = abstracts.get(abstract, ({}, None))
            if link is not None:  # a numbering style: the definition is the one its style's numId uses
                style_num = next((s.num for s in styles.chain(link) if s.num and s.num[0]), None)
                linked = instances.get(style_num[0] or "") if style_num else None
                if linked is not None and linked[0] != abstract:
                    abstract = linked[0]
                    levels = abstracts.get(abstract, ({}, None))[0]
            levels = dict(levels)
            restarts: set[int] = set()
            for override in overrides:
                ilvl = _int(override.get(_w("ilvl"))) or 0
                lvl = override.find(_w("lvl"))
                if lvl is not None:
                    levels[ilvl] = _level(lvl, levels.get(ilvl))
                start = override.find(_w("startOverride"))
                if start is not None:
                    levels[ilvl] = _Level(**vars(levels.get(ilvl, _Level())))
                    levels[ilvl].start = _int(start.get(_w("val"))) or 0
                    restarts.add(ilvl)
            self.nums[num_id] = _Num(abstract, levels, restarts)

    def resolve(self, p: _WPara) -> tuple[_Num, int] | None:
        """The numbering instance and level of a paragraph: its own numPr, else its style's."""
        num_id, ilvl = p.num if p.num else (None, None)
        if num_id is None or ilvl is None:
            for style in self.styles.chain(p.style):
                if style.num is None:
                    continue
                num_id = num_id if num_id is not None else style.num[0]
                if ilvl is None:
                    ilvl = style.num[1]
                if num_id is not None:
                    break
        if num_id in (None, "0") or num_id not in self.nums:
            return None
        num = self.nums[num_id]
        if ilvl is None:
            ilvl = next((k for k, lvl in num.levels.items() if p.style and lvl.style == p.style), 0)
        return num, ilvl

    def counter(self) -> _Counter:
        return _Counter(self)


class _Counter:
    """Word's running counts, per abstract definition, over the paragraphs of one view of a document."""

    def __init__(self, numbering: _Numbering):
        self.numbering = numbering
        self.counts: dict[str, dict[int, int]] = {}
        self.used: set[int] = set()

    def label(self, p: _WPara) -> str | None:
        """The label Word prints for this paragraph ('12.', '(a)', 'II.', '•'), counting it; None if unnumbered."""
        found = self.numbering.resolve(p)
        if found is None:
            return None
        num, ilvl = found
        counts = self.counts.setdefault(num.abstract, {})
        if id(num) not in self.used:
            self.used.add(id(num))
            for level in num.restarts:  # a w:startOverride restarts the list where this instance begins
                counts.pop(level, None)
        for deeper in [k for k in counts if k > ilvl]:
            restart = num.levels.get(deeper, _Level()).restart
            if restart is None or (restart != 0 and ilvl < restart):
                del counts[deeper]
        level = num.levels.get(ilvl, _Level(text=f"%{ilvl + 1}."))
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else level.start
        if level.fmt == "bullet":
            return "•"
        if level.fmt == "none":
            return None

        def number(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lvl = num.levels.get(k, _Level())
            value = counts.get(k, lvl.start)
            return _format(value, "decimal" if level.legal else lvl.fmt)

        text = re.sub(r"%([1-9])", number, level.text).strip()
        return text or None


def _format(n: int, fmt: str) -> str:
    """A counter in a Word number format: decimal, roman, letters (a … z, aa …), ordinal."""
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letters = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "ordinal":
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, digits in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while n >= value:
            out += digits
            n -= value
    return out


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


# --- the body: paragraphs of text segments with their revisions ---------------------------------------


@dataclass(frozen=True)
class _Rev:
    """One tracked change: kind (ins/del, moves counted as such), author, date, and the move it belongs to."""

    kind: str
    author: str
    date: str | None
    move: str | None = None
    moved: bool = False


@dataclass
class _Seg:
    text: str
    ins: _Rev | None = None
    dele: _Rev | None = None
    comments: frozenset[str] = frozenset()
    struck: bool = False
    footnote: str | None = None  # a footnote reference (its mark); text is then ""


@dataclass
class _WPara:
    index: int  # 0-based, body order
    segs: list[_Seg] = field(default_factory=list)
    mark_ins: _Rev | None = None
    mark_del: _Rev | None = None
    num: tuple[str | None, int | None] | None = None
    style: str | None = None
    cell: tuple[int, int, int] | None = None  # table, row, column (outermost table)
    merged_up: bool = False  # in a cell that continues the one above (w:vMerge)
    references: list[str] = field(default_factory=list)  # comments referenced here

    def revisions(self) -> Iterable[_Rev]:
        for rev in (self.mark_ins, self.mark_del):
            if rev is not None:
                yield rev
        for seg in self.segs:
            for rev in (seg.ins, seg.dele):
                if rev is not None:
                    yield rev


@dataclass
class _Comment:
    id: str
    author: str
    date: str | None
    text: str


Accept = Callable[[_Rev], bool]


def _accept_all(rev: _Rev) -> bool:
    return True


def _reject_all(rev: _Rev) -> bool:
    return False


def _visible(seg: _Seg, accept: Accept) -> bool:
    return (seg.ins is None or accept(seg.ins)) and (seg.dele is None or not accept(seg.dele))


def _has_mark(p: _WPara, accept: Accept) -> bool:
    if p.mark_ins is not None and not accept(p.mark_ins):
        return False
    return not (p.mark_del is not None and accept(p.mark_del))


class _Document:
    """A .docx opened and walked: paragraphs in body order (cells included), numbering, footnotes, comments."""

    def __init__(self, path: Path | str):
        path = Path(path)
        self.source = str(path)
        package = _Package(path)
        root = package.xml(package.main)
        assert root is not None
        body = root.find(_w("body"))
        if _local(root) != "document" or body is None:
            raise InputError(self.source, f"not a Word document: {package.main} has no w:body")
        self.styles = _Styles(package.related_xml("styles"))
        self.numbering = _Numbering(package.related_xml("numbering"), self.styles)
        self.paras: list[_WPara] = []
        self.tables: list[list[list[list[int]]]] = []  # table → rows → cells → paragraph indices
        self._comments: set[str] = set()
        self._moves: dict[str, str] = {}
        self._fields: list[str] = []
        self._counts = {"footnote": 0, "endnote": 0}
        self.footnote_marks: dict[str, str] = {}  # footnote id → printed mark
        self._block(body, None)
        self.footnotes = self._notes(package.related_xml("footnotes"), "footnote")
        self.footnotes.update({f"e{k}": v for k, v in self._notes(package.related_xml("endnotes"), "endnote").items()})
        self.comments = self._read_comments(package.related_xml("comments"))

    # --- block level ---------------------------------------------------------------------------------

    def _block(self, parent: etree._Element, cell: tuple[int, int, int] | None, merged_up: bool = False) -> None:
        for el in parent:
            tag = _local(el)
            if tag == "p":
                self._paragraph(el, cell, merged_up)
            elif tag == "tbl":
                self._table(el, cell, merged_up)
            elif tag in ("sdt", "customXml", "sdtContent"):
                self._block(el.find(_w("sdtContent")) if tag == "sdt" else el, cell, merged_up)

    def _table(self, tbl: etree._Element, cell: tuple[int, int, int] | None, merged_up: bool) -> None:
        outer = cell is None
        number = len(self.tables)
        if outer:
            self.tables.append([])
        for r, tr in enumerate(self._children(tbl, "tr")):
            row: list[list[int]] = []
            column = 0
            for tc in self._children(tr, "tc"):
                span = tc.find(f"{_w('tcPr')}/{_w('gridSpan')}")
                vmerge = tc.find(f"{_w('tcPr')}/{_w('vMerge')}")
                continues = vmerge is not None and vmerge.get(_w("val")) in (None, "continue")
                first = len(self.paras)
                where = (number, r, column) if outer else cell
                self._block(tc, where, continues if outer else merged_up)
                row.append(list(range(first, len(self.paras))))
                column += _int(span.get(_w("val"))) or 1 if span is not None else 1
            if outer:
                self.tables[number].append(row)

    def _children(self, parent: etree._Element, tag: str) -> list[etree._Element]:
        """Rows of a table or cells of a row, also where content controls wrap them."""
        out = []
        for el in parent:
            name = _local(el)
            if name == tag:
                out.append(el)
            elif name in ("sdt", "customXml"):
                out.extend(self._children(el.find(_w("sdtContent")) if name == "sdt" else el, tag))
        return out

    def _paragraph(self, p: etree._Element, cell: tuple[int, int, int] | None, merged_up: bool) -> None:
        para = _WPara(len(self.paras), cell=cell, merged_up=merged_up)
        ppr = p.find(_w("pPr"))
        if ppr is not None:
            style = ppr.find(_w("pStyle"))
            para.style = style.get(_w("val")) if style is not None else None
            numpr = ppr.find(_w("numPr"))
            if numpr is not None:
                num_id, ilvl = numpr.find(_w("numId")), numpr.find(_w("ilvl"))
                para.num = (
                    num_id.get(_w("val")) if num_id is not None else None,
                    _int(ilvl.get(_w("val"))) if ilvl is not None else None,
                )
            mark = ppr.find(_w("rPr"))
            for rev in mark if mark is not None else ():
                kind = _local(rev)
                if kind in _REVISIONS:
                    revision = self._rev(rev, kind)
                    if revision.kind == "ins":
                        para.mark_ins = revision
                    else:
                        para.mark_del = revision
        self._fields = []  # a field never runs on past its paragraph here: a broken one cannot hide the rest
        self._inline(p, para, None, None, False)
        self.paras.append(para)

    def _rev(self, el: etree._Element, kind: str) -> _Rev:
        moved = kind in ("moveFrom", "moveTo")
        return _Rev(
            _REVISIONS[kind],
            el.get(_w("author")) or "",
            el.get(_w("date")),
            self._moves.get(kind) if moved else None,
            moved,
        )

    # --- inline level ------------------------------------------------------------------------------

    def _inline(self, parent: etree._Element, para: _WPara, ins: _Rev | None, dele: _Rev | None, hidden: bool) -> None:
        for el in parent:
            tag = _local(el)
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
                content = el.find(_w("sdtContent"))
                if content is not None:
                    self._inline(content, para, ins, dele, hidden)
            elif tag == "commentRangeStart":
                self._comments.add(el.get(_w("id")) or "")
            elif tag == "commentRangeEnd":
                self._comments.discard(el.get(_w("id")) or "")
            elif tag in ("moveFromRangeStart", "moveToRangeStart"):
                self._moves[tag[:-10]] = el.get(_w("name")) or el.get(_w("id")) or ""
            elif tag in ("moveFromRangeEnd", "moveToRangeEnd"):
                self._moves.pop(tag[:-8], None)
            elif tag in ("oMath", "oMathPara"):
                text = "".join(t.text or "" for t in el.iter(f"{{{M_NS}}}t"))
                self._add(para, text, ins, dele, False)

    def _run(self, r: etree._Element, para: _WPara, ins: _Rev | None, dele: _Rev | None) -> None:
        rpr = r.find(_w("rPr"))
        if rpr is not None and _on(rpr.find(_w("vanish"))):
            return  # hidden text: Word does not show it
        struck = rpr is not None and (_on(rpr.find(_w("strike"))) or _on(rpr.find(_w("dstrike"))))
        custom: str | None = None  # a footnote whose printed mark is the run's next text
        for el in r:
            tag = _local(el)
            if tag in ("t", "delText"):
                if custom is not None:
                    self.footnote_marks[custom] = (el.text or "").strip() or "*"
                    custom = None
                    continue
                self._add(para, el.text or "", ins, dele, struck)
            elif tag in ("tab", "ptab"):
                self._add(para, "\t", ins, dele, struck)  # kept: 'label, tab, text' is how Word sets a label
            elif tag in ("br", "cr"):
                self._add(para, " ", ins, dele, struck)
            elif tag == "noBreakHyphen":
                self._add(para, "-", ins, dele, struck)
            elif tag == "sym":
                code = _int_hex(el.get(_w("char")))
                if code is not None:
                    self._add(para, "•" if 0xF000 <= code <= 0xF0FF else chr(code), ins, dele, struck)
            elif tag in ("footnoteReference", "endnoteReference"):
                kind = tag[: -len("Reference")]
                key = (el.get(_w("id")) or "") if kind == "footnote" else f"e{el.get(_w('id')) or ''}"
                if el.get(_w("customMarkFollows")) in ("1", "true", "on"):
                    custom = key
                    self.footnote_marks[key] = "*"
                else:
                    self._counts[kind] += 1
                    n = self._counts[kind]
                    self.footnote_marks[key] = str(n) if kind == "footnote" else _roman(n).lower()
                para.segs.append(_Seg("", ins, dele, frozenset(self._comments), footnote=key))
            elif tag == "fldChar":
                kind = el.get(_w("fldCharType"))
                if kind == "begin":
                    self._fields.append("code")
                elif kind == "separate" and self._fields:
                    self._fields[-1] = "result"
                elif kind == "end" and self._fields:
                    self._fields.pop()
            elif tag == "commentReference":
                para.references.append(el.get(_w("id")) or "")

    def _add(self, para: _WPara, text: str, ins: _Rev | None, dele: _Rev | None, struck: bool) -> None:
        if not text or "code" in self._fields:
            return  # a field's code ('HYPERLINK "…"', 'PAGE'): only its result is text
        for bad, good in ocr.LIGATURES.items():
            text = text.replace(bad, good)
        para.segs.append(_Seg(text, ins, dele, frozenset(self._comments), struck))

    # --- notes and comments ----------------------------------------------------------------------------

    def _notes(self, root: etree._Element | None, tag: str) -> dict[str, str]:
        """Footnote (or endnote) id → its text, separators left out."""
        notes: dict[str, str] = {}
        for note in root.iter(_w(tag)) if root is not None else ():
            if note.get(_w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            notes[note.get(_w("id")) or ""] = self._text_of(note)
        return notes

    def _read_comments(self, root: etree._Element | None) -> dict[str, _Comment]:
        comments: dict[str, _Comment] = {}
        for el in root.iter(_w("comment")) if root is not None else ():
            cid = el.get(_w("id")) or ""
            comments[cid] = _Comment(cid, el.get(_w("author")) or "", el.get(_w("date")), self._text_of(el))
        return comments

    def _text_of(self, container: etree._Element) -> str:
        """The text of the paragraphs inside a note or comment, every change accepted."""
        texts = []
        for p in container.iter(_w("p")):
            para = _WPara(-1)
            saved = (self._comments, self._fields, dict(self._counts), dict(self.footnote_marks))
            self._comments, self._fields = set(), []
            self._inline(p, para, None, None, False)
            self._comments, self._fields, self._counts, self.footnote_marks = saved
            texts.append("".join(s.text for s in para.segs if _visible(s, _accept_all)))
        return " ".join(" ".join(texts).split())

    # --- questions ---------------------------------------------------------------------------------------

    def authors(self) -> list[str]:
        """Every author of a tracked change, in order of first appearance."""
        return list(dict.fromkeys(rev.author for p in self.paras for rev in p.revisions()))

    def is_title(self, p: _WPara) -> bool:
        name = self.styles.name(p.style).lower()
        return name in SKIPPED_STYLES or (p.style or "").lower() in SKIPPED_STYLES


def _on(el: etree._Element | None) -> bool:
    return el is not None and el.get(_w("val")) not in ("0", "false", "off", "none")


def _int_hex(value: str | None) -> int | None:
    try:
        return int(value, 16) if value else None
    except ValueError:
        return None


# --- views: the document with some changes accepted and the others rejected ---------------------------


@dataclass
class _Group:
    """One paragraph of a view: the Word paragraphs between two paragraph marks present in that view."""

    paras: list[int]
    text: str  # the visible text, raw
    footnotes: list[str]

    @property
    def mark(self) -> int:
        return self.paras[-1]


def _groups(doc: _Document, accept: Accept) -> list[_Group]:
    """The paragraphs of a view: a paragraph whose mark is gone runs on into the next one (never across cells)."""
    groups: list[_Group] = []
    current: list[int] = []
    for k, p in enumerate(doc.paras):
        current.append(p.index)
        following = doc.paras[k + 1] if k + 1 < len(doc.paras) else None
        if _has_mark(p, accept) or following is None or following.cell != p.cell:
            segs = [s for i in current for s in doc.paras[i].segs if _visible(s, accept)]
            groups.append(
                _Group(current, "".join(s.text for s in segs), [s.footnote for s in segs if s.footnote is not None])
            )
            current = []
    return groups


def _clean(text: str) -> str:
    return " ".join(text.split())


_TAB_LABEL = re.compile(r"^\s*(\d{1,3}(?:bis|ter|quater|quinquies)?)\t")  # '44<tab>Ensuring': label 44


_OCR_LEAD = re.compile(r"^\s*(?P<l>(?:[LlS]|[LlIS1]\d{1,2}|\d[LlIS])[.,])\t")  # 'L.', 'S1.': OCR'd numbers


_AFTER_LEAD = re.compile(r"^\s*after [^\t]{1,24}\t")  # amendtrack's name for a paragraph whose label was lost


def _draft_lines(doc: _Document, groups: list[_Group]) -> tuple[list[str], list[tuple[int, str]]]:
    """The title block, and one line per paragraph (its computed label in front) with blank lines between."""
    counter = doc.numbering.counter()
    preface: list[str] = []
    lines: list[tuple[int, str]] = []
    for k, group in enumerate(groups, start=1):
        para = doc.paras[group.mark]
        label = counter.label(para)
        text = _clean(_TAB_LABEL.sub(r"\1. ", _AFTER_LEAD.sub("", group.text)))
        if doc.is_title(para):
            if text:
                preface.append(text)
            continue
        if not text:
            continue
        lines.append((k, ""))
        stacked = _OCR_LEAD.match(group.text)
        if stacked and not label:  # 'L.<tab>Consistently…': a label the text reader believes only on its own
            lines.extend([(k, stacked.group("l")), (k, ""), (k, _clean(group.text[stacked.end() :]))])
        else:
            lines.append((k, f"{label} {text}" if label else text))
        for note in group.footnotes:
            mark = doc.footnote_marks.get(note, note)
            lines.append((k, f"{FOOTNOTE}{mark}:{doc.footnotes.get(note, '')}"))
    return preface, lines


def _read_lines(preface: list[str], lines: list[tuple[int, str]], source: str) -> Draft:
    """The text reader's structure rules over Word paragraphs: one line each, a paragraph mark ends it."""
    start = find_body_start(lines)
    before = [line for _, line in lines[:start] if line and not line.startswith("\x00")]
    vocab = ocr.vocabulary("\n".join(line for _, line in lines if not line.startswith("\x00")))
    return read_draft_lines(DraftLines(preface + before, lines[start:], vocab), source, blocks_run_on=False)


def _read_tree(doc: _Document, accept: Accept) -> tuple[Draft, list[_Group]]:
    groups = _groups(doc, accept)
    preface, lines = _draft_lines(doc, groups)
    if not any(line for _, line in lines):
        raise InputError(doc.source, "no paragraphs found: the document body is empty")
    return _read_lines(preface, lines, doc.source), groups


def read_docx_draft(path: Path | str) -> Draft:
    """Read a draft from a .docx into the paragraph tree the text reader gives for the same content.

    Every tracked change is taken as accepted (the text Word shows without markup). Labels Word
    generates from automatic numbering are computed and read as if typed; footnotes become
    `footnote` markers on the paragraph that cites them; fields and hyperlinks are their text.
    Bad or hostile files raise InputError naming the file.
    """
    draft, _ = _read_tree(_Document(path), _accept_all)
    return draft


# --- tracked changes: proposals --------------------------------------------------------------------------


@dataclass
class WordSponsor(Sponsor):
    """A sponsor read from Word tracked changes: also the Word user name and the latest w:date."""

    author: str | None = None
    date: str | None = None


def read_author_map(path: Path | str) -> dict[str, str]:
    """Word user name → delegation, from a TOML file (`"Jane Doe" = "USA"`, optionally under [authors]) or CSV."""
    path = Path(path)
    source = str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InputError(source, f"cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise InputError(source, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    found: dict[str, str] = {}
    if path.suffix.lower() == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise InputError(source, f"not valid TOML: {_first_line(str(exc))}") from None
        table = data.get("authors", data)
        if not isinstance(table, dict):
            raise InputError(source, "an author map is a table of Word user names and delegations")
        for author, delegation in table.items():
            if not isinstance(delegation, str) or not delegation.strip():
                raise InputError(source, f"author {author!r}: the delegation must be a non-empty string")
            found[author.strip()] = delegation.strip()
    elif path.suffix.lower() == ".csv":
        for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
            cells = [cell.strip() for cell in row]
            if not any(cells):
                continue
            if number == 1 and cells[0].lower() in ("author", "user", "word user", "name"):
                continue
            if len(cells) < 2 or not cells[0] or not cells[1]:
                raise InputError(source, "expected two columns: Word user name, delegation", line=number)
            found[cells[0]] = cells[1]
    else:
        raise InputError(source, "an author map is a .toml or .csv file")
    if not found:
        raise InputError(source, "the author map is empty")
    return found


class _Attribution:
    """Word authors → canonical delegation names: the author map, else --delegation, else the registry."""

    def __init__(
        self, registry: Registry, source: str, delegation: str | None, author_map: dict[str, str] | None
    ) -> None:
        self.registry, self.source = registry, source
        self.map = {_author_key(k): v for k, v in (author_map or {}).items()}
        self.whole: str | None = None
        if delegation is not None:
            found = registry.resolve(delegation)
            if found is None:
                raise InputError(source, f"unknown delegation {delegation!r} (see amendtrack delegations)")
            self.whole = found.name

    def __call__(self, author: str) -> str:
        mapped = self.map.get(_author_key(author))
        if mapped is not None:
            found = self.registry.resolve(mapped)
            if found is None:
                raise InputError(self.source, f"author {author!r} is mapped to an unknown delegation {mapped!r}")
            return found.name
        if self.whole is not None:
            return self.whole
        found = self.registry.resolve(author) if author else None
        if found is None:
            raise InputError(
                self.source,
                f"unknown author {author!r}: map it to a delegation (--author-map) or give --delegation",
            )
        return found.name


def _author_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _similar(a: str, b: str) -> float:
    wa, wb = re.findall(r"\w+", a.lower()), re.findall(r"\w+", b.lower())
    if not wa and not wb:
        return 1.0
    return SequenceMatcher(None, wa, wb, autojunk=False).ratio()


def _match(base: Draft, sub: Draft, source: str) -> dict[int, Paragraph]:
    """The stored paragraph of each paragraph of the file (by id), through alignment; a foreign draft is refused."""
    found: dict[int, Paragraph] = {}
    for link in align(base, sub).links:
        if not link.sources or not link.targets:
            continue
        for target in link.targets:
            found[id(target)] = max(link.sources, key=lambda s: _similar(s.text, target.text))
    blocks = [
        node
        for node, parent in sub.walk()
        if node.kind in BLOCK_KINDS and node.text and (parent is None or parent.kind == "heading")
    ]
    same = sum(1 for node in blocks if id(node) in found and _similar(found[id(node)].text, node.text) >= NEAR_SAME)
    if blocks and same < DIFFERENT_DRAFT * len(blocks):
        named = f" {base.source}" if base.source else ""
        raise InputError(
            source,
            f"not based on the draft{named}: only {same} of its {len(blocks)} paragraphs match that draft "
            "(is it a submission on another draft?)",
        )
    return found


def read_docx_proposals(
    path: Path | str,
    base: Draft,
    registry: Registry,
    delegation: str | None = None,
    author_map: dict[str, str] | None = None,
) -> list[Proposal]:
    """Proposals from the tracked changes (and comments) of a delegation's .docx on the draft `base`.

    One proposal per paragraph and author: its resulting text is the paragraph with that author's
    changes accepted and every other author's rejected. Authors become delegations through
    `author_map` (Word user name → delegation), else `delegation` for the whole file, else their
    name in the registry; an unknown author is an InputError naming it. Comments on the changed
    words (or by the same author on the paragraph) are the rationale; other comments are
    `comment` proposals. Each sponsor is a `WordSponsor` keeping the author and latest w:date.
    """
    doc = _Document(path)
    return _Tracked(doc, base, _Attribution(registry, doc.source, delegation, author_map)).read()


class _Tracked:
    def __init__(self, doc: _Document, base: Draft, who: _Attribution):
        self.doc, self.base, self.who, self.source = doc, base, who, doc.source
        self.authors = doc.authors()
        if not self.authors and not doc.comments:
            raise InputError(self.source, "no tracked changes or comments in this document")
        for author in self.authors:
            who(author)  # every author must be known before anything is read
        self.tree, self.groups = _read_tree(doc, _reject_all)
        self.stored = _match(base, self.tree, self.source)
        self.node_at: dict[int, Paragraph] = {}  # base group number (1-based) → node of the file's tree
        self.parent: dict[int, Paragraph] = {}
        for node, parent in self.tree.walk():
            if node.line_start is not None:
                self.node_at.setdefault(node.line_start, node)
            if parent is not None and parent.kind != "heading":
                self.parent[id(node)] = parent
        self.group_of_para = {i: k for k, group in enumerate(self.groups, start=1) for i in group.paras}
        self.anchors: dict[str, set[int]] = {}  # comment id → paragraphs its range or reference is in
        for para in doc.paras:
            for cid in [*para.references, *(c for seg in para.segs for c in seg.comments)]:
                self.anchors.setdefault(cid, set()).add(para.index)
        self.used_comments: set[str] = set()
        self.found: list[tuple[tuple[int, int], Proposal]] = []

    # --- reading -----------------------------------------------------------------------------------------

    def read(self) -> list[Proposal]:
        for order, author in enumerate(self.authors):
            self._author(order, author)
        self._comments()
        return [proposal for _, proposal in sorted(self.found, key=lambda item: item[0])]

    def _author(self, order: int, author: str) -> None:
        def accept(rev: _Rev) -> bool:
            return rev.author == author

        mine = _groups(self.doc, accept)
        base_ends = {g.mark for g in self.groups}
        common = base_ends & {g.mark for g in mine}
        start = 0
        base_k = mine_k = 0
        moves: list[tuple[_Group, Paragraph]] = []
        news: list[_Group] = []
        for end in sorted(common):
            bases: list[tuple[int, _Group]] = []
            while base_k < len(self.groups) and self.groups[base_k].mark <= end:
                bases.append((base_k + 1, self.groups[base_k]))
                base_k += 1
            views: list[_Group] = []
            while mine_k < len(mine) and mine[mine_k].mark <= end:
                views.append(mine[mine_k])
                mine_k += 1
            touched = any(rev.author == author for i in range(start, end + 1) for rev in self.doc.paras[i].revisions())
            start = end + 1
            if touched:
                self._component(order, author, accept, bases, views, moves, news)
        for group in news:
            self._new_paragraph(order, author, group, moves)
        for group, node in moves:  # moved away, and no destination found: the words were deleted
            self._delete(order, author, node, group)

    def _component(
        self,
        order: int,
        author: str,
        accept: Accept,
        bases: list[tuple[int, _Group]],
        views: list[_Group],
        moves: list[tuple[_Group, Paragraph]],
        news: list[_Group],
    ) -> None:
        """One stretch of paragraphs both views begin and end alike: edits, deletions, splits, merges, new ones."""

        def kept(i: int) -> list[_Seg]:
            """Words of paragraph i in the file's text that the author's view keeps."""
            segs = self.doc.paras[i].segs
            return [s for s in segs if s.text.strip() and _visible(s, _reject_all) and _visible(s, accept)]

        view_of = {i: v for v, group in enumerate(views) for i in group.paras}
        holds: dict[int, list[int]] = {}  # view index → base group numbers whose kept words it holds
        kept_in: dict[int, list[int]] = {}  # base group number → view indices holding its kept words
        for number, group in bases:
            if not group.text.strip():
                continue
            for i in group.paras:
                if kept(i):
                    v = view_of[i]
                    if number not in holds.setdefault(v, []):
                        holds[v].append(number)
                    if v not in kept_in.setdefault(number, []):
                        kept_in[number].append(v)
        consumed: set[int] = set()
        for number, group in bases:
            node = self.node_at.get(number)
            if not group.text.strip() or node is None:
                continue
            places = kept_in.get(number, [])
            if not places:
                mark = view_of.get(group.mark)
                present = _has_mark(self.doc.paras[group.mark], accept)
                if present and mark is not None and not holds.get(mark) and mark not in consumed:
                    consumed.add(mark)  # every word replaced, the paragraph kept: a redraft
                    self._edit(order, author, node, group, views[mark])
                elif self._moved_away(group, author):
                    moves.append((group, node))
                else:
                    self._delete(order, author, node, group)
            elif len(places) > 1:
                parts = views[min(places) : max(places) + 1]
                consumed.update(range(min(places), max(places) + 1))
                self._split(order, author, node, group, parts)
            else:
                v = places[0]
                if v in consumed:
                    continue
                consumed.add(v)
                others = [n for n in holds.get(v, []) if n != number and n in self.node_at]
                if others:
                    self._merge(order, author, [number, *others], views[v])
                else:
                    self._edit(order, author, node, group, views[v])
        for v, view in enumerate(views):
            if v not in consumed and not holds.get(v) and view.text.strip():
                news.append(view)

    def _moved_away(self, group: _Group, author: str) -> bool:
        segs = [s for i in group.paras for s in self.doc.paras[i].segs if s.text.strip() and s.ins is None]
        return bool(segs) and all(s.dele is not None and s.dele.moved and s.dele.author == author for s in segs)

    # --- one proposal each ------------------------------------------------------------------------------

    def _stored(self, node: Paragraph) -> Paragraph | None:
        return self.stored.get(id(node))

    def _label(self, node: Paragraph) -> str | None:
        stored = self._stored(node)
        return stored.label if stored is not None else None

    def _prefix(self, node: Paragraph, raw: str) -> str:
        """The printed label at the start of a paragraph's raw text ('PP.4', '12.'), to cut from every view."""
        raw = _clean(_TAB_LABEL.sub(r"\1. ", raw))
        if node.num and raw.startswith(node.num):
            return node.num
        if node.text:
            at = raw.find(node.text[:24])
            if at > 0:
                return raw[:at]
        return ""

    def _text(self, raw: str, prefix: str) -> str:
        """A view of a paragraph as its words: label cut, editorial markers out, spacing as Word shows it."""
        text = _clean(_TAB_LABEL.sub(r"\1. ", raw))
        if prefix and text.startswith(prefix):
            text = text[len(prefix) :]
        text = text.lstrip(" .:,")
        cleaned, markers = extract_markers(text)
        return cleaned if markers else text

    def _sponsor(self, order: int, author: str, paras: Iterable[int], verbatim: str) -> WordSponsor:
        paras = sorted(set(paras))
        dates = [rev.date for i in paras for rev in self.doc.paras[i].revisions() if rev.author == author and rev.date]
        date = max(dates) if dates else None
        who = f"{author}" + (f" ({date})" if date else "")
        return WordSponsor(
            self.who(author),
            "labelled",
            f"{who}: {verbatim}",
            Source(self.source, paras[0] + 1, paras[-1] + 1),
            author=author,
            date=date,
        )

    def _rationale(self, author: str, paras: Iterable[int]) -> str | None:
        """Comments on the author's changed words in these paragraphs, or by the author on them."""
        paras = set(paras)
        ids: list[str] = []
        for i in sorted(paras):
            p = self.doc.paras[i]
            for seg in p.segs:
                if any(rev is not None and rev.author == author for rev in (seg.ins, seg.dele)):
                    ids.extend(sorted(seg.comments))
            if any(rev.author == author for rev in (p.mark_ins, p.mark_del) if rev is not None):
                ids.extend(sorted(c for s in p.segs for c in s.comments))
        for cid, comment in self.doc.comments.items():
            if comment.author == author and paras & self._anchored(cid):
                ids.append(cid)
        texts = []
        for cid in dict.fromkeys(ids):
            comment = self.doc.comments.get(cid)
            if comment is None or not comment.text:
                continue
            self.used_comments.add(cid)
            texts.append(self._comment_text(comment))
        return " ".join(texts) or None

    def _comment_text(self, comment: _Comment) -> str:
        """A comment's words, without a leading 'Japan:' where it names its own delegation."""
        text = comment.text
        m = re.match(r"^\s*([^:]{2,60}):\s*(\S.*)$", text, re.S)
        named = self.who.registry.resolve(m.group(1)) if m else None
        if m and named is not None:
            try:
                if named.name == self.who(comment.author):
                    return m.group(2).strip()
            except InputError:  # the comment's author is no delegation: keep its words whole
                pass
        return text

    def _anchored(self, cid: str) -> set[int]:
        """The paragraphs a comment's range or reference is in."""
        return self.anchors.get(cid, set())

    def _add(self, at: int, order: int, proposal: Proposal) -> None:
        self.found.append(((at, order), proposal))

    def _edit(self, order: int, author: str, node: Paragraph, group: _Group, view: _Group) -> None:
        prefix = self._prefix(node, group.text)
        old = self._text(group.text, prefix)
        new = self._text(view.text, prefix)
        if old == new:
            return
        paras = group.paras + view.paras
        changes = redline(old, new)
        sponsor = self._sponsor(order, author, paras, plain(changes))
        rationale = self._rationale(author, paras)
        stored = self._stored(node)
        label = stored.label if stored is not None else None
        if not new:
            proposal = apply(Proposal("delete", label, [sponsor], rationale=rationale), None)
            self._add(group.paras[0], order, proposal)
            return
        made = _edits(old, new) if stored is not None else None
        proposal = None
        if made is not None and stored is not None:
            operation, edits = made
            trial = apply(Proposal(operation, label, [sponsor], edits=edits, rationale=rationale), stored.text)
            if trial.applied and _norm(stored.text) != _norm(old):
                trial.confidence = 0.9  # the file's text of the paragraph differs from the stored one
                proposal = trial
            elif trial.applied and _norm(trial.resulting_text or "") == _norm(new):
                trial.resulting_text = new  # what Word shows, spacing and all
                proposal = trial
        if proposal is None:  # the words cannot be anchored: the paragraph as the author leaves it
            proposal = apply(Proposal("redraft", label, [sponsor], text=new, rationale=rationale), None)
            if stored is None:
                proposal.applied = False
                proposal.unapplied_reason = "the target paragraph is not in the draft"
        self._add(group.paras[0], order, proposal)

    def _delete(self, order: int, author: str, node: Paragraph, group: _Group) -> None:
        prefix = self._prefix(node, group.text)
        old = self._text(group.text, prefix)
        sponsor = self._sponsor(order, author, group.paras, f"[-{old}-]")
        proposal = Proposal("delete", self._label(node), [sponsor], rationale=self._rationale(author, group.paras))
        self._add(group.paras[0], order, apply(proposal, None))

    def _split(self, order: int, author: str, node: Paragraph, group: _Group, parts: list[_Group]) -> None:
        prefix = self._prefix(node, group.text)
        texts = [self._text(part.text, prefix) for part in parts if part.text.strip()]
        paras = group.paras + [i for part in parts for i in part.paras]
        sponsor = self._sponsor(order, author, paras, " ¶ ".join(texts))
        proposal = Proposal(
            "split", self._label(node), [sponsor], text="\n".join(texts), rationale=self._rationale(author, paras)
        )
        self._add(group.paras[0], order, proposal)

    def _merge(self, order: int, author: str, numbers: list[int], view: _Group) -> None:
        nodes = [self.node_at[n] for n in sorted(numbers) if n in self.node_at]
        if not nodes:
            return
        first_group = self.groups[min(numbers) - 1]
        text = self._text(view.text, self._prefix(nodes[0], first_group.text))
        paras = [i for n in numbers for i in self.groups[n - 1].paras] + view.paras
        sponsor = self._sponsor(order, author, paras, text)
        labels = [self._label(n) or n.label for n in nodes]
        proposal = Proposal(
            "merge",
            labels[0] if self._stored(nodes[0]) is not None else None,
            [sponsor],
            text=text,
            related=labels[1:],
            rationale=self._rationale(author, paras),
        )
        self._add(first_group.paras[0], order, proposal)

    def _anchor(self, view: _Group) -> tuple[Paragraph | None, Paragraph | None]:
        """The file's paragraphs just before and just after a new one (by where their words begin)."""
        before = after = None
        for number, group in enumerate(self.groups, start=1):
            node = self.node_at.get(number)
            if node is None or not group.text.strip():
                continue
            first = next((i for i in group.paras if self._has_base_words(i)), group.mark)
            if first < view.paras[0]:
                before = node
            elif after is None:
                after = node
        return before, after

    def _has_base_words(self, i: int) -> bool:
        return any(s.text.strip() and _visible(s, _reject_all) for s in self.doc.paras[i].segs)

    def _new_paragraph(self, order: int, author: str, view: _Group, moves: list[tuple[_Group, Paragraph]]) -> None:
        before, after = self._anchor(view)
        text = _clean(view.text)
        segs = [s for i in view.paras for s in self.doc.paras[i].segs if s.text.strip() and s.ins is not None]
        names = {s.ins.move for s in segs if s.ins is not None and s.ins.moved}
        if segs and all(s.ins is not None and s.ins.moved for s in segs):
            for k, (group, node) in enumerate(moves):
                moved_names = {s.dele.move for i in group.paras for s in self.doc.paras[i].segs if s.dele is not None}
                if names & moved_names or _norm(_clean(group.text)) == _norm(text):
                    del moves[k]
                    self._move(order, author, node, group, view, before, after)
                    return
        label = None
        lead = _TAB_LEAD.match(view.text)
        m = _NEW_LABEL.match(_clean(lead.group("l")) + " x" if lead else text)
        if m:
            label = re.sub(r"[\s.:]", "", next(g for g in m.group("a", "b", "c", "d") if g))
            if label[:2].lower() in ("pp", "op"):
                label = label[:2].upper() + label[2:]
        if lead:
            label = label or _clean(lead.group("l"))
            text = _clean(view.text[lead.end() :])
        elif m:
            text = text[m.end() :]
        cleaned, markers = extract_markers(text)
        text = cleaned if markers else text
        paras = view.paras
        sponsor = self._sponsor(order, author, paras, f"{{+{text}+}}")
        anchor = self._label(self._after_whom(label, before)) if before is not None else None
        proposal = Proposal(
            "new_paragraph",
            anchor,
            [sponsor],
            text=text,
            new_label=label or (f"before {self._label(after)}" if before is None and after is not None else None),
            rationale=self._rationale(author, paras),
        )
        self._add(view.paras[0], order, apply(proposal, None))

    def _after_whom(self, label: str | None, before: Paragraph) -> Paragraph:
        """The paragraph a new one follows: '2bis' follows the file's 2; a new top-level one, its neighbour's parent."""
        family = re.fullmatch(r"(PP|OP)?(\d+)(?:bis|ter|quater|quinquies)", label or "", re.I)
        if family is not None:
            prefix = (family[1] or "").upper()
            for candidate in (f"{prefix}{family[2]}", f"OP{family[2]}", family[2]):
                found = self.tree.find(candidate)
                if found is not None and id(found) in self.stored:
                    return found
        if label is not None and not label.startswith("("):
            while id(before) in self.parent:
                before = self.parent[id(before)]
        return before

    def _move(
        self,
        order: int,
        author: str,
        node: Paragraph,
        group: _Group,
        view: _Group,
        before: Paragraph | None,
        after: Paragraph | None,
    ) -> None:
        prefix = self._prefix(node, group.text)
        text = self._text(view.text, prefix)
        where = (
            f"after {self._label(before)}"
            if before is not None
            else f"before {self._label(after)}"
            if after is not None
            else None
        )
        paras = group.paras + view.paras
        sponsor = self._sponsor(order, author, paras, f"move to {where}: {text}")
        related = [label for label in [self._label(before) if before is not None else None] if label]
        proposal = Proposal(
            "move",
            self._label(node),
            [sponsor],
            text=text,
            new_label=where,
            related=related,
            rationale=self._rationale(author, paras),
        )
        self._add(group.paras[0], order, proposal)

    def _comments(self) -> None:
        """Comments no change took as rationale: each a `comment` proposal on the paragraph it is anchored in."""
        for cid, comment in self.doc.comments.items():
            if cid in self.used_comments or not comment.text:
                continue
            anchored = sorted(self._anchored(cid))
            if not anchored:
                continue
            node = None
            for i in range(anchored[0], -1, -1):
                node = self.node_at.get(self.group_of_para.get(i, 0))
                if node is not None:
                    break
            if node is None:
                continue
            date = comment.date
            sponsor = WordSponsor(
                self.who(comment.author),
                "labelled",
                f"{comment.author}" + (f" ({date})" if date else "") + f": {comment.text}",
                Source(self.source, anchored[0] + 1, anchored[-1] + 1),
                author=comment.author,
                date=date,
            )
            proposal = Proposal("comment", self._label(node), [sponsor], rationale=self._comment_text(comment))
            self._add(anchored[0], len(self.authors), proposal)


def _norm(text: str) -> str:
    """Text compared as apply_edits writes it: single spaces, none before punctuation."""
    return re.sub(r"\s+([,;.:])", r"\1", " ".join(text.split()))


def _edits(old: str, new: str) -> tuple[str, list[Edit]] | None:
    """The operation and edits that turn `old` into `new`, each anchored on words that occur once.

    Regions come from the word-level redline; an insertion hangs on the words before it (or after
    it, at the start), a deletion or replacement names its words, with as many words of context as
    it takes to be found once. None when no such edits give `new` back, or when no word is kept
    (then the paragraph is rewritten: a redraft).
    """
    changes = redline(old, new)
    if not any(c.op == EQUAL and re.search(r"\w", c.text) for c in changes):
        return None
    regions: list[list] = []  # [start, end, inserted] in old's coordinates
    pos = 0
    pending: list | None = None
    for change in changes:
        if change.op == EQUAL:
            if pending is not None:
                regions.append(pending)
                pending = None
            pos += len(change.text)
            continue
        if pending is None:
            pending = [pos, pos, ""]
        if change.op == DELETE:
            pos += len(change.text)
            pending[1] = pos
        elif change.op == INSERT:
            pending[2] += change.text
    if pending is not None:
        regions.append(pending)
    current, delta = old, 0
    edits: list[Edit] = []
    kinds: set[str] = set()
    for start, end, inserted in regions:
        s, e = start + delta, end + delta
        deleted = current[s:e]
        if not deleted.strip() and not inserted.strip():
            continue
        expected = _norm(current[:s] + inserted + current[e:])
        edit = _place(current, s, e, inserted, expected)
        if edit is None:
            return None
        kinds.add("insert" if not deleted.strip() else "delete" if not inserted.strip() else "replace")
        edits.append(edit)
        current = current[:s] + inserted + current[e:]
        delta += len(inserted) - (e - s)
    try:
        if _norm(apply_edits(old, edits)) != _norm(new):
            return None
    except ValueError:
        return None
    operation = kinds.pop() if len(kinds) == 1 else "replace"
    return operation, edits


_WORD_SPAN = re.compile(r"\S+")


def _place(text: str, s: int, e: int, inserted: str, expected: str) -> Edit | None:
    """One edit at [s, e) of `text` that apply_edits places right, with the least context that makes it so."""

    def works(edit: Edit) -> bool:
        try:
            return _norm(apply_edits(text, [edit])) == expected
        except ValueError:
            return False

    before = [m.start() for m in _WORD_SPAN.finditer(text[:s])]
    after = [m.end() + e for m in _WORD_SPAN.finditer(text[e:])]
    words = inserted.strip()
    if not text[s:e].strip():  # an insertion
        for k in range(1, min(len(before), 8) + 1):
            edit = Edit("insert", new=words, anchor=text[before[-k] : s].strip(), position="after")
            if works(edit):
                return edit
        for k in range(1, min(len(after), 8) + 1):
            edit = Edit("insert", new=words, anchor=text[e : after[k - 1]].strip(), position="before")
            if works(edit):
                return edit
        return None
    for left in range(0, min(len(before), 6) + 1):
        for right in range(0, min(len(after), 2) + 1) if left == 0 else (0,):
            a = before[-left] if left else s
            b = after[right - 1] if right else e
            old = text[a:b].strip()
            new = (text[a:s] + inserted + text[e:b]).strip()
            if not new:
                edit = Edit("delete", old=old)
            else:
                edit = Edit("replace", old=old, new=new)
            if works(edit):
                return edit
    return None


# --- compilation tables --------------------------------------------------------------------------------


def _main_table(doc: _Document) -> list[list[list[int]]] | None:
    """The body's compilation table: 2-3 columns, two rows or more, holding most of the document's words."""
    total = sum(len(s.text.strip()) for p in doc.paras for s in p.segs) or 1
    best = None
    for table in doc.tables:
        columns = max((len(row) for row in table), default=0)
        inside = sum(len(s.text.strip()) for row in table for cell in row for i in cell for s in doc.paras[i].segs)
        if 2 <= columns <= 3 and len(table) >= 2 and inside >= 0.5 * total:
            if best is None or len(table) > len(best):
                best = table
    return best


def _cell_lines(doc: _Document, cell: list[int]) -> list[tuple[int, str]]:
    """A cell's paragraphs as lines (1-based paragraph numbers), every change accepted, struck words left out."""
    lines = []
    for i in cell:
        text = _clean("".join(s.text for s in doc.paras[i].segs if _visible(s, _accept_all) and not s.struck))
        if text:
            lines.append((i + 1, text))
    return lines


def read_docx_compilation(path: Path | str, base: Draft, registry: Registry) -> list[Proposal]:
    """Proposals from a compilation table in Word (paragraph | inputs [| …]) on the draft `base`.

    Each row's first column is found in the draft (by label and opening words, else by
    similarity; an empty or merged cell continues the row above); the inputs column is read by
    the text compilation reader's grammar, one input per delegation label. In a three-column
    table whose middle column names a delegation, the third column is that delegation's input;
    otherwise the third column (dispositions, notes) is not read.
    """
    return _read_compilation(_Document(path), base, registry)


def _read_compilation(doc: _Document, base: Draft, registry: Registry) -> list[Proposal]:
    from amendtrack.read.compilation import _Compilation

    table = _main_table(doc)
    if table is None:
        raise InputError(doc.source, "no compilation table (2 or 3 columns: paragraph | inputs) in this document")
    text = "\n".join(line for row in table for cell in row for _, line in _cell_lines(doc, cell))
    reader = _Compilation(text, base, registry, doc.source)
    reader.missing = {}
    nodes = [node for node, _ in base.walk() if node.text]
    tops = reader._base_nodes()
    pointer = 0
    node: Paragraph | None = None
    proposals: list[Proposal] = []
    for row in table:
        if not row:
            continue
        left = _cell_lines(doc, row[0])
        merged = bool(row[0]) and doc.paras[row[0][0]].merged_up
        if left and not merged:  # an empty or merged first cell carries on the row above
            node = _row_node(reader, " ".join(line for _, line in left), tops, nodes, pointer)
            if node is not None and node in tops:
                pointer = tops.index(node) + 1
        if node is None:
            continue
        inputs: list[tuple[int, str]] = []
        named = None
        if len(row) == 3:
            middle = " ".join(line for _, line in _cell_lines(doc, row[1])).strip(" :")
            named = registry.resolve(middle) if middle else None
        cells = [row[2]] if named is not None else [row[1]] if len(row) > 1 else []
        for cell in cells:
            for no, line in _cell_lines(doc, cell):
                alone = registry.resolve(line.strip(" :"))
                inputs.append((no, ""))
                inputs.append((no, f"{line.strip(' :')}:" if alone is not None else line))
        if named is not None and inputs:
            inputs = [(inputs[0][0], f"{named.name}:")] + inputs
        for entry in reader._entries(node, inputs):
            proposals.extend(reader._interpret(entry))
    if not proposals:
        raise InputError(doc.source, "no delegation inputs found in the compilation table")
    return proposals


def _row_node(
    reader: object, text: str, tops: list[Paragraph], nodes: list[Paragraph], pointer: int
) -> Paragraph | None:
    """The draft paragraph a row's first column shows: by label and opening words, else the most similar."""
    for node in tops[pointer:] + tops[:pointer]:
        if reader._starts(text, node):  # type: ignore[attr-defined]
            return node
    body = re.sub(r"^\s*(?:PP\s*\.?\s*)?[\dIVXivx]{1,4}\s*(?:bis|ter)?\s*[.,:]?\s+|^\s*\([a-z]\)\s+", "", text)
    scored = [(_similar(node.text, body), node) for node in nodes]
    score, best = max(scored, key=lambda item: item[0], default=(0.0, None))
    return best if score >= 0.75 else None


# --- one entry point for inputs --------------------------------------------------------------------------


def docx_inputs_kind(path: Path | str) -> str:
    """'tracked_changes' when the file carries tracked changes, 'compilation' for a table, else InputError."""
    return _kind(_Document(path))


def _kind(doc: _Document) -> str:
    if doc.authors():
        return "tracked_changes"
    if _main_table(doc) is not None:
        return "compilation"
    if doc.comments:
        return "tracked_changes"
    raise InputError(doc.source, "neither tracked changes nor a compilation table (paragraph | inputs) in it")


def read_docx_inputs(
    path: Path | str,
    base: Draft,
    registry: Registry,
    delegation: str | None = None,
    author_map: dict[str, str] | None = None,
) -> list[Proposal]:
    """Proposals from a .docx: its tracked changes (see read_docx_proposals), else its compilation table."""
    doc = _Document(path)
    if _kind(doc) == "compilation":
        if delegation is not None or author_map is not None:
            raise InputError(
                doc.source,
                "a compilation table names its delegations: --delegation and --author-map apply to tracked changes",
            )
        return _read_compilation(doc, base, registry)
    return _Tracked(doc, base, _Attribution(registry, doc.source, delegation, author_map)).read()
