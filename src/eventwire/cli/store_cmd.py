"""``eventwire ingest`` (documents → database) and ``eventwire export`` (database → files)."""
from __future__ import annotations

import logging
import signal
import sys
from typing import List, Optional

import typer

log = logging.getLogger("eventwire")

DB_HELP = "SQLAlchemy URL or SQLite file (default sqlite:///eventwire.db in this folder)."


def ingest(
    inputs: List[str] = typer.Argument(None, help="Files, folders, JSONL/CSV, RSS/Atom feeds (files or URLs), or - for stdin."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) for documents without one."),
    watch_dir: Optional[str] = typer.Option(None, "--watch", help="Keep watching this folder and ingest new files (Ctrl-C stops)."),
    interval: float = typer.Option(5.0, "--interval", help="Seconds between looks at the --watch folder."),
    recode: bool = typer.Option(False, "--recode", help="Re-code stored documents coded by an older pipeline version."),
    no_link: bool = typer.Option(False, "--no-link", help="Store events without linking them into incidents."),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", help="Worker processes that code documents (default: the cores available; this process alone writes)."),
    n_process: Optional[int] = typer.Option(None, "--n-process", hidden=True, help="Old name of --workers."),
    engine: str = typer.Option("local", "--engine", help="local (this machine) or dask (code on a dask.distributed cluster; this process writes)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="With --engine dask: the scheduler's address (default: a local cluster)."),
    no_prefilter: bool = typer.Option(False, "--no-prefilter", help="Parse every document, also those with no conflict vocabulary."),
) -> None:
    """Extract events from documents and store them (documents already stored are skipped)."""
    from rich.console import Console

    from ..engine import default_workers
    from ..errors import InputError, StoreError, redact
    from ..ingest._feeds import read_any
    from ..pipeline import RunStats
    from ..prefilter import default_prefilter
    from ..store import Store, ingest as run_ingest, is_persistent, recode as run_recode
    from .progress import run_progress

    console = Console(stderr=True)
    if not inputs and not watch_dir and not recode:
        raise InputError("nothing to ingest: give files, folders or feeds, --watch DIR, or --recode")
    if engine not in ("local", "dask"):
        raise InputError(f"--engine must be local or dask, not {engine!r}")
    if scheduler and engine != "dask":
        raise InputError("--scheduler needs --engine dask")
    if not is_persistent(db):
        raise StoreError(f"--db {db}: an in-memory database keeps nothing after ingest ends; "
                         "give a file (--db eventwire.db) or a server URL")
    command = redact(" ".join(["eventwire", *sys.argv[1:]]))[:2000]
    options = {"workers": workers or n_process or default_workers(),
               "prefilter": None if no_prefilter else default_prefilter()}
    import contextlib

    pipeline = _dask_pipeline(scheduler, options["workers"]) if engine == "dask" else None
    failed = 0
    # a local Dask cluster started here is closed here
    with Store(db, link=not no_link) as store, (pipeline or contextlib.nullcontext()):
        if recode:
            report = run_recode(store, command=command)
            failed += _report(console, report, "re-coded: ")
        if inputs:
            stats = RunStats()
            with run_progress(console, "ingesting", stats, inputs):
                report = run_ingest(read_any(inputs, published=published), store, pipeline, command=command,
                                    stats=stats, **options)
            failed += _report(console, report, f"{stats.summary()}; ")
        if watch_dir:
            _watch(watch_dir, interval, published, store, command, console, pipeline, options)
    if failed:
        # documents that were read but not stored: the run did not do its job
        raise typer.Exit(StoreError.exit_code)


def _report(console, report, prefix: str = "") -> int:
    """Print an ingest report; returns how many documents were not stored."""
    console.print(prefix + report.summary(), style="bold red" if report.failed else "dim")
    return len(report.failed)


def _dask_pipeline(scheduler, workers):
    from ..engine import DaskPipeline

    return DaskPipeline(scheduler=scheduler, workers=workers)


def _watch(folder, interval, published, store, command, console, pipeline, options) -> None:
    from ..ingest._feeds import read_any
    from ..ingest._watch import watch
    from ..pipeline import RunStats
    from ..store import ingest as run_ingest

    console.print(f"watching {folder} every {interval:g}s (Ctrl-C stops)", style="dim")
    # A service manager stops a watcher with SIGTERM: end it as Ctrl-C does, so the
    # document being stored finishes its transaction and the run is closed.
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        for paths in watch(folder, interval=interval):
            stats = RunStats()
            report = run_ingest(read_any(paths, published=published), store, pipeline, command=command,
                                stats=stats, **options)
            _report(console, report, f"{len(paths)} files: {stats.summary()}; ")
    except KeyboardInterrupt:
        console.print("stopped watching", style="dim")
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def export(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl, acled-csv, gtd-csv, geojson or parquet."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Output file (default stdout; parquet needs a file)."),
    level: str = typer.Option("incidents", "--level", help="incidents: one reconciled record per real incident, all sources; events: one per article event."),
    since: Optional[str] = typer.Option(None, "--since", help="First event date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Last event date (YYYY-MM-DD)."),
    country: Optional[str] = typer.Option(None, "--country", help="Country name or ISO3 code."),
    event_type: Optional[str] = typer.Option(None, "--event-type", help="ACLED event type, e.g. 'Battles'."),
    incident: Optional[str] = typer.Option(None, "--incident", help="One incident id."),
    admin1: Optional[str] = typer.Option(None, "--admin1", help="First-level division, any known spelling."),
    sub_event_type: Optional[str] = typer.Option(None, "--sub-event-type", help="ACLED sub-event type, e.g. 'Armed clash'."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Part of either actor's name, any case."),
    bbox: Optional[str] = typer.Option(None, "--bbox", help="west,south,east,north in degrees."),
    text: Optional[str] = typer.Option(None, "--text", help="Words anywhere in the record (names, notes, evidence)."),
    min_confidence: Optional[float] = typer.Option(None, "--min-confidence", help="Lowest confidence kept (0-1)."),
) -> None:
    """Write stored events or incidents in the formats analysts load (the filters of the API)."""
    from rich.console import Console

    from ..errors import InputError
    from ..export import write_events
    from ..ingest import parse_published
    from ..store import Filters, Store, writable

    if level not in ("incidents", "events"):
        raise InputError(f"--level must be incidents or events, not {level!r}")
    filters = Filters(since=parse_published(since), until=parse_published(until), country=country,
                      event_type=event_type, incident_id=incident, admin1=admin1, sub_event_type=sub_event_type,
                      actor=actor, bbox=Filters.parse_bbox(bbox), text=text, min_confidence=min_confidence)
    _require_sqlite_file(db)
    with Store(db, read_only=not writable(db)) as store:
        records = store.incidents(filters) if level == "incidents" else store.events(filters)
        n = write_events(records, fmt, output)
    Console(stderr=True).print(f"{n} {level} written", style="dim")


def _require_sqlite_file(db: str | None) -> None:
    """Exporting from a SQLite file that is not there is a typo, not an empty database."""
    from ..errors import StoreError
    from ..store import sqlite_path

    path = sqlite_path(db)
    if path is not None:
        if not path.exists():
            raise StoreError(f"no database at {path}: run `eventwire ingest --db {db or path}` first, or pass --db")


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("export")(export)
