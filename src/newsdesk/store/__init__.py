"""Store: the embedded DuckDB database (schema, migrations, writes, reads)."""

from .db import DB_ENV, DEFAULT_DB, StoreError, connect, default_db_path, migrate, schema_version, transaction

__all__ = ["DB_ENV", "DEFAULT_DB", "StoreError", "connect", "default_db_path", "migrate", "schema_version", "transaction"]
