"""Shared fixtures: one spaCy pipeline per test session, the gold folder, the worked example."""
from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", REPO.parent / "shared"))
GOLD = SHARED / "gold"
EXAMPLES = SHARED / "examples"
PG_URL = os.environ.get("EVENTWIRE_TEST_PG_URL")


@contextmanager
def fresh_database(kind: str, tmp_path: Path):
    """A fresh, empty database URL: a SQLite file, or a private PostgreSQL schema
    (dropped after) on the server EVENTWIRE_TEST_PG_URL names."""
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path / 'eventwire.db'}"
        return
    if not PG_URL:
        pytest.skip("PostgreSQL tests need EVENTWIRE_TEST_PG_URL (source scripts/start_postgres.sh)")
    import sqlalchemy as sa

    schema = "ew_test_" + uuid.uuid4().hex[:10]
    admin = sa.create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(sa.text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture(scope="session")
def nlp():
    from eventwire.nlp import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def pipeline():
    from eventwire.pipeline import Pipeline

    return Pipeline.default()


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    if not GOLD.is_dir():
        pytest.skip(f"development gold data not found at {GOLD} (set EVENTWIRE_SHARED)")
    return GOLD


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    if not EXAMPLES.is_dir():
        pytest.skip(f"worked examples not found at {EXAMPLES} (set EVENTWIRE_SHARED)")
    return EXAMPLES
