"""The index of agreed language: documents registered as adopted, their fingerprints, and looking phrases up.

A document registered as adopted has every paragraph's fingerprints (compare.provenance: about half
its shingles of four content stems) written in the `shingle` table, in the same transaction as the
document, and indexed by hash: the adopted paragraphs that may share a phrase with a draft are
found by looking the draft's keys up, on SQLite and PostgreSQL alike, never by reading every
adopted text in Python. A key found in more than COMMON adopted paragraphs is the corpus's formula
('the General Assembly', 'Member States should consider'), not a source, and is not looked further.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ARRAY, BigInteger, Integer, any_, bindparam, func, inspect, select, text
from sqlalchemy.orm import Session

from amendtrack.compare.provenance import fingerprints, stems_of
from amendtrack.model.tree import Draft
from amendtrack.store.bulk import insert_rows
from amendtrack.store.tables import AdoptedRow, DocumentRow, NegotiationRow, ParagraphRow, ShingleRow

COMMON = 200  # a shingle in more adopted paragraphs than this is the corpus's formula, not a source
BATCH = 5_000  # hashes looked up per query (SQL IN lists stay small enough for every backend)
COLUMNS = ("paragraph_id", "position", "hash")
CACHE_KIB = 262_144  # SQLite page cache while indexing adopted text (its default, 2 MiB, makes a large index crawl)


@dataclass(frozen=True)
class AdoptedParagraph:
    """An adopted paragraph a phrase was found in: its text and where it is."""

    id: int
    text: str
    label: str
    eid: str
    negotiation: str
    document: str
    document_label: str


def register_adopted(session: Session, document_id: int, draft: Draft | None = None) -> int:
    """Register a stored document as adopted text and index its paragraphs; the fingerprints written.

    `draft`: its tree as just stored (the texts are then not read back, only the paragraphs' ids)."""
    session.add(AdoptedRow(document_id=document_id))
    session.flush()
    if session.get_bind().dialect.name == "sqlite":  # the hash index is written at random places: keep more in memory
        session.connection().exec_driver_sql(f"PRAGMA cache_size = -{CACHE_KIB}")
    if draft is None:
        query = select(ParagraphRow.id, ParagraphRow.text).where(ParagraphRow.document_id == document_id)
        rows = [tuple(row) for row in session.execute(query)]
    else:  # stored in walk order: position k is the k-th node
        query = select(ParagraphRow.position, ParagraphRow.id).where(ParagraphRow.document_id == document_id)
        ids = {position: row_id for position, row_id in session.execute(query)}
        rows = [(ids[k], node.text) for k, (node, _) in enumerate(draft.walk(), start=1)]
    written = 0
    batch: list[tuple[int, int, int]] = []
    for paragraph_id, words in rows:
        batch.extend((paragraph_id, at, value) for value, at in fingerprints(stems_of(words)))
        if len(batch) >= 10 * BATCH:
            insert_rows(session, ShingleRow, COLUMNS, sorted(batch, key=_by_hash))
            written, batch = written + len(batch), []
    insert_rows(session, ShingleRow, COLUMNS, sorted(batch, key=_by_hash))
    return written + len(batch)


def _by_hash(row: tuple[int, int, int]) -> int:
    """Rows in hash order go into the hash index page after page rather than at random places."""
    return row[2]


def forget_adopted(session: Session, negotiation_id: int) -> None:
    """Remove the fingerprints of a negotiation's paragraphs (before the negotiation itself is deleted)."""
    if not has_index(session):
        return
    paragraphs = (
        select(ParagraphRow.id)
        .join(DocumentRow, DocumentRow.id == ParagraphRow.document_id)
        .where(DocumentRow.negotiation_id == negotiation_id)
    )
    session.execute(ShingleRow.__table__.delete().where(ShingleRow.paragraph_id.in_(paragraphs)))


def has_index(session: Session) -> bool:
    """Whether the database has the tables of agreed language (those made before them do not)."""
    return "shingle" in inspect(session.connection()).get_table_names()


def adopted_ids(session: Session) -> set[int]:
    """The ids of the documents registered as adopted."""
    return set(session.scalars(select(AdoptedRow.document_id))) if has_index(session) else set()


def lookup(session: Session, hashes: set[int], documents: list[int] | None) -> Iterator[tuple[int, int, int]]:
    """(hash, adopted paragraph id, position) for every shingle of `hashes` in the adopted `documents` (None:
    in every adopted document). A hash found in more than COMMON paragraphs is left out: the corpus's
    formula, not a source."""
    ordered = sorted(hashes)
    postgresql = session.get_bind().dialect.name == "postgresql"
    for k in range(0, len(ordered), BATCH):
        chunk = ordered[k : k + BATCH]
        rows = _capped(session, chunk) if postgresql else _counted(session, chunk)
        if documents is not None:
            allowed = set(
                session.scalars(
                    select(ParagraphRow.id).where(
                        _among(session, ParagraphRow.id, sorted({row[1] for row in rows})),
                        _among(session, ParagraphRow.document_id, documents),
                    )
                )
            )
            rows = [row for row in rows if row[1] in allowed]
        yield from rows


def _counted(session: Session, chunk: list[int]) -> list[tuple[int, int, int]]:
    """The rows of the hashes found in at most COMMON paragraphs: counted first, then read (SQLite)."""
    common = set(
        session.scalars(
            select(ShingleRow.hash)
            .where(ShingleRow.hash.in_(chunk))
            .group_by(ShingleRow.hash)
            .having(func.count() > COMMON)
        )
    )
    wanted = [value for value in chunk if value not in common]
    query = select(ShingleRow.hash, ShingleRow.paragraph_id, ShingleRow.position).where(ShingleRow.hash.in_(wanted))
    return [tuple(row) for row in session.execute(query)]


def _capped(session: Session, chunk: list[int]) -> list[tuple[int, int, int]]:
    """The same in one query (PostgreSQL): at most COMMON + 1 rows per hash, by an index probe each, and
    the hashes that reach COMMON + 1 dropped here."""
    rows = session.execute(
        text(
            "SELECT k.hash, s.paragraph_id, s.position FROM unnest(:keys) AS k(hash) CROSS JOIN LATERAL "
            "(SELECT paragraph_id, position FROM shingle WHERE shingle.hash = k.hash LIMIT :cap) AS s"
        ).bindparams(bindparam("keys", chunk, type_=ARRAY(BigInteger)), cap=COMMON + 1)
    ).all()
    per_hash = Counter(row[0] for row in rows)
    return [tuple(row) for row in rows if per_hash[row[0]] <= COMMON]


def adopted_paragraphs(session: Session, ids: set[int]) -> dict[int, AdoptedParagraph]:
    """The adopted paragraphs with these ids, with their document and negotiation."""
    query = (
        select(
            ParagraphRow.id,
            ParagraphRow.text,
            ParagraphRow.label,
            ParagraphRow.eid,
            NegotiationRow.key,
            DocumentRow.key,
            DocumentRow.label,
        )
        .join(DocumentRow, DocumentRow.id == ParagraphRow.document_id)
        .join(NegotiationRow, NegotiationRow.id == DocumentRow.negotiation_id)
        .where(_among(session, ParagraphRow.id, sorted(ids)))
    )
    return {row[0]: AdoptedParagraph(*row) for row in session.execute(query)}


def _among(session: Session, column: Any, values: list[int]) -> Any:
    """`column IN values`; on PostgreSQL `column = ANY(array)`, one parameter instead of thousands."""
    if session.get_bind().dialect.name == "postgresql":
        kind = BigInteger if isinstance(column.type, BigInteger) else Integer
        return column == any_(bindparam(None, values, type_=ARRAY(kind)))
    return column.in_(values)


def adopted_sources(
    session: Session, negotiations: list[str] | None, before: tuple[int, int] | None
) -> tuple[int, list[int] | None]:
    """The adopted documents to look in: how many, and their ids (None when they are all of them).

    Of `negotiations` (None: all), leaving out the draft's own negotiation's documents from the draft
    on (`before`: its negotiation id and order)."""
    query = (
        select(DocumentRow.id, DocumentRow.negotiation_id, DocumentRow.seq, NegotiationRow.key)
        .join(AdoptedRow, AdoptedRow.document_id == DocumentRow.id)
        .join(NegotiationRow, NegotiationRow.id == DocumentRow.negotiation_id)
    )
    every = session.execute(query).all()
    kept = [
        document
        for document, negotiation, seq, key in every
        if (negotiations is None or key in negotiations)
        and (before is None or negotiation != before[0] or seq < before[1])
    ]
    return len(kept), None if len(kept) == len(every) else kept
