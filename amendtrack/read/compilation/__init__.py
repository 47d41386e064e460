"""Read a compilation of delegations' inputs (the facilitators' side-by-side table, as text) into proposals.

The compilation repeats each paragraph of the draft on the left and lists every
delegation's input on the right; OCR reads the two columns interleaved. The reader
works by general rules, with the base draft's own tree as its map, in five steps:

1. clean the OCR'd lines: page furniture, running headers and the facilitators' Word
   balloons ("Deleted: role") are blanked, so they never become inputs
   (`rows.compilation_lines`);
2. cut the compilation into rows, each starting at a base paragraph's label and opening
   words, in draft order (`rows.cut_into_rows`);
3. split each row into delegations' inputs, following the base paragraph's own text word
   by word so its lines interleaved among the inputs are not taken for one
   (`inputs.split_row`);
4. find the paragraph each input is about (`targets`) and read what it asks, by
   the forms negotiators write: delete, "Replace “X” with “Y”", "Add, after “X”, “Y”",
   "Redraft as follows:", PP5bis, moves, merges, splits, comments (`grammar`),
   or a restatement diffed against the base (`restatement`), words carried on from a place
   or pieces quoted between ellipses (`fragments`), struck-through words taken out
   (`strikethrough`); an input being read is a `request.Request`;
5. apply each proposal to its base paragraph (`reading.read_input`);
6. read each delegation's inputs together: a 'delete' that carries out its own plan to merge the
   paragraph into another is a merge (`plans`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from amendtrack.errors import InputError
from amendtrack.model.proposal import Proposal
from amendtrack.model.tree import Draft
from amendtrack.read import ocr
from amendtrack.read.compilation.context import BLOCK_KINDS, Compilation
from amendtrack.read.compilation.inputs import attribute_lost_labels, split_row
from amendtrack.read.compilation.plans import merge_plans, moves_said_twice
from amendtrack.read.compilation.reading import read_input
from amendtrack.read.compilation.rows import compilation_lines, cut_into_rows
from amendtrack.read.limits import MAX_TEXT_BYTES, check_characters, read_within_limit

if TYPE_CHECKING:
    from amendtrack.model.delegation import Registry

__all__ = ["BLOCK_KINDS", "read_compilation_file", "read_compilation_text"]


def read_compilation_file(path: Path | str, base: Draft, registry: Registry) -> list[Proposal]:
    """Read a compilation of inputs (text) on `base` into proposals; bad input raises InputError."""
    data = read_within_limit(path, MAX_TEXT_BYTES, "a text file")
    return read_compilation_text(ocr.decode_text(data, str(path)), base, registry, source=str(path))


def read_compilation_text(text: str, base: Draft, registry: Registry, source: str = "<text>") -> list[Proposal]:
    """Proposals from the text of a compilation of inputs on the draft `base`."""
    check_characters(text, source, line=1)
    ocr.check_text(text, source)
    compilation = Compilation.start(text, base, registry, source)
    rows, compilation.missing = cut_into_rows(compilation_lines(text, registry), compilation.row_paragraphs, registry)
    inputs = [split_row(row, registry, lost_labels=True) for row in rows]
    attribute_lost_labels(inputs)
    proposals = [proposal for row in inputs for an_input in row for proposal in read_input(an_input, compilation)]
    if not proposals:
        raise InputError(source, "no delegation inputs found: is this a compilation of inputs on this draft?")
    merge_plans(proposals, base)
    return moves_said_twice(proposals)
