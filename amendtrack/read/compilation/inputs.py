"""A row of the compilation split into delegations' inputs, following the base text as it goes.

OCR reads the table's two columns interleaved, so a row mixes lines of the base paragraph
with lines of the inputs on it. The paragraph's own text is followed word by word: a line
that carries it on from where it stopped is the base, not an input, while a delegation's
restatement (which starts again from the beginning) is an input.

An input starts at a delegation's name ("Japan: …"). After a blank line, unlabelled text that
names a paragraph of its own ("OP 1bis", "Paragraph 2: delete"; a line "Paragraph 2: …" even without a
blank line before it; the row's own number, "42. To ensure …") is a further input of the
delegation before it, attributed by its place ("inferred"); other unlabelled text continues
the input before it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from amendtrack.model.tree import Paragraph
from amendtrack.model.words import STOPWORDS
from amendtrack.read import ocr
from amendtrack.read.compilation.rows import BASE_LABEL, Line, ParagraphInputs, own_number
from amendtrack.read.compilation.wording import text_with_subparagraphs, words_of

if TYPE_CHECKING:
    from amendtrack.model.delegation import Registry

LOST_RESTATED = 0.6  # share of a lost tail's words that are its row paragraph's, in order, without a closing quote
LOST_RESTATED_LEAST = 8  # … and the fewest words it has (fewer could be a remark quoting the paragraph)
_NEAR_START = 2  # words into the paragraph a restatement may start at and still be from its opening
LOST_LABEL_ROWS = 0.5  # the share of a table's rows a delegation speaks in, to be the one whose label was lost
LOST_LABEL_CONFIDENCE = 0.6  # the reader's confidence in what such an input asks: below it with any other doubt
_STRAY = re.compile(r"^\s*(?:\d{1,3}\s*[.,]?|[^\w\s]{1,3}|[a-z])\s*$")  # "52.", "o", "~"
_PART_HEADING = re.compile(r"^\s*ANNEX\b.*$|^\s*(?:I|II|III|IV|I1|I11|II1)\.\s+[A-Z][a-z]+ing\b.*$")
_RATIONALE = re.compile(r"^\s*\(rationale\)\s*", re.I)
_NAMES_PARAGRAPH = re.compile(
    r"^\s*(?:(?:New\s+)?(?:para(?:graph)?|§)\s*\.?\s*\d|(?:OP|PP)\s*\.?\s*\d|Bullet\s+\d|\(?§\s*\d|[a-z]\s*(?:bis|ter)\)"
    r"|\d{1,2}\s*\.?\s*(?:bis|ter)\b|OP\s*\d*\s*\(?[a-z]\)?\s*:)",
    re.I,
)

_NAMED_WITH_COLON = re.compile(r"^\s*(?:New\s+)?(?:para(?:graph)?|OP|PP)\s*\.?\s*\d+\w*\s*:", re.I)  # 'Paragraph 22: …'


@dataclass
class Input:
    """One delegation's input as cut from the compilation, before it is read."""

    delegation: str
    attribution: str  # "labelled" (its name opens it) or "inferred" (from its place after the one before)
    paragraph: Paragraph | None  # the base paragraph whose row it sits in
    lines: list[Line] = field(default_factory=list)
    rationale: list[str] = field(default_factory=list)
    lost: bool = False  # its label was lost with the scan: the delegation is a guess (attribute_lost_labels)

    @property
    def text(self) -> str:
        """The input's lines joined into running text (line-end hyphens mended)."""
        return ocr.join_lines([line for _, line in self.lines])


def split_row(row: ParagraphInputs, registry: Registry, lost_labels: bool = False) -> list[Input]:
    """The delegations' inputs in a row, in order, without the lines of the base text among them.

    With `lost_labels` (a scanned table), the tail of a quotation whose opening lines and label the scan
    lost is cut from the input it ran into, as an input of its own with no delegation yet
    (`attribute_lost_labels` gives it one)."""
    reader = _RowReader(row.paragraph, words_of(text_with_subparagraphs(row.paragraph)), registry, lost_labels)
    for no, line in row.lines:
        reader.read_line(no, line)
    reader.cut_lost_tail()
    return [an_input for an_input in reader.inputs if an_input.lines or an_input.rationale]


def attribute_lost_labels(rows: list[list[Input]]) -> None:
    """Give each input whose label the scan lost the delegation that speaks in the most rows of the table
    but not in its own (one that speaks in nearly every row is the likeliest to have lost its name in the
    others); drop it when no delegation stands out. The attribution is by position, as its reading says."""
    spoke = [{an_input.delegation for an_input in inputs if an_input.delegation} for inputs in rows]
    counts = Counter(name for names in spoke for name in names)
    for inputs, present in zip(rows, spoke, strict=True):
        lost = [i for i in inputs if not i.delegation]
        name = _most_present_absent(counts, present, len(rows)) if lost else None
        for an_input in lost:
            if name is None:
                inputs.remove(an_input)
            else:
                an_input.delegation = name


def _most_present_absent(counts: Counter[str], present: set[str], rows: int) -> str | None:
    """The delegation absent here that speaks in the most rows, if it is the only one to speak in that many
    and speaks in at least LOST_LABEL_ROWS of them."""
    absent = sorted(((n, name) for name, n in counts.items() if name not in present), reverse=True)
    if not absent or absent[0][0] < LOST_LABEL_ROWS * rows or (len(absent) > 1 and absent[1][0] == absent[0][0]):
        return None
    return absent[0][1]


@dataclass
class _RowReader:
    """Where reading a row has got to: how far its base text is followed, and which input is open."""

    paragraph: Paragraph
    base_words: list[str]  # the base paragraph's words, sub-paragraphs included
    registry: Registry
    lost_labels: bool = False  # look for quotation tails whose label the scan lost (see split_row)
    pointer: int = 0  # how many of the base words the row has shown so far
    gap: bool = True  # a blank line came just before (a new block may start)
    in_base: bool = True  # still in the base text, before any input
    current: Input | None = None
    inputs: list[Input] = field(default_factory=list)
    blocks: list[int] = field(default_factory=list)  # where in the open input's lines each blank line falls

    def read_line(self, no: int, line: str) -> None:
        """Take one line of the row: a blank, a delegation's label, noise, the base text or an input's text."""
        if not line:
            self.gap = True
            return
        if self._opens_labelled_input(no, line) or _STRAY.match(line):
            return  # a stray is a left-column label ("52.") or a bullet glyph left alone on its line
        if _PART_HEADING.match(line):
            self.current, self.gap = None, True  # "ANNEX: PLAN OF ACTION" closes the row's inputs
            return
        if not self._follows_base_text(line):
            self.in_base = False
            self._continue_input(no, line)

    def _opens_labelled_input(self, no: int, line: str) -> bool:
        """A delegation's name opens the line ("Japan: Delete …"): a new input."""
        label = self.registry.match_label(line, block_start=self.gap)
        if label is None:
            return False
        delegation, rest = label
        self._open(Input(delegation.name, "labelled", self.paragraph, [(no, rest)] if rest.strip() else []))
        self.in_base = False
        return True

    def _follows_base_text(self, line: str) -> bool:
        """The line is the base paragraph's own text, carrying on where the row last showed it."""
        words = words_of(line)
        advanced = _follows(self.base_words, self.pointer, words)
        # Among the inputs, only a line that continues the base exactly where it stopped is the base:
        # one that starts the paragraph again is a delegation's restatement.
        if advanced is None or not (self.in_base or _continues_base(self.base_words, self.pointer, words)):
            return False
        self.pointer = advanced
        self.gap = False
        return True

    def _continue_input(self, no: int, line: str) -> None:
        """An unlabelled line: a rationale, a further input of the same delegation, or more of the open input."""
        current, after_gap = self.current, self.gap
        self.gap = False
        if current is None:
            return  # text before any input: the base row's own remnants
        if sum(c.isalpha() for c in line) < 2 and not _closes_bracket(current, line):
            return  # debris of a balloon or bullet glyph ("< o", "T"): no word of an input
        if _bare_deletion(current) and _in_base(self.base_words, words_of(line)):
            return  # "Thailand: delete" and then the left column's text going on: not the input's
        if _RATIONALE.match(line):
            current.rationale.append(_RATIONALE.sub("", line))
        elif (after_gap or _NAMED_WITH_COLON.match(line)) and _NAMES_PARAGRAPH.match(line) and current.lines:
            self._open(Input(current.delegation, "inferred", self.paragraph, [(no, line)]))
        elif after_gap and current.lines and (restated := self._after_own_number(line)) is not None:
            self._open(Input(current.delegation, "inferred", self.paragraph, [(no, restated)]))
        elif current.rationale and after_gap:
            current.rationale.append(line)
        else:
            if after_gap:
                self.blocks.append(len(current.lines))
            current.lines.append((no, line))

    def cut_lost_tail(self) -> None:
        """Cut the open input's last blocks off when they are the tail of another delegation's quotation (the
        shortest such tail after a part whose own quotations are closed)."""
        current, starts = self.current, [at for at in self.blocks if at]
        self.blocks = []
        if not self.lost_labels or current is None:
            return
        for at in reversed(starts):
            before, block = current.lines[:at], current.lines[at:]
            said, tail = (ocr.join_lines([line for _, line in part]) for part in (before, block))
            if (_lost_tail(tail) and _quotes_paired(said)) or self._lost_restatement(said, tail):
                current.lines = before
                no, last = block[-1]
                block[-1] = (no, re.sub(r"”(?=[\s,.;]*$)", "", last))  # its quotation's close: no words of it
                self.inputs.append(Input("", "inferred", self.paragraph, block, lost=True))
                return

    def _lost_restatement(self, said: str, tail: str) -> bool:
        """A block that starts mid-sentence and runs in the row paragraph's words, after a remark in words of
        its own closed by a full stop: another delegation's restatement whose label and opening lines the
        scan lost (its closing quote lost too), not more of the remark. After a restatement, it is the same
        delegation's, going on."""
        first = next((c for c in tail if c.isalpha()), "")
        if not first.islower() or "“" in tail or not said.rstrip().endswith(".") or not _quotes_paired(said):
            return False
        words = words_of(tail)
        if len(words) < LOST_RESTATED_LEAST or self._restated(words_of(said))[0] >= LOST_RESTATED:
            return False
        share, start = self._restated(words)
        return share >= LOST_RESTATED and start > _NEAR_START  # its opening lines lost: it takes up the middle

    def _restated(self, words: list[str]) -> tuple[float, int]:
        """The share of `words` that are the row paragraph's words, in order, and where in the paragraph the
        first of them stands."""
        matcher = SequenceMatcher(None, self.base_words, words, autojunk=False)
        blocks = [b for b in matcher.get_matching_blocks() if b.size]
        if not words or not blocks:
            return 0.0, 0
        start = next((b.a for b in blocks if b.size > 1 or words[b.b].lower() not in STOPWORDS), blocks[0].a)
        return sum(b.size for b in blocks) / len(words), start  # a stray 'the' met early is no start

    def _after_own_number(self, line: str) -> str | None:
        """'42. To ensure …' after a blank line in row 42: the delegation restating the row's paragraph anew,
        after what it said about something else (the heading above, a new chapeau); the words after the
        number (it is the row's, not words of the input), else None."""
        printed = BASE_LABEL.match(line)
        return line[printed.end() :] if printed and own_number(printed.group(0), self.paragraph) else None

    def _open(self, an_input: Input) -> None:
        self.cut_lost_tail()
        self.current = an_input
        self.inputs.append(an_input)
        self.gap = False


def _closes_bracket(an_input: Input, line: str) -> bool:
    """'44)' after 'delete (idea moved to paragraph': the close of the input's open bracket, not debris."""
    said = " ".join(text for _, text in an_input.lines)
    return ")" in line and said.count("(") > said.count(")") and any(c.isdigit() for c in line)


def _lost_tail(text: str) -> bool:
    """Text that starts mid-sentence and closes a quotation it never opened: the end of an input whose
    label and first lines the scan lost ('… regional and international level by developing … destination”')."""
    first = next((c for c in text if c.isalpha()), "")
    return first.islower() and "“" not in text and text.rstrip(" ,.;").endswith("”")


def _quotes_paired(text: str) -> bool:
    """An input whose quotation marks pair up: no quotation of its own goes on into what follows."""
    return text.count("“") == text.count("”")


def _follows(base: list[str], pointer: int, words: list[str]) -> int | None:
    """The new pointer if `words` continue the base text at `pointer` (OCR-tolerant), else None."""
    if not words or pointer >= len(base):
        return None
    window = base[pointer : pointer + len(words) + 4]
    matcher = SequenceMatcher(None, window, words, autojunk=False)
    shared = sum(b.size for b in matcher.get_matching_blocks())
    if shared < max(1, 0.7 * len(words)):
        return None
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks or blocks[0].a > 3:
        return None
    return pointer + blocks[-1].a + blocks[-1].size


def _continues_base(base: list[str], pointer: int, words: list[str]) -> bool:
    """A base line interleaved among inputs: it continues the base text exactly where it stopped."""
    return pointer > 0 and len(words) >= 3 and base[pointer : pointer + 2] == words[:2]


def _bare_deletion(an_input: Input) -> bool:
    """The input so far is only 'delete' (or 'delete paragraph'): whatever it says is said."""
    return " ".join(line for _, line in an_input.lines).strip(" .;:").lower() in (
        "delete",
        "delete paragraph",
        "delete the paragraph",
        "delete whole paragraph",
    )


def _in_base(base: list[str], words: list[str]) -> bool:
    """Nearly all of a line's words are a stretch of the base paragraph, in order."""
    if len(words) < 3:
        return False
    matcher = SequenceMatcher(None, base, words, autojunk=False)
    return sum(b.size for b in matcher.get_matching_blocks()) >= 0.8 * len(words)
