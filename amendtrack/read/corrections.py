"""A CSV file of facilitators' corrections of readings: one row per proposal.

Columns (a header row first): `id` (the proposal, as `amendtrack proposals` shows it), `note` (why;
required), and any of `operation`, `paragraph`, `text`, `old`, `anchor` (empty: as read). Cells that
look like spreadsheet formulas are refused, as in inputs files (read.inputs_csv).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from amendtrack.errors import InputError
from amendtrack.model.correction import FIELDS
from amendtrack.read.inputs_csv import FORMULA, decode
from amendtrack.read.limits import MAX_TEXT_BYTES, NOT_TEXT, not_a_character, read_within_limit

COLUMNS = ("id", "note", *FIELDS)
MAX_ID = 2**63 - 1

Row = tuple[int, int, str, dict[str, str | None]]  # line, proposal id, note, fields


def read_corrections_csv(path: Path) -> list[Row]:
    """The corrections of a CSV file, each with its line; the first problem raises InputError (file, row)."""
    file = str(path)
    text = decode(read_within_limit(path, MAX_TEXT_BYTES, "a text file"), file)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        raise InputError(file, f"not valid CSV ({exc})") from None
    if not records:
        raise InputError(file, "empty file (expected a header row: " + ", ".join(COLUMNS) + ")")
    header = [cell.strip().casefold() for cell in records[0]]
    unknown = [name for name in header if name not in COLUMNS]
    if unknown or "id" not in header or "note" not in header:
        problem = f"unknown column {unknown[0]!r}" if unknown else "the columns id and note are required"
        raise InputError(file, f"row 1: {problem} (columns: {', '.join(COLUMNS)})", line=1)
    return [_row(file, number, dict(zip(header, record, strict=False))) for number, record in _rows(records)]


def _rows(records: list[list[str]]) -> list[tuple[int, list[str]]]:
    return [(number, record) for number, record in enumerate(records[1:], start=2) if any(c.strip() for c in record)]


def _row(file: str, number: int, cells: dict[str, str]) -> Row:
    for name, cell in cells.items():
        if FORMULA.match(cell):
            raise InputError(file, f"row {number}: {name} holds a spreadsheet formula", line=number)
        bad = NOT_TEXT.search(cell)
        if bad:
            raise InputError(file, f"row {number}: {name} holds {not_a_character(bad.group())}", line=number)
    raw = cells.get("id", "").strip()
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_ID:
        raise InputError(file, f"row {number}: id must be a proposal number, not {raw[:40]!r}", line=number)
    note = cells.get("note", "").strip()
    if not note:
        raise InputError(file, f"row {number}: a note saying why is required", line=number)
    fields = {name: (cells.get(name) or "").strip() or None for name in FIELDS}
    return number, int(raw), note, fields
