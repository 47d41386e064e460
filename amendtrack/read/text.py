"""Read a UN draft in plain text (often OCR'd) into a paragraph tree.

Handles General Assembly resolutions with an annex (PP1…, operative 1…, annex
chapeau, sections I–IV, sub-paragraphs (a)…, bullets) and reports
("Recommendation N", numbered paragraphs, sections I./A.), by general rules:

* page furniture (page numbers, running headers, symbols), Word balloons and
  footnotes are taken out of the flow before paragraphs are cut;
* a label is believed only when it fits the numbering around it, so "1956," at
  a line start is text and "L." where 1 is due is paragraph 1;
* labels stacked away from their text ("17." "18." … then the texts) are matched
  to the paragraphs that follow, and a paragraph whose label was lost keeps its
  text under a position-derived label, flagged ``label_inferred``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from amendtrack.errors import InputError
from amendtrack.model.tree import Bracket, Draft, Marker, Paragraph
from amendtrack.read import ocr

Line = tuple[int, str]  # (1-based line number in the file, text)

BALLOON = "\x00BALLOON:"
FOOTNOTE = "\x00FOOTNOTE:"

# --- label and heading shapes ----------------------------------------------------

_SUFFIX = r"(?P<suf>bis|ter|quater|quinquies)?"
_PP = re.compile(rf"^\s*PP\s*\.?\s*(?P<n>\d{{1,2}})\s*{_SUFFIX}\b\s*[.:]?(?P<rest>(?:\s+\S.*)?)$")
_NUM = re.compile(rf"^\s*(?P<tok>\d{{1,3}}|[LlIS]\d{{0,2}}|\d{{1,2}}[lLIS])\s?{_SUFFIX}\s*(?P<p>[.,])(?P<rest>.*)$")
_SUB = re.compile(r"^\s*(?:[-•]\s+)?(?:[({\[](?P<a>[a-z@©¢])(?:\)|0|\})|(?P<b>[a-z¢])[.)])\s+(?P<rest>\S.*)$")
_ROMAN_HEADING = re.compile(r"^\s*(?P<r>[IVXLl1]{1,5})\s*[.\-]?\s+(?P<t>[A-Z“\"(].*)$")
_LETTER_HEADING = re.compile(r"^\s*(?P<l>[A-H])\.\s+(?P<t>[A-Z“\"(].*)$")
_ANNEX = re.compile(r"^\s*(?:ANNEX|Annex)\b\s*[:.]?\s*(?P<t>.*)$")
_RECOMMENDATION = re.compile(r"^\s*Recommendation\s+(?P<n>\d{1,3})\s*$")
_BULLET = re.compile(r"^\s*(?P<g>[•·«»=!*\-–]|<\+|<|e|o|\.)\s+(?P<rest>[A-Za-z“\"(].*)$")
_NOTE_BLOCK = re.compile(r"^\s*\[\s*(New Proposals?|NOTE|Note)\b", re.I)
_FOOTNOTE_RULE = re.compile(r"^\s*_{5,}\s*$")
_FOOTNOTE_LINE = re.compile(r"^\s*(?P<m>\*|\d{1,2})\s{2,}(?P<t>\S.*)$")
_UNCLOSED_MARKER = re.compile(r"\[\s*(formerly|merged with(?: paragraph)?)\s*$", re.I)

_EDITORIAL = [
    ("formerly", re.compile(r"\[\s*formerly\s+(?P<ref>[^\[\]]+?)\s*\]", re.I)),
    ("merged", re.compile(r"\[\s*merged\s+with\s+(?P<ref>[^\[\]]+?)\s*\]", re.I)),
    ("deleted", re.compile(r"\[\s*paragraph\s+deleted\s*\]", re.I)),
    # the lookahead first checks the bracket closes, so each "[" costs one scan to its end (no backtracking)
    (
        "forthcoming",
        re.compile(r"\[(?=[^\[\]]*+\])[^\[\]]*?\b(?:forthcoming|new proposals?\s+by)\b[^\[\]]*+\]", re.I),
    ),
    ("note", re.compile(r"\[\s*(?:language from|source:|based on|note:|taken from|agreed language)[^\[\]]*\]", re.I)),
]


@dataclass
class _Label:
    series: str  # pp, num, sub, rec
    number: int
    suffix: str = ""
    letter: str = ""
    printed: str = ""
    rest: str = ""


@dataclass
class _Unit:
    role: str  # top, sub, item, numitem, heading, annex, chapeau, note
    series: str | None  # numbering series of a top unit: pp, op, annex, report, rec
    lines: list[Line] = field(default_factory=list)
    label: _Label | None = None
    container: _Unit | None = None  # heading, annex, or the paragraph a sub/item belongs to
    markers: list[Marker] = field(default_factory=list)
    bullet: bool = False
    heading_level: int = 0  # 1 section (I.), 2 subsection (A.)
    heading_key: str = ""
    final_label: str | None = None
    inferred: bool = False
    node: Paragraph | None = None


@dataclass
class _Stack:
    """A label printed on its own line, waiting for its text."""

    label: _Label
    line: int
    series: str


def read_text_file(path: str | Path) -> Draft:
    """Read a draft from a text file; bad input raises InputError naming the file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    text = ocr.decode_text(data, str(path))
    return read_draft_text(text, source=str(path))


def read_draft_text(text: str, source: str | None = None) -> Draft:
    """Read a draft from text into a paragraph tree."""
    name = source or "<text>"
    ocr.check_text(text, name)
    return _Reader(text, name).read()


class _Reader:
    def __init__(self, text: str, source: str):
        self.source = source
        raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.raw_lines = [ocr.clean_line(line) for line in raw]
        self.vocab = ocr.vocabulary(text)
        self.events: list[_Unit | _Stack] = []
        self.footnote_marks: set[str] = set()

    # --- pass 1: lines ------------------------------------------------------------

    def _lines(self) -> tuple[list[str], list[Line]]:
        lines = ocr.collapse_double_spacing(self.raw_lines)
        numbered: list[Line] = [(i + 1, line) for i, line in enumerate(lines) if line != ocr.SOFT]
        start = self._body_start(numbered)
        preface = [" ".join(line.split()) for _, line in numbered[:start] if line]
        body = self._take_footnotes(numbered[start:])
        title = ocr.title_tokens(preface)
        texts = [line for _, line in body]
        repeated = ocr.repeated_lines(texts)
        cleaned: list[Line] = []
        for i, (no, line) in enumerate(body):
            isolated = (i == 0 or not body[i - 1][1]) and (i + 1 == len(body) or not body[i + 1][1])
            if line and (
                ocr.is_furniture(line)
                or (isolated and not self._structural(line) and ocr.is_running_header(line, title))
                or (isolated and " ".join(line.split()) in repeated)
            ):
                line = ""
            cleaned.append((no, line))
        cleaned = self._take_balloons(cleaned)
        cleaned = self._close_split_markers(cleaned)
        return preface, cleaned

    def _structural(self, line: str) -> bool:
        return bool(
            _PP.match(line)
            or _RECOMMENDATION.match(line)
            or (_NUM.match(line) and ocr.ocr_number(_NUM.match(line).group("tok")) is not None)
            or _ROMAN_HEADING.match(line)
            and ocr.ocr_roman(_ROMAN_HEADING.match(line).group("r"))
        )

    def _body_start(self, lines: list[Line]) -> int:
        """Index of the first line that starts the body: a label, a heading or a recommendation."""
        for i, (_, line) in enumerate(lines):
            if not line:
                continue
            if _PP.match(line) or _RECOMMENDATION.match(line) or _ANNEX.match(line) and line.strip().isupper():
                return i
            m = _ROMAN_HEADING.match(line)
            if m and ocr.ocr_roman(m.group("r")) and len(line) < 150 and not line.rstrip().endswith((";", ",")):
                return i
            m = _NUM.match(line)
            if m and m.group("tok").isdigit() and int(m.group("tok")) == 1 and m.group("p") == ".":
                return i
        return len(lines)

    def _take_footnotes(self, lines: list[Line]) -> list[Line]:
        """Move footnote blocks (after a rule of underscores) out of the flow."""
        out: list[Line] = []
        i = 0
        while i < len(lines):
            no, line = lines[i]
            if not _FOOTNOTE_RULE.match(line):
                out.append((no, line))
                i += 1
                continue
            out.append((no, ""))
            i += 1
            while i < len(lines) and not lines[i][1]:
                out.append((lines[i][0], ""))
                i += 1
            while i < len(lines):
                m = _FOOTNOTE_LINE.match(lines[i][1])
                if not m:
                    break
                mark, body = m.group("m"), [m.group("t")]
                out.append((lines[i][0], ""))
                i += 1
                while (
                    i < len(lines)
                    and lines[i][1]
                    and ocr.line_end_char(body[-1]) != "."
                    and not _FOOTNOTE_LINE.match(lines[i][1])
                    and not self._structural(lines[i][1])
                    and not _SUB.match(lines[i][1])
                ):
                    body.append(lines[i][1])
                    out.append((lines[i][0], ""))
                    i += 1
                self.footnote_marks.add(mark)
                out.append((no, f"{FOOTNOTE}{mark}:{ocr.join_lines(body)}"))
        return out

    def _take_balloons(self, lines: list[Line]) -> list[Line]:
        """Word balloons ('- { Deleted: role') become facilitator edits, never paragraph text."""
        out: list[Line] = []
        i = 0
        while i < len(lines):
            no, line = lines[i]
            m = ocr.BALLOON_START.match(line) if line and not line.startswith("\x00") else None
            if m:
                text = [m.group("text")]
                i += 1
                while i < len(lines) and lines[i][1] and not self._structural(lines[i][1]):
                    text.append(lines[i][1])
                    i += 1
                out.append((no, f"{BALLOON}{m.group('what')}:{ocr.balloon_text(' '.join(text))}"))
                continue
            m = ocr.BALLOON_INLINE.search(line) if line and not line.startswith("\x00") else None
            if m and m.start("at") > 0:
                out.append((no, line[: m.start("at")]))
                out.append((no, f"{BALLOON}{m.group('what')}:{ocr.balloon_text(m.group('text'))}"))
            else:
                out.append((no, line))
            i += 1
        return out

    def _close_split_markers(self, lines: list[Line]) -> list[Line]:
        """Join '[Formerly' with the label OCR put on a later line ('PP8'), closing the bracket."""
        out = list(lines)
        for i, (no, line) in enumerate(out):
            if not line or not _UNCLOSED_MARKER.search(line):
                continue
            for j in range(i + 1, min(i + 5, len(out))):
                nxt = out[j][1].strip()
                if not nxt:
                    continue
                if len(nxt) <= 12 and re.fullmatch(r"(PP|OP)?\s*\.?\s*\d{1,3}\s*(bis|ter)?\]?", nxt, re.I):
                    out[i] = (no, f"{line} {nxt.rstrip(']')}]")
                    out[j] = (out[j][0], "")
                break
        return out

    # --- pass 2: units ---------------------------------------------------------------

    def read(self) -> Draft:
        preface, lines = self._lines()
        self.mode = "resolution" if any(_PP.match(line) for _, line in lines if line) else "report"
        self.part = "preamble" if self.mode == "resolution" else "report"
        lengths = sorted(len(line.strip()) for _, line in lines if line and not line.startswith("\x00"))
        if not lengths:
            raise InputError(self.source, "no paragraphs found: this does not look like a draft")
        typical = lengths[int(0.75 * (len(lengths) - 1))]
        self.short = 0.6 * typical  # a last line this short ends its paragraph
        self.full = 0.8 * typical  # a bullet's last line shorter than this ends the bullet
        self.last: dict[str, int] = {}
        self.used: dict[str, set[tuple[int, str]]] = {}
        self.section: _Unit | None = None
        self.subsection: _Unit | None = None
        self.annex: _Unit | None = None
        self.current: _Unit | None = None
        self.top: _Unit | None = None  # the paragraph sub-paragraphs and items attach to
        self.sub_next: str | None = None
        self.numlist: dict | None = None
        self.pending_rec: _Label | None = None
        self.pending_markers: list[Marker] = []
        gap = True
        for no, line in lines:
            if not line:
                gap = True
                continue
            if line.startswith(BALLOON):
                what, _, text = line[len(BALLOON) :].partition(":")
                self._attach(Marker("facilitator_edit", text, ref=what.lower()))
                continue
            if line.startswith(FOOTNOTE):
                mark, _, text = line[len(FOOTNOTE) :].partition(":")
                self._attach(Marker("footnote", text, ref=mark))
                continue
            self._line(no, line, gap)
            gap = False
        self._close()
        if not any(isinstance(e, _Unit) and e.role in ("top", "chapeau") for e in self.events):
            raise InputError(self.source, "no paragraphs found: this does not look like a draft")
        if self.pending_markers:  # a note or balloon after the last paragraph stays with the last node, not lost
            last = next(e for e in reversed(self.events) if isinstance(e, _Unit))
            last.markers.extend(self.pending_markers)
            self.pending_markers = []
        self._reconcile()
        return Draft(paragraphs=self._build(), preface=preface, source=self.source)

    def _attach(self, marker: Marker) -> None:
        if self.current is not None and self.current.role != "heading":
            self.current.markers.append(marker)
        else:
            self.pending_markers.append(marker)

    def _line(self, no: int, line: str, gap: bool) -> None:
        stripped = line.strip()
        m = _RECOMMENDATION.match(line)
        if m:
            self._close()
            self.pending_rec = _Label("rec", int(m.group("n")), printed=stripped)
            return
        m = _ANNEX.match(line)
        if m and (stripped.split()[0].isupper() or stripped[5:6] in (":", "")) and len(stripped) < 150:
            self._open_annex(no, line, printed=True)
            return
        label = self._label(line)
        if label is not None:
            if label.series == "sub":
                self._start(_Unit("sub", None, [(no, label.rest)], label, container=self.top), no)
                self.sub_next = chr(ord(label.letter) + 1)
                return
            if label.series == "numitem":
                unit = _Unit("numitem", None, [(no, label.rest)], label, container=self.numlist["parent"])
                self._start(unit, no)
                self.top = unit
                self.sub_next = None
                return
            series = self._series_for(label)
            self._use(series, label)
            if not label.rest.strip():
                self.events.append(_Stack(label, no, series))
                return
            self._start(_Unit("top", series, [(no, label.rest)], label, container=self._container()), no)
            return
        heading = self._heading(line)
        if heading is not None:
            self._close()
            self.events.append(heading)
            self.current = heading
            heading.lines.append((no, line))
            return
        if self.current is not None and not gap and not self._bullet_breaks(line):
            self.current.lines.append((no, line))
            return
        if self.current is not None and self._continues(self.current, line):
            self.current.lines.append((no, line))
            return
        self._new_unlabelled(no, line)

    def _label(self, line: str) -> _Label | None:
        """A label at the start of the line that fits the numbering around it, or None."""
        m = _PP.match(line)
        if m:
            n, suf = int(m.group("n")), (m.group("suf") or "")
            if self._plausible("pp", n, suf):
                printed = line.strip()[: len(line.strip()) - len(m.group("rest").strip())].strip()
                return _Label("pp", n, suf, printed=printed, rest=m.group("rest").strip())
        m = _NUM.match(line)
        if m:
            n = ocr.ocr_number(m.group("tok"))
            rest = m.group("rest")
            ok_rest = not rest.strip() or (
                (rest[:1].isspace() or rest[:1].isupper() or rest[:1] in '[“"')
                and not rest.strip()[:1].isdigit()
                and (m.group("p") == "." or rest.strip()[:1].isupper())
                and (m.group("tok").isdigit() or rest.strip()[:1].isupper() or not rest.strip())
            )
            if not any(ch.isdigit() for ch in m.group("tok")) and rest.strip():
                ok_rest = False  # "I. Introduction" is a heading; a lone "L." is a stacked 1
            if n is not None and ok_rest:
                suf = m.group("suf") or ""
                printed = f"{m.group('tok')}{suf}{m.group('p')}"
                series = self._num_series()
                if self._plausible(series, n, suf) and not self._starts_numlist(n):
                    return _Label("num", n, suf, printed=printed, rest=rest.strip())
                if self.numlist and n == self.numlist["next"] or self._starts_numlist(n):
                    if self._starts_numlist(n):
                        self.numlist = {"parent": self.top, "next": 1}
                    self.numlist["next"] = n + 1
                    return _Label("numitem", n, suf, printed=printed, rest=rest.strip())
        m = _SUB.match(line)
        if m and self.top is not None:
            letter = ocr.ocr_letter(m.group("a") or m.group("b"))
            if letter and self._sub_plausible(letter):
                printed = line.strip()[: len(line.strip()) - len(m.group("rest"))].strip()
                return _Label("sub", 0, letter=letter, printed=printed, rest=m.group("rest"))
        return None

    def _starts_numlist(self, n: int) -> bool:
        """A '1.' under a paragraph ending in ':' where 1 cannot be the next paragraph: a numbered list."""
        if n != 1 or self.top is None or self.current is None:
            return False
        if self.numlist and self.numlist["parent"] is self.top:
            return False
        series = self._num_series()
        return self.last.get(series, 0) > 1 and ocr.line_end_char(self.current.lines[-1][1]) == ":"

    def _sub_plausible(self, letter: str) -> bool:
        previous = self.current.lines[-1][1] if self.current and self.current.lines else ""
        if letter == "a":
            return ocr.line_end_char(previous) in (":", ";", ".", "") or self.current is self.top
        if self.sub_next is None:
            return False
        expected = self.sub_next
        return letter == expected or letter == chr(ord(expected) - 1) or expected < letter <= chr(ord(expected) + 1)

    def _num_series(self) -> str:
        if self.mode == "report":
            return "report"
        if self.part == "annex":
            return "annex"
        return "op"

    def _series_for(self, label: _Label) -> str:
        if label.series == "pp":
            self.part = "preamble" if self.part == "preamble" else self.part
            return "pp"
        series = self._num_series()
        if series == "op" and self.part == "preamble":
            self.part = "operative"
        if series == "op" and label.number == 1 and self.last.get("op", 0) >= 1 and label.suffix == "":
            self._open_annex(None, None, printed=False)
            series = "annex"
        return series

    def _plausible(self, series: str, n: int, suffix: str) -> bool:
        if series == "op" and self.part == "preamble" and self.mode == "resolution":
            last = 0
        elif series == "op" and self.last.get("op", 0) >= 1 and n == 1 and not suffix:
            return not self.used.get("annex")  # numbering restarts: the annex
        else:
            last = self.last.get(series, 0)
        if (n, suffix) in self.used.get(series, set()):
            return False
        return last - 4 <= n <= last + 6 if last else 1 <= n <= 6

    def _use(self, series: str, label: _Label) -> None:
        self.used.setdefault(series, set()).add((label.number, label.suffix))
        self.last[series] = max(self.last.get(series, 0), label.number)
        self.top = None
        self.sub_next = None
        self.numlist = None

    def _heading(self, line: str) -> _Unit | None:
        stripped = line.strip()
        if len(stripped) > 200 or stripped.endswith((";", ",")):
            return None
        m = _ROMAN_HEADING.match(line)
        if m:
            value = ocr.ocr_roman(m.group("r"))
            last = self.section.heading_level and int(self.section.heading_key) if self.section else 0
            if value and (value == last + 1 or (last == 0 and value <= 5)):
                unit = _Unit("heading", None, heading_level=1, heading_key=str(value))
                unit.label = _Label("heading", value, printed=m.group("r"), rest=m.group("t"))
                unit.container = self.annex
                self.section, self.subsection = unit, None
                self._reset_lists()
                return unit
        m = _LETTER_HEADING.match(line)
        if m and self.mode == "report":
            letter = m.group("l")
            last = self.subsection.heading_key if self.subsection else ""
            if (not last and letter <= "E") or (last and last < letter <= chr(ord(last) + 2)):
                unit = _Unit("heading", None, heading_level=2, heading_key=letter)
                unit.label = _Label("heading", 0, letter=letter, printed=f"{letter}.", rest=m.group("t"))
                unit.container = self.section
                self.subsection = unit
                self._reset_lists()
                return unit
        return None

    def _reset_lists(self) -> None:
        self.top = None
        self.sub_next = None
        self.numlist = None

    def _open_annex(self, no: int | None, line: str | None, printed: bool) -> None:
        self._close()
        unit = _Unit("annex", None)
        if line is not None and no is not None:
            unit.lines.append((no, line))
        unit.label = _Label("heading", 0, printed="ANNEX" if printed else "", rest="")
        unit.inferred = not printed
        self.events.append(unit)
        self.annex = unit
        self.part = "annex"
        self.section = self.subsection = None
        self._reset_lists()

    def _container(self) -> _Unit | None:
        return self.subsection or self.section or self.annex

    def _start(self, unit: _Unit, no: int) -> None:
        self._close()
        if self.pending_markers:
            unit.markers.extend(self.pending_markers)
            self.pending_markers = []
        self.events.append(unit)
        self.current = unit
        if unit.role == "top":
            self.top = unit

    def _close(self) -> None:
        unit = self.current
        self.current = None
        if unit is not None and unit.role == "note":
            text = ocr.join_lines([line for _, line in unit.lines])
            self.events.remove(unit)
            for kind, pattern in _EDITORIAL:
                if pattern.search(text):
                    self.pending_markers.append(Marker(kind, text))
                    break
            else:
                self.pending_markers.append(Marker("note", text))

    def _continues(self, unit: _Unit, line: str) -> bool:
        """Whether a block after a blank line carries on the paragraph before it."""
        if unit.role in ("heading", "annex", "note"):
            return False
        previous = _strip_editorial(unit.lines[-1][1])
        if not _strip_editorial(" ".join(text for _, text in unit.lines)).strip():
            return False  # a placeholder such as "43. [Merged with paragraph 42]"
        end = ocr.line_end_char(previous)
        lower = _first_alpha(line).islower()
        if _BULLET.match(line) or _NOTE_BLOCK.match(line):
            return False
        if end in ".;:?!":
            return False
        if end == ",":
            if unit.series == "pp" or unit.role == "item":
                return lower and not self._in_list(unit)
            return True
        if len(previous.strip()) < self.short:
            return False
        if unit.role == "item" and lower and len(previous.strip()) < self.full:
            return False
        return True

    def _bullet_breaks(self, line: str) -> bool:
        """A bullet glyph at a line start opens a new item when a list is under way."""
        if not _BULLET.match(line) or self.current is None or self.current.role not in ("top", "item"):
            return False
        end = ocr.line_end_char(self.current.lines[-1][1])
        return self.current.role == "item" and end in ",;." or end == ":"

    def _in_list(self, unit: _Unit) -> bool:
        """Whether lower-case blocks after this unit are items of a list."""
        if unit.role == "item":
            return True
        previous = _strip_editorial(unit.lines[-1][1])
        end = ocr.line_end_char(previous)
        return end == ":" or (end.isalnum() and len(previous.strip()) < self.short)

    def _new_unlabelled(self, no: int, line: str) -> None:
        if _NOTE_BLOCK.match(line):
            self._close()
            unit = _Unit("note", None, [(no, line)])
            self.events.append(unit)
            self.current = unit
            return
        bullet = _BULLET.match(line)
        text = bullet.group("rest") if bullet else line
        if self.pending_rec is not None:
            label, self.pending_rec = self.pending_rec, None
            self._start(_Unit("top", "rec", [(no, text)], label, container=self._container()), no)
            return
        chapeau = self.top if self.top is not None and self.top.role in ("top", "numitem") else None
        previous = self.current
        if chapeau is not None and previous is not None and (bullet or _first_alpha(text).islower()):
            if previous.role == "item" or (previous is chapeau and self._in_list(previous)):
                unit = _Unit("item", None, [(no, text)], container=chapeau, bullet=bool(bullet))
                self._start(unit, no)
                self.top = chapeau
                return
        if self.part == "operative" and text.lstrip().startswith("We,"):
            self._open_annex(None, None, printed=False)
        if (
            self.part == "annex"
            and not self.used.get("annex")
            and self.section is None
            and not any(isinstance(e, _Stack) and e.series == "annex" for e in self.events)
        ):
            self._start(_Unit("chapeau", None, [(no, text)], container=self.annex), no)
            self.top = self.current
            return
        series = "pp" if self.part == "preamble" else self._num_series()
        self._start(_Unit("top", series, [(no, text)], None, container=self._container(), bullet=bool(bullet)), no)
        self.sub_next = None
        self.numlist = None

    # --- pass 3: labels lost or stacked away from their text ----------------------------

    def _reconcile(self) -> None:
        for series in ("pp", "op", "annex", "report"):
            entries = [
                e
                for e in self.events
                if (isinstance(e, _Stack) and e.series == series)
                or (isinstance(e, _Unit) and e.role == "top" and e.series == series)
            ]
            self._reconcile_series(series, entries)

    def _reconcile_series(self, series: str, entries: list[_Unit | _Stack]) -> None:
        used = {(e.label.number, e.label.suffix) for e in entries if e.label is not None}
        anchor: _Label | None = None
        interval: list[_Unit | _Stack] = []
        for entry in entries + [None]:  # type: ignore[list-item]
            if entry is None or (isinstance(entry, _Unit) and entry.label is not None):
                following = entry.label if entry is not None else None
                self._fill(series, anchor, following, interval, used)
                anchor, interval = (entry.label if entry is not None else None), []
            else:
                interval.append(entry)

    def _fill(
        self,
        series: str,
        before: _Label | None,
        after: _Label | None,
        interval: list[_Unit | _Stack],
        used: set[tuple[int, str]],
    ) -> None:
        stacks = [e.label for e in interval if isinstance(e, _Stack)]
        units = [e for e in interval if isinstance(e, _Unit)]
        if not units:
            return
        low = before.number + 1 if before else 1
        high = after.number - 1 if after and (not before or after.number > before.number) else None
        expected = list(range(low, high + 1)) if high is not None else []
        stack_numbers = [(s.number, s.suffix) for s in stacks]
        if len(stacks) == len(units):
            for unit, label in zip(units, stacks, strict=True):
                unit.label = label
            return
        if len(expected) == len(units) and all(s in {(n, "") for n in expected} for s in stack_numbers):
            printed = {s.number: s for s in stacks}
            for unit, n in zip(units, expected, strict=True):
                if n in printed:
                    unit.label = printed[n]
                else:
                    unit.label = _Label("pp" if series == "pp" else "num", n)
                    unit.inferred = True
            return
        queue = list(stacks)
        previous = before
        for unit in units:
            if queue:
                unit.label = queue.pop(0)
            else:
                candidate = (previous.number + 1 if previous else 1, "")
                if candidate not in used and (after is None or candidate[0] < after.number):
                    unit.label = _Label("pp" if series == "pp" else "num", candidate[0])
                    unit.inferred = True
                else:
                    unit.inferred = True
                    unit.final_label = "after"
                    unit.label = None
            if unit.label is not None:
                used.add((unit.label.number, unit.label.suffix))
                previous = unit.label

    # --- pass 4: the tree ---------------------------------------------------------------

    def _build(self) -> list[Paragraph]:
        roots: list[Paragraph] = []
        eids: set[str] = set()
        last_label: dict[str, str] = {}
        after_counts: dict[str, int] = {}
        item_counts: dict[int, int] = {}
        next_free: dict[str, int] = {}  # eid → the first suffix not tried yet (linear time however many repeats)
        for event in self.events:
            if not isinstance(event, _Unit):
                continue
            unit = event
            text, markers, brackets = self._text(unit)
            parent = unit.container.node if unit.container is not None else None
            label, eid, kind, num = self._naming(unit, parent, last_label, after_counts, item_counts)
            base, n = eid, next_free.get(eid, 2)
            while eid in eids:
                eid, n = f"{base}_{n}", n + 1
                next_free[base] = n
            eids.add(eid)
            lines = [no for no, _ in unit.lines]
            node = Paragraph(
                label=label,
                kind=kind,
                text=text,
                eid=eid,
                num=num,
                label_inferred=unit.inferred,
                markers=markers,
                brackets=brackets,
                line_start=min(lines) if lines else None,
                line_end=max(lines) if lines else None,
            )
            unit.node = node
            (parent.children if parent is not None else roots).append(node)
            if unit.role == "top" and unit.series and unit.label is not None:
                last_label[unit.series] = label
        return roots

    def _naming(
        self,
        unit: _Unit,
        parent: Paragraph | None,
        last_label: dict[str, str],
        after_counts: dict[str, int],
        item_counts: dict[int, int],
    ) -> tuple[str, str, str, str | None]:
        prefix = f"{parent.eid}__" if parent is not None and unit.role in ("sub", "item", "numitem") else ""
        in_annex = (
            "annex__" if self.annex is not None and unit.container is not None and self._under_annex(unit) else ""
        )
        label = unit.label
        if unit.role == "annex":
            return "Annex", "annex", "heading", (label.printed or None) if label else None
        if unit.role == "heading":
            assert label is not None
            if unit.heading_level == 1:
                roman = ocr.to_roman(label.number)
                return roman, f"{in_annex}sec_{roman}", "heading", label.printed
            section = unit.container.node if unit.container is not None and unit.container.node else None
            full = f"{section.label}.{label.letter}" if section else label.letter
            base = f"{section.eid}__" if section else ""
            return full, f"{base}subsec_{label.letter}", "heading", label.printed
        if unit.role == "chapeau":
            return "Chapeau", f"{in_annex}intro", "chapeau", None
        if unit.role == "item":
            assert parent is not None
            count = item_counts.get(id(parent), 0) + 1
            item_counts[id(parent)] = count
            return f"{parent.label} bullet {count}", f"{prefix}item_{count}", "item", None
        if unit.role == "numitem":
            assert parent is not None and label is not None
            return f"{parent.label}({label.number})", f"{prefix}item_{label.number}", "item", label.printed
        if unit.role == "sub":
            assert parent is not None and label is not None
            return f"{parent.label}({label.letter})", f"{prefix}subpara_{label.letter}", "subparagraph", label.printed
        series = unit.series or "report"
        if label is None:
            previous = last_label.get(series, "")
            count = after_counts.get(previous, 0) + 1
            after_counts[previous] = count
            name = f"after {previous}" if count == 1 else f"after {previous} ({count})"
            safe = re.sub(r"\W+", "_", previous.lower()) or "start"
            return name, f"{in_annex}para_{safe}_after_{count}", _KIND[series], None
        num = label.printed or None
        if series == "pp":
            return f"PP{label.number}{label.suffix}", f"pp_{label.number}{label.suffix}", "preamble", num
        if series == "op":
            return f"OP{label.number}{label.suffix}", f"op_{label.number}{label.suffix}", "operative", num
        if series == "rec":
            return f"Recommendation {label.number}", f"rec_{label.number}", "recommendation", num
        ident = f"{label.number}{label.suffix}"
        return ident, f"{in_annex}para_{ident}", _KIND[series], num

    def _under_annex(self, unit: _Unit) -> bool:
        container = unit.container
        while container is not None:
            if container.role == "annex":
                return True
            container = container.container
        return False

    def _text(self, unit: _Unit) -> tuple[str, list[Marker], list[Bracket]]:
        if unit.role in ("heading", "annex"):
            assert unit.label is not None
            lines = [unit.label.rest] + [line for _, line in unit.lines[1:]]
            if unit.role == "annex":
                m = _ANNEX.match(unit.lines[0][1]) if unit.lines else None
                lines = [m.group("t")] if m else []
        else:
            lines = [line for _, line in unit.lines]
        text = ocr.join_lines(lines, self.vocab)
        text = re.sub(r"(?<=[;:,.])\s+[‘’'`|]+$", "", text)  # stray glyphs after the final punctuation
        markers = list(unit.markers)
        text, found = extract_markers(text)
        markers = found + markers
        text, footnotes = self._footnote_refs(text)
        markers.extend(Marker("footnote", "", ref=mark) for mark in footnotes)
        return text, markers, find_brackets(text)

    def _footnote_refs(self, text: str) -> tuple[str, list[str]]:
        """Footnote digits OCR fused to a year ('October 20112' = 2011 + footnote 2)."""
        found: list[str] = []

        def cut(m: re.Match) -> str:
            if m.group(2) in self.footnote_marks:
                found.append(m.group(2))
                return m.group(1)
            return m.group(0)

        def cut_after_punctuation(m: re.Match) -> str:
            return cut(m)

        text = re.sub(r"\b((?:19|20)\d\d)(\d)\b", cut, text)
        return re.sub(r"(?<=[a-z])([.,;:])(\d)(?=\s|$)", cut_after_punctuation, text), found


_KIND = {"pp": "preamble", "op": "operative", "annex": "operative", "report": "paragraph", "rec": "recommendation"}


def _first_alpha(text: str) -> str:
    for ch in text:
        if ch.isalpha():
            return ch
    return ""


def _strip_editorial(text: str) -> str:
    for _, pattern in _EDITORIAL:
        text = pattern.sub("", text)
    return text.rstrip()


def extract_markers(text: str) -> tuple[str, list[Marker]]:
    """Take the draft's own editorial markers out of a paragraph's text, as structured data."""
    spans: list[tuple[int, int, Marker]] = []
    for kind, pattern in _EDITORIAL:
        for m in pattern.finditer(text):
            if any(s <= m.start() < e for s, e, _ in spans):
                continue
            ref = m.groupdict().get("ref")
            spans.append((m.start(), m.end(), Marker(kind, m.group(0), ref=marker_ref(ref) if ref else None)))
    for start, end, _ in sorted(spans, key=lambda s: -s[0]):
        text = text[:start] + text[end:]
    markers = [marker for _, _, marker in sorted(spans, key=lambda s: s[0])]
    text = re.sub(r"\s+([,;.])", r"\1", " ".join(text.split()))
    return text, markers


def marker_ref(ref: str) -> str:
    """'paragraph 42' → '42', 'PP 12' → 'PP12'."""
    ref = re.sub(r"^(paragraph|para\.?)\s*", "", ref.strip(), flags=re.I)
    return re.sub(r"\s+", "", ref).replace(".", "").upper().replace("BIS", "bis").replace("TER", "ter")


def find_brackets(text: str) -> list[Bracket]:
    """Square-bracketed negotiating text with its alternatives ('[as set out in / as outlined in]')."""
    brackets: list[Bracket] = []
    for m in re.finditer(r"\[([^\[\]]*)(\]|$)", text):
        inner = m.group(1)
        alternatives = [part.strip() for part in re.split(r"\s+/\s+|\s*/\s*(?=\D)", inner) if part.strip()]
        if len(alternatives) < 2:
            alternatives = [inner.strip()] if inner.strip() else []
        brackets.append(Bracket(m.start(), m.end(), m.group(0), alternatives, closed=m.group(2) == "]"))
    return brackets
