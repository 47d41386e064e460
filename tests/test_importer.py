"""Imports: parse first, write everything in one transaction, never half an import."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.orm import Session

from amendtrack.errors import InputError
from amendtrack.model.names import document_key
from amendtrack.model.tree import Draft
from amendtrack.read import files
from amendtrack.store import engine, importer
from amendtrack.store.drafts import list_documents, load_draft
from amendtrack.store.engine import engine_for
from amendtrack.store.importer import import_path

from conftest import fake_read_compilation

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
TABLES = ("negotiation", "document", "paragraph", "delegation", "proposal", "proposal_sponsor")


def documents(url: str, negotiation: str | None = None) -> list[dict]:
    engine = engine_for(url)
    try:
        with Session(engine) as session:
            return list_documents(session, negotiation)
    finally:
        engine.dispose()


def db_bytes(url: str) -> bytes:
    return Path(url.removeprefix("sqlite:///")).read_bytes()


def pg_counts(schema: str) -> dict[str, int]:
    conninfo = "host=127.0.0.1 port=5432 dbname=test user=postgres"
    with psycopg.connect(conninfo) as connection:
        return {t: connection.execute(f'SELECT count(*) FROM "{schema}"."{t}"').fetchone()[0] for t in TABLES}


def test_folder_import_stores_drafts_and_inputs_in_order(
    db_url: str, fake_reader: Callable, negotiation_folder: Path
) -> None:
    results = import_path(negotiation_folder, db_url)
    assert [r.message for r in results] == [
        "imported: neg/first (First draft), order 1, 4 paragraphs, from 01-first.txt",
        "imported: neg/inputs (Inputs on the first draft), order 2, 1 proposal, from 02-inputs.txt",
        "imported: neg/second (Second draft), order 3, 3 paragraphs, from 03-second.txt",
    ]
    stored = documents(db_url)
    assert [(d["key"], d["kind"], d["order"], d["date"], d["paragraphs"]) for d in stored] == [
        ("first", "draft", 1, "2010-04-16", 4),
        ("inputs", "inputs", 2, None, 0),
        ("second", "draft", 3, "2010-07-19", 3),
    ]
    engine = engine_for(db_url)
    with Session(engine) as session:
        tree = load_draft(session, "neg", "first")
    engine.dispose()
    assert [c.label for c in tree.paragraphs[1].children] == ["1(a)", "1(b)"]
    assert tree.paragraphs[1].children[0].pid == "first:para_1__subpara_a"


def test_reimport_is_a_no_op_that_says_so(db_url: str, fake_reader: Callable, negotiation_folder: Path) -> None:
    import_path(negotiation_folder, db_url)
    again = import_path(negotiation_folder, db_url)
    assert [r.status for r in again] == ["already_imported"] * 3
    assert again[0].message.startswith("already imported: neg/first from 01-first.txt (sha256 ")
    assert again[1].message.startswith("already imported: neg/inputs from 02-inputs.txt (sha256 ")
    assert len(documents(db_url)) == 3


def test_single_file_needs_a_negotiation_and_defaults_its_label(
    sqlite_url: str, fake_reader: Callable, negotiation_folder: Path, tmp_path: Path
) -> None:
    path = negotiation_folder / "03-second.txt"
    with pytest.raises(InputError, match="needs --negotiation"):
        import_path(path, sqlite_url)
    assert not Path(sqlite_url.removeprefix("sqlite:///")).exists()
    [result] = import_path(path, sqlite_url, negotiation="solo", date="2010-07-19")
    assert (result.status, result.key, result.label) == ("imported", "03-second", "03-second")
    [labelled] = import_path(
        negotiation_folder / "01-first.txt", sqlite_url, negotiation="solo", label="Draft of 1 May"
    )
    assert (labelled.key, labelled.label, labelled.order) == ("draft-of-1-may", "Draft of 1 May", 2)
    # the same bytes already stored in the folder's own negotiation do not count for another one
    assert [d["negotiation"] for d in documents(sqlite_url)] == ["solo", "solo"]
    assert document_key("Draft of 19 July 2010") == "draft-of-19-july-2010"


def test_failing_parse_leaves_sqlite_file_byte_for_byte(
    sqlite_url: str, fake_reader: Callable, negotiation_folder: Path
) -> None:
    import_path(negotiation_folder, sqlite_url)
    before = db_bytes(sqlite_url)
    extra = negotiation_folder.parent / "more"
    shutil.copytree(negotiation_folder, extra)
    (extra / "manifest.toml").write_text((extra / "manifest.toml").read_text().replace('"neg"', '"more"'))
    (extra / "03-second.txt").write_bytes(PNG)
    with pytest.raises(InputError) as caught:
        import_path(extra, sqlite_url)
    assert caught.value.file == str(extra / "03-second.txt")
    assert db_bytes(sqlite_url) == before
    assert not any(
        p.name.endswith(("-wal", "-shm")) for p in Path(sqlite_url.removeprefix("sqlite:///")).parent.iterdir()
    )
    assert [d["negotiation"] for d in documents(sqlite_url)] == ["neg"] * 3  # "more"/first not written either


def test_failing_parse_creates_no_database(sqlite_url: str, fake_reader: Callable, tmp_path: Path) -> None:
    bad = tmp_path / "scan.txt"
    bad.write_bytes(PNG)
    with pytest.raises(InputError, match="not a text file"):
        import_path(bad, sqlite_url, negotiation="n")
    assert not Path(sqlite_url.removeprefix("sqlite:///")).exists()


def test_failing_parse_leaves_postgres_rows_unchanged(
    pg_url: str, pg_schema: str, fake_reader: Callable, negotiation_folder: Path
) -> None:
    import_path(negotiation_folder, pg_url)
    before = pg_counts(pg_schema)
    (negotiation_folder / "03-second.txt").write_bytes(PNG)
    (negotiation_folder / "01-first.txt").write_text("PP1 Changed text\n")
    with pytest.raises(InputError, match="03-second.txt"):
        import_path(negotiation_folder, pg_url)
    assert pg_counts(pg_schema) == before
    assert before == {
        "negotiation": 1,
        "document": 3,
        "paragraph": 7,
        "delegation": 1,
        "proposal": 1,
        "proposal_sponsor": 1,
    }


def test_failure_while_writing_rolls_everything_back(
    db_url: str, fake_reader: Callable, negotiation_folder: Path
) -> None:
    """The first draft is new, the second collides with a stored key: neither is written."""
    import_path(negotiation_folder, db_url)
    before = documents(db_url)
    (negotiation_folder / "manifest.toml").write_text(
        (negotiation_folder / "manifest.toml").read_text().replace('"first"', '"first-again"')
    )
    (negotiation_folder / "01-first.txt").write_text("PP1 Now different,\n")
    (negotiation_folder / "03-second.txt").write_text("PP1 Also different,\n")
    with pytest.raises(InputError, match="already has a document 'second' with other content"):
        import_path(negotiation_folder, db_url)
    assert documents(db_url) == before


def test_failure_while_writing_a_new_sqlite_file_leaves_no_file(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch, negotiation_folder: Path
) -> None:
    def broken_save(*args: object, **kwargs: object) -> None:
        raise InputError("x.txt", "cannot store")

    monkeypatch.setattr(files, "read_draft_file", lambda path: Draft([]))
    monkeypatch.setattr(files, "read_compilation", fake_read_compilation)
    monkeypatch.setattr(importer, "save_draft", broken_save)
    with pytest.raises(InputError, match="cannot store"):
        import_path(negotiation_folder, sqlite_url)
    assert os.listdir(Path(sqlite_url.removeprefix("sqlite:///")).parent) == ["neg"]


def test_progress_reports_reading_then_writing(
    sqlite_url: str, fake_reader: Callable, negotiation_folder: Path
) -> None:
    calls: list[tuple[str, int, int]] = []
    import_path(negotiation_folder, sqlite_url, progress=lambda what, done, total: calls.append((what, done, total)))
    assert calls == [
        ("read 01-first.txt", 1, 6),
        ("read 02-inputs.txt", 2, 6),
        ("read 03-second.txt", 3, 6),
        ("stored 01-first.txt", 4, 6),
        ("stored 02-inputs.txt", 5, 6),
        ("stored 03-second.txt", 6, 6),
    ]


def test_reading_happens_before_the_database_is_opened(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch, negotiation_folder: Path
) -> None:
    events: list[str] = []

    def reader(path: Path) -> Draft:
        events.append(f"read {path.name}")
        return Draft([])

    real_engine_for = engine.engine_for

    def engine_for_spy(url: str | None) -> object:
        events.append("open database")
        return real_engine_for(url)

    def inputs_reader(path: Path, base: Draft, registry: object) -> list:
        events.append(f"read {path.name}")
        return []

    monkeypatch.setattr(files, "read_draft_file", reader)
    monkeypatch.setattr(files, "read_compilation", inputs_reader)
    monkeypatch.setattr(engine, "engine_for", engine_for_spy)
    import_path(negotiation_folder, sqlite_url)
    assert events == ["read 01-first.txt", "read 02-inputs.txt", "read 03-second.txt", "open database"]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "no such file or folder"),
        (lambda d: d / "empty-folder", "no manifest.toml here"),
        (lambda d: d / "draft.docx", r"draft\.docx: damaged zip archive"),
    ],
)
def test_bad_paths(sqlite_url: str, tmp_path: Path, make: Callable[[Path], Path], message: str) -> None:
    (tmp_path / "empty-folder").mkdir()
    (tmp_path / "draft.docx").write_bytes(b"PK\x03\x04")
    with pytest.raises(InputError, match=message):
        import_path(make(tmp_path), sqlite_url, negotiation="n")
    assert not Path(sqlite_url.removeprefix("sqlite:///")).exists()


def test_label_and_date_are_refused_for_folders(sqlite_url: str, negotiation_folder: Path) -> None:
    with pytest.raises(InputError, match="--label, --date, --adopted and --part apply to a single draft file"):
        import_path(negotiation_folder, sqlite_url, label="x")


def test_real_reader_refuses_a_png_named_txt(sqlite_url: str, tmp_path: Path) -> None:
    """Once amendtrack.read.text exists: a file that is not text fails, naming the file, writing nothing."""
    pytest.importorskip("amendtrack.read.text", reason="amendtrack.read.text not written yet")
    bad = tmp_path / "scan.txt"
    bad.write_bytes(PNG)
    with pytest.raises(InputError) as caught:
        import_path(bad, sqlite_url, negotiation="n")
    assert str(bad) in str(caught.value)
    assert not Path(sqlite_url.removeprefix("sqlite:///")).exists()
