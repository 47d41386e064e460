"""The store: SQLAlchemy tables, the two ways to open a session, queries by concept, imports, backups, migrations."""
