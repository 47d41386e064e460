"""Backups: `export json` dumps everything about a negotiation; `import DUMP.json` restores it exactly."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from amendtrack.api import correct_reading, dispositions, export_json, set_disposition
from amendtrack.cli import cli
from amendtrack.resources import sample_data_dir
from amendtrack.store.backup import FORMAT
from amendtrack.store.importer import import_path
from amendtrack.store.tables import Base


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The real GPA negotiation (drafts, lineage, 574 proposals) with dispositions, two overrides and a
    correction of a reading; its dump."""
    folder = tmp_path_factory.mktemp("backup")
    url = f"sqlite:///{folder / 'source.db'}"
    import_path(sample_data_dir() / "drafts" / "gpa-2010", url)
    records = dispositions(url, "gpa-2010")
    set_disposition(url, records[0]["id"], "accepted", "agreed in informals — “as orally revised”")
    set_disposition(url, records[7]["id"], "superseded", "")
    correct_reading(url, records[0]["id"], "read again from the scan", paragraph="PP3", text="as orally revised")
    dump = folder / "gpa.json"
    code, _, err = run("--db", url, "export", "json", "gpa-2010", "--out", str(dump))
    assert code == 0, err
    yield url, dump


@pytest.fixture(scope="module")
def in_parts(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """The 2019 report, one draft in three parts (L.1 and two addenda); its dump."""
    folder = tmp_path_factory.mktemp("parts")
    url = f"sqlite:///{folder / 'parts.db'}"
    import_path(sample_data_dir() / "drafts" / "wg-tip-2019", url)
    dump = folder / "wg.json"
    code, _, err = run("--db", url, "export", "json", "wg-tip-2019", "--out", str(dump))
    assert code == 0, err
    return url, dump


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def test_dump_holds_everything(source: tuple[str, Path]) -> None:
    dump = load(source[1])
    assert dump["format"] == FORMAT and dump["negotiation"]["key"] == "gpa-2010"
    assert [(d["key"], d["kind"], d["order"]) for d in dump["documents"]] == [
        ("first-draft", "draft", 1),
        ("inputs-first-draft", "inputs", 2),
        ("draft-2010-07-19", "draft", 3),
    ]
    paragraphs = [p for d in dump["documents"] for p in d["paragraphs"]]
    assert len(paragraphs) == 213 and any(p["parent"] for p in paragraphs) and any(p["markers"] for p in paragraphs)
    assert dump["documents"][0]["preface"]
    [lineage] = dump["lineage"]
    assert (lineage["from"], lineage["to"]) == ("first-draft", "draft-2010-07-19") and len(lineage["links"]) > 90
    proposals = dump["proposals"]
    assert len(proposals) == 574 and all(p["disposition"] for p in proposals)
    assert any(len(p["sponsors"]) > 1 for p in proposals)  # co-sponsored
    assert [p["override"] for p in proposals if p["override"]] == [
        {"status": "accepted", "note": "agreed in informals — “as orally revised”"},
        {"status": "superseded", "note": ""},
    ]
    assert {s["delegation"] for p in proposals for s in p["sponsors"]} == {d["name"] for d in dump["delegations"]}


def test_dump_has_a_field_for_every_stored_column(source: tuple[str, Path], in_parts: tuple[str, Path]) -> None:
    """A column added to a table but forgotten in the dump fails here (row ids and links excepted)."""
    dump = load(source[1])
    document = dump["documents"][0]
    proposal = next(p for p in dump["proposals"] if p["override"])
    records = {
        "negotiation": dump["negotiation"],
        "document": document,
        "paragraph": document["paragraphs"][0],
        "alignment": dump["lineage"][0],
        "lineage_link": dump["lineage"][0]["links"][0],
        "delegation": dump["delegations"][0],
        "proposal": proposal,
        "proposal_sponsor": proposal["sponsors"][0],
        "disposition": proposal["disposition"],
        "disposition_override": proposal["override"],
        "reading_correction": proposal["correction"],
        "document_part": load(in_parts[1])["documents"][0]["parts"][0],
    }
    renamed = {"seq": "order", "parent_id": "parent", "from_document_id": "from", "to_document_id": "to"}
    renamed |= {"base_document_id": "base_document", "document_id": "document", "next_document_id": "next_document"}
    implied = {"id", "negotiation_id", "alignment_id", "proposal_id", "delegation_id"}  # by nesting, or by name
    nested = {("paragraph", "document_id"), ("proposal_sponsor", "position")}  # its document; its place in the list
    nested |= {("document_part", "document_id"), ("document_part", "position")}
    # adopted_document is the document's kind 'adopted'; shingle is derived from the paragraphs (rebuilt on restore)
    assert set(records) | {"adopted_document", "shingle"} == set(Base.metadata.tables)
    for table, record in records.items():
        for column in Base.metadata.tables[table].columns:
            if column.name in implied or (table, column.name) in nested:
                continue
            assert renamed.get(column.name, column.name) in record, f"{table}.{column.name} is not in the dump"


def test_a_draft_in_parts_is_restored_with_its_parts(
    in_parts: tuple[str, Path], sqlite_url: str, tmp_path: Path
) -> None:
    dump = load(in_parts[1])
    [document] = dump["documents"]
    assert [(p["key"], p["name"], p["source_file"]) for p in document["parts"]] == [
        ("L1", "L.1", "01-draft-report-L1.txt"),
        ("L1-Add1", "L.1/Add.1", "02-draft-report-L1-Add1.txt"),
        ("L1-Add2", "L.1/Add.2", "03-draft-report-L1-Add2.txt"),
    ]
    code, _, err = run("--db", sqlite_url, "import", str(in_parts[1]))
    assert (code, err) == (0, "")
    again = tmp_path / "again.json"
    assert run("--db", sqlite_url, "export", "json", "wg-tip-2019", "--out", str(again))[0] == 0
    assert again.read_bytes() == in_parts[1].read_bytes()
    # a part that names no container of its draft is refused, naming the place
    document["parts"][1]["eid"] = "part_nowhere"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(dump), encoding="utf-8")
    code, _, err = run("--db", sqlite_url, "import", str(bad), "--negotiation", "other")
    assert code == 1 and "documents[0].parts[1].eid" in err and err.count("\n") == 1


@pytest.mark.parametrize("target", ["sqlite", "postgresql"])
def test_restore_into_an_empty_database_gives_the_same_dump(
    source: tuple[str, Path], target: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    url = request.getfixturevalue("sqlite_url" if target == "sqlite" else "pg_url")
    code, out, err = run("--db", url, "import", str(source[1]))
    assert (code, err) == (0, "")
    assert out.splitlines()[1] == (
        "imported: gpa-2010/inputs-first-draft (Table of Inputs on First Draft), order 2, 574 proposals, "
        "from 02-table-of-inputs-on-first-draft.txt"
    )
    again = tmp_path / "again.json"
    assert run("--db", url, "export", "json", "gpa-2010", "--out", str(again))[0] == 0
    assert again.read_bytes() == source[1].read_bytes()  # byte for byte: nothing lost, nothing reordered

    # The restored negotiation is alive: recomputing gives what the source gives, overrides included.
    def without_ids(records: list[dict]) -> list[dict]:
        return [{k: v for k, v in r.items() if k != "id"} for r in records]

    assert without_ids(dispositions(url, "gpa-2010")) == without_ids(dispositions(source[0], "gpa-2010"))


def test_restore_refuses_a_negotiation_already_stored_and_changes_nothing(
    source: tuple[str, Path], sqlite_url: str, tmp_path: Path
) -> None:
    assert run("--db", sqlite_url, "import", str(source[1]))[0] == 0
    before = export_json(sqlite_url, "gpa-2010")
    code, out, err = run("--db", sqlite_url, "import", str(source[1]))
    assert (code, out) == (1, "")
    assert err == (
        f"amendtrack: error: {source[1]}: negotiation 'gpa-2010' is already stored: restore into an empty "
        "database, or under another key with --negotiation NAME\n"
    )
    assert export_json(sqlite_url, "gpa-2010") == before
    # under another key it is a second, independent copy
    assert run("--db", sqlite_url, "import", str(source[1]), "--negotiation", "gpa-copy")[0] == 0
    copy = json.loads(export_json(sqlite_url, "gpa-copy"))
    assert copy == {**load(source[1]), "negotiation": {**load(source[1])["negotiation"], "key": "gpa-copy"}}


def test_broken_dump_is_one_line_and_stores_nothing(source: tuple[str, Path], tmp_path: Path) -> None:
    truncated = tmp_path / "truncated.json"
    truncated.write_bytes(source[1].read_bytes()[:5000])
    db = tmp_path / "new.db"
    code, _, err = run("--db", f"sqlite:///{db}", "import", str(truncated))
    assert code == 1 and err.count("\n") == 1
    assert err.startswith(f"amendtrack: error: {truncated}:") and "not a readable amendtrack dump" in err
    wrong = tmp_path / "wrong.json"
    dump = load(source[1])
    del dump["documents"][1]  # proposals now name an inputs document the dump lacks
    wrong.write_text(json.dumps(dump), encoding="utf-8")
    code, _, err = run("--db", f"sqlite:///{db}", "import", str(wrong))
    assert (code, err) == (
        1,
        f"amendtrack: error: {wrong}: proposals[0].document: no document 'inputs-first-draft' in the dump\n",
    )
    assert not db.exists()  # a failed restore leaves no database behind


def test_a_json_list_of_proposals_is_still_not_a_draft(tmp_path: Path) -> None:
    proposals = tmp_path / "mail.json"
    proposals.write_text('[{"delegation": "USA"}]', encoding="utf-8")
    code, _, err = run("--db", f"sqlite:///{tmp_path / 'x.db'}", "import", str(proposals), "--negotiation", "n")
    assert code == 1 and "holds inputs, not a draft" in err


# --- hostile backups: refused whole, in one line, before anything is stored ------------------------------


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory, source: tuple[str, Path]) -> bytes:
    """The bytes of a SQLite database that already holds a negotiation (the GPA dump restored as 'kept')."""
    db = tmp_path_factory.mktemp("stored") / "kept.db"
    assert run("--db", f"sqlite:///{db}", "import", str(source[1]), "--negotiation", "kept")[0] == 0
    return db.read_bytes()


def hostile_import(
    source: tuple[str, Path], stored: bytes, tmp_path: Path, change: Callable[[dict[str, Any]], None]
) -> tuple[int, str, str, Path]:
    """Import the GPA dump changed by `change` as 'evil' into a copy of `stored`: (code, out, err, dump file)."""
    dump = load(source[1])
    change(dump)
    path = tmp_path / "p.json"
    path.write_text(json.dumps(dump, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "db.sqlite"
    db.write_bytes(stored)
    code, out, err = run("--db", f"sqlite:///{db}", "import", str(path), "--negotiation", "evil")
    return code, out, err, path


def refused(result: tuple[int, str, str, Path], stored: bytes, tmp_path: Path, message: str) -> None:
    """Exit 1, nothing on stdout, the one line `<file>: <message>` on stderr, the database byte for byte as it was."""
    code, out, err, path = result
    assert (code, out, err) == (1, "", f"amendtrack: error: {path}: {message}\n")
    assert (tmp_path / "db.sqlite").read_bytes() == stored


@pytest.mark.hostile
def test_markers_that_are_not_a_list_are_refused(source: tuple[str, Path], stored: bytes, tmp_path: Path) -> None:
    def change(dump: dict[str, Any]) -> None:
        dump["documents"][0]["paragraphs"][0]["markers"] = "oops"

    result = hostile_import(source, stored, tmp_path, change)
    refused(result, stored, tmp_path, "documents[0].paragraphs[0].markers: expected a list, got a string")


@pytest.mark.hostile
def test_a_delegation_is_stored_under_its_registry_name(
    source: tuple[str, Path], stored: bytes, tmp_path: Path
) -> None:
    """'Japan ' is Japan: the shared delegation table gets no second, padded Japan."""

    def change(dump: dict[str, Any]) -> None:
        for delegation in dump["delegations"]:
            delegation["name"] = delegation["name"].replace("Japan", "Japan ")
        for proposal in dump["proposals"]:
            for sponsor in proposal["sponsors"]:
                sponsor["delegation"] = sponsor["delegation"].replace("Japan", "Japan ")

    code, _, err, _ = hostile_import(source, stored, tmp_path, change)
    assert (code, err) == (0, "")
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    with sqlite3.connect(tmp_path / "db.sqlite") as connection:
        names = [name for (name,) in connection.execute("SELECT name FROM delegation")]
    assert "Japan" in names and "Japan " not in names
    assert json.loads(export_json(url, "evil")) == {
        **load(source[1]),
        "negotiation": {**load(source[1])["negotiation"], "key": "evil"},
    }


@pytest.mark.hostile
def test_an_unknown_delegation_is_refused(source: tuple[str, Path], stored: bytes, tmp_path: Path) -> None:
    def change(dump: dict[str, Any]) -> None:
        dump["delegations"].append({"name": "<script>alert(1)</script>", "kind": "member_state"})
        dump["proposals"][3]["sponsors"][0]["delegation"] = "<script>alert(1)</script>"

    result = hostile_import(source, stored, tmp_path, change)
    refused(
        result,
        stored,
        tmp_path,
        f"delegations[{len(load(source[1])['delegations'])}].name: unknown delegation '<script>alert(1)</script>' "
        "(not in the registry; see amendtrack delegations)",
    )


@pytest.mark.hostile
def test_lineage_from_a_draft_to_itself_is_refused(source: tuple[str, Path], stored: bytes, tmp_path: Path) -> None:
    def change(dump: dict[str, Any]) -> None:
        dump["lineage"][0]["to"] = dump["lineage"][0]["from"]

    result = hostile_import(source, stored, tmp_path, change)
    refused(result, stored, tmp_path, "lineage[0].to: lineage links a draft to itself ('first-draft')")


@pytest.mark.hostile
def test_proposals_in_a_draft_are_refused(source: tuple[str, Path], stored: bytes, tmp_path: Path) -> None:
    def change(dump: dict[str, Any]) -> None:
        for proposal in dump["proposals"]:
            proposal["document"] = "first-draft"

    result = hostile_import(source, stored, tmp_path, change)
    refused(result, stored, tmp_path, "proposals[0].document: 'first-draft' is a draft, not an inputs document")


@pytest.mark.hostile
def test_an_integer_beyond_64_bits_is_refused(source: tuple[str, Path], stored: bytes, tmp_path: Path) -> None:
    def change(dump: dict[str, Any]) -> None:
        dump["documents"][0]["paragraphs"][1]["line_start"] = 10**20

    result = hostile_import(source, stored, tmp_path, change)
    refused(
        result,
        stored,
        tmp_path,
        "documents[0].paragraphs[1].line_start: 100000000000000000000 is out of range (1 to 2147483647)",
    )


@pytest.mark.hostile
def test_a_confidence_that_is_not_a_number_is_refused(source: tuple[str, Path], stored: bytes, tmp_path: Path) -> None:
    def change(dump: dict[str, Any]) -> None:
        dump["proposals"][5]["confidence"] = "high"

    result = hostile_import(source, stored, tmp_path, change)
    refused(result, stored, tmp_path, "proposals[5].confidence: expected a number from 0 to 1, got a string")


@pytest.mark.hostile
def test_json_nested_100000_deep_is_refused(source: tuple[str, Path], stored: bytes, tmp_path: Path) -> None:
    dump = load(source[1])
    dump["documents"][0]["preface"] = "NEST"
    path = tmp_path / "p.json"
    path.write_text(json.dumps(dump).replace('"NEST"', "[" * 100_000 + "]" * 100_000), encoding="utf-8")
    db = tmp_path / "db.sqlite"
    db.write_bytes(stored)
    code, out, err = run("--db", f"sqlite:///{db}", "import", str(path), "--negotiation", "evil")
    refused((code, out, err, path), stored, tmp_path, "not a readable amendtrack dump: nested too deeply")
