"""Proposals in the store: import-inputs, co-sponsorship, round trips on both backends, the CLI's queries."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy.orm import Session

from amendtrack.cli import cli
from amendtrack.compare.cosponsor import group_cosponsored
from amendtrack.errors import InputError
from amendtrack.model.delegation import Registry
from amendtrack.model.proposal import Edit, Proposal, Source, Sponsor
from amendtrack.model.tree import Draft
from amendtrack.read import files
from amendtrack.read.inputs_csv import COLUMNS
from amendtrack.store.drafts import save_draft
from amendtrack.store.engine import create_schema, engine_for
from amendtrack.store.importer import import_inputs, import_path
from amendtrack.store.proposals import delegation_counts, load_proposals, proposal_counts, save_proposals

from conftest import build_draft
from test_importer import db_bytes, pg_counts

DATA = Path(__file__).resolve().parent.parent / "data" / "drafts"
FIRST_DRAFT = DATA / "gpa-2010" / "01-first-draft.txt"
HEADER = ",".join(COLUMNS)
ROWS = [
    "USA,26,insert,border control officers,,,labor inspectors,",  # row 2
    "Japan; Canada,PP5,delete,,,aforementioned United Nations,,",  # row 3: co-sponsors in one row
    "Thailand,5,delete,,,,,",  # row 4
    "China,5,delete,,,,,",  # row 5: the same change as row 4
    'Norway,PP5bis,new_paragraph,PP5,,,"Recalling the outcome of the Conference of the Parties,",',  # row 6
    "United States,10,move,6,after,,,",  # row 7
]
REQUIRED_FIELDS = {
    "id",
    "delegations",
    "paragraph",
    "pid",
    "operation",
    "anchor",
    "text",
    "resulting_text",
    "applied",
    "verbatim",
    "source",
    "attribution",
}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def write_csv(tmp_path: Path, rows: list[str], name: str = "inputs.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def gpa_url(db_url: str) -> str:
    """A database holding the real GPA first draft as negotiation 'gpa', document 'first-draft'."""
    code, _, err = run("--db", db_url, "import", str(FIRST_DRAFT), "--negotiation", "gpa", "--label", "First draft")
    assert code == 0, err
    return db_url


def proposals_json(url: str, *options: str) -> list[dict]:
    code, out, err = run("--db", url, "proposals", "gpa", "--json", *options)
    assert code == 0, err
    return json.loads(out)


# --- import-inputs and the proposals command ---------------------------------------------------


def test_import_inputs_then_proposals_json(gpa_url: str, tmp_path: Path) -> None:
    code, out, err = run(
        "--db", gpa_url, "import-inputs", str(write_csv(tmp_path, ROWS)), "--negotiation", "gpa", "--draft", "1"
    )
    assert (code, err) == (0, "")
    assert out == "imported: gpa/inputs (inputs), order 2, 5 proposals, from inputs.csv\n"  # rows 4 and 5 grouped

    records = proposals_json(gpa_url)
    assert all(REQUIRED_FIELDS <= set(r) for r in records)
    assert [(r["delegations"], r["paragraph"], r["operation"]) for r in records] == [
        (["USA"], "26", "insert"),
        (["Japan", "Canada"], "PP5", "delete"),
        (["Thailand", "China"], "5", "delete"),
        (["Norway"], "PP5", "new_paragraph"),
        (["USA"], "10", "move"),
    ]
    usa = records[0]
    assert usa["pid"] == "first-draft:annex__para_26"
    assert (usa["anchor"], usa["text"], usa["applied"], usa["attribution"]) == (
        "border control officers",
        "labor inspectors",
        True,
        "labelled",
    )
    assert "border control officers, labor inspectors, consular embassy officials" in usa["resulting_text"]
    assert usa["verbatim"] == ROWS[0]
    assert usa["source"] == {"file": "inputs.csv", "line_start": 2, "line_end": 2}
    grouped = records[2]
    assert [(s["delegation"], s["source"]["line_start"], s["verbatim"]) for s in grouped["sponsors"]] == [
        ("Thailand", 4, ROWS[2]),
        ("China", 5, ROWS[3]),
    ]
    assert (grouped["resulting_text"], grouped["pid"]) == ("", "first-draft:annex__para_5")
    assert records[3]["new_label"] == "PP5bis" and records[4]["new_label"] == "after 6"
    assert len({r["id"] for r in records}) == 5


def test_proposals_filters(gpa_url: str, tmp_path: Path) -> None:
    import_inputs(write_csv(tmp_path, ROWS), gpa_url, "gpa", "first-draft")
    usa = proposals_json(gpa_url, "--delegation", "United States of America")
    assert [(r["paragraph"], r["operation"]) for r in usa] == [("26", "insert"), ("10", "move")]
    canada = proposals_json(gpa_url, "--delegation", "canada")  # co-sponsors count for each sponsor
    assert [r["delegations"] for r in canada] == [["Japan", "Canada"]]
    assert [r["operation"] for r in proposals_json(gpa_url, "--paragraph", "PP.5")] == ["delete", "new_paragraph"]
    assert [r["operation"] for r in proposals_json(gpa_url, "--paragraph", "PP5bis")] == ["new_paragraph"]
    by_pid = proposals_json(gpa_url, "--paragraph", "first-draft:annex__para_26")
    assert [r["delegations"] for r in by_pid] == [["USA"]]
    assert proposals_json(gpa_url, "--paragraph", "PP1") == []  # in the draft, without proposals
    assert len(proposals_json(gpa_url, "--draft", "first-draft")) == len(proposals_json(gpa_url, "--draft", "inputs"))
    assert proposals_json(gpa_url, "--delegation", "Holy See") == []  # known, without proposals
    both = proposals_json(gpa_url, "--delegation", "USA", "--paragraph", "10")
    assert [r["operation"] for r in both] == ["move"]


def test_unknown_names_are_one_line_errors(gpa_url: str, tmp_path: Path) -> None:
    import_inputs(write_csv(tmp_path, ROWS), gpa_url, "gpa", "first-draft")
    code, out, err = run("--db", gpa_url, "proposals", "gpa", "--delegation", "Atlantis")
    assert (code, out) == (1, "")
    assert err == (
        "amendtrack: error: unknown delegation 'Atlantis' (delegations with proposals in gpa: "
        "Canada, China, Japan, Norway, Thailand, USA)\n"
    )
    code, _, err = run("--db", gpa_url, "proposals", "gpa", "--paragraph", "99")
    assert code == 1 and err.count("\n") == 1
    assert "unknown paragraph '99' (paragraphs with proposals in gpa: 26, PP5, 5, 10)" in err
    code, _, err = run("--db", gpa_url, "proposals", "gpa", "--draft", "june")
    assert code == 1 and "has no draft 'june' (drafts: 1 first-draft, 2 inputs)" in err
    code, _, err = run("--db", gpa_url, "proposals", "nowhere")
    assert code == 1 and "unknown negotiation 'nowhere' (known: gpa)" in err


def test_proposals_table(gpa_url: str, tmp_path: Path) -> None:
    import_inputs(write_csv(tmp_path, ROWS), gpa_url, "gpa", "first-draft")
    code, out, _ = run("--db", gpa_url, "proposals", "gpa", "--paragraph", "5")
    assert code == 0
    header, row = out.splitlines()
    assert header.split() == ["id", "delegations", "paragraph", "operation", "applied", "text"]
    assert row.split()[1:] == ["Thailand,", "China", "5", "delete", "yes"]


# --- nothing stored from a bad file ------------------------------------------------------------

BAD_ROWS = [
    ROWS[0],
    "Atlantis,26,delete,,,,,",  # row 3
    "USA,99,delete,,,,,",  # row 4
    "EU,26,replace,,,border control officers,,",  # row 5
    "USA,26,insert,border control officers,,,=cmd|' /C calc'!A0,",  # row 6
]
BAD_MESSAGE = (
    "4 problems: row 3: unknown delegation 'Atlantis'; row 4: unknown paragraph '99' (not in the base draft); "
    "row 5: missing text for replace; row 6: text looks like a spreadsheet formula (refused)"
)


def test_a_bad_csv_stores_nothing_in_sqlite(sqlite_url: str, tmp_path: Path) -> None:
    assert run("--db", sqlite_url, "import", str(FIRST_DRAFT), "--negotiation", "gpa")[0] == 0
    before = db_bytes(sqlite_url)
    bad = write_csv(tmp_path, BAD_ROWS)
    code, out, err = run("--db", sqlite_url, "import-inputs", str(bad), "--negotiation", "gpa", "--draft", "1")
    assert (code, out) == (1, "")
    assert err == f"amendtrack: error: {bad}:3: {BAD_MESSAGE}\n"
    assert db_bytes(sqlite_url) == before
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("delegation,paragraph,operation,colour\nUSA,26,delete,red\n", encoding="utf-8")
    code, _, err = run("--db", sqlite_url, "import-inputs", str(wrong), "--negotiation", "gpa", "--draft", "1")
    assert code == 1 and "row 1: unknown column 'colour'" in err
    assert db_bytes(sqlite_url) == before


def test_a_bad_csv_stores_nothing_in_postgres(pg_url: str, pg_schema: str, tmp_path: Path) -> None:
    assert run("--db", pg_url, "import", str(FIRST_DRAFT), "--negotiation", "gpa")[0] == 0
    before = pg_counts(pg_schema)
    code, _, err = run(
        "--db", pg_url, "import-inputs", str(write_csv(tmp_path, BAD_ROWS)), "--negotiation", "gpa", "--draft", "1"
    )
    assert code == 1 and BAD_MESSAGE in err
    assert pg_counts(pg_schema) == before
    assert before["proposal"] == before["proposal_sponsor"] == before["delegation"] == 0


def test_skip_invalid_stores_the_good_rows(gpa_url: str, tmp_path: Path) -> None:
    bad = write_csv(tmp_path, BAD_ROWS)
    code, out, err = run(
        "--db", gpa_url, "import-inputs", str(bad), "--negotiation", "gpa", "--draft", "1", "--skip-invalid"
    )
    assert code == 0
    assert out == "imported: gpa/inputs (inputs), order 2, 1 proposal, from inputs.csv\n"
    assert err.splitlines() == [
        "amendtrack: skipped row 3: unknown delegation 'Atlantis'",
        "amendtrack: skipped row 4: unknown paragraph '99' (not in the base draft)",
        "amendtrack: skipped row 5: missing text for replace",
        "amendtrack: skipped row 6: text looks like a spreadsheet formula (refused)",
    ]
    assert [r["delegations"] for r in proposals_json(gpa_url)] == [["USA"]]


def test_reimporting_the_same_inputs_is_a_no_op(gpa_url: str, tmp_path: Path) -> None:
    path = write_csv(tmp_path, ROWS)
    first = import_inputs(path, gpa_url, "gpa", "first-draft")
    again = import_inputs(path, gpa_url, "gpa", "first-draft", label="another name")
    assert (first.status, first.proposals, again.status) == ("imported", 5, "already_imported")
    assert again.message.startswith("already imported: gpa/inputs from inputs.csv (sha256 ")
    assert len(proposals_json(gpa_url)) == 5


def test_import_inputs_needs_a_stored_draft(sqlite_url: str, tmp_path: Path) -> None:
    path = write_csv(tmp_path, ROWS)
    with pytest.raises(InputError, match="no such database"):
        import_inputs(path, sqlite_url, "gpa", "first-draft")
    assert not Path(sqlite_url.removeprefix("sqlite:///")).exists()
    run("--db", sqlite_url, "import", str(FIRST_DRAFT), "--negotiation", "gpa", "--label", "First draft")
    import_inputs(path, sqlite_url, "gpa", "first-draft")
    other = write_csv(tmp_path, ROWS[:1], "other.csv")
    with pytest.raises(InputError, match="inputs comment on a draft; 'inputs' is inputs"):
        import_inputs(other, sqlite_url, "gpa", "inputs")
    with pytest.raises(InputError, match=r"cannot read \.xlsx inputs"):
        (tmp_path / "mail.xlsx").write_bytes(b"PK")
        import_inputs(tmp_path / "mail.xlsx", sqlite_url, "gpa", "first-draft")


def test_a_compilation_is_read_against_the_stored_draft(
    gpa_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The .txt path calls amendtrack.read.compilation's reader with the stored base tree and the registry."""
    seen: list[tuple[str, int, bool]] = []

    def reader(path: Path, base: Draft, registry: Registry) -> list[Proposal]:
        seen.append((path.name, len(list(base.walk())), isinstance(registry, Registry)))
        sponsor = Sponsor("Japan", "inferred", "Delete whole paragraph.", Source(str(path.resolve()), 7, 8))
        return [Proposal("delete", "13", [sponsor], rationale="To be submitted if necessary.")]

    monkeypatch.setattr(files, "read_compilation", reader)
    table = tmp_path / "table.txt"
    table.write_text("Japan: Delete whole paragraph.\n", encoding="utf-8")
    result = import_inputs(table, gpa_url, "gpa", "first-draft")
    assert result.message == "imported: gpa/table (table), order 2, 1 proposal, from table.txt"
    assert seen == [("table.txt", 106, True)]
    [record] = proposals_json(gpa_url)
    assert record["source"] == {"file": "table.txt", "line_start": 7, "line_end": 8}  # relative, as stored
    assert (record["attribution"], record["pid"]) == ("inferred", "first-draft:annex__para_13")


def test_import_points_csv_files_to_import_inputs(sqlite_url: str, tmp_path: Path) -> None:
    code, _, err = run("--db", sqlite_url, "import", str(write_csv(tmp_path, ROWS)), "--negotiation", "gpa")
    assert code == 1
    assert err.endswith("inputs.csv: a .csv file holds inputs, not a draft (amendtrack import-inputs FILE --draft D)\n")
    assert not Path(sqlite_url.removeprefix("sqlite:///")).exists()


# --- manifests ---------------------------------------------------------------------------------


def manifest_folder(tmp_path: Path, inputs: str, against: str | None = None) -> Path:
    folder = tmp_path / "neg"
    folder.mkdir()
    (folder / "01-first.txt").write_text("PP1 Guided by the Charter,\n1 Decides to act;\n2 Requests a report.\n")
    (folder / "02-inputs.csv").write_text(inputs, encoding="utf-8")
    (folder / "03-second.txt").write_text("PP1 Guided by the Charter,\n1 Decides to act now;\n")
    against_line = f'against = "{against}"\n' if against else ""
    (folder / "manifest.toml").write_text(
        '[negotiation]\nid = "neg"\ntitle = "Neg"\n\n'
        '[[documents]]\nid = "first"\nlabel = "First"\nkind = "draft"\nfile = "01-first.txt"\n\n'
        f'[[documents]]\nid = "mail"\nlabel = "Mail"\nkind = "inputs"\nfile = "02-inputs.csv"\n{against_line}\n'
        '[[documents]]\nid = "second"\nlabel = "Second"\nkind = "draft"\nfile = "03-second.txt"\n',
        encoding="utf-8",
    )
    return folder


def test_a_manifest_imports_csv_inputs_against_the_draft_before_them(
    db_url: str, tmp_path: Path, fake_reader: Callable
) -> None:
    csv_text = f"{HEADER}\nUSA,1,insert,act,,,swiftly,\nEU,1,insert,act,,,Swiftly,\nChina,2,delete,,,,,\n"
    results = import_path(manifest_folder(tmp_path, csv_text), db_url)
    assert [r.message for r in results][1] == "imported: neg/mail (Mail), order 2, 2 proposals, from 02-inputs.csv"
    engine = engine_for(db_url)
    with Session(engine) as session:
        stored = load_proposals(session, "neg")
        assert delegation_counts(session, "neg") == {"China": 1, "EU": 1, "USA": 1}
        assert proposal_counts(session) == {("neg", "mail"): 2}
    engine.dispose()
    insert = stored[0][1]
    assert (insert.delegations, insert.resulting_text, insert.pid) == (
        ["USA", "EU"],
        "Decides to act swiftly;",
        "first:para_1",
    )
    assert stored[1][1].pid == "first:para_2"


def test_a_bad_csv_in_a_manifest_stores_nothing(sqlite_url: str, tmp_path: Path, fake_reader: Callable) -> None:
    folder = manifest_folder(tmp_path, f"{HEADER}\nAtlantis,1,delete,,,,,\n", against="first")
    with pytest.raises(InputError, match=r"02-inputs.csv:2: 1 problem: row 2: unknown delegation 'Atlantis'"):
        import_path(folder, sqlite_url)
    assert not Path(sqlite_url.removeprefix("sqlite:///")).exists()


# --- the store on both backends ----------------------------------------------------------------


def sample_proposals() -> list[Proposal]:
    """Proposals on the hand-built draft: co-sponsored, inferred, with references, on an unknown paragraph."""

    def sponsor(name: str, line: int, attribution: str = "labelled") -> Sponsor:
        return Sponsor(name, attribution, f"{name}: input at {line}", Source("table.txt", line, line + 1))

    return [
        Proposal(
            "insert",
            "PP1",
            [sponsor("USA", 3), sponsor("Canada", 9)],
            edits=[Edit("insert", new="and values", anchor="purposes", position="after")],
            resulting_text="Guided by the purposes and values [and principles / and aims] of the Charter,",
            applied=True,
        ),
        Proposal(
            "new_paragraph",
            "PP2bis",
            [sponsor("Norway", 12)],
            text="Recalling the outcome of the Conference,",
            new_label="PP2ter",
            references=["A/RES/64/178 pp4"],
            resulting_text="Recalling the outcome of the Conference,",
            applied=True,
        ),
        Proposal("comment", "42(a)", [sponsor("Colombia", 20, "inferred")], rationale="Why?", confidence=0.6),
        Proposal(
            "replace",
            "99",
            [sponsor("EU", 30)],
            edits=[Edit("replace", old="x", new="y")],
            unapplied_reason="the target paragraph is not in the draft",
        ),
        Proposal("merge", "42", [sponsor("Singapore", 40)], related=["43"], text="Merged text"),
    ]


def store_sample(url: str) -> list[tuple[int, Proposal]]:
    engine = engine_for(url)
    try:
        with Session(engine) as session, session.begin():
            create_schema(session.connection())
            save_draft(session, "neg", "Neg", "first", "First", None, "draft", "hand.txt", "a" * 64, build_draft())
            save_draft(session, "neg", "Neg", "table", "Table", None, "inputs", "table.txt", "b" * 64, None)
            ids = save_proposals(session, "neg", "table", "first", sample_proposals())
        with Session(engine) as session:
            loaded = load_proposals(session, "neg")
        assert [i for i, _ in loaded] == ids
        return loaded
    finally:
        engine.dispose()


def test_store_round_trip(db_url: str) -> None:
    loaded = store_sample(db_url)
    expected = sample_proposals()
    for proposal, pid in zip(
        expected, ["first:pp_1", "older:pp_12", "first:para_42__subpara_a", None, "first:para_42"], strict=True
    ):
        proposal.pid = pid  # the hand-built PP2bis keeps the persistent id it was given
    assert [p.to_dict() for _, p in loaded] == [p.to_dict() for p in expected]
    assert loaded[0][1].sponsors == expected[0].sponsors


def test_store_is_identical_on_sqlite_and_postgres(sqlite_url: str, pg_url: str) -> None:
    assert [p.to_dict() for _, p in store_sample(sqlite_url)] == [p.to_dict() for _, p in store_sample(pg_url)]


def test_unknown_delegation_is_never_stored(sqlite_url: str) -> None:
    engine = engine_for(sqlite_url)
    with pytest.raises(InputError, match=r"table.txt:5: unknown delegation 'Atlantis' \(not in the registry\)"):
        with Session(engine) as session, session.begin():
            create_schema(session.connection())
            save_draft(session, "neg", "Neg", "first", "First", None, "draft", "hand.txt", "a" * 64, build_draft())
            save_draft(session, "neg", "Neg", "table", "Table", None, "inputs", "table.txt", "b" * 64, None)
            atlantis = Sponsor("Atlantis", "labelled", "Atlantis: delete", Source("table.txt", 5, 5))
            save_proposals(session, "neg", "table", "first", [Proposal("delete", "PP1", [atlantis])])
    engine.dispose()


def test_real_gpa_proposals_are_identical_on_sqlite_and_postgres(sqlite_url: str, pg_url: str) -> None:
    """The shipped compilation, read by amendtrack.read.compilation, stores and reads back the same on both."""
    outputs = []
    for url in (sqlite_url, pg_url):
        code, _, err = run("--db", url, "import", str(DATA / "gpa-2010"))
        assert code == 0, err
        code, out, _ = run("--db", url, "proposals", "gpa-2010", "--json")
        outputs.append(json.loads(out))
    assert len(outputs[0]) > 400
    assert outputs[0] == outputs[1]
    assert all(r["source"]["file"] == "02-table-of-inputs-on-first-draft.txt" for r in outputs[0])


# --- delegations -------------------------------------------------------------------------------


def test_delegations_json_and_table(gpa_url: str, tmp_path: Path) -> None:
    import_inputs(write_csv(tmp_path, ROWS), gpa_url, "gpa", "first-draft")
    code, out, _ = run("--db", gpa_url, "delegations", "--json")
    assert code == 0
    records = json.loads(out)
    assert len(records) == len(Registry.load())
    by_name = {r["name"]: r for r in records}
    assert by_name["USA"] | {"aliases": None} == {
        "name": "USA",
        "kind": "member_state",
        "official_name": "United States of America",
        "aliases": None,
        "ocr_variants": [],
        "members": None,
        "proposals": 2,
        "negotiations": {"gpa": 2},
    }
    assert (by_name["Holy See"]["proposals"], by_name["Holy See"]["negotiations"]) == (0, {})
    assert len(by_name["EU"]["members"]) == 27
    assert [r["name"] for r in records[:2]] == ["USA", "Canada"]  # most proposals first, then by name
    code, out, _ = run("--db", gpa_url, "delegations", "--negotiation", "gpa")
    lines = out.splitlines()
    assert lines[0].split() == ["delegation", "kind", "proposals"]
    assert lines[1].split() == ["USA", "member_state", "2"]
    code, _, err = run("--db", gpa_url, "delegations", "--negotiation", "nowhere")
    assert code == 1 and "unknown negotiation 'nowhere'" in err


def test_a_database_from_before_proposals(sqlite_url: str) -> None:
    """Reading commands work on a database written before the proposal tables existed."""
    assert run("--db", sqlite_url, "import", str(FIRST_DRAFT), "--negotiation", "gpa")[0] == 0
    with sqlite3.connect(sqlite_url.removeprefix("sqlite:///")) as connection:
        connection.executescript("DROP TABLE proposal_sponsor; DROP TABLE proposal; DROP TABLE delegation;")
    assert run("--db", sqlite_url, "drafts")[0] == 0
    code, _, err = run("--db", sqlite_url, "proposals", "gpa")
    assert (
        code == 1
        and err == "amendtrack: error: no proposals stored yet (import some first: amendtrack import-inputs FILE …)\n"
    )
    code, out, _ = run("--db", sqlite_url, "delegations", "--json")
    assert code == 0 and {r["proposals"] for r in json.loads(out)} == {0}


# --- co-sponsorship ----------------------------------------------------------------------------


def make(
    name: str, line: int, words: str, paragraph: str = "26", operation: str = "insert", **extra: object
) -> Proposal:
    edits = [Edit("insert", new=words, anchor="border control officers", position="after")] if words else []
    source = Source("t.txt", line, line)
    return Proposal(operation, paragraph, [Sponsor(name, "labelled", f"{name}: {words}", source)], edits=edits, **extra)


def test_the_same_change_is_grouped_and_every_source_kept() -> None:
    proposals = [
        make("USA", 1, "“labor inspectors”"),
        make("Japan", 2, "other words"),
        make("EU", 3, "Labor   inspectors"),  # same words: quotes, case and spaces folded
        make("Canada", 4, "labor inspectors", paragraph="27"),  # another paragraph
        make("China", 5, "labor inspectors", operation="redraft"),  # another operation
    ]
    grouped = group_cosponsored(proposals)
    assert [p.delegations for p in grouped] == [["USA", "EU"], ["Japan"], ["Canada"], ["China"]]
    assert [(s.verbatim, s.source) for s in grouped[0].sponsors] == [
        ("USA: “labor inspectors”", Source("t.txt", 1, 1)),
        ("EU: Labor   inspectors", Source("t.txt", 3, 3)),
    ]
    assert [len(p.sponsors) for p in proposals] == [1] * 5  # the input is not modified


def test_grouping_keeps_each_rationale_and_the_lowest_confidence() -> None:
    a = make("USA", 1, "x", rationale="clearer", references=["A/RES/1"])
    b = make("EU", 2, "x", confidence=0.5, references=["A/RES/1", "A/RES/2"])
    [merged] = group_cosponsored([a, b])
    assert (merged.rationale, merged.confidence, merged.references) == ("USA: clearer", 0.5, ["A/RES/1", "A/RES/2"])
    same = group_cosponsored([make("USA", 1, "x", rationale="why"), make("EU", 2, "x", rationale="Why.")])
    assert same[0].rationale == "why"


def test_what_is_never_grouped() -> None:
    repeated = group_cosponsored([make("USA", 1, "x"), make("USA", 2, "x")])  # one delegation twice
    assert [p.delegations for p in repeated] == [["USA"], ["USA"]]
    unknown = group_cosponsored([make("USA", 1, "x", paragraph=None), make("EU", 2, "x", paragraph=None)])
    assert len(unknown) == 2
    silent = [make("USA", 1, "", operation="comment"), make("EU", 2, "", operation="comment")]
    for proposal in silent:
        proposal.sponsors[0].verbatim = ""
    assert len(group_cosponsored(silent)) == 2  # comments that say nothing are not "the same"
    said = [make("USA", 1, "", operation="comment", rationale="Too long"), make("EU", 2, "", operation="comment")]
    said[1].sponsors[0].verbatim = "too long."
    assert [p.delegations for p in group_cosponsored(said)] == [["USA", "EU"]]
