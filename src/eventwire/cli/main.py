"""``eventwire``: each sub-command lives in its own module and registers here.

Named exceptions map to exit codes (``EventwireError.exit_code``); anything
else is a bug and shows its traceback.
"""
from __future__ import annotations

import logging
import sys

import typer

from ..errors import EventwireError
from . import eval_cmd, extract_cmd, geo_cmd, incidents_cmd, store_cmd

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


for module in (extract_cmd, eval_cmd, store_cmd, geo_cmd, incidents_cmd):
    module.register(app)


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        # without standalone mode, click returns a typer.Exit's code instead of raising it
        rc = app(args=argv, standalone_mode=False)
        if isinstance(rc, int):
            return rc
    except EventwireError as exc:
        typer.echo(f"error: {exc}", err=True)
        return exc.exit_code
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        return 130
    except Exception as exc:  # click usage errors
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            return exc.exit_code
        raise
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
