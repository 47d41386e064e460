"""Backups read back: a dump of `amendtrack export json`, checked whole before anything is stored.

A dump is a file like any other: it may have been edited, damaged or made by hand to do harm, and
what the store takes in every command reads afterwards. So every field is checked for its type
and for its meaning before a single row is written (`check_dump`, the schema in `_SCHEMA`):
integers are in range for the store's 32-bit columns and for what they count (positions and line
numbers from 1, bracket offsets inside the text they index), scores and confidences are numbers
from 0 to 1, vocabularies (node, marker, document and edit kinds, operations, statuses,
attributions, lineage relations) are the model's, keys and labels meet `model.names`, and no
text holds a NUL or a lone surrogate. References stay inside the dump: a paragraph's parent comes
before it in its draft, lineage runs from a draft to a later draft over paragraphs of those two,
proposals sit in an inputs document and name a paragraph of their base draft. Delegations are
resolved through the registry and kept under their canonical names, so a backup never adds a
name the registry does not know to the table every negotiation shares.

The first problem is an InputError in one line naming the file and the place in the dump:
`p.json: documents[0].paragraphs[3].markers: expected a list, got a string`. Pure: no database
here; `store.backup` restores what this returns.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from amendtrack.compare.align.links import RELATIONS
from amendtrack.errors import InputError
from amendtrack.model.delegation import KINDS as DELEGATION_KINDS
from amendtrack.model.delegation import Registry
from amendtrack.model.names import CONTROL, check_key, check_label, shown
from amendtrack.model.proposal import ATTRIBUTIONS, OPERATIONS, STATUSES
from amendtrack.model.tree import KINDS, MARKER_KINDS
from amendtrack.read.limits import read_within_limit

FORMAT = "amendtrack-dump"
VERSION = 1
MAX_DUMP_BYTES = 256 * 1024 * 1024  # a backup holds a whole negotiation: far above any real one
INT_MAX = 2**31 - 1  # the store's integer columns (PostgreSQL INTEGER is 32-bit)
NOT_TEXT = re.compile("[\x00\ud800-\udfff]")  # a NUL is never text; a lone surrogate is no character
SHA256 = re.compile("[0-9a-f]{64}")
ROUNDING = 1e-9  # a similarity the aligner computed may exceed 1 by a rounding error (1.0000000000000002)

# Bracket fields older dumps lack, with the value they had then.
BRACKET_DEFAULTS = {"depth": 1, "group": None}

# Every record of a dump, field by field, as `name:type` (`?`: may be null; `-`: checked by _Checker
# as a nested record or a reference). The types are the checks in _TYPES.
_SCHEMA = {
    "dump": "format:- version:- negotiation:- documents:- lineage:- delegations:- proposals:-",
    "negotiation": "key:key title:label",
    "document": "key:key kind:document_kind order:count label:label date:date? source_file:line sha256:sha256 "
    "preface:texts? parts:- paragraphs:-",
    "part": "key:key name:label label:label date:date? source_file:line sha256:sha256 eid:eid",
    "paragraph": "position:count parent:eid? label:label num:line? kind:node_kind eid:eid pid:pid text:text "
    "markers:- brackets:- label_inferred:bool line_start:count? line_end:count?",
    "marker": "kind:marker_kind text:text ref:line?",
    "bracket": "start:- end:- text:text alternatives:texts closed:bool depth:count group:count?",
    "alignment": "from:key to:key conflicts:texts links:-",
    "link": "position:count relation:relation score:share source:link_source note:text conflict:text? "
    "from_eids:eids to_eids:eids placeholder_eids:eids",
    "delegation": "name:label kind:delegation_kind",
    "proposal": "document:key position:count base_document:key paragraph:line? paragraph_eid:eid? "
    "operation:operation edits:- text:text? new_label:line? related:texts rationale:text? refs:texts "
    "resulting_text:text? applied:bool unapplied_reason:text? confidence:share sponsors:- disposition:- override:- "
    "correction:-",
    "edit": "kind:edit_kind old:text? new:text? anchor:text? position:edit_position?",
    "sponsor": "delegation:label attribution:attribution verbatim:text source_file:line? line_start:count? "
    "line_end:count?",
    "disposition": "next_document:key? status:status explanation:text evidence:-",
    "evidence": "looked_for:text? found:texts missing:texts found_in:line? successors:texts relation:relation? "
    "score:share",
    "override": "status:status note:text",
    "correction": "note:text operation:operation? paragraph:line? text:text? old:text? anchor:text?",
}


class CheckedDump(dict[str, Any]):
    """A dump `check_dump` accepted, as plain data: what store.backup restores without asking again."""


class _Bad(Exception):
    """A problem at a place in the dump (`documents[0].key`); check_dump names the file."""

    def __init__(self, at: str, message: str):
        super().__init__(f"{at}: {message}" if at else message)


def read_dump(path: Path) -> CheckedDump | None:
    """The checked dump in a .json file; None when the file holds something else (a list of proposals, say).

    A file that says it is a dump (its format near the start) but cannot be read as JSON, is nested
    too deeply or holds a number too long to read is an InputError, as is any problem check_dump finds.
    """
    data = read_within_limit(path, MAX_DUMP_BYTES, "a backup")
    marked = f'"{FORMAT}"'.encode() in data[:200]
    line = None
    try:
        dump = json.loads(data)
    except RecursionError:
        problem = "nested too deeply"
    except json.JSONDecodeError as exc:
        problem, line = str(exc), exc.lineno
    except UnicodeDecodeError as exc:
        problem = str(exc)
    except ValueError:  # Python refuses to read integers of more than 4,300 digits
        problem = "a number too long to read"
    else:
        problem = None
    if problem is not None:
        if not marked:
            return None
        raise InputError(str(path), f"not a readable amendtrack dump: {problem}", line=line)
    if not isinstance(dump, dict) or dump.get("format") != FORMAT:
        return None
    return check_dump(dump, str(path))


def check_dump(dump: Any, source: str, registry: Registry | None = None) -> CheckedDump:
    """The dump checked whole (see the module docstring), delegations under their registry names.

    `source` names the file in messages. Raises an InputError naming the file and the first problem's place.
    """
    try:
        return CheckedDump(_Checker(registry or Registry.load()).dump(dump))
    except _Bad as bad:
        raise InputError(source, str(bad)) from None


# --- the types of _SCHEMA ------------------------------------------------------------------------------


def _kind_of(value: Any) -> str:
    """What a JSON value is, for a message: 'a string', 'null'."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return str(value).lower()
    names = {str: "a string", int: "an integer", float: "a number", list: "a list", dict: "an object"}
    return names.get(type(value), type(value).__name__)


def _expect(value: Any, kind: type, at: str, wanted: str) -> Any:
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise _Bad(at, f"expected {wanted}, got {_kind_of(value)}")
    return value


def _text(value: Any, at: str, what: str = "") -> str:
    """Any text, over several lines too, without a NUL or a lone surrogate."""
    _expect(value, str, at, "a string")
    bad = NOT_TEXT.search(value)
    if bad is not None:
        raise _Bad(at, f"holds U+{ord(bad.group()):04X}, which is not text")
    return value


def _line(value: Any, at: str, what: str = "", limit: int | None = None) -> str:
    """One line of text without control characters (a file name, a label as printed), at most `limit` long."""
    _expect(value, str, at, "a string")
    bad = CONTROL.search(value)
    if bad is not None:
        raise _Bad(at, f"holds U+{ord(bad.group()):04X}, a control character")
    if limit is not None and len(value) > limit:
        raise _Bad(at, f"is {len(value)} characters long (at most {limit})")
    return value


def _identifier(value: Any, at: str, limit: int) -> str:
    """An eId or a persistent id: a non-empty line of at most `limit` characters (the store's column)."""
    if _line(value, at, limit=limit) == "":
        raise _Bad(at, "is empty")
    return value


def _texts(value: Any, at: str, what: str = "") -> list[str]:
    return [_text(item, where) for where, item in _items(value, at)]


def _items(value: Any, at: str) -> list[tuple[str, Any]]:
    """A list's items with their places: [('documents[0]', …), …]."""
    return [(f"{at}[{k}]", item) for k, item in enumerate(_expect(value, list, at, "a list"))]


def _integer(value: Any, at: str, low: int = 1, high: int = INT_MAX) -> int:
    _expect(value, int, at, "an integer")
    if not low <= value <= high:
        raise _Bad(at, f"{shown(value)} is out of range ({low} to {high})")
    return value


def _share(value: Any, at: str, what: str = "") -> float:
    """A score or a confidence: a number from 0 to 1, kept as it is (an evidence's 0 stays an integer)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _Bad(at, f"expected a number from 0 to 1, got {_kind_of(value)}")
    if not 0 <= value <= 1 + ROUNDING:  # NaN too
        raise _Bad(at, f"{shown(value)} is out of range (0 to 1)")
    return value


def _choice(choices: tuple[str, ...]) -> Callable[[Any, str, str], str]:
    def check(value: Any, at: str, what: str = "") -> str:
        if _expect(value, str, at, "a string") not in choices:
            raise _Bad(at, f"{shown(value)} is not one of: {', '.join(choices)}")
        return value

    return check


def _checked_by(rule: Callable[[str, str], str]) -> Callable[[Any, str, str], str]:
    """A model.names rule (check_key, check_label) as a type: its message, placed in the dump."""

    def check(value: Any, at: str, what: str = "") -> str:
        try:
            return rule(_expect(value, str, at, "a string"), what)
        except InputError as exc:
            raise _Bad(at, exc.reason) from None

    return check


def _sha256(value: Any, at: str, what: str = "") -> str:
    if not SHA256.fullmatch(_expect(value, str, at, "a string")):
        raise _Bad(at, f"{shown(value)} is not a SHA-256 (64 lower-case hexadecimal digits)")
    return value


_TYPES: dict[str, Callable[..., Any]] = {
    "text": _text,
    "texts": _texts,
    "line": _line,
    "date": lambda value, at, what="": _line(value, at, limit=32),
    "eid": lambda value, at, what="": _identifier(value, at, 300),
    "eids": lambda value, at, what="": [_identifier(item, where, 300) for where, item in _items(value, at)],
    "pid": lambda value, at, what="": _identifier(value, at, 500),
    "key": _checked_by(check_key),
    "label": _checked_by(check_label),
    "count": lambda value, at, what="": _integer(value, at),
    "share": _share,
    "bool": lambda value, at, what="": _expect(value, bool, at, "true or false"),
    "sha256": _sha256,
    "document_kind": _choice(("draft", "inputs", "adopted")),  # adopted: a draft registered as adopted text
    "node_kind": _choice(KINDS),
    "marker_kind": _choice(MARKER_KINDS),
    "relation": _choice(RELATIONS),
    "link_source": _choice(("declared", "inferred")),
    "delegation_kind": _choice(DELEGATION_KINDS),
    "operation": _choice(OPERATIONS),
    "edit_kind": _choice(("insert", "delete", "replace")),
    "edit_position": _choice(("after", "before", "end")),
    "attribution": _choice(ATTRIBUTIONS),
    "status": _choice(STATUSES),
}


def _spec(text: str) -> dict[str, tuple[Callable[..., Any] | None, bool]]:
    """'key:key date:date?' → {'key': (check, False), 'date': (check, True)}; '-' checks nothing here."""
    fields = {}
    for entry in text.split():
        name, kind = entry.split(":")
        fields[name] = (None if kind == "-" else _TYPES[kind.rstrip("?")], kind.endswith("?"))
    return fields


_SPECS = {record: _spec(text) for record, text in _SCHEMA.items()}


def _fields(value: Any, at: str, record: str) -> dict[str, Any]:
    """An object with exactly the fields of `record` in _SCHEMA, each checked by its type ('-' ones as they are)."""
    spec = _SPECS[record]
    _expect(value, dict, at, "an object")
    for name in spec:
        if name not in value:
            raise _Bad(at, f"missing field {name!r}")
    for name in value:
        if name not in spec:
            raise _Bad(at, f"unknown field {shown(name)}")
    checked = {}
    for name, (check, nullable) in spec.items():
        where = f"{at}.{name}" if at else name
        item = value[name]
        checked[name] = item if check is None or (nullable and item is None) else check(item, where, name)
    return checked


# --- the records and their references -----------------------------------------------------------------


@dataclass
class _Document:
    """What the rest of the dump may refer to in a document: its kind, order and paragraphs' eIds."""

    key: str
    kind: str
    order: int
    eids: set[str] = field(default_factory=set)


class _Checker:
    """Checks one dump in order (documents before what refers to them) and returns it as plain data."""

    def __init__(self, registry: Registry):
        self.registry = registry
        self.documents: dict[str, _Document] = {}
        self.hashes: set[str] = set()
        self.delegations: dict[str, str] = {}  # canonical name → kind, as the registry says

    def dump(self, value: Any) -> dict[str, Any]:
        dump = _fields(value, "", "dump")
        if dump["format"] != FORMAT:
            raise _Bad("format", f"{shown(dump['format'])} is not {FORMAT!r}")
        if type(dump["version"]) is not int or dump["version"] != VERSION:
            raise _Bad("version", f"amendtrack dump version {shown(dump['version'])} (this amendtrack reads {VERSION})")
        dump["negotiation"] = _fields(dump["negotiation"], "negotiation", "negotiation")
        dump["documents"] = [self.document(item, at) for at, item in _items(dump["documents"], "documents")]
        pairs: set[tuple[str, str]] = set()
        dump["lineage"] = [self.alignment(item, at, pairs) for at, item in _items(dump["lineage"], "lineage")]
        for at, item in _items(dump["delegations"], "delegations"):
            self.delegation(item, at)
        dump["delegations"] = [{"name": name, "kind": kind} for name, kind in sorted(self.delegations.items())]
        places: set[tuple[str, int]] = set()
        dump["proposals"] = [self.proposal(item, at, places) for at, item in _items(dump["proposals"], "proposals")]
        return dump

    # documents and their paragraph trees

    def document(self, value: Any, at: str) -> dict[str, Any]:
        if isinstance(value, dict) and "parts" not in value:
            value = {**value, "parts": None}  # dumps written before drafts could come in parts
        document = _fields(value, at, "document")
        parts = document["parts"]
        if parts is not None:
            parts = document["parts"] = [_fields(item, where, "part") for where, item in _items(parts, f"{at}.parts")]
        key, order = document["key"], document["order"]
        if key in self.documents:
            raise _Bad(f"{at}.key", f"a second document {key!r}")
        if self.documents and order <= max(d.order for d in self.documents.values()):
            raise _Bad(f"{at}.order", f"{order} does not come after the order of the documents before it")
        if document["sha256"] in self.hashes:
            raise _Bad(f"{at}.sha256", "the same bytes as a document before it")
        self.hashes.add(document["sha256"])
        entry = _Document(key, "draft" if document["kind"] == "adopted" else document["kind"], order)
        document["paragraphs"] = self.paragraphs(document["paragraphs"], f"{at}.paragraphs", entry)
        for k, part in enumerate(parts or []):
            if part["eid"] not in entry.eids:
                raise _Bad(f"{at}.parts[{k}].eid", f"no paragraph {part['eid']!r} holds this part")
        self.documents[key] = entry
        return document

    def paragraphs(self, value: Any, at: str, document: _Document) -> list[dict[str, Any]]:
        items = _items(value, at)
        if items and document.kind != "draft":
            raise _Bad(at, f"{document.key!r} is an inputs document: it has no paragraphs")
        paragraphs = []
        for where, item in items:
            paragraph = _fields(item, where, "paragraph")
            if paragraphs and paragraph["position"] <= paragraphs[-1]["position"]:
                raise _Bad(f"{where}.position", "paragraphs are listed in document order, positions rising")
            if paragraph["eid"] in document.eids:
                raise _Bad(f"{where}.eid", f"a second paragraph {paragraph['eid']!r} in {document.key!r}")
            if paragraph["parent"] is not None and paragraph["parent"] not in document.eids:
                raise _Bad(f"{where}.parent", f"no paragraph {paragraph['parent']!r} before it in {document.key!r}")
            _lines(paragraph, where)
            paragraph["markers"] = [
                _fields(m, w, "marker") for w, m in _items(paragraph["markers"], f"{where}.markers")
            ]
            paragraph["brackets"] = [
                _bracket(b, w, paragraph["text"]) for w, b in _items(paragraph["brackets"], f"{where}.brackets")
            ]
            document.eids.add(paragraph["eid"])
            paragraphs.append(paragraph)
        return paragraphs

    # lineage

    def alignment(self, value: Any, at: str, pairs: set[tuple[str, str]]) -> dict[str, Any]:
        alignment = _fields(value, at, "alignment")
        old = self.draft(alignment["from"], f"{at}.from")
        new = self.draft(alignment["to"], f"{at}.to")
        if old is new:
            raise _Bad(f"{at}.to", f"lineage links a draft to itself ({old.key!r})")
        if new.order < old.order:
            raise _Bad(f"{at}.to", f"{new.key!r} comes before {old.key!r}: lineage runs from a draft to a later one")
        if (old.key, new.key) in pairs:
            raise _Bad(at, f"a second lineage from {old.key!r} to {new.key!r}")
        pairs.add((old.key, new.key))
        links = []
        for where, item in _items(alignment["links"], f"{at}.links"):
            link = _fields(item, where, "link")
            if links and link["position"] <= links[-1]["position"]:
                raise _Bad(f"{where}.position", "links are listed in reading order, positions rising")
            _in(old, link["from_eids"], f"{where}.from_eids")
            _in(new, link["to_eids"] + link["placeholder_eids"], f"{where}.to_eids")
            _link_shape(link, where)
            links.append(link)
        alignment["links"] = links
        return alignment

    def draft(self, key: str, at: str) -> _Document:
        """The draft of the dump a reference names."""
        document = self.known(key, at)
        if document.kind != "draft":
            raise _Bad(at, f"{key!r} is an inputs document, not a draft")
        return document

    def known(self, key: str, at: str) -> _Document:
        if key not in self.documents:
            raise _Bad(at, f"no document {key!r} in the dump")
        return self.documents[key]

    # delegations and proposals

    def delegation(self, value: Any, at: str) -> None:
        record = _fields(value, at, "delegation")
        known = self.resolve(record["name"], f"{at}.name")
        self.delegations[known.name] = known.kind

    def resolve(self, name: str, at: str) -> Any:
        """The registry's delegation of that name (any of its names), else a problem at `at`."""
        known = self.registry.resolve(name)
        if known is None:
            raise _Bad(at, f"unknown delegation {shown(name)} (not in the registry; see amendtrack delegations)")
        return known

    def proposal(self, value: Any, at: str, places: set[tuple[str, int]]) -> dict[str, Any]:
        if isinstance(value, dict) and "correction" not in value:
            value = {**value, "correction": None}  # dumps written before corrections of readings existed
        proposal = _fields(value, at, "proposal")
        inputs = self.known(proposal["document"], f"{at}.document")
        if inputs.kind != "inputs":
            raise _Bad(f"{at}.document", f"{inputs.key!r} is a draft, not an inputs document")
        if (inputs.key, proposal["position"]) in places:
            raise _Bad(f"{at}.position", f"a second proposal at position {proposal['position']} of {inputs.key!r}")
        places.add((inputs.key, proposal["position"]))
        base = self.draft(proposal["base_document"], f"{at}.base_document")
        if proposal["paragraph_eid"] is not None:
            _in(base, [proposal["paragraph_eid"]], f"{at}.paragraph_eid")
        proposal["edits"] = [_fields(e, w, "edit") for w, e in _items(proposal["edits"], f"{at}.edits")]
        proposal["sponsors"] = [self.sponsor(s, w) for w, s in _items(proposal["sponsors"], f"{at}.sponsors")]
        if not proposal["sponsors"]:
            raise _Bad(f"{at}.sponsors", "a proposal has at least one sponsor")
        proposal["disposition"] = self.disposition(proposal["disposition"], f"{at}.disposition")
        if proposal["override"] is not None:
            proposal["override"] = _fields(proposal["override"], f"{at}.override", "override")
        if proposal["correction"] is not None:
            proposal["correction"] = _fields(proposal["correction"], f"{at}.correction", "correction")
        return proposal

    def sponsor(self, value: Any, at: str) -> dict[str, Any]:
        sponsor = _fields(value, at, "sponsor")
        name = self.resolve(sponsor["delegation"], f"{at}.delegation").name
        if name not in self.delegations:
            raise _Bad(f"{at}.delegation", f"{name!r} is not among the dump's delegations")
        _lines(sponsor, at)
        return {**sponsor, "delegation": name}

    def disposition(self, value: Any, at: str) -> dict[str, Any] | None:
        if value is None:
            return None
        disposition = _fields(value, at, "disposition")
        if disposition["next_document"] is not None:
            self.draft(disposition["next_document"], f"{at}.next_document")
        disposition["evidence"] = _fields(disposition["evidence"], f"{at}.evidence", "evidence")
        return disposition


def _lines(record: dict[str, Any], at: str) -> None:
    """A record's line_start and line_end: the end, when both are given, not before the start."""
    start, end = record["line_start"], record["line_end"]
    if start is not None and end is not None and end < start:
        raise _Bad(f"{at}.line_end", f"line {end} comes before line_start {start}")


def _bracket(value: Any, at: str, text: str) -> dict[str, Any]:
    """A bracketed span: its offsets inside the paragraph's text, start not after end.

    Dumps made before brackets had a depth and a group lack both: they read as depth 1, group None.
    """
    if isinstance(value, dict):
        value = {**BRACKET_DEFAULTS, **value}
    bracket = _fields(value, at, "bracket")
    bracket["start"] = _integer(bracket["start"], f"{at}.start", 0, len(text))
    bracket["end"] = _integer(bracket["end"], f"{at}.end", bracket["start"], len(text))
    return bracket


def _in(document: _Document, eids: list[str], at: str) -> None:
    for eid in eids:
        if eid not in document.eids:
            raise _Bad(at, f"no paragraph {eid!r} in {document.key!r}")


def _link_shape(link: dict[str, Any], at: str) -> None:
    """A new paragraph has targets only, a deleted one sources only, every other link both."""
    relation, sources, targets = link["relation"], link["from_eids"], link["to_eids"]
    if relation != "new" and not sources:
        raise _Bad(f"{at}.from_eids", f"a {relation!r} link comes from at least one paragraph")
    if relation != "deleted" and not targets:
        raise _Bad(f"{at}.to_eids", f"a {relation!r} link goes to at least one paragraph")
    if relation == "new" and sources:
        raise _Bad(f"{at}.from_eids", "a 'new' link comes from no paragraph")
    if relation == "deleted" and targets:
        raise _Bad(f"{at}.to_eids", "a 'deleted' link goes to no paragraph")
