"""The one error type bad input raises: it names the file and the place."""

from __future__ import annotations


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
