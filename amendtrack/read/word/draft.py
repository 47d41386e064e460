"""A draft in Word read into the paragraph tree the text reader gives for the same content.

Each paragraph of a view becomes one line, the label Word computes from automatic numbering put
in front of its text, footnotes after it as marker lines; the text reader's structure rules do
the rest, except that a paragraph always ends at its mark. Line numbers are 1-based paragraph
numbers in body order.
"""

from __future__ import annotations

import re
from pathlib import Path

from amendtrack.errors import InputError
from amendtrack.model.tree import Draft
from amendtrack.read import ocr
from amendtrack.read.contents import blank_contents
from amendtrack.read.structure import is_structured, read_structured, text_blocks
from amendtrack.read.text import read_draft_lines
from amendtrack.read.text.lines import FOOTNOTE, DraftLines, Line, find_body_start
from amendtrack.read.word.document import Accept, WordDocument, accept_all
from amendtrack.read.word.views import ViewParagraph, clean, view_paragraphs

_TAB_LABEL = re.compile(r"^\s*(\d{1,3}(?:bis|ter|quater|quinquies)?)\t")  # '44<tab>Ensuring': label 44
_OCR_LEAD = re.compile(r"^\s*(?P<l>(?:[LlS]|[LlIS1]\d{1,2}|\d[LlIS])[.,])\t")  # 'L.', 'S1.': OCR'd numbers
_AFTER_LEAD = re.compile(r"^\s*after [^\t]{1,24}\t")  # amendtrack's name for a paragraph whose label was lost


def read_docx_draft(path: Path | str) -> Draft:
    """Read a draft from a .docx into the paragraph tree the text reader gives for the same content.

    Every tracked change is taken as accepted (the text Word shows without markup). Labels Word
    generates from automatic numbering are computed and read as if typed; footnotes become
    `footnote` markers on the paragraph that cites them; fields and hyperlinks are their text.
    Bad or hostile files raise InputError naming the file.
    """
    draft, _ = read_tree(WordDocument(path), accept_all)
    return draft


def read_tree(doc: WordDocument, accept: Accept) -> tuple[Draft, list[ViewParagraph]]:
    """The tree of one view of the document, and the view's paragraphs (tree line numbers count them)."""
    paragraphs = view_paragraphs(doc, accept)
    preface, lines = _draft_lines(doc, paragraphs)
    lines = blank_contents(lines)
    if not any(line for _, line in lines):
        raise InputError(doc.source, "no paragraphs found: the document body is empty")
    blocks = text_blocks([(k, line) for k, line in lines if not line.startswith("\x00")])
    if is_structured(blocks):  # a treaty: Articles, or an unnumbered preamble
        draft = read_structured(blocks, doc.source)
        draft.preface = preface + draft.preface
        return draft, paragraphs
    start = find_body_start(lines)
    before = [line for _, line in lines[:start] if line and not line.startswith("\x00")]
    vocab = ocr.vocabulary("\n".join(line for _, line in lines if not line.startswith("\x00")))
    draft = read_draft_lines(DraftLines(preface + before, lines[start:], vocab), doc.source, blocks_run_on=False)
    return draft, paragraphs


def label_as_typed(raw: str) -> str:
    """A paragraph's text with Word's 'label, tab, text' written as typed: '44<tab>Ensuring' → '44. Ensuring'."""
    return clean(_TAB_LABEL.sub(r"\1. ", raw))


def _draft_lines(doc: WordDocument, paragraphs: list[ViewParagraph]) -> tuple[list[str], list[Line]]:
    """The title block, and one line per paragraph (its computed label in front) with blank lines between."""
    counter = doc.numbering.counter()
    preface: list[str] = []
    lines: list[Line] = []
    for k, paragraph in enumerate(paragraphs, start=1):
        para = doc.paras[paragraph.mark]
        label = counter.label(para, line=k)
        text = label_as_typed(_AFTER_LEAD.sub("", paragraph.text))
        if doc.is_title(para):
            if text:
                preface.append(text)
            continue
        if not text:
            continue
        lines.append((k, ""))
        stacked = _OCR_LEAD.match(paragraph.text)
        if stacked and not label:  # 'L.<tab>Consistently…': a label the text reader believes only on its own
            lines.extend([(k, stacked.group("l")), (k, ""), (k, clean(paragraph.text[stacked.end() :]))])
        else:
            lines.append((k, f"{label} {text}" if label else text))
        for note in paragraph.footnotes:
            mark = doc.footnote_marks.get(note, note)
            lines.append((k, f"{FOOTNOTE}{mark}:{doc.footnotes.get(note, '')}"))
    return preface, lines
