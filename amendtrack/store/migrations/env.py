"""Alembic environment of amendtrack.

amendtrack runs it with its own connection (`config.attributes["connection"]`, inside the
caller's transaction); the alembic command line runs it with `sqlalchemy.url`.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from amendtrack.resources import resolve_url
from amendtrack.store.tables import Base

config = context.config


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


if context.is_offline_mode():
    context.configure(
        url=resolve_url(config.get_main_option("sqlalchemy.url")), target_metadata=Base.metadata, literal_binds=True
    )
    with context.begin_transaction():
        context.run_migrations()
elif (given := config.attributes.get("connection")) is not None:
    run(given)
else:  # the alembic command line (a developer writing a revision): amendtrack itself always passes a connection
    engine = create_engine(resolve_url(config.get_main_option("sqlalchemy.url")))
    try:
        with engine.connect() as connection:
            run(connection)
            connection.commit()
    finally:
        engine.dispose()
