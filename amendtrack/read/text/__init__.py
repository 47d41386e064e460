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

The steps, each in its own module:

1. `lines.clean_lines`: the lines, cleaned of page furniture, footnotes and balloons, the preface apart;
2. `cutting.cut_into_units`: each line's label recognised (`recognise`, `labels`) and the lines
   cut into paragraphs, sub-paragraphs, items, headings and the annex;
3. `scopes.scope_restarted_numbering`: where numbering restarts in each section, the heading each
   paragraph counts under; `reconcile.reconcile_lost_labels`: stacked and lost labels given back to their paragraphs;
4. `paragraphs.build_paragraphs`: the tree, with texts, markers, brackets (`markers`), labels and eIds.
"""

from __future__ import annotations

from pathlib import Path

from amendtrack.model.tree import Draft
from amendtrack.read import ocr
from amendtrack.read.limits import MAX_TEXT_BYTES, check_characters, read_within_limit
from amendtrack.read.text.cutting import cut_into_units
from amendtrack.read.text.lines import BALLOON, FOOTNOTE, DraftLines, clean_lines
from amendtrack.read.text.markers import extract_markers, find_brackets, marker_ref
from amendtrack.read.text.paragraphs import build_paragraphs
from amendtrack.read.text.reconcile import reconcile_lost_labels
from amendtrack.read.text.scopes import scope_restarted_numbering

__all__ = [
    "BALLOON",
    "FOOTNOTE",
    "extract_markers",
    "find_brackets",
    "ocr_text",
    "marker_ref",
    "read_draft_lines",
    "read_draft_text",
    "read_text_file",
]


def read_text_file(path: str | Path) -> Draft:
    """Read a draft from a text file; bad input raises InputError naming the file."""
    return read_draft_text(ocr_text(path), source=str(path))


def ocr_text(path: str | Path, data: bytes | None = None) -> str:
    """A text file's text, decoded (UTF-8, UTF-16 or a legacy code page), read within the text limit."""
    if data is None:
        data = read_within_limit(path, MAX_TEXT_BYTES, "a text file")
    return ocr.decode_text(data, str(path))


def read_draft_text(text: str, source: str | None = None) -> Draft:
    """Read a draft from text into a paragraph tree."""
    name = source or "<text>"
    check_characters(text, name, line=1)
    ocr.check_text(text, name)
    return read_draft_lines(clean_lines(text), name)


def read_draft_lines(lines: DraftLines, source: str, blocks_run_on: bool = True) -> Draft:
    """The paragraph tree of a draft's cleaned lines: the steps every reader of drafts shares.

    `blocks_run_on`: whether a block after a blank line may carry on the paragraph before it
    (in plain text it may; in Word a paragraph ends at its mark).
    """
    reading = cut_into_units(lines.body, source, blocks_run_on, lines.headings)
    scope_restarted_numbering(reading.events)
    reconcile_lost_labels(reading.events)
    paragraphs = build_paragraphs(reading.events, reading.annex is not None, lines.vocab, lines.footnote_marks)
    return Draft(paragraphs=paragraphs, preface=lines.preface, source=source)
