"""Schema versions: the Alembic revisions build the models' schema, and older databases upgrade in place."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from click.testing import CliRunner
from sqlalchemy import inspect, text
from sqlalchemy.orm import Session

from amendtrack.api import dispositions, set_disposition
from amendtrack.cli import cli
from amendtrack.errors import InputError
from amendtrack.model.tree import Draft
from amendtrack.store import migrations
from amendtrack.store.drafts import list_documents, load_draft, save_draft
from amendtrack.store.engine import engine_for
from amendtrack.store.importer import import_path
from amendtrack.store.tables import Base

from conftest import build_draft

REVISION_IDS = [revision for revision, _tables in migrations.REVISIONS]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def empty_database(url: str) -> None:
    """Make the database exist (a SQLite file must, for `db upgrade`), with no tables."""
    if url.startswith("sqlite:///"):
        sqlite3.connect(url.removeprefix("sqlite:///")).close()


def migrate_to(url: str, revision: str) -> None:
    """Run the revisions up to `revision` on a database, as an earlier amendtrack would have left it."""
    engine = engine_for(url)
    try:
        with engine.begin() as connection:
            command.upgrade(migrations.config(connection), revision)
    finally:
        engine.dispose()


def state(url: str) -> tuple[set[str], str | None, list]:
    """The database's tables, its stamped revision (as Alembic reads it) and its differences from the models."""
    engine = engine_for(url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection)
            return (
                set(inspect(connection).get_table_names()),
                context.get_current_revision(),
                compare_metadata(context, Base.metadata),
            )
    finally:
        engine.dispose()


def store_first_draft(url: str) -> Draft:
    """Write the conftest draft through today's store functions (they touch only 0001's tables)."""
    engine = engine_for(url)
    try:
        with Session(engine) as session, session.begin():
            save_draft(
                session,
                "neg",
                "A negotiation",
                "first",
                "First draft",
                "2010-04-16",
                "draft",
                "hand.txt",
                "a" * 64,
                build_draft(),
            )
        with Session(engine) as session:
            return load_draft(session, "neg", "first")
    finally:
        engine.dispose()


def test_revisions_are_the_ones_the_package_lists() -> None:
    script = ScriptDirectory.from_config(migrations.config())
    walked = [s.revision for s in reversed(list(script.walk_revisions()))]
    assert walked == REVISION_IDS
    assert script.get_current_head() == migrations.HEAD == REVISION_IDS[-1]


def test_each_revision_adds_its_tables_and_head_is_the_models_schema(db_url: str) -> None:
    empty_database(db_url)
    seen: set[str] = set()
    for revision, tables in migrations.REVISIONS:
        migrate_to(db_url, revision)
        names, current, _ = state(db_url)
        assert names - {"alembic_version"} == seen | set(tables), revision
        assert current == revision
        seen |= set(tables)
    _, _, differences = state(db_url)
    assert differences == []  # the revisions build exactly what store.py declares


def test_import_creates_a_new_database_at_head(db_url: str, fake_reader: Callable, negotiation_folder: Path) -> None:
    import_path(negotiation_folder, db_url)
    names, current, differences = state(db_url)
    assert current == migrations.HEAD
    assert differences == []
    assert set(migrations.TABLES) <= names


@pytest.mark.parametrize("start", REVISION_IDS[:-1])
def test_db_upgrade_brings_an_old_database_up_to_date_keeping_its_data(
    db_url: str, start: str, fake_reader: Callable, negotiation_folder: Path
) -> None:
    empty_database(db_url)
    migrate_to(db_url, start)
    stored = store_first_draft(db_url)
    newest = migrations.REVISIONS[-1][1][0]
    assert newest not in state(db_url)[0]  # the newest table comes with the upgrade

    code, out, err = run("--db", db_url, "db", "upgrade")
    assert (code, err) == (0, "")
    assert out == f"database upgraded: {start} → {migrations.HEAD}\n"
    names, current, differences = state(db_url)
    assert current == migrations.HEAD and differences == [] and set(migrations.TABLES) <= names
    engine = engine_for(db_url)
    with Session(engine) as session:
        assert load_draft(session, "neg", "first") == stored  # every node, pid and marker survived
    engine.dispose()
    assert run("--db", db_url, "db", "upgrade")[1] == f"database at revision {migrations.HEAD}\n"

    if start != REVISION_IDS[0]:
        return
    # and the upgraded database takes what only the new tables can hold
    import_path(negotiation_folder, db_url, negotiation="neg2")
    records = dispositions(db_url, "neg2")
    set_disposition(db_url, records[0]["id"], "accepted", "agreed in informals")
    assert dispositions(db_url, "neg2")[0]["override"] == "accepted"


@pytest.mark.parametrize("how", ["db upgrade", "import"])
def test_unversioned_database_of_an_earlier_amendtrack_is_recognised_and_migrated(
    db_url: str, how: str, fake_reader: Callable, negotiation_folder: Path, tmp_path: Path
) -> None:
    # Before versioning, amendtrack made its tables with create_all: here, as it did before dispositions.
    engine = engine_for(db_url)
    with engine.begin() as connection:
        tables = [Base.metadata.tables[name] for name in ("negotiation", "document", "paragraph", "alignment")]
        tables += [
            Base.metadata.tables[name] for name in ("lineage_link", "delegation", "proposal", "proposal_sponsor")
        ]
        Base.metadata.create_all(connection, tables=tables)
    engine.dispose()
    stored = store_first_draft(db_url)
    assert state(db_url)[1] is None  # no version table

    if how == "db upgrade":
        code, out, _ = run("--db", db_url, "db", "upgrade")
        assert code == 0 and out == f"database upgraded: 0003_proposals → {migrations.HEAD}\n"
    else:
        later = tmp_path / "later.txt"
        later.write_text("PP1 Guided by the Charter,\n1 Decides to act;\n")
        import_path(later, db_url, negotiation="neg", label="Later draft")
    names, current, differences = state(db_url)
    assert current == migrations.HEAD and differences == []
    engine = engine_for(db_url)
    with Session(engine) as session:
        kept = load_draft(session, "neg", "first")
        documents = [d["key"] for d in list_documents(session, "neg")]
    if how == "db upgrade":
        assert kept == stored and documents == ["first"]
    else:  # the import aligned the new draft with the first, which renews persistent ids
        assert [(n.label, n.text, n.markers) for n, _ in kept.walk()] == [
            (n.label, n.text, n.markers) for n, _ in stored.walk()
        ]
        assert documents == ["first", "later-draft"]
    engine.dispose()


def test_database_of_a_newer_amendtrack_is_refused_and_left_alone(
    sqlite_url: str, fake_reader: Callable, negotiation_folder: Path
) -> None:
    import_path(negotiation_folder, sqlite_url)
    engine = engine_for(sqlite_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0099_future'"))
    engine.dispose()
    with pytest.raises(InputError, match="revision '0099_future', which this amendtrack does not know"):
        import_path(negotiation_folder, sqlite_url, negotiation="other")
    code, _, err = run("--db", sqlite_url, "db", "upgrade")
    assert code == 1 and err.count("\n") == 1 and "upgrade amendtrack" in err
    assert state(sqlite_url)[1] == "0099_future"


def test_db_upgrade_of_a_missing_sqlite_file_creates_nothing(tmp_path: Path) -> None:
    code, _, err = run("--db", f"sqlite:///{tmp_path / 'none.db'}", "db", "upgrade")
    assert code == 1 and err == f"amendtrack: error: {tmp_path / 'none.db'}: no such database\n"
    assert not (tmp_path / "none.db").exists()


def test_db_upgrade_of_an_empty_database_builds_the_schema(db_url: str) -> None:
    empty_database(db_url)
    code, out, _ = run("--db", db_url, "db", "upgrade")
    assert code == 0 and out == f"database upgraded: empty → {migrations.HEAD}\n"
    assert state(db_url)[1:] == (migrations.HEAD, [])
