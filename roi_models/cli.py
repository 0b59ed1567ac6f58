"""The ``roi-models`` command line: a thin face over the engine (no formulas here)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from roi_models._version import __version__

app = typer.Typer(
    name="roi-models",
    help="Contact-center business cases: in-house vs outsourced vs hybrid.",
    no_args_is_help=True,
    add_completion=False,
    # plain help and error text: rich's help renderer costs ~0.35 s of imports per invocation
    # (`roi-models --help` must answer in 0.2 s); command output still uses rich tables
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
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


def _finite(value: float | None) -> float | None:
    """Option callback: refuse ``nan`` / ``inf`` (click's FLOAT accepts them)."""
    import math

    if value is not None and not math.isfinite(value):
        raise typer.BadParameter(f"must be a finite number, got {value}")
    return value


def _within(low: float, high: float = float("inf"), *, low_open: bool = False,
            high_open: bool = False):
    """Option callback factory: a finite number inside ``low``..``high`` (ends open or closed)."""
    words = (f"> {low:g}" if low_open else f">= {low:g}") + (
        "" if high == float("inf") else f" and {'<' if high_open else '<='} {high:g}")

    def check(value: float | None) -> float | None:
        if value is None:
            return value
        _finite(value)
        if value < low or (low_open and value == low) or value > high or (
                high_open and value == high):
            hint = f" (a share: write {value / 100:g}, not {value:g})" if high == 1.0 and (
                1.0 < value <= 100.0) else ""
            raise typer.BadParameter(f"must be {words}, got {value:g}{hint}")
        return value
    return check


def _remove_if_new(folder: Path, existed: bool) -> None:
    """After a failure, remove an output folder this run created (no empty or half folder left)."""
    import shutil

    if not existed and folder.is_dir():
        shutil.rmtree(folder, ignore_errors=True)


def _wide_console(table: object, *, wrap: bool = False) -> object:
    """A rich Console at least as wide as ``table`` needs, so no cell is ever cut.

    Without ``wrap`` no cell wraps either; with it cells may wrap at their spaces (the console
    widens only to the table's minimum: its widest unbreakable words).
    """
    from rich.console import Console

    console = Console()
    wide = console.options.update_width(10_000)
    measured = console.measure(table, options=wide)  # type: ignore[arg-type]
    needed = measured.minimum if wrap else measured.maximum
    return Console(width=max(console.width, needed)) if needed > console.width else console


def _output_options(formats: str, allowed: tuple[str, ...], lang: str, trials: int) -> list[str]:
    """``--format`` (comma-separated, each in ``allowed``), ``--lang`` and ``--trials`` checked
    with a one-line reason (exit 2); the formats asked for, in order."""
    from roi_models.report.formats import requested_formats
    from roi_models.report.i18n import LANGS

    wanted, bad = requested_formats(formats.split(","), allowed)
    if bad or not wanted:
        raise _fail(f"--format must be a comma-separated list of {', '.join(allowed)}, "
                    f"got {formats!r}")
    if lang not in LANGS:
        raise _fail(f"--lang must be one of {', '.join(LANGS)}, got {lang!r}")
    if trials < 0:
        raise _fail(f"--trials must be >= 0, got {trials}")
    return wanted


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
        str, typer.Option("--format", help="Comma-separated output formats: html, pdf, md, xlsx, csv "
                                           "(pdf needs the pdf extra)."),
    ] = "html,md,xlsx,csv",
    lang: Annotated[str, typer.Option("--lang", help="Report language: en or ru.")] = "en",
    trials: Annotated[
        int, typer.Option(help="Monte Carlo trials for the risk pages (0 = no risk pages).",
                          min=0, max=1_000_000)
    ] = 2000,
) -> None:
    """Evaluate in-house vs outsourced vs hybrid and write the business-case report."""
    from rich.table import Table
    from rich.text import Text

    from roi_models.business_case import evaluate
    from roi_models.errors import InputError
    from roi_models.report.summary import FORMATS, summary_table, write_case
    from roi_models.scenario import Scenario

    wanted = _output_options(formats, FORMATS, lang, trials)
    existed = out_dir.exists()
    try:
        sc = Scenario.default() if scenario is None else Scenario.from_file(scenario)
        for warning in sc.plausibility_warnings():
            typer.echo(f"warning: {warning}", err=True)
        result = evaluate(sc)
        paths = write_case(result, out_dir, wanted, lang=lang, risk=None if trials else False,
                           trials=trials)
        risk = None
        if trials and any(f != "csv" for f in wanted):
            from roi_models.report.data import alternative, analyse_risk

            risk = analyse_risk(sc, alternative(result), trials=trials)  # computed above: cached
    except InputError as exc:  # ScenarioError lists one problem a line
        _remove_if_new(out_dir, existed)
        raise _fail(str(exc)) from None
    except OSError as exc:
        _remove_if_new(out_dir, existed)
        raise _fail(f"cannot write the business case to {str(out_dir)!r}: {exc}", 1) from None
    import shutil
    import textwrap

    from roi_models.report.content import plausibility_lines, recommendation_text

    headline, reasons = recommendation_text(result, lang, risk=risk, keep_nbsp=True)
    width = shutil.get_terminal_size((100, 24)).columns
    # textwrap breaks at ASCII spaces only: "68,0 %" and "1 234 ₽" (no-break spaces) stay whole
    typer.secho(textwrap.fill(headline, width).replace("\u00a0", " "), bold=True)
    for reason in reasons:
        typer.echo(textwrap.fill(reason, width, initial_indent="  - ", subsequent_indent="    ")
                   .replace("\u00a0", " "))
    header, rows = summary_table(result, lang=lang)
    from roi_models.report.content import scenario_text
    from roi_models.report.i18n import Lang

    name = scenario_text(result, Lang(lang, result.currency), "name")
    title = name if result.currency in name else f"{name} ({result.currency})"
    table = Table(title=Text(title), title_justify="left")
    table.add_column(header[0])
    for h in header[1:]:
        table.add_column(h, justify="right", no_wrap=True)
    for row in rows:
        table.add_row(*(c.replace("\u00a0", " ") for c in row))
    _wide_console(table).print(table, markup=False)  # type: ignore[attr-defined]
    from roi_models.report.content import channel_table

    channels = channel_table(result, Lang(lang, result.currency))  # every channel with contacts
    ctable = Table(title=Text(channels.title), title_justify="left")
    for k, h in enumerate(channels.header):
        ctable.add_column(h, justify="right" if k else "left", no_wrap=True)
    for crow in channels.rows:
        ctable.add_row(*(str(c).replace("\u00a0", " ") for c in crow))
    _wide_console(ctable).print(ctable, markup=False)  # type: ignore[attr-defined]
    for line in plausibility_lines(sc, lang):  # accepted, but outside the plausible range
        typer.echo(line.replace("\u00a0", " "), err=True)
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


# ------------------------------------------------------------------------------------------ staff
# Staffing face: read intervals (one --calls value, a CSV or the built-in profile), call the
# staffing engine once per metric over all intervals, print a table and optionally write CSV.
_PROFILE = "default_intraday_profile.csv"
_LABEL_COLUMNS = ("interval", "start", "label", "time", "period")


def _read_intervals(path: Path | None) -> tuple[list[str], list[float], list[float | None]]:
    """Labels, calls and optional per-interval AHT from a CSV (``#`` lines are comments)."""
    import csv
    import io
    import math
    from importlib import resources

    if path is None:
        text = resources.files("roi_models").joinpath("data", _PROFILE).read_text(encoding="utf-8")
        source = f"built-in profile {_PROFILE}"
    else:
        try:
            data = path.read_bytes()
            if b"\x00" in data:
                raise _fail(f"--intervals {str(path)!r} is not a text file (it holds NUL bytes); "
                            f"give a CSV with a calls column")
            text = data.decode("utf-8-sig")
        except OSError as exc:
            raise _fail(f"cannot read --intervals file {str(path)!r}: {exc}") from None
        except UnicodeDecodeError as exc:
            raise _fail(f"--intervals {str(path)!r} is not UTF-8 text (byte "
                        f"0x{data[exc.start]:02x} at position {exc.start}); save it as UTF-8"
                        ) from None
        source = str(path)
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    try:
        fields = {name.strip().lower(): name for name in reader.fieldnames or []}
    except csv.Error as exc:
        raise _fail(f"{source}: cannot read it as CSV: {exc}") from None
    if "calls" not in fields:
        raise _fail(f"{source}: needs a 'calls' column (and optionally interval, aht), got {list(fields)}")
    label_key = next((fields[k] for k in _LABEL_COLUMNS if k in fields), None)
    labels, calls, ahts = [], [], []
    for number, row in enumerate(reader, start=1):
        labels.append(row[label_key].strip() if label_key else str(number))
        try:
            calls.append(float(row[fields["calls"]]))
            raw_aht = row.get(fields["aht"], "") if "aht" in fields else ""
            ahts.append(float(raw_aht) if raw_aht and raw_aht.strip() else None)
            if not all(math.isfinite(v) for v in (calls[-1], ahts[-1] or 0.0)):
                raise ValueError
        except (TypeError, ValueError):
            raise _fail(f"{source}: row {number} has a non-numeric calls or aht value: "
                        f"{str(dict(row))[:200]}") from None
    if not calls:
        raise _fail(f"{source}: no intervals found")
    return labels, calls, ahts


@app.command()
def staff(
    ctx: typer.Context,
    scenario: Annotated[
        Path | None,
        typer.Argument(help="Scenario file whose own interval profile, AHT, targets, patience and "
                            "occupancy cap are staffed (the business case's own staffing). "
                            "Default: the built-in default scenario.", show_default=False),
    ] = None,
    demo: Annotated[
        bool, typer.Option("--demo", help="Staff the built-in illustrative weekday profile "
                                          "(AHT 180 s, Erlang C) instead of a scenario."),
    ] = False,
    calls: Annotated[
        float | None,
        typer.Option(help="Offered contacts in one interval. Default: the built-in weekday profile.",
                     callback=_within(0.0)),
    ] = None,
    aht: Annotated[float, typer.Option(help="Average handle time, seconds.",
                                       callback=_within(0.0, low_open=True))] = 180.0,
    sl: Annotated[float, typer.Option("--sl", help="Service-level target as a decimal (0.8 = 80%).",
                                      callback=_within(0.0, 1.0, high_open=True))] = 0.8,
    target: Annotated[float, typer.Option(help="Answer-time target, seconds (the 20 in 80/20).",
                                          callback=_within(0.0))] = 20.0,
    interval: Annotated[float, typer.Option(help="Interval length, seconds.",
                                            callback=_within(0.0, low_open=True))] = 1800.0,
    patience: Annotated[
        float | None,
        typer.Option(help="Mean time to abandon, seconds: Erlang A. Default: nobody abandons (Erlang C).",
                     callback=_within(0.0, low_open=True)),
    ] = None,
    shrinkage: Annotated[float, typer.Option(help="Share of paid time off the phones, decimal.",
                                             callback=_within(0.0, 1.0, high_open=True))] = 0.3,
    max_occupancy: Annotated[float, typer.Option(help="Occupancy cap, decimal (1.0 = no cap).",
                                                 callback=_within(0.0, 1.0, low_open=True))] = 1.0,
    max_abandon: Annotated[
        float | None, typer.Option(help="Cap on the abandon rate, decimal (needs --patience).",
                                   callback=_within(0.0, 1.0, low_open=True, high_open=True))
    ] = None,
    intervals: Annotated[
        Path | None,
        typer.Option(help="CSV of intervals: columns interval (label), calls, optional aht."),
    ] = None,
    output: Annotated[Path | None, typer.Option(help="Write the interval table to this CSV.")] = None,
) -> None:
    """Agents, service level, ASA, occupancy, abandonment and FTE per interval (Erlang C / Erlang A)."""
    import csv

    import numpy as np
    from rich.table import Table

    from roi_models import staffing
    from roi_models.errors import InputError

    if calls is not None and intervals is not None:
        raise _fail("give either --calls (one interval) or --intervals FILE.csv, not both")
    if scenario is not None and (demo or calls is not None or intervals is not None):
        raise _fail("give a SCENARIO, or --demo / --calls / --intervals, not both")
    if max_abandon is not None and patience is None and (
            demo or calls is not None or intervals is not None):
        raise _fail("--max-abandon needs --patience (the abandon rate exists only under Erlang A)")
    if calls is not None:
        ahts: list[float | None] = [None]
        labels, volume = ["1"], [calls]
        source = "one interval"
    elif intervals is not None or demo:
        labels, volume, ahts = _read_intervals(intervals)
        source = str(intervals) if intervals else "built-in illustrative weekday profile (--demo)"
    else:  # the scenario's own profile and service inputs, as the business case staffs them
        from roi_models.business_case import interval_staffing
        from roi_models.scenario import Scenario

        try:
            sc = Scenario.default() if scenario is None else Scenario.from_file(scenario)
            week = interval_staffing(sc)
        except InputError as exc:
            raise _fail(str(exc)) from None
        given = {name for name in ("aht", "sl", "target", "patience", "shrinkage",
                                   "max_occupancy")
                 if getattr(ctx.get_parameter_source(name), "name", "") == "COMMANDLINE"}
        scenario_values = {"aht": sc["demand.voice_aht_s"], "sl": sc["service.voice_target_sl"],
                           "target": sc["service.voice_target_time_s"],
                           "patience": sc["demand.patience_s"],
                           "shrinkage": sc["inhouse.shrinkage"],
                           "max_occupancy": sc["service.max_occupancy"]}
        typed = {"aht": aht, "sl": sl, "target": target, "patience": patience,
                 "shrinkage": shrinkage, "max_occupancy": max_occupancy}
        picked = {k: typed[k] if k in given else float(scenario_values[k]) for k in typed}
        aht, sl, target, shrinkage, max_occupancy = (  # never None: typer defaults or the scenario
            float(picked[k] or 0.0) for k in ("aht", "sl", "target", "shrinkage", "max_occupancy"))
        patience = picked["patience"]
        labels = [str(x) for x in week.index]
        volume = week["voice_calls"].tolist()
        ahts = [None for _ in labels]
        source = (f"scenario {sc['scenario.name']!r}, voice, month 0 (per interval occurrence)"
                  + (f"; overridden: {', '.join('--' + g.replace('_', '-') for g in sorted(given))}"
                     if given else ""))
    c = np.array(volume, dtype=float)
    h = np.array([aht if x is None else x for x in ahts], dtype=float)
    try:
        agents = staffing.agents_required(
            c, h, sl, target, interval,
            max_occupancy=max_occupancy, patience=patience, max_abandon=max_abandon,
        )
        level = staffing.service_level(agents, c, h, target, interval, patience=patience)
        wait = staffing.asa(agents, c, h, interval, patience=patience)
        busy = staffing.occupancy(agents, c, h, interval, patience=patience)
        lost = staffing.abandon_rate(agents, c, h, patience, interval)
        fte = staffing.fte_required(agents, shrinkage)
    except InputError as exc:
        raise _fail(str(exc)) from None
    traffic = c * h / interval
    answered = c * (1 - lost)
    total_calls = float(c.sum())
    weighted = {
        "sl": float((c * level).sum() / total_calls) if total_calls else 1.0,
        "asa": float((answered * wait).sum() / answered.sum()) if answered.sum() else 0.0,
        "occ": float((agents * busy).sum() / agents.sum()) if agents.sum() else 0.0,
        "ab": float((c * lost).sum() / total_calls) if total_calls else 0.0,
    }
    model = "Erlang C" if patience is None else f"Erlang A, patience {patience:g} s"
    table = Table(
        title=f"Staffing: {source}; {sl:.0%} in {target:g} s, {model}, interval {interval:g} s",
        title_justify="left",
    )
    columns = ("Interval", "Calls", "Erlangs", "Agents", "SL", "ASA s", "Occup.", "Aband.", "FTE")
    for name in columns:  # numbers never wrap: the table widens instead (see _wide_console)
        table.add_column(name, justify="left" if name == "Interval" else "right",
                         no_wrap=True)
    for k, label in enumerate(labels):
        table.add_row(
            label,
            f"{c[k]:g}" if float(c[k]).is_integer() else f"{c[k]:,.1f}",
            f"{traffic[k]:.2f}",
            str(agents[k]),
            f"{level[k]:.1%}",
            f"{wait[k]:.1f}",
            f"{busy[k]:.1%}",
            f"{lost[k]:.1%}",
            f"{fte[k]:.1f}",
        )
    if len(labels) > 1:
        table.add_section()
        table.add_row(
            "Total",
            f"{total_calls:g}" if total_calls.is_integer() else f"{total_calls:,.1f}",
            f"{traffic.max():.2f}",
            str(agents.max()),
            f"{weighted['sl']:.1%}",
            f"{weighted['asa']:.1f}",
            f"{weighted['occ']:.1%}",
            f"{weighted['ab']:.1%}",
            f"{fte.max():.1f}",
        )
    console = _wide_console(table)
    console.print(table, markup=False)  # type: ignore[attr-defined]
    hours = interval / 3600
    console.print(  # type: ignore[attr-defined]
        f"Agent hours on the phones: {agents.sum() * hours:,.1f}; paid hours after {shrinkage:.0%} "
        f"shrinkage: {fte.sum() * hours:,.1f}."
        + (
            " Totals row: calls summed; SL and abandon weighted by calls, ASA by answered calls,"
            " occupancy by agents; Erlangs, agents and FTE are peaks."
            if len(labels) > 1
            else ""
        ),
        markup=False,
        highlight=False,
    )
    if output is not None:
        try:
            with output.open("w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow(
                    ["interval", "calls", "aht_s", "traffic_erlangs", "agents", "service_level", "asa_s",
                     "occupancy", "abandon_rate", "fte"]
                )
                for k, label in enumerate(labels):
                    values = (c[k], h[k], traffic[k], agents[k], level[k], wait[k], busy[k], lost[k], fte[k])
                    writer.writerow([label, *(v.item() for v in values)])
        except OSError as exc:
            raise _fail(f"cannot write --output {str(output)!r}: {exc}", 1) from None
        typer.echo(f"Wrote {output}")


# ------------------------------------------------------------------------------------------ risk
# Risk face: sensitivity (tornado), break-even and Monte Carlo over the registry's ranges.
def _load(scenario: Path | None):
    from roi_models.errors import InputError
    from roi_models.scenario import Scenario

    try:
        return Scenario.default() if scenario is None else Scenario.from_file(scenario)
    except InputError as exc:
        raise _fail(str(exc)) from None


def _print_frame(df, title: str, money: set[str] | None = None) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(title), title_justify="left")
    table.add_column(str(df.index.name or ""), overflow="fold")
    for col in df.columns:
        table.add_column(str(col), justify="right")
    for idx, row in df.iterrows():
        cells = []
        for col, v in row.items():
            if isinstance(v, float):
                cells.append(f"{v:,.0f}" if money and col in money else f"{v:,.4g}")
            else:
                cells.append(str(v))
        table.add_row(str(idx), *cells)
    console = Console() if sys.stdout.isatty() else Console(width=160)
    console.print(table, markup=False)


def _write_csv(df, output: Path | None) -> None:
    if output is not None:
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            df.to_csv(output)
        except OSError as exc:
            raise _fail(f"cannot write {str(output)!r}: {exc}", 1) from None
        typer.echo(f"Wrote {output}")


@app.command()
def sensitivity(
    scenario: Annotated[Path | None, typer.Argument(help="Scenario file; default: built-in.",
                                                    show_default=False)] = None,
    metric: Annotated[str, typer.Option(help="incremental_npv, npv or total_cost.")]
    = "incremental_npv",
    option: Annotated[str, typer.Option(help="outsourced, hybrid or inhouse.")] = "outsourced",
    top: Annotated[int, typer.Option(help="Rows to print (all are written to CSV).", min=1)] = 15,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write the table as CSV.")]
    = None,
) -> None:
    """Tornado: swing every input between its low and high; biggest impact first."""
    from roi_models.errors import InputError
    from roi_models.risk import tornado

    sc = _load(scenario)
    try:
        t = tornado(sc, metric=metric, option=option)
    except InputError as exc:
        raise _fail(str(exc)) from None
    money = {"metric_low", "metric_high", "base", "swing"}
    t["unit"] = t["unit"].str.replace("money", str(sc["finance.currency"]))
    _print_frame(t.head(top)[["unit", "value", "low", "high", "metric_low", "metric_high",
                              "swing"]], f"Tornado: {metric} ({option}), base "
                 f"{t['base'].iloc[0]:,.0f} {sc['finance.currency']}", money)
    _write_csv(t, output)


@app.command()
def breakeven(
    parameter: Annotated[str, typer.Argument(help="Dotted path of a numeric input.")],
    scenario: Annotated[Path | None, typer.Argument(help="Scenario file; default: built-in.",
                                                    show_default=False)] = None,
    metric: Annotated[str, typer.Option(help="npv or total_cost.")] = "npv",
    options: Annotated[str, typer.Option(help="Two options, comma-separated.")]
    = "inhouse,outsourced",
    low: Annotated[float | None, typer.Option(help="Search from (default: plausible low).",
                                              callback=_finite)]
    = None,
    high: Annotated[float | None, typer.Option(help="Search to (default: plausible high).",
                                               callback=_finite)]
    = None,
) -> None:
    """The value of PARAMETER at which two options tie."""
    from roi_models.errors import InputError
    from roi_models.risk import break_even

    sc = _load(scenario)
    pair = tuple(o.strip() for o in options.split(","))
    if len(pair) != 2:
        raise _fail(f"--options must name two options separated by a comma, got {options!r}")
    try:
        be = break_even(sc, parameter, metric=metric, options=pair, low=low, high=high)
    except InputError as exc:
        raise _fail(str(exc)) from None
    typer.echo(be.message)


@app.command()
def montecarlo(
    scenario: Annotated[Path | None, typer.Argument(help="Scenario file; default: built-in.",
                                                    show_default=False)] = None,
    trials: Annotated[int, typer.Option(help="Number of trials.", min=1, max=1_000_000)] = 10_000,
    seed: Annotated[int, typer.Option(help="Random seed (same seed, same result).", min=0,
                                      max=2**63 - 1)] = 0,
    output: Annotated[Path | None, typer.Option("-o", "--output",
                                                help="Write every trial's NPVs as CSV.")] = None,
) -> None:
    """Monte Carlo over every uncertain input: NPV distributions and P(outsourcing better)."""
    from rich.progress import Progress

    from roi_models.errors import InputError
    from roi_models.risk import monte_carlo

    sc = _load(scenario)
    try:
        with Progress(transient=True) as bar:
            task = bar.add_task("Monte Carlo", total=max(trials, 1))
            result = monte_carlo(sc, trials=trials, seed=seed,
                                 progress=lambda done, total: bar.update(task, completed=done))
    except InputError as exc:
        raise _fail(str(exc)) from None
    cur = sc["finance.currency"]
    _print_frame(result.summary, f"Monte Carlo, {trials:,} trials, seed {seed} ({cur})",
                 {"mean", "p10", "p50", "p90", "std"})
    typer.echo(f"P(outsourcing better than in-house) = {result.p_outsourcing_better:.1%}; "
               f"P(hybrid better) = {result.p_hybrid_better:.1%}")
    _print_frame(result.drivers.head(10), "Drivers of the outsourced incremental NPV's variance")
    if output is not None:
        frame = result.npv.add_prefix("npv_").join(
            result.incremental_npv.add_prefix("incremental_npv_")).join(result.samples)
        frame.index.name = "trial"
        _write_csv(frame, output)


# ------------------------------------------------------------------------------------- bids
@app.command()
def bids(
    bids_file: Annotated[str, typer.Argument(
        metavar="BIDS", help="Bids file (.yaml, .csv or .xlsx), or `init` to write a template.")],
    scenario: Annotated[Path | None, typer.Argument(
        help="Scenario file (default: built-in); after `init`: the file to write.",
        show_default=False)] = None,
    out_dir: Annotated[Path, typer.Option("-o", "--out", help="Directory to write into.")]
    = Path("roi-models-bids"),
    formats: Annotated[str, typer.Option("--format", help="Comma-separated: html, pdf, md, xlsx, "
                                                          "csv.")] = "html,md,xlsx,csv",
    lang: Annotated[str, typer.Option("--lang", help="Report language: en or ru.")] = "en",
    trials: Annotated[int, typer.Option(help="Monte Carlo trials across bids (0 = none).")]
    = 2000,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
    weights: Annotated[str | None, typer.Option(
        help="Scorecard weights, e.g. price=0.5,quality=0.2 (default: the file's or the "
             "documented defaults).")] = None,
    preset: Annotated[str, typer.Option(help="For `init`: default (USD) or ru (RUB).")]
    = "default",
    force: Annotated[bool, typer.Option("--force", help="For `init`: overwrite.")] = False,
) -> None:
    """Compare vendor bids with in-house: ranking by NPV and by score, scorecard, risk.

    `roi-models bids init bids.xlsx` writes a template (.yaml, .csv or .xlsx) with three
    example bids; `roi-models bids bids.xlsx [SCENARIO] -o DIR` writes the comparison report.
    """
    from roi_models import bids as bids_mod
    from roi_models.errors import InputError
    from roi_models.report.bids import BIDS_FORMATS, build_bids_report, write_bids_report

    if bids_file == "init":
        if scenario is None:
            raise _fail("bids init needs the file to write, e.g. `roi-models bids init bids.xlsx`")
        if scenario.exists() and not force:
            raise _fail(f"{scenario} already exists; use --force to overwrite it")
        try:
            written = bids_mod.write_template(scenario, preset)
        except InputError as exc:
            raise _fail(str(exc)) from None
        except OSError as exc:
            raise _fail(f"cannot write {str(scenario)!r}: {exc}", 1) from None
        typer.echo(f"Wrote {written}")
        return
    wanted = _output_options(formats, BIDS_FORMATS, lang, trials)
    sc = _load(scenario)
    try:
        w = None
        if weights:
            w = bids_mod.check_weights(dict(
                (k.strip(), v.strip()) for k, _, v in (p.partition("=") for p in weights.split(","))))
        cmp = bids_mod.compare(sc, Path(bids_file), weights=w)
        report = build_bids_report(cmp, lang, trials=trials, seed=seed)
        paths = write_bids_report(cmp, out_dir, wanted, lang=lang, report=report)
    except InputError as exc:
        raise _fail(str(exc)) from None
    except OSError as exc:
        raise _fail(f"cannot write the bids report to {str(out_dir)!r}: {exc}", 1) from None
    rk = cmp.ranking
    typer.echo(report.sections[0].paragraphs[0])  # why the rankings differ, in --lang
    frame = rk.copy()
    if report.risk is not None:
        frame["p_best"] = report.risk.p_best.reindex(frame.index)
    _print_frame(frame, f"Bids ranked ({cmp.currency})", {"npv"})
    typer.echo("Wrote:")
    for p in paths:
        typer.echo(f"  {p}")


# ------------------------------------------------------------------------------------- dashboard
def _explore_notebook() -> Path:
    """The explorer notebook: the repository's ``notebooks/explore.ipynb``, or (installed from a
    wheel, without the notebooks folder) a two-cell copy written to a temporary folder."""
    here = Path(__file__).resolve().parent.parent / "notebooks" / "explore.ipynb"
    if here.is_file():
        return here
    import json
    import tempfile

    nb = {"cells": [{"cell_type": "code", "execution_count": None, "id": "dashboard",
                     "metadata": {}, "outputs": [],
                     "source": ["from roi_models.widgets import Dashboard\n", "\n", "Dashboard()"]}],
          "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
                                      "name": "python3"}},
          "nbformat": 4, "nbformat_minor": 5}
    path = Path(tempfile.mkdtemp(prefix="roi-models-dashboard-")) / "explore.ipynb"
    path.write_text(json.dumps(nb, indent=1), encoding="utf-8")
    return path


@app.command()
def dashboard(
    port: Annotated[int, typer.Option(help="Port to serve on.", min=1, max=65535)] = 8866,
    host: Annotated[str, typer.Option(
        help="Address to listen on. Default loopback only; another address exposes the "
             "dashboard (and a Python kernel) to the network.")] = "127.0.0.1",
    lang: Annotated[str, typer.Option(help="Language of the dashboard: en or ru.")] = "en",
) -> None:
    """Serve the explorer dashboard (notebooks/explore.ipynb) with Voila and print its URL."""
    import importlib.util
    import os
    import subprocess
    import sys

    if importlib.util.find_spec("voila") is None or importlib.util.find_spec("ipywidgets") is None:
        raise _fail("the dashboard needs the notebook extra: pip install 'roi-models[notebook]'")
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"Warning: serving on {host}, not loopback: anyone who can reach this address "
                   "can use the dashboard and its Python kernel.", err=True)
    if lang not in ("en", "ru"):
        raise _fail(f"--lang must be en or ru, got {lang!r}")
    notebook = _explore_notebook()
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"Serving the dashboard at http://{shown}:{port}/ (Ctrl+C to stop)", err=False)
    cmd = [sys.executable, "-m", "voila", str(notebook), f"--port={port}", f"--Voila.ip={host}",
           "--no-browser", "--Voila.port_retries=0",
           "--VoilaConfiguration.progressive_rendering=True"]  # the spinner shows at once
    env = {**os.environ, "ROI_MODELS_LANG": lang}  # read by Dashboard() in the kernel
    try:
        raise typer.Exit(subprocess.call(cmd, cwd=str(Path.cwd()), env=env))
    except KeyboardInterrupt:
        raise typer.Exit(0) from None


@app.command()
def workbook(
    out: Annotated[
        Path, typer.Option("-o", "--out", help="Workbook to write (.xlsx)."),
    ] = Path("workbooks/contact_center_business_case.xlsx"),
    scenario: Annotated[
        Path | None,
        typer.Option("--scenario", help="Scenario file for the Inputs sheet (default: built-in)."),
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="Language of the labels: en or ru.")] = "en",
) -> None:
    """Build the business-case Excel workbook (CC_ functions, native cost lines, checks)."""
    from roi_models.errors import InputError
    from roi_models.scenario import Scenario

    try:
        from roi_models.excel.workbook import build
    except ImportError as exc:  # pragma: no cover - openpyxl is a core dependency
        raise _fail(f"cannot build the workbook: {exc}") from None
    try:
        sc = Scenario.default() if scenario is None else Scenario.from_file(scenario)
        built = build(out, sc, progress=lambda msg: typer.echo(f"  {msg}...", err=True),
                      lang=lang)
    except ModuleNotFoundError as exc:
        raise _fail(f"building the workbook needs the formulas package ({exc.name}): "
                    'pip install "dist/roi_models-<version>-py3-none-any.whl[excel]" '
                    "(the wheel built from the repository; README, Excel)") from None
    except InputError as exc:
        raise _fail(str(exc)) from None
    except OSError as exc:
        raise _fail(f"cannot write {str(out)!r}: {exc}", 1) from None
    typer.echo(f"Wrote {built.path}")


# ------------------------------------------------------------------------------- history
@app.command()
def history(
    file: Annotated[Path, typer.Argument(help="Volume history: CSV or Excel export (monthly, daily or "
                                              "interval rows per channel).")],
    months: Annotated[int, typer.Option("--months", help="Forecast horizon, 6-24 months.", min=6,
                                        max=24)] = 12,
    out_dir: Annotated[Path, typer.Option("-o", "--out", help="Directory for scenario.yaml, "
                                                               "history.png and forecast.csv.")]
    = Path("roi-models-history"),
    intervals: Annotated[Path | None, typer.Option(
        "--intervals", help="An interval-level export for the arrival profile (when FILE is daily "
                            "or monthly).")] = None,
    base: Annotated[Path | None, typer.Option(
        "--base", help="Scenario file to apply the history to (default: the built-in default).")]
    = None,
    dayfirst: Annotated[bool, typer.Option(
        "--dayfirst", help="Read 01.02.2024-style dates day-first (only needed when no day in the "
                           "file is above 12).")] = False,
    monthfirst: Annotated[bool, typer.Option(
        "--monthfirst", help="Read 01.02.2024-style dates month-first.")] = False,
    decimal: Annotated[str | None, typer.Option(
        "--decimal", help="Decimal mark, when the file does not show it: comma or point.")]
    = None,
    columns: Annotated[str | None, typer.Option(
        "--columns", help="Map file columns to names: 'Входящие=voice_offered,День=date'.")] = None,
    encoding: Annotated[str | None, typer.Option(
        "--encoding", help="Text encoding of a CSV, overriding detection (e.g. cp1251, utf-16).")]
    = None,
) -> None:
    """Derive demand from a switch export and forecast it; write the scenario, a chart and the forecast.

    Then `roi-models case OUT/scenario.yaml` writes the business case.
    """
    from rich.console import Console
    from rich.table import Table

    from roi_models.charts import save_history_chart
    from roi_models.errors import InputError
    from roi_models.history import derive, load_history
    from roi_models.scenario import Scenario

    if dayfirst and monthfirst:
        raise _fail("give --dayfirst or --monthfirst, not both")
    if decimal is not None and decimal not in ("comma", "point"):
        raise _fail(f"--decimal must be comma or point, got {decimal[:40]!r}")
    mapping: dict[str, str] = {}
    for pair in (columns or "").replace(";", ",").split(","):
        if not pair.strip():
            continue
        src, eq, dst = pair.partition("=")
        if not eq or not src.strip() or not dst.strip():
            raise _fail(f"--columns takes FILE_COLUMN=NAME pairs separated by commas, got "
                        f"{pair.strip()[:80]!r}")
        mapping[src.strip()] = dst.strip()
    order = True if dayfirst else False if monthfirst else None
    try:
        sc_base = Scenario.default() if base is None else Scenario.from_file(base)
        h = load_history(file, dayfirst=order, decimal=decimal, columns=mapping or None,
                         encoding=encoding)
        d = derive(h, months, intervals=intervals)
        sc = d.to_scenario(sc_base)
    except InputError as exc:  # HistoryError / ScenarioError list one problem a line
        raise _fail(str(exc)) from None
    console = Console()
    for key, value in d.detected.items():
        console.print(f"Read {file.name}: {key} {value}", markup=False, highlight=False)
    ch_table = Table(title=f"History {file.name} ({d.level}, {len(d.monthly)} complete months)",
                     title_justify="left")
    cols = ["channel", "last 12\nmonths", "year-1\nforecast", "p10–p90", "model", "back-test MAPE",
            "loss\nrate"]
    # a number is never cut at 80 columns: figures do not wrap, a range and the back-test wrap at
    # their spaces, the model's name (ETS(M,A,M)) stays whole
    for c in cols:
        ch_table.add_column(c, justify="left" if c in ("channel", "model") else "right",
                            no_wrap=c not in ("p10–p90", "back-test MAPE"), overflow="fold")
    for ch, r in d.channel_table().iterrows():
        ch_table.add_row(str(ch), f"{r.last_12_months:,.0f}", f"{r.year1_forecast:,.0f}",
                         f"{r.year1_p10:,.0f} – {r.year1_p90:,.0f}", str(r.model),
                         f"{r.backtest_mape_pct:.1f}% ({r.backtest_months} mo)",
                         "n/a" if r.loss_rate != r.loss_rate else f"{r.loss_rate:.1%}")
    _wide_console(ch_table, wrap=True).print(ch_table)  # type: ignore[attr-defined]
    inputs = Table(title="Derived scenario inputs", title_justify="left")
    for c in ("input", "value", "from"):  # a dotted path stays whole; values wrap at spaces
        inputs.add_column(c, no_wrap=c == "input", overflow="fold")
    for _, r in d.inputs_table(sc_base).iterrows():
        v = r.value
        shown = f"{v:,.4g}" if isinstance(v, float) and abs(v) < 10 else (
            f"{v:,.0f}" if isinstance(v, float) else str(v))
        inputs.add_row(str(r.input), shown, str(r["from"]))
    _wide_console(inputs, wrap=True).print(inputs, markup=False)  # type: ignore[attr-defined]
    fc = d.forecast_table()
    f_table = Table(title=f"Forecast, offered contacts a month ({d.forecasts[d.channels[0]].level:.0%}"
                          " interval)", title_justify="left")
    f_table.add_column("month")
    for ch in d.channels:
        f_table.add_column(ch, justify="right")
    for month, r in fc.iterrows():
        f_table.add_row(month.strftime("%Y-%m"), *(
            f"{r[ch]:,.0f}\n({r[f'{ch}_lower']:,.0f} – {r[f'{ch}_upper']:,.0f})" for ch in d.channels))
    _wide_console(f_table, wrap=True).print(f_table)  # type: ignore[attr-defined]
    loss = d.loss_rate.get("all", float("nan"))
    if loss == loss:
        console.print(f"Historical loss rate, all channels: {loss:.1%} (abandoned + unanswered / "
                      f"offered)", markup=False, highlight=False)
    for note in d.notes:
        console.print(f"Note: {note}", markup=False, highlight=False, style="yellow")
    existed = out_dir.exists()
    try:
        paths = [sc.to_file(out_dir / "scenario.yaml"), save_history_chart(d, out_dir / "history.png")]
        fc.round(1).to_csv(out_dir / "forecast.csv")
        paths.append(out_dir / "forecast.csv")
    except OSError as exc:
        _remove_if_new(out_dir, existed)
        raise _fail(f"cannot write to {str(out_dir)!r}: {exc}", 1) from None
    typer.echo("Wrote:")
    for p in paths:
        typer.echo(f"  {p}")
    typer.echo(f"Next: roi-models case {out_dir / 'scenario.yaml'}")


def main() -> None:
    """Console entry point."""
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
