"""The database: its URL, and the two ways amendtrack opens a session on it, `reading` and `writing`.

`reading(url)` opens an existing amendtrack database and never creates one. `writing(url, work)`
runs `work(session)` as one transaction under the rules every writer shares: on SQLite the write
lock is taken when the transaction begins (`BEGIN IMMEDIATE`, so writers queue instead of failing
half-way), the schema is brought up to date inside the transaction, and the whole transaction runs
again after a growing random pause when the database asks for it (see `retry_reason`).
Functions elsewhere in the store take the session and never commit on their own.
"""

from __future__ import annotations

import logging
import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from amendtrack.errors import InputError
from amendtrack.resources import DEFAULT_URL, ENV_VAR
from amendtrack.store import migrations
from amendtrack.store.tables import CORE_TABLES, PROPOSAL_TABLES, Base

T = TypeVar("T")
log = logging.getLogger(__name__)

WRITES = "amendtrack_writes"  # execution option: this engine's transactions write
UNCHECKED_REFERENCES = "amendtrack_unchecked_references"  # …and run with SQLite's foreign keys off (migrations)
NO_PROPOSALS = "no proposals stored yet (import some first: amendtrack import-inputs FILE …)"


def resolve_url(url: str | None) -> str:
    """The database URL to use: the given one, else $AMENDTRACK_DB, else ./amendtrack.db; PostgreSQL via psycopg 3."""
    url = url or os.environ.get(ENV_VAR) or DEFAULT_URL
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def engine_for(url: str | None = None) -> Engine:
    """An Engine for `url` (see resolve_url); SQLite gets foreign keys, WAL and a busy timeout.

    Nothing is connected (and no SQLite file is created) until the engine is first used. Inside
    amendtrack only `reading` and `writing` call it; tests and benchmarks use it to look underneath.
    """
    resolved = resolve_url(url)
    try:
        parsed = make_url(resolved)
    except Exception as exc:  # sqlalchemy.exc.ArgumentError, ValueError
        raise InputError(None, f"not a database URL: {resolved!r} ({exc})") from None
    if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() == "psycopg":
        try:
            import psycopg  # noqa: F401
        except ImportError:
            raise InputError(None, "PostgreSQL needs psycopg: pip install 'amendtrack[postgres]'") from None
    try:
        engine = create_engine(parsed)
    except ImportError as exc:  # a URL of a database whose Python driver is not installed (mysql://, …)
        backend = parsed.get_backend_name()
        raise InputError(
            None, f"cannot open {backend} databases: its driver {exc.name or ''} is not installed"
        ) from None
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    """Foreign keys, WAL, a busy timeout, and real transactions (DDL included) for pysqlite."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's BEGIN (below) start every transaction, so that CREATE TABLE is
        # transactional too: pysqlite's own implicit BEGIN skips DDL.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA busy_timeout = 10000")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # A writer takes the write lock at once (waiting up to the busy timeout), so it never fails
        # half-way when another process wrote since its snapshot (SQLITE_BUSY_SNAPSHOT in WAL mode).
        options = connection.get_execution_options()
        if options.get(UNCHECKED_REFERENCES):  # outside any transaction, where SQLite honours it
            connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
        connection.exec_driver_sql("BEGIN IMMEDIATE" if options.get(WRITES) else "BEGIN")


def retry_reason(exc: BaseException) -> str | None:
    """Why the database asks for the whole transaction to be run again, or None when it does not.

    SQLite: the database is locked or busy (another process holds the write lock past the busy
    timeout). PostgreSQL: a serialization failure (40001), a deadlock (40P01), or a unique
    violation (23505), which is how a concurrent insert of the same key (a negotiation, a
    delegation, the schema itself) shows; run again, the transaction sees the other's row.
    """
    orig = exc.orig if isinstance(exc, DBAPIError) else None
    if orig is None:
        return None
    if isinstance(orig, sqlite3.Error):
        code = (getattr(orig, "sqlite_errorcode", None) or 0) & 0xFF
        if code in (5, 6) or "database is locked" in str(orig):  # SQLITE_BUSY, SQLITE_LOCKED
            return "database is locked"
        return None
    return {"40001": "serialization failure", "40P01": "deadlock", "23505": "concurrent insert"}.get(
        getattr(orig, "sqlstate", None) or ""
    )


def retrying(
    work: Callable[[], T],
    attempts: int = 10,
    delay: float = 0.02,
    max_delay: float = 1.0,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Run `work` (one whole transaction) and run it again, after a growing random pause, while the
    database asks for that (see retry_reason); a unique violation is retried at most twice."""
    conflicts = 0
    for attempt in range(1, attempts + 1):
        try:
            return work()
        except DBAPIError as exc:
            reason = retry_reason(exc)
            conflicts += reason == "concurrent insert"
            if reason is None or attempt == attempts or conflicts > 2:
                raise
            pause = min(max_delay, delay * 2 ** (attempt - 1)) * random.uniform(0.5, 1.5)
            log.info("%s; running the transaction again in %.2f s (attempt %d)", reason, pause, attempt + 1)
            sleep(pause)
    raise AssertionError("unreachable")


def ensure_schema(connection: Connection) -> None:
    """Bring the database to the current schema inside the caller's transaction.

    A new database gets every table and is stamped at the newest Alembic revision; one made by an
    earlier amendtrack is migrated (store.migrations); a current one costs one query.
    """
    migrations.ensure(connection)  # Alembic itself is imported only when a migration runs


def create_schema(bind: Engine | Connection) -> None:
    """Create the tables that do not exist yet (inside the caller's transaction when given a Connection)."""
    Base.metadata.create_all(bind)


def sqlite_file(engine: Engine) -> Path | None:
    """The database file of a file-based SQLite engine, else None."""
    if engine.dialect.name != "sqlite":
        return None
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def has_proposal_tables(bind: Engine | Connection | Session) -> bool:
    """Whether the database has the proposal tables (databases written before proposals existed do not)."""
    target = bind.connection() if isinstance(bind, Session) else bind
    return set(PROPOSAL_TABLES) <= set(inspect(target).get_table_names())


def require_schema(engine: Engine) -> None:
    """Fail with one line when the database has no amendtrack tables (nothing imported yet).

    A missing SQLite file is reported without creating it.
    """
    path = sqlite_file(engine)
    if path is not None and not path.is_file():
        raise InputError(str(path), "no such database (import something first: amendtrack import PATH)")
    names = set(inspect(engine).get_table_names())
    missing = sorted(set(CORE_TABLES) - names)
    if missing:
        where = str(path) if path is not None else engine.url.render_as_string(hide_password=True)
        raise InputError(where, "not an amendtrack database yet (import something first: amendtrack import PATH)")


@contextmanager
def reading(url: str | None, proposals: bool = False) -> Iterator[Session]:
    """A session on an existing amendtrack database, never creating one; `proposals`: it must hold proposals."""
    engine = engine_for(url)
    try:
        require_schema(engine)
        if proposals and not has_proposal_tables(engine):
            raise InputError(None, NO_PROPOSALS)
        with Session(engine) as session:
            yield session
    finally:
        engine.dispose()


def writing(url: str | None, work: Callable[[Session], T], *, create: bool = False, migrating: bool = False) -> T:
    """Run `work(session)` in one writing transaction, again while the database asks (see retrying).

    The schema is brought up to date first, inside the same transaction. Without `create` the
    database must already be an amendtrack database; with it (imports, restores) a new one is made,
    and a SQLite file that the failed transaction created is removed again. `migrating` is the
    schema upgrade itself: the schema is left to `work`, and on SQLite foreign keys are off while
    it runs and checked before the commit.
    """
    engine = engine_for(url)
    if migrating:
        engine = engine.execution_options(**{UNCHECKED_REFERENCES: True})
        path = sqlite_file(engine)
        if path is not None and not path.is_file():
            raise InputError(str(path), "no such database")
    elif not create:
        _require(engine)
    engine = engine.execution_options(**{WRITES: True})
    db_file = sqlite_file(engine)
    existed = db_file is not None and db_file.exists()
    done = False
    try:
        result = retrying(lambda: _transaction(engine, work, migrating))
        done = True
        return result
    finally:
        engine.dispose()
        if not done and create and db_file is not None and not existed:
            _discard_if_empty(db_file)  # the failed transaction wrote nothing, but connecting created a file


def _require(engine: Engine) -> None:
    """require_schema, disposing of the engine when it fails."""
    try:
        require_schema(engine)
    except BaseException:
        engine.dispose()
        raise


def _transaction(engine: Engine, work: Callable[[Session], T], migrating: bool) -> T:
    """One attempt: the schema ensured (unless migrating), `work`, and (migrating on SQLite) references checked."""
    with Session(engine) as session, session.begin():
        connection = session.connection()
        if not migrating:
            ensure_schema(connection)
        result = work(session)
        if migrating and connection.dialect.name == "sqlite":
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
            if broken:
                raise InputError(None, f"migration left {len(broken)} broken references: {broken[:3]}")
        return result


def _discard_if_empty(db_file: Path) -> None:
    """Remove a SQLite file (and its -wal, -shm) this writer created, unless another process stored tables in it.

    The check holds the write lock, so a concurrent import that already began writing is waited for.
    """
    try:
        connection = sqlite3.connect(db_file, timeout=10, isolation_level=None)
    except sqlite3.Error:
        return
    try:
        connection.execute("BEGIN IMMEDIATE")
        if connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            return
        for leftover in (db_file, db_file.with_name(db_file.name + "-wal"), db_file.with_name(db_file.name + "-shm")):
            leftover.unlink(missing_ok=True)
    except sqlite3.Error:
        return
    finally:
        connection.close()


def upgrade_schema(url: str | None) -> tuple[str | None, str]:
    """`amendtrack db upgrade`: bring the database at `url` to the newest schema in place, in one transaction.

    Returns (the revision it was at, None for an empty database; the newest). A missing SQLite file
    is an error, not a new database. On SQLite foreign keys are off while the revisions run (so a
    table can be rebuilt without cascading deletes) and checked before the commit.
    """
    before = writing(url, lambda session: migrations.migrate(session.connection()), migrating=True)
    return before, migrations.HEAD
