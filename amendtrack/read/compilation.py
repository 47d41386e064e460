"""Read a compilation of delegations' inputs (the facilitators' side-by-side table, as text) into proposals.

The compilation repeats each paragraph of the draft on the left and lists every
delegation's input on the right; OCR reads the two columns interleaved. The reader
works by general rules, with the base draft's own tree as its map, in five steps:

1. clean the OCR'd lines: page furniture, running headers and the facilitators' Word
   balloons ("Deleted: role") are blanked, so they never become inputs
   (`compilation_rows.compilation_lines`);
2. cut the compilation into rows, each starting at a base paragraph's label and opening
   words, in draft order (`compilation_rows.cut_into_rows`);
3. split each row into delegations' inputs, following the base paragraph's own text word
   by word so its lines interleaved among the inputs are not taken for one
   (`compilation_inputs.split_row`);
4. find the paragraph each input is about (`input_paragraph`) and read what it asks, by
   the forms negotiators write: delete, "Replace “X” with “Y”", "Add, after “X”, “Y”",
   "Redraft as follows:", PP5bis, moves, merges, splits, comments (`input_grammar`),
   or a restatement diffed against the base (`restatement`), struck-through words taken
   out (`strikethrough`);
5. apply each proposal to its base paragraph (`input_reading.read_input`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from amendtrack.errors import InputError
from amendtrack.model.proposal import Proposal
from amendtrack.model.tree import Draft, Paragraph
from amendtrack.read import ocr
from amendtrack.read.compilation_context import BLOCK_KINDS, Compilation
from amendtrack.read.compilation_inputs import Input, split_row
from amendtrack.read.compilation_rows import Line, ParagraphRow, compilation_lines, cut_into_rows, opens_row
from amendtrack.read.input_reading import read_input

if TYPE_CHECKING:
    from amendtrack.model.delegation import Registry

__all__ = ["BLOCK_KINDS", "read_compilation_file", "read_compilation_text"]


def read_compilation_file(path: Path | str, base: Draft, registry: Registry) -> list[Proposal]:
    """Read a compilation of inputs (text) on `base` into proposals; bad input raises InputError."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    return read_compilation_text(ocr.decode_text(data, str(path)), base, registry, source=str(path))


def read_compilation_text(text: str, base: Draft, registry: Registry, source: str = "<text>") -> list[Proposal]:
    """Proposals from the text of a compilation of inputs on the draft `base`."""
    ocr.check_text(text, source)
    compilation = Compilation.start(text, base, registry, source)
    rows, compilation.missing = cut_into_rows(compilation_lines(text, registry), compilation.row_paragraphs, registry)
    proposals = [
        proposal
        for row in rows
        for an_input in split_row(row, registry)
        for proposal in read_input(an_input, compilation)
    ]
    if not proposals:
        raise InputError(source, "no delegation inputs found: is this a compilation of inputs on this draft?")
    return proposals


class _Compilation:
    """The steps above under the names the Word reader (`amendtrack.read.word`) calls them by.

    The Word reader cuts its table into rows itself, then splits and reads each row with
    these steps; it can call `split_row` and `read_input` directly instead, and this goes.
    """

    def __init__(self, text: str, base: Draft, registry: Registry, source: str) -> None:
        self.compilation = Compilation.start(text, base, registry, source)

    @property
    def missing(self) -> dict[int, list[Paragraph]]:
        return self.compilation.missing

    @missing.setter
    def missing(self, value: dict[int, list[Paragraph]]) -> None:
        self.compilation.missing = value

    def _base_nodes(self) -> list[Paragraph]:
        return self.compilation.row_paragraphs

    def _starts(self, line: str, node: Paragraph) -> bool:
        return opens_row(line, node)

    def _entries(self, node: Paragraph, lines: list[Line]) -> list[Input]:
        return split_row(ParagraphRow(node, lines), self.compilation.registry)

    def _interpret(self, entry: Input) -> list[Proposal]:
        return read_input(entry, self.compilation)
