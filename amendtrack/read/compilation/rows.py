"""A compilation's lines, cleaned of page noise, and cut into one row per paragraph of the base draft.

The facilitators' table repeats each base paragraph on the left and the inputs on it on the
right. Each row is found by its paragraph's label and opening words, in draft order; a row
runs to the next one found. Paragraphs the compilation has no row for are noted: their
inputs sit in the row before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from amendtrack.model.tree import Paragraph, normalise_label
from amendtrack.read import ocr
from amendtrack.read.compilation.wording import words_of

if TYPE_CHECKING:
    from amendtrack.model.delegation import Registry

Line = tuple[int, str]  # a line of the compilation: its number in the file (from 1) and its text

BASE_LABEL = re.compile(
    r"^\s*(?:PP\s*\.?\s*\d+\s*(?:bis|ter)?|OP\s*\.?\s*\d+|[0-9LlIS]{1,3}\s*(?:bis|ter)?|[IVX1l]{1,4})\s*[.,:]?\s+(?=\S)"
)


@dataclass
class ParagraphInputs:
    """One row of the compilation: a base paragraph and the lines from its opening words to the next row."""

    paragraph: Paragraph
    lines: list[Line]


def compilation_lines(text: str, registry: Registry) -> list[Line]:
    """The compilation's numbered lines, with page furniture, running headers and Word balloons blanked."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [(k + 1, ocr.clean_line(line)) for k, line in enumerate(raw)]
    repeated = ocr.repeated_lines([line for _, line in lines])
    out: list[Line] = []
    in_balloon = False
    for no, line in lines:
        if not line:
            in_balloon = False
            out.append((no, ""))
            continue
        labelled = registry.match_label(line) is not None
        numbered = BASE_LABEL.match(line) is not None and any(c.isdigit() for c in line[:6])
        if (in_balloon and not labelled and not numbered) or ocr.BALLOON_START.match(line):
            in_balloon = True  # a balloon runs to the next blank line, delegation's name or numbered paragraph
            out.append((no, ""))
            continue
        in_balloon = False
        out.append((no, _without_page_noise(line, labelled, repeated)))
    return out


def _without_page_noise(line: str, labelled: bool, repeated: set[str]) -> str:
    """A line without a balloon at its end, or nothing when it is page furniture or a running header."""
    inline = ocr.BALLOON_INLINE.search(line)
    if inline and inline.start("at") > 0:
        line = line[: inline.start("at")]
    header = " ".join(line.split()) in repeated and not labelled
    if ocr.is_furniture(line) or header:  # a delegation's input is never a running header
        return ""
    return line


def cut_into_rows(
    lines: list[Line], paragraphs: list[Paragraph], registry: Registry
) -> tuple[list[ParagraphInputs], dict[int, list[Paragraph]]]:
    """The rows found, in draft order, and for each found paragraph the next ones that have no row.

    Each paragraph is looked for after the row before it, so a restatement of an earlier
    paragraph cannot be taken for its row.
    """
    found: list[tuple[Paragraph, int]] = []
    missing: dict[int, list[Paragraph]] = {}
    at = 0
    for paragraph in paragraphs:
        start = _row_start(lines, at, paragraph, registry)
        if start is None:
            if found:
                missing.setdefault(id(found[-1][0]), []).append(paragraph)
            continue
        found.append((paragraph, start))
        at = start + 1
    if not found:
        return [], missing
    ends = [start for _, start in found[1:]] + [len(lines)]  # a row runs to the next one found
    rows = [ParagraphInputs(paragraph, lines[start:end]) for (paragraph, start), end in zip(found, ends, strict=True)]
    return rows, missing


def _row_start(lines: list[Line], at: int, paragraph: Paragraph, registry: Registry) -> int | None:
    """The index of the first line from `at` that opens the paragraph's row (never a delegation's input)."""
    for k in range(at, len(lines)):
        line = lines[k][1]
        if line and registry.match_label(line) is None and opens_row(line, paragraph):
            return k
    return None


def opens_row(line: str, paragraph: Paragraph) -> bool:
    """Whether a compilation line opens the row of a base paragraph (its label, then its first words)."""
    m = BASE_LABEL.match(line)
    if m and paragraph.kind != "heading" and not _label_fits(m.group(0), paragraph):
        return False
    rest = line[m.end() :] if m else line
    want = words_of(paragraph.text)[:7]
    have = words_of(rest)[: len(want)]
    numbered = m is not None and own_number(m.group(0), paragraph)  # "60. Promoting cooperation between"
    if len(want) < 3 or len(have) < min(3 if numbered else 4, len(want)):
        return False
    same = sum(1 for a, b in zip(want, have, strict=False) if a == b)
    return same >= len(have) - (0 if len(have) < 4 else 1) and same >= 3


def own_number(printed: str, paragraph: Paragraph) -> bool:
    """The paragraph's own number printed before the words (not a letter the scan made of it)."""
    number = normalise_label(printed.replace(",", ".")).rstrip(".")
    return bool(number) and number[:1].isdigit() and number == normalise_label(paragraph.label)


def _label_fits(printed: str, paragraph: Paragraph) -> bool:
    """Whether a label printed at a line's start can be the paragraph's ('PP.2', '22,'; OCR'd ones like 'L.')."""
    printed = normalise_label(printed.replace(",", "."))
    wanted = normalise_label(paragraph.label).removeprefix("op")
    if printed and printed.rstrip(".") not in (wanted, "pp" + wanted.removeprefix("pp")):
        return printed.isalpha() and len(printed) <= 2  # OCR'd label such as "L." or "S1."
    return True
