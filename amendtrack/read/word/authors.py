"""Who made a tracked change: Word user names as delegations, through an author map, --delegation or the registry.

Word records a user name ('Jane Doe', 'JDoe') on each change; a proposal needs the delegation.
A facilitator gives an author map (TOML or CSV), or names one delegation for the whole file, or
the authors are delegation names the registry knows.
"""

from __future__ import annotations

import csv
import io
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from amendtrack.errors import InputError
from amendtrack.model.names import check_label
from amendtrack.model.proposal import Source, Sponsor
from amendtrack.read.limits import MAX_SMALL_BYTES, read_within_limit
from amendtrack.read.word.package import first_line

if TYPE_CHECKING:
    from amendtrack.model.delegation import Registry

Authors = dict[str, str]  # an author map: Word user name → delegation


@dataclass
class WordSponsor(Sponsor):
    """A sponsor read from Word tracked changes: also the Word user name and the latest w:date."""

    author: str | None = None
    date: str | None = None


def word_sponsor(delegation: str, author: str, date: str | None, verbatim: str, source: Source) -> WordSponsor:
    """The sponsor of a change or comment, its words quoted after the author and date ('Jane Doe (2024-…): …')."""
    who = f"{author}" + (f" ({date})" if date else "")
    return WordSponsor(delegation, "labelled", f"{who}: {verbatim}", source, author=author, date=date)


def read_author_map(path: Path | str) -> Authors:
    """Word user name → delegation, from a TOML file (`"Jane Doe" = "USA"`, optionally under [authors]) or CSV."""
    path = Path(path)
    source = str(path)
    try:
        text = read_within_limit(path, MAX_SMALL_BYTES, "an author map").decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(source, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    if path.suffix.lower() == ".toml":
        found = _toml_map(text, source)
    elif path.suffix.lower() == ".csv":
        found = _csv_map(text, source)
    else:
        raise InputError(source, "an author map is a .toml or .csv file")
    if not found:
        raise InputError(source, "the author map is empty")
    for author, delegation in found.items():
        check_label(author, "a Word user name", source)
        check_label(delegation, f"the delegation of {author!r}", source)
    return found


def _toml_map(text: str, source: str) -> Authors:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(source, f"not valid TOML: {first_line(str(exc))}") from None
    table = data.get("authors", data)
    if not isinstance(table, dict):
        raise InputError(source, "an author map is a table of Word user names and delegations")
    found: Authors = {}
    for author, delegation in table.items():
        if not isinstance(delegation, str) or not delegation.strip():
            raise InputError(source, f"author {author!r}: the delegation must be a non-empty string")
        found[author.strip()] = delegation.strip()
    return found


def _csv_map(text: str, source: str) -> Authors:
    found: Authors = {}
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if number == 1 and cells[0].lower() in ("author", "user", "word user", "name"):
            continue
        if len(cells) < 2 or not cells[0] or not cells[1]:
            raise InputError(source, "expected two columns: Word user name, delegation", line=number)
        found[cells[0]] = cells[1]
    return found


class Attribution:
    """Word authors → canonical delegation names: the author map, else --delegation, else the registry."""

    def __init__(self, registry: Registry, source: str, delegation: str | None, author_map: Authors | None) -> None:
        self.registry, self.source = registry, source
        self.map = {_author_key(k): v for k, v in (author_map or {}).items()}
        self.whole: str | None = None
        if delegation is not None:
            found = registry.resolve(delegation)
            if found is None:
                raise InputError(source, f"unknown delegation {delegation!r} (see amendtrack delegations)")
            self.whole = found.name

    def __call__(self, author: str) -> str:
        mapped = self.map.get(_author_key(author))
        if mapped is not None:
            found = self.registry.resolve(mapped)
            if found is None:
                raise InputError(self.source, f"author {author!r} is mapped to an unknown delegation {mapped!r}")
            return found.name
        if self.whole is not None:
            return self.whole
        found = self.registry.resolve(author) if author else None
        if found is None:
            raise InputError(
                self.source,
                f"unknown author {author!r}: map it to a delegation (--author-map) or give --delegation",
            )
        return found.name


def _author_key(name: str) -> str:
    return " ".join(name.split()).casefold()
