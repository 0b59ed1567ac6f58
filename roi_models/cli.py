"""The ``roi-models`` command line: a thin face over the engine (no formulas here)."""

from __future__ import annotations

from pathlib import Path
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


# ------------------------------------------------------------------------------- case, scenario
# Business-case face: load a scenario, call the engine, hand the result to the report writer.
def _fail(message: str, code: int = 2) -> typer.Exit:
    """Print ``message`` to stderr and return the Exit to raise (no traceback)."""
    typer.echo(message, err=True)
    return typer.Exit(code=code)


@app.command()
def case(
    scenario: Annotated[
        Path | None,
        typer.Argument(help="Scenario file (YAML, JSON or TOML). Default: the built-in default scenario.",
                       show_default=False),
    ] = None,
    out_dir: Annotated[
        Path, typer.Option("-o", "--out", help="Directory to write the business case into."),
    ] = Path("roi-models-case"),
    formats: Annotated[
        str, typer.Option("--format", help="Comma-separated output formats: md, csv, xlsx."),
    ] = "md,csv,xlsx",
) -> None:
    """Evaluate in-house vs outsourced vs hybrid and write the business case (Markdown, CSV, XLSX)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from roi_models.business_case import evaluate
    from roi_models.errors import InputError
    from roi_models.report.summary import FORMATS, summary_table, write_case
    from roi_models.scenario import Scenario

    wanted = [f.strip().lower() for f in formats.split(",") if f.strip()]
    bad = [f for f in wanted if f not in FORMATS]
    if bad or not wanted:
        raise _fail(f"--format must be a comma-separated list of {', '.join(FORMATS)}, "
                    f"got {formats!r}")
    try:
        sc = Scenario.default() if scenario is None else Scenario.from_file(scenario)
        result = evaluate(sc)
    except InputError as exc:  # ScenarioError lists one problem a line
        raise _fail(str(exc)) from None
    try:
        paths = write_case(result, out_dir, wanted)
    except OSError as exc:
        raise _fail(f"cannot write the business case to {str(out_dir)!r}: {exc}", 1) from None
    console = Console()
    rec = result.recommendation
    console.print(rec.headline, style="bold", markup=False, highlight=False)
    for reason in rec.reasons:
        console.print(f"  - {reason}", markup=False, highlight=False)
    header, rows = summary_table(result)
    table = Table(title=Text(f"{sc['scenario.name']} ({result.currency})"), title_justify="left")
    table.add_column(header[0])
    for h in header[1:]:
        table.add_column(h, justify="right")
    for row in rows:
        table.add_row(*row)
    console.print(table, markup=False)
    typer.echo("Wrote:")
    for p in paths:
        typer.echo(f"  {p}")


scenario_app = typer.Typer(help="Create and inspect scenario files.", no_args_is_help=True)
app.add_typer(scenario_app, name="scenario")


@scenario_app.command("init")
def scenario_init(
    file: Annotated[Path, typer.Argument(help="File to write: .yaml/.yml (commented), .json or .toml.")],
    preset: Annotated[str, typer.Option(help="Preset to start from (see `scenario presets`).")] = "default",
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a scenario file to edit, with every input's unit, range and source."""
    from roi_models.errors import InputError
    from roi_models.scenario import Scenario

    if preset not in Scenario.presets():
        raise _fail(f"--preset must be one of {', '.join(Scenario.presets())}, got {preset!r}")
    if file.exists() and not force:
        raise _fail(f"{file} already exists; use --force to overwrite it")
    try:
        written = Scenario.preset(preset).to_file(file)
    except InputError as exc:
        raise _fail(str(exc)) from None
    except OSError as exc:
        raise _fail(f"cannot write {str(file)!r}: {exc}", 1) from None
    typer.echo(f"Wrote {written} (preset {preset}); edit it, then run: roi-models case {written}")


@scenario_app.command("presets")
def scenario_presets() -> None:
    """List the built-in scenario presets."""
    from roi_models.scenario import Scenario

    for name in Scenario.presets():
        typer.echo(f"{name}\t{Scenario.preset(name)['scenario.name']}")


def main() -> None:
    """Console entry point."""
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
