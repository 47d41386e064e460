"""Read a PDF's text layer as Blocks: lines from word positions, columns, running heads dropped, paragraphs joined.

pdfplumber (over pdfminer.six) gives every word on a page with its box, font size and font name; the
rest is layout reading done here, on positions only:

* Lines: a page's words grouped into rows by their vertical middle (a superscript stays on its row).
* Running heads: a row in the top or bottom sixth of a page that is set apart from the body by a gap
  of at least a line's height is a margin row. A margin row that is only a page number ("3", "- 3 -",
  "Page 3 of 10", "3/10", "iv") is dropped, and so is one whose text, less a page number at either
  end, recurs on at least half the pages (at least two) with any page numbers rising with the page,
  so "Article 3" on page 3 and "Article 5" on page 4 are not taken for a running head. The outermost
  row of a page, in the band, is dropped when it is only a page number even without the gap.
* Columns: a page with a vertical gutter (empty for at least 1.2 body sizes, and at least 12 pt)
  across at least 80% of its rows, with at least three rows holding words on both sides, is read left
  column then right column; a row crossing the gutter (a title above the columns) is read in its place.
* Paragraphs: a line joins the block above unless it starts one: a vertical gap clearly larger than
  the line pitch, a change of font size (a tenth of the body size) or of all-bold, a previous line
  that ended short (the line's first word would have fitted at its end: a paragraph's last line), or
  a label at its start ("1.", "(a)", "[2.", "Article 4", "Option 1:", "PP3", "•") after a previous
  line ending with punctuation or "and"/"or" (so "as set out in / Article 4" mid-sentence stays).
* A line ending with a hyphen after a letter is joined to the next without a space; the hyphen is
  dropped when the next line starts in lowercase ("nego-" + "tiated"), unless the file holds the
  hyphenated word elsewhere ("self-determination") or both halves as words but not the whole
  ("eighty-" + "second"); a soft hyphen at a line end is always dropped; before "and", "or", "to" the
  hyphen is a suspended one ("gender-" + "and age-sensitive") and keeps its space.
* Headings: a block whose font is at least 1.15 times the body's median size is `heading=1`; a
  block of one or two lines all in bold is `heading=2`.
* Footnotes stay as text: set in a smaller font, they become blocks of their own (the size change);
  a footnote mark in the body stays in the text as the number it prints. Tables are read as lines.
* `line` is a running count of the lines read (running heads and page numbers not counted), 1 for
  the first kept line of the first page.

Refused, each in one line naming the file: a file over MAX_PDF_BYTES (before reading), bytes that
are no PDF, an encrypted PDF that needs a password, a malformed one pdfminer cannot parse, more than
MAX_PDF_PAGES pages, and a PDF with no text layer (no words at all, or most pages images without
words, or fonts without a Unicode mapping), which needs OCR first (ocrmypdf).
"""

from __future__ import annotations

import logging
import re
import statistics
import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from io import BytesIO
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from amendtrack.errors import InputError, one_line
from amendtrack.read import ocr
from amendtrack.read.limits import MAX_PDF_BYTES, check_characters, read_within_limit
from amendtrack.read.structure.blocks import Block

if TYPE_CHECKING:
    from collections.abc import Iterable

    import pdfplumber.page

# pdfminer logs what it makes of a damaged file ("Could not get FontBBox…") and no handler of its own:
# Python would print it on stderr. A handler that drops it keeps the terminal to our one-line errors,
# and an application that configures logging still gets the records (they propagate).
logging.getLogger("pdfminer").addHandler(logging.NullHandler())

MAX_STREAM_BYTES = 64 * 1024 * 1024  # one stream (a page's content, a font) decompressed: far above any real one
MAX_PDF_PAGES = 2000  # far above any draft (the longest negotiated texts run to a few hundred pages)
BAND = 1 / 6  # the share of the page's height, at the top and at the bottom, where running heads sit
OCR_HINT = "run OCR on it first (for example `ocrmypdf in.pdf out.pdf`)"

_PAGE_WORD = r"(?:page|p\.|pág\.?|página|стр\.?|页)"
_PAGE_NUMBER = rf"[-–—(\[]?\s*(?:{_PAGE_WORD}\s*)?\d{{1,4}}(?:\s*(?:of|/|de|sur|из)\s*\d{{1,4}})?\s*[-–—)\]]?"
PAGE_ONLY = re.compile(rf"\s*(?:{_PAGE_NUMBER}|(?-i:[ivxlc]{{1,7}}))\s*", re.IGNORECASE)
PAGE_AT_START = re.compile(rf"^\s*({_PAGE_NUMBER})\s+(?=\S)", re.IGNORECASE)
PAGE_AT_END = re.compile(rf"(?<=\S)\s+,?\s*({_PAGE_NUMBER})\s*$", re.IGNORECASE)
LABEL = re.compile(
    r"[\[{]*(?:"
    r"\(?\d{1,3}[a-z]?\)"  # 1) (2) 3a)
    r"|\d{1,3}(?:\.\d{1,3})*\.?(?:bis|ter|quater)?\.(?!\d)"  # 1. 2.3. 10bis.
    r"|\((?:[a-z]{1,2}|[ivxlc]{1,6})\)|[a-z]\)"  # (a) (aa) (iv) a)
    r"|[IVXLC]{1,6}\.|[A-Z]\.(?!\w)"  # IV. B.
    r"|(?:Article|Art\.|Section|Chapter|Part|Rule|Annex|Appendix|Option|Alt(?:ernative)?\.?|Paragraph)\s+\w+"
    r"|(?:PP|OP)\.?\s?\d+"
    r"|[•▪◦●■–—-]\s"
    r")"
)
ENDS_CLAUSE = re.compile(r"(?:[.;:,!?)\]]|\band|\bor)\s*$")
NUMBER_SERIES = re.compile(r"(?:^|[\s,])\d{1,4}\s+(?:and|or)\s*$")  # '… Articles 9, 10 and' / '11.': the series goes on
HYPHENATED = re.compile(r"(\w+)[-\u2010\u00ad]$")
PUNCTUATION = ".,;:!?()[]{}“”‘’\"'"
BOLD = re.compile(r"bold|black|heavy|semibold|demibold", re.IGNORECASE)


@dataclass
class _Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool

    @property
    def mid(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class _Line:
    words: list[_Word]
    page: int
    key: str  # which column it is in: "S" (the page's width), "L" or "R"
    text: str = ""
    size: float = 0.0
    bold: bool = False
    base: float = 0.0  # the line's baseline: its words' median bottom (a superscript does not move it)
    x0: float = 0.0
    x1: float = 0.0

    def __post_init__(self) -> None:
        self.text = " ".join(w.text for w in self.words)
        self.size = statistics.median_low(w.size for w in self.words)
        self.bold = all(w.bold for w in self.words)
        self.base = statistics.median(w.bottom for w in self.words)
        self.x0 = min(w.x0 for w in self.words)
        self.x1 = max(w.x1 for w in self.words)


@dataclass
class _Page:
    rows: list[list[_Word]]  # top to bottom, each left to right
    width: float
    height: float
    image_only: bool = False  # no word, and an image on it: a scan


@dataclass
class _Layout:
    """What the paragraph rules compare a line with, measured over the whole file."""

    body: float  # the body's font size
    pitch: float  # the body's line pitch, baseline to baseline
    edges: dict[str, float]  # a column's right edge, by the lines' key
    words: set[str] = field(default_factory=set)  # the file's words, lowercased, "self-determination" among them


def pdf_blocks(path: Path) -> list[Block]:
    """The paragraphs of a PDF's text layer, in reading order; a file that cannot be read so is an InputError."""
    source = str(path)
    data = read_within_limit(path, MAX_PDF_BYTES, "a PDF file")
    if b"%PDF-" not in data[:1024]:
        raise InputError(source, "not a PDF file (no %PDF- header)")
    pages = _read_pages(data, source)
    _check_text_layer(pages, source)
    _drop_running_heads(pages)
    lines = [line for number, page in enumerate(pages) for line in _reading_order(page, number)]
    return _blocks(lines, _layout(lines), source)


# --- the file -----------------------------------------------------------------------------------------


def _read_pages(data: bytes, source: str) -> list[_Page]:
    """Every page's words in rows; pdfminer's errors on a broken, encrypted or hostile file as one line."""
    import pdfplumber
    from pdfminer.pdfpage import PDFPage

    _bound_pdfminer()
    try:
        with pdfplumber.open(BytesIO(data)) as pdf:
            if sum(1 for _ in islice(PDFPage.create_pages(pdf.doc), MAX_PDF_PAGES + 1)) > MAX_PDF_PAGES:
                raise InputError(source, f"too many pages: more than {MAX_PDF_PAGES}")
            return [_page(page) for page in pdf.pages]
    except InputError:
        raise
    except Exception as exc:  # pdfminer raises many kinds (PSException, KeyError, TypeError, RecursionError, …)
        raise InputError(source, _why(exc)) from None


class StreamTooLarge(Exception):
    """A compressed stream that expands beyond MAX_STREAM_BYTES: a decompression bomb, refused."""


class _BoundedZlib:
    """The zlib pdfminer decompresses streams with, with a ceiling on what one stream may expand to.

    pdfminer inflates every Flate stream whole, with no limit: a few kilobytes can expand to
    gigabytes. It is given this instead of the zlib module (pdfminer.pdftypes.zlib); nothing else
    uses pdfminer.
    """

    error = zlib.error

    @staticmethod
    def decompress(data: bytes) -> bytes:
        inflater = zlib.decompressobj()
        out = inflater.decompress(data, MAX_STREAM_BYTES + 1)
        if len(out) > MAX_STREAM_BYTES:
            raise StreamTooLarge()
        if not inflater.eof:
            raise zlib.error("incomplete or truncated stream")  # pdfminer then reads what it can, bounded
        return out

    @staticmethod
    def decompressobj() -> _BoundedInflater:
        return _BoundedInflater()


class _BoundedInflater:
    """zlib.decompressobj for pdfminer's reading of a corrupted stream, bounded the same way."""

    def __init__(self) -> None:
        self._inflater = zlib.decompressobj()
        self._size = 0

    def decompress(self, data: bytes) -> bytes:
        out = self._inflater.decompress(data, MAX_STREAM_BYTES + 1 - self._size)
        self._size += len(out)
        if self._size > MAX_STREAM_BYTES:
            raise StreamTooLarge()
        return out


def _bound_pdfminer() -> None:
    """Give pdfminer the bounded zlib (once)."""
    from pdfminer import pdftypes

    pdftypes.zlib = _BoundedZlib  # type: ignore[assignment]


def _why(exc: Exception) -> str:
    """Why pdfminer could not read a file, in one line."""
    cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc  # pdfplumber wraps them
    name = type(cause).__name__
    if isinstance(cause, StreamTooLarge):
        return f"a compressed stream expands beyond {MAX_STREAM_BYTES // (1024 * 1024)} MiB (a decompression bomb?)"
    if name in ("PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning"):
        return "encrypted PDF: it opens only with a password; save or print an unprotected copy first"
    if name == "PDFTextExtractionNotAllowed":
        return "encrypted PDF: its owner forbids text extraction; save or print an unprotected copy first"
    return f"malformed PDF: {one_line(cause)[:200]}"


def _page(page: pdfplumber.page.Page) -> _Page:
    words = [
        _Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"], round(w["size"], 1), bool(BOLD.search(w["fontname"])))
        for w in page.extract_words(keep_blank_chars=False, use_text_flow=False, extra_attrs=["size", "fontname"])
        if w["text"].strip()
    ]
    result = _Page(_rows(words), float(page.width), float(page.height), image_only=not words and bool(page.images))
    page.close()  # drop the page's cached objects: a long file is read one page at a time
    return result


def _rows(words: list[_Word]) -> list[list[_Word]]:
    """Words grouped into rows by their vertical middle, top to bottom, each row left to right."""
    if not words:
        return []
    tolerance = 0.4 * statistics.median(w.bottom - w.top for w in words)
    rows: list[list[_Word]] = []
    last = None
    for word in sorted(words, key=lambda w: w.mid):
        if last is None or word.mid - last > tolerance:
            rows.append([])
        rows[-1].append(word)
        last = word.mid
    return [sorted(row, key=lambda w: w.x0) for row in rows]


def _check_text_layer(pages: list[_Page], source: str) -> None:
    """Refuse a scan: no words, mostly pages that are images without words, or glyphs with no Unicode mapping."""
    if not pages:
        raise InputError(source, "a PDF with no pages")
    with_text = sum(1 for page in pages if page.rows)
    scanned = sum(1 for page in pages if page.image_only)
    if not with_text or scanned > with_text:
        share = "no page" if not with_text else f"only {with_text} of {len(pages)} pages"
        raise InputError(source, f"no text layer ({share} with text): a scanned document; {OCR_HINT}")
    words = [w.text for page in pages for row in page.rows for w in row]
    if sum("(cid:" in w for w in words) * 2 > len(words):
        raise InputError(source, f"no usable text layer (its fonts map no glyph to a character); {OCR_HINT}")


# --- running heads and page numbers ----------------------------------------------------------------------


def _margin_rows(page: _Page) -> list[int]:
    """The indexes of the rows in the page's top and bottom bands set apart from the body by a gap."""
    rows = page.rows
    found: set[int] = set()
    for order in (list(range(len(rows))), list(range(len(rows) - 1, -1, -1))):
        for n, (k, inner) in enumerate(zip(order, order[1:], strict=False)):
            if not _in_band(rows[k], page):
                break
            upper, lower = (rows[k], rows[inner]) if inner > k else (rows[inner], rows[k])
            if min(w.top for w in lower) - max(w.bottom for w in upper) >= max(w.bottom - w.top for w in rows[k]):
                found.update(order[: n + 1])
                break
    return sorted(found)


def _in_band(row: list[_Word], page: _Page) -> bool:
    return max(w.bottom for w in row) <= page.height * BAND or min(w.top for w in row) >= page.height * (1 - BAND)


def _head_key(text: str) -> tuple[str, int | None]:
    """A margin row's text less a page number at its start or end, and that number (None when it has none)."""
    text = " ".join(text.split())
    for pattern in (PAGE_AT_START, PAGE_AT_END):
        match = pattern.search(text)
        if match:
            digits = re.search(r"\d+", match.group(1))
            return (text[: match.start()] + text[match.end() :]).strip(), int(digits.group()) if digits else None
    return text, None


def _drop_running_heads(pages: list[_Page]) -> None:
    """Remove running heads and footers, and page numbers, from the pages' rows."""
    seen: dict[str, list[tuple[int, int | None]]] = defaultdict(list)
    margins = [_margin_rows(page) for page in pages]
    for number, (page, indexes) in enumerate(zip(pages, margins, strict=True)):
        for k in indexes:
            text = " ".join(" ".join(w.text for w in page.rows[k]).split())
            key, page_number = _head_key(text)
            seen[text].append((number, None))  # "Agenda item 3" on every page
            if page_number is not None:
                seen[key].append((number, page_number))  # "A/70/L.1 2", "A/70/L.1 3", …
    running = {key for key, where in seen.items() if _is_running(where, len(pages))}
    for page, indexes in zip(pages, margins, strict=True):
        outer = {0, len(page.rows) - 1} if page.rows else set()
        drop = set()
        for k, row in enumerate(page.rows):
            text = " ".join(" ".join(w.text for w in row).split())
            margin = k in indexes or (k in outer and _in_band(row, page))
            if (margin and PAGE_ONLY.fullmatch(text)) or (k in indexes and running & {text, _head_key(text)[0]}):
                drop.add(k)
        page.rows = [row for k, row in enumerate(page.rows) if k not in drop]


def _is_running(where: list[tuple[int, int | None]], pages: int) -> bool:
    """A text in the margin of at least half the pages (two at least), any page number in it rising with the page."""
    on = {page for page, _ in where}
    if len(on) < max(2, (pages + 1) // 2):
        return False
    offsets = {number - page for page, number in where if number is not None}
    return len(offsets) <= 1


# --- columns and reading order -----------------------------------------------------------------------------


def _reading_order(page: _Page, number: int) -> list[_Line]:
    """The page's lines in reading order: a two-column stretch left column first, rows crossing the gutter in place."""
    gutter = _gutter(page.rows)
    if gutter is None:
        return [_Line(row, number, "S") for row in page.rows]
    centre, half = gutter
    lines: list[_Line] = []
    left: list[_Line] = []
    right: list[_Line] = []
    for row in page.rows:
        if any(w.x0 - half < centre < w.x1 + half for w in row):
            lines += left + right + [_Line(row, number, "S")]
            left, right = [], []
            continue
        west = [w for w in row if w.x1 <= centre]
        east = [w for w in row if w.x1 > centre]
        left += [_Line(west, number, "L")] if west else []
        right += [_Line(east, number, "R")] if east else []
    return lines + left + right


def _gutter(rows: list[list[_Word]]) -> tuple[float, float] | None:
    """The middle of a vertical gutter through at least 80% of the rows, and half its least width; None if none."""
    words = [w for row in rows for w in row]
    if len(rows) < 4:
        return None
    half = max(12.0, 1.2 * statistics.median(w.size for w in words)) / 2
    start, end = min(w.x0 for w in words), max(w.x1 for w in words)
    lo, hi = int(start + 0.25 * (end - start)), int(start + 0.75 * (end - start))
    if hi <= lo:
        return None
    crossing = [0] * (hi - lo + 2)  # per point from lo: how many rows have a word within `half` of it
    for row in rows:
        for a, b in _merged((w.x0 - half, w.x1 + half) for w in row):
            first, last = max(lo, int(a) + 1), min(hi, int(b))
            if first <= last:
                crossing[first - lo] += 1
                crossing[last - lo + 1] -= 1
    counts = [0] * (hi - lo + 1)
    total = 0
    for k in range(hi - lo + 1):
        total += crossing[k]
        counts[k] = total
    least = min(counts)
    if least > 0.2 * len(rows):
        return None
    best = _longest_run([k for k, count in enumerate(counts) if count == least])
    centre = lo + (best[0] + best[-1]) / 2
    both = sum(1 for row in rows if row[0].x1 < centre - half and row[-1].x0 > centre + half)
    return (centre, half) if both >= 3 else None


def _merged(intervals: Iterable[tuple[float, float]]) -> list[tuple[float, float]]:
    merged: list[tuple[float, float]] = []
    for a, b in sorted(intervals):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _longest_run(points: list[int]) -> list[int]:
    runs: list[list[int]] = []
    for k in points:
        if runs and k == runs[-1][-1] + 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    return max(runs, key=len)


# --- paragraphs ------------------------------------------------------------------------------------------


def _layout(lines: list[_Line]) -> _Layout:
    """The body's size and line pitch, each column's right edge and the words, over the file."""
    if not lines:
        return _Layout(10.0, 12.0, {})
    sizes = sorted(size for line in lines for size in [line.size] * len(line.text))
    body = sizes[len(sizes) // 2]
    steps = [
        b.base - a.base
        for a, b in zip(lines, lines[1:], strict=False)
        if a.page == b.page and a.key == b.key and abs(a.size - body) < 0.5 and abs(b.size - body) < 0.5
        if 0 < b.base - a.base < 3 * body
    ]
    pitch = sorted(steps)[len(steps) // 5] if steps else 1.2 * body  # low: most steps may cross paragraphs
    ends: dict[str, list[float]] = defaultdict(list)
    for line in lines:
        ends[line.key].append(line.x1)
    edges = {key: _edge(values) for key, values in ends.items()}
    words = {w.text.lower().strip(PUNCTUATION) for line in lines for w in line.words}
    return _Layout(body, pitch, edges, words)


def _edge(ends: list[float]) -> float:
    """A column's right edge: where its longest lines end, less the 3% that end furthest out (a wide table, a note)."""
    return sorted(ends)[-(len(ends) // 30) - 1]


def _starts_block(prev: _Line, line: _Line, layout: _Layout) -> bool:
    """Whether `line` starts a new block rather than continuing `prev`'s."""
    if abs(line.size - prev.size) > 0.1 * layout.body or line.bold != prev.bold:
        return True
    if line.page == prev.page and line.key == prev.key:
        expected = layout.pitch * max(line.size, prev.size) / layout.body
        if line.base - prev.base > expected + 0.25 * layout.body or line.base < prev.base:
            return True
    room = layout.edges.get(prev.key, prev.x1) - prev.x1
    first = line.words[0]
    if room > (first.x1 - first.x0) + 0.3 * line.size:
        return True  # the first word would have fitted on the line above: that one ended its paragraph
    return bool(LABEL.match(line.text)) and bool(ENDS_CLAUSE.search(prev.text)) and not NUMBER_SERIES.search(prev.text)


def _join(text: str, line: str, words: set[str]) -> str:
    """A block's text with the next line added; a line ending in a hyphen after a letter is joined without a space.

    The hyphen is dropped ("nego-" + "tiated") when the next line starts in lowercase, unless the file
    holds the word with its hyphen ("self-determination") or both halves as words and not the whole
    ("eighty-" + "second"). A soft hyphen is always dropped; a suspended hyphen keeps its space.
    """
    if text.endswith("\u00ad"):
        return text[:-1] + line
    match = HYPHENATED.search(text)
    if match is None or ocr.suspended(line):
        return f"{text} {line}"  # a suspended hyphen ('gender-' + 'and age-sensitive') keeps its space
    head, tail = match.group(1).lower(), re.match(r"\w*", line).group().lower()
    if not line[:1].islower() or f"{head}-{tail}" in words or ({head, tail} <= words and head + tail not in words):
        return text + line  # "Secretary-" + "General", "self-" + "determination": the hyphen is the word's
    return text[:-1] + line


def _blocks(lines: list[_Line], layout: _Layout, source: str) -> list[Block]:
    """Lines joined into blocks by the paragraph rules; `line` counts the kept lines over the file."""
    groups: list[tuple[int, list[_Line]]] = []
    for count, line in enumerate(lines, start=1):
        if not groups or _starts_block(groups[-1][1][-1], line, layout):
            groups.append((count, []))
        groups[-1][1].append(line)
    blocks = []
    for count, group in groups:
        text = group[0].text
        for line in group[1:]:
            text = _join(text, line.text, layout.words)
        text = " ".join(text.split())
        check_characters(text, source, line=count)
        blocks.append(Block(text=text, line=count, heading=_heading(group, layout)))
    return blocks


def _heading(group: list[_Line], layout: _Layout) -> int:
    """1 for a block set clearly larger than the body, 2 for one or two lines all in bold, else 0."""
    if group[0].size >= 1.15 * layout.body:
        return 1
    return 2 if len(group) <= 2 and all(line.bold for line in group) else 0
