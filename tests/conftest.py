"""Shared fixtures: one spaCy pipeline per test session, the gold folder, the worked example."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", REPO.parent / "shared"))
GOLD = SHARED / "gold"
EXAMPLES = SHARED / "examples"


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
