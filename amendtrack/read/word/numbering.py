"""Paragraph styles and automatic numbering: the labels Word computes and prints ('12.', '(a)', 'II.').

A draft in Word often has no label in its text: Word numbers the paragraphs from numbering.xml
(abstract definitions, instances with their overrides, levels that restart) and from the
numbering a style carries. This module counts as Word does, so the reader sees the same labels
a delegate sees on the page.

Every number and every text numbering.xml sets is bounded before a label is built from it, since a
2 KB file may ask for the 10^12th Roman numeral or a level text of a million '%1': a level is 0 to
8 (Word's nine), a number printed at most MAX_NUMBER, a level text at most MAX_LEVEL_TEXT
characters, the numbers in one label at most MAX_NUMBERS_PRINTED characters. A paragraph asking for
more is refused with an InputError naming the file and the paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from lxml import etree

from amendtrack.errors import InputError
from amendtrack.read.word.package import number, w

MAX_LEVEL = 8  # levels 0 to 8: Word's nine
MAX_NUMBER = 32767  # far above any paragraph count; in Roman numerals 40 characters, in letters 1,261
MAX_LEVEL_TEXT = 255  # characters of a level's text ('%1.%2.(%3)'): far above any real one
MAX_NUMBERS_PRINTED = 100  # characters of the numbers in one label: 'II.A.12.(c)(iv)' has 8

NumberingRef = tuple[str | None, int | None]  # numId, ilvl of a w:numPr


class Numbered(Protocol):
    """What numbering needs of a paragraph: its own w:numPr and its style."""

    num: NumberingRef | None
    style: str | None


def numbering_ref(numpr: etree._Element) -> NumberingRef:
    """The numId and level of a w:numPr (of a paragraph or a style)."""
    num_id, ilvl = numpr.find(w("numId")), numpr.find(w("ilvl"))
    return (
        num_id.get(w("val")) if num_id is not None else None,
        number(ilvl.get(w("val"))) if ilvl is not None else None,
    )


# --- styles -----------------------------------------------------------------------------------------------


@dataclass
class _Style:
    id: str
    name: str
    based_on: str | None
    num: NumberingRef | None  # from the style's numPr


class Styles:
    """Paragraph styles: names (Title, Subtitle) and the numbering a style carries."""

    def __init__(self, root: etree._Element | None):
        self.styles: dict[str, _Style] = {}
        self.default: str | None = None
        for el in root.iter(w("style")) if root is not None else ():
            if el.get(w("type")) not in (None, "paragraph"):
                continue
            sid = el.get(w("styleId")) or ""
            name = el.find(w("name"))
            based = el.find(w("basedOn"))
            numpr = el.find(f"{w('pPr')}/{w('numPr')}")
            self.styles[sid] = _Style(
                sid,
                (name.get(w("val")) if name is not None else sid) or sid,
                based.get(w("val")) if based is not None else None,
                numbering_ref(numpr) if numpr is not None else None,
            )
            if el.get(w("default")) in ("1", "true", "on"):
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
        """The style's name as Word shows it ('Title'), else its id."""
        found = self.chain(style)
        return (found[0].name if found else style or "").strip()


# --- numbering definitions ----------------------------------------------------------------------------------


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart: None = after any higher level, 0 = never
    legal: bool = False
    style: str | None = None


def _level(el: etree._Element, base: _Level | None = None) -> _Level:
    """A w:lvl read over the level it overrides (or the defaults)."""
    level = _Level(**vars(base)) if base is not None else _Level()

    def val(tag: str) -> str | None:
        child = el.find(w(tag))
        return child.get(w("val")) if child is not None else None

    if val("start") is not None:
        level.start = number(val("start")) or 0
    if val("numFmt") is not None:
        level.fmt = val("numFmt") or "decimal"
    if el.find(w("lvlText")) is not None:
        level.text = val("lvlText") or ""
    if val("lvlRestart") is not None:
        level.restart = number(val("lvlRestart"))
    if el.find(w("isLgl")) is not None:
        level.legal = val("isLgl") not in ("0", "false", "off")
    if val("pStyle") is not None:
        level.style = val("pStyle")
    return level


@dataclass
class _Num:
    abstract: str
    levels: dict[int, _Level]  # the abstract definition with this instance's overrides applied
    restarts: set[int]  # levels a w:startOverride restarts on the instance's first use


class Numbering:
    """numbering.xml: abstract definitions, instances and their overrides (`source` names the file in errors)."""

    def __init__(self, root: etree._Element | None, styles: Styles, source: str | None = None):
        self.styles = styles
        self.source = source
        abstracts: dict[str, tuple[dict[int, _Level], str | None]] = {}
        for el in root.iter(w("abstractNum")) if root is not None else ():
            levels = {}
            for lvl in el.findall(w("lvl")):
                levels[number(lvl.get(w("ilvl"))) or 0] = _level(lvl)
            link = el.find(w("numStyleLink"))
            abstracts[el.get(w("abstractNumId")) or ""] = (levels, link.get(w("val")) if link is not None else None)
        instances: dict[str, tuple[str, list[etree._Element]]] = {}
        for el in root.iter(w("num")) if root is not None else ():
            ref = el.find(w("abstractNumId"))
            instances[el.get(w("numId")) or ""] = (
                ref.get(w("val")) if ref is not None else "",
                el.findall(w("lvlOverride")),
            )
        self.nums = {num_id: self._instance(abstracts, instances, num_id) for num_id in instances}

    def _instance(
        self,
        abstracts: dict[str, tuple[dict[int, _Level], str | None]],
        instances: dict[str, tuple[str, list[etree._Element]]],
        num_id: str,
    ) -> _Num:
        """One w:num: its abstract definition (through a numbering style if linked) with its overrides."""
        abstract, overrides = instances[num_id]
        levels, link = abstracts.get(abstract, ({}, None))
        if link is not None:  # a numbering style: the definition is the one its style's numId uses
            style_num = next((s.num for s in self.styles.chain(link) if s.num and s.num[0]), None)
            linked = instances.get(style_num[0] or "") if style_num else None
            if linked is not None and linked[0] != abstract:
                abstract = linked[0]
                levels = abstracts.get(abstract, ({}, None))[0]
        levels = dict(levels)
        restarts: set[int] = set()
        for override in overrides:
            ilvl = number(override.get(w("ilvl"))) or 0
            lvl = override.find(w("lvl"))
            if lvl is not None:
                levels[ilvl] = _level(lvl, levels.get(ilvl))
            start = override.find(w("startOverride"))
            if start is not None:
                levels[ilvl] = _Level(**vars(levels.get(ilvl, _Level())))
                levels[ilvl].start = number(start.get(w("val"))) or 0
                restarts.add(ilvl)
        return _Num(abstract, levels, restarts)

    def resolve(self, p: Numbered) -> tuple[_Num, int] | None:
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

    def counter(self) -> LabelCounter:
        """A fresh count, for one view of the document."""
        return LabelCounter(self)


# --- counting -------------------------------------------------------------------------------------------


class LabelCounter:
    """Word's running counts, per abstract definition, over the paragraphs of one view of a document."""

    def __init__(self, numbering: Numbering):
        self.numbering = numbering
        self.counts: dict[str, dict[int, int]] = {}
        self.used: set[int] = set()

    def label(self, p: Numbered, line: int | None = None) -> str | None:
        """The label Word prints for this paragraph ('12.', '(a)', 'II.', '•'), counting it; None if unnumbered.

        `line` (the paragraph's number) places the error when the numbering asks for more than its bounds.
        """
        found = self.numbering.resolve(p)
        if found is None:
            return None
        num, ilvl = found
        if not 0 <= ilvl <= MAX_LEVEL:
            raise self._refused(f"level {ilvl} (Word's levels are 0 to {MAX_LEVEL})", line)
        counts = self._count(num, ilvl)
        level = num.levels.get(ilvl, _Level(text=f"%{ilvl + 1}."))
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else level.start
        if level.fmt == "bullet":
            return "•"
        if level.fmt == "none":
            return None
        if len(level.text) > MAX_LEVEL_TEXT:
            raise self._refused(f"a level text of {len(level.text)} characters (at most {MAX_LEVEL_TEXT})", line)
        printed = 0  # characters of the numbers put in so far

        def value(m: re.Match[str]) -> str:
            nonlocal printed
            k = int(m.group(1)) - 1
            lvl = num.levels.get(k, _Level())
            n = counts.get(k, lvl.start)
            if n > MAX_NUMBER:
                raise self._refused(f"the number {n} (at most {MAX_NUMBER})", line)
            text = _format(n, "decimal" if level.legal else lvl.fmt)
            printed += len(text)
            if printed > MAX_NUMBERS_PRINTED:
                raise self._refused(f"numbers of over {MAX_NUMBERS_PRINTED} characters in one label", line)
            return text

        text = re.sub(r"%([1-9])", value, level.text).strip()
        return text or None

    def _refused(self, what: str, line: int | None) -> InputError:
        return InputError(self.numbering.source, f"automatic numbering asks for {what}", line=line)

    def _count(self, num: _Num, ilvl: int) -> dict[int, int]:
        """The counts of the instance's definition, restarted where Word restarts them before level ilvl counts."""
        counts = self.counts.setdefault(num.abstract, {})
        if id(num) not in self.used:
            self.used.add(id(num))
            for level in num.restarts:  # a w:startOverride restarts the list where this instance begins
                counts.pop(level, None)
        for deeper in [k for k in counts if k > ilvl]:
            restart = num.levels.get(deeper, _Level()).restart
            if restart is None or (restart != 0 and ilvl < restart):
                del counts[deeper]
        return counts


def _format(n: int, fmt: str) -> str:
    """A counter in a Word number format: decimal, roman, letters (a … z, aa …), ordinal."""
    if fmt in ("upperRoman", "lowerRoman"):
        roman = roman_numeral(n)
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


def roman_numeral(n: int) -> str:
    """n in Roman numerals, as Word writes them (MCMXC, not the OCR reader's I–XXXIX); n at most MAX_NUMBER."""
    if n > MAX_NUMBER:
        raise ValueError(f"{n} is beyond the Roman numerals Word writes (at most {MAX_NUMBER})")
    out = ""
    for value, digits in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while n >= value:
            out += digits
            n -= value
    return out
