"""``eventwire incidents``: look at an incident's links, merge and split incidents, undo either.

Every merge and split is recorded with who made it and why (linking itself
records the merges it makes when a new report shows two incidents are one), and
``undo`` puts the events back where they were.
"""
from __future__ import annotations

import json
from typing import List, Optional

import typer

from .store_cmd import DB_HELP, _require_sqlite_file

app = typer.Typer(help="Inspect, merge and split incidents (every edit is recorded and can be undone).",
                  no_args_is_help=True)


def _store(db: str | None):
    from ..store import Store

    _require_sqlite_file(db)
    return Store(db)


@app.command("show")
def show(incident_id: str = typer.Argument(..., help="Incident id."),
         db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """The incident's events, each with the link that placed it (score and reasons), the
    follow-ups that joined it, its reconciled counts with each source's figure, and its edits."""
    from ..store import _queries as queries

    with _store(db) as store:
        events = {ev.event_id: ev for ev in store.incident_events(incident_id)}
        if not events:
            from ..errors import StoreError

            raise StoreError(f"no incident {incident_id} in the database")
        for link in store.incident_links(incident_id):
            ev = events.get(link["event_id"])
            where = ev.location.name if ev and ev.location else "?"
            typer.echo(f"{link['event_id']}  {ev.event_date if ev else '?'}  {where}  "
                       f"score {link['score']:.3f}  linked to {link['linked_to'] or '-'}")
            typer.echo(f"    {_json(link['reasons'])}")
        for f in store.follow_ups(incident_id):
            typer.echo(f"follow-up {f['follow_up']}  {f['event_date'] or '?'}  ({f['doc_id']})  "
                       f"score {f['score']:.3f}  linked to {f['linked_to']}")
            typer.echo(f"    {_json(f['reasons'])}")
        incident = queries.incident(store, incident_id)
        for kind, figures in ((incident.codes.get("reconciliation") or {}).get("figures") or {}).items():
            typer.echo(_count_line(kind, getattr(incident, kind, None), figures))
        for edit in store.incident_edits(incident_id):
            typer.echo(_edit_line(edit))


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _count_line(kind: str, count, figures: list[dict]) -> str:
    """A reconciled count and each source's figure: outlet (or document), when, by whom, and how
    it counts (the latest official figure, a claim, a follow-up's)."""
    head = f"{kind}: {count.low}/{count.best}/{count.high} (low/best/high)" if count else f"{kind}: -"
    parts = []
    for f in figures:
        value = f["best"] if f["low"] == f["high"] else f"{f['low']}-{f['high']}"
        tags = [t for t in (f.get("status"), f.get("reported_by") and f"per {f['reported_by']}",
                            f.get("follow_up") and "follow-up", f.get("basis")) if t]
        parts.append(f"{f.get('outlet') or f['doc_id']} {f.get('published') or '?'}: {value}"
                     + (f" [{', '.join(tags)}]" if tags else ""))
    return head + "".join(f"\n    {p}" for p in parts)


@app.command("merge")
def merge(keep: str = typer.Argument(..., help="The incident to keep."),
          others: List[str] = typer.Argument(..., help="Incidents to merge into it."),
          db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
          author: Optional[str] = typer.Option(None, "--author", help="Who decided."),
          note: Optional[str] = typer.Option(None, "--note", help="Why.")) -> None:
    """Merge incidents that are one real incident."""
    with _store(db) as store:
        edit = store.merge_incidents(keep, others, author=author, note=note)
    typer.echo(f"edit {edit}: merged {', '.join(others)} into {keep} (undo: eventwire incidents undo {edit})")


@app.command("split")
def split(incident_id: str = typer.Argument(..., help="The incident to split."),
          event_ids: List[str] = typer.Argument(..., help="Events to move out into a new incident."),
          db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
          author: Optional[str] = typer.Option(None, "--author", help="Who decided."),
          note: Optional[str] = typer.Option(None, "--note", help="Why.")) -> None:
    """Move events that report another incident out into a new one."""
    with _store(db) as store:
        new_id, edit = store.split_incident(incident_id, event_ids, author=author, note=note)
    typer.echo(f"edit {edit}: moved {len(event_ids)} events from {incident_id} to {new_id} "
               f"(undo: eventwire incidents undo {edit})")


@app.command("undo")
def undo(edit: int = typer.Argument(..., help="The edit number (see `eventwire incidents history`)."),
         db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
         author: Optional[str] = typer.Option(None, "--author", help="Who decided."),
         note: Optional[str] = typer.Option(None, "--note", help="Why.")) -> None:
    """Reverse a merge or split, whether linking or an analyst made it."""
    with _store(db) as store:
        pk = store.undo_edit(edit, author=author, note=note)
    typer.echo(f"edit {pk}: undid edit {edit}")


@app.command("history")
def history(incident_id: Optional[str] = typer.Argument(None, help="Only edits touching this incident."),
            db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Every merge, split and undo, oldest first."""
    with _store(db) as store:
        for edit in store.incident_edits(incident_id):
            typer.echo(_edit_line(edit))


def _edit_line(edit: dict) -> str:
    undone = f" (undone by {edit['undone_by']})" if edit["undone_by"] else ""
    by = f" by {edit['author']}" if edit["author"] else ""
    note = f": {edit['note']}" if edit["note"] else ""
    return (f"edit {edit['edit']} {edit['created_at']} {edit['action']} {edit['incident_id']} "
            f"{', '.join(map(str, edit['other_ids']))} ({len(edit['events'])} events){by}{note}{undone}")


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="incidents")
