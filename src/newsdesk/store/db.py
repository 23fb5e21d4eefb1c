"""Opening the embedded DuckDB store and keeping its schema current."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from .schema import LATEST_VERSION, MIGRATIONS

DEFAULT_DB = "newsdesk.duckdb"
DB_ENV = "NEWSDESK_DB"


class StoreError(RuntimeError):
    pass


def default_db_path() -> Path:
    return Path(os.environ.get(DB_ENV) or DEFAULT_DB)


def now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def connect(path: str | Path | None = None, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the store; a writable open creates it and applies pending migrations."""
    path = Path(path) if path else default_db_path()
    if read_only and not path.exists():
        raise StoreError(f"no store at {path}: run `newsdesk ingest PATH` first, or pass --db")
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        message = str(exc)
        if "lock" in message.lower():
            raise StoreError(f"{path} is in use by another newsdesk process; wait for it or use another --db") from None
        raise StoreError(f"cannot open store {path}: {message.splitlines()[0]}") from None
    if read_only:
        version = schema_version(con)
        if version < LATEST_VERSION:
            con.close()
            raise StoreError(f"{path} has schema version {version}, this newsdesk needs {LATEST_VERSION}: run a write command (e.g. `newsdesk migrate`) first")
    else:
        migrate(con)
    return con


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()[0]
    if not exists:
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description VARCHAR, applied_at TIMESTAMP)"
    )
    current = schema_version(con)
    applied = []
    for migration in MIGRATIONS:
        if migration.version <= current:
            continue
        with transaction(con):
            con.execute(migration.sql)
            con.execute(
                "INSERT INTO schema_version VALUES (?, ?, ?)", [migration.version, migration.description, now()]
            )
        applied.append(migration.version)
    return applied


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    else:
        con.execute("COMMIT")
