"""The one error type bad input raises (it names the file and the place), and the one line any error is shown as."""

from __future__ import annotations

import sys


class InputError(Exception):
    """Bad input: a malformed file, an unknown paragraph or delegation, hostile content.

    The message is one line that names the file and, where known, the line or row.
    """

    def __init__(self, file: str | None, message: str, line: int | None = None):
        self.file = file
        self.line = line
        self.reason = message
        where = file or ("<input>" if line is not None else "")
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}" if where else message)


def database_errors() -> tuple[type[Exception], ...]:
    """SQLAlchemy's errors on a database or URL, reported in one line like bad input (none until it is loaded)."""
    errors = sys.modules.get("sqlalchemy.exc")  # not imported: no SQLAlchemy error can have been raised
    return (errors.DBAPIError, errors.ArgumentError, errors.NoSuchModuleError) if errors is not None else ()


def one_line(exc: BaseException) -> str:
    """The first non-empty line of an error's message (a database's errors span many)."""
    orig = getattr(exc, "orig", None) if isinstance(exc, database_errors()) else None
    text = str(orig) if orig is not None else str(exc)  # a locked, full or read-only database, …
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__
