"""The store: negotiations, their documents and paragraph trees in any SQLAlchemy database.

SQLite (a file, the default) and PostgreSQL are tested. Functions here take an Engine or a
Session and never commit on their own: the caller decides where a transaction starts and
ends, so a whole import can be one transaction (see importer.py).
"""

from __future__ import annotations

import json
import logging
import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Connection,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    and_,
    create_engine,
    event,
    func,
    insert,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.orm.attributes import set_committed_value

from amendtrack.compare.align import Alignment, Link
from amendtrack.compare.disposition import STATUSES, Disposition, Evidence
from amendtrack.errors import InputError
from amendtrack.model.delegation import KINDS as DELEGATION_KINDS
from amendtrack.model.delegation import Registry
from amendtrack.model.proposal import ATTRIBUTIONS, OPERATIONS, Edit, Proposal, Source, Sponsor
from amendtrack.model.tree import Bracket, Draft, Marker, Paragraph, normalise_label
from amendtrack.resources import DEFAULT_URL, ENV_VAR

DOCUMENT_KINDS = ("draft", "inputs")
CORE_TABLES = ("negotiation", "document", "paragraph", "alignment", "lineage_link")
PROPOSAL_TABLES = ("delegation", "proposal", "proposal_sponsor")  # older databases get them at their next import


class Base(DeclarativeBase):
    """Declarative base of every amendtrack table."""


class NegotiationRow(Base):
    """A negotiation: a series of drafts of one text."""

    __tablename__ = "negotiation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    title: Mapped[str] = mapped_column(Text)


class DocumentRow(Base):
    """One document of a negotiation (a draft, or a compilation of inputs), identified by its bytes."""

    __tablename__ = "document"
    __table_args__ = (
        UniqueConstraint("negotiation_id", "sha256", name="uq_document_sha256"),
        UniqueConstraint("negotiation_id", "key", name="uq_document_key"),
        UniqueConstraint("negotiation_id", "seq", name="uq_document_seq"),
        CheckConstraint("kind IN ('draft', 'inputs')", name="ck_document_kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    negotiation_id: Mapped[int] = mapped_column(ForeignKey("negotiation.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    seq: Mapped[int] = mapped_column(Integer)  # 1-based order within the negotiation
    label: Mapped[str] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(32), nullable=True)
    source_file: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    preface: Mapped[list[str] | None] = mapped_column(JSON, nullable=True)  # Draft.preface


class ParagraphRow(Base):
    """One node of a stored paragraph tree."""

    __tablename__ = "paragraph"
    __table_args__ = (
        UniqueConstraint("document_id", "eid", name="uq_paragraph_eid"),
        Index("ix_paragraph_pid", "pid"),
        Index("ix_paragraph_document_position", "document_id", "position"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("paragraph.id", ondelete="CASCADE"), nullable=True)
    position: Mapped[int] = mapped_column(Integer)  # 1-based document order over the whole tree
    label: Mapped[str] = mapped_column(Text)
    num: Mapped[str | None] = mapped_column(Text, nullable=True)
    kind: Mapped[str] = mapped_column(String(32))
    eid: Mapped[str] = mapped_column(String(300))
    pid: Mapped[str] = mapped_column(String(500))
    text: Mapped[str] = mapped_column(Text)
    markers: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    brackets: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    label_inferred: Mapped[bool] = mapped_column(Boolean, default=False)
    line_start: Mapped[int | None] = mapped_column(Integer, nullable=True)
    line_end: Mapped[int | None] = mapped_column(Integer, nullable=True)


class AlignmentRow(Base):
    """The lineage between two drafts of a negotiation, as last computed, with the conflicts it found."""

    __tablename__ = "alignment"
    __table_args__ = (UniqueConstraint("from_document_id", "to_document_id", name="uq_alignment_pair"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    from_document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    to_document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    conflicts: Mapped[list[str]] = mapped_column(JSON)


class LineageLinkRow(Base):
    """One lineage link: which paragraph(s) of one draft became which of the next, and how."""

    __tablename__ = "lineage_link"
    __table_args__ = (Index("ix_lineage_link_alignment", "alignment_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    alignment_id: Mapped[int] = mapped_column(ForeignKey("alignment.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)  # reading order of the later draft
    relation: Mapped[str] = mapped_column(String(16))
    score: Mapped[float] = mapped_column()
    source: Mapped[str] = mapped_column(String(16))  # declared | inferred
    note: Mapped[str] = mapped_column(Text)
    conflict: Mapped[str | None] = mapped_column(Text, nullable=True)
    from_eids: Mapped[list[str]] = mapped_column(JSON)
    to_eids: Mapped[list[str]] = mapped_column(JSON)
    placeholder_eids: Mapped[list[str]] = mapped_column(JSON)


class DelegationRow(Base):
    """A delegation that made a proposal, under its canonical name (see amendtrack/delegations.toml)."""

    __tablename__ = "delegation"
    __table_args__ = (
        CheckConstraint(f"kind IN ({', '.join(repr(k) for k in DELEGATION_KINDS)})", name="ck_delegation_kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(40))


class ProposalRow(Base):
    """One proposal: an operation on a paragraph of a base draft, from an inputs document.

    The paragraph is kept by label and eId; its persistent id is read from the paragraph row at
    load time, since persistent ids are renewed whenever the lineage changes.
    """

    __tablename__ = "proposal"
    __table_args__ = (
        CheckConstraint(f"operation IN ({', '.join(repr(o) for o in OPERATIONS)})", name="ck_proposal_operation"),
        Index("ix_proposal_document_position", "document_id", "position"),
        Index("ix_proposal_base_paragraph", "base_document_id", "paragraph_eid"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    negotiation_id: Mapped[int] = mapped_column(ForeignKey("negotiation.id", ondelete="CASCADE"))
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))  # the inputs document
    base_document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))  # the draft
    position: Mapped[int] = mapped_column(Integer)  # 1-based order within its inputs document
    paragraph: Mapped[str | None] = mapped_column(Text, nullable=True)  # label in the base draft
    paragraph_eid: Mapped[str | None] = mapped_column(String(300), nullable=True)  # null: not found in the draft
    operation: Mapped[str] = mapped_column(String(16))
    edits: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    text: Mapped[str | None] = mapped_column(Text, nullable=True)
    new_label: Mapped[str | None] = mapped_column(Text, nullable=True)
    related: Mapped[list[str]] = mapped_column(JSON)
    rationale: Mapped[str | None] = mapped_column(Text, nullable=True)
    refs: Mapped[list[str]] = mapped_column(JSON)  # Proposal.references (source tags)
    resulting_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    applied: Mapped[bool] = mapped_column(Boolean, default=False)
    unapplied_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    confidence: Mapped[float] = mapped_column(Float, default=1.0)


class ProposalSponsorRow(Base):
    """One delegation's share in a proposal, with its own evidence: verbatim input, file and lines."""

    __tablename__ = "proposal_sponsor"
    __table_args__ = (
        CheckConstraint(f"attribution IN ({', '.join(repr(a) for a in ATTRIBUTIONS)})", name="ck_sponsor_attribution"),
        Index("ix_proposal_sponsor_proposal", "proposal_id", "position"),
        Index("ix_proposal_sponsor_delegation", "delegation_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id", ondelete="CASCADE"))
    delegation_id: Mapped[int] = mapped_column(ForeignKey("delegation.id"))
    position: Mapped[int] = mapped_column(Integer)  # order of the sponsors within the proposal
    attribution: Mapped[str] = mapped_column(String(16))
    verbatim: Mapped[str] = mapped_column(Text)
    source_file: Mapped[str | None] = mapped_column(Text, nullable=True)
    line_start: Mapped[int | None] = mapped_column(Integer, nullable=True)
    line_end: Mapped[int | None] = mapped_column(Integer, nullable=True)


class DispositionRow(Base):
    """The computed disposition of a proposal in the next draft; replaced whenever it is recomputed."""

    __tablename__ = "disposition"

    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id", ondelete="CASCADE"), primary_key=True)
    next_document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), nullable=True)
    status: Mapped[str] = mapped_column(String(16))
    explanation: Mapped[str] = mapped_column(Text)
    evidence: Mapped[dict[str, Any]] = mapped_column(JSON)


class OverrideRow(Base):
    """A facilitator's decision on a proposal's disposition, with a note; recomputation never touches it."""

    __tablename__ = "disposition_override"
    __table_args__ = (
        CheckConstraint(f"status IN ({', '.join(repr(s) for s in STATUSES)})", name="ck_override_status"),
    )

    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id", ondelete="CASCADE"), primary_key=True)
    status: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text)


@dataclass
class ImportResult:
    """What happened to one document of an import."""

    negotiation: str
    key: str
    label: str
    source_file: str
    sha256: str
    status: Literal["imported", "already_imported", "skipped"]
    paragraphs: int = 0
    order: int | None = None
    existing_key: str | None = None  # for already_imported: the key the same bytes are stored under
    reason: str | None = None  # for skipped: why
    kind: str = "draft"
    proposals: int = 0  # for inputs: the proposals stored (co-sponsored ones counted once)
    problems: list[str] = field(default_factory=list)  # for inputs read with skip_invalid: the rows left out

    @property
    def message(self) -> str:
        """The one line the CLI prints for this document."""
        if self.status == "imported":
            count = (
                f"{self.proposals} proposal{'' if self.proposals == 1 else 's'}"
                if self.kind == "inputs"
                else f"{self.paragraphs} paragraph{'' if self.paragraphs == 1 else 's'}"
            )
            return (
                f"imported: {self.negotiation}/{self.key} ({self.label}), order {self.order}, "
                f"{count}, from {self.source_file}"
            )
        if self.status == "already_imported":
            return (
                f"already imported: {self.negotiation}/{self.existing_key or self.key} "
                f"from {self.source_file} (sha256 {self.sha256[:12]})"
            )
        return f"skipped ({self.reason}): {self.source_file}"


# --- engines -----------------------------------------------------------------------------------


def resolve_url(url: str | None) -> str:
    """The database URL to use: the given one, else $AMENDTRACK_DB, else ./amendtrack.db; PostgreSQL via psycopg 3."""
    url = url or os.environ.get(ENV_VAR) or DEFAULT_URL
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def engine_for(url: str | None = None) -> Engine:
    """An Engine for `url` (see resolve_url); SQLite gets foreign keys, WAL and a busy timeout.

    Nothing is connected (and no SQLite file is created) until the engine is first used.
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
        connection.exec_driver_sql("BEGIN IMMEDIATE" if connection.get_execution_options().get(WRITES) else "BEGIN")


# --- writers, retries and schema versions -------------------------------------------------------

WRITES = "amendtrack_writes"  # execution option: this engine's transactions write
T = TypeVar("T")
log = logging.getLogger(__name__)


def for_writing(engine: Engine) -> Engine:
    """The same engine (same pool), its transactions marked as writes: SQLite begins them with BEGIN IMMEDIATE."""
    return engine.execution_options(**{WRITES: True})


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
    earlier amendtrack is migrated (amendtrack.store.migrations); a current one costs one query.
    """
    from amendtrack.store.migrations import ensure  # Alembic is imported only when a migration runs

    ensure(connection)


def sqlite_file(engine: Engine) -> Path | None:
    """The database file of a file-based SQLite engine, else None."""
    if engine.dialect.name != "sqlite":
        return None
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def has_proposal_tables(engine: Engine) -> bool:
    """Whether the database has the proposal tables (databases written before proposals existed do not)."""
    return set(PROPOSAL_TABLES) <= set(inspect(engine).get_table_names())


def create_schema(bind: Engine | Connection) -> None:
    """Create the tables that do not exist yet (inside the caller's transaction when given a Connection)."""
    Base.metadata.create_all(bind)


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


# --- writing -----------------------------------------------------------------------------------


def check_draft(draft: Draft, source_file: str | None = None) -> int:
    """Check a tree can be stored (eIds unique, no empty labels); return its node count."""
    seen: dict[str, Paragraph] = {}
    count = 0
    for node, _parent in draft.walk():
        count += 1
        if not node.eid:
            raise InputError(source_file, f"paragraph {node.label!r} has no eId", line=node.line_start)
        if node.eid in seen:
            first = seen[node.eid]
            raise InputError(
                source_file,
                f"duplicate paragraph eId {node.eid!r} (label {node.label!r}; first at line {first.line_start})",
                line=node.line_start,
            )
        seen[node.eid] = node
    return count


def save_draft(
    session: Session,
    negotiation_key: str,
    negotiation_title: str,
    doc_key: str,
    label: str,
    date: str | None,
    kind: str,
    source_file: str,
    sha256: str,
    draft: Draft | None,
) -> ImportResult:
    """Add one document (and its tree) to the session; a SHA-256 already stored for the negotiation is a no-op.

    Nodes without a persistent id get `pid = f"{doc_key}:{eid}"` (set on the given tree too).
    The negotiation is created if new. Nothing is committed here.
    """
    if kind not in DOCUMENT_KINDS:
        raise InputError(source_file, f"unknown document kind {kind!r} (expected draft or inputs)")
    count = check_draft(draft, source_file) if draft is not None else 0

    # PostgreSQL: imports into one negotiation take turns here (FOR NO KEY UPDATE), so two never pick
    # the same order number; two creating the same negotiation meet its unique key (see retrying).
    negotiation = session.scalar(
        select(NegotiationRow).where(NegotiationRow.key == negotiation_key).with_for_update(key_share=True)
    )
    if negotiation is None:
        negotiation = NegotiationRow(key=negotiation_key, title=negotiation_title or negotiation_key)
        session.add(negotiation)
        session.flush()

    def result(status: Literal["imported", "already_imported"], **extra: Any) -> ImportResult:
        return ImportResult(negotiation_key, doc_key, label, source_file, sha256, status, kind=kind, **extra)

    same_bytes = session.scalar(
        select(DocumentRow).where(DocumentRow.negotiation_id == negotiation.id, DocumentRow.sha256 == sha256)
    )
    if same_bytes is not None:
        return result("already_imported", order=same_bytes.seq, existing_key=same_bytes.key)
    same_key = session.scalar(
        select(DocumentRow).where(DocumentRow.negotiation_id == negotiation.id, DocumentRow.key == doc_key)
    )
    if same_key is not None:
        raise InputError(
            source_file,
            f"negotiation {negotiation_key!r} already has a document {doc_key!r} with other content "
            f"(sha256 {same_key.sha256[:12]}); import this one under another id or label",
        )

    last = session.scalar(select(func.max(DocumentRow.seq)).where(DocumentRow.negotiation_id == negotiation.id))
    document = DocumentRow(
        negotiation_id=negotiation.id,
        key=doc_key,
        kind=kind,
        seq=(last or 0) + 1,
        label=label,
        date=date,
        source_file=source_file,
        sha256=sha256,
        preface=list(draft.preface) if draft is not None else None,
    )
    session.add(document)
    session.flush()

    if draft is not None:
        _insert_tree(session, document.id, doc_key, draft)
    return result("imported", paragraphs=count, order=document.seq)


# ORM bulk INSERTs render None as NULL, so rows with and without NULLs share one statement (by default
# the ORM groups rows by which columns are None, and runs a statement per group).
_BULK = {"render_nulls": True}


def _insert_many(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> None:
    """Insert many rows of one table in one go (every row with the same keys).

    On PostgreSQL with psycopg the rows are sent with COPY: a multi-row INSERT would have psycopg rewrite a
    statement with a placeholder per value, which took most of the time of an import there. Elsewhere
    it is one multi-row INSERT.
    """
    if not rows:
        return
    if _copies(session):
        _copy(session, model.__table__, rows)
    else:
        session.execute(insert(model), rows, execution_options=_BULK)


def _insert_many_with_ids(session: Session, model: type[Base], rows: list[dict[str, Any]], key: str) -> dict[Any, int]:
    """As _insert_many, and the new ids by each row's `key` (a column whose values are unique among the rows)."""
    if not rows:
        return {}
    if _copies(session):
        sequence = session.scalar(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": model.__tablename__})
        ids = session.scalars(text("SELECT nextval(:s) FROM generate_series(1, :n)"), {"s": sequence, "n": len(rows)})
        rows = [{**row, "id": new_id} for row, new_id in zip(rows, ids, strict=True)]
        _copy(session, model.__table__, rows)
        return {row[key]: row["id"] for row in rows}
    returning = insert(model).returning(getattr(model, key), model.id)  # ids come back with the key, any order
    return dict(session.execute(returning, rows, execution_options=_BULK).all())


def _copies(session: Session) -> bool:
    dialect = session.get_bind().dialect
    return dialect.name == "postgresql" and dialect.driver == "psycopg"


def _copy(session: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    """COPY rows into a table through the session's own connection (so in its transaction); JSON as text."""
    from psycopg import sql

    session.flush()  # rows the ORM still holds (a document, a delegation) go first: these rows refer to them
    columns = list(rows[0])
    as_json = {name for name in columns if isinstance(table.c[name].type, JSON)}
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table.name), sql.SQL(", ").join(map(sql.Identifier, columns))
    )
    cursor = session.connection().connection.driver_connection.cursor()
    with cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row([json.dumps(row[c]) if c in as_json and row[c] is not None else row[c] for c in columns])


def _insert_tree(session: Session, document_id: int, doc_key: str, draft: Draft) -> None:
    """Insert the nodes level by level, so every parent has its id before its children are written."""
    position = {id(node): index for index, (node, _parent) in enumerate(draft.walk(), start=1)}
    row_ids: dict[int, int] = {}
    level: list[tuple[Paragraph, Paragraph | None]] = [(node, None) for node in draft.paragraphs]
    while level:
        rows = []
        for node, parent in level:
            if node.pid is None:
                node.pid = f"{doc_key}:{node.eid}"
            rows.append(
                {
                    "document_id": document_id,
                    "parent_id": row_ids[id(parent)] if parent is not None else None,
                    "position": position[id(node)],
                    "label": node.label,
                    "num": node.num,
                    "kind": node.kind,
                    "eid": node.eid,
                    "pid": node.pid,
                    "text": node.text,
                    "markers": [marker.to_dict() for marker in node.markers],
                    "brackets": [bracket.to_dict() for bracket in node.brackets],
                    "label_inferred": node.label_inferred,
                    "line_start": node.line_start,
                    "line_end": node.line_end,
                }
            )
        id_at = _insert_many_with_ids(session, ParagraphRow, rows, "position")  # one bulk insert per level
        for node, _parent in level:
            row_ids[id(node)] = id_at[position[id(node)]]
        level = [(child, node) for node, _parent in level for child in node.children]


# --- reading -----------------------------------------------------------------------------------


def _negotiation(session: Session, negotiation_key: str) -> NegotiationRow:
    """The negotiation row, or an InputError listing the known ones."""
    row = session.scalar(select(NegotiationRow).where(NegotiationRow.key == negotiation_key))
    if row is None:
        known = session.scalars(select(NegotiationRow.key).order_by(NegotiationRow.key)).all()
        hint = f"known: {', '.join(known)}" if known else "nothing imported yet"
        raise InputError(None, f"unknown negotiation {negotiation_key!r} ({hint})")
    return row


def negotiation_title(session: Session, negotiation_key: str) -> str:
    """The title of a stored negotiation."""
    return _negotiation(session, negotiation_key).title


def find_document(session: Session, negotiation_key: str, draft_ref: str) -> DocumentRow:
    """The document a user means: its key, else its label (case-insensitive), else its order number (1-based)."""
    negotiation = _negotiation(session, negotiation_key)
    documents = session.scalars(
        select(DocumentRow).where(DocumentRow.negotiation_id == negotiation.id).order_by(DocumentRow.seq)
    ).all()
    ref = draft_ref.strip()
    for document in documents:
        if document.key == ref:
            return document
    for document in documents:
        if document.label.casefold() == ref.casefold():
            return document
    if ref.isdigit():
        for document in documents:
            if document.seq == int(ref):
                return document
    listing = ", ".join(f"{d.seq} {d.key}" for d in documents) or "none stored"
    raise InputError(None, f"negotiation {negotiation_key!r} has no draft {draft_ref!r} (drafts: {listing})")


def load_draft(session: Session, negotiation_key: str, draft_ref: str) -> Draft:
    """Rebuild a stored draft's tree; `draft_ref` is a document key, a label, or an order number."""
    document = find_document(session, negotiation_key, draft_ref)
    rows = session.execute(  # plain rows: the tree is built from them, no ORM objects are needed
        select(ParagraphRow.__table__).where(ParagraphRow.document_id == document.id).order_by(ParagraphRow.position)
    ).all()
    nodes: dict[int, Paragraph] = {}
    top: list[Paragraph] = []
    for row in rows:
        node = Paragraph(
            label=row.label,
            kind=row.kind,
            text=row.text,
            eid=row.eid,
            num=row.num,
            label_inferred=bool(row.label_inferred),
            markers=[Marker(**marker) for marker in row.markers or []],
            brackets=[Bracket(**bracket) for bracket in row.brackets or []],
            line_start=row.line_start,
            line_end=row.line_end,
            pid=row.pid,
        )
        nodes[row.id] = node
        # Positions follow document order, so a parent always comes before its children.
        (nodes[row.parent_id].children if row.parent_id is not None else top).append(node)
    return Draft(paragraphs=top, preface=list(document.preface or []), source=document.source_file)


def list_documents(session: Session, negotiation_key: str | None = None) -> list[dict[str, Any]]:
    """Stored documents in order: the records of `amendtrack drafts --json`."""
    counts = (
        select(ParagraphRow.document_id, func.count(ParagraphRow.id).label("n"))
        .group_by(ParagraphRow.document_id)
        .subquery()
    )
    query = (
        select(NegotiationRow.key, DocumentRow, func.coalesce(counts.c.n, 0))
        .join(DocumentRow, DocumentRow.negotiation_id == NegotiationRow.id)
        .outerjoin(counts, counts.c.document_id == DocumentRow.id)
        .order_by(NegotiationRow.key, DocumentRow.seq)
    )
    if negotiation_key is not None:
        query = query.where(NegotiationRow.id == _negotiation(session, negotiation_key).id)
    return [
        {
            "negotiation": key,
            "key": document.key,
            "label": document.label,
            "date": document.date,
            "kind": document.kind,
            "order": document.seq,
            "source_file": document.source_file,
            "sha256": document.sha256,
            "paragraphs": int(count),
        }
        for key, document, count in session.execute(query)
    ]


def list_negotiations(session: Session) -> list[dict[str, Any]]:
    """Stored negotiations by key: {key, title, documents}."""
    query = (
        select(NegotiationRow.key, NegotiationRow.title, func.count(DocumentRow.id))
        .outerjoin(DocumentRow, DocumentRow.negotiation_id == NegotiationRow.id)
        .group_by(NegotiationRow.id, NegotiationRow.key, NegotiationRow.title)
        .order_by(NegotiationRow.key)
    )
    return [{"key": key, "title": title, "documents": int(n)} for key, title, n in session.execute(query)]


# --- lineage -----------------------------------------------------------------------------------


def save_alignment(
    session: Session, negotiation_key: str, from_ref: str, to_ref: str, alignment: Alignment, renew: bool = True
) -> None:
    """Store the lineage between two drafts (replacing what was stored for that pair) and renew persistent ids.

    `renew=False` leaves the ids to one renew_persistent_ids call after several alignments (an import's).
    """
    old = find_document(session, negotiation_key, from_ref)
    new = find_document(session, negotiation_key, to_ref)
    if old.kind != "draft" or new.kind != "draft":
        raise InputError(None, f"only drafts can be aligned ({old.key} is {old.kind}, {new.key} is {new.kind})")
    previous = alignment_row(session, old.id, new.id)
    if previous is not None:
        session.execute(LineageLinkRow.__table__.delete().where(LineageLinkRow.alignment_id == previous.id))
        session.delete(previous)
        session.flush()
    row = AlignmentRow(from_document_id=old.id, to_document_id=new.id, conflicts=list(alignment.conflicts))
    session.add(row)
    session.flush()
    links = [
        {
            "alignment_id": row.id,
            "position": k,
            "relation": link.relation,
            "score": float(link.score),
            "source": link.source,
            "note": link.note,
            "conflict": link.conflict,
            "from_eids": [p.eid for p in link.sources],
            "to_eids": [p.eid for p in link.targets],
            "placeholder_eids": [p.eid for p in link.placeholders],
        }
        for k, link in enumerate(alignment.links, start=1)
    ]
    if links:
        _insert_many(session, LineageLinkRow, links)
    if renew:
        renew_persistent_ids(session, negotiation_key)


def persistent_ids(session: Session, document_id: int) -> dict[str, str]:
    """eId → persistent id of every paragraph of a stored document."""
    query = select(ParagraphRow.eid, ParagraphRow.pid).where(ParagraphRow.document_id == document_id)
    return {eid: pid for eid, pid in session.execute(query)}


def carried_ids(links: list[Link]) -> dict[str, str]:
    """New eId → the old node whose identity it carries, by eId (a pure rule, shared with the store).

    One-to-one links carry the identity across; a merge keeps the identity of the source with the
    target's eId, i.e. its label (else the first source); a split gives it to the target with the
    source's eId (else the first target); a placeholder ("[Merged with paragraph 42]") keeps the
    identity of the paragraph of the same eId it stands for.
    """
    return _carried(
        (
            link.relation,
            [p.eid for p in link.sources],
            [p.eid for p in link.targets],
            [p.eid for p in link.placeholders],
        )
        for link in links
    )


def _carried(links: Iterable[tuple[str, list[str], list[str], list[str]]]) -> dict[str, str]:
    """carried_ids over links given as (relation, source eIds, target eIds, placeholder eIds), as they are stored."""
    carried: dict[str, str] = {}
    for relation, sources, targets, placeholders in links:
        if not sources:
            continue
        if targets:
            if relation == "merged":
                carried[targets[0]] = targets[0] if targets[0] in sources else sources[0]
            elif relation == "split":
                carried[sources[0] if sources[0] in targets else targets[0]] = sources[0]
            else:
                carried[targets[0]] = sources[0]
        for placeholder in placeholders:
            if placeholder in sources:
                carried[placeholder] = placeholder
    return carried


def renew_persistent_ids(session: Session, negotiation_key: str) -> None:
    """Recompute every paragraph's persistent id from the stored lineage between consecutive drafts.

    The first draft's paragraphs (and every paragraph no link carries) get `<document key>:<eId>`;
    a paragraph a link carries takes the id of the paragraph it came from. Deterministic, so
    re-aligning gives the same ids.
    """
    negotiation = _negotiation(session, negotiation_key)
    drafts = session.execute(
        select(DocumentRow.id, DocumentRow.key)
        .where(DocumentRow.negotiation_id == negotiation.id, DocumentRow.kind == "draft")
        .order_by(DocumentRow.seq)
    ).all()
    previous_ids: dict[str, str] = {}
    previous = None
    changed: dict[int, str] = {}  # paragraph id → its new pid
    for document in drafts:  # plain rows of the columns needed, then one bulk UPDATE of the pids that change
        rows = session.execute(
            select(ParagraphRow.id, ParagraphRow.eid, ParagraphRow.pid).where(ParagraphRow.document_id == document.id)
        ).all()
        carried: dict[str, str] = {}
        if previous is not None:
            alignment = alignment_row(session, previous.id, document.id)
            if alignment is not None:
                carried = _carried(
                    session.execute(
                        select(
                            LineageLinkRow.relation,
                            LineageLinkRow.from_eids,
                            LineageLinkRow.to_eids,
                            LineageLinkRow.placeholder_eids,
                        ).where(LineageLinkRow.alignment_id == alignment.id)
                    )
                )
        ids: dict[str, str] = {}
        for row in rows:
            source_eid = carried.get(row.eid)
            pid = previous_ids.get(source_eid) if source_eid else None
            pid = pid or f"{document.key}:{row.eid}"
            if row.pid != pid:
                changed[row.id] = pid
            ids[row.eid] = pid
        previous_ids, previous = ids, document
    if changed:
        session.execute(update(ParagraphRow), [{"id": key, "pid": pid} for key, pid in changed.items()])
        for loaded in list(session.identity_map.values()):  # paragraph objects already loaded see the new pid
            if isinstance(loaded, ParagraphRow) and loaded.id in changed:
                set_committed_value(loaded, "pid", changed[loaded.id])
    session.flush()


# --- proposals ---------------------------------------------------------------------------------


def save_proposals(
    session: Session,
    negotiation_key: str,
    inputs_doc_key: str,
    base_draft_ref: str,
    proposals: list[Proposal],
    registry: Registry | None = None,
) -> list[int]:
    """Store the proposals of an inputs document against its base draft, in order; their ids.

    The target paragraph is resolved by label among the base draft's stored paragraphs (its eId
    kept; null when the draft has no such paragraph). Every sponsor must be a known delegation
    (never invented); delegation rows are created as first needed. Nothing is committed here.
    """
    registry = registry or Registry.load()
    inputs = find_document(session, negotiation_key, inputs_doc_key)
    base = find_document(session, negotiation_key, base_draft_ref)
    if inputs.kind != "inputs":
        raise InputError(inputs.source_file, f"document {inputs.key!r} is a {inputs.kind}, not inputs")
    if base.kind != "draft":
        raise InputError(None, f"proposals are made on a draft; {base.key!r} is {base.kind}")
    labels = session.execute(select(ParagraphRow.label, ParagraphRow.eid).where(ParagraphRow.document_id == base.id))
    by_label: dict[str, str] = {}
    by_normalised: dict[str, str] = {}
    for label, eid in labels:
        by_label.setdefault(label, eid)
        by_normalised.setdefault(normalise_label(label), eid)

    delegations: dict[str, DelegationRow] = {}
    stored = {row.name: row for row in session.scalars(select(DelegationRow))}  # one query, not one per delegation

    def delegation_row(name: str, where: Source | None) -> DelegationRow:
        known = registry.resolve(name)
        if known is None:
            raise InputError(
                where.file if where else inputs.source_file,
                f"unknown delegation {name!r} (not in the registry)",
                line=where.line_start if where else None,
            )
        if known.name not in delegations:
            row = stored.get(known.name)
            if row is None:
                row = DelegationRow(name=known.name, kind=known.kind)
                session.add(row)
                session.flush()
            elif row.kind != known.kind:
                row.kind = known.kind
            delegations[known.name] = row
        return delegations[known.name]

    start = session.scalar(select(func.max(ProposalRow.position)).where(ProposalRow.document_id == inputs.id)) or 0
    rows: list[dict[str, Any]] = []
    sponsors_of: list[list[tuple[DelegationRow, Sponsor]]] = []
    for position, proposal in enumerate(proposals, start=start + 1):
        if proposal.operation not in OPERATIONS:
            raise InputError(inputs.source_file, f"unknown operation {proposal.operation!r}")
        eid = None
        if proposal.paragraph is not None:
            eid = by_label.get(proposal.paragraph) or by_normalised.get(normalise_label(proposal.paragraph))
        sponsor_rows = [(delegation_row(s.delegation, s.source), s) for s in proposal.sponsors]
        if not sponsor_rows:
            raise InputError(inputs.source_file, f"proposal #{position} has no delegation")
        rows.append(
            {
                "negotiation_id": inputs.negotiation_id,
                "document_id": inputs.id,
                "base_document_id": base.id,
                "position": position,
                "paragraph": proposal.paragraph,
                "paragraph_eid": eid,
                "operation": proposal.operation,
                "edits": [_edit_record(edit) for edit in proposal.edits],
                "text": proposal.text,
                "new_label": proposal.new_label,
                "related": list(proposal.related),
                "rationale": proposal.rationale,
                "refs": list(proposal.references),
                "resulting_text": proposal.resulting_text,
                "applied": bool(proposal.applied),
                "unapplied_reason": proposal.unapplied_reason,
                "confidence": float(proposal.confidence),
            }
        )
        sponsors_of.append(sponsor_rows)
    if not rows:
        session.flush()
        return []
    # Two bulk inserts (proposals, then sponsors), not two round trips per proposal.
    id_at = _insert_many_with_ids(session, ProposalRow, rows, "position")  # positions are unique in the document
    ids = [id_at[row["position"]] for row in rows]
    _insert_many(
        session,
        ProposalSponsorRow,
        [
            {
                "proposal_id": proposal_id,
                "delegation_id": delegation.id,
                "position": k,
                "attribution": sponsor.attribution,
                "verbatim": sponsor.verbatim,
                "source_file": sponsor.source.file if sponsor.source else None,
                "line_start": sponsor.source.line_start if sponsor.source else None,
                "line_end": sponsor.source.line_end if sponsor.source else None,
            }
            for proposal_id, sponsor_rows in zip(ids, sponsors_of, strict=True)
            for k, (delegation, sponsor) in enumerate(sponsor_rows, start=1)
        ],
    )
    session.flush()
    return ids


def _edit_record(edit: Edit) -> dict[str, Any]:
    return {"kind": edit.kind, "old": edit.old, "new": edit.new, "anchor": edit.anchor, "position": edit.position}


def _listing(names: list[str], limit: int = 40) -> str:
    """Names for a one-line message, shortened when there are many."""
    shown = ", ".join(names[:limit])
    return shown + (f", … ({len(names)} in all)" if len(names) > limit else "") if names else "none"


def load_proposals(
    session: Session,
    negotiation_key: str,
    draft_ref: str | None = None,
    delegation: str | None = None,
    paragraph: str | None = None,
    registry: Registry | None = None,
) -> list[tuple[int, Proposal]]:
    """Stored proposals with their ids, in document order, with the target paragraph's current pid.

    `draft_ref` is an inputs document (its proposals) or a draft (the proposals made on it);
    `delegation` any name of a delegation (co-sponsored proposals count for each sponsor);
    `paragraph` a label of the base draft (proposals on it, and new paragraphs with that label)
    or a persistent id (`first-draft:pp_4`: the paragraph in every draft). Unknown names raise an
    InputError that lists the known ones.
    """
    registry = registry or Registry.load()
    negotiation = _negotiation(session, negotiation_key)
    query = (
        select(ProposalRow.__table__, ParagraphRow.pid)  # plain rows: a Proposal is built from each
        .join(DocumentRow, DocumentRow.id == ProposalRow.document_id)
        .outerjoin(
            ParagraphRow,
            and_(
                ParagraphRow.document_id == ProposalRow.base_document_id,
                ParagraphRow.eid == ProposalRow.paragraph_eid,
            ),
        )
        .where(ProposalRow.negotiation_id == negotiation.id)
        .order_by(DocumentRow.seq, ProposalRow.position)
    )
    if draft_ref is not None:
        document = find_document(session, negotiation_key, draft_ref)
        column = ProposalRow.document_id if document.kind == "inputs" else ProposalRow.base_document_id
        query = query.where(column == document.id)
    if delegation is not None:
        known = registry.resolve(delegation)
        if known is None:
            names = delegation_counts(session, negotiation_key)
            raise InputError(
                None,
                f"unknown delegation {delegation!r} (delegations with proposals in {negotiation_key}: "
                f"{_listing(sorted(names))})",
            )
        sponsored = (
            select(ProposalSponsorRow.proposal_id)
            .join(DelegationRow, DelegationRow.id == ProposalSponsorRow.delegation_id)
            .where(DelegationRow.name == known.name)
        )
        query = query.where(ProposalRow.id.in_(sponsored))
    rows = [(row, row.pid) for row in session.execute(query)]

    if paragraph is not None:
        rows = _on_paragraph(session, negotiation_key, rows, paragraph, draft_ref)
    sponsors = _sponsors(session, [row.id for row, _pid in rows])
    return [(row.id, _proposal(row, pid, sponsors.get(row.id, []))) for row, pid in rows]


def _on_paragraph(session: Session, negotiation_key: str, rows: list[Any], wanted: str, draft_ref: str | None) -> list:
    """The rows whose target is the wanted paragraph (label, eId or persistent id); unknown names fail."""
    if ":" in wanted:  # a persistent id
        found = [(row, pid) for row, pid in rows if pid == wanted]
        if not found and session.scalar(select(ParagraphRow.id).where(ParagraphRow.pid == wanted).limit(1)) is None:
            raise InputError(None, f"no paragraph has the persistent id {wanted!r} (see amendtrack paragraphs --json)")
        return found
    key = normalise_label(wanted)
    found = [
        (row, pid)
        for row, pid in rows
        if row.paragraph_eid == wanted
        or (row.paragraph is not None and normalise_label(row.paragraph) == key)
        or (row.operation == "new_paragraph" and row.new_label and normalise_label(row.new_label) == key)
    ]
    if found:
        return found
    # Known but without proposals is an empty answer; unknown everywhere is an error.
    negotiation = _negotiation(session, negotiation_key)
    bases = select(ProposalRow.base_document_id).where(ProposalRow.negotiation_id == negotiation.id)
    if draft_ref is not None:
        document = find_document(session, negotiation_key, draft_ref)
        if document.kind == "draft":
            bases = select(DocumentRow.id).where(DocumentRow.id == document.id)
    labels = session.scalars(select(ParagraphRow.label).where(ParagraphRow.document_id.in_(bases))).all()
    if any(normalise_label(label) == key for label in labels):
        return []
    targeted = session.scalars(
        select(ProposalRow.paragraph)
        .where(ProposalRow.negotiation_id == negotiation.id, ProposalRow.paragraph.is_not(None))
        .group_by(ProposalRow.paragraph)
        .order_by(func.min(ProposalRow.id))
    ).all()
    raise InputError(
        None,
        f"unknown paragraph {wanted!r} (paragraphs with proposals in {negotiation_key}: {_listing(list(targeted))})",
    )


def _sponsors(session: Session, proposal_ids: list[int]) -> dict[int, list[Sponsor]]:
    """The sponsors of the given proposals, in order, by proposal id."""
    result: dict[int, list[Sponsor]] = {}
    for start in range(0, len(proposal_ids), 500):  # keep IN lists short
        chunk = proposal_ids[start : start + 500]
        query = (
            select(ProposalSponsorRow.__table__, DelegationRow.name)  # plain rows, as for the proposals
            .join(DelegationRow, DelegationRow.id == ProposalSponsorRow.delegation_id)
            .where(ProposalSponsorRow.proposal_id.in_(chunk))
            .order_by(ProposalSponsorRow.proposal_id, ProposalSponsorRow.position)
        )
        for sponsor in session.execute(query):
            name = sponsor.name
            source = (
                Source(sponsor.source_file, sponsor.line_start, sponsor.line_end)
                if sponsor.source_file is not None and sponsor.line_start is not None and sponsor.line_end is not None
                else None
            )
            result.setdefault(sponsor.proposal_id, []).append(
                Sponsor(name, sponsor.attribution, sponsor.verbatim, source)
            )
    return result


def _proposal(row: ProposalRow, pid: str | None, sponsors: list[Sponsor]) -> Proposal:
    """A stored proposal as a Proposal."""
    return Proposal(
        operation=row.operation,
        paragraph=row.paragraph,
        sponsors=sponsors,
        edits=[Edit(**edit) for edit in row.edits or []],
        text=row.text,
        new_label=row.new_label,
        related=list(row.related or []),
        rationale=row.rationale,
        references=list(row.refs or []),
        resulting_text=row.resulting_text,
        applied=bool(row.applied),
        unapplied_reason=row.unapplied_reason,
        confidence=float(row.confidence),
        pid=pid,
    )


def delegation_counts(session: Session, negotiation_key: str | None = None) -> dict[str, int]:
    """Delegation name → number of proposals it made or co-sponsored (in one negotiation, or in all)."""
    query = (
        select(DelegationRow.name, func.count(ProposalRow.id.distinct()))
        .join(ProposalSponsorRow, ProposalSponsorRow.delegation_id == DelegationRow.id)
        .join(ProposalRow, ProposalRow.id == ProposalSponsorRow.proposal_id)
        .group_by(DelegationRow.name)
    )
    if negotiation_key is not None:
        query = query.where(ProposalRow.negotiation_id == _negotiation(session, negotiation_key).id)
    counts = {name: int(n) for name, n in session.execute(query)}
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def proposal_counts(session: Session, negotiation_key: str | None = None) -> dict[tuple[str, str], int]:
    """(negotiation key, inputs document key) → number of stored proposals."""
    query = (
        select(NegotiationRow.key, DocumentRow.key, func.count(ProposalRow.id))
        .join(DocumentRow, DocumentRow.id == ProposalRow.document_id)
        .join(NegotiationRow, NegotiationRow.id == ProposalRow.negotiation_id)
        .group_by(NegotiationRow.key, DocumentRow.key, DocumentRow.seq)
        .order_by(NegotiationRow.key, DocumentRow.seq)
    )
    if negotiation_key is not None:
        query = query.where(ProposalRow.negotiation_id == _negotiation(session, negotiation_key).id)
    return {(negotiation, document): int(n) for negotiation, document, n in session.execute(query)}


def delegation_records(
    session: Session, negotiation_key: str | None = None, registry: Registry | None = None
) -> list[dict[str, Any]]:
    """Every delegation (registry and store) with its proposal counts: the records of `delegations --json`.

    `proposals` counts the proposals made or co-sponsored in scope (one negotiation, or all);
    `negotiations` splits that count by negotiation. Ordered by count (highest first), then name.
    """
    registry = registry or Registry.load()
    query = (
        select(DelegationRow.name, DelegationRow.kind, NegotiationRow.key, func.count(ProposalRow.id.distinct()))
        .join(ProposalSponsorRow, ProposalSponsorRow.delegation_id == DelegationRow.id)
        .join(ProposalRow, ProposalRow.id == ProposalSponsorRow.proposal_id)
        .join(NegotiationRow, NegotiationRow.id == ProposalRow.negotiation_id)
        .group_by(DelegationRow.name, DelegationRow.kind, NegotiationRow.key)
    )
    if negotiation_key is not None:
        query = query.where(ProposalRow.negotiation_id == _negotiation(session, negotiation_key).id)
    per_negotiation: dict[str, dict[str, int]] = {}
    kinds: dict[str, str] = {}
    for name, kind, negotiation, n in session.execute(query):
        per_negotiation.setdefault(name, {})[negotiation] = int(n)
        kinds[name] = kind
    records = [delegation.to_dict() for delegation in registry]
    known = {record["name"] for record in records}
    for name in sorted(set(per_negotiation) - known):  # stored under a name the registry no longer has
        records.append(
            {
                "name": name,
                "kind": kinds[name],
                "official_name": None,
                "aliases": [],
                "ocr_variants": [],
                "members": None,
            }
        )
    for record in records:
        counts = dict(sorted(per_negotiation.get(record["name"], {}).items()))
        record["proposals"] = sum(counts.values())
        record["negotiations"] = counts
    return sorted(records, key=lambda record: (-record["proposals"], record["name"].casefold()))


# --- dispositions --------------------------------------------------------------------------------


def save_dispositions(session: Session, next_document_id: int | None, verdicts: dict[int, Disposition]) -> None:
    """Store computed dispositions (proposal id → verdict), replacing earlier ones; overrides stay as they are."""
    if not verdicts:
        return
    session.execute(DispositionRow.__table__.delete().where(DispositionRow.proposal_id.in_(list(verdicts))))
    _insert_many(
        session,
        DispositionRow,
        [
            {
                "proposal_id": pid,
                "next_document_id": next_document_id,
                "status": verdict.status,
                "explanation": verdict.explanation,
                "evidence": asdict(verdict.evidence),
            }
            for pid, verdict in verdicts.items()
        ],
    )
    session.flush()


def load_dispositions(session: Session, proposal_ids: list[int]) -> dict[int, Disposition]:
    """The stored computed dispositions of these proposals."""
    rows = session.scalars(select(DispositionRow).where(DispositionRow.proposal_id.in_(proposal_ids))).all()
    return {row.proposal_id: Disposition(row.status, row.explanation, Evidence(**row.evidence)) for row in rows}


def load_overrides(session: Session, proposal_ids: list[int]) -> dict[int, tuple[str, str]]:
    """Facilitators' decisions on these proposals: id → (status, note)."""
    rows = session.scalars(select(OverrideRow).where(OverrideRow.proposal_id.in_(proposal_ids))).all()
    return {row.proposal_id: (row.status, row.note) for row in rows}


def set_override(session: Session, proposal_id: int, status: str, note: str) -> None:
    """Record a facilitator's decision; the computed disposition is kept beside it."""
    if status not in STATUSES:
        raise InputError(None, f"unknown disposition {status!r} (one of: {', '.join(STATUSES)})")
    if session.get(ProposalRow, proposal_id) is None:
        raise InputError(None, f"no proposal {proposal_id} (see amendtrack proposals NEGOTIATION)")
    row = session.get(OverrideRow, proposal_id)
    if row is None:
        session.add(OverrideRow(proposal_id=proposal_id, status=status, note=note))
    else:
        row.status, row.note = status, note
    session.flush()


def clear_override(session: Session, proposal_id: int) -> bool:
    """Remove a facilitator's decision (the computed disposition shows again); False if there was none."""
    if session.get(ProposalRow, proposal_id) is None:
        raise InputError(None, f"no proposal {proposal_id} (see amendtrack proposals NEGOTIATION)")
    row = session.get(OverrideRow, proposal_id)
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def next_draft(session: Session, document: DocumentRow) -> DocumentRow | None:
    """The draft after this one in the negotiation, or None."""
    return session.scalar(
        select(DocumentRow)
        .where(
            DocumentRow.negotiation_id == document.negotiation_id,
            DocumentRow.kind == "draft",
            DocumentRow.seq > document.seq,
        )
        .order_by(DocumentRow.seq)
        .limit(1)
    )


def drafts_of(session: Session, negotiation_key: str) -> list[DocumentRow]:
    """The negotiation's drafts in order."""
    negotiation = _negotiation(session, negotiation_key)
    return list(
        session.scalars(
            select(DocumentRow)
            .where(DocumentRow.negotiation_id == negotiation.id, DocumentRow.kind == "draft")
            .order_by(DocumentRow.seq)
        )
    )


def alignment_row(session: Session, from_document_id: int, to_document_id: int) -> AlignmentRow | None:
    """The stored alignment between two drafts, if they were aligned."""
    return session.scalar(
        select(AlignmentRow).where(
            AlignmentRow.from_document_id == from_document_id, AlignmentRow.to_document_id == to_document_id
        )
    )


def load_alignment(
    session: Session, from_document_id: int, to_document_id: int, old: Draft, new: Draft
) -> Alignment | None:
    """The stored lineage between two drafts as an Alignment over their trees; None when not aligned yet.

    Reports and dispositions read what alignment stored, not a fresh alignment, so they show the lineage
    `amendtrack align` printed (and a 2,000-paragraph pair is not aligned again for every report).
    """
    alignment = alignment_row(session, from_document_id, to_document_id)
    if alignment is None:
        return None
    old_nodes = {node.eid: node for node, _parent in old.walk()}
    new_nodes = {node.eid: node for node, _parent in new.walk()}
    query = (
        select(LineageLinkRow.__table__)
        .where(LineageLinkRow.alignment_id == alignment.id)
        .order_by(LineageLinkRow.position)
    )
    links = []
    try:
        for row in session.execute(query):
            links.append(
                Link(
                    row.relation,
                    [old_nodes[eid] for eid in row.from_eids],
                    [new_nodes[eid] for eid in row.to_eids],
                    row.score,
                    row.source,
                    row.note,
                    [new_nodes[eid] for eid in row.placeholder_eids],
                    row.conflict,
                )
            )
    except KeyError:  # the trees are not the ones aligned (cannot happen through amendtrack): align afresh
        return None
    return Alignment(links, list(alignment.conflicts or []))


def lineage_rows(session: Session, from_document_id: int, to_document_id: int) -> list[LineageLinkRow]:
    """The stored links between two drafts, in reading order (empty when not aligned)."""
    alignment = alignment_row(session, from_document_id, to_document_id)
    if alignment is None:
        return []
    return list(
        session.scalars(
            select(LineageLinkRow).where(LineageLinkRow.alignment_id == alignment.id).order_by(LineageLinkRow.position)
        )
    )
