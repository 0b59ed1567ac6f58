"""The ``roi-models`` command line: a thin face over the engine (no formulas here)."""

from __future__ import annotations

from typing import Annotated

import typer

from roi_models._version import __version__

app = typer.Typer(
    name="roi-models",
    help="Contact-center business cases: in-house vs outsourced vs hybrid.",
    no_args_is_help=True,
    add_completion=False,
)


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"roi-models {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version_callback, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Keep the contact center in-house, outsource it, or split it — and what is it worth?"""


def main() -> None:
    """Console entry point."""
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
