"""web: ``eventwire serve``, a REST API and the analyst's page (map, timeline, table, review).

``create_app(store)`` gives the ASGI app; ``serve(...)`` runs it with uvicorn.
Needs the ``web`` extra (FastAPI, uvicorn).
"""
from __future__ import annotations

from ._app import create_app
from ._security import TOKEN_ENV, check_bind, is_loopback, token_from_env

__all__ = ["TOKEN_ENV", "check_bind", "create_app", "is_loopback", "serve", "token_from_env"]


def serve(store, *, host: str = "127.0.0.1", port: int = 8000, writes: bool = True,
          cors_origins=(), max_body: int | None = None, log_level: str = "warning") -> None:
    """Serve ``store`` until interrupted (one process: API and page)."""
    token = token_from_env()
    check_bind(host, writes=writes, token=token)
    app = create_app(store, token=token, writes=writes, cors_origins=cors_origins,
                     **({"max_body": max_body} if max_body else {}))
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False)
