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
from urllib.parse import quote, unquote

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
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
LOCK_TIMEOUT_VAR = "AMENDTRACK_LOCK_TIMEOUT"  # seconds a writer waits for another's lock, in all (default 10)
APPLICATION = "amendtrack"  # how our PostgreSQL sessions name themselves, so a lock's holder can be told


def lock_timeout() -> float:
    """How long, in all, a writer waits for another writer's lock: $AMENDTRACK_LOCK_TIMEOUT seconds, else 10."""
    given = os.environ.get(LOCK_TIMEOUT_VAR, "").strip()
    try:
        seconds = float(given) if given else 10.0
    except ValueError:
        seconds = -1.0
    if not 0 < seconds <= 86400:
        raise InputError(None, f"{LOCK_TIMEOUT_VAR} must be a number of seconds (up to 86400), not {given!r}")
    return seconds


def resolve_url(url: str | None) -> str:
    """The database URL to use: the given one, else $AMENDTRACK_DB, else ./amendtrack.db; PostgreSQL via psycopg 3."""
    url = url or os.environ.get(ENV_VAR) or DEFAULT_URL
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def engine_for(url: str | None = None, read_only: bool = False) -> Engine:
    """An Engine for `url` (see resolve_url); SQLite gets foreign keys, WAL and a busy timeout.

    Nothing is connected (and no SQLite file is created) until the engine is first used. Inside
    amendtrack only `reading` and `writing` call it; tests and benchmarks use it to look underneath.
    `read_only` (reading): SQLite queries only, and a file this user cannot write is opened as
    immutable, so reading never leaves -wal or -shm files behind that the owner cannot remove.
    """
    parsed = _parse(url)
    sqlite = parsed.get_backend_name() == "sqlite"
    if sqlite and read_only:
        parsed = _read_only(parsed)
    arguments = {}
    if not sqlite and parsed.get_driver_name() == "psycopg" and "application_name" not in parsed.query:
        arguments = {"application_name": APPLICATION}  # a name the URL gives is kept (tests, monitoring)
    try:
        engine = create_engine(parsed, connect_args=arguments)
    except ImportError as exc:  # a URL of a database whose Python driver is not installed (mysql://, …)
        backend = parsed.get_backend_name()
        raise InputError(
            None, f"cannot open {backend} databases: its driver {exc.name or ''} is not installed"
        ) from None
    if sqlite:
        _configure_sqlite(engine, read_only)
    return engine


def _parse(url: str | None) -> URL:
    """The URL, checked: a one-line error for one that is not a URL or needs a driver that is missing."""
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
    return parsed


def _read_only(parsed: URL) -> URL:
    """A SQLite file this user cannot write, as an immutable, read-only URI (nothing created beside it)."""
    path = _sqlite_path(parsed)
    if path is None or os.access(path, os.W_OK):
        return parsed
    return make_url(f"sqlite:///file:{quote(str(path))}?mode=ro&immutable=1&uri=true")


def _configure_sqlite(engine: Engine, read_only: bool) -> None:
    """Foreign keys, WAL, the lock timeout, and real transactions (DDL included) for pysqlite."""
    timeout_ms = int(lock_timeout() * 1000)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's BEGIN (below) start every transaction, so that CREATE TABLE is
        # transactional too: pysqlite's own implicit BEGIN skips DDL.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {timeout_ms}")
        cursor.execute("PRAGMA query_only = ON" if read_only else "PRAGMA journal_mode = WAL")
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
    deadline: float | None = None,
) -> T:
    """Run `work` (one whole transaction) and run it again, after a growing random pause, while the
    database asks for that (see retry_reason); a unique violation is retried at most twice, and a
    locked database not after `deadline` (a time.monotonic() value): the busy timeout waited already."""
    conflicts = 0
    for attempt in range(1, attempts + 1):
        try:
            return work()
        except DBAPIError as exc:
            reason = retry_reason(exc)
            conflicts += reason == "concurrent insert"
            late = reason == "database is locked" and deadline is not None and time.monotonic() >= deadline
            if reason is None or attempt == attempts or conflicts > 2 or late:
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
    return _sqlite_path(engine.url) if engine.dialect.name == "sqlite" else None


def _sqlite_path(parsed: URL) -> Path | None:
    """The file of a SQLite URL (a plain path, or a `file:` URI amendtrack made), else None."""
    database = parsed.database
    if not database or database == ":memory:":
        return None
    if database.startswith("file:"):
        return Path(unquote(database[5:])) if parsed.query.get("immutable") == "1" else None
    return Path(database)


def database_file(url: str | None) -> Path | None:
    """The file of the SQLite database at `url` (after resolve_url), else None; nothing is opened."""
    try:
        parsed = make_url(resolve_url(url))
    except Exception:  # not a URL: engine_for says so when the database is opened
        return None
    return _sqlite_path(parsed) if parsed.get_backend_name() == "sqlite" else None


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
    """A session on an existing amendtrack database, never creating one nor any file beside it;
    `proposals`: it must hold proposals."""
    engine = engine_for(url, read_only=True)
    try:
        _require(engine)
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
    timeout = lock_timeout()
    done = False
    try:
        deadline = time.monotonic() + timeout
        result = retrying(lambda: _transaction(engine, work, migrating, timeout), deadline=deadline)
        done = True
        return result
    except DBAPIError as exc:
        if not _locked(exc):
            raise
        raise InputError(str(db_file) if db_file else None, _lock_message(engine, timeout)) from None
    finally:
        engine.dispose()
        if not done and create and db_file is not None and not existed:
            _discard_if_empty(db_file)  # the failed transaction wrote nothing, but connecting created a file


def _require(engine: Engine) -> None:
    """require_schema, disposing of the engine when it fails; a path the system refuses is one line too."""
    try:
        require_schema(engine)
    except OSError as exc:  # a database path too long, a folder without access, …
        engine.dispose()
        raise InputError(str(sqlite_file(engine)), f"cannot open the database: {exc.strerror or exc}") from None
    except BaseException:
        engine.dispose()
        raise


def _locked(exc: DBAPIError) -> bool:
    """Whether the database refused because another writer holds its lock (SQLite busy, PostgreSQL 55P03)."""
    return retry_reason(exc) == "database is locked" or getattr(exc.orig, "sqlstate", None) == "55P03"


def _lock_message(engine: Engine, timeout: float) -> str:
    """What the lock is and how long was waited: the holder too, where the database can tell (PostgreSQL)."""
    holder = "another process is writing to it"
    if engine.dialect.name == "postgresql":
        holder = _postgresql_holder(engine) or holder
    return f"the database is locked: {holder}; waited {timeout:g} s in all (set {LOCK_TIMEOUT_VAR} to wait longer)"


def _postgresql_holder(engine: Engine) -> str | None:
    """The oldest other session in a transaction on this database: its process id, name and age."""
    query = (
        "SELECT pid, application_name, EXTRACT(EPOCH FROM now() - xact_start)::int FROM pg_stat_activity "
        "WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL "
        "AND state <> 'idle' ORDER BY xact_start LIMIT 1"
    )
    try:
        with engine.connect() as connection:
            found = connection.exec_driver_sql(query).first()
    except DBAPIError:
        return None
    if found is None:
        return None
    pid, name, age = found
    return f"PostgreSQL process {pid} ({name or 'unnamed'}) has held a transaction open for {age} s"


def _transaction(engine: Engine, work: Callable[[Session], T], migrating: bool, timeout: float) -> T:
    """One attempt: the schema ensured (unless migrating), `work`, and (migrating on SQLite) references checked."""
    with Session(engine) as session, session.begin():
        connection = session.connection()
        if connection.dialect.name == "postgresql":  # SQLite's busy timeout is set on each connection
            connection.exec_driver_sql(f"SET LOCAL lock_timeout = '{int(timeout * 1000)}ms'")
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
