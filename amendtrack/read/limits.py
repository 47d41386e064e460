"""What a reader takes in: a file no larger than its kind allows, and text that holds only characters.

Sizes are checked before anything is read: `read_within_limit` stats the file, refuses it when it
is larger than the limit for its kind, and never reads more than the limit even when the file grows
or lies about its size (a pipe, /dev/zero), so an 8 GB file named .docx is refused at once, in one
line naming it. Every reader (text drafts and compilations, .docx, .pdf, .xml, .csv and .json, manifests,
author maps) and the store's backups read their files through it.

The text rule (`check_characters`): no text a reader hands on, a paragraph's text above all, holds
a NUL or a lone surrogate (U+D800 to U+DFFF). A NUL is never text (the text reader uses it to mark
its own lines, PostgreSQL refuses it) and a lone surrogate is no character at all (it cannot be
written as UTF-8). Other control characters are text: a form feed stays, and the Akoma Ntoso
writer escapes it.
"""

from __future__ import annotations

import re
from pathlib import Path

from amendtrack.errors import InputError

MIB = 1024 * 1024
# Far above any real draft or compilation (the longest sample is 150 kB), and small enough that the
# readers, linear in the size, finish in seconds.
MAX_TEXT_BYTES = 10 * MIB  # text drafts, compilations, .csv and .json inputs
MAX_AKN_BYTES = 50 * MIB  # an Akoma Ntoso draft
MAX_DOCX_BYTES = 64 * MIB  # a .docx: its parts may hold 50 MiB uncompressed, plus the zip's own headers
MAX_PDF_BYTES = 50 * MIB  # a PDF: a draft with its fonts embedded is a few MiB; scans, refused anyway, are larger
MAX_SMALL_BYTES = 1 * MIB  # a manifest or an author map: a few lines each

_LIMITS = {  # by suffix: the most the reader of that kind of file reads
    ".txt": (MAX_TEXT_BYTES, "a text file"),
    ".md": (MAX_TEXT_BYTES, "a text file"),
    ".html": (MAX_TEXT_BYTES, "an HTML file"),
    ".htm": (MAX_TEXT_BYTES, "an HTML file"),
    ".xhtml": (MAX_TEXT_BYTES, "an HTML file"),
    ".csv": (MAX_TEXT_BYTES, "a text file"),
    ".json": (MAX_TEXT_BYTES, "a text file"),
    ".xml": (MAX_AKN_BYTES, "an Akoma Ntoso draft"),
    ".docx": (MAX_DOCX_BYTES, "a .docx file"),
    ".pdf": (MAX_PDF_BYTES, "a PDF file"),
}

NOT_TEXT = re.compile("[\x00\ud800-\udfff]")


def read_within_limit(path: Path | str, limit: int, what: str) -> bytes:
    """The bytes of a file of at most `limit` bytes; a larger or unreadable one is an InputError naming it.

    `what` names the kind of file in the message ('a text file'). The size is checked before the file
    is read, and again on what is read, so a file that grows meanwhile or has no size is cut short.
    """
    source = str(path)
    try:
        size = Path(path).stat().st_size
        if size > limit:
            raise InputError(source, too_large(size, limit, what))
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        raise InputError(source, f"cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    if len(data) > limit:
        raise InputError(source, f"file too large: more than {limit} bytes (the limit for {what})")
    return data


def too_large(size: int, limit: int, what: str) -> str:
    """The message refusing a file by its size."""
    return f"file too large: {size} bytes (limit {limit} for {what})"


def limit_for(path: Path | str) -> tuple[int, str]:
    """The most a reader reads of this file, by its suffix, and the kind it names in messages."""
    return _LIMITS.get(Path(path).suffix.lower(), (MAX_DOCX_BYTES, "an input file"))


def check_characters(text: str, source: str, line: int | None = None, what: str = "text") -> str:
    """`text` when it holds no NUL and no lone surrogate, else an InputError naming the file and the line.

    `line` is the line the text starts on (the bad character's line is counted from it), None when
    lines mean nothing there; `what` says whose text it is ('the delegation', 'a symbol').
    """
    bad = NOT_TEXT.search(text)
    if bad is None:
        return text
    at = line + text.count("\n", 0, bad.start()) if line is not None else None
    raise InputError(source, f"{what} holds {not_a_character(bad.group())}", line=at)


def not_a_character(char: str) -> str:
    """Why a NUL or a lone surrogate is refused, for a message: 'a NUL character (never text)'."""
    if char == "\x00":
        return "a NUL character (never text)"
    return f"U+{ord(char):04X}, a lone surrogate (not a character)"
