"""Showing eval results: one Rich table per gold file, and the rows it got wrong."""
from __future__ import annotations

import importlib
from pathlib import Path

from ._report import FileReport

__all__ = ["render_report", "render_errors"]


def _value(value: float | None) -> str:
    return "not yet" if value is None else f"{value:.3f}"


def _render_geo(report: FileReport, console) -> None:
    geo = report.extra.get("geo", {})
    if geo.get("available") is False:
        console.print(f"[yellow]{Path(report.path).name}: {geo.get('message')}[/yellow]")
        return
    module = importlib.import_module(f"{__package__}.geo")
    renderer = getattr(module, "render_geo", None)
    if callable(renderer):
        renderer(geo, console)
    else:
        _render_metrics(report, console)


def _render_metrics(report: FileReport, console) -> None:
    from rich.table import Table

    table = Table(title=f"{Path(report.path).name}  ({report.format}, {report.rows} rows)")
    table.add_column("metric")
    table.add_column("n", justify="right")
    table.add_column("value", justify="right")
    for name, metric in report.metrics.items():
        table.add_row(name, str(metric.n), _value(metric.value))
    console.print(table)


def render_report(report: FileReport, console) -> None:
    """The table of one file's metrics, then its counts of rows not scored normally."""
    if report.format == "geo":
        _render_geo(report, console)
        return
    _render_metrics(report, console)
    console.print(f"no event: {report.no_event} of {report.rows} rows (scored wrong); "
                  f"pipeline failures: {report.failed}; malformed gold lines: {report.skipped}; "
                  f"{report.seconds:.1f} s",
                  style="dim")


def render_errors(report: FileReport, console) -> None:
    """The first misclassified rows kept by ``evaluate_file(errors=N)``: one
    line of labels, then the text (gold text is printed as is, never as markup)."""
    if not report.errors:
        return
    from rich.text import Text

    console.rule(f"{Path(report.path).name}: first {len(report.errors)} misclassified rows")
    for e in report.errors:
        system = e["system"] + (f" / {e['system_sub_event_type']}" if e.get("system_sub_event_type") else "")
        line = Text.assemble((e["id"], "bold"), f"  {e['field']}  gold: ", (str(e["gold"]), "green"),
                             "  system: ", (system, "red"))
        console.print(line)
        console.print(Text("    " + e["text"], style="dim"))
