"""``eventwire gazetteer``: import GeoNames, look names up, show what is installed."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

gazetteer_app = typer.Typer(help="The offline gazetteer: import GeoNames, look up places.",
                            no_args_is_help=True)


@gazetteer_app.command("import")
def import_(
    file: Path = typer.Argument(..., help="A GeoNames dump (allCountries.txt or a country file, unzipped)."),
    db: Optional[Path] = typer.Option(None, "--db", help="Index to build (default: the user data folder "
                                      "or $EVENTWIRE_GEONAMES_DB)."),
) -> None:
    """Build (or extend) the local GeoNames index that lookups then use."""
    from ..gazetteer import default_db_path, import_geonames

    target = db or default_db_path()
    typer.echo(f"importing {file} into {target} ...", err=True)
    report = import_geonames(file, target,
                             progress=lambda n: typer.echo(f"  {n:,} lines", err=True) if n % 500_000 < 5000 else None)
    typer.echo(f"{report.kept:,} places ({report.names:,} names) from {report.rows:,} lines"
               f"{f', {report.skipped} bad lines skipped' if report.skipped else ''} -> {target}")


@gazetteer_app.command("lookup")
def lookup(
    name: str = typer.Argument(..., help="A place name."),
    limit: int = typer.Option(10, "--limit", min=1),
    db: Optional[Path] = typer.Option(None, "--db", help="An imported GeoNames index to use as well."),
) -> None:
    """Every entry known by NAME (JSON lines), most populous first; near spellings if none (exit 5 if nothing)."""
    from ..gazetteer import load_gazetteer
    from ..records import to_dict

    gaz = load_gazetteer(geonames_db=db)
    found = sorted(gaz.lookup(name), key=lambda e: -e.population)
    if not found:
        found = [e for e, _ in gaz.fuzzy(name, limit=limit)]
    for e in found[:limit]:
        typer.echo(json.dumps(to_dict(e), ensure_ascii=False))
    if not found:
        from ..errors import GazetteerError

        raise GazetteerError(f"no place named {name!r} (import GeoNames for villages: "
                             "eventwire gazetteer import FILE)")


@gazetteer_app.command("info")
def info() -> None:
    """Sizes of the embedded gazetteer and where the optional GeoNames index lives."""
    from ..gazetteer import default_db_path, load_gazetteer

    gaz = load_gazetteer()
    out = dict(gaz.size)
    out["geonames_index"] = str(default_db_path())
    out["geonames_index_present"] = default_db_path().is_file()
    typer.echo(json.dumps(out, indent=2))


def register(app: typer.Typer) -> None:
    """Add the ``gazetteer`` sub-app to ``app``."""
    app.add_typer(gazetteer_app, name="gazetteer")
