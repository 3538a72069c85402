"""``eventwire eval``: score the pipeline against gold JSONL files."""
from __future__ import annotations

import json
from contextlib import nullcontext
from pathlib import Path
from typing import List, Optional

import typer


def _progress(console):
    """A Rich progress bar on a terminal; nothing when output is piped or logged."""
    if not console.is_terminal:
        return nullcontext(None)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeRemainingColumn(), console=console, transient=True)


def _callback(bar, name: str):
    if bar is None:
        return None
    task = bar.add_task(name, total=None)
    return lambda done, total: bar.update(task, completed=done, total=total)


def _gold_files(paths: List[Path]) -> List[Path]:
    """Files as given; a folder stands for the JSONL files directly in it."""
    out: List[Path] = []
    for path in paths:
        out.extend(sorted(path.glob("*.jsonl")) if path.is_dir() else [path])
    return out


def eval_(
    gold: List[Path] = typer.Option(..., "--gold", help="Gold JSONL file or folder of them (repeat for several)."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Score only the first N rows of each file."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Also write the results as JSON to this file."),
    errors: int = typer.Option(0, "--errors", min=0, help="Print the first N misclassified rows of each file."),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Documents per spaCy batch."),
    half: Optional[str] = typer.Option(None, "--half", help="Score only the 'tune' or the 'check' half of each file (fixed by a hash of the row's id or incident)."),
) -> None:
    """Score event type, actors, counts, date and location against gold data."""
    from rich.console import Console

    from ..eval import evaluate_file, render_errors, render_report

    console = Console()
    reports = []
    with _progress(Console(stderr=True)) as bar:
        for path in _gold_files(gold):
            report = evaluate_file(path, limit=limit, errors=errors, batch_size=batch_size,
                                   progress=_callback(bar, path.name), half=half)
            reports.append(report)
    for report in reports:
        render_report(report, console)
        render_errors(report, console)
    if json_out is not None:
        payload = {"limit": limit, "half": half, "files": [r.to_dict() for r in reports]}
        json_out.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        console.print(f"results written to {json_out}", style="dim")


def register(app: typer.Typer) -> None:
    """Add ``eventwire eval``."""
    app.command("eval")(eval_)
