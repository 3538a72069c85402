"""Opening a database: the engine, per-dialect settings, and migrations.

``open_engine(url)`` gives an engine whose schema is at the newest revision.
SQLite is the default (``sqlite:///eventwire.db`` in the working folder);
PostgreSQL goes through psycopg 3 (``postgresql+psycopg://user:pw@host/db``).
"""
from __future__ import annotations

import logging
import os
import random
import sqlite3
import time
from pathlib import Path

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from ..errors import MissingExtraError, StoreError, redact

log = logging.getLogger("eventwire")

DEFAULT_URL = "sqlite:///eventwire.db"
MIGRATIONS = Path(__file__).with_name("migrations")


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    # WAL lets exports read while an ingest writes; synchronous=NORMAL is durable
    # across process kills (not power loss), which is what a batch needs.
    # isolation_level=None hands BEGIN to SQLAlchemy (_sqlite_begin), so DDL is
    # transactional too and two processes migrating at once do not collide.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=30000")
    _sqlite_wal(cur)
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _sqlite_wal(cur, attempts: int = 200) -> None:
    """Switch the file to WAL, waiting out other processes doing the same.

    The mode is stored in the file, so a file already in WAL needs nothing (a
    plain read). Switching takes the exclusive lock; two connections that both
    read the header and then ask for it would deadlock, so SQLite answers one of
    them "database is locked" at once, without the busy timeout. That one waits
    a moment and asks again.
    """
    for attempt in range(attempts):
        try:
            if cur.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal":
                return
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            if attempt == attempts - 1:
                raise
            time.sleep(min(0.01 * (attempt + 1), 0.25) * (0.5 + random.random()))


def _sqlite_read_only_pragmas(dbapi_conn, _record) -> None:
    dbapi_conn.isolation_level = None
    dbapi_conn.execute("PRAGMA query_only=ON")


def _sqlite_begin(conn) -> None:
    immediate = conn.get_execution_options().get("sqlite_immediate")
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def normalise_url(url: str | None) -> str:
    """A SQLAlchemy URL; a bare path is a SQLite file, ``postgresql://`` uses psycopg 3."""
    if not url:
        return DEFAULT_URL
    if "://" not in url:
        return f"sqlite:///{url}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def is_persistent(url: str | None) -> bool:
    """False for URLs whose data is gone when the process ends (in-memory SQLite)."""
    try:
        parsed = make_url(normalise_url(url))
    except ArgumentError:
        return True  # create() reports the malformed URL
    if not parsed.drivername.startswith("sqlite"):
        return True
    database = parsed.database or ""
    return not (database in ("", ":memory:") or database.startswith("file::memory:")
                or parsed.query.get("mode") == "memory")


def sqlite_path(url: str | None) -> Path | None:
    """The file of a SQLite URL, or None (another database, or in memory)."""
    parsed = make_url(normalise_url(url))
    if not parsed.drivername.startswith("sqlite") or not is_persistent(url):
        return None
    database = parsed.database or ""
    return Path(database[len("file:"):].split("?", 1)[0] if database.startswith("file:") else database)


def create(url: str | None = None, *, read_only: bool = False) -> Engine:
    url = normalise_url(url)
    try:
        engine = create_engine(url, future=True, pool_pre_ping=True)
    except ModuleNotFoundError as exc:
        raise MissingExtraError("psycopg", "postgres", "PostgreSQL storage") from exc
    except (SQLAlchemyError, ValueError) as exc:
        raise StoreError(f"cannot open database {redact(url)}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_read_only_pragmas if read_only else _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def create_read_only(url: str | None) -> Engine:
    """An engine for reading a database this process may not write (a read-only file or folder).

    A SQLite file opened plainly would try to create its WAL index beside it;
    ``immutable=1`` reads it as it is (nothing else may write it meanwhile,
    which is what read-only permissions say).
    """
    path = sqlite_path(url)
    if path is None:
        return create(url, read_only=True)
    uri = f"sqlite:///file:{path.resolve().as_posix()}?mode=ro&immutable=1&uri=true"
    return create(uri, read_only=True)


def alembic_config(engine: Engine):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return cfg


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (creates every table on an empty database)."""
    from alembic import command

    cfg = alembic_config(engine)
    try:
        with engine.connect() as conn:
            _sqlite_foreign_keys(conn, False)
            try:
                conn = conn.execution_options(sqlite_immediate=True)
                with conn.begin():
                    advisory_xact_lock(conn, MIGRATION_LOCK)
                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, revision)
            finally:
                _sqlite_foreign_keys(conn, True)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot migrate {engine.url!r}: {_first_line(exc)}") from exc


def _sqlite_foreign_keys(conn, on: bool) -> None:
    """SQLite rebuilds a table to alter it (copy, drop, rename); with foreign keys on, dropping
    the old ``documents`` table would cascade-delete every event. The pragma only takes effect
    outside a transaction, so it goes straight to the driver's connection."""
    if conn.dialect.name == "sqlite":
        conn.connection.dbapi_connection.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")


# PostgreSQL advisory lock keys: one migrating process at a time; writers take turns.
MIGRATION_LOCK = 74657701
WRITE_LOCK = 0x65770001


def advisory_xact_lock(conn, key: int) -> None:
    """Hold lock ``key`` until the transaction ends (PostgreSQL; SQLite's BEGIN IMMEDIATE
    already holds its one write lock)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({int(key)})")


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(cfg).get_current_head()


def open_engine(url: str | None = None, *, upgrade: bool = True, read_only: bool = False) -> Engine:
    """An engine at the newest schema; ``read_only`` opens without writing anything
    (the schema must then already be current)."""
    engine = create_read_only(url) if read_only else create(url)
    try:
        if read_only:
            _check_current(engine)
        elif upgrade:
            migrate(engine)
        else:
            inspect(engine).get_table_names()
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot open database {engine.url!r}: {_first_line(exc)}") from exc
    return engine


def _check_current(engine: Engine) -> None:
    found, head = current_revision(engine), head_revision()
    if found != head:
        raise StoreError(f"database {engine.url!r} has schema {found or 'none'}, this eventwire reads "
                         f"{head}: open it once with write access (eventwire ingest) to upgrade it")


def writable(url: str | None) -> bool:
    """False for a SQLite file (or its folder) this process may not write."""
    path = sqlite_path(url)
    if path is None or not path.exists():
        return True
    folder = path.resolve().parent
    return os.access(path, os.W_OK) and os.access(folder, os.W_OK)


def _first_line(exc: Exception) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.splitlines()[0] if text else type(exc).__name__
