"""Negotiation manifests: the `manifest.toml` that lists a negotiation folder's documents in order.

A folder holds one negotiation; its manifest names it and lists its documents (drafts and
compilations of inputs) in the order they were circulated, each with the file it is in. A draft
issued in parts (a report and its addenda) lists each part as a document of its own; every part
after the first says `part_of = "<id of the first>"`, and may give `part = "L.1/Add.1"`, the short
name its paragraphs are cited with where two parts number alike. Parts are one draft, not versions.
Everything is checked here, before any file is read, so a bad manifest fails with one line
that names the manifest and the key or document at fault: ids are keys and titles, labels and
file names are labels (amendtrack.model.names), and the manifest itself is a small file.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from amendtrack.errors import InputError
from amendtrack.model.names import check_key, check_label
from amendtrack.read.limits import MAX_SMALL_BYTES, check_characters, read_within_limit

MANIFEST_NAME = "manifest.toml"
DOCUMENT_KINDS = ("draft", "inputs", "adopted")  # adopted: a draft whose words are agreed language


@dataclass(frozen=True)
class Negotiation:
    """The negotiation a folder holds: its stable id (used on the command line) and title."""

    id: str
    title: str


@dataclass(frozen=True)
class Document:
    """One document of a negotiation, as the manifest lists it."""

    id: str
    label: str
    date: str | None
    kind: str  # 'draft', 'inputs' or 'adopted' (a draft registered as adopted text)
    file: Path  # resolved against the negotiation folder
    against: str | None = None  # for inputs: the id of the draft they comment on
    seed: str | None = None  # the seed file the text was carved from
    lines: tuple[int, int] | None = None  # 1-based inclusive line range in the seed
    note: str | None = None
    part_of: str | None = None  # for a part of a draft: the id of the document it is a part of (its first part)
    part: str | None = None  # the part's short name ('L.1/Add.1'); None: its id


@dataclass(frozen=True)
class Manifest:
    """A whole manifest: the negotiation and its documents in order."""

    path: Path
    negotiation: Negotiation
    documents: list[Document] = field(default_factory=list)

    @property
    def folder(self) -> Path:
        """The negotiation folder the manifest describes."""
        return self.path.parent


def read_manifest(folder: Path | str) -> Manifest:
    """Read and validate `folder/manifest.toml` (or the manifest file itself, if given)."""
    folder = Path(folder)
    path = folder if folder.name == MANIFEST_NAME and folder.is_file() else folder / MANIFEST_NAME
    where = str(path)
    if not path.is_file():
        raise InputError(where, f"no {MANIFEST_NAME} here (a negotiation folder needs one)")
    try:
        data = tomllib.loads(read_within_limit(path, MAX_SMALL_BYTES, "a manifest").decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(where, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(where, f"not valid TOML: {exc}") from None

    negotiation_table = data.get("negotiation")
    if not isinstance(negotiation_table, dict):
        raise InputError(where, "missing [negotiation] table (with id and title)")
    negotiation = Negotiation(
        id=check_key(_required_str(negotiation_table, "id", where, "[negotiation]"), "[negotiation]: id", where),
        title=_label(negotiation_table, "title", where, "[negotiation]"),
    )

    entries = data.get("documents")
    if not isinstance(entries, list) or not entries:
        raise InputError(where, "missing [[documents]]: a manifest lists at least one document")

    documents: list[Document] = []
    seen: set[str] = set()
    base = path.parent.resolve()
    for index, entry in enumerate(entries, start=1):
        context = f"document #{index}"
        if not isinstance(entry, dict):
            raise InputError(where, f"{context} is not a table")
        doc_id = check_key(_required_str(entry, "id", where, context), f"{context}: id", where)
        context = f"document {doc_id!r}"
        if doc_id in seen:
            raise InputError(where, f"duplicate document id {doc_id!r}")
        seen.add(doc_id)
        kind = _required_str(entry, "kind", where, context)
        if kind not in DOCUMENT_KINDS:
            raise InputError(where, f"{context}: unknown kind {kind!r} (expected one of: {', '.join(DOCUMENT_KINDS)})")
        file_name = _label(entry, "file", where, context)
        file = (base / file_name).resolve()
        if not file.is_relative_to(base):
            raise InputError(where, f"{context}: file {file_name!r} is outside the negotiation folder")
        if not file.is_file():
            raise InputError(where, f"{context}: file {file_name!r} not found")
        against = _optional_str(entry, "against", where, context)
        if against is not None and against not in seen - {doc_id}:
            raise InputError(where, f"{context}: 'against' names {against!r}, which is not an earlier document")
        part_of = _part_of(entry, kind, documents, where, context)
        documents.append(
            Document(
                id=doc_id,
                label=_label(entry, "label", where, context),
                date=_date(entry, where, context),
                kind=kind,
                file=file,
                against=against,
                seed=_optional_str(entry, "seed", where, context),
                lines=_lines(entry, where, context),
                note=_optional_str(entry, "note", where, context),
                part_of=part_of,
                part=_part_name(entry, where, context),
            )
        )
    return Manifest(path=path, negotiation=negotiation, documents=documents)


def _part_of(entry: dict[str, Any], kind: str, documents: list[Document], where: str, context: str) -> str | None:
    """The first part a part of a draft belongs to: an earlier draft, itself no part, with no other draft since."""
    whole = _optional_str(entry, "part_of", where, context)
    if whole is None:
        return None
    if kind != "draft":
        raise InputError(where, f"{context}: only a draft has parts ('part_of' on a document of kind {kind!r})")
    drafts = [d for d in documents if d.kind == "draft"]
    first = next((d for d in drafts if d.id == whole), None)
    if first is None:
        raise InputError(where, f"{context}: 'part_of' names {whole!r}, which is not an earlier draft")
    if first.part_of is not None:
        raise InputError(where, f"{context}: 'part_of' names {whole!r}, itself a part of {first.part_of!r}; name that")
    later = [d.id for d in drafts[drafts.index(first) + 1 :] if d.part_of != whole]
    if later:
        raise InputError(
            where, f"{context}: draft {later[0]!r} comes between it and {whole!r}, the draft it is part of"
        )
    return whole


def _part_name(entry: dict[str, Any], where: str, context: str) -> str | None:
    """The short name a part is cited by, when the manifest gives one."""
    if "part" not in entry:
        return None
    return _label(entry, "part", where, context)


def _required_str(table: dict[str, Any], key: str, where: str, context: str) -> str:
    """A key that must be a non-empty string."""
    if key not in table:
        raise InputError(where, f"{context}: missing required key {key!r}")
    value = table[key]
    if not isinstance(value, str) or not value.strip():
        raise InputError(where, f"{context}: {key!r} must be a non-empty string")
    return value.strip()


def _label(table: dict[str, Any], key: str, where: str, context: str) -> str:
    """A key that must be a label people read (a title, a file name): one line, no control characters."""
    return check_label(_required_str(table, key, where, context), f"{context}: {key}", where)


def _optional_str(table: dict[str, Any], key: str, where: str, context: str) -> str | None:
    """A key that may be absent, else a string without a NUL (TOML refuses lone surrogates itself)."""
    if key not in table:
        return None
    value = table[key]
    if not isinstance(value, str):
        raise InputError(where, f"{context}: {key!r} must be a string")
    return check_characters(value, where, what=f"{context}: {key}")


def _date(table: dict[str, Any], where: str, context: str) -> str | None:
    """The date as ISO text; TOML date literals (2010-07-19 without quotes) are accepted too."""
    value = table.get("date")
    if value is None:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, str) and value.strip():
        return check_label(value.strip(), f"{context}: date", where)
    raise InputError(where, f"{context}: 'date' must be a date such as \"2010-07-19\"")


def _lines(table: dict[str, Any], where: str, context: str) -> tuple[int, int] | None:
    """The seed line range [first, last], if given."""
    value = table.get("lines")
    if value is None:
        return None
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in value)
        or value[0] > value[1]
    ):
        raise InputError(where, f"{context}: 'lines' must be [first, last] with 1 <= first <= last")
    return (value[0], value[1])
