"""Opening a database: the engine, per-dialect settings, and migrations.

``open_engine(url)`` gives an engine whose schema is at the newest revision.
SQLite is the default (``sqlite:///eventwire.db`` in the working folder);
PostgreSQL goes through psycopg 3 (``postgresql+psycopg://user:pw@host/db``).
"""
from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from ..errors import MissingExtraError, StoreError

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
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


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


def create(url: str | None = None) -> Engine:
    url = normalise_url(url)
    try:
        engine = create_engine(url, future=True, pool_pre_ping=True)
    except ModuleNotFoundError as exc:
        raise MissingExtraError("psycopg", "postgres", "PostgreSQL storage") from exc
    except (SQLAlchemyError, ValueError) as exc:
        raise StoreError(f"cannot open database {url!r}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


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
            conn = conn.execution_options(sqlite_immediate=True)
            with conn.begin():
                _lock_for_migration(conn)
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot migrate {engine.url!r}: {exc}") from exc


def _lock_for_migration(conn) -> None:
    """One migrating process at a time (SQLite: BEGIN IMMEDIATE already holds the lock)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SELECT pg_advisory_xact_lock(74657701)")


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def open_engine(url: str | None = None, *, upgrade: bool = True) -> Engine:
    engine = create(url)
    try:
        if upgrade:
            migrate(engine)
        else:
            inspect(engine).get_table_names()
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot open database {engine.url!r}: {exc}") from exc
    return engine
