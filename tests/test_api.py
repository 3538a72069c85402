"""The REST API against a real ``eventwire serve`` process on 127.0.0.1, on SQLite and PostgreSQL.

The store holds the worked example and a few dev gold articles (when ../shared/gold is
there). Tests run in file order over one server per database; the write tests come last.
"""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import httpx
import pytest

from web_fixtures import JAFFAR, database, fill

TOKEN = "test-token-123"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def server(request, tmp_path_factory, pipeline):
    from eventwire.web._process import served

    with database(request.param, tmp_path_factory.mktemp("api")) as url:
        n_events = fill(url, pipeline)
        with served(url, token=TOKEN) as base, httpx.Client(base_url=base, timeout=120) as client:
            client.db_url, client.n_events = url, n_events
            yield client


def _all(client, path, **params) -> list[dict]:
    items, offset = [], 0
    while True:
        page = client.get(path, params={**params, "offset": offset, "limit": 7}).json()
        items += page["items"]
        offset += 7
        if offset >= page["total"]:
            return items


def _jaffar(client) -> dict:
    (ev,) = [e for e in _all(client, "/api/events") if e["doc_ids"] == [JAFFAR] and e.get("fatalities")]
    return ev


def test_openapi_and_the_page_are_served(server):
    schema = server.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/incidents", "/api/incidents/{incident_id}",
                 "/api/documents/{doc_id}",
                 "/api/documents", "/api/export"):
        assert path in schema["paths"], path
    assert "patch" in schema["paths"]["/api/events/{event_id}"]
    docs = server.get("/docs")
    assert docs.status_code == 200 and "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs.text
    assert "http" not in docs.text.replace("http-equiv", "")  # nothing loaded from elsewhere
    page = server.get("/")
    assert page.status_code == 200 and "/static/app.js" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"


def test_event_list_pages_through_the_same_records_as_the_store(server):
    from eventwire.records import to_dict
    from eventwire.store import Store

    items = _all(server, "/api/events")
    assert len(items) == server.n_events > 0
    assert len({e["event_id"] for e in items}) == len(items)
    dates = [e["event_date"] or "" for e in items]
    assert dates == sorted(dates, reverse=True)
    with Store(server.db_url) as store:
        stored = {ev.event_id: json.loads(json.dumps(to_dict(ev))) for ev in store.events()}
    assert {e["event_id"]: e for e in items} == stored  # one record contract, no second serializer


@pytest.mark.parametrize("params, check", [
    ({"country": "PAK"}, lambda e: e["location"]["country"] == "Pakistan"),
    ({"country": "pakistan", "admin1": "balochistan"}, lambda e: e["location"]["admin1"] == "Balochistan"),
    ({"event_type": "Violence against civilians"}, lambda e: e["event_type"] == "Violence against civilians"),
    ({"sub_event_type": "Abduction/forced disappearance"},
     lambda e: e["sub_event_type"] == "Abduction/forced disappearance"),
    ({"actor": "liberation army"}, lambda e: "liberation army" in (e["actor1"] or {}).get("name", "").lower()
     or "liberation army" in (e["actor2"] or {}).get("name", "").lower()),
    ({"bbox": "60,23,78,37"}, lambda e: 23 <= e["location"]["latitude"] <= 37 and 60 <= e["location"]["longitude"] <= 78),
    ({"q": "jaffar"}, lambda e: "jaffar" in json.dumps(e).lower()),
    ({"min_confidence": 0.9}, lambda e: e["confidence"] >= 0.9),
    ({"since": "2025-03-01", "until": "2025-03-31"}, lambda e: "2025-03-01" <= e["event_date"] <= "2025-03-31"),
])
def test_each_filter_narrows_the_list(server, params, check):
    everything = server.get("/api/events", params={"limit": 1}).json()["total"]
    found = _all(server, "/api/events", **params)
    assert found, params
    assert all(check(e) for e in found), params
    elsewhere = server.get("/api/events", params={"bbox": "-170,10,-50,60", "limit": 1}).json()["total"]
    if elsewhere and "min_confidence" not in params:  # gold articles (North America) are stored too
        assert len(found) < everything


def test_filters_combine_and_the_incident_filter_matches(server):
    ev = _jaffar(server)
    same = _all(server, "/api/events", incident=ev["incident_id"])
    assert ev["event_id"] in {e["event_id"] for e in same}
    assert all(e["incident_id"] == ev["incident_id"] for e in same)
    assert server.get("/api/events", params={"country": "PAK", "event_type": "Protests"}).json()["total"] == 0


def test_bad_filters_are_clear_errors(server):
    for params in ({"bbox": "1,2,3"}, {"since": "yesterday"}, {"bbox": "0,50,10,40"}, {"min_confidence": 2}):
        res = server.get("/api/events", params=params)
        assert res.status_code == 422, params
        assert res.json()["detail"]


def test_one_event_with_evidence_incident_and_documents(server):
    ev = _jaffar(server)
    data = server.get("/api/events/" + ev["event_id"].replace("#", "%23")).json()
    assert data["event"]["event_id"] == ev["event_id"]
    assert {e["field"] for e in data["event"]["evidence"]} >= {"event_type", "actor1", "fatalities", "location"}
    assert data["incident"]["incident_id"] == ev["incident_id"]
    assert ev["event_id"] in {r["event_id"] for r in data["reports"]}
    assert data["documents"][0]["doc_id"] == JAFFAR and data["documents"][0]["outlet"] == "Example Wire"
    assert server.get("/api/events/no-such-event").status_code == 404


def test_one_incident_with_its_reports_links_and_follow_ups(server):
    ev = _jaffar(server)
    data = server.get("/api/incidents/" + ev["incident_id"]).json()
    assert data["incident"]["incident_id"] == ev["incident_id"]
    assert ev["event_id"] in {r["event_id"] for r in data["reports"]}
    assert [link["event_id"] for link in data["links"]] == [r["event_id"] for r in data["reports"]]
    assert all(isinstance(link["score"], float) and link["reasons"] for link in data["links"])
    assert data["follow_ups"] == [] and data["edits"] == []
    assert JAFFAR in {d["doc_id"] for d in data["documents"]}
    assert server.get("/api/incidents/inc-nope").status_code == 404


def test_document_text_and_evidence_spans(server):
    data = server.get(f"/api/documents/{JAFFAR}").json()
    text = data["document"]["text"]
    assert text.startswith("In a bold move")
    assert data["spans"] and all(text[s["start"]:s["end"]].strip() == s["text"].strip() for s in data["spans"] if s["end"] > s["start"])
    fatal = [s for s in data["spans"] if s["field"] == "fatalities"]
    assert fatal and "six military personnel" in fatal[0]["text"]
    assert server.get("/api/documents/nope").status_code == 404


def test_incidents_list_reconciles_reports(server):
    page = server.get("/api/incidents", params={"limit": 500}).json()
    assert 0 < page["total"] <= server.n_events
    assert len(page["items"]) == page["total"]
    assert all(i["codes"]["reconciliation"]["sources"] for i in page["items"])
    pak = server.get("/api/incidents", params={"country": "Pakistan", "actor": "liberation"}).json()
    assert pak["total"] >= 1 and all(i["location"]["country"] == "Pakistan" for i in pak["items"])


def test_map_cells_and_timeline(server):
    cells = server.get("/api/map", params={"cell": 1}).json()
    located = [e for e in _all(server, "/api/events") if e["location"] and e["location"].get("latitude") is not None]
    assert cells["total"] == len(located)
    pak = server.get("/api/map", params={"cell": 0.5, "bbox": "60,23,78,37"}).json()
    assert pak["cells"] and all(23 <= c["lat"] <= 37 for c in pak["cells"])
    days = server.get("/api/timeline").json()["days"]
    assert sum(d["n"] for d in days) == len([e for e in _all(server, "/api/events") if e["event_date"]])


@pytest.mark.parametrize("fmt", ["jsonl", "acled-csv", "gtd-csv", "geojson", "parquet"])
def test_exports_in_every_format_with_filters(server, fmt):
    res = server.get("/api/export", params={"format": fmt, "level": "events", "country": "PAK"})
    assert res.status_code == 200, res.text
    body = res.content
    if fmt == "jsonl":
        rows = [json.loads(line) for line in body.decode().splitlines()]
        assert rows and all(r["location"]["iso3"] == "PAK" for r in rows)
    elif fmt.endswith("csv"):
        rows = list(csv.DictReader(io.StringIO(body.decode())))
        assert rows and all((r.get("country") or r.get("country_txt")) == "Pakistan" for r in rows)
    elif fmt == "geojson":
        assert json.loads(body)["features"]
    else:
        import pyarrow.parquet as pq

        assert pq.read_table(io.BytesIO(body)).num_rows >= 1
    assert server.get("/api/export", params={"format": "xml"}).status_code == 422


def test_cors_is_off_by_default(server):
    res = server.options("/api/events", headers={"Origin": "https://elsewhere.example",
                                                "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in res.headers
    res = server.get("/api/events", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in res.headers


def test_writes_need_the_token(server):
    ev = _jaffar(server)
    url = "/api/events/" + ev["event_id"].replace("#", "%23")
    assert server.patch(url, json={"field": "fatalities", "value": 1}).status_code == 401
    assert server.patch(url, json={"field": "fatalities", "value": 1},
                        headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert server.post("/api/documents", json={"text": "Police said two people were shot."}).status_code == 401
    assert _jaffar(server)["fatalities"]["best"] == 6


def test_request_bodies_are_limited(server):
    big = {"text": "x" * (3 * 1024 * 1024)}
    assert server.post("/api/documents", json=big, headers=AUTH).status_code == 413
    res = server.patch("/api/events/x", content=b"{" + b" " * (3 * 1024 * 1024) + b"}",
                       headers={**AUTH, "content-type": "application/json"})
    assert res.status_code == 413


def test_correction_is_kept_beside_the_machine_value_and_exported(server):
    ev = _jaffar(server)
    url = "/api/events/" + ev["event_id"].replace("#", "%23")
    bad = server.patch(url, json={"field": "evidence", "value": []}, headers=AUTH)
    assert bad.status_code == 422
    res = server.patch(url, json={"field": "fatalities", "value": 7, "author": "ana", "comment": "officials: seven"},
                       headers=AUTH)
    assert res.status_code == 200, res.text
    assert res.json()["event"]["fatalities"]["best"] == 7
    (entry,) = res.json()["event"]["codes"]["corrections"]
    assert entry["machine"]["best"] == 6 and entry["value"]["best"] == 7 and entry["author"] == "ana"
    (row,) = res.json()["corrections"]
    assert row["old"]["best"] == 6 and row["new"]["best"] == 7 and row["comment"] == "officials: seven" and row["at"]
    assert server.patch(url, json={"field": "event_type", "action": "accept", "author": "ana"},
                        headers=AUTH).status_code == 200
    for level in ("events", "incidents"):
        text = server.get("/api/export", params={"format": "acled-csv", "level": level, "country": "PAK"}).text
        rows = [r for r in csv.DictReader(io.StringIO(text)) if "corrected" in r["tags"]]
        assert rows, level
        assert "corrected fatalities: 6 -> 7 by ana" in rows[0]["tags"] and "accepted event_type" in rows[0]["tags"]
        if level == "events":
            assert rows[0]["fatalities"] == "7"
        text = server.get("/api/export", params={"format": "gtd-csv", "level": level, "country": "PAK"}).text
        rows = [r for r in csv.DictReader(io.StringIO(text)) if "corrected" in r["addnotes"]]
        assert rows and "corrected fatalities: 6 -> 7 by ana" in rows[0]["addnotes"], level


def test_corrections_survive_a_recode(server, pipeline):
    import sqlalchemy as sa

    from eventwire.store import Store, recode
    from eventwire.store._models import DocumentRow

    with Store(server.db_url) as store:
        with store.session() as s, s.begin():  # as if an older pipeline had coded it
            s.execute(sa.update(DocumentRow).where(DocumentRow.doc_id == JAFFAR).values(pipeline_version="0.0.0+old"))
        report = recode(store, pipeline)
        assert report.stored == 1
        assert store.counts()["corrections"] == 2
    ev = _jaffar(server)
    assert ev["fatalities"]["best"] == 7
    assert {c["field"] for c in ev["codes"]["corrections"]} == {"fatalities", "event_type"}


def test_post_an_article_codes_and_stores_it(server):
    article = {"text": "Gunmen shot dead three police officers at a checkpoint in Quetta, Balochistan, on Monday, "
                       "police said. No group claimed the attack.",
               "title": "Police killed in Quetta", "published": "2025-03-17", "outlet": "Test Desk"}
    res = server.post("/api/documents", json=article, headers=AUTH)
    assert res.status_code == 201, res.text
    body = res.json()
    assert body["status"] == "stored" and body["events"]
    assert body["events"][0]["doc_ids"] == [body["doc_id"]]
    assert server.get(f"/api/documents/{body['doc_id']}").json()["document"]["title"] == "Police killed in Quetta"
    again = server.post("/api/documents", json=article, headers=AUTH).json()
    assert again["status"] == "unchanged" and again["doc_id"] == body["doc_id"]
    bad = server.post("/api/documents", json={**article, "text": article["text"] + " x", "published": "soon"},
                      headers=AUTH)
    assert bad.status_code == 422


def test_a_follow_up_shows_on_its_incident(server):
    from test_follow_ups import SHOOTING, VERDICT

    for doc in (SHOOTING, VERDICT):
        article = {"id": doc.id, "text": doc.text, "title": doc.title, "published": doc.published.isoformat()}
        assert server.post("/api/documents", json=article, headers=AUTH).status_code == 201
    (ev,) = server.get("/api/documents/shooting").json()["events"]
    data = server.get("/api/incidents/" + ev["incident_id"]).json()
    (follow_up,) = data["follow_ups"]
    assert follow_up["doc_id"] == "verdict" and follow_up["linked_to"] == ev["event_id"]
    assert follow_up["event_date"] == "2016-09-20" and follow_up["reasons"]["shared"]["names"]
    assert {d["doc_id"] for d in data["documents"]} == {"shooting", "verdict"}
    assert data["incident"]["codes"]["reconciliation"]["follow_ups"][0]["doc_id"] == "verdict"
    detail = server.get("/api/events/" + ev["event_id"].replace("#", "%23")).json()
    assert [f["doc_id"] for f in detail["follow_ups"]] == ["verdict"]


def test_refuses_to_listen_beyond_loopback_with_open_writes(tmp_path):
    import os

    env = {k: v for k, v in os.environ.items() if k != "EVENTWIRE_TOKEN"}
    cmd = [sys.executable, "-m", "eventwire.cli.main", "serve", "--db", str(tmp_path / "x.db"), "--host", "0.0.0.0"]
    res = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60)
    assert res.returncode != 0 and "EVENTWIRE_TOKEN" in res.stderr
    assert not (tmp_path / "x.db").exists()


def test_bind_rules():
    from eventwire.errors import ConfigError
    from eventwire.web import check_bind, is_loopback

    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")
    check_bind("0.0.0.0", writes=False, token=None)
    check_bind("0.0.0.0", writes=True, token="t")
    with pytest.raises(ConfigError):
        check_bind("::", writes=True, token=None)
