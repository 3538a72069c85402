"""``eventwire eval`` end to end on tiny gold files written here."""
from __future__ import annotations

import importlib.util
import json

from eventwire.cli.main import main
from eventwire.errors import GoldFormatError

ACLED_ROWS = [
    {"id": "t-acled-1", "source": "acled", "published": "2020-05-02",
     "text": "On 2 May 2020, gunmen shot dead two police officers at a checkpoint in Quetta, Balochistan.",
     "gold": {"event_type": "Battles", "sub_event_type": "Armed clash",
              "actor1": "Unidentified Armed Group (Pakistan)", "actor2": "Police Forces of Pakistan (2018-)",
              "country": "Pakistan", "iso3": "PAK", "admin1": "Balochistan", "latitude": 30.19,
              "longitude": 67.01, "geo_precision": 1, "event_date": "2020-05-02", "fatalities": 2}},
    {"id": "t-acled-2", "source": "acled", "published": "2020-05-03",
     "text": "On 3 May 2020, teachers held a peaceful protest in Lahore demanding unpaid salaries.",
     "gold": {"event_type": "Protests", "sub_event_type": "Peaceful protest",
              "actor1": "Protesters (Pakistan)", "actor2": None, "country": "Pakistan", "iso3": "PAK",
              "admin1": "Punjab", "latitude": 31.55, "longitude": 74.34, "geo_precision": 1,
              "event_date": "2020-05-03", "fatalities": 0}},
]
GTD_ROW = {"id": "t-gtd-1", "source": "gtd", "published": "2021-02-01",
           "text": "A roadside bomb struck a bus near Kabul, killing three passengers. No group claimed it.",
           "gold": {"event_date": "2021-02-01", "country": "Afghanistan", "provstate": "Kabul", "city": "Kabul",
                    "latitude": 34.53, "longitude": 69.17, "attacktype1": "Bombing/Explosion",
                    "gname": "Unknown", "nkill": 3, "nwound": None, "nhostkid": None}}


def _write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_eval_prints_tables_and_writes_json(tmp_path, capsys, pipeline):
    acled = _write(tmp_path / "acled.jsonl", ACLED_ROWS)
    gtd = _write(tmp_path / "gtd.jsonl", [GTD_ROW])
    out = tmp_path / "scores.json"
    rc = main(["eval", "--gold", str(acled), "--gold", str(gtd), "--json", str(out), "--errors", "5"])
    assert rc == 0
    printed = capsys.readouterr().out
    assert "acled.jsonl" in printed and "gtd.jsonl" in printed and "event_type" in printed
    result = json.loads(out.read_text())
    first, second = result["files"]
    assert first["format"] == "acled" and first["rows"] == 2
    assert second["format"] == "gtd" and second["rows"] == 1
    for name in ("event_type", "sub_event_type", "sub_event_type_macro_f1", "actor1", "actor2",
                 "fatalities_exact", "fatalities_within1", "date", "country", "admin1",
                 "within_25km", "within_50km", "geo_precision", "no_event"):
        assert first["metrics"][name]["n"] == 2, name
        value = first["metrics"][name]["value"]
        assert value is None or 0.0 <= value <= 1.0
    assert second["metrics"]["nkill_exact"]["n"] == 1
    assert second["metrics"]["nwound_exact"]["n"] == 0  # null gold is left out
    wrong = sum(m["gold"] != m["system"] for m in first["errors"])
    assert wrong == len(first["errors"]) <= 2


def test_eval_limit(tmp_path, capsys, pipeline):
    acled = _write(tmp_path / "acled.jsonl", ACLED_ROWS)
    out = tmp_path / "scores.json"
    assert main(["eval", "--gold", str(acled), "--limit", "1", "--json", str(out)]) == 0
    assert json.loads(out.read_text())["files"][0]["rows"] == 1


def test_eval_folder_means_its_jsonl_files(tmp_path, capsys, pipeline):
    _write(tmp_path / "b.jsonl", [GTD_ROW])
    _write(tmp_path / "a.jsonl", ACLED_ROWS[:1])
    (tmp_path / "notes.txt").write_text("not gold")
    out = tmp_path / "scores.json"
    assert main(["eval", "--gold", str(tmp_path), "--json", str(out)]) == 0
    files = [f["file"] for f in json.loads(out.read_text())["files"]]
    assert [f.rsplit("/", 1)[-1] for f in files] == ["a.jsonl", "b.jsonl"]


def test_eval_unknown_format_is_a_clear_error(tmp_path, capsys):
    bad = _write(tmp_path / "bad.jsonl", [{"id": "x", "text": "t", "source": "blog", "gold": {}}])
    assert main(["eval", "--gold", str(bad)]) == GoldFormatError.exit_code
    assert "bad.jsonl:1" in capsys.readouterr().err


def test_eval_geo_file(tmp_path, capsys, pipeline):
    text = "Heavy rain flooded streets in Paris on Monday."
    start = text.index("Paris")
    row = {"id": "g1", "corpus": "t", "text": text, "toponyms": [
        {"start": start, "end": start + 5, "name": "Paris", "geonameid": 2988507,
         "latitude": 48.85, "longitude": 2.35}]}
    geo = _write(tmp_path / "geo.jsonl", [row])
    out = tmp_path / "geo.json"
    assert main(["eval", "--gold", str(geo), "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    report = json.loads(out.read_text())["files"][0]
    assert report["format"] == "geo"
    if importlib.util.find_spec("eventwire.eval.geo") is None:
        assert "geo evaluation not available" in printed
        assert report["metrics"] == {}
    else:
        assert report["metrics"] and all(0.0 <= m["value"] <= 1.0 for m in report["metrics"].values())
