"""The store: negotiations, their documents and paragraph trees in any SQLAlchemy database.

SQLite (a file, the default) and PostgreSQL are tested. Functions here take an Engine or a
Session and never commit on their own: the caller decides where a transaction starts and
ends, so a whole import can be one transaction (see importer.py).
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Connection,
    Engine,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    func,
    inspect,
    select,
)
from sqlalchemy.engine import make_url
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from amendtrack.align import Alignment, Link
from amendtrack.errors import InputError
from amendtrack.tree import Bracket, Draft, Marker, Paragraph

DEFAULT_URL = "sqlite:///amendtrack.db"
ENV_VAR = "AMENDTRACK_DB"
DOCUMENT_KINDS = ("draft", "inputs")


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

    @property
    def message(self) -> str:
        """The one line the CLI prints for this document."""
        if self.status == "imported":
            return (
                f"imported: {self.negotiation}/{self.key} ({self.label}), order {self.order}, "
                f"{self.paragraphs} paragraph{'' if self.paragraphs == 1 else 's'}, from {self.source_file}"
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
    engine = create_engine(parsed)
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
        connection.exec_driver_sql("BEGIN")


def sqlite_file(engine: Engine) -> Path | None:
    """The database file of a file-based SQLite engine, else None."""
    if engine.dialect.name != "sqlite":
        return None
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


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
    missing = sorted(set(Base.metadata.tables) - names)
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

    negotiation = session.scalar(select(NegotiationRow).where(NegotiationRow.key == negotiation_key))
    if negotiation is None:
        negotiation = NegotiationRow(key=negotiation_key, title=negotiation_title or negotiation_key)
        session.add(negotiation)
        session.flush()

    def result(status: Literal["imported", "already_imported"], **extra: Any) -> ImportResult:
        return ImportResult(negotiation_key, doc_key, label, source_file, sha256, status, **extra)

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
                ParagraphRow(
                    document_id=document_id,
                    parent_id=row_ids[id(parent)] if parent is not None else None,
                    position=position[id(node)],
                    label=node.label,
                    num=node.num,
                    kind=node.kind,
                    eid=node.eid,
                    pid=node.pid,
                    text=node.text,
                    markers=[marker.to_dict() for marker in node.markers],
                    brackets=[bracket.to_dict() for bracket in node.brackets],
                    label_inferred=node.label_inferred,
                    line_start=node.line_start,
                    line_end=node.line_end,
                )
            )
        session.add_all(rows)
        session.flush()
        for (node, _parent), row in zip(level, rows, strict=True):
            row_ids[id(node)] = row.id
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
    rows = session.scalars(
        select(ParagraphRow).where(ParagraphRow.document_id == document.id).order_by(ParagraphRow.position)
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


def save_alignment(session: Session, negotiation_key: str, from_ref: str, to_ref: str, alignment: Alignment) -> None:
    """Store the lineage between two drafts (replacing what was stored for that pair) and renew persistent ids."""
    old = find_document(session, negotiation_key, from_ref)
    new = find_document(session, negotiation_key, to_ref)
    if old.kind != "draft" or new.kind != "draft":
        raise InputError(None, f"only drafts can be aligned ({old.key} is {old.kind}, {new.key} is {new.kind})")
    previous = session.scalar(
        select(AlignmentRow).where(AlignmentRow.from_document_id == old.id, AlignmentRow.to_document_id == new.id)
    )
    if previous is not None:
        session.execute(LineageLinkRow.__table__.delete().where(LineageLinkRow.alignment_id == previous.id))
        session.delete(previous)
        session.flush()
    row = AlignmentRow(from_document_id=old.id, to_document_id=new.id, conflicts=list(alignment.conflicts))
    session.add(row)
    session.flush()
    session.add_all(
        LineageLinkRow(
            alignment_id=row.id,
            position=k,
            relation=link.relation,
            score=float(link.score),
            source=link.source,
            note=link.note,
            conflict=link.conflict,
            from_eids=[p.eid for p in link.sources],
            to_eids=[p.eid for p in link.targets],
            placeholder_eids=[p.eid for p in link.placeholders],
        )
        for k, link in enumerate(alignment.links, start=1)
    )
    session.flush()
    renew_persistent_ids(session, negotiation_key)


def carried_ids(links: list[Link]) -> dict[str, str]:
    """New eId → the old node whose identity it carries, by eId (a pure rule, shared with the store).

    One-to-one links carry the identity across; a merge keeps the identity of the source with the
    target's eId, i.e. its label (else the first source); a split gives it to the target with the
    source's eId (else the first target); a placeholder ("[Merged with paragraph 42]") keeps the
    identity of the paragraph of the same eId it stands for.
    """
    carried: dict[str, str] = {}
    for link in links:
        if not link.sources:
            continue
        if link.targets:
            if link.relation == "merged":
                keeper = next((p for p in link.sources if p.eid == link.targets[0].eid), link.sources[0])
                carried[link.targets[0].eid] = keeper.eid
            elif link.relation == "split":
                heir = next((p for p in link.targets if p.eid == link.sources[0].eid), link.targets[0])
                carried[heir.eid] = link.sources[0].eid
            else:
                carried[link.targets[0].eid] = link.sources[0].eid
        for placeholder in link.placeholders:
            same = next((p for p in link.sources if p.eid == placeholder.eid), None)
            if same is not None:
                carried[placeholder.eid] = same.eid
    return carried


def renew_persistent_ids(session: Session, negotiation_key: str) -> None:
    """Recompute every paragraph's persistent id from the stored lineage between consecutive drafts.

    The first draft's paragraphs (and every paragraph no link carries) get `<document key>:<eId>`;
    a paragraph a link carries takes the id of the paragraph it came from. Deterministic, so
    re-aligning gives the same ids.
    """
    negotiation = _negotiation(session, negotiation_key)
    drafts = session.scalars(
        select(DocumentRow)
        .where(DocumentRow.negotiation_id == negotiation.id, DocumentRow.kind == "draft")
        .order_by(DocumentRow.seq)
    ).all()
    previous_ids: dict[str, str] = {}
    previous: DocumentRow | None = None
    for document in drafts:
        rows = session.scalars(select(ParagraphRow).where(ParagraphRow.document_id == document.id)).all()
        carried: dict[str, str] = {}
        if previous is not None:
            alignment = session.scalar(
                select(AlignmentRow).where(
                    AlignmentRow.from_document_id == previous.id, AlignmentRow.to_document_id == document.id
                )
            )
            if alignment is not None:
                links = session.scalars(select(LineageLinkRow).where(LineageLinkRow.alignment_id == alignment.id))
                carried = carried_ids([_link_stub(link) for link in links])
        ids: dict[str, str] = {}
        for row in rows:
            source_eid = carried.get(row.eid)
            pid = previous_ids.get(source_eid) if source_eid else None
            pid = pid or f"{document.key}:{row.eid}"
            if row.pid != pid:
                row.pid = pid
            ids[row.eid] = pid
        previous_ids, previous = ids, document
    session.flush()


def _link_stub(row: LineageLinkRow) -> Link:
    """A stored link as a Link over stand-in nodes that know only their eId (all carried_ids needs)."""

    def stub(eid: str) -> Paragraph:
        return Paragraph(label=eid, kind="", text="", eid=eid)

    return Link(
        row.relation,
        [stub(e) for e in row.from_eids],
        [stub(e) for e in row.to_eids],
        row.score,
        row.source,
        row.note,
        [stub(e) for e in row.placeholder_eids],
    )
