"""A backup can never poison the store: random damage to a real dump is refused whole, or restored and readable.

The dump is a real one cut down: the GPA negotiation (two drafts, their lineage, the table of inputs)
with a few paragraphs of each draft (children, markers and brackets among them) and the proposals on
them, co-sponsored ones and an override included. Hypothesis damages it in the ways the dump's schema
allows: a field set to a value of the wrong type, out of range or taken from elsewhere in the dump
(another document's key, another draft's eId), a field removed or added, a list item removed,
repeated or moved, the file cut short. `amendtrack import` of the damaged dump, into a SQLite file
that already holds the undamaged negotiation, then either

* refuses it: exit status 1, one line naming the file on stderr, the database byte for byte as it was;
* or stores it, and then `export json` gives back what was imported (as check_dump read it), and
  every read command works on it: paragraphs, diff, dispositions, report, history, compile --html,
  apply, export akn, site (of every negotiation), align. The heavy ones (the HTML and Word outputs and
  the site) run on every third stored example, drawn by Hypothesis.

Examples: 350 by default (about 40 s on two cores). To run longer, set AMENDTRACK_BACKUP_EXAMPLES, e.g.
`AMENDTRACK_BACKUP_EXAMPLES=2000 pytest tests/test_backup_properties.py` (about 20 minutes).
"""

from __future__ import annotations

import copy
import json
import math
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from amendtrack.cli import cli
from amendtrack.model.delegation import Registry
from amendtrack.read.dump import check_dump
from amendtrack.resources import sample_data_dir
from amendtrack.store.importer import import_path

EXAMPLES = int(os.environ.get("AMENDTRACK_BACKUP_EXAMPLES", "350"))
KEPT_TREES = {"pp_1", "pp_2", "pp_3", "pp_5", "pp_8", "pp_14", "op_2"}  # whole, with their children
KEPT_NODES = {"annex__para_25", "annex__para_31", "annex__para_34", "annex__para_43"}  # with their ancestors
WEIGHTY = {"parent", "eid", "paragraph_eid", "from_eids", "to_eids", "placeholder_eids", "key", "document"}
WEIGHTY |= {"base_document", "next_document", "from", "to", "delegation", "name", "markers", "brackets", "edits"}
WEIGHTY |= {"position", "order", "start", "end", "line_start", "line_end", "score", "confidence", "kind", "evidence"}
NESTED = json.loads("[" * 60 + "]" * 60)
WRONG: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    1,
    2,
    0.5,
    1.5,
    -0.25,
    2**31,
    2**63,
    10**20,
    -(2**63) - 1,
    math.nan,
    math.inf,
    "",
    " ",
    "oops",
    "high",
    "\x00",
    "a\ud800b",
    "bell\x07",
    "<script>alert(1)</script>",
    "Japan ",
    "USA",
    "../../etc/passwd",
    "x" * 600,
    [],
    [1],
    ["x"],
    {},
    {"kind": "note", "text": "x", "ref": None},
    NESTED,
]


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", f"sqlite:///{db}", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def cut_down(dump: dict[str, Any]) -> dict[str, Any]:
    """The GPA dump with a few paragraphs of each draft, the links among them and the proposals on them."""
    kept: dict[str, set[str]] = {}
    for document in dump["documents"]:
        parent = {p["eid"]: p["parent"] for p in document["paragraphs"]}
        keep: set[str] = set()
        for paragraph in document["paragraphs"]:
            chain = [paragraph["eid"]]
            while parent[chain[-1]] is not None:
                chain.append(parent[chain[-1]])
            if paragraph["eid"] in KEPT_NODES or chain[-1] in KEPT_TREES:
                keep.update(chain)
        document["paragraphs"] = [p for p in document["paragraphs"] if p["eid"] in keep]
        kept[document["key"]] = keep
    for lineage in dump["lineage"]:
        lineage["links"] = [
            link
            for link in lineage["links"]
            if set(link["from_eids"]) <= kept[lineage["from"]]
            and set(link["to_eids"] + link["placeholder_eids"]) <= kept[lineage["to"]]
        ]
    proposals = [p for p in dump["proposals"] if p["paragraph_eid"] in kept[p["base_document"]]]
    chosen = proposals[:12] + [p for p in proposals[12:] if len(p["sponsors"]) > 1][:2]
    chosen[1]["override"] = {"status": "accepted", "note": "agreed in informals"}
    dump["proposals"] = chosen
    named = {sponsor["delegation"] for p in chosen for sponsor in p["sponsors"]}
    dump["delegations"] = [d for d in dump["delegations"] if d["name"] in named]
    dump["negotiation"]["key"] = "small"
    return dump


class Base:
    """The undamaged dump and a database holding it; shown short in Hypothesis's report of a failing example."""

    def __init__(self, dump: dict[str, Any], db: bytes):
        self.dump, self.db = dump, db

    def __repr__(self) -> str:
        return "<the cut-down GPA dump>"


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Base]:
    """The cut-down dump, and the bytes of a SQLite database that already holds it (as 'small')."""
    folder = tmp_path_factory.mktemp("backup-properties")
    url = f"sqlite:///{folder / 'gpa.db'}"
    import_path(sample_data_dir() / "drafts" / "gpa-2010", url)
    assert run(folder / "gpa.db", "dispositions", "gpa-2010")[0] == 0
    code, out, _ = run(folder / "gpa.db", "export", "json", "gpa-2010")
    dump = cut_down(json.loads(out))
    check_dump(dump, "base")  # the undamaged dump is sound
    path = folder / "small.json"
    path.write_text(json.dumps(dump), encoding="utf-8")
    db = folder / "small.db"
    assert run(db, "import", str(path))[0] == 0
    yield Base(dump, db.read_bytes())


# --- damage ---------------------------------------------------------------------------------------------


def places(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every value inside a dump (the dump itself first)."""
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from places(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from places(item, (*path, index))


def leaves(value: Any) -> list[Any]:
    """Every string and number in a dump, in order: values that are valid somewhere else in it."""
    if isinstance(value, dict):
        return [leaf for item in value.values() for leaf in leaves(item)]
    if isinstance(value, list):
        return [leaf for item in value for leaf in leaves(item)]
    return [value]


def schema_places(dump: dict[str, Any]) -> st.SearchStrategy[tuple[Any, ...]]:
    """A place in the dump: a field of the schema (`documents[*].paragraphs[*].markers`), fields that refer to
    others or hold records (WEIGHTY) thrice as likely as the rest, then one of its places in this dump."""
    kinds: dict[tuple[Any, ...], list[tuple[Any, ...]]] = {}
    for path in list(places(dump))[1:]:
        kinds.setdefault(tuple("*" if isinstance(step, int) else step for step in path), []).append(path)
    fields = {kind: next(step for step in reversed(kind) if step != "*") for kind in kinds}
    weighted = [kind for kind in sorted(kinds, key=repr) for _ in range(3 if fields[kind] in WEIGHTY else 1)]
    return st.sampled_from(weighted).flatmap(lambda kind: st.sampled_from(kinds[kind]))


def at(dump: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        dump = dump[step]
    return dump


def references(dump: dict[str, Any]) -> dict[Any, list[str]]:
    """For a field that names something (a parent, a document, a link's paragraphs, a delegation), the names
    the dump gives such things: a reference changed to one of them points at the wrong thing, or at nothing."""
    eids = sorted({p["eid"] for d in dump["documents"] for p in d["paragraphs"]})
    keys = [d["key"] for d in dump["documents"]]
    delegations = [d["name"] for d in dump["delegations"]] + ["Japan ", "<script>alert(1)</script>"]
    named = {"parent": eids, "paragraph_eid": eids, "eid": eids, "from_eids": eids, "to_eids": eids}
    named |= {"placeholder_eids": eids, "key": keys, "document": keys, "base_document": keys}
    named |= {"next_document": keys, "from": keys, "to": keys, "delegation": delegations, "name": delegations}
    return named


def renamed(value: Any, old: str, new: Any) -> Any:
    """The dump with every string `old` (a value, not a field name) replaced by `new`."""
    if isinstance(value, dict):
        return {key: renamed(item, old, new) for key, item in value.items()}
    if isinstance(value, list):
        return [renamed(item, old, new) for item in value]
    return new if value == old and isinstance(value, str) else value


def like(value: Any, strings: list[str]) -> st.SearchStrategy[Any]:
    """Values of the same JSON type as `value`: a string for a string (often one of the dump's), and so on."""
    if isinstance(value, bool):
        return st.booleans()
    if isinstance(value, int):
        return st.integers(-2, 300) | st.sampled_from([2**31 - 1, 2**31, 2**63 - 1, 2**63])
    if isinstance(value, float):
        return st.floats(0, 1) | st.floats()
    if isinstance(value, list):
        return st.lists(st.sampled_from(strings), max_size=2)
    return st.sampled_from(strings) | st.text(max_size=12)  # a string, a null or an object


@st.composite
def damaged(draw: st.DrawFn, dump: dict[str, Any]) -> tuple[dict[str, Any], int | None]:
    """One kind of damage (or two) done to a copy of the dump; and where to cut the file, if it is cut."""
    dump = copy.deepcopy(dump)
    wrong = st.sampled_from(WRONG).map(copy.deepcopy)  # a fresh copy: damage done to it must not outlive the case
    anything = st.one_of(wrong, st.text(max_size=12), st.integers(), st.floats())
    strings = sorted({leaf for leaf in leaves(dump) if isinstance(leaf, str) and len(leaf) < 80})
    names = references(dump)
    for _ in range(draw(st.sampled_from([1, 1, 2]))):
        path = draw(schema_places(dump))
        parent, last = at(dump, path[:-1]), path[-1]
        action = draw(st.sampled_from(["like"] * 4 + ["rename"] * 2 + ["wrong", "remove", "add", "repeat", "move"]))
        if action == "rename" and isinstance(parent[last], str):  # everywhere: a key, an eId, a delegation
            dump = renamed(dump, parent[last], draw(st.sampled_from(strings) | wrong | st.text()))
        elif action == "like":
            field = next((step for step in reversed(path) if isinstance(step, str)), "")  # ('documents', 0) → documents
            parent[last] = draw(like(parent[last], names.get(field, strings) if draw(st.booleans()) else strings))
        elif action == "wrong":
            parent[last] = draw(anything)
        elif action == "remove":
            del parent[last]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["extra", "id", "pid", "kind"]))] = draw(anything)
        elif action == "add":
            parent.insert(last, draw(anything))
        elif action == "repeat" and isinstance(parent, list):
            parent.insert(last, copy.deepcopy(parent[last]))
        elif action == "move" and isinstance(parent, list):
            parent.insert(draw(st.integers(0, len(parent) - 1)), parent.pop(last))
    cut = draw(st.integers(0, 4000)) if draw(st.integers(0, 7)) == 0 else None
    return dump, cut


# --- the property ----------------------------------------------------------------------------------------


def expected_export(dump: dict[str, Any]) -> dict[str, Any]:
    """What `export json` gives for a restored dump (checked): rows in the store's order, used delegations only."""
    checked = json.loads(json.dumps(check_dump(copy.deepcopy(dump), "x")))
    order = {document["key"]: document["order"] for document in checked["documents"]}
    checked["negotiation"]["key"] = "evil"
    checked["lineage"].sort(key=lambda alignment: (order[alignment["from"]], order[alignment["to"]]))
    checked["proposals"].sort(key=lambda proposal: (order[proposal["document"]], proposal["position"]))
    named = {sponsor["delegation"] for proposal in checked["proposals"] for sponsor in proposal["sponsors"]}
    checked["delegations"] = [d for d in checked["delegations"] if d["name"] in named]
    return checked


def assert_consistent(db: Path, exported: dict[str, Any]) -> None:
    """What the store holds after a restore makes sense, whatever check_dump let through: every delegation
    has its registry name, proposals sit in inputs documents on a draft, lineage runs forward between drafts."""
    registry = Registry.load()
    with sqlite3.connect(db) as connection:
        for (name,) in connection.execute("SELECT name FROM delegation"):
            assert registry.resolve(name) is not None and registry.resolve(name).name == name, name
    kind = {d["key"]: d["kind"] for d in exported["documents"]}
    order = {d["key"]: d["order"] for d in exported["documents"]}
    assert all((kind[p["document"]], kind[p["base_document"]]) == ("inputs", "draft") for p in exported["proposals"])
    for alignment in exported["lineage"]:
        assert kind[alignment["from"]] == kind[alignment["to"]] == "draft"
        assert order[alignment["from"]] < order[alignment["to"]]


LEFT_OUT = r"left out \d+ proposal\(s\) whose reading is to be checked: [\d, ]+ \(.*\)\n"


def read_everything(db: Path, folder: Path, dump: dict[str, Any], every: bool) -> None:
    """The read commands work on the restored negotiation 'evil': those that load all of it always, every
    command (the HTML and Word outputs and the site of every negotiation too) when `every`."""
    drafts = [d["key"] for d in dump["documents"] if d["kind"] == "draft"]
    pairs = list(zip(drafts, drafts[1:], strict=False))
    delegations = [s["delegation"] for p in dump["proposals"] for s in p["sponsors"]][:1]
    labels = [p["label"] for d in dump["documents"] for p in d["paragraphs"]][:1]
    commands = [["paragraphs", "evil", key] for key in drafts] + [["dispositions", "evil", "--json"]]
    if every:
        commands += [["paragraphs", "evil", key, "--json"] for key in drafts] + [["dispositions", "evil"]]
        commands += [["diff", "evil", old, new, "--no-color"] for old, new in pairs]
        commands += [["diff", "evil", old, new, "--html", str(folder / "diff.html")] for old, new in pairs]
        commands += [["export", "akn", "evil", key] for key in drafts]
        commands += [["history", "evil", label, "--json"] for label in labels]
        commands += [["compile", "evil", key, "--html", str(folder / f"{key}.html")] for key in drafts]
        commands += [["report", "evil", "--delegation", name, "--html", str(folder / "r.html")] for name in delegations]
        commands += [
            ["apply", "evil", drafts[0], "--delegation", name, "--docx", str(folder / "a.docx")] for name in delegations
        ]
        commands += [["site", "--out", str(folder / "site")]] + [["align", "evil", old, new] for old, new in pairs]
    for command in commands:
        code, _, err = run(db, *command)
        if command[0] == "apply":  # a damaged text may put a proposal's reading in doubt: apply says it left it out
            err = (
                ""
                if re.fullmatch(r"left out \d+ proposal\(s\) whose reading is to be checked: [\d, ]+ \(.*\)\n", err)
                else err
            )
        assert (code, err) == (0, ""), command


@settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(data=st.data())
def test_a_damaged_backup_is_refused_whole_or_restored_and_readable(base: Base, data: st.DataObject) -> None:
    dump, cut = data.draw(damaged(base.dump))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "p.json"
        text = json.dumps(dump).encode("utf-8")
        path.write_bytes(text if cut is None else text[:cut])
        db = folder / "db.sqlite"
        db.write_bytes(base.db)
        code, out, err = run(db, "import", str(path), "--negotiation", "evil")
        event("refused" if code else "restored")  # pytest --hypothesis-show-statistics shows the split
        if code != 0:
            assert (code, out) == (1, "")
            assert err.startswith(f"amendtrack: error: {path}") and err.count("\n") == 1, err
            assert db.read_bytes() == base.db
            return
        assert err == ""
        exported = run(db, "export", "json", "evil")
        assert exported[0] == 0 and json.loads(exported[1]) == expected_export(dump)
        assert_consistent(db, json.loads(exported[1]))
        read_everything(db, folder, expected_export(dump), every=data.draw(st.integers(0, 2)) == 0)
