"""Proposals that arrive as structured data (CSV, or JSON with the same keys), checked row by row.

One row is one proposal on one paragraph of the base draft. Columns:

- `delegation`: who proposes; several co-sponsors separated by `;` (any registry name).
- `paragraph`: the target paragraph's label in the base draft (`PP4`, `26`, `OP2(d)`); for
  `new_paragraph`, the new label (`PP5bis`).
- `operation`: `insert`, `delete`, `replace`, `redraft`, `new_paragraph`, `move`, `merge`,
  `split`, `comment`.
- `anchor`: insert: the words the text goes after/before; new_paragraph and move: the
  paragraph it goes after/before; merge: the paragraph(s) it merges with, `;`-separated.
- `position`: `after` (default) or `before` (insert, move; a new paragraph goes after).
- `old`: delete: the words deleted (empty: the whole paragraph); replace: the words replaced.
- `text`: insert: the words inserted; replace: the new words; redraft, new_paragraph: the
  whole text; merge, split: the resulting text (optional).
- `rationale`: why (optional; required for `comment`).

`delegation`, `paragraph` and `operation` are required columns; the others may be left out.
Every problem is reported with its row (CSV: the header is row 1; JSON: items count from 1),
and a file with problems yields nothing unless the caller asks to skip invalid rows. Cells that
look like spreadsheet formulas (`=…`, `+SUM(…)`, `@cmd|…`) are refused, never stored.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from amendtrack.errors import InputError
from amendtrack.model.delegation import Registry
from amendtrack.model.proposal import OPERATIONS, Edit, Proposal, Source, Sponsor, apply
from amendtrack.model.tree import Draft, Paragraph
from amendtrack.read import ocr
from amendtrack.read.limits import MAX_TEXT_BYTES, NOT_TEXT, not_a_character, read_within_limit

COLUMNS = ("delegation", "paragraph", "operation", "anchor", "position", "old", "text", "rationale")
REQUIRED_COLUMNS = ("delegation", "paragraph", "operation")
SUFFIXES = (".csv", ".json")
MAX_PROBLEMS_SHOWN = 20
MAX_DIGITS = 30  # a whole number in JSON: far above any paragraph number or count
MAX_ROWS = 200_000  # proposals in one file: far above any real compilation, and each costs memory and time

# Which optional cells each operation needs (required) and may use (allowed).
_NEEDS: dict[str, tuple[str, ...]] = {
    "insert": ("anchor", "text"),
    "delete": (),
    "replace": ("old", "text"),
    "redraft": ("text",),
    "new_paragraph": ("anchor", "text"),
    "move": ("anchor",),
    "merge": ("anchor",),
    "split": (),
    "comment": ("rationale",),
}
_USES: dict[str, tuple[str, ...]] = {
    "insert": ("anchor", "position", "text"),
    "delete": ("old",),
    "replace": ("old", "text"),
    "redraft": ("text",),
    "new_paragraph": ("anchor", "position", "text"),
    "move": ("anchor", "position"),
    "merge": ("anchor", "text"),
    "split": ("text",),
    "comment": (),
}
_WHOLE_TEXT = ("redraft", "new_paragraph", "merge", "split")  # operations whose `text` is the resulting text

# A cell a spreadsheet would run: "=…" always; "+", "-", "@" when followed by a function call,
# a DDE link (cmd|…), a sheet or cell reference, arithmetic, or another trigger. Text that merely
# starts with "- " (a bullet) or "+ " stays text.
FORMULA = re.compile(
    r"""^[\s\x00-\x1f]*(?:
        =
      | [+\-@] (?: [=+\-@]
                 | [A-Za-z_][\w.]*[(|!]
                 | \$?[A-Za-z]{1,3}\$?\d+\b
                 | [\d.]+\s*[-+*/^&<>=]
                 | \S*\|
                 | ["(] )
    )""",
    re.VERBOSE,
)


@dataclass
class _Row:
    """One record of the file: its number, its cells by column, and itself as text (the verbatim)."""

    number: int
    cells: dict[str, Any]
    text: str


def read_rows_file(
    path: Path | str, base: Draft, registry: Registry | None = None, skip_invalid: bool = False
) -> tuple[list[Proposal], list[str]]:
    """Read a .csv or .json file of proposals against `base`: (proposals, problems of skipped rows).

    Raises InputError listing every problem with its row unless `skip_invalid` is set, in which
    case the valid rows come back with the problems of the others. Proposals are applied to
    their base paragraph (resulting text, or the reason they could not be applied).
    """
    path = Path(path)
    data = read_within_limit(path, MAX_TEXT_BYTES, "a text file")
    return read_rows(data, str(path), base, registry, skip_invalid, source_name=path.name)


def read_rows(
    data: bytes,
    file: str,
    base: Draft,
    registry: Registry | None = None,
    skip_invalid: bool = False,
    source_name: str | None = None,
) -> tuple[list[Proposal], list[str]]:
    """Like read_rows_file, from bytes; `file` names it in errors (its suffix picks CSV or JSON)."""
    registry = registry or Registry.load()
    suffix = Path(file).suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(file, f"cannot read {suffix or 'extensionless'} files as inputs (expected .csv or .json)")
    text = decode(data, file)
    unit = "item" if suffix == ".json" else "row"
    rows, found = (_json_rows if suffix == ".json" else _csv_rows)(text, file)
    if not rows and not found:
        raise InputError(file, "no proposals in the file")
    if len(rows) > MAX_ROWS:
        raise InputError(file, f"{len(rows):,} {unit}s of proposals: more than one file may hold ({MAX_ROWS:,})")

    proposals: list[Proposal] = []
    for row in rows:
        proposal, row_problems = _proposal_of_row(row, base, registry, source_name or Path(file).name)
        found.extend((row.number, problem) for problem in row_problems)
        if proposal is not None and not row_problems:
            proposals.append(proposal)
    found.sort(key=lambda problem: problem[0])
    problems = [f"{unit} {number}: {message}" for number, message in found]
    if problems and (not skip_invalid or not proposals):  # a file with no valid row is an error either way
        shown = problems[:MAX_PROBLEMS_SHOWN]
        more = f"; … and {len(problems) - len(shown)} more" if len(problems) > len(shown) else ""
        count = f"{len(problems)} problem{'' if len(problems) == 1 else 's'}"
        raise InputError(file, f"{count}: {'; '.join(shown)}{more}", line=found[0][0] if unit == "row" else None)
    return proposals, problems


def decode(data: bytes, file: str) -> str:
    """Text as the draft reader takes it: UTF-8 (a BOM is allowed), UTF-16 with a BOM, else cp1252 (Latin-1 too).

    Binary files (NUL bytes, magic numbers) and files above MAX_TEXT_BYTES are refused; no lone surrogate
    comes through (see ocr.decode_text).
    """
    nul = data.find(b"\x00")
    if nul >= 0 and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(file, "not a text file (contains NUL bytes)", line=data.count(b"\n", 0, nul) + 1)
    return ocr.decode_text(data, file)


# --- CSV and JSON records ---------------------------------------------------------------------


def _check_columns(names: list[str]) -> list[str]:
    """Problems with a header (or a JSON object's keys): unknown, repeated or missing columns."""
    problems = []
    unknown = [name for name in names if name not in COLUMNS]
    if unknown:
        problems.append(
            f"unknown column{'s' if len(unknown) > 1 else ''} "
            f"{', '.join(repr(_excerpt(n)) for n in unknown)} (expected: {', '.join(COLUMNS)})"
        )
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        problems.append(f"column{'s' if len(repeated) > 1 else ''} {', '.join(repeated)} given twice")
    missing = [name for name in REQUIRED_COLUMNS if name not in names]
    if missing:
        problems.append(f"missing required column{'s' if len(missing) > 1 else ''} {', '.join(missing)}")
    return problems


def _delimiter(first_line: str) -> str:
    """Comma, unless the header is clearly written with semicolons or tabs (spreadsheet exports)."""
    for delimiter in (",", ";", "\t"):
        names = [cell.strip().casefold() for cell in first_line.split(delimiter)]
        if len(names) > 1 and all(name in COLUMNS for name in names):
            return delimiter
    return ","


def _csv_rows(text: str, file: str) -> tuple[list[_Row], list[tuple[int, str]]]:
    """The data rows of a CSV file (numbered as a spreadsheet numbers them) and header problems."""
    delimiter = _delimiter(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[list[str]] = []
    try:
        records.extend(reader)
    except csv.Error as exc:
        raise InputError(file, f"row {len(records) + 1}: not valid CSV ({exc})", line=len(records) + 1) from None
    if not records:
        raise InputError(file, "empty file (expected a header row: " + ", ".join(COLUMNS) + ")")
    if any(FORMULA.match(cell) for cell in records[0]):
        raise InputError(file, "row 1: the header holds a spreadsheet formula", line=1)
    header = [cell.strip().casefold() for cell in records[0]]
    header_problems = _check_columns(header)
    if header_problems:
        raise InputError(file, "row 1: " + "; ".join(header_problems), line=1)
    rows: list[_Row] = []
    problems: list[tuple[int, str]] = []
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue  # a blank row
        if len(record) > len(header):
            extra = [cell for cell in record[len(header) :] if cell.strip()]
            if extra:
                problems.append((number, f"{len(record)} cells but the header has {len(header)} columns"))
                continue
        cells = {name: (record[i] if i < len(record) else "") for i, name in enumerate(header)}
        out = io.StringIO()
        csv.writer(out, delimiter=delimiter, lineterminator="").writerow(record)
        rows.append(_Row(number, cells, out.getvalue()))
    return rows, problems


def _json_rows(text: str, file: str) -> tuple[list[_Row], list[tuple[int, str]]]:
    """The items of a JSON list of objects (numbered from 1) and the problems of their keys."""
    try:
        data = json.loads(text, parse_int=_whole_number)
    except json.JSONDecodeError as exc:
        raise InputError(file, f"not valid JSON ({exc.msg} at line {exc.lineno})", line=exc.lineno) from None
    except ValueError as exc:  # from _whole_number
        raise InputError(file, f"not valid proposals ({exc})") from None
    except RecursionError:  # lists in lists, thousands deep: the decoder gives up
        raise InputError(file, "not valid proposals (lists or objects nested thousands deep)") from None
    if not isinstance(data, list):
        raise InputError(file, "expected a JSON list of objects with the keys " + ", ".join(COLUMNS))
    rows: list[_Row] = []
    problems: list[tuple[int, str]] = []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            problems.append((number, "not an object"))
            continue
        cells, item_problems = _item_cells(item)
        if item_problems:
            problems.extend((number, problem) for problem in item_problems)
            continue
        rows.append(_Row(number, {name: cells.get(name, "") for name in COLUMNS}, json.dumps(item, ensure_ascii=False)))
    return rows, problems


def _whole_number(digits: str) -> int:
    """A JSON whole number, at most MAX_DIGITS long: a longer one is no paragraph number (and slow to convert)."""
    if len(digits) > MAX_DIGITS:
        raise ValueError(f"a number {len(digits)} digits long, at most {MAX_DIGITS}")
    return int(digits)


def _item_cells(item: dict[str, Any]) -> tuple[dict[str, str], list[str]]:
    """A JSON item's cells by column (lists of delegations or anchors joined with ';'), and its problems.

    JSON escapes can spell what no text file holds: a NUL ("\\u0000") or a lone surrogate ("\\ud800")
    in a key or a value is a problem of the item, as in any reader (amendtrack.read.limits).
    """
    names = [str(key).strip().casefold() for key in item]
    problems = _check_columns(names)
    bad = next((found for found in map(NOT_TEXT.search, names) if found), None)
    if bad is not None:
        problems.append(f"a key holds {not_a_character(bad.group())}")
    cells: dict[str, str] = {}
    for name, value in zip(names, item.values(), strict=True):
        if value is None:
            value = ""
        elif isinstance(value, bool) or not isinstance(value, str | int | list):
            problems.append(f"{_column(name)} must be text")
            continue
        elif isinstance(value, int):
            value = str(value)
        elif isinstance(value, list):
            if name not in ("delegation", "anchor") or not all(isinstance(v, str) for v in value):
                problems.append(f"{_column(name)} must be text")
                continue
            value = ";".join(value)
        bad = NOT_TEXT.search(value)
        if bad is not None:
            problems.append(f"{_column(name)} holds {not_a_character(bad.group())}")
        cells[name] = value
    return cells, problems


def _column(name: str) -> str:
    """A column's name for a message: as it is when known, quoted and escaped when not."""
    return name if name in COLUMNS else repr(_excerpt(name))


# --- one row → one proposal -------------------------------------------------------------------


def _excerpt(value: str, limit: int = 60) -> str:
    """A cell as it may appear in a one-line message: one line, shortened."""
    value = " ".join(str(value).split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


@dataclass
class _Target:
    """Where a row's proposal goes: its paragraph in the base draft, a new label, the other paragraphs named."""

    paragraph: Paragraph | None = None
    new_label: str | None = None
    related: list[str] = field(default_factory=list)


def _proposal_of_row(row: _Row, base: Draft, registry: Registry, file: str) -> tuple[Proposal | None, list[str]]:
    """The proposal a row describes, or the problems that stop it.

    The checks run in the order a reader of the row would: formulas, the delegation, the
    operation (without a known one, nothing more can be checked), the cells it needs and
    uses, then the paragraph.
    """
    formulas = [name for name in COLUMNS if FORMULA.match(str(row.cells.get(name, "")))]
    if formulas:
        return None, [f"{name} looks like a spreadsheet formula (refused)" for name in formulas]
    cells = {name: str(row.cells.get(name, "")).strip() for name in COLUMNS}
    problems: list[str] = []
    sponsors = _row_sponsors(cells["delegation"], registry, problems)
    operation = _row_operation(cells["operation"], problems)
    if operation is None:
        return None, problems
    position = cells["position"].casefold() or "after"
    problems.extend(_cell_problems(operation, cells, position))
    target = _row_target(operation, cells, position, base, problems)
    if problems:
        return None, problems
    paragraph = target.paragraph
    proposal = Proposal(
        operation=operation,
        paragraph=paragraph.label if paragraph is not None else None,
        sponsors=[Sponsor(name, "labelled", row.text, Source(file, row.number, row.number)) for name in sponsors],
        edits=_row_edits(operation, cells, position),
        text=cells["text"] if operation in _WHOLE_TEXT and cells["text"] else None,
        new_label=target.new_label,
        related=target.related,
        rationale=cells["rationale"] or None,
        pid=paragraph.pid if paragraph is not None else None,
    )
    apply(proposal, paragraph.text if paragraph is not None else None)
    return proposal, []


def _row_sponsors(cell: str, registry: Registry, problems: list[str]) -> list[str]:
    """The delegations of the `delegation` cell (`;`-separated), by their registry names, each once."""
    names = [name.strip() for name in cell.split(";") if name.strip()]
    if not names:
        problems.append("missing delegation")
    sponsors: list[str] = []
    for name in names:
        delegation = registry.resolve(name)
        if delegation is None:
            problems.append(f"unknown delegation {_excerpt(name)!r}")
        elif delegation.name not in sponsors:
            sponsors.append(delegation.name)
    return sponsors


def _row_operation(cell: str, problems: list[str]) -> str | None:
    """The operation a row names ('new paragraph', 'New-Paragraph' → 'new_paragraph'), or None if it names none."""
    operation = cell.casefold().replace(" ", "_").replace("-", "_")
    if not operation:
        problems.append("missing operation")
        return None
    if operation not in OPERATIONS:
        problems.append(f"unknown operation {_excerpt(cell)!r} (expected one of: {', '.join(OPERATIONS)})")
        return None
    return operation


def _cell_problems(operation: str, cells: dict[str, str], position: str) -> list[str]:
    """Cells the operation needs but the row leaves empty, cells it fills that the operation does not use,
    and a position that is neither 'after' nor 'before'."""
    problems = [f"missing {name} for {operation}" for name in _NEEDS[operation] if not cells[name]]
    problems += [
        f"{name} is not used by {operation}"
        for name in ("anchor", "position", "old", "text")
        if cells[name] and name not in _USES[operation]
    ]
    if cells["position"] and position not in ("after", "before"):
        problems.append(f"position must be 'after' or 'before', not {_excerpt(cells['position'])!r}")
    elif operation == "new_paragraph" and position != "after":
        problems.append("a new paragraph goes after its anchor paragraph (position: after)")
    return problems


def _row_target(operation: str, cells: dict[str, str], position: str, base: Draft, problems: list[str]) -> _Target:
    """The paragraph a row's proposal is on, found in the base draft (a new paragraph: the one it follows)."""
    label = cells["paragraph"]
    if not label:
        problems.append("missing paragraph")
        return _Target()
    if operation == "new_paragraph":
        return _new_paragraph_target(label, base.find(label), cells["anchor"], base, problems)
    target = _Target(base.find(label))
    if target.paragraph is None:
        problems.append(f"unknown paragraph {_excerpt(label)!r} (not in the base draft)")
    elif operation in ("move", "merge") and cells["anchor"]:
        target.related = _related_paragraphs(operation, cells["anchor"], target.paragraph, base, problems)
        if operation == "move" and len(target.related) == 1:
            target.new_label = f"{position} {target.related[0]}"
    return target


def _new_paragraph_target(
    label: str, existing: Paragraph | None, anchor: str, base: Draft, problems: list[str]
) -> _Target:
    """A new paragraph's label (which the draft must not have yet) and the paragraph it follows."""
    if existing is not None:
        problems.append(f"paragraph {_excerpt(label)!r} is already in the draft (new_paragraph needs a new label)")
    target = _Target(None, new_label=label)
    if anchor:
        target.paragraph = base.find(anchor)
        if target.paragraph is None:
            problems.append(f"unknown anchor paragraph {_excerpt(anchor)!r} (not in the base draft)")
    return target


def _related_paragraphs(
    operation: str, anchor: str, paragraph: Paragraph, base: Draft, problems: list[str]
) -> list[str]:
    """The paragraphs a move or merge names in its `anchor` cell (`;`-separated), by their labels."""
    related: list[str] = []
    for ref in (ref.strip() for ref in anchor.split(";") if ref.strip()):
        other = base.find(ref)
        if other is None:
            problems.append(f"unknown anchor paragraph {_excerpt(ref)!r} (not in the base draft)")
        elif other is paragraph:
            problems.append(f"paragraph {_excerpt(ref)!r} cannot be {operation}d with itself")
        else:
            related.append(other.label)
    return related


def _row_edits(operation: str, cells: dict[str, str], position: str) -> list[Edit]:
    """The word edits of an insertion, a replacement, or a deletion of some words (not of the paragraph)."""
    if operation == "insert":
        return [Edit("insert", new=cells["text"], anchor=cells["anchor"], position=position)]
    if operation == "replace":
        return [Edit("replace", old=cells["old"], new=cells["text"])]
    if operation == "delete" and cells["old"]:
        return [Edit("delete", old=cells["old"])]
    return []
