"""Faults: an import killed half-way, a read-only or full database. Nothing half-written, one-line errors.

The killed import is a real `amendtrack import` in a subprocess. To kill it at a known point, the
subprocess runs the command line with one importer function wrapped so that, once it has written
its rows (flushed, not committed), it prints `paused` and sleeps; the test then sends SIGKILL.
Another test kills plain imports at random moments.
"""

from __future__ import annotations

import json
import os
import random
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner
from sqlalchemy import text

from amendtrack.api import export_json
from amendtrack.cli import cli
from amendtrack.resources import sample_data_dir
from amendtrack.store.engine import engine_for
from amendtrack.store.importer import import_path

from conftest import PG_CONNINFO

DRAFTS = sample_data_dir() / "drafts"
AMENDTRACK = [sys.executable, "-m", "amendtrack"]
TABLES = ("negotiation", "document", "paragraph", "alignment", "lineage_link", "proposal", "proposal_sponsor")

# `amendtrack` with importer.<PAUSE_AT> wrapped: after its PAUSE_CALL-th call returns, print and wait to be killed.
PAUSED = r"""
import os, sys, time
from sqlalchemy import event
from sqlalchemy.pool import Pool
import amendtrack.store.importer as importer

@event.listens_for(Pool, "connect")
def _small_cache(dbapi_connection, _record):
    if type(dbapi_connection).__module__ == "sqlite3":  # spill uncommitted pages into the -wal file early
        dbapi_connection.execute("PRAGMA cache_size = 16")

original = getattr(importer, os.environ["PAUSE_AT"])
calls = 0

def paused(*args, **kwargs):
    global calls
    result = original(*args, **kwargs)
    calls += 1
    if calls == int(os.environ.get("PAUSE_CALL", "1")):
        print("paused", flush=True)
        time.sleep(120)
    return result

setattr(importer, os.environ["PAUSE_AT"], paused)
from amendtrack.cli import main
sys.argv[0] = "amendtrack"
main()
"""


def sqlite_path(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


def schema_of(url: str) -> str:
    return url.split("search_path%3D")[1].split("&")[0].split("%20")[0]


def counts(url: str, negotiation: str) -> dict[str, int]:
    """Rows of one negotiation per table (0 where the table does not exist yet)."""
    queries = {
        "document": "SELECT count(*) FROM document d JOIN negotiation n ON n.id = d.negotiation_id WHERE n.key = :k",
        "paragraph": "SELECT count(*) FROM paragraph p JOIN document d ON d.id = p.document_id "
        "JOIN negotiation n ON n.id = d.negotiation_id WHERE n.key = :k",
        "proposal": "SELECT count(*) FROM proposal p JOIN negotiation n ON n.id = p.negotiation_id WHERE n.key = :k",
        "document_part": "SELECT count(*) FROM document_part t JOIN document d ON d.id = t.document_id "
        "JOIN negotiation n ON n.id = d.negotiation_id WHERE n.key = :k",
        "lineage_link": "SELECT count(*) FROM lineage_link l JOIN alignment a ON a.id = l.alignment_id "
        "JOIN document d ON d.id = a.to_document_id JOIN negotiation n ON n.id = d.negotiation_id WHERE n.key = :k",
    }
    engine = engine_for(url)
    try:
        with engine.connect() as connection:
            tables = set(connection.dialect.get_table_names(connection))
            if "proposal" not in tables:
                return dict.fromkeys(queries, 0)
            return {name: connection.scalar(text(sql), {"k": negotiation}) for name, sql in queries.items()}
    finally:
        engine.dispose()


def check_integrity(url: str) -> None:
    """The database opens and is consistent: SQLite's own checks; on PostgreSQL no row points nowhere."""
    if url.startswith("sqlite"):
        connection = sqlite3.connect(sqlite_path(url))
        try:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        finally:
            connection.close()
        return
    orphans = {
        "paragraph": "SELECT count(*) FROM paragraph p LEFT JOIN document d ON d.id = p.document_id WHERE d.id IS NULL",
        "proposal": "SELECT count(*) FROM proposal p LEFT JOIN document d ON d.id = p.document_id WHERE d.id IS NULL",
        "link": "SELECT count(*) FROM lineage_link l LEFT JOIN alignment a ON a.id = l.alignment_id WHERE a.id IS NULL",
    }
    engine = engine_for(url)
    try:
        with engine.connect() as connection:
            for table in TABLES:
                connection.execute(text(f"SELECT count(*) FROM {table}"))  # every table is queryable
            assert {name: connection.scalar(text(sql)) for name, sql in orphans.items()} == dict.fromkeys(orphans, 0)
    finally:
        engine.dispose()


@pytest.fixture
def populated(db_url: str, fake_reader: Callable, negotiation_folder: Path) -> Iterator[tuple[str, str]]:
    """A database holding one negotiation already, and its dump (to show it comes through unchanged)."""
    import_path(negotiation_folder, db_url)
    yield db_url, export_json(db_url, "neg")


def wait_gone(application_name: str, timeout: float = 10) -> None:
    """Wait until the server has noticed a killed client and ended its session (rolling it back)."""
    deadline = time.monotonic() + timeout
    with psycopg.connect(PG_CONNINFO, autocommit=True) as admin:
        while time.monotonic() < deadline:
            sql = "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s"
            if admin.execute(sql, (application_name,)).fetchone()[0] == 0:
                return
            time.sleep(0.05)
    raise AssertionError(f"PostgreSQL session {application_name} still open")


def pg_state(application_name: str) -> str | None:
    with psycopg.connect(PG_CONNINFO, autocommit=True) as admin:
        row = admin.execute(
            "SELECT state FROM pg_stat_activity WHERE application_name = %s", (application_name,)
        ).fetchone()
    return row[0] if row else None


def test_sqlite_runs_with_wal_and_a_busy_timeout(populated: tuple[str, str]) -> None:
    url = populated[0]
    if not url.startswith("sqlite"):
        pytest.skip("SQLite only")
    engine = engine_for(url)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10000
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()
    assert sqlite_path(url).read_bytes()[18:20] == b"\x02\x02"  # WAL recorded in the file header


def test_each_documents_sha256_is_unique_per_negotiation(populated: tuple[str, str]) -> None:
    url = populated[0]
    engine = engine_for(url)
    try:
        with engine.connect() as connection:
            constraints = connection.dialect.get_unique_constraints(connection, "document")
            assert {"name": "uq_document_sha256", "column_names": ["negotiation_id", "sha256"]} in [
                {"name": c["name"], "column_names": c["column_names"]} for c in constraints
            ]
        with pytest.raises(Exception, match="(?i)unique"), engine.begin() as connection:  # enforced by the database
            connection.execute(
                text(
                    "INSERT INTO document (negotiation_id, key, kind, seq, label, source_file, sha256) "
                    "SELECT negotiation_id, 'copy', kind, 99, label, source_file, sha256 FROM document WHERE seq = 1"
                )
            )
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    ("pause_at", "call", "folder"),
    [
        ("save_draft", 1, "wg-tip-2019"),  # the report written: one draft in three parts
        ("save_proposals", 1, "gpa-2010"),  # every row written: drafts, lineage, 574 proposals
    ],
)
def test_import_killed_half_way_stores_none_of_it(
    populated: tuple[str, str], pause_at: str, call: int, folder: str
) -> None:
    url, dump_before = populated
    if not url.startswith("sqlite"):
        url += f"&application_name=killed-{schema_of(url)}"
    env = {**os.environ, "PAUSE_AT": pause_at, "PAUSE_CALL": str(call)}
    child = subprocess.Popen(
        [sys.executable, "-c", PAUSED, "--db", url, "import", str(DRAFTS / folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == b"paused\n", child.stderr.read() if child.stderr else ""
        if url.startswith("sqlite"):  # the uncommitted pages are on disk, in the -wal file
            wal = sqlite_path(url).with_name(sqlite_path(url).name + "-wal")
            assert wal.stat().st_size > 8192  # more than its header and a page
        else:  # the rows are on the server, in an open transaction
            assert pg_state(f"killed-{schema_of(url)}") == "idle in transaction"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait()
    assert child.returncode == -signal.SIGKILL
    if not url.startswith("sqlite"):
        wait_gone(f"killed-{schema_of(url)}")

    check_integrity(url)
    assert counts(url, folder) == {"document": 0, "paragraph": 0, "proposal": 0, "document_part": 0, "lineage_link": 0}
    assert export_json(url, "neg") == dump_before  # what was there before is there, unchanged

    if folder == "gpa-2010":
        return  # (the import below would take seconds more and show the same again)
    # The database is usable at once: the same import, not killed, stores all of it.
    done = subprocess.run([*AMENDTRACK, "--db", url, "import", str(DRAFTS / folder)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("imported: ") == 1
    check_integrity(url)
    assert counts(url, folder)["document"] == 1


def test_import_killed_at_random_moments_stores_all_or_nothing(populated: tuple[str, str]) -> None:
    url = populated[0]
    folder = DRAFTS / "wg-tip-2019"
    started = time.monotonic()
    whole = subprocess.run([*AMENDTRACK, "--db", url, "import", str(folder), "--negotiation", "whole"], check=True)
    duration = time.monotonic() - started
    full = counts(url, "whole")
    assert whole.returncode == 0 and full["document"] == 1 and full["document_part"] == 3 and full["paragraph"] > 100

    rng = random.Random(8)
    outcomes = []
    for attempt in range(2):
        key = f"killed-{attempt}"
        name = f"{key}-{schema_of(url)}" if not url.startswith("sqlite") else ""
        child = subprocess.Popen(
            [*AMENDTRACK, "--db", url + (f"&application_name={name}" if name else ""), "import", str(folder)]
            + ["--negotiation", key],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.5, 1.05) * duration)  # mostly while it writes (reading comes first)
        child.send_signal(signal.SIGKILL)
        child.wait()
        if name:
            wait_gone(name)  # the server has ended its session: committed, or rolled back
        check_integrity(url)
        found = counts(url, key)
        assert found in (dict.fromkeys(full, 0), full), found  # never a part
        outcomes.append("all" if found == full else "none")
    print(f"random kills: {outcomes}")


def test_read_only_database_is_one_line_and_unchanged(
    db_url: str, fake_reader: Callable, negotiation_folder: Path
) -> None:
    import_path(negotiation_folder, db_url)
    before = export_json(db_url, "neg")
    if db_url.startswith("sqlite"):
        path = sqlite_path(db_url)
        path.chmod(0o444)  # read-only to anyone but root, who writes to any file:
        url = f"sqlite:///file:{path}?mode=ro&uri=true" if os.geteuid() == 0 else db_url  # then SQLite opens it so
    else:  # a server that refuses writes to this session
        url = db_url.replace("search_path%3D", "default_transaction_read_only%3Don%20-csearch_path%3D")
    draft = negotiation_folder / "later.txt"
    draft.write_text("PP1 Guided by the Charter,\n1 Decides to act;\n")
    for command in (
        ["import", str(draft), "--negotiation", "neg"],
        ["disposition", "set", "1", "accepted", "--note", ""],
    ):
        done = CliRunner().invoke(cli, ["--db", url, *command])  # (no need of a process of its own here)
        assert done.exit_code == 1 and done.stdout == ""
        assert done.stderr in (
            "amendtrack: error: attempt to write a readonly database\n",
            "amendtrack: error: cannot execute SELECT FOR NO KEY UPDATE in a read-only transaction\n",
            "amendtrack: error: cannot execute INSERT in a read-only transaction\n",
        )
    assert export_json(db_url, "neg") == before
    check_integrity(db_url)


def test_full_disk_is_one_line_and_leaves_the_database_as_it_was(populated: tuple[str, str]) -> None:
    url, before = populated
    if not url.startswith("sqlite"):
        pytest.skip("a full disk is simulated for a SQLite file (a file size limit on the process)")
    limit = 64 * 1024  # no file may grow past 64 KiB: the -wal file holds ~15 pages, far less than the import needs

    def small_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = subprocess.run(
        [*AMENDTRACK, "--db", url, "import", str(DRAFTS / "wg-tip-2019")],
        capture_output=True,
        text=True,
        preexec_fn=small_disk,
    )
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr in ("amendtrack: error: database or disk is full\n", "amendtrack: error: disk I/O error\n")
    check_integrity(url)
    assert counts(url, "wg-tip-2019")["document"] == 0
    assert export_json(url, "neg") == before
    assert json.loads(before)["documents"]  # (the comparison compares something)
