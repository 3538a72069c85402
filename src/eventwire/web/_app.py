"""The application: the API under /api, the page at /, its files under /static, OpenAPI at /docs."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence

from ..errors import MissingExtraError
from ._security import DEFAULT_MAX_BODY, Guard, token_from_env

STATIC = Path(__file__).with_name("static")


def _require_fastapi():
    try:
        import fastapi  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as exc:
        raise MissingExtraError(exc.name or "fastapi", "web", "eventwire serve") from exc


def _default_pipeline():
    from ..pipeline import Pipeline

    return Pipeline.default()


def create_app(store, *, token: str | None = None, writes: bool = True, cors_origins: Sequence[str] = (),
               max_body: int = DEFAULT_MAX_BODY, pipeline_factory: Callable | None = None):
    """An ASGI app over ``store``. ``token`` defaults to ``EVENTWIRE_TOKEN``; CORS is off
    unless ``cors_origins`` names the origins allowed."""
    _require_fastapi()
    from fastapi import FastAPI
    from fastapi.responses import FileResponse
    from fastapi.staticfiles import StaticFiles

    from .. import __version__
    from ._api import router

    token = token if token is not None else token_from_env()
    app = FastAPI(title="eventwire", version=__version__, docs_url=None, redoc_url=None,
                  description="Coded events of political violence and protest, with the words each value came from.")
    app.include_router(router(store, token=token, writes=writes,
                              pipeline_factory=pipeline_factory or _default_pipeline))
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def page():
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs():  # Swagger UI from the vendored files: no CDN, no inline script
        return FileResponse(STATIC / "docs.html", media_type="text/html")

    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins),
                           allow_methods=["GET", "POST", "PATCH"],
                           allow_headers=["authorization", "content-type", "x-eventwire-token"])
    return Guard(app, max_body=max_body)
