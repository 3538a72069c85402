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
    for m in result.findings.rejected:
        console.print(f"[yellow]not an event[/yellow] ({m.modality}: {m.modality_cue!r}, trigger {m.trigger.text!r}): {m.sentence}")


def extract(
    inputs: List[str] = typer.Argument(..., help="Files, folders, JSONL/CSV files, or - for stdin."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) for documents without one."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl, acled-csv, gtd-csv, geojson or parquet."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Output file (default stdout)."),
    explain: bool = typer.Option(False, "--explain", help="Print each field beside its sentence (to stderr)."),
    n_process: int = typer.Option(1, "--n-process", help="spaCy worker processes."),
) -> None:
    """Extract events from documents."""
    from rich.console import Console

    from ..export import write_events
    from ..ingest import Skip, read_inputs
    from ..pipeline import Pipeline

    console = Console(stderr=True)
    skipped: list = []

    items = read_inputs(inputs, published=published)  # checks paths and the date before the model loads

    def documents():
        for item in items:
            if isinstance(item, Skip):
                log.warning("skipped %s: %s", item.source, item.reason)
                skipped.append(item)
            else:
                yield item

    pipeline = Pipeline.default()

    def events():
        for result in pipeline.pipe(documents(), n_process=n_process):
            if explain:
                _explain(result, console)
            for ev in result.events:
                yield ev

    n = write_events(events(), fmt, output)
    console.print(f"{n} events; {len(skipped)} documents skipped", style="dim")


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
