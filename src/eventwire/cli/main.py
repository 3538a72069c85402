"""``eventwire``: each sub-command lives in its own module and registers here.

Named exceptions map to exit codes (``EventwireError.exit_code``); anything
else is a bug and shows its traceback.
"""
from __future__ import annotations

import logging
import sys

import typer

from ..errors import EventwireError, StoreError, redact
from . import eval_cmd, extract_cmd, geo_cmd, incidents_cmd, serve_cmd, store_cmd

app = typer.Typer(
    name="eventwire",
    help="Structured, evidenced records of political violence and protest from news text.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)



@app.callback()
def _root(verbose: bool = typer.Option(False, "--verbose", "-v", help="Log progress and skips.")) -> None:
    """eventwire: news text in, evidenced event records out."""
    if verbose:
        logging.getLogger("eventwire").setLevel(logging.INFO)


for module in (extract_cmd, eval_cmd, store_cmd, serve_cmd, geo_cmd, incidents_cmd):
    module.register(app)


class _RedactingFormatter(logging.Formatter):
    """Log lines with database passwords masked, whatever logged them."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def _configure_logging() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    for handler in logging.getLogger().handlers:
        handler.setFormatter(_RedactingFormatter(handler.formatter._fmt if handler.formatter else None))


def _database_error(exc: Exception) -> StoreError:
    """A database failure that escaped the store (a corrupt file, a lost server) as a StoreError."""
    detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
    return StoreError(f"database error: {detail}. If the file is corrupt, restore it from a backup "
                      "or ingest again into a new database")


def _is_database_error(exc: Exception) -> bool:
    """A SQLAlchemy error, told without importing SQLAlchemy (a fifth of a second at every
    start): a command that never imported it cannot have raised one."""
    module = sys.modules.get("sqlalchemy.exc")
    return module is not None and isinstance(exc, module.SQLAlchemyError)


def _usage_errors(click) -> tuple[type, ...]:
    """Click's usage errors, and those of the copy of click that newer Typer releases carry
    inside themselves (``typer._click``), whose classes are not click's."""
    vendored = sys.modules.get("typer._click.exceptions")
    return (click.ClickException,) + ((vendored.ClickException,) if vendored else ())


def main(argv: list[str] | None = None) -> int:
    _configure_logging()
    try:
        # without standalone mode, click returns a typer.Exit's code instead of raising it
        rc = app(args=argv, standalone_mode=False)
        if isinstance(rc, int):
            return rc
    except EventwireError as exc:
        typer.echo(f"error: {redact(str(exc))}", err=True)
        return exc.exit_code
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        return 130
    except Exception as exc:  # database failures, click usage errors
        import click

        if _is_database_error(exc):
            error = _database_error(exc)
            typer.echo(f"error: {redact(str(error))}", err=True)
            return error.exit_code
        if isinstance(exc, _usage_errors(click)):
            exc.show()
            return exc.exit_code
        raise
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
