"""Geo accuracy gate: geoparsing (GWN, LGL) and event locations (ACLED, GTD) above pinned floors.

Floors are the scores measured on the first rows of the check half of each dev
gold file (rows are ordered by a hash of their id, so the sample is fixed and
unbiased), less a small margin for harmless churn. Regenerate the numbers with
``evaluate_geo(path, limit=N, half="check")`` / ``evaluate_event_locations(...)``
(see benchmarks/bench_geo.py for speed). GVC rows are US news reports: state
(admin1) and distance to the incident. The gold is evaluation data only and is
read from ../shared/gold; the tests skip when it is absent.
"""
from __future__ import annotations

import pytest

from eventwire.eval.geo import evaluate_event_locations, evaluate_geo

GEO_FLOORS = {
    # file: (rows of the check half, {metric: floor})
    "geo/gwn_dev.jsonl": (60, {"recognition_f1": 0.77, "resolution_within_161km": 0.83,
                               "resolution_country": 0.94}),
    "geo/lgl_dev.jsonl": (100, {"recognition_f1": 0.73, "resolution_within_161km": 0.77,
                                "resolution_country": 0.91}),
}
EVENT_FLOORS = {
    "acled_global202005_dev.jsonl": (150, {"admin1_accuracy": 0.76, "admin1_spelled_accuracy": 0.72,
                                           "within_25km": 0.57, "within_161km": 0.82}),
    "gtd2021q1_dev.jsonl": (150, {"admin1_accuracy": 0.90, "admin1_spelled_accuracy": 0.84,
                                  "within_25km": 0.55, "within_161km": 0.91}),
    "news/gvc_dev.jsonl": (100, {"admin1_accuracy": 0.83, "within_25km": 0.79}),
}


def _check(result: dict, floors: dict[str, float]) -> list[str]:
    return [f"{k}: {result[k]['value']:.3f} < floor {v:.3f}"
            for k, v in floors.items() if result[k]["value"] < v]


CASES = [(name, evaluate_geo) for name in sorted(GEO_FLOORS)] + \
        [(name, evaluate_event_locations) for name in sorted(EVENT_FLOORS)]


@pytest.mark.gold
@pytest.mark.slow
@pytest.mark.parametrize("name,evaluate", CASES, ids=[c[0] for c in CASES])
def test_geo_scores_above_floors(name, evaluate, gold_dir, pipeline):
    rows, floors = {**GEO_FLOORS, **EVENT_FLOORS}[name]
    path = gold_dir / name
    if not path.exists():
        pytest.skip(f"{path} not found")
    result = evaluate(path, pipeline=pipeline, limit=rows, half="check")
    assert result["documents"] == rows
    failures = _check(result, floors)
    assert not failures, "\n".join(failures)


def test_geo_eval_on_a_tiny_written_file(tmp_path, pipeline):
    """The scorer itself, on a file the test writes (runs without the gold)."""
    import json

    text = "Protesters marched in Quetta and later in Karachi."
    rec = {"id": "t-1", "text": text, "toponyms": [
        {"start": 21, "end": 27, "name": "Quetta", "geonameid": 1167528, "latitude": 30.18414,
         "longitude": 67.00141},
        {"start": 40, "end": 47, "name": "Karachi", "geonameid": 1174872, "latitude": 24.8608,
         "longitude": 67.0104}]}
    path = tmp_path / "tiny.jsonl"
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    result = evaluate_geo(path, pipeline=pipeline)
    assert result["recognition_recall"]["value"] == 1.0
    assert result["resolution_within_161km"]["value"] == 1.0
    assert result["resolution_exact_geonameid"]["value"] == 1.0


def test_geo_eval_rejects_a_non_geo_file(tmp_path, pipeline):
    from eventwire.errors import GoldFormatError

    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "x", "text": "t", "gold": {}}\n', encoding="utf-8")
    with pytest.raises(GoldFormatError):
        evaluate_geo(path, pipeline=pipeline)
