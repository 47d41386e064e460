"""Delegations: who can make a proposal, by canonical name, with aliases, OCR variants and membership.

The registry is data shipped with the package (`delegations.toml`), so a label in a compilation
or a CSV row resolves to one canonical name ("United States of America", "US", "U.S.A." → USA;
"UNICEEF" → UNICEF; "TIOM" → IOM) and an unknown label is reported, never invented.
Membership is listed only where it is public fact (EU, African Group, …); a group whose
members are not listed says so (`members()` returns None) rather than guessing.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from amendtrack.errors import InputError

KINDS = ("member_state", "group", "observer_state", "un_entity", "intergovernmental_organization")
DATA_FILE = "delegations.toml"


@dataclass(frozen=True)
class Delegation:
    """One delegation or entity: canonical name, kind, other names, and members where listed."""

    name: str  # canonical: how compilation tables label it ("USA", "EU", "Syria")
    kind: str  # one of KINDS
    official_name: str | None = None  # the formal UN name when it differs ("United States of America")
    aliases: tuple[str, ...] = ()
    ocr_variants: tuple[str, ...] = ()
    members: tuple[str, ...] | None = field(default=None, repr=False)  # canonical names; None: not listed
    note: str | None = field(default=None, repr=False)

    @property
    def names(self) -> tuple[str, ...]:
        """Every form the delegation can be written in: name, official name, aliases, OCR variants."""
        forms = [self.name, *([self.official_name] if self.official_name else []), *self.aliases, *self.ocr_variants]
        return tuple(dict.fromkeys(forms))

    def to_dict(self) -> dict[str, Any]:
        """The registry part of the `amendtrack delegations --json` record."""
        return {
            "name": self.name,
            "kind": self.kind,
            "official_name": self.official_name,
            "aliases": list(self.aliases),
            "ocr_variants": list(self.ocr_variants),
            "members": list(self.members) if self.members is not None else None,
        }


@functools.lru_cache(maxsize=4096)  # inputs name the same few delegations row after row
def name_key(label: str) -> str:
    """Compare names as a reader does: case, accents, spaces and punctuation do not count.

    'United States of America' == 'united-states of  America.'; 'Côte d’Ivoire' == 'cote divoire';
    a leading 'the' is dropped ('The Holy See' == 'Holy See').
    """
    text = unicodedata.normalize("NFKD", label).casefold().replace("&", " and ")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    words = re.findall(r"[^\W_]+", text)
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return "".join(words)


@dataclass
class Registry:
    """Every known delegation, looked up by any of its names."""

    delegations: list[Delegation]
    source: str = DATA_FILE
    _by_key: dict[str, Delegation] = field(default_factory=dict, init=False, repr=False)
    _by_name: dict[str, Delegation] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        for delegation in self.delegations:
            if delegation.kind not in KINDS:
                raise InputError(self.source, f"delegation {delegation.name!r}: unknown kind {delegation.kind!r}")
            if delegation.name in self._by_name:
                raise InputError(self.source, f"delegation {delegation.name!r} is listed twice")
            self._by_name[delegation.name] = delegation
            for form in delegation.names:
                key = name_key(form)
                other = self._by_key.get(key)
                if other is not None and other is not delegation:
                    raise InputError(
                        self.source, f"name {form!r} of {delegation.name!r} is already a name of {other.name!r}"
                    )
                self._by_key[key] = delegation
        for delegation in self.delegations:
            for member in delegation.members or ():
                if member not in self._by_name:
                    raise InputError(self.source, f"{delegation.name!r} lists an unknown member {member!r}")

    @classmethod
    def load(cls) -> Registry:
        """The registry shipped with amendtrack (read once, then cached)."""
        return _packaged_registry()

    @classmethod
    def from_file(cls, path: Path | str) -> Registry:
        """A registry read from a TOML file in the format of the packaged delegations.toml."""
        path = Path(path)
        return cls.from_toml(path.read_text(encoding="utf-8"), str(path))

    @classmethod
    def from_toml(cls, text: str, source: str = DATA_FILE) -> Registry:
        """A registry from TOML text: `[[delegation]]` tables with name, kind, aliases, … (see delegations.toml)."""
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise InputError(source, f"not valid TOML: {exc}") from None
        delegations = []
        for index, entry in enumerate(data.get("delegation", []), start=1):
            if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
                raise InputError(source, f"delegation #{index} has no name")
            members = entry.get("members")
            delegations.append(
                Delegation(
                    name=entry["name"],
                    kind=str(entry.get("kind", "")),
                    official_name=entry.get("official_name"),
                    aliases=tuple(entry.get("aliases", ())),
                    ocr_variants=tuple(entry.get("ocr_variants", ())),
                    members=tuple(members) if members is not None else None,
                    note=entry.get("note"),
                )
            )
        return cls(delegations, source)

    def __iter__(self) -> Iterator[Delegation]:
        return iter(self.delegations)

    def __len__(self) -> int:
        return len(self.delegations)

    def resolve(self, label: str) -> Delegation | None:
        """The delegation a label names (any case, spacing, punctuation; aliases; OCR variants), else None."""
        key = name_key(label)
        return self._by_key.get(key) if key else None

    def get(self, name: str) -> Delegation:
        """The delegation with this canonical name, or any name; InputError when unknown."""
        delegation = self._by_name.get(name) or self.resolve(name)
        if delegation is None:
            raise InputError(None, f"unknown delegation {name!r} (not in the registry; see amendtrack delegations)")
        return delegation

    def members(self, group: str | Delegation) -> list[Delegation] | None:
        """The members of a group or organisation, or None when they are not listed (or it has none)."""
        delegation = group if isinstance(group, Delegation) else self.get(group)
        if delegation.members is None:
            return None
        return [self._by_name[name] for name in delegation.members]

    def groups_of(self, member: str | Delegation) -> list[Delegation]:
        """The groups and organisations that list this delegation as a member."""
        name = (member if isinstance(member, Delegation) else self.get(member)).name
        return [d for d in self.delegations if d.members is not None and name in d.members]

    # --- labels in compilation tables ---------------------------------------------------------

    @functools.cached_property
    def _colon_label(self) -> re.Pattern[str]:
        return re.compile(rf"^\s*(?P<name>{self._alternation()})\s*:\s*(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)

    @functools.cached_property
    def _bare_label(self) -> re.Pattern[str]:
        # Case-sensitive: "Colombia would prefer…" opens an input, "china" in running text does not.
        return re.compile(rf"^\s*(?P<name>{self._alternation()})[ \t]+(?P<rest>[^\W\d_].*)$", re.DOTALL)

    def _alternation(self) -> str:
        """Every name as a regex (words separated by any punctuation or space), longest first."""
        forms = {form for delegation in self.delegations for form in delegation.names}
        patterns = []
        for form in sorted(forms, key=lambda f: (-len(f), f)):
            words = re.findall(r"[^\W_]+", form)
            if words:
                patterns.append(r"[\W_]+".join(re.escape(word) for word in words) + r"(?![^\W_])")
        return "|".join(patterns)

    def label_pattern(self) -> re.Pattern[str]:
        """A line that starts with a known delegation name and a colon (`USA: delete`); groups `name`, `rest`."""
        return self._colon_label

    def match_label(self, line: str, block_start: bool = False) -> tuple[Delegation, str] | None:
        """The delegation whose label opens `line`, and the rest of the line after the label.

        `Japan: Delete “…”` and `African group :` match anywhere. The no-colon forms of the
        compilations (`UNAIDS Stressing…`, `Colombia would prefer…`, `Norway Sl e ]`: a name as
        written, then a space and a word) match only when the caller knows the line opens a
        block (`block_start=True`), since running text may start with a country's name too.
        """
        for pattern in (self._colon_label, self._bare_label) if block_start else (self._colon_label,):
            match = pattern.match(line)
            if match is not None:
                delegation = self.resolve(match["name"])
                if delegation is not None:
                    return delegation, match["rest"].strip()
        return None


@functools.cache
def _packaged_registry() -> Registry:
    text = resources.files("amendtrack.model").joinpath(DATA_FILE).read_text(encoding="utf-8")
    return Registry.from_toml(text, DATA_FILE)


def load() -> Registry:
    """The packaged registry (cached): `Registry.load()`."""
    return Registry.load()


def resolve(label: str) -> Delegation | None:
    """Resolve a label against the packaged registry."""
    return Registry.load().resolve(label)


def members(group: str) -> list[Delegation] | None:
    """The listed members of a group in the packaged registry, or None when not listed."""
    return Registry.load().members(group)
