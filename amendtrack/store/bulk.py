"""Many rows of one table in one go: COPY on PostgreSQL (psycopg), one multi-row INSERT elsewhere.

Always inside the caller's transaction; an import writes each table's rows this way.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import JSON, BigInteger, insert, text
from sqlalchemy.orm import Session

from amendtrack.store.tables import Base

_BULK = {"render_nulls": True}


def insert_many(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> None:
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


def insert_rows(session: Session, model: type[Base], columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """Insert many rows given as tuples of `columns` (integers only): binary COPY on PostgreSQL,
    the driver's own executemany elsewhere. For the largest tables (an index of millions of rows),
    where building a dict per row and the ORM's bookkeeping would cost more than the writing."""
    if not rows:
        return
    if _copies(session):
        from psycopg import sql

        session.flush()
        statement = sql.SQL("COPY {} ({}) FROM STDIN (FORMAT BINARY)").format(
            sql.Identifier(model.__tablename__), sql.SQL(", ").join(map(sql.Identifier, columns))
        )
        table = model.__table__
        types = ["int8" if isinstance(table.c[name].type, BigInteger) else "int4" for name in columns]
        cursor = session.connection().connection.driver_connection.cursor()
        with cursor, cursor.copy(statement) as copy:
            copy.set_types(types)
            for row in rows:
                copy.write_row(row)
        return
    session.flush()
    marks = ", ".join("?" for _ in columns)
    statement = f"INSERT INTO {model.__tablename__} ({', '.join(columns)}) VALUES ({marks})"
    session.connection().exec_driver_sql(statement, rows)


def insert_many_with_ids(session: Session, model: type[Base], rows: list[dict[str, Any]], key: str) -> dict[Any, int]:
    """As insert_many, and the new ids by each row's `key` (a column whose values are unique among the rows)."""
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
