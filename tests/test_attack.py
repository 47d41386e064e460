"""An independent probe's findings on the command line, the store and the outputs, each pinned by a case.

Every case here failed (a traceback, a stored script, a broken store, a file overwritten) before
its fix; they are hostile cases (`pytest -m hostile`). Readers' cases are in tests/hostile_corpus.py,
backups' in tests/test_backup.py.
"""

from __future__ import annotations

import csv
import io
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest
from click.testing import CliRunner, Result

from amendtrack.cli import cli
from amendtrack.resources import sample_data_dir
from amendtrack.store import engine

pytestmark = pytest.mark.hostile
GPA = sample_data_dir() / "drafts" / "gpa-2010"
FIRST = GPA / "01-first-draft.txt"


def run(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env=env, input=stdin)


def one_line_error(result: Result) -> str:
    """The error a command printed: exactly one line on stderr, nothing on stdout, exit status 1."""
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1, (result.exit_code, result.output)
    assert result.stderr.startswith("amendtrack: error: ") and result.stderr.count("\n") == 1, result.stderr
    return result.stderr


@pytest.fixture(scope="module")
def gpa_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The GPA sample imported once; tests copy it."""
    folder = tmp_path_factory.mktemp("gpa")
    result = run("--db", f"sqlite:///{folder / 'gpa.db'}", "import", str(GPA))
    assert result.exit_code == 0, result.output
    return folder / "gpa.db"


@pytest.fixture
def db(gpa_db: Path, tmp_path: Path) -> str:
    shutil.copy(gpa_db, tmp_path / "gpa.db")
    return f"sqlite:///{tmp_path / 'gpa.db'}"


def check_links(site: Path) -> int:
    """Every relative link and script of every page resolves to a file of the site; the number of links."""
    seen = 0
    for page in site.rglob("*.html"):
        tree = lxml.html.parse(str(page))
        for href in [a.get("href") for a in tree.iter("a")] + [s.get("src") for s in tree.iter("script")]:
            if not href or href.startswith(("#", "http:", "https:", "mailto:")):
                continue
            parts = urlsplit(href)
            assert not parts.scheme, (page, href)  # no javascript: or data: links
            assert (page.parent / unquote(parts.path)).resolve().is_file(), f"{page}: broken link {href}"
            seen += 1
    return seen


# --- 2. keys: nothing raw reaches a URL ------------------------------------------------------------


def test_a_negotiation_key_cannot_carry_a_script_into_the_site(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'x.db'}"
    for key in ("javascript:alert(document.domain)//", "../../etc", "a b", "<b>", "x" * 101, "é"):
        error = one_line_error(run("--db", db, "import", str(FIRST), "--negotiation", key, "--label", "first"))
        assert "is not a valid key" in error
    assert not (tmp_path / "x.db").exists()


# --- 5. outputs: whole or not at all, never over the database ------------------------------------------


def test_export_over_the_database_in_use_or_another_sqlite_file_is_refused(db: str, tmp_path: Path) -> None:
    victim = tmp_path / "gpa.db"
    before = victim.read_bytes()
    error = one_line_error(run("--db", db, "export", "json", "gpa-2010", "--out", str(victim)))
    assert "is the database in use" in error
    assert victim.read_bytes() == before
    other = tmp_path / "other.db"
    shutil.copy(victim, other)
    assert "is a SQLite database" in one_line_error(run("--db", db, "export", "json", "gpa-2010", "--out", str(other)))
    assert other.read_bytes() == before
    assert run("--db", db, "export", "json", "gpa-2010", "--out", str(other), "--force").exit_code == 0
    assert json.loads(other.read_text(encoding="utf-8"))["format"] == "amendtrack-dump"


def test_a_full_disk_leaves_the_earlier_backup_whole(db: str, tmp_path: Path) -> None:
    backup = tmp_path / "backup.json"
    assert run("--db", db, "export", "json", "gpa-2010", "--out", str(backup)).exit_code == 0
    before = backup.read_bytes()
    limit = "resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))"  # the backup is larger: a full disk
    code = f"import resource, signal; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); {limit}\n"
    code += "from amendtrack.cli import main; import sys; sys.argv[0] = 'amendtrack'; main()"
    args = ["--db", db, "export", "json", "gpa-2010", "--out", str(backup)]
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    assert done.returncode == 1 and done.stderr.startswith("amendtrack: error: ") and "Traceback" not in done.stderr
    assert backup.read_bytes() == before  # still the whole earlier backup, valid JSON
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".backup")] == []  # no temporary file left


def test_outputs_into_missing_folders_or_onto_folders_are_one_line(db: str, tmp_path: Path) -> None:
    for args in (
        ["diff", "gpa-2010", "1", "3", "--html", "/nonexistent/x.html"],
        ["diff", "gpa-2010", "1", "3", "--docx", str(tmp_path)],
        ["compile", "gpa-2010", "1", "--html", str(tmp_path / "no" / "such" / "x.html")],
        ["site", "--out", "/dev/null"],
        ["site", "--out", str(tmp_path / "gpa.db")],
        ["report", "gpa-2010", "--delegation", "Japan", "--html", "/proc/x.html"],
    ):
        one_line_error(run("--db", db, *args))


# --- 6. reading never leaves files behind -------------------------------------------------------------


def test_reading_a_database_leaves_no_wal_files_and_opens_an_unwritable_one_as_immutable(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "gpa.db"
    assert run("--db", db, "drafts").exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gpa.db"]  # no -wal / -shm left by a reader
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == path else real_access(p, mode))
    read_only = engine.engine_for(db, read_only=True)
    assert "immutable=1" in str(read_only.url) and "mode=ro" in str(read_only.url)
    read_only.dispose()
    with engine.reading(db) as session:
        assert session.connection().exec_driver_sql("SELECT count(*) FROM document").scalar() == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gpa.db"]


# --- 7. site folders and page names are unique, every link resolves ----------------------------------------


def test_negotiations_whose_keys_make_the_same_folder_keep_their_own_pages(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'x.db'}"
    second = GPA / "03-draft-2010-07-19.txt"
    for key in ("Neg.A", "neg-a"):
        for path, label in ((FIRST, "first"), (second, "second")):
            assert run("--db", db, "import", str(path), "--negotiation", key, "--label", label).exit_code == 0
    assert run("--db", db, "site", "--out", str(tmp_path / "site")).exit_code == 0
    folders = sorted(p.name for p in (tmp_path / "site").iterdir() if p.is_dir())
    assert folders == ["neg-a", "neg-a-2"]
    assert check_links(tmp_path / "site") > 100
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="neg-a/index.html"' in index and 'href="neg-a-2/index.html"' in index


def test_a_long_label_makes_file_names_the_system_accepts(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'x.db'}"
    for path, label in ((FIRST, "a" * 300), (GPA / "03-draft-2010-07-19.txt", "b" * 300)):
        assert run("--db", db, "import", str(path), "--negotiation", "n", "--label", label).exit_code == 0
    assert run("--db", db, "site", "--out", str(tmp_path / "site")).exit_code == 0
    assert all(len(p.name) <= 255 for p in (tmp_path / "site").rglob("*"))
    assert check_links(tmp_path / "site") > 100


# --- 8. the terminal shows control characters, never obeys them --------------------------------------------


def test_control_characters_in_a_proposal_are_shown_not_obeyed(db: str, tmp_path: Path) -> None:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["delegation", "paragraph", "operation", "anchor", "position", "old", "text", "rationale"])
    writer.writerow(["Japan", "26", "insert", "border control officers", "after", "", "\x1b[8mhidden\x1b[0m", ""])
    writer.writerow(["Japan", "27", "comment", "", "", "", "", "\x1b]2;owned\x07 title"])
    (tmp_path / "mail.csv").write_text(out.getvalue(), encoding="utf-8")
    args = ["import-inputs", str(tmp_path / "mail.csv"), "--negotiation", "gpa-2010", "--draft", "1"]
    assert run("--db", db, *args).exit_code == 0
    for command in (["report", "gpa-2010", "--delegation", "Japan"], ["proposals", "gpa-2010"]):
        result = run("--db", db, *command)
        assert result.exit_code == 0
        assert "\x1b" not in result.output and "\x07" not in result.output
        assert "\\x1b[8mhidden" in result.output or "\\x1b]2;owned" in result.output
    assert "holds a control character" in one_line_error(
        run("--db", db, "import", str(FIRST), "--negotiation", "n", "--label", "a\x1b[2Jb")
    )
    assert "holds a control character" in one_line_error(
        run("--db", db, "diff", "gpa-2010", "1", "3", "--docx", str(tmp_path / "r.docx"), "--author", "a\x01")
    )


# --- 9. the site never writes through a link, and removes what it no longer makes ----------------------------


def test_site_replaces_links_instead_of_writing_through_them_and_removes_stale_pages(db: str, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert run("--db", db, "site", "--out", str(site)).exit_code == 0
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    (site / "gpa-2010" / "dashboard.html").unlink()
    (site / "gpa-2010" / "dashboard.html").symlink_to(victim)
    listed = json.loads((site / ".amendtrack-pages.json").read_text(encoding="utf-8"))
    (site / "gpa-2010" / "paragraph-gone.html").write_text("stale", encoding="utf-8")
    (site / ".amendtrack-pages.json").write_text(json.dumps([*listed, "gpa-2010/paragraph-gone.html"]))
    (site / "notes.txt").write_text("the user's own file", encoding="utf-8")
    assert run("--db", db, "site", "--out", str(site)).exit_code == 0
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not (site / "gpa-2010" / "dashboard.html").is_symlink()
    assert not (site / "gpa-2010" / "paragraph-gone.html").exists()  # written by an earlier build, not this one
    assert (site / "notes.txt").read_text(encoding="utf-8") == "the user's own file"  # never amendtrack's
    (site / "gpa-2010").rename(tmp_path / "elsewhere")
    (site / "gpa-2010").symlink_to(tmp_path / "elsewhere")
    assert "is in the way" in one_line_error(run("--db", db, "site", "--out", str(site)))


# --- 10. tracebacks that became one line -----------------------------------------------------------------


def test_malformed_numbers_paths_and_names_are_one_line(db: str, tmp_path: Path) -> None:
    for args in (
        ["disposition", "set", "99999999999999999999999", "accepted", "--note", "x"],
        ["disposition", "clear", "0"],
        ["--db", "sqlite:///" + "/x" * 60_000, "drafts"],
        ["--db", "sqlite:///" + str(tmp_path / ("x" * 300)), "drafts"],
        ["import", str(tmp_path / "missing.txt"), "--negotiation", "n"],
        ["history", "gpa-2010", "9" * 40],
        ["paragraphs", "gpa-2010", "9" * 40],
    ):
        one_line_error(run("--db", db, *args) if args[0] != "--db" else run(*args))


# --- 12. a writer waits the time it says, then names the lock ----------------------------------------------


def test_a_locked_database_is_reported_after_the_configured_wait(db: str, tmp_path: Path) -> None:
    holder = sqlite3.connect(tmp_path / "gpa.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        result = run(
            "--db", db, "disposition", "set", "7", "accepted", "--note", "x", env={"AMENDTRACK_LOCK_TIMEOUT": "1"}
        )
        waited = time.monotonic() - started
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    error = one_line_error(result)
    assert "the database is locked" in error and "waited 1 s in all" in error and "AMENDTRACK_LOCK_TIMEOUT" in error
    assert waited < 30  # one wait of about a second, not ten (the probe saw 104 s for the 10 s documented)
    assert "must be a number" in one_line_error(
        run("--db", db, "dispositions", "gpa-2010", env={"AMENDTRACK_LOCK_TIMEOUT": "soon"})
    )


# --- 3. a negotiation can be deleted ---------------------------------------------------------------------


def test_delete_asks_then_removes_a_negotiation_in_one_transaction(db: str, tmp_path: Path) -> None:
    assert run("--db", db, "import", str(FIRST), "--negotiation", "other", "--label", "first").exit_code == 0
    refused = run("--db", db, "delete", "gpa-2010", stdin="n\n")
    assert refused.exit_code == 1 and refused.stdout == ""
    assert refused.stderr.splitlines() == [
        "Delete gpa-2010 (3 documents, 574 proposals)? [y/N]: n",
        "amendtrack: error: aborted",
    ]
    assert "gpa-2010" in run("--db", db, "drafts").output
    result = run("--db", db, "delete", "gpa-2010", stdin="y\n")
    assert result.exit_code == 0 and "deleted gpa-2010 (3 documents, 574 proposals)" in result.stdout
    drafts = json.loads(run("--db", db, "drafts", "--json").stdout)
    assert {d["negotiation"] for d in drafts} == {"other"}
    connection = sqlite3.connect(tmp_path / "gpa.db")
    try:
        counts = [connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("proposal", "lineage_link")]
        delegations = connection.execute("SELECT count(*) FROM delegation").fetchone()[0]
    finally:
        connection.close()
    assert counts == [0, 0] and delegations > 20  # delegations are shared: they stay
    assert "unknown negotiation" in one_line_error(run("--db", db, "delete", "gpa-2010", "--yes"))


# --- every command, every malformed argument: one line, never a traceback ---------------------------------

VALID = {  # a working invocation of each command on the GPA sample (files are named in the test's folder)
    "import": ["import", "{first}", "--negotiation", "n", "--label", "L", "--date", "2010-01-01"],
    "import-inputs": ["import-inputs", "{csv}", "--negotiation", "gpa-2010", "--draft", "1", "--label", "L"],
    "drafts": ["drafts", "gpa-2010"],
    "paragraphs": ["paragraphs", "gpa-2010", "1"],
    "align": ["align", "gpa-2010", "1", "3"],
    "diff": ["diff", "gpa-2010", "1", "3", "--html", "{out}/r.html", "--author", "A"],
    "compare": ["compare", "{first}", "{first}", "--html", "{out}/v.html", "--docx", "{out}/v.docx", "--author", "A"],
    "proposals": ["proposals", "gpa-2010", "--draft", "1", "--delegation", "Japan", "--paragraph", "PP4"],
    "delegations": ["delegations", "--negotiation", "gpa-2010"],
    "dispositions": ["dispositions", "gpa-2010"],
    "disposition set": ["disposition", "set", "7", "accepted", "--note", "n"],
    "disposition clear": ["disposition", "clear", "7"],
    "review": ["review", "gpa-2010"],
    "open": ["open", "gpa-2010", "1"],
    "progress": ["progress", "gpa-2010"],
    "proposal edit": [
        "proposal",
        "edit",
        "7",
        "--paragraph",
        "PP4",
        "--text",
        "t",
        "--old",
        "o",
        "--anchor",
        "a",
        "--note",
        "n",
    ],  # fmt: skip
    "proposal clear": ["proposal", "clear", "7"],
    "proposal corrections": ["proposal", "corrections", "{fixes}"],
    "report": ["report", "gpa-2010", "--delegation", "Japan", "--draft", "1"],
    "history": ["history", "gpa-2010", "PP4", "--draft", "1"],
    "compile": ["compile", "gpa-2010", "1", "--html", "{out}/c.html"],
    "apply": ["apply", "gpa-2010", "1", "--delegation", "Japan", "--docx", "{out}/a.docx"],
    "export json": ["export", "json", "gpa-2010", "--out", "{out}/d.json"],
    "export akn": ["export", "akn", "gpa-2010", "1", "--out", "{out}/d.xml"],
    "delete": ["delete", "nothing", "--yes"],
    "db upgrade": ["db", "upgrade"],
    "echoes": ["echoes", "gpa-2010", "3", "--against", "gpa-2010", "--threshold", "0.5", "--html", "{out}/e.html"],
    "provenance": ["provenance", "gpa-2010", "3", "--against", "gpa-2010", "--min-words", "8", "--html", "{out}/p.htm"],
}
MALFORMED = {
    "huge integer": "9" * 30,
    "control characters": "a\x1b[8mb\x00c\x07",
    "overlong": "x" * 5_000,
    "path into a missing folder": "{out}/missing/deeper/file.txt",
    "the database": "{db_file}",
    "not UTF-8": "b\udcff",
}


def _values(command: str) -> list[int]:
    """Positions in VALID[command] that hold a value (arguments and option values), not a command or a flag."""
    args = VALID[command]
    skip = len(command.split())
    return [k for k in range(skip, len(args)) if not args[k].startswith("--")]


CASES = [(command, at, kind) for command in VALID for at in _values(command) for kind in MALFORMED]


@pytest.mark.parametrize(("command", "at", "kind"), CASES)
def test_every_argument_of_every_command_takes_malformed_values_in_one_line(
    command: str, at: int, kind: str, db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a malformed value taken as an output file name lands here
    (tmp_path / "out").mkdir()
    (tmp_path / "in.csv").write_text("delegation,paragraph,operation,anchor,position,old,text,rationale\n")
    (tmp_path / "fixes.csv").write_text("id,note,paragraph\n7,checked,PP4\n")
    fill = {"first": str(FIRST), "csv": str(tmp_path / "in.csv"), "out": str(tmp_path / "out")}
    fill["fixes"] = str(tmp_path / "fixes.csv")
    fill["db_file"] = str(tmp_path / "gpa.db")
    args = [a.format(**fill) for a in VALID[command]]
    args[at] = MALFORMED[kind].format(**fill)
    result = run("--db", db, *args)
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
    assert result.exit_code in (0, 1), (args, result.output)
    if result.exit_code == 1:
        one_line_error(result)
    assert (tmp_path / "gpa.db").read_bytes()[:16] == b"SQLite format 3\x00"  # never written over
    assert run("--db", db, "drafts", "gpa-2010").exit_code == 0


def test_the_malformed_argument_check_covers_every_command() -> None:
    from importlib import util

    spec = util.spec_from_file_location(
        "cli_reference", Path(__file__).resolve().parent.parent / "docs" / "cli_reference.py"
    )
    assert spec is not None and spec.loader is not None
    reference = util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    commands = {" ".join(path) for path, c in reference.commands(cli) if not hasattr(c, "commands")}
    assert commands - set(VALID) == {"demo", "site"}  # both write a whole folder: their --out is tested above
    assert len(CASES) > 250
    assert resource.getrlimit(resource.RLIMIT_FSIZE)  # (the full-disk case above relies on it)


def test_a_file_of_more_proposals_than_any_compilation_is_refused(db: str, tmp_path: Path) -> None:
    """Within the 10 MiB limit, 700,000 one-line rows took 80 s and 2.7 GB to import: rows are capped."""
    from amendtrack.read.inputs_csv import MAX_ROWS

    rows = "".join("Japan,26,delete,,,,,\n" for _ in range(MAX_ROWS + 1))
    (tmp_path / "many.csv").write_text(
        "delegation,paragraph,operation,anchor,position,old,text,rationale\n" + rows, encoding="utf-8"
    )
    error = one_line_error(
        run("--db", db, "import-inputs", str(tmp_path / "many.csv"), "--negotiation", "gpa-2010", "--draft", "1")
    )
    assert "more than one file may hold" in error
