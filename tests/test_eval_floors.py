"""Floors: reading the data file, checking a report, measuring new floors."""
from __future__ import annotations

import json

import pytest

from eventwire.errors import ConfigError
from eventwire.eval import FileReport, Metric
from eventwire.eval.floors import check_floors, floors_from_reports, load_floors, main


def _report(**metrics):
    return FileReport("x/gtd.jsonl", "gtd", rows=10, metrics={k: Metric(10, v) for k, v in metrics.items()})


def test_check_floors():
    report = _report(attack_type=0.8, gname=None)
    assert check_floors(report, {"attack_type": 0.8}) == []
    assert check_floors(report, {"gname": 0.0}) == []  # not scored yet: only a 0.0 floor passes
    failures = check_floors(report, {"attack_type": 0.81, "gname": 0.1})
    assert len(failures) == 2 and "attack_type = 0.8000 < floor 0.81" in failures[0]


def test_floors_from_reports_round_down_and_skip_rates():
    floors = floors_from_reports({"gtd.jsonl": _report(attack_type=0.8567, gname=0.01, no_event=0.2)}, 0.02)
    assert floors == {"gtd.jsonl": {"attack_type": 0.83, "gname": 0.0}}


def test_load_floors(tmp_path):
    path = tmp_path / "floors.json"
    path.write_text(json.dumps({"_provenance": "p", "limit": 5, "limits": {"geo/a.jsonl": 2},
                                "files": {"a.jsonl": {"date": 0.5}, "geo/a.jsonl": {}}}))
    floors = load_floors(path)
    assert floors.files["a.jsonl"] == {"date": 0.5}
    assert floors.limit_for("a.jsonl") == 5 and floors.limit_for("geo/a.jsonl") == 2
    path.write_text("{}")
    with pytest.raises(ConfigError):
        load_floors(path)


def test_floors_command_measures_the_named_files(tmp_path, capsys, pipeline):
    gold = tmp_path / "gold"
    gold.mkdir()
    row = {"id": "r1", "source": "gtd", "published": "2021-03-02",
           "text": "Gunmen shot dead a village elder near Herat, officials said.",
           "gold": {"attacktype1": "Armed Assault", "gname": "Unknown", "nkill": 1, "event_date": "2021-03-02"}}
    (gold / "g.jsonl").write_text(json.dumps(row) + "\n")
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"_provenance": "p", "limit": 1, "files": {"g.jsonl": {"date": 0.0}}}))
    assert main(["--gold-dir", str(gold), "--floors", str(floors), "--write"]) == 0
    written = json.loads(floors.read_text())
    assert written["limit"] == 1 and written["_provenance"] == "p"
    assert {"attack_type", "gname", "nkill_exact", "date"} <= set(written["files"]["g.jsonl"])
    assert json.loads(capsys.readouterr().out) == written


def test_floors_pin_one_half_of_every_gold_file(tmp_path, capsys, pipeline):
    from eventwire.eval.floors import gold_files

    gold = tmp_path / "gold"
    (gold / "news").mkdir(parents=True)
    rows = [{"id": f"g{i}", "source": "gtd", "published": "2021-03-02",
             "text": "Gunmen shot dead a village elder near Herat, officials said.",
             "gold": {"attacktype1": "Armed Assault", "gname": "Unknown", "nkill": 1}} for i in range(6)]
    (gold / "g.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    article = {"id": "gvc-1", "source": "gvc", "incident_key": "1", "title": "Man shot dead",
               "published": "2016-05-09", "text": "A man was shot dead on Sunday night in Dayton, police said.",
               "gold": {"event_date": "2016-05-08", "country": "United States", "admin1": "Ohio",
                        "location": "Dayton", "killed": 1, "injured": 0}}
    (gold / "news" / "gvc.jsonl").write_text(json.dumps(article) + "\n")
    assert gold_files(gold) == ["g.jsonl", "news/gvc.jsonl"]
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"_provenance": "p", "half": "check", "limit": None, "files": {}}))
    assert main(["--gold-dir", str(gold), "--floors", str(floors), "--every-file", "--write"]) == 0
    written = load_floors(floors)
    assert written.half == "check" and set(written.files) == {"g.jsonl", "news/gvc.jsonl"}
    assert "attack_type" in written.files["g.jsonl"]
    capsys.readouterr()
    floors.write_text(json.dumps({"_provenance": "p", "half": "train", "files": {}}))
    with pytest.raises(ConfigError):
        load_floors(floors)
