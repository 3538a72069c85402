"""Geoparsing evaluation: toponym recognition and resolution on GWN / LGL-style gold.

Gold rows (``../shared/gold/geo/*.jsonl``) carry every place mention with its
GeoNames id and coordinates. Scored here:

* recognition: precision / recall / F1 of the toponyms found, a found span
  matching a gold one when they overlap (and, separately, when exact);
* resolution, on the gold toponyms that were found and have coordinates:
  exact GeoNames id, within 161 km (the usual "accuracy@161"), same country,
  and the median error in km.

GWN marks more than toponyms: as its authors' code does, ``is_toponym`` false
spans are not counted, and Demonym / Homonym / Language spans are left out
of resolution. ``evaluate_event_locations`` scores the event's own location on
ACLED/GTD gold (admin1, within 25/50/161 km).
"""
from __future__ import annotations

import dataclasses
import json
import statistics
from pathlib import Path
from typing import Any

from ..errors import GoldFormatError, InputError
from ._split import half_of

NOT_RESOLVED_TYPES = frozenset({"Demonym", "Homonym", "Language"})
KM = 161


def _rows(path: Path, limit: int | None, half: str | None = None) -> list[dict]:
    rows = []
    try:
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise GoldFormatError(f"{path}:{n}: not JSON ({exc})") from exc
                if "toponyms" not in rec or "text" not in rec:
                    raise GoldFormatError(f"{path}:{n}: a geo gold row needs 'text' and 'toponyms'")
                if half is not None and half_of(rec) != half:
                    continue
                rows.append(rec)
                if limit and len(rows) >= limit:
                    break
    except OSError as exc:
        raise InputError(f"cannot read gold file {path}: {exc}") from exc
    return rows


def _gold_toponyms(rec: dict) -> list[dict]:
    return [t for t in rec["toponyms"] if t.get("is_toponym", True)]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _match(gold: list[dict], found: list) -> tuple[dict[int, int], int, int]:
    """gold index -> found index (overlap, one-to-one), matched found count, exact matches."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    exact = 0
    for gi, g in enumerate(gold):
        span = (g["start"], g["end"])
        for fi, r in enumerate(found):
            if fi not in used and _overlaps(span, (r.toponym.start, r.toponym.end)):
                pairs[gi] = fi
                used.add(fi)
                exact += (r.toponym.start, r.toponym.end) == span
                break
    return pairs, len(used), exact


def _prf(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> dict[str, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _gold_country(g: dict, gaz) -> str | None:
    if g.get("geonameid"):
        e = gaz.by_geonameid(int(g["geonameid"]))
        if e is not None:
            return e.iso2
    if g.get("country"):
        c = gaz.country(g["country"])
        return c.iso2 if c else None
    return None


def _resolution(g: dict, r, gaz, acc: dict) -> None:
    if g.get("type") in NOT_RESOLVED_TYPES or g.get("latitude") is None:
        return
    from ..gazetteer import distance_km

    acc["n"] += 1
    e = r.entry
    if e is None:
        acc["errors"].append(20038.0)  # half the Earth: an unresolved name is maximally wrong
        return
    km = distance_km(g["latitude"], g["longitude"], e.latitude, e.longitude)
    acc["errors"].append(km)
    acc["within"] += km <= KM
    if g.get("geonameid"):
        acc["n_id"] += 1
        acc["exact"] += e.geonameid == g["geonameid"]
    country = _gold_country(g, gaz)
    if country:
        acc["n_country"] += 1
        acc["country"] += e.iso2 == country


def _metric(value: float, n: int) -> dict[str, Any]:
    return {"value": round(value, 4), "n": n}


def _focus(rec: dict, tops: list, gaz):
    """The article's focus as the pipeline finds it (title, dateline, lede), so that
    resolution is scored as the product resolves; gold offsets stay on the raw text."""
    from ..extract.structure import read_structure
    from ..geo._locate import focus_of
    from ..records import Document

    document = Document(id=str(rec.get("id", "")), text=rec["text"], title=rec.get("title") or None,
                        url=rec.get("url") or None)
    return focus_of(document, read_structure(document), tops, gaz)


def evaluate_geo(path, pipeline=None, limit: int | None = None, half: str | None = None) -> dict[str, Any]:
    """Recognition P/R/F1 and resolution accuracy of ``pipeline`` on one geo gold file."""
    from ..geo import find_toponyms, resolve_toponyms

    if pipeline is None:
        from ..pipeline import Pipeline

        pipeline = Pipeline.default()
    path = Path(path)
    rows = _rows(path, limit, half)
    gaz = pipeline.gazetteer
    n_gold = n_pred = tp_p = tp_g = exact_spans = 0
    acc = {"n": 0, "within": 0, "n_id": 0, "exact": 0, "n_country": 0, "country": 0, "errors": []}
    docs = pipeline.nlp.pipe((r["text"] for r in rows), batch_size=16)
    for rec, doc in zip(rows, docs):
        tops = find_toponyms(doc, gaz)
        found = resolve_toponyms(tops, gaz, focus=_focus(rec, tops, gaz))
        gold = _gold_toponyms(rec)
        pairs, matched, exact = _match(gold, found)
        n_gold, n_pred = n_gold + len(gold), n_pred + len(found)
        tp_g, tp_p, exact_spans = tp_g + len(pairs), tp_p + matched, exact_spans + exact
        for gi, fi in pairs.items():
            _resolution(gold[gi], found[fi], gaz, acc)
    rec_overlap = _prf(tp_p, n_pred, tp_g, n_gold)
    rec_exact = _prf(exact_spans, n_pred, exact_spans, n_gold)
    return {
        "corpus": path.stem, "documents": len(rows), "gold_toponyms": n_gold, "found_toponyms": n_pred,
        "recognition_precision": _metric(rec_overlap["precision"], n_pred),
        "recognition_recall": _metric(rec_overlap["recall"], n_gold),
        "recognition_f1": _metric(rec_overlap["f1"], n_gold),
        "recognition_exact_f1": _metric(rec_exact["f1"], n_gold),
        "resolution_within_161km": _metric(acc["within"] / acc["n"] if acc["n"] else 0.0, acc["n"]),
        "resolution_exact_geonameid": _metric(acc["exact"] / acc["n_id"] if acc["n_id"] else 0.0, acc["n_id"]),
        "resolution_country": _metric(acc["country"] / acc["n_country"] if acc["n_country"] else 0.0,
                                      acc["n_country"]),
        "median_error_km": round(statistics.median(acc["errors"]), 1) if acc["errors"] else None,
    }


def render_geo(result: dict[str, Any], console=None) -> None:
    """A table of :func:`evaluate_geo`'s result (Rich console, or plain print)."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    table = Table(title=f"geoparsing: {result.get('corpus')} ({result.get('documents')} documents, "
                        f"{result.get('gold_toponyms')} gold toponyms)")
    table.add_column("metric")
    table.add_column("value", justify="right")
    table.add_column("n", justify="right")
    for key, value in result.items():
        if isinstance(value, dict) and "value" in value:
            table.add_row(key.replace("_", " "), f"{value['value']:.3f}", str(value["n"]))
    if result.get("median_error_km") is not None:
        table.add_row("median error (km)", f"{result['median_error_km']:.1f}", "")
    console.print(table)


def _system_place(result, scheme: str | None = None) -> tuple[str | None, float | None, float | None, str]:
    """(admin1, lat, lon, source): the top event's location, else the document's event place;
    admin1 as ``scheme`` (``acled``) spells it, as its export writes it."""
    from ..gazetteer import codebook_admin1

    events = sorted(result.events, key=lambda e: -e.confidence)
    if events and events[0].location is not None:
        loc = events[0].location
        return codebook_admin1(scheme, loc.iso3, loc.admin1, loc.admin2), loc.latitude, loc.longitude, "event"
    loc = result.findings.location
    if loc is None:
        return None, None, None, "none"
    return codebook_admin1(scheme, loc.iso3, loc.admin1, loc.admin2), loc.latitude, loc.longitude, "document"


def evaluate_event_locations(path, pipeline=None, limit: int | None = None,
                             half: str | None = None) -> dict[str, Any]:
    """The event's own place on ACLED / GTD / GVC gold: admin1 (state) accuracy under any
    spelling and as the source spells it, and the share within 25/50/161 km.

    Scores the most confident event's location, or (for a row where no event
    was found) the place :func:`eventwire.geo.locate` chose for the document.
    """
    from ..gazetteer import distance_km
    from ..ingest import make_document
    from ._normalise import admin1_match, admin1_spelled, country_iso3

    if pipeline is None:
        from ..pipeline import Pipeline

        pipeline = Pipeline.default()
    rows = []
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                if half is not None and half_of(rec) != half:
                    continue
                rows.append(rec)
                if limit and len(rows) >= limit:
                    break
    # ACLED notes and GTD summaries are read as notes, news reports (GVC) as news, as eval does
    docs = (dataclasses.replace(make_document(r["text"], doc_id=r["id"], published=r.get("published"),
                                              title=r.get("title")),
                                profile="notes" if r.get("source") in ("acled", "gtd") else "news")
            for r in rows)
    gold_by_id = {r["id"]: r["gold"] for r in rows}
    schemes = {r["id"]: r.get("source") for r in rows}
    _scheme_of = schemes.get
    n = n_admin = ok_admin = ok_spelled = 0
    within = {25: 0, 50: 0, 161: 0}
    sources: dict[str, int] = {}
    n_coord = 0
    for result in pipeline.pipe(docs):
        gold = gold_by_id[result.document.id]
        admin1, lat, lon, source = _system_place(result, _scheme_of(result.document.id))
        sources[source] = sources.get(source, 0) + 1
        n += 1
        g_admin1 = gold.get("admin1") or gold.get("provstate")
        if g_admin1:
            n_admin += 1
            spelled = admin1_spelled(g_admin1, admin1)
            ok_admin += spelled or admin1_match(g_admin1, admin1, country_iso3(gold.get("country")))
            ok_spelled += spelled
        if gold.get("latitude") is not None and gold.get("longitude") is not None:
            n_coord += 1
            if lat is not None:
                km = distance_km(float(gold["latitude"]), float(gold["longitude"]), lat, lon)
                for k in within:
                    within[k] += km <= k
    out = {"corpus": Path(path).stem, "documents": n, "located_by": sources,
           "admin1_accuracy": _metric(ok_admin / n_admin if n_admin else 0.0, n_admin),
           "admin1_spelled_accuracy": _metric(ok_spelled / n_admin if n_admin else 0.0, n_admin)}
    for k, v in within.items():
        out[f"within_{k}km"] = _metric(v / n_coord if n_coord else 0.0, n_coord)
    return out
