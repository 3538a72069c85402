"""Exports read back by the tools analysts use: pandas, shapely (GeoJSON), pyarrow."""
from __future__ import annotations

import io
import json

import pandas as pd
import pyarrow.parquet as pq
import pytest

from eventwire.errors import InputError
from eventwire.export import ACLED_COLUMNS, GTD_COLUMNS, write_events
from eventwire.link import link_events, reconcile
from eventwire.serialize import event_from_dict
from eventwire.store import Store
from test_link import EVENTS, OUTLETS, REPORTS
from test_store import db_url  # noqa: F401  (fixture: SQLite and PostgreSQL)


@pytest.fixture(scope="module")
def incidents():
    return [reconcile(inc, OUTLETS) for inc in link_events(EVENTS)]


def _jaffar(records):
    return next(r for r in records if "dawn-1" in r.doc_ids)


def test_acled_csv_loads_in_pandas_with_acled_columns_and_types(tmp_path, incidents):
    path = tmp_path / "acled.csv"
    assert write_events(incidents, "acled-csv", path) == len(incidents)
    df = pd.read_csv(path)
    assert list(df.columns) == ACLED_COLUMNS
    assert len(df) == len(incidents)  # one row per (reconciled) event
    assert df["fatalities"].dtype.kind == "i" and df["year"].dtype.kind == "i"
    assert df["latitude"].dtype.kind == "f" and df["geo_precision"].dtype.kind == "i"
    assert df["inter2"].dtype.kind in "if" and df["iso"].eq(586).all()
    row = df[df["source"].str.contains("Dawn")].iloc[0]
    # Fatalities conservative: the lowest figure any source gave (the army's 25, not the 58 upper bound).
    assert row["fatalities"] == 25
    assert {"Dawn", "Reuters", "AFP", "ISPR"} <= set(row["source"].split("; "))
    # Notes in ACLED's manner, from the coded fields, not an article's sentence.
    assert row["notes"].startswith("On 11 March 2025, Baloch Liberation Army abducted civilians in Mushkaf "
                                   "(Kachhi, Balochistan).")
    assert "Baloch Liberation Army claimed responsibility." in row["notes"]
    assert ("120-450 taken hostage, according to security official (4 reports, best 120 as the latest official "
            "figure; Baloch Liberation Army claimed 214)") in row["notes"]
    assert row["region"] == "South Asia" and row["timestamp"] > 1_600_000_000
    assert row["source_scale"] == "National-International-New media"  # Dawn ..., Reuters/AFP, the BLA statement
    assert df["notes"].str.len().gt(20).all()
    assert set(df["disorder_type"]) <= {"Political violence", "Demonstrations", "Strategic developments",
                                       "Political violence; Demonstrations"}


def test_gtd_csv_loads_in_pandas(tmp_path, incidents):
    path = tmp_path / "gtd.csv"
    write_events(incidents, "gtd-csv", path)
    df = pd.read_csv(path)
    assert list(df.columns) == GTD_COLUMNS
    row = df[df["scite1"].str.contains("Dawn")].iloc[0]
    assert row["iyear"] == 2025 and row["imonth"] == 3 and row["iday"] == 11
    assert row["ishostkid"] == 1 and row["nhostkid"] > 0
    assert row["gname"] == "Baloch Liberation Army" and row["claimed"] == 1
    grenade = df[df["scite1"] == "Balochistan Post"].iloc[0]
    assert pd.isna(grenade["nkill"])  # unknown stays empty, as in GTD, not 0
    assert grenade["targtype1_txt"] == "Business"  # "a hand grenade at a mobile phone shop"
    assert grenade["weaptype1_txt"] == "Explosives"
    assert row["targtype1_txt"] == "Transportation"  # a passenger train
    assert row["weaptype1_txt"] == "Explosives"  # "blew up a railway line"
    assert row["claimmode_txt"] == "Letter"  # the BLA's statement
    checkpoint = df[df["scite1"].str.contains("NNI")].iloc[0]
    assert checkpoint["targtype1_txt"] == "Police" and checkpoint["weaptype1_txt"] == "Firearms"


def test_jsonl_round_trips_the_native_record(incidents):
    buf = io.StringIO()
    write_events(EVENTS, "jsonl", buf)
    back = [event_from_dict(json.loads(line)) for line in buf.getvalue().splitlines()]
    assert back == EVENTS


def test_geojson_loads_with_shapely(tmp_path, incidents):
    from shapely.geometry import shape

    path = tmp_path / "events.geojson"
    write_events(incidents, "geojson", path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == len(incidents)
    jaffar = next(f for f in data["features"] if "dawn-1" in f["properties"]["doc_ids"])
    point = shape(jaffar["geometry"])
    assert point.geom_type == "Point" and point.is_valid
    assert (round(point.x, 2), round(point.y, 2)) == (67.48, 29.62)
    assert jaffar["properties"]["hostages_low"] == 120 and jaffar["properties"]["hostages_high"] == 450


def test_parquet_reads_back_with_pyarrow(tmp_path, incidents):
    path = tmp_path / "events.parquet"
    write_events(incidents, "parquet", path)
    table = pq.read_table(path)
    assert table.num_rows == len(incidents)
    assert str(table.schema.field("event_date").type) == "date32[day]"
    assert str(table.schema.field("hostages_high").type) == "int64"
    rows = table.to_pylist()
    jaffar = next(r for r in rows if "dawn-1" in r["doc_ids"])
    assert (jaffar["hostages_low"], jaffar["hostages_high"]) == (120, 450)
    assert event_from_dict(json.loads(jaffar["record"])) == _jaffar(incidents)


def test_parquet_to_stdout_is_a_clear_error(incidents):
    with pytest.raises(InputError, match="binary"):
        write_events(incidents, "parquet", None)


def test_unknown_format_is_a_clear_error():
    with pytest.raises(InputError, match="unknown format"):
        write_events([], "xlsx", io.StringIO())


def test_empty_exports_are_valid(tmp_path):
    write_events([], "parquet", tmp_path / "e.parquet")
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 0
    write_events([], "geojson", tmp_path / "e.geojson")
    assert json.loads((tmp_path / "e.geojson").read_text())["features"] == []


def test_export_from_the_database_with_filters(db_url, tmp_path):  # noqa: F811
    from eventwire.cli.main import main
    from eventwire.records import Document

    with Store(db_url) as st:
        run = st.start_run("test")
        for ev in EVENTS:
            r = next(r for r in REPORTS if r[1] == ev.doc_id)
            st.add(Document(id=ev.doc_id, text=r[3], published=ev.event_date, outlet=r[2]), [ev], run)
    out = tmp_path / "acled.csv"
    assert main(["export", "--db", db_url, "-f", "acled-csv", "-o", str(out)]) == 0
    assert len(pd.read_csv(out)) == 5  # incidents
    assert main(["export", "--db", db_url, "-f", "acled-csv", "--level", "events", "-o", str(out)]) == 0
    events = pd.read_csv(out)
    assert len(events) == len(EVENTS)
    assert set(events["source"]) == {r[2] for r in REPORTS}  # outlets, one per article event
    assert main(["export", "--db", db_url, "-f", "parquet", "--event-type", "Battles", "--level", "events",
                 "-o", str(tmp_path / "b.parquet")]) == 0
    assert pq.read_table(tmp_path / "b.parquet").num_rows == 2
    assert main(["export", "--db", db_url, "-f", "geojson", "--country", "Pakistan", "--since", "2025-03-12",
                 "-o", str(tmp_path / "late.geojson")]) == 0
    assert json.loads((tmp_path / "late.geojson").read_text())["features"] == []
    assert main(["export", "--db", db_url, "-f", "jsonl", "--level", "events", "--since", "2025-03-12",
                 "-o", str(tmp_path / "late.jsonl")]) == 0
    assert len((tmp_path / "late.jsonl").read_text().splitlines()) == 2
    # the API's other filters, on the command line too
    for args, want in ((["--sub-event-type", "Armed clash"], sum(e.sub_event_type == "Armed clash" for e in EVENTS)),
                       (["--bbox", "-180,-90,180,90"], sum(e.location.latitude is not None for e in EVENTS)),
                       (["--bbox", "0,0,1,1"], 0), (["--min-confidence", "1.01"], 0)):
        assert main(["export", "--db", db_url, "-f", "jsonl", "--level", "events", *args,
                     "-o", str(tmp_path / "f.jsonl")]) == 0, args
        assert len((tmp_path / "f.jsonl").read_text().splitlines()) == want, args
    assert main(["export", "--db", db_url, "--bbox", "west", "-o", str(tmp_path / "f.jsonl")]) != 0


def test_export_from_a_missing_sqlite_file_is_a_clear_error(tmp_path, capsys):
    from eventwire.cli.main import main

    assert main(["export", "--db", str(tmp_path / "typo.db")]) == 6
    assert "no database at" in capsys.readouterr().err
    assert not (tmp_path / "typo.db").exists()


@pytest.mark.parametrize("name, kind, prose", [
    ("BLA: Balochistan Liberation Army", "rebel group", "BLA militants"),
    ("BLA: Balochistan Liberation Army", None, "BLA"),
    ("Military Forces of Pakistan (2018-)", "state forces", "Military Forces of Pakistan"),
    ("Police Forces of India (1999-2004)", "state forces", "Police Forces of India"),
    ("Military Forces of Brazil (2019-) Military Police", "state forces", "Military Forces of Brazil Military Police"),
    ("Civilians (Pakistan)", "civilians", "civilians"),
    ("Protesters (India)", "protesters", "protesters"),
    ("Unidentified Armed Group (Nigeria)", "political militia", "an unidentified armed group"),
    ("Al Shabaab", "rebel group", "Al Shabaab"),
])
def test_notes_name_actors_as_a_sentence_reads_them(name, kind, prose):
    from eventwire.export._rows import prose_name

    assert prose_name(name, kind) == prose


def test_source_names_the_outlet_else_the_domain_never_a_placeholder():
    from dataclasses import replace

    from eventwire.export._rows import sources_text

    ev = EVENTS[0]
    listed = [{"doc_id": "a", "outlet": "Unknown", "url": "https://web.archive.org/web/2016/http://www.wral.com/news/1"},
              {"doc_id": "b", "outlet": " n/a ", "url": None},
              {"doc_id": "c", "outlet": "The Daily Courier", "url": "https://courier.example/x"}]
    assert sources_text(replace(ev, codes={**ev.codes, "sources": listed})) == "wral.com; The Daily Courier"
