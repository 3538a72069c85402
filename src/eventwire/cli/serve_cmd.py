"""``eventwire serve``: the REST API and the web page over a store, in one process."""
from __future__ import annotations

from typing import List, Optional

import typer

from .store_cmd import DB_HELP


def serve(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (beyond loopback needs EVENTWIRE_TOKEN or --read-only)."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    read_only: bool = typer.Option(False, "--read-only", help="No writes: no POST of articles, no corrections."),
    cors_origin: List[str] = typer.Option(None, "--cors-origin", help="Allow this origin to call the API from a browser (CORS is off by default); repeatable."),
    max_body_mb: float = typer.Option(2.0, "--max-body-mb", help="Largest request body accepted, in MiB."),
    access_log: bool = typer.Option(False, "--access-log", help="Log every request."),
) -> None:
    """Serve the API (OpenAPI at /docs) and the page (map, timeline, table, review) over a store."""
    from rich.console import Console

    from ..store import Store
    from ..web import check_bind, serve as run, token_from_env

    check_bind(host, writes=not read_only, token=token_from_env())  # before the database opens
    with Store(db) as store:
        Console(stderr=True).print(f"serving {store.url} on http://{host}:{port}/ (API docs at /docs)", style="dim")
        run(store, host=host, port=port, writes=not read_only, cors_origins=tuple(cors_origin or ()),
            max_body=int(max_body_mb * 1024 * 1024), log_level="info" if access_log else "warning")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
