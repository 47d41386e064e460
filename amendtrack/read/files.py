"""Which reader reads a file: drafts and inputs by their suffix, and a file's identity (its SHA-256).

Drafts: plain text (`.txt`, OCR'd or clean), Markdown (`.md`), HTML (`.html`, `.htm`, `.xhtml`), PDF
with a text layer (`.pdf`), Akoma Ntoso 3.0 (`.xml`), Word (`.docx`). Inputs on a
draft: a compilation table (`.txt`), proposals as CSV or JSON, or Word (`.docx`: tracked changes, or
a compilation table). The readers are imported when first needed: the text reader is the heaviest.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from amendtrack.errors import InputError
from amendtrack.model.tree import Draft, Paragraph
from amendtrack.read.limits import limit_for, read_within_limit

if TYPE_CHECKING:  # needed to read inputs only: a draft is read (`compare`) without loading them
    from amendtrack.compare.disposition import NodeFinder
    from amendtrack.model.delegation import Registry
    from amendtrack.model.proposal import Proposal

DRAFT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".xhtml", ".pdf", ".xml", ".docx")
INPUTS_SUFFIXES = (".txt", ".csv", ".json", ".docx")


def check_draft_suffix(path: Path) -> None:
    """Drafts are text, Markdown, HTML, PDF (with a text layer), Akoma Ntoso (.xml) or Word (.docx)."""
    suffix = path.suffix.lower()
    if suffix in INPUTS_SUFFIXES and suffix not in DRAFT_SUFFIXES:
        raise InputError(
            str(path), f"a {path.suffix} file holds inputs, not a draft (amendtrack import-inputs FILE --draft D)"
        )
    if suffix not in DRAFT_SUFFIXES:
        raise InputError(
            str(path), f"cannot read {path.suffix or 'extensionless'} drafts (expected {', '.join(DRAFT_SUFFIXES)})"
        )


def check_inputs_suffix(path: Path) -> None:
    """Inputs are a compilation table (.txt), structured proposals (.csv, .json) or Word (.docx)."""
    if path.suffix.lower() not in INPUTS_SUFFIXES:
        raise InputError(
            str(path), f"cannot read {path.suffix or 'extensionless'} inputs (expected .txt, .csv, .json or .docx)"
        )


def sha256(path: Path) -> str:
    """The SHA-256 of the file's bytes: a document's identity in the store.

    It is taken before the file is read, so a file larger than its reader reads is refused here, by
    its size, before a byte of it is read (amendtrack.read.limits).
    """
    return hashlib.sha256(read_within_limit(path, *limit_for(path))).hexdigest()


def read_draft_file(path: Path) -> Draft:
    """Read one draft file into a paragraph tree: Akoma Ntoso .xml, Word .docx, else text."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".xml":
            from amendtrack.read.akn import read_akn_file

            return read_akn_file(path)
        if suffix == ".docx":
            from amendtrack.read.word import read_docx_draft

            return read_docx_draft(path)
        if suffix in (".md", ".html", ".htm", ".xhtml", ".pdf"):
            return _read_by_blocks(path, suffix)
        from amendtrack.read.structure import read_text
        from amendtrack.read.text import ocr_text

        return read_text(ocr_text(path), str(path))
    except UnicodeDecodeError as exc:
        raise InputError(str(path), _not_utf8(exc)) from None


def _read_by_blocks(path: Path, suffix: str) -> Draft:
    """Markdown, HTML and PDF drafts: their front-end's blocks, read by the structure reader."""
    from amendtrack.read.structure import read_blocks

    if suffix == ".pdf":
        from amendtrack.read.structure.pdf import pdf_blocks

        return read_blocks(pdf_blocks(path), str(path))
    data = read_within_limit(path, *limit_for(path))
    if suffix == ".md":
        from amendtrack.read.structure.markdown import markdown_blocks
        from amendtrack.read.text import ocr_text

        return read_blocks(markdown_blocks(ocr_text(path, data), str(path)), str(path))
    from amendtrack.read.structure.html import html_blocks

    return read_blocks(html_blocks(data, str(path)), str(path))


def read_compilation(path: Path, base: Draft, registry: Registry) -> list[Proposal]:
    """Read a compilation table of inputs (.txt) against its base draft."""
    from amendtrack.read.compilation import read_compilation_file

    try:
        return read_compilation_file(path, base, registry)
    except UnicodeDecodeError as exc:
        raise InputError(str(path), _not_utf8(exc)) from None


def read_inputs_file(
    path: Path,
    base: Draft,
    registry: Registry,
    skip_invalid: bool = False,
    delegation: str | None = None,
    author_map: dict[str, str] | None = None,
) -> tuple[list[Proposal], list[str]]:
    """Read an inputs file against its base draft: the proposals, and the rows left out (with `skip_invalid`).

    For a .docx with tracked changes `delegation` attributes the whole file and `author_map`
    (Word user name → delegation) each author.
    """
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return read_compilation(path, base, registry), []
    if suffix == ".docx":  # tracked changes, or a compilation table in Word
        from amendtrack.read.word import read_docx_inputs

        return read_docx_inputs(path, base, registry, delegation, author_map), []
    from amendtrack.read.inputs_csv import read_rows_file

    indexed = _IndexedDraft(base.paragraphs, base.preface, base.source)  # every row looks a label up
    return read_rows_file(path, indexed, registry, skip_invalid=skip_invalid)


def _not_utf8(exc: UnicodeDecodeError) -> str:
    return f"not UTF-8 text ({exc.reason} at byte {exc.start})"


class _IndexedDraft(Draft):
    """The same tree, with find() answered from an index built on first use (Draft.find walks the tree).

    Reading an inputs file looks up a paragraph or two per row; the base tree does not change meanwhile.
    The answer is Draft.find's: the first node in document order with that eId, else with that label.
    """

    _finder: NodeFinder | None = None

    def find(self, label_or_eid: str) -> Paragraph | None:
        if self._finder is None:
            from amendtrack.compare.disposition import NodeFinder

            self._finder = NodeFinder(self)
        return self._finder.find(label_or_eid)
