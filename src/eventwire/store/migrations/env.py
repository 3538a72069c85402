"""Alembic environment: run by ``eventwire.store.migrate`` with a live connection."""
from __future__ import annotations

from alembic import context

from eventwire.store._models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # plain `alembic upgrade` from a shell
        from sqlalchemy import create_engine

        engine = create_engine(config.get_main_option("sqlalchemy.url"))
        with engine.begin() as conn:
            _run(conn)
        return
    _run(connection)


def _run(connection) -> None:
    # render_as_batch lets ALTER TABLE migrations work on SQLite too.
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=True, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():  # pragma: no cover - SQL scripts are not shipped
    raise SystemExit("eventwire migrations run online only")
run_migrations_online()
