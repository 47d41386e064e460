"""The one error type bad input raises (it names the file and the place), and the one line any error is shown as."""

from __future__ import annotations

import re
import sys

# C0 and C1 controls (tab and newline aside), line and paragraph separators, unpaired surrogates: never
# printed as they are (a terminal would obey them) and never stored (see model.names.check_label).
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


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
    """The first non-empty line of an error's message (a database's errors span many), printable."""
    orig = getattr(exc, "orig", None) if isinstance(exc, database_errors()) else None
    text = str(orig) if orig is not None else str(exc)  # a locked, full or read-only database, …
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return printable(lines[0] if lines else type(exc).__name__)


def printable(text: str) -> str:
    """Text safe to print on a terminal: each control character and unpaired surrogate shown as an escape."""
    return CONTROL.sub(lambda match: ascii(match.group())[1:-1], text)
