"""Names: keys and labels as they may be stored, slugs for file names, and a draft's label inside a sentence.

A **key** names a negotiation or a document on the command line, in URLs and in file names: letters,
digits, '.', '_' and '-', starting with a letter or a digit, at most 100 characters (`check_key`).
A **label** is free text shown to people (a draft's label, a delegation's name, an author): at most
500 characters, without control characters or unpaired surrogates (`check_label`).
"""

from __future__ import annotations

import hashlib
import re

from amendtrack.errors import CONTROL, InputError

KEY_RULE = "letters, digits, '.', '_' and '-', starting with a letter or a digit, at most 100 characters"
_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
MAX_LABEL = 500
MAX_NOTE = 10_000
_SURROGATE = re.compile("[\ud800-\udfff]")  # what a byte that is not UTF-8 becomes in a file name
MAX_FILE_PART = 80  # a slug in a file name is cut here (with a hash of the whole) so no name is too long


def is_key(value: str) -> bool:
    """Whether `value` meets the rule of keys (KEY_RULE)."""
    return bool(_KEY.fullmatch(value))


def check_key(value: str, what: str, where: str | None = None) -> str:
    """`value` when it is a valid key, else an InputError naming `what` ('negotiation', 'document id')."""
    if not isinstance(value, str) or not is_key(value):
        raise InputError(where, f"{what} {shown(value)} is not a valid key: use {KEY_RULE}")
    return value


def check_label(value: str, what: str, where: str | None = None, *, note: bool = False) -> str:
    """`value` when it is a label that can be stored and shown, else an InputError naming `what`.

    A label is one line and not empty; a `note` (a facilitator's note) may be empty or span lines.
    """
    if not isinstance(value, str) or (not note and not value.strip()):
        raise InputError(where, f"{what} is empty")
    if not note and ("\n" in value or "\r" in value):
        raise InputError(where, f"{what} {shown(value)} holds a line break")
    if _SURROGATE.search(value):
        raise InputError(where, f"{what} {shown(value)} is not UTF-8 text")
    if CONTROL.search(value):
        raise InputError(where, f"{what} {shown(value)} holds a control character")
    if len(value) > (MAX_NOTE if note else MAX_LABEL):
        limit = MAX_NOTE if note else MAX_LABEL
        raise InputError(where, f"{what} is {len(value)} characters long (at most {limit})")
    return value


def shown(value: object, limit: int = 60) -> str:
    """A value for a one-line message: quoted, control characters escaped, cut to `limit` characters."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def slug(text: str, keep: str = "", empty: str = "x") -> str:
    """Lower-case letters and digits (and the characters in `keep`), every other run a single '-'.

    'Draft of 19 July' → 'draft-of-19-july'; with keep=".": 'L.1 Add.1' → 'l.1-add.1'. Leading and
    trailing separators are dropped; a text with none of those characters gives `empty`.
    """
    allowed = re.escape(keep)
    return re.sub(rf"[^a-z0-9{allowed}]+", "-", text.casefold()).strip("-" + keep) or empty


def the(label: str | None, empty: str = "the draft") -> str:
    """'Draft of 19 July 2010' → 'the draft of 19 July 2010', for sentences (acronyms kept); `empty` for none."""
    if not label:
        return empty
    return "the " + (label[0].lower() + label[1:] if label[:1].isupper() and not label[:2].isupper() else label)


def document_key(label: str) -> str:
    """A document's key from its label: 'Draft of 19 July' → 'draft-of-19-july' (dots kept: 'l.1-add.1')."""
    return slug(label, keep=".", empty="draft")[:100].rstrip("-.")


def file_part(text: str) -> str:
    """A slug for a file name, never longer than MAX_FILE_PART: a long one is cut and told apart by a hash."""
    part = slug(text)
    if len(part) <= MAX_FILE_PART:
        return part
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{part[: MAX_FILE_PART - 11].rstrip('-')}-{digest}"


def count(n: int, noun: str) -> str:
    """'1 paragraph', '2 paragraphs'."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
