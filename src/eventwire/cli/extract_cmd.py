"""``eventwire extract``: files, folders, JSONL, CSV or stdin → events."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import List, Optional

import typer

log = logging.getLogger("eventwire")


def _explain_structure(structure, console) -> None:
    """The article's layout: headline, dateline, lede and what was set aside."""
    if structure.title is not None:
        console.print(f"  title: {structure.title.text}")
    if structure.dateline is not None:
        d = structure.dateline
        console.print(f"  dateline: {d.span.text!r} place={d.place.text!r} date={d.when or '-'} outlet={d.outlet or '-'}")
    if structure.lede is not None:
        console.print(f"  lede: {structure.lede.text[:160]}")
    for span in (*structure.chrome, *structure.related, *structure.embeds):
        console.print(f"  [dim]set aside ({span.kind}): {span.text[:120]}[/dim]")


def _explain(result, console) -> None:
    """Each field beside the sentence it came from, and every rejected mention."""
    from rich.table import Table

    doc = result.document
    console.rule(f"[bold]{doc.id}[/bold]  published={doc.published or 'unknown'}")
    _explain_structure(result.findings.structure, console)
    for n, ev in enumerate(result.events, 1):
        table = Table(title=f"event {n}: {ev.event_type} / {ev.sub_event_type}  (confidence {ev.confidence})",
                      show_lines=True, expand=True)
        table.add_column("field", style="bold", no_wrap=True)
        table.add_column("value")
        table.add_column("evidence (rule: words ‖ sentence)")
        values = {
            "event_type": f"{ev.event_type} / {ev.sub_event_type}",
            "gtd_attack_type": ev.codes.get("gtd_attack_type"),
            "event_date": f"{ev.event_date} ({ev.date_precision})",
            "actor1": ev.actor1 and f"{ev.actor1.name} [{ev.actor1.type}]",
            "actor2": ev.actor2 and f"{ev.actor2.name} [{ev.actor2.type}]",
            "location": ev.location and f"{ev.location.name}, {ev.location.admin2 or '-'}, {ev.location.admin1 or '-'}, "
                                        f"{ev.location.country} (precision {ev.location.geo_precision})",
        }
        for kind in ("fatalities", "injured", "hostages", "arrested"):
            c = getattr(ev, kind)
            if c is not None:
                values[kind] = f"{c.low}/{c.best}/{c.high} {c.victims or ''} [{c.status}{' by ' + c.reported_by if c.reported_by else ''}]"
        if ev.claims:
            values["claims"] = "; ".join(f"{c.actor} via {c.channel or '?'} ({c.spokesperson or 'no spokesperson'})" for c in ev.claims)
        for fieldname, value in values.items():
            evid = [e for e in ev.evidence if e.field == fieldname]
            text = "\n".join(f"{e.rule}: “{e.text}” ‖ {e.sentence}" for e in evid) or "-"
            table.add_row(fieldname, str(value), text)
        console.print(table)
        for p in ev.places:
            console.print(f"  place [bold]{p.text}[/bold] role={p.role} → "
                          f"{p.entry.name + ', ' + (p.entry.country or '') if p.entry else 'unresolved'} ({p.rule})")
    for m in result.findings.mentions:
        console.print(f"[green]{m.timing}[/green] ({m.timing_cue}; trigger {m.trigger.text!r}): {m.sentence.strip()}")
    for m in result.findings.rejected:
        why = f"context: {m.timing_cue}" if m.modality == "asserted" else f"{m.modality}: {m.modality_cue!r}"
        console.print(f"[yellow]not an event[/yellow] ({why}, trigger {m.trigger.text!r}): {m.sentence.strip()}")


def extract(
    inputs: List[str] = typer.Argument(..., help="Files, folders, JSONL/CSV files, or - for stdin."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) for documents without one."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl, acled-csv, gtd-csv, geojson or parquet."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Output file (default stdout); with --engine dask, a folder for the Parquet parts."),
    explain: bool = typer.Option(False, "--explain", help="Print each field beside its sentence (to stderr)."),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", help="Worker processes (default: the cores available)."),
    n_process: Optional[int] = typer.Option(None, "--n-process", hidden=True, help="Old name of --workers."),
    engine: str = typer.Option("local", "--engine", help="local (this machine) or dask (a dask.distributed cluster)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="With --engine dask: the scheduler's address (default: a local cluster)."),
    no_prefilter: bool = typer.Option(False, "--no-prefilter", help="Parse every document, also those with no conflict vocabulary."),
) -> None:
    """Extract events from documents."""
    from rich.console import Console

    from ..engine import default_workers
    from ..errors import InputError
    from ..ingest import read_inputs

    console = Console(stderr=True)
    items = read_inputs(inputs, published=published)  # checks paths and the date before the model loads
    workers = workers or n_process or default_workers()
    if engine == "dask":
        return _extract_dask(items, inputs, output, scheduler, workers, not no_prefilter, console)
    if engine != "local":
        raise InputError(f"--engine must be local or dask, not {engine!r}")
    if scheduler:
        raise InputError("--scheduler needs --engine dask")
    _extract_local(items, inputs, fmt, output, explain, workers, not no_prefilter, console)


def _extract_local(items, inputs, fmt, output, explain, workers, prefilter, console) -> None:
    from ..export import write_events
    from ..pipeline import Pipeline, RunStats
    from ..prefilter import default_prefilter
    from .progress import documents_of, run_progress

    stats = RunStats()
    pipeline = Pipeline.default()
    with run_progress(console, "extracting", stats, inputs):
        results = pipeline.pipe(documents_of(items, stats), workers=workers, stats=stats, findings=explain,
                                prefilter=default_prefilter() if prefilter else None)

        def events():
            for result in results:
                if explain:
                    _explain(result, console)
                yield from result.events

        n = write_events(events(), fmt, output)
    console.print(f"{stats.summary()}; {n} events written", style="dim")


def _extract_dask(items, inputs, output, scheduler, workers, prefilter, console) -> None:
    from ..engine import run_dask
    from ..errors import InputError
    from .progress import documents_of, run_progress
    from ..pipeline import RunStats

    if not output:
        raise InputError("--engine dask writes Parquet parts: give a folder with -o/--output")
    stats = RunStats()
    with run_progress(console, "extracting on dask", stats, inputs):
        report = run_dask(documents_of(items, stats), output, scheduler=scheduler, workers=workers,
                          prefilter=prefilter, stats=stats)
    console.print(f"{stats.summary()}; {report.summary()}", style="dim")


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
