"""Schema versions: Alembic migrations shipped inside the package and run from code.

The revisions follow the schema's history, one per step that added tables:

- `0001_drafts`: negotiation, document, paragraph (the first store);
- `0002_lineage`: alignment, lineage_link;
- `0003_proposals`: delegation, proposal, proposal_sponsor;
- `0004_dispositions`: disposition, disposition_override;
- `0005_corrections`: reading_correction;
- `0006_parts`: document_part (the parts of a draft issued in parts);
- `0007_provenance`: adopted_document, shingle (the index of agreed language).

A database is stamped in Alembic's own `alembic_version` table. Databases written before the
schema was versioned have none: their revision is read from the tables they hold, stamped, and
migrated from there. `ensure` (every write: import, dispositions, overrides) creates a new
database whole and stamps it at HEAD, migrates an older one inside the caller's transaction, and
costs one query on a current one; `store.engine.upgrade` (`amendtrack db upgrade`) runs `migrate` alone.

To add a revision: change the tables in amendtrack/store/tables.py, write `versions/NNNN_name.py` (for
example with `alembic.command.revision(config(connection), "...", autogenerate=True)` inside
`store.engine.writing(url, lambda session: …(session.connection()), migrating=True)` on a database
at HEAD), append it to REVISIONS, and set HEAD. Revisions that only add tables or
columns may run inside an import's transaction; one that rebuilds SQLite tables (batch mode)
needs foreign keys off, which only `upgrade` does.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Column, Connection, MetaData, PrimaryKeyConstraint, String, Table, inspect, select, text

from amendtrack.errors import InputError
from amendtrack.store.tables import Base

if TYPE_CHECKING:
    from alembic.config import Config

FOLDER = Path(__file__).resolve().parent
VERSION_TABLE = "alembic_version"
# Each revision with the tables it creates, oldest first.
REVISIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("0001_drafts", ("negotiation", "document", "paragraph")),
    ("0002_lineage", ("alignment", "lineage_link")),
    ("0003_proposals", ("delegation", "proposal", "proposal_sponsor")),
    ("0004_dispositions", ("disposition", "disposition_override")),
    ("0005_corrections", ("reading_correction",)),
    ("0006_parts", ("document_part",)),
    ("0007_provenance", ("adopted_document", "shingle")),
)
HEAD = REVISIONS[-1][0]
TABLES = frozenset(name for _revision, names in REVISIONS for name in names)

# Alembic's version table, as Alembic creates it (written here so a new database needs no Alembic).
_version = Table(
    VERSION_TABLE,
    MetaData(),
    Column("version_num", String(32), nullable=False),
    PrimaryKeyConstraint("version_num", name=f"{VERSION_TABLE}_pkc"),
)


def config(connection: Connection | None = None) -> Config:
    """An Alembic Config built in code: the scripts in this package, run on `connection`."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(FOLDER))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def legacy_revision(tables: set[str]) -> str | None:
    """The revision an unversioned database is at, read from its tables; None when it has none of them."""
    present = tables & TABLES
    if not present:
        return None
    found, expected = None, set()
    for revision, names in REVISIONS:
        if not set(names) <= present:
            break
        found, expected = revision, expected | set(names)
    if found is None or present != expected:
        raise InputError(
            None, f"cannot tell which amendtrack made this database (tables: {', '.join(sorted(present))})"
        )
    return found


def current(connection: Connection) -> tuple[str | None, bool]:
    """The database's revision (None: no amendtrack tables) and whether it is stamped."""
    tables = set(inspect(connection).get_table_names())
    if VERSION_TABLE in tables:
        return connection.scalar(select(_version.c.version_num)), True
    return legacy_revision(tables), False


def stamp(connection: Connection, revision: str) -> None:
    """Record `revision` as the database's version (Alembic's table, created if missing)."""
    _version.create(connection, checkfirst=True)
    connection.execute(_version.delete())
    connection.execute(_version.insert().values(version_num=revision))


def _known(revision: str) -> None:
    if revision not in [r for r, _ in REVISIONS]:
        raise InputError(
            None,
            f"the database's schema is at revision {revision!r}, which this amendtrack does not know "
            f"(newest known: {HEAD}); upgrade amendtrack",
        )


def migrate(connection: Connection) -> str | None:
    """Migrate to HEAD inside the connection's transaction; the revision it was at (None: no tables)."""
    revision, stamped = current(connection)
    if revision is not None:
        _known(revision)
        if not stamped:
            stamp(connection, revision)
    if revision != HEAD:
        from alembic import command

        command.upgrade(config(connection), "head")
    return revision


_SCHEMA_LOCK = 0x616D656E64747261  # PostgreSQL advisory lock key ("amendtra"): creating or migrating the schema


def ensure(connection: Connection) -> None:
    """The schema a write needs, inside the caller's transaction: created and stamped, migrated, or as it is."""
    revision, stamped = current(connection)
    if revision == HEAD and stamped:
        return
    if connection.dialect.name == "postgresql":
        # Writers that find no schema (or an old one) take turns until their transactions end: the first
        # creates or migrates it, the next see it done, instead of creating the same tables at once
        # (one of them failed with "relation already exists"). SQLite writers already take turns.
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SCHEMA_LOCK})
        revision, stamped = current(connection)
        if revision == HEAD and stamped:
            return
    if revision is None:  # a new database: every table at once
        Base.metadata.create_all(connection)
        stamp(connection, HEAD)
        return
    migrate(connection)
