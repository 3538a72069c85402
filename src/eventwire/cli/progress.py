"""Progress on long runs: a Rich bar (documents/s, ETA) on a terminal, nothing elsewhere."""
from __future__ import annotations

import contextlib
import logging
from pathlib import Path
from typing import Iterable, Iterator

log = logging.getLogger("eventwire")


def documents_of(items: Iterable, stats) -> Iterator:
    """The Documents of ``items``; ingest's Skips are logged and counted with their reason."""
    from ..records import Document

    for item in items:
        if isinstance(item, Document):
            yield item
        else:
            source, reason = getattr(item, "source", "?"), getattr(item, "reason", "unreadable")
            log.warning("skipped %s: %s", source, reason)
            stats.read += 1
            stats.skip(str(source), str(reason))


def count_documents(paths: Iterable[str]) -> int | None:
    """About how many documents ``paths`` hold (lines of JSON Lines files, files of folders),
    so the bar can show an ETA; None when unknown (stdin, feeds, CSV)."""
    total = 0
    for p in paths:
        path = Path(p)
        if p == "-" or not path.exists():
            return None
        if path.is_dir():
            total += sum(1 for f in path.rglob("*") if f.is_file() and not f.name.startswith("."))
        elif path.suffix.lower() in (".jsonl", ".ndjson"):
            with path.open("rb") as fh:
                total += sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
        elif path.suffix.lower() in (".csv", ".tsv", ".xml", ".rss", ".atom"):
            return None
        else:
            total += 1
    return total


@contextlib.contextmanager
def run_progress(console, label: str, stats, paths: list[str] | None = None):
    """A progress bar fed by ``stats.listener``; disabled when stderr is not a terminal."""
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TaskProgressColumn,
                               TextColumn, TimeElapsedColumn, TimeRemainingColumn)

    total = count_documents(paths) if paths and console.is_terminal else None
    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TaskProgressColumn(), TextColumn("{task.fields[rate]} docs/s"), TimeElapsedColumn(),
                        TimeRemainingColumn(), console=console, transient=True,
                        disable=not console.is_terminal)
    with progress:
        task = progress.add_task(label, total=total, rate="-")

        def listener(outcome: str) -> None:
            progress.advance(task)
            speed = progress.tasks[task].speed
            if speed:
                progress.update(task, rate=f"{speed:,.1f}")

        stats.listener = listener
        try:
            yield progress
        finally:
            stats.listener = None
