"""The command line: output, JSON contracts, one-line errors and exit codes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy.orm import Session

from amendtrack import __version__
from amendtrack.cli import cli
from amendtrack.render.terminal import outline
from amendtrack.store.drafts import load_draft
from amendtrack.store.engine import engine_for
from amendtrack.store.importer import import_path

from conftest import build_draft
from test_importer import PNG, db_bytes, pg_counts


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_import_prints_one_line_per_document(db_url: str, fake_reader: Callable, negotiation_folder: Path) -> None:
    code, out, err = run("--db", db_url, "import", str(negotiation_folder))
    assert code == 0, err
    assert out.splitlines() == [  # and under each draft, its structure
        "imported: neg/first (First draft), order 1, 4 paragraphs, from 01-first.txt",
        "  structure: 2 subparagraph, 1 operative, 1 preamble, 0 brackets, 0 labels inferred",
        "imported: neg/inputs (Inputs on the first draft), order 2, 1 proposal, from 02-inputs.txt",
        "imported: neg/second (Second draft), order 3, 3 paragraphs, from 03-second.txt",
        "  structure: 2 operative, 1 preamble, 0 brackets, 0 labels inferred",
    ]
    assert "importing" not in err  # no progress bar when stderr is not a terminal
    code, out, _ = run("--db", db_url, "import", str(negotiation_folder))
    assert code == 0
    assert out.splitlines()[0].startswith("already imported: neg/first from 01-first.txt (sha256 ")


def test_db_comes_from_the_environment(sqlite_url: str, fake_reader: Callable, negotiation_folder: Path) -> None:
    code, _, err = run("import", str(negotiation_folder), env={"AMENDTRACK_DB": sqlite_url})
    assert code == 0, err
    assert Path(sqlite_url.removeprefix("sqlite:///")).is_file()


def test_failing_import_is_one_line_exit_1_and_leaves_sqlite_bytes(
    sqlite_url: str, fake_reader: Callable, negotiation_folder: Path, tmp_path: Path
) -> None:
    assert run("--db", sqlite_url, "import", str(negotiation_folder))[0] == 0
    before = db_bytes(sqlite_url)
    bad = tmp_path / "scan.txt"
    bad.write_bytes(PNG)
    code, out, err = run("--db", sqlite_url, "import", str(bad), "--negotiation", "neg")
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"amendtrack: error: {bad}: ")
    assert db_bytes(sqlite_url) == before


def test_failing_import_leaves_postgres_rows(
    pg_url: str, pg_schema: str, fake_reader: Callable, negotiation_folder: Path, tmp_path: Path
) -> None:
    assert run("--db", pg_url, "import", str(negotiation_folder))[0] == 0
    before = pg_counts(pg_schema)
    bad = tmp_path / "scan.txt"
    bad.write_bytes(PNG)
    code, _, err = run("--db", pg_url, "import", str(bad), "--negotiation", "neg")
    assert (code, err.count("\n")) == (1, 1)
    assert str(bad) in err
    assert pg_counts(pg_schema) == before


def test_drafts_json_fields(db_url: str, fake_reader: Callable, negotiation_folder: Path) -> None:
    run("--db", db_url, "import", str(negotiation_folder))
    code, out, _ = run("--db", db_url, "drafts", "neg", "--json")
    assert code == 0
    records = json.loads(out)
    assert [sorted(r) for r in records] == [
        sorted(["negotiation", "key", "label", "date", "kind", "order", "source_file", "sha256", "paragraphs", "parts"])
    ] * 3
    assert records[2] | {"sha256": None} == {
        "negotiation": "neg",
        "key": "second",
        "label": "Second draft",
        "date": "2010-07-19",
        "kind": "draft",
        "order": 3,
        "source_file": "03-second.txt",
        "sha256": None,
        "paragraphs": 3,
        "parts": [],
    }
    assert len(records[2]["sha256"]) == 64
    assert (records[1]["key"], records[1]["kind"], records[1]["order"], records[1]["paragraphs"]) == (
        "inputs",
        "inputs",
        2,
        0,
    )


def test_drafts_table(sqlite_url: str, fake_reader: Callable, negotiation_folder: Path) -> None:
    run("--db", sqlite_url, "import", str(negotiation_folder))
    code, out, _ = run("--db", sqlite_url, "drafts")
    lines = out.splitlines()
    assert code == 0
    assert lines[0].split() == ["negotiation", "order", "key", "label", "date", "kind", "paragraphs", "sha256"]
    assert lines[1].split()[:3] == ["neg", "1", "first"]
    assert "First draft" in lines[1] and "2010-04-16" in lines[1]
    assert len(lines[1].split()[-1]) == 12


def test_paragraphs_json_is_exactly_the_records(db_url: str) -> None:
    engine = engine_for(db_url)
    with Session(engine) as session, session.begin():
        from amendtrack.store.drafts import save_draft
        from amendtrack.store.engine import create_schema

        create_schema(session.connection())
        save_draft(session, "neg", "N", "first", "First", None, "draft", "hand.txt", "c" * 64, build_draft())
    with Session(engine) as session:
        expected = json.dumps(load_draft(session, "neg", "first").records(), ensure_ascii=False, indent=2)
    engine.dispose()
    code, out, _ = run("--db", db_url, "paragraphs", "neg", "first", "--json")
    assert code == 0
    assert out == expected + "\n"
    records = json.loads(out)
    assert list(records[0]) == [
        "label",
        "eid",
        "pid",
        "kind",
        "parent",
        "num",
        "label_inferred",
        "text",
        "markers",
        "brackets",
        "container",
        "line_start",
        "line_end",
    ]
    assert "“fight transnational crime”" in out  # not \u-escaped
    assert records[4]["parent"] == "para_42"


def test_paragraphs_outline(sqlite_url: str, hand_draft: object) -> None:
    lines = outline(build_draft(), 60)
    assert all(len(line) <= 60 for line in lines)
    assert lines[0].startswith("PP1 ")
    assert lines[4].startswith("    42(a)")  # indented two levels
    assert lines[6].startswith("  43?")  # inferred label flagged
    assert "[Formerly PP12] Recalling" in lines[1]
    assert lines[0].endswith("…")


def test_paragraphs_command_outline_and_errors(
    sqlite_url: str, fake_reader: Callable, negotiation_folder: Path
) -> None:
    run("--db", sqlite_url, "import", str(negotiation_folder))
    code, out, _ = run("--db", sqlite_url, "paragraphs", "neg", "Second draft")
    assert code == 0
    assert [line.split()[:2] for line in out.splitlines()] == [
        ["PP1", "preamble"],
        ["1", "operative"],
        ["2", "operative"],
    ]
    code, out, err = run("--db", sqlite_url, "paragraphs", "neg", "9")
    assert (code, out) == (1, "")
    assert err == ("amendtrack: error: negotiation 'neg' has no draft '9' (drafts: 1 first, 2 inputs, 3 second)\n")
    code, _, err = run("--db", sqlite_url, "paragraphs", "other", "1")
    assert code == 1 and "unknown negotiation 'other' (known: neg)" in err


def test_reading_commands_never_create_a_database(tmp_path: Path) -> None:
    path = tmp_path / "absent.db"
    code, _, err = run("--db", f"sqlite:///{path}", "drafts")
    assert code == 1
    assert err == f"amendtrack: error: {path}: no such database (import something first: amendtrack import PATH)\n"
    assert not path.exists()


def test_unreachable_database_is_one_line(negotiation_folder: Path, fake_reader: Callable) -> None:
    code, _, err = run("--db", "postgresql://nobody@127.0.0.1:1/none", "import", str(negotiation_folder))
    assert code == 1
    assert err.startswith("amendtrack: error: ") and err.count("\n") == 1


def test_demo_builds_a_fresh_database_each_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_reader: Callable
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "amendtrack.db").write_bytes(b"untouched")
    out_dir = tmp_path / "out"
    first = run("demo", "--out", str(out_dir))
    second = run("demo", "--out", str(out_dir), env={"AMENDTRACK_DB": "sqlite:///ignored.db"})
    assert first[0] == second[0] == 0

    def untimed(output: str) -> str:
        return re.sub(r"built in [\d.]+ s", "built in N s", output)

    assert untimed(first[1]) == untimed(second[1])  # recreated, not appended to
    assert "site: " in first[1] and (out_dir / "amendtrack-site" / "index.html").is_file()
    assert "gpa-2010:" in first[1] and "wg-tip-2015:" in first[1] and "wg-tip-2019:" in first[1]
    assert "1. first-draft - First draft, 2010-04-16:" in first[1]
    inputs_line = r"\n  2\. inputs-first-draft - Table of Inputs on First Draft, 2010-05-18: \d+ proposals\n"
    assert re.search(inputs_line, first[1])
    # one line per negotiation says how many proposals it holds
    assert re.search(r"\n  [1-9]\d* proposals? from [1-9]\d* delegations?\n", first[1])
    assert "\n  0 proposals from 0 delegations\n" in first[1]  # the 2015 and 2019 samples have none
    assert (out_dir / "amendtrack-demo.db").is_file()
    assert (tmp_path / "amendtrack.db").read_bytes() == b"untouched"
    assert not (tmp_path / "ignored.db").exists()
    code, out, _ = run("--db", f"sqlite:///{out_dir / 'amendtrack-demo.db'}", "drafts", "--json")
    assert code == 0
    assert [d["key"] for d in json.loads(out)] == [
        "first-draft",
        "inputs-first-draft",
        "draft-2010-07-19",
        "consolidated-2015",
        "L1",  # the 2019 report: one draft in three parts
    ]


def test_version_and_help_texts() -> None:
    code, out, _ = run("--version")
    assert (code, out) == (0, f"amendtrack, version {__version__}\n")
    for command, words in [
        ([], ["import", "drafts", "paragraphs", "demo", "--db"]),
        (["import"], ["manifest.toml", "one transaction", "--negotiation", "--label", "--date"]),
        (["drafts"], ["--json", "source_file", "sha256"]),
        (["paragraphs"], ["order number", "label_inferred", "--json"]),
        (["demo"], ["amendtrack-demo.db", "--out"]),
    ]:
        code, out, _ = run(*command, "--help")
        assert code == 0
        for word in words:
            assert word in out, (command, word)


def test_python_dash_m(tmp_path: Path) -> None:
    env = {**os.environ, "AMENDTRACK_DB": f"sqlite:///{tmp_path / 'x.db'}"}
    done = subprocess.run(
        [sys.executable, "-m", "amendtrack", "drafts"], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert done.returncode == 1
    assert done.stderr.startswith("amendtrack: error: ") and "no such database" in done.stderr


def test_import_then_paragraphs_round_trip_through_cli(
    sqlite_url: str, fake_reader: Callable, negotiation_folder: Path
) -> None:
    results = import_path(negotiation_folder, sqlite_url)
    code, out, _ = run("--db", sqlite_url, "paragraphs", "neg", "1", "--json")
    assert code == 0
    assert [r["pid"] for r in json.loads(out)] == [
        "first:pp_1",
        "first:para_1",
        "first:para_1__subpara_a",
        "first:para_1__subpara_b",
    ]
    assert results[0].paragraphs == len(json.loads(out)) == 4


def test_real_sample_json_is_identical_on_sqlite_and_postgres(sqlite_url: str, pg_url: str) -> None:
    """With the real reader: every sample draft exports the same `paragraphs --json` on both backends."""
    pytest.importorskip("amendtrack.read.text", reason="amendtrack.read.text not written yet")
    from amendtrack.resources import sample_negotiations

    folder = sample_negotiations()[0]
    outputs = []
    for url in (sqlite_url, pg_url):
        assert run("--db", url, "import", str(folder))[0] == 0
        drafts = [d for d in json.loads(run("--db", url, "drafts", "--json")[1]) if d["kind"] == "draft"]
        outputs.append([run("--db", url, "paragraphs", d["negotiation"], d["key"], "--json")[1] for d in drafts])
    assert len(outputs[0]) == 2 and all(len(json.loads(out)) > 50 for out in outputs[0])
    assert outputs[0] == outputs[1]


def test_help_names_every_kind_of_file_read() -> None:
    _, out, _ = run("--help")
    assert "Word" in out and "Akoma Ntoso" in out and "CSV" in out
    _, out, _ = run("import", "--help")
    assert all(suffix in out for suffix in (".txt", ".docx", ".xml", ".json", "manifest.toml"))


@pytest.mark.parametrize(
    "args",
    [
        ["compile", "gpa-2010", "first-draft"],  # no output named
        ["diff", "gpa-2010"],  # arguments missing
        ["disposition", "set", "7", "approved", "--note", "x"],  # not a disposition
        ["drafts", "--no-such-option"],
        ["no-such-command"],
    ],
)
def test_usage_errors_are_one_line_and_exit_status_1(args: list[str], tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", f"sqlite:///{tmp_path / 'none.db'}", *args])
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert result.stderr.startswith("amendtrack: error: ") and result.stderr.count("\n") == 1
    assert not (tmp_path / "none.db").exists()
