"""Accuracy gate: dev-gold scores must not fall below the floors pinned in
tests/accuracy_floors.json.

Which rows: the half named there (``"check"``: rows no rule was tuned on) of
each gold file named there, ACLED and GTD notes and the GVC and MUC-4 news
(about 6,900 documents, of which 2,000 news articles); ``limit``/``limits``
there would score the first N rows of that half instead (the files are ordered
by a hash of the row id, so that is a fixed, unbiased sample), should CI time
call for it.
``EVENTWIRE_GATE_LIMIT=N`` overrides it for a quick local check. Current
scores, ready to pin: ``python -m eventwire.eval.floors`` (``--write`` rewrites
the floors file).
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventwire.eval import evaluate_file
from eventwire.eval.floors import check_floors, load_floors

FLOORS = load_floors(Path(__file__).with_name("accuracy_floors.json"))


def _limit(name: str) -> int | None:
    value = os.environ.get("EVENTWIRE_GATE_LIMIT")
    if value is None:
        return FLOORS.limit_for(name)
    return None if value == "all" else int(value)


@pytest.mark.gold
@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS.files))
def test_scores_stay_above_floors(name, gold_dir, pipeline):
    path = gold_dir / name
    if not path.exists():
        pytest.skip(f"{path} not found")
    report = evaluate_file(path, pipeline=pipeline, limit=_limit(name), half=FLOORS.half)
    floors = FLOORS.files[name]
    missing = sorted(set(floors) - set(report.metrics))
    assert not missing, f"{name}: metrics no longer reported: {missing}"
    failures = check_floors(report, floors)
    assert not failures, "\n".join(failures)


def test_floors_file_is_well_formed():
    assert FLOORS.provenance and FLOORS.files
    assert FLOORS.half == "check", "floors are pinned on the check half only"
    for metrics in FLOORS.files.values():
        assert all(0.0 <= v <= 1.0 for v in metrics.values())
