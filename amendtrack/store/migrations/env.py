"""Alembic environment of amendtrack: the revisions run on the connection amendtrack passes
(`config.attributes["connection"]`), inside the caller's transaction; store.engine is the one
place that opens a database.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from amendtrack.store.tables import Base


def run(connection: Connection) -> None:
    """Run the revisions on a connection; SQLite alters tables in batch mode (copy and move)."""
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():  # joins the caller's transaction when there is one
        context.run_migrations()


given = context.config.attributes.get("connection")
if given is None:
    raise RuntimeError("amendtrack's migrations run on a connection: migrations.config(connection)")
run(given)
