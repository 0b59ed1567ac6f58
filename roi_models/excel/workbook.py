"""The business-case workbook, built from the engine: ``roi-models workbook``.

Design (one definition of each formula, in Python; the money auditable in Excel):

- **Inputs** holds one row per registry input (name, path, value, unit, low, high, source); its
  path and value columns are exactly the two-column range every ``CC_`` business-case function
  takes, so editing a blue cell re-drives the engine.
- **Costs** pulls the engine's *drivers* per option (FTE, hires, seats, billable units, volumes by
  month) through ``CC_DRIVERS`` and computes every running cost line natively from them and the
  Inputs (rate x driver x escalation index), one consistent formula per row, no constants; the
  transition one-offs are linked from the engine's table on Checks.
- **Revenue**, **Cash flow** (NPV/IRR/payback, Excel's own NPV and IRR beside the engine's) and
  **Summary** (KPIs, charts, master check) are native formulas over Costs and Revenue.
- **Checks** proves the native totals, every native line's sum, the NPVs, IRRs and paybacks equal
  the engine's; the master check is shown on Summary. Only checks that can fail: a line that is a
  link to the engine is not "checked" against itself.
- **Staffing** is a week of 30-minute intervals of month 0 (calls natively from the profile;
  agents and service level from ``CC_AGENTS`` / ``CC_SERVICE_LEVEL``).
- **Engine** holds every ``CC_`` call of the workbook (drivers, monthly tables, parameters, totals,
  NPV/IRR/payback); **Engine cache** (hidden) holds their values from the build. Every native
  formula reads an engine cell as ``IF(functions live, Engine!X, 'Engine cache'!X)``, where
  "functions live" is ``NOT(ISERROR(CC_VERSION()))``: opened without the add-in (or in
  LibreOffice), a recalculation keeps every native figure, the Summary and the master check as
  numbers over the build's drivers, and only the Engine sheet shows ``#NAME?``. With the add-in, an
  engine error shows as an error (never silently replaced by the cache).
- The workbook's **shape** (horizon in months, number of volume tiers) is fixed at build time:
  those inputs are grey, not blue, with a note to rebuild with ``roi-models workbook --scenario``,
  and a check fails if they are changed anyway.

Spilled results are written as array formulas of the right size (they work in every Excel and in
the ``formulas`` interpreter). openpyxl writes formulas without results, so the builder evaluates
the workbook once with ``formulas`` (the ``CC_`` functions registered from the registry) and writes
every result into the file as the cell's cached value: the workbook reads correctly before the
add-in is loaded. The file is byte-for-byte deterministic for the same scenario.
"""

from __future__ import annotations

import datetime as _dt
import functools
import io
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["DEFAULT_PATH", "SHEETS", "Built", "build", "build_workbook"]

DEFAULT_PATH = Path("workbooks") / "contact_center_business_case.xlsx"
SHEETS = ("About", "Inputs", "Staffing", "Costs", "Revenue", "Cash flow", "Summary", "Bids",
          "Checks", "Engine", "Engine cache", "xlwings.conf")
#: Inputs that fix the workbook's shape (rebuild to change them).
SHAPE_INPUTS = ("finance.horizon_months", "outsourced.tier_thresholds", "outsourced.tier_discounts")
CACHE = "'Engine cache'"
OPTIONS = ("inhouse", "outsourced", "hybrid")
_FIXED_TIME = _dt.datetime(2024, 1, 1)

# FAST / ICAEW colours: inputs blue on a pale fill, formulas black, links to other sheets green.
BLUE, GREEN, BLACK, GREY = "0000FF", "008000", "000000", "808080"
INPUT_FILL = "FFF2CC"
LOCKED_FILL = "EDEDED"
HEAD_FILL = "DDEBF7"
MONEY, MONEY2, PCT, COUNT, NUM2, MONTHS = "#,##0", "#,##0.00", "0.0%", "#,##0", "#,##0.00", "0.0"


def _col(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(i)


@dataclass
class _Ctx:
    scenario: Any
    case: Any
    months: int
    inputs_ref: str = ""
    input_row: dict[str, int] = field(default_factory=dict)
    const: dict[str, str] = field(default_factory=dict)
    checks: list[str] = field(default_factory=list)       # Checks!<cell> of every check
    engine_row: dict[tuple[str, str], int] = field(default_factory=dict)  # Checks rows
    cost_total: dict[str, int] = field(default_factory=dict)
    line_rows: dict[tuple[str, str], int] = field(default_factory=dict)
    revenue_row: dict[str, int] = field(default_factory=dict)
    ncf_row: dict[str, int] = field(default_factory=dict)
    kpi: dict[str, str] = field(default_factory=dict)
    drivers_at: dict[str, tuple[int, list[str]]] = field(default_factory=dict)
    links: set[tuple[str, str]] = field(default_factory=set)   # Costs lines that link the engine
    scalar_row: dict[str, int] = field(default_factory=dict)   # Engine rows of scalar CC_ calls
    engine_at: dict[str, int] = field(default_factory=dict)     # Engine rows of other blocks
    live: str = "Engine!$C$5"

    def inp(self, path: str) -> str:
        return f"Inputs!$C${self.input_row[path]}"

    def eng(self, ref: str) -> str:
        """An Engine cell, or its cached value when the CC_ functions are not loaded."""
        return f"IF({self.live},Engine!{ref},{CACHE}!{ref})"

    def eng_sum(self, ref: str) -> str:
        return f"IF({self.live},SUM(Engine!{ref}),SUM({CACHE}!{ref}))"

    def scalar(self, key: str) -> str:
        return self.eng(f"$C${self.scalar_row[key]}")


FIRST = 3  # first month column (C); A = label, B = unit


def _mc(m: int) -> str:
    return _col(FIRST + m)


def _style(cell: Any, colour: str = BLACK, bold: bool = False, fill: str | None = None,
           fmt: str | None = None) -> None:
    from openpyxl.styles import Font, PatternFill

    cell.font = Font(color=colour, bold=bold)
    if fill:
        cell.fill = PatternFill("solid", start_color=fill, end_color=fill)
    if fmt:
        cell.number_format = fmt


def _title(ws: Any, title: str, note: str) -> None:
    ws["A1"] = title
    _style(ws["A1"], bold=True)
    ws["A2"] = note
    _style(ws["A2"], GREY)


def _row(ws: Any, r: int, label: str, unit: str, template: str, months: int,
         colour: str = BLACK, fmt: str = "#,##0.00") -> int:
    """One calculation row: the same formula in every month column ({c} = the column letter)."""
    ws.cell(r, 1, label)
    ws.cell(r, 2, unit)
    for m in range(months):
        c = _mc(m)
        cell = ws.cell(r, FIRST + m, "=" + template.format(c=c, p=_mc(m - 1) if m else c))
        _style(cell, colour, fmt=fmt)
    return r


def _axis(ws: Any, r: int, months: int, ctx: Any = None) -> None:
    """Row r-1: month start dates; row r: month index (0 = start of transition); r+1: year.

    Month columns are wide enough for a month's money with cents (``1,234,567.89``)."""
    for m in range(months):
        ws.column_dimensions[_mc(m)].width = 13
    if ctx is not None:
        ws.cell(r - 1, 1, "month starting")
        ws.cell(r - 1, 2, "date")
        for m in range(months):
            _style(ws.cell(r - 1, FIRST + m,
                           f"=DATE({ctx.const['calendar_year_of_month_0']},"
                           f"{ctx.inp('demand.start_month')}+{_mc(m)}${r},1)"),
                   bold=True, fill=HEAD_FILL, fmt="mmm yyyy")
    ws.cell(r, 1, "month")
    ws.cell(r, 2, "index")
    for m in range(months):
        _style(ws.cell(r, FIRST + m, m), bold=True, fill=HEAD_FILL, fmt="0")
    ws.cell(r + 1, 1, "contract year (0-based)")
    ws.cell(r + 1, 2, "year")
    per_year = ctx.const["months_per_year"] if ctx is not None else "12"
    for m in range(months):
        _style(ws.cell(r + 1, FIRST + m, f"=INT({_mc(m)}${r}/{per_year})"), fmt="0")


def _print(ws: Any, titles: str | None = None, cols: str | None = "A:B", tall: int = 0,
           wide: int = 1) -> None:
    """Landscape, ``wide`` pages wide (months sheets: 2, 30 months a page, label columns repeated),
    header rows repeated, print area = used range."""
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = wide
    ws.page_setup.fitToHeight = tall  # 0: as many pages as the rows need
    if titles:
        ws.print_title_rows = titles
    if cols:
        ws.print_title_cols = cols
    ws.print_area = ws.dimensions


def _months_done(ws: Any, label_width: int, unit_width: int) -> None:
    """Finish a sheet with months across: label and unit column widths, the labels and header
    rows frozen and repeated on every page, two pages wide."""
    ws.column_dimensions["A"].width = label_width
    ws.column_dimensions["B"].width = unit_width
    ws.freeze_panes = "C6"
    _print(ws, "3:5", wide=2)


def _array(ws: Any, top: int, left: int, rows: int, cols: int, formula: str) -> str:
    from openpyxl.worksheet.formula import ArrayFormula

    ref = f"{_col(left)}{top}:{_col(left + cols - 1)}{top + rows - 1}"
    ws.cell(top, left).value = ArrayFormula(ref, "=" + formula)
    return ref


# ------------------------------------------------------------------------------------ sheets
def _about(wb: Any, ctx: _Ctx) -> None:
    ws = wb.create_sheet("About")
    sc = ctx.scenario
    rows = [
        ("Contact-center business case: in-house vs outsourced vs hybrid", None),
        (f"Scenario: {sc['scenario.name']} ({sc['finance.currency']}), "
         f"{ctx.months} months from the start of the transition.", None),
        ("Generated by `roi-models workbook` from the roi-models engine; do not hand-edit: "
         "change the blue cells on Inputs, or rebuild.", None),
        ("", None),
        ("Sheets", None),
        ("Inputs", "every input once: path, value (blue; grey = shape of the workbook, fixed at "
                   "build), unit, plausible low/high, source; then the named constants"),
        ("Staffing", "a week of 30-minute intervals of month 0: calls natively from the profile, "
                     "agents and service level from the engine"),
        ("Costs", "engine drivers x Inputs rates x escalation: every running cost line as a "
                  "native formula; transition one-offs linked from the engine (green)"),
        ("Revenue", "revenue kept or lost through service: lost sales and retention"),
        ("Cash flow", "net cash flow per option and of switching; NPV, IRR, payback natively and "
                      "Excel's own NPV/IRR beside the engine's"),
        ("Summary", "headline figures (native), the engine's beside them, charts, recommendation "
                    "and the master check"),
        ("Checks", "native figures vs the engine's: every check can fail; master check"),
        ("Engine", "every CC_ function call of the workbook"),
        ("Engine cache (hidden)", "the Engine sheet's values at build time, used when the CC_ "
                                  "functions are not loaded"),
        ("", None),
        ("Colour legend (FAST / ICAEW)", None),
        ("Input", "blue text on a pale yellow fill: the cells to change"),
        ("Shape input", "grey on grey: fixed when the workbook was built (rebuild to change)"),
        ("Formula", "black text"),
        ("Link to another sheet or to the engine", "green text"),
        ("", None),
        ("Conventions", "money in the scenario's currency; costs positive on Costs; cash out "
                        "negative on Cash flow; month 0 = start of transition, undiscounted; "
                        "rates and shares as decimals shown as percentages"),
        ("", None),
        ("Without the add-in (no Python)", "every cell shows the values of the build. After a "
         "recalculation (Excel without the functions, LibreOffice) the Engine sheet shows #NAME?, "
         "and every other sheet stays numbers: native formulas over the build's cached engine "
         "figures (Summary says 'cached'). Money inputs (rates, wages, prices) still flow through "
         "the native cost lines; inputs that change staffing or volumes need the functions, and "
         "the checks against the engine then show FALSE until they are loaded."),
        ("", None),
        ("Get the functions (no package index has roi-models)", "build the wheel from the "
         "repository: python -m build (or install from the repository with a git URL)"),
        ("Windows, classic xlwings add-in", "pip install roi_models-<version>-py3-none-any.whl"
         "[excel]; xlwings addin install; this workbook's xlwings.conf sheet sets UDF Modules = "
         "roi_models.excel.udfs: click Import Functions on the xlwings tab (adds a VBA module: save "
         "as .xlsm), or import into your own add-in to keep this file a macro-free .xlsx"),
        ("xlwings Lite (web / Mac / Windows)", "host the Lite wheel (python -m "
         "roi_models.excel.lite) and put its URL in the requirements.txt tab with xlwings; paste "
         "workbooks/xlwings_lite/main.py into main.py"),
        ("Errors", "a bad argument gives #VALUE! (#NUM!: no finite result; #N/A: no answer); "
                   "=CC_LASTERROR() tells why (in the classic add-in the reason is the cell's text)"),
    ]
    for i, (a, b) in enumerate(rows, start=1):
        ws.cell(i, 1, a)
        if b is not None:
            ws.cell(i, 2, b)
        ws.cell(i, 2).alignment = _wrap()
    _style(ws["A1"], bold=True)
    for i, (a, _b) in enumerate(rows, start=1):
        if a == "Input":
            _style(ws.cell(i, 1), BLUE, fill=INPUT_FILL)
        elif a == "Shape input":
            _style(ws.cell(i, 1), GREY, fill=LOCKED_FILL)
        elif a.startswith("Link to"):
            _style(ws.cell(i, 1), GREEN)
        elif a in ("Sheets", "Colour legend (FAST / ICAEW)"):
            _style(ws.cell(i, 1), bold=True)
    ws.column_dimensions["A"].width = 48
    ws.column_dimensions["B"].width = 110
    _print(ws, cols=None)


def _wrap() -> Any:
    from openpyxl.styles import Alignment

    return Alignment(wrap_text=True, vertical="top")


def _input_format(unit: str, kind: str) -> str:
    if unit.startswith("share"):
        return PCT
    if kind == "int" or unit.startswith(("contacts", "records", "billable units", "month of")):
        return COUNT
    return NUM2


def _inputs(wb: Any, ctx: _Ctx) -> None:
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.datavalidation import DataValidation

    from roi_models.demand import INTERVAL_SECONDS, WEEKS_PER_MONTH
    from roi_models.excel._convert import NEVER
    from roi_models.parameters import registry
    from roi_models.scenario import Scenario

    ws = wb.create_sheet("Inputs")
    _title(ws, "Inputs", "Every input of the scenario once. Change only the blue cells (grey: the "
                         "workbook's shape, fixed at build); columns B:C are the range the CC_ "
                         "functions read.")
    head = ("name", "path", "value", "unit", "low", "high", "source", "description", "note")
    for j, h in enumerate(head, start=1):
        _style(ws.cell(4, j, h), bold=True, fill=HEAD_FILL)
    reg = Scenario.parameters()
    params = registry()
    r = 5
    for path, p in reg.iterrows():
        value = ctx.scenario[path]
        if isinstance(value, tuple):
            value = ", ".join(f"{v:g}" for v in value)
        ws.cell(r, 1, str(p["name"]))
        ws.cell(r, 2, path)
        cell = ws.cell(r, 3, value)
        unit = str(p["unit"] or "")
        fmt = _input_format(unit, str(p["kind"])) if isinstance(value, (int, float)) else None
        if path in SHAPE_INPUTS:
            _style(cell, GREY, fill=LOCKED_FILL, fmt=fmt)
            ws.cell(r, 9, "shape of this workbook: to change it, rebuild with "
                          "`roi-models workbook --scenario my.yaml`")
        else:
            _style(cell, BLUE, fill=INPUT_FILL, fmt=fmt)
        ws.cell(r, 4, unit)
        for j, k in ((5, "low"), (6, "high")):
            v = p[k]
            c = ws.cell(r, j, None if v is None or v != v else float(v))
            if fmt:
                c.number_format = fmt
        ws.cell(r, 7, ctx.scenario.source_of(path))
        ws.cell(r, 8, p["description"])
        choices = params[path].choices
        if choices:
            dv = DataValidation(type="list", formula1='"' + ",".join(choices) + '"',
                                allow_blank=False, showErrorMessage=True,
                                errorTitle=str(p["name"]), error="one of " + ", ".join(choices))
            ws.add_data_validation(dv)
            dv.add(cell)
        name = path.replace(".", "_")
        wb.defined_names[name] = DefinedName(name, attr_text=f"Inputs!$C${r}")
        ctx.input_row[path] = r
        r += 1
    ctx.inputs_ref = f"Inputs!$B$5:$C${r - 1}"
    r += 1
    _style(ws.cell(r, 1, "Constants (not scenario inputs; named, used by the formulas)"), bold=True)
    consts = (("weeks_per_month", WEEKS_PER_MONTH, "weeks/month", "365.25 / 7 / 12", NUM2),
              ("weeks_per_year", 52.0, "weeks/year", "paid weeks a year (the engine's hours per "
                                                     "week = paid hours a year / 52)", COUNT),
              ("months_per_year", 12.0, "months/year", "", COUNT),
              ("seconds_per_hour", 3600.0, "s/h", "", COUNT),
              ("interval_s", INTERVAL_SECONDS, "s", "staffing interval: 30 minutes", COUNT),
              ("weekdays", 5.0, "days/week", "Monday to Friday", COUNT),
              ("weekend_days", 2.0, "days/week", "Saturday and Sunday", COUNT),
              ("calendar_year_of_month_0", 2026.0, "year", "label only: the dates above the "
               "months; change to the year of month 0", "0"),
              ("check_tolerance", 1e-9, "relative", "tolerance of the checks", "0.0E+00"),
              ("irr_guess_monthly", 0.0, "share/month", "starting guess of Excel's IRR (a monthly "
               "rate near 0 converges where the default 10% a month may not)", PCT),
              ("irr_guess_falling", -0.1, "share/month", "second guess of Excel's IRR, tried when "
               "the first does not converge (a series that loses money fast: a negative IRR)", PCT),
              ("irr_tolerance", 1e-6, "share/year", "tolerance of Excel's iterative IRR against "
                                                    "the engine's", "0.0E+00"),
              ("never_label", NEVER, "text", "what a payback shows when cumulative cash never "
               "reaches 0 (as CC_PAYBACK)", None),
              ("built_horizon_months", float(ctx.months), "months", "shape: the horizon this "
               "workbook was built for", COUNT),
              ("built_volume_tiers", float(len(ctx.scenario["outsourced.tier_thresholds"])),
               "tiers", "shape: the number of volume tiers this workbook was built for", COUNT))
    for name, v, unit, note, fmt in consts:
        r += 1
        ws.cell(r, 1, name)
        shape = name.startswith("built_")
        _style(ws.cell(r, 3, v), GREY if shape else BLUE, fill=LOCKED_FILL if shape else INPUT_FILL,
               fmt=fmt)
        if shape:
            ws.cell(r, 9, "shape of this workbook: rebuild with `roi-models workbook --scenario`")
        ws.cell(r, 4, unit)
        ws.cell(r, 7, note)
        ctx.const[name] = f"Inputs!$C${r}"
        wb.defined_names[name] = DefinedName(name, attr_text=f"Inputs!$C${r}")
    for letter, width in zip("ABCDEFGHI", (30, 40, 22, 22, 12, 12, 60, 80, 60), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "C5"
    _print(ws, "4:4", "A:B")


SCALARS = tuple(
    [f"total_{o}" for o in OPTIONS] + [f"npv_total_{o}" for o in OPTIONS]
    + [f"npv_{k}" for k in ("inhouse", "outsourced", "hybrid", "inc_outsourced", "inc_hybrid")]
    + [f"{m}_{k}" for k in ("inc_outsourced", "inc_hybrid")
       for m in ("irr", "payback", "dpayback")])


def _engine(wb: Any, ctx: _Ctx) -> Any:
    """The Engine sheet: every CC_ call. Tables now; staffing and scalar calls are filled later."""
    ws = wb.create_sheet("Engine")
    M = ctx.months
    _title(ws, "Engine", "Every CC_ function call of the workbook (the roi-models engine). Other "
                         "sheets read these cells, or the hidden 'Engine cache' (the values of the "
                         "build) when the functions are not loaded.")
    ws["A4"] = "CC_ functions version"
    ws["C4"] = "=CC_VERSION()"
    ws["A5"] = "CC_ functions live (FALSE: the other sheets use the build's cached values)"
    ws["C5"] = "=NOT(ISERROR(C4))"
    _style(ws["C5"], bold=True)
    opt = {o: f"Engine!$B${7 + i}" for i, o in enumerate(OPTIONS)}
    for i, o in enumerate(OPTIONS):
        ws.cell(7 + i, 1, "option label")
        ws.cell(7 + i, 2, o)
    ctx.kpi["option_cells"] = ",".join(opt.values())
    r = 11
    for o in OPTIONS:
        names = ctx.case.options[o].drivers.columns.tolist()
        _style(ws.cell(r, 1, f"drivers: {o}"), GREEN, bold=True)
        _array(ws, r, 2, len(names) + 1, M + 1, f"CC_DRIVERS({ctx.inputs_ref},{opt[o]},TRUE)")
        ctx.drivers_at[o] = (r + 1, names)
        r += len(names) + 2
    for o in OPTIONS:
        cols = ["month", *ctx.case.options[o].monthly.columns.tolist()]
        _style(ws.cell(r, 1, f"monthly money: {o}"), GREEN, bold=True)
        _array(ws, r, 2, len(cols), M + 1, f"CC_CASHFLOWS({ctx.inputs_ref},{opt[o]},TRUE)")
        for k, name in enumerate(cols[1:], start=1):
            ctx.engine_row[(o, name)] = r + k
        r += len(cols) + 1
    tiers = len(ctx.scenario["outsourced.tier_thresholds"])
    ws.cell(r, 1, "volume tiers: threshold (B), discount (C)")
    if tiers:
        for j, path in ((2, "outsourced.tier_thresholds"), (3, "outsourced.tier_discounts")):
            _array(ws, r, j, tiers, 1,
                   f"CC_PARAM({ctx.inputs_ref},Inputs!$B${ctx.input_row[path]})")
    ctx.engine_at["tiers"] = r
    r += max(tiers, 1) + 1
    ws.cell(r, 1, "arrival profile: weekday (B), weekend (C), 48 half hours")
    for j, path in ((2, "demand.weekday_profile"), (3, "demand.weekend_profile")):
        _array(ws, r, j, 48, 1, f"CC_PARAM({ctx.inputs_ref},Inputs!$B${ctx.input_row[path]})")
    ctx.engine_at["profile"] = r
    r += 49
    ws.cell(r, 1, "week of month 0: agents (B), service level (C), 336 half hours")
    ctx.engine_at["staffing"] = r
    r += 337
    for key in SCALARS:
        ctx.scalar_row[key] = r
        r += 1
    for m in range(M):
        ws.column_dimensions[_mc(m)].width = 13
    ws.column_dimensions["A"].width = 40
    ws.column_dimensions["B"].width = 28
    ws.freeze_panes = "C11"
    return ws


def _drv(ctx: _Ctx, option: str, name: str, col: str = "{c}") -> str:
    top, names = ctx.drivers_at[option]
    return ctx.eng(f"{col}${top + names.index(name)}")


def _costs(wb: Any, ctx: _Ctx) -> None:
    from roi_models.costs import INHOUSE_LINES, TRANSITION_LINES, VATABLE_LINES
    from roi_models.pricing import PRICING_MODELS, SHARED_POOL_MODEL, SHARED_POOL_USAGE_MODELS

    ws = wb.create_sheet("Costs")
    M = ctx.months
    cur = str(ctx.scenario["finance.currency"])
    _title(ws, "Costs", "Running cost lines as native formulas over the engine's drivers and the "
                        f"Inputs; money in {cur} per month, spent = positive. Green: links to the "
                        "engine.")
    _axis(ws, 4, M, ctx)
    per_year = ctx.const["months_per_year"]
    year = "{c}$5"
    i = ctx.inp
    r = 7
    idx = {}
    for key, path in (("wage", "finance.wage_escalation"), ("rent", "finance.rent_escalation"),
                      ("licence", "finance.licence_escalation"), ("cola", "finance.contract_cola")):
        idx[key] = _row(ws, r, f"{key} escalation index", "index",
                        f"(1+{i(path)})^{year}", M, fmt="0.0000")
        r += 1
    # vendor prices: COLA that follows wage escalation or the contract's own, times the exchange
    # rate (scenario currency per unit of the vendor's currency)
    ws.cell(r, 1, "COLA basis that follows wages")
    ws.cell(r, 2, "wage_escalation")
    basis_label = f"$B${r}"
    r += 1
    idx["vendor_price"] = _row(
        ws, r, "vendor price index (COLA x exchange rate)", "index",
        f"IF({i('finance.contract_cola_basis')}={basis_label},{{c}}${idx['wage']},"
        f"{{c}}${idx['cola']})*{i('outsourced.fx_rate')}", M, fmt="0.0000")
    r += 1
    parallel = _row(ws, r, "parallel-run weight (released center still running)", "share",
                    f"MAX(MIN({i('outsourced.parallel_run_months')}-{{c}}$4,1),0)", M, fmt="0.00")
    r += 1
    first = _row(ws, r, "month-0 flag", "flag", "--({c}$4=0)", M, fmt="0")
    r += 2
    # pricing-model lookup: the rate billed per unit for the effective model
    ws.cell(r, 1, "vendor rate by pricing model")
    _style(ws.cell(r, 1), bold=True)
    r += 1
    m0 = r
    for name, model in PRICING_MODELS.items():  # the engine's pricing table, in its order
        ws.cell(r, 1, name)
        _style(ws.cell(r, 2, f"={i(model.rate)}"), GREEN)
        ws.cell(r, 3, "usage" if name in SHARED_POOL_USAGE_MODELS else "")
        r += 1
    m1 = r - 1
    ws.cell(r, 1, "shared delivery bills per")
    ws.cell(r, 2, SHARED_POOL_MODEL)
    shared_model = f"$B${r}"
    r += 1
    ws.cell(r, 1, "shared delivery label")
    ws.cell(r, 2, "shared")
    shared_label = f"$B${r}"
    r += 1
    ws.cell(r, 1, "effective pricing model")
    # a shared pool bills usage: a usage model (column C) as it is, any other per minute
    usage = (f"INDEX($C${m0}:$C${m1},MATCH({i('outsourced.pricing_model')},"
             f"$A${m0}:$A${m1},0))")
    ws.cell(r, 2, f"=IF(AND({i('outsourced.delivery_model')}={shared_label},{usage}<>\"usage\"),"
                  f"{shared_model},{i('outsourced.pricing_model')})")
    model_cell = f"$B${r}"
    r += 1
    ws.cell(r, 1, "vendor rate")
    ws.cell(r, 2, f"=INDEX($B${m0}:$B${m1},MATCH({model_cell},$A${m0}:$A${m1},0))")
    rate = f"$B${r}"
    r += 1
    tiers = len(ctx.scenario["outsourced.tier_thresholds"])
    ws.cell(r, 1, "volume tiers: threshold, discount")
    tier_top = r + 1
    et = ctx.engine_at["tiers"]
    for j in range(tiers):
        _style(ws.cell(tier_top + j, 2, "=" + ctx.eng(f"$B${et + j}")), GREEN, fmt=COUNT)
        _style(ws.cell(tier_top + j, 3, "=" + ctx.eng(f"$C${et + j}")), GREEN, fmt=PCT)
        prev = f"$C${tier_top + j - 1}" if j else "0"
        _style(ws.cell(tier_top + j, 4, f"=$C${tier_top + j}-{prev}"), fmt=PCT)
    r = tier_top + max(tiers, 1) + 1

    for o in OPTIONS:
        _style(ws.cell(r, 1, f"OPTION: {o}"), bold=True, fill=HEAD_FILL)
        r += 1
        hc, hires, seats = (_drv(ctx, o, f"inhouse_{k}") for k in ("headcount_fte", "hires", "seats"))
        rows: dict[str, int] = {}
        has_ih = o != "outsourced"
        has_v = o != "inhouse"
        wage_i = f"{{c}}${idx['wage']}"
        if has_ih:
            paid = i("inhouse.paid_hours_per_fte_year")
            rows["agent_wages"] = _row(ws, r, "agent_wages", f"{cur}/month",
                                       f"{hc}*{paid}/{per_year}*{i('inhouse.agent_hourly_wage')}*{wage_i}", M)
            r += 1
            for line, span, sal in (("team_leads", "team_lead_span", "team_lead_annual_salary"),
                                    ("managers", "manager_span", "manager_annual_salary"),
                                    ("quality_assurance", "qa_span", "qa_annual_salary"),
                                    ("workforce_management", "wfm_span", "wfm_annual_salary")):
                rows[line] = _row(ws, r, line, f"{cur}/month",
                                  f"{hc}/{i('inhouse.' + span)}*{i('inhouse.' + sal)}/{per_year}*{wage_i}", M)
                r += 1
            rows["trainers"] = _row(
                ws, r, "trainers", f"{cur}/month",
                f"{hires}*{i('inhouse.training_weeks')}/{ctx.const['weeks_per_month']}"
                f"/{i('inhouse.trainer_span')}*{i('inhouse.trainer_annual_salary')}/{per_year}*{wage_i}", M)
            r += 1
            rows["training"] = _row(
                ws, r, "training", f"{cur}/month",
                f"{hires}*{i('inhouse.training_weeks')}*{paid}/{ctx.const['weeks_per_year']}"
                f"*{i('inhouse.agent_hourly_wage')}*{wage_i}", M)
            r += 1
            pay = "+".join(f"{{c}}{rows[k]}" for k in ("agent_wages", "team_leads", "managers",
                                                       "quality_assurance", "workforce_management",
                                                       "trainers", "training"))
            rows["payroll_load"] = _row(ws, r, "payroll_load", f"{cur}/month",
                                        f"({pay})*{i('inhouse.payroll_load')}", M)
            r += 1
            rows["hiring"] = _row(ws, r, "hiring", f"{cur}/month",
                                  f"{hires}*{i('inhouse.cost_per_hire')}*{wage_i}", M)
            r += 1
            rows["facilities"] = _row(ws, r, "facilities", f"{cur}/month",
                                      f"{seats}*{i('inhouse.seat_cost_monthly')}*{{c}}${idx['rent']}", M)
            r += 1
            rows["telephony"] = _row(ws, r, "telephony", f"{cur}/month",
                                     f"{seats}*{i('inhouse.telephony_per_seat_monthly')}"
                                     f"*{{c}}${idx['licence']}", M)
            r += 1
            rows["software"] = _row(ws, r, "software", f"{cur}/month",
                                    f"{hc}*{i('inhouse.software_per_fte_monthly')}*{{c}}${idx['licence']}",
                                    M)
            r += 1
            rows["it_hardware"] = _row(ws, r, "it_hardware", f"{cur}/month",
                                       f"{seats}*{i('inhouse.it_capex_per_seat')}"
                                       f"/{i('inhouse.it_depreciation_months')}", M)
            r += 1
            direct = "+".join(f"{{c}}{rows[k]}" for k in rows)
            allocated = f"({direct})*{i('inhouse.overhead_share')}"
            rows["overhead"] = _row(ws, r, "overhead", f"{cur}/month",
                                    f"{allocated}*{i('inhouse.overhead_avoidable_share')}", M)
            r += 1
            if o == "inhouse":  # the fixed rest stays, at today's center's level, in every option
                fixed_row = _row(ws, r, "fixed overhead of today's center (stays)",
                                 f"{cur}/month",
                                 f"{allocated}*(1-{i('inhouse.overhead_avoidable_share')})", M)
                r += 1
            rows["capex"] = _row(ws, r, "capex", f"{cur}/month",
                                 f"{i('inhouse.capex_one_off')}*{{c}}${first}", M)
            r += 1
            assert set(rows) == set(INHOUSE_LINES)
        rows["fixed_overhead"] = _row(ws, r, "fixed_overhead", f"{cur}/month",
                                      f"{{c}}${fixed_row}", M)
        r += 1
        rows["outbound_dialling"] = _row(
            ws, r, "outbound_dialling", f"{cur}/month",
            f"{_drv(ctx, o, 'outbound_attempts')}*{i('outbound.cost_per_attempt')}"
            f"*{{c}}${idx['licence']}", M)
        r += 1
        if has_v:
            units = _drv(ctx, o, "vendor_billable_units")
            top, names = ctx.drivers_at[o]
            ur = top + names.index("vendor_billable_units")
            unit_row = f"$C${ur}:${_mc(M - 1)}${ur}"
            active = r
            ws.cell(r, 1, "vendor active (any billable units)")
            ws.cell(r, 2, "flag")
            ws.cell(r, FIRST, f"=IF({ctx.live},--(SUM(Engine!{unit_row})>0),"
                              f"--(SUM({CACHE}!{unit_row})>0))")
            r += 1
            billed0 = _row(ws, r, "billed units before tiers (minimum commitment)", "units",
                           f"MAX({units},{i('outsourced.minimum_commitment')}*{units}"
                           f"/{i('demand.volume_vs_forecast')})", M)
            r += 1
            tier_rows = []
            for j in range(tiers):
                tier_rows.append(_row(ws, r, f"tier {j + 1} discount units", "units",
                                      f"$D${tier_top + j}*MAX({{c}}{billed0}-$B${tier_top + j},0)", M))
                r += 1
            minus = "".join(f"-{{c}}{t}" for t in tier_rows)
            billed = _row(ws, r, "billed units after tiers", "units", f"{{c}}{billed0}{minus}", M)
            r += 1
            rows["vendor_fees"] = _row(
                ws, r, "vendor_fees", f"{cur}/month",
                f"({{c}}{billed}*{rate}+{i('outsourced.monthly_base_fee')}*$C${active})"
                f"*{{c}}${idx['vendor_price']}", M)
            r += 1
            erow = ctx.engine_row[(o, "vendor_outbound_fees")]
            rows["vendor_outbound_fees"] = _row(ws, r, "vendor_outbound_fees",
                                                f"{cur}/month (engine)", ctx.eng(f"{{c}}${erow}"),
                                                M, colour=GREEN)
            ctx.links.add((o, "vendor_outbound_fees"))
            r += 1
            rows["sla_credits"] = _row(
                ws, r, "sla_credits", f"{cur}/month",
                f"-{{c}}{rows['vendor_fees']}*{i('outsourced.sla_at_risk_share')}"
                f"*MIN({i('outsourced.sla_credit_pool_share')}*{i('outsourced.sla_credit_allocation')}"
                f"*{i('outsourced.sla_misses_per_month')},1)", M)
            r += 1
            rows["governance"] = _row(
                ws, r, "governance", f"{cur}/month",
                f"MAX(({{c}}{rows['vendor_fees']}+{{c}}{rows['vendor_outbound_fees']})"
                f"*{i('outsourced.governance_share')},"
                f"{i('outsourced.governance_min_monthly')}*$C${active})", M)
            r += 1
            rows["retained_licences"] = _row(
                ws, r, "retained_licences", f"{cur}/month",
                f"{_drv(ctx, o, 'vendor_fte')}*{i('outsourced.retained_licence_per_agent_monthly')}"
                f"*{{c}}${idx['licence']}", M)
            r += 1
            for line in TRANSITION_LINES:
                erow = ctx.engine_row[(o, line)]
                rows[line] = _row(ws, r, line, f"{cur}/month (engine)",
                                  ctx.eng(f"{{c}}${erow}"), M, colour=GREEN)
                ctx.links.add((o, line))
                r += 1
        purchases = "+".join(f"{{c}}{rows[k]}" for k in VATABLE_LINES if k in rows)
        if has_v:  # the released center's purchases while it runs in parallel carry VAT too
            ih_rows = {k: v for (oo, k), v in ctx.line_rows.items() if oo == "inhouse"}
            full = "+".join(f"{{c}}{ih_rows[k]}" for k in VATABLE_LINES if k in INHOUSE_LINES)
            kept = "+".join(f"{{c}}{rows[k]}" for k in VATABLE_LINES
                            if k in INHOUSE_LINES and k in rows) or "0"
            purchases += f"+MAX(({full})-({kept}),0)*{{c}}${parallel}"
        rows["unrecoverable_vat"] = _row(
            ws, r, "unrecoverable_vat", f"{cur}/month",
            f"({purchases})*{i('tax.vat_rate')}*(1-{i('tax.vat_recoverable_share')})", M)
        r += 1
        total = "+".join(f"{{c}}{v}" for v in rows.values())
        ctx.cost_total[o] = _row(ws, r, f"total_cost: {o}", f"{cur}/month", total, M)
        _style(ws.cell(r, 1), bold=True)
        for k, v in rows.items():
            ctx.line_rows[(o, k)] = v
        r += 2
    _months_done(ws, 44, 24)


def _revenue(wb: Any, ctx: _Ctx) -> None:
    ws = wb.create_sheet("Revenue")
    M = ctx.months
    cur = str(ctx.scenario["finance.currency"])
    _title(ws, "Revenue", "Revenue kept (+) or lost (-) through service, per option, from the "
                          "engine's lost contacts and churn.")
    _axis(ws, 4, M, ctx)
    i = ctx.inp
    r = 7
    for o in OPTIONS:
        _style(ws.cell(r, 1, f"OPTION: {o}"), bold=True, fill=HEAD_FILL)
        r += 1
        lost = _drv(ctx, o, "lost_contacts")
        sales = _row(ws, r, "lost sales margin", f"{cur}/month",
                     f"{lost}*{i('revenue.sales_conversion')}*{i('revenue.average_order_value')}"
                     f"*{i('revenue.sales_margin')}", M)
        r += 1
        ret = _row(ws, r, "retention loss (engine)", f"{cur}/month",
                   _drv(ctx, o, "retention_loss"), M, colour=GREEN)
        r += 1
        value = _row(ws, r, "outbound campaign value (engine)", f"{cur}/month",
                     _drv(ctx, o, "outbound_value"), M, colour=GREEN)
        r += 1
        ctx.revenue_row[o] = _row(ws, r, f"revenue_effect: {o}", f"{cur}/month",
                                  f"{{c}}{value}-({{c}}{sales}+{{c}}{ret})", M)
        _style(ws.cell(r, 1), bold=True)
        r += 2
    _months_done(ws, 36, 16)


def _cashflow(wb: Any, ctx: _Ctx) -> None:
    ws = wb.create_sheet("Cash flow")
    M = ctx.months
    cur = str(ctx.scenario["finance.currency"])
    per_year = ctx.const["months_per_year"]
    _title(ws, "Cash flow", "Net cash flow = revenue effect - total cost (cash out negative). "
                            "Month 0 undiscounted; month m discounted by (1+r)^(m/12).")
    _axis(ws, 4, M, ctx)
    i = ctx.inp
    rate = i("finance.discount_rate")
    r = 7
    disc = _row(ws, r, "discount factor", "factor", f"1/(1+{rate})^({{c}}$4/{per_year})", M,
                fmt="0.0000")
    r += 1
    ws.cell(r, 1, "monthly discount rate")
    _style(ws.cell(r, 2, f"=(1+{rate})^(1/{per_year})-1"), fmt="0.0000%")
    mrate = f"$B${r}"
    r += 2
    for o in OPTIONS:
        cost = _row(ws, r, f"total cost: {o}", f"{cur}/month",
                    f"Costs!{{c}}${ctx.cost_total[o]}", M, colour=GREEN)
        r += 1
        rev = _row(ws, r, f"revenue effect: {o}", f"{cur}/month",
                   f"Revenue!{{c}}${ctx.revenue_row[o]}", M, colour=GREEN)
        r += 1
        ctx.ncf_row[o] = _row(ws, r, f"net cash flow: {o}", f"{cur}/month",
                              f"{{c}}{rev}-{{c}}{cost}", M)
        _style(ws.cell(r, 1), bold=True)
        r += 2
    never = ctx.const["never_label"]
    for o in ("outsourced", "hybrid"):
        key = "inc_" + o
        row = ctx.ncf_row[key] = _row(ws, r, f"switching to {o} vs in-house", f"{cur}/month",
                                      f"{{c}}{ctx.ncf_row[o]}-{{c}}{ctx.ncf_row['inhouse']}", M)
        _style(ws.cell(r, 1), bold=True)
        r += 1
        # native payback: the first month j with cumulative cash >= 0, linear inside month j
        for kind, flow in (("payback", f"{{c}}{row}"), ("dpayback", f"{{c}}{row}*{{c}}${disc}")):
            label = "discounted " if kind == "dpayback" else ""
            cum = _row(ws, r, f"  {label}cumulative: {o}", cur,
                       f"{flow}+{{p}}{r}", M)
            ws.cell(cum, FIRST, f"={flow.format(c=_mc(0))}")
            r += 1
            reached = _row(ws, r, f"  {label}reached 0 by this month", "flag",
                           f"IF(OR({{p}}{r}=1,{{c}}{cum}>=0),1,0)", M, fmt="0")
            ws.cell(reached, FIRST, f"=IF({_mc(0)}{cum}>=0,1,0)")
            r += 1
            cand = _row(ws, r, f"  {label}payback if first reached in this month", "months",
                        f"IF(AND({{c}}{reached}=1,{{p}}{reached}=0),"
                        f"{{p}}$4+(0-{{p}}{cum})/({{c}}{cum}-{{p}}{cum}),0)", M, fmt=MONTHS)
            ws.cell(cand, FIRST, "=0")
            r += 1
            ws.cell(r, 1, f"  {label}payback months (native): {o}")
            ws.cell(r, 2, "months")
            _style(ws.cell(r, FIRST, f"=IF(SUM($C${reached}:${_mc(M - 1)}${reached})=0,{never},"
                                     f"SUM($C${cand}:${_mc(M - 1)}${cand}))"), bold=True,
                   fmt=MONTHS)
            ctx.kpi[f"{kind}_native_{key}"] = f"'Cash flow'!$C${r}"
            r += 1
        r += 1
    head = ("measure", "unit", "engine (CC_)", "native", "Excel's own")
    for j, h in enumerate(head, start=1):
        _style(ws.cell(r, j, h), bold=True, fill=HEAD_FILL)
    r += 1
    last = _mc(M - 1)
    for key in ("inhouse", "outsourced", "hybrid", "inc_outsourced", "inc_hybrid"):
        row = ctx.ncf_row[key]
        flows = f"$C${row}:${last}${row}"
        ws.cell(r, 1, f"NPV: {key}")
        ws.cell(r, 2, cur)
        _style(ws.cell(r, 3, "=" + ctx.scalar(f"npv_{key}")), GREEN, fmt=MONEY)
        _style(ws.cell(r, 4, f"=SUMPRODUCT({flows},$C${disc}:${last}${disc})"), fmt=MONEY)
        _style(ws.cell(r, 5, f"=$C${row}+NPV({mrate},$D${row}:${last}${row})"), fmt=MONEY)
        ws.cell(r, 6, "Excel NPV: month 0 added undiscounted, NPV() over months 1..")
        ctx.kpi[f"npv_{key}"] = f"'Cash flow'!$D${r}"
        ctx.kpi[f"npv_engine_{key}"] = f"'Cash flow'!$C${r}"
        ctx.kpi[f"npv_excel_{key}"] = f"'Cash flow'!$E${r}"
        ctx.kpi[f"npv_flows_{key}"] = flows
        r += 1
    for key in ("inc_outsourced", "inc_hybrid"):
        row = ctx.ncf_row[key]
        flows = f"$C${row}:${last}${row}"
        ws.cell(r, 1, f"IRR (annualised): {key}")
        ws.cell(r, 2, "share/year")
        _style(ws.cell(r, 3, "=" + ctx.scalar(f"irr_{key}")), GREEN, fmt=PCT)
        _style(ws.cell(r, 5, f"=IFERROR((1+IRR({flows},{ctx.const['irr_guess_monthly']}))^{per_year}-1,"
                             f"(1+IRR({flows},{ctx.const['irr_guess_falling']}))^{per_year}-1)"),
               fmt=PCT)
        ws.cell(r, 6, "Excel IRR is per month: annualised as (1+IRR)^12-1")
        ctx.kpi[f"irr_engine_{key}"] = f"'Cash flow'!$C${r}"
        ctx.kpi[f"irr_excel_{key}"] = f"'Cash flow'!$E${r}"
        r += 1
        for kind, label in (("payback", "payback months"), ("dpayback", "discounted payback months")):
            ws.cell(r, 1, f"{label}: {key}")
            ws.cell(r, 2, "months")
            _style(ws.cell(r, 3, "=" + ctx.scalar(f"{kind}_{key}")), GREEN, fmt=MONTHS)
            _style(ws.cell(r, 4, "=" + ctx.kpi[f"{kind}_native_{key}"].split("!")[1]), fmt=MONTHS)
            ctx.kpi[f"{kind}_engine_{key}"] = f"'Cash flow'!$C${r}"
            ctx.kpi[f"{kind}_{key}"] = f"'Cash flow'!$D${r}"
            r += 1
    for letter in "CDE":
        ws.column_dimensions[letter].width = 16
    _months_done(ws, 44, 14)


def _check_rows(wb: Any, ctx: _Ctx) -> None:
    from roi_models.business_case import MONEY_COLUMNS

    ws = wb.create_sheet("Checks")
    M = ctx.months
    last = _mc(M - 1)
    tol, irr_tol = ctx.const["check_tolerance"], ctx.const["irr_tolerance"]
    _title(ws, "Checks", "Every native figure against the engine's own (CC_ functions, or their "
                         "cached values when not loaded). Every check can fail: lines that are "
                         "links to the engine are not checked against themselves.")
    r = 4
    for j, h in enumerate(("check", "", "native", "engine", "OK"), start=1):
        _style(ws.cell(r, j, h), bold=True, fill=HEAD_FILL)
    r += 1

    def check(label: str, native: str, engine: str, kind: str = "money") -> None:
        nonlocal r
        ws.cell(r, 1, label)
        fmt = {"money": MONEY2, "irr": PCT, "months": MONTHS, "count": COUNT}[kind]
        _style(ws.cell(r, 3, "=" + native), fmt=fmt)
        _style(ws.cell(r, 4, "=" + engine), GREEN, fmt=fmt)
        if kind == "money":
            ok = f"=ABS(C{r}-D{r})<={tol}*MAX(1,ABS(D{r}))"
        elif kind == "irr":  # both undefined (#NUM!) agree; Excel's IRR iterates to ~1e-8
            ok = (f"=IF(AND(ISERROR(C{r}),ISERROR(D{r})),TRUE,"
                  f"IF(OR(ISERROR(C{r}),ISERROR(D{r})),FALSE,ABS(C{r}-D{r})<={irr_tol}))")
        elif kind == "months":  # "never within the horizon" on both sides agrees
            ok = (f"=IF(AND(ISNUMBER(C{r}),ISNUMBER(D{r})),ABS(C{r}-D{r})<={tol}*MAX(1,ABS(D{r})),"
                  f"C{r}=D{r})")
        else:
            ok = f"=C{r}=D{r}"
        ws.cell(r, 5, ok)
        ctx.checks.append(f"$E${r}")
        r += 1

    check("shape: horizon as built", ctx.inp("finance.horizon_months"),
          ctx.const["built_horizon_months"], "count")
    tiers = ctx.inp("outsourced.tier_thresholds")
    check("shape: volume tiers as built",  # values in the comma-separated list
          f'IF(LEN(TRIM({tiers}))=0,0,LEN({tiers})-LEN(SUBSTITUTE({tiers},",",""))+1)',
          ctx.const["built_volume_tiers"], "count")
    for o in OPTIONS:
        tr = ctx.cost_total[o]
        check(f"{o}: total cost = engine", f"SUM(Costs!$C${tr}:${last}${tr})",
              ctx.scalar(f"total_{o}"))
        er = ctx.engine_row[(o, "total_cost")]
        l0 = ctx.engine_row[(o, MONEY_COLUMNS[0])]
        check(f"{o}: engine lines sum to the engine total", ctx.eng_sum(f"$C${l0}:${last}${er - 1}"),
              ctx.eng_sum(f"$C${er}:${last}${er}"))
        for (oo, line), row in ctx.line_rows.items():
            if oo != o or (o, line) in ctx.links:
                continue
            er = ctx.engine_row[(o, line)]
            check(f"{o}: {line}", f"SUM(Costs!$C${row}:${last}${row})",
                  ctx.eng_sum(f"$C${er}:${last}${er}"))
        rr, er = ctx.revenue_row[o], ctx.engine_row[(o, "revenue_effect")]
        check(f"{o}: revenue effect", f"SUM(Revenue!$C${rr}:${last}${rr})",
              ctx.eng_sum(f"$C${er}:${last}${er}"))
        check(f"{o}: NPV (native) = engine", ctx.kpi[f"npv_{o}"], ctx.scalar(f"npv_total_{o}"))
        check(f"{o}: Excel's NPV = engine", ctx.kpi[f"npv_excel_{o}"], ctx.kpi[f"npv_engine_{o}"])
    for key in ("inc_outsourced", "inc_hybrid"):
        check(f"{key}: Excel's NPV = engine", ctx.kpi[f"npv_excel_{key}"],
              ctx.kpi[f"npv_engine_{key}"])
        check(f"{key}: Excel's IRR = engine", ctx.kpi[f"irr_excel_{key}"],
              ctx.kpi[f"irr_engine_{key}"], "irr")
        check(f"{key}: payback (native) = engine", ctx.kpi[f"payback_{key}"],
              ctx.kpi[f"payback_engine_{key}"], "months")
        check(f"{key}: discounted payback (native) = engine", ctx.kpi[f"dpayback_{key}"],
              ctx.kpi[f"dpayback_engine_{key}"], "months")
    ctx.kpi["checks_sheet_rows"] = str(r)
    ctx.kpi["checks_ws"] = "Checks"


def _master(wb: Any, ctx: _Ctx) -> None:
    ws = wb["Checks"]
    r = int(ctx.kpi["checks_sheet_rows"]) + 1
    ws.cell(r, 1, "MASTER CHECK (all checks true)")
    _style(ws.cell(r, 1), bold=True)
    ws.cell(r, 5, f"=AND({','.join(ctx.checks)})")
    _style(ws.cell(r, 5), bold=True)
    ctx.kpi["master"] = f"Checks!$E${r}"
    ws.column_dimensions["A"].width = 52
    for letter in "CD":
        ws.column_dimensions[letter].width = 20
    _print(ws, "4:4", "A:A")


def _staffing(wb: Any, ctx: _Ctx) -> None:
    ws = wb.create_sheet("Staffing", 2)
    i = ctx.inp
    eng = wb["Engine"]
    _title(ws, "Staffing", "A week of 30-minute intervals in month 0 (in-house voice): calls "
                           "natively from the weekly arrival profile; agents (CC_AGENTS) and "
                           "service level (CC_SERVICE_LEVEL) from the engine.")
    ws["A4"] = "voice calls offered in month 0"
    _style(ws.cell(4, 3, "=" + _drv(ctx, "inhouse", "voice_offered", "$C")), GREEN, fmt=COUNT)
    ws["A5"] = "voice calls per week"
    _style(ws.cell(5, 3, f"=C4/{ctx.const['weeks_per_month']}"), fmt=NUM2)
    ws["A6"] = "weekday interval share factor"
    ws["C6"] = (f"=1/SUM($L$11:$L$58)/({ctx.const['weekdays']}"
                f"+{ctx.const['weekend_days']}*{i('demand.weekend_day_share')})")
    ws["A7"] = "weekend interval share factor"
    ws["C7"] = (f"={i('demand.weekend_day_share')}/SUM($M$11:$M$58)/({ctx.const['weekdays']}"
                f"+{ctx.const['weekend_days']}*{i('demand.weekend_day_share')})")
    for c in ("C6", "C7"):
        ws[c].number_format = "0.000000"
    ws["A8"] = "check: interval calls sum to the week"
    ws["C8"] = f"=ABS(SUM($G$11:$G$346)-C5)<={ctx.const['check_tolerance']}*MAX(1,C5)"
    ctx.checks.append("Staffing!$C$8")
    for j, h in ((11, "slot"), (12, "weekday weight"), (13, "weekend weight")):
        _style(ws.cell(10, j, h), bold=True, fill=HEAD_FILL)
    ep, es = ctx.engine_at["profile"], ctx.engine_at["staffing"]
    for s_ in range(48):
        ws.cell(11 + s_, 11, s_ + 1)
        _style(ws.cell(11 + s_, 12, "=" + ctx.eng(f"$B${ep + s_}")), GREEN, fmt="0.0000")
        _style(ws.cell(11 + s_, 13, "=" + ctx.eng(f"$C${ep + s_}")), GREEN, fmt="0.0000")
    head = ("day", "time", "weekend flag", "slot", "arrival weight", "share of week",
            "calls offered", "agents required", "service level")
    for j, h in enumerate(head, start=1):
        _style(ws.cell(10, j, h), bold=True, fill=HEAD_FILL)
        ws.cell(10, j).alignment = _wrap()
    days = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    r = 11
    for d, day in enumerate(days):
        for s_ in range(48):
            ws.cell(r, 1, day)
            ws.cell(r, 2, f"{s_ // 2:02d}:{30 * (s_ % 2):02d}")
            ws.cell(r, 3, 1 if d >= 5 else 0)
            ws.cell(r, 4, s_ + 1)
            _style(ws.cell(r, 5, f"=INDEX($L$11:$L$58,D{r})*(1-C{r})+INDEX($M$11:$M$58,D{r})*C{r}"),
                   fmt="0.0000")
            _style(ws.cell(r, 6, f"=E{r}*($C$6*(1-C{r})+$C$7*C{r})"), fmt="0.000%")
            _style(ws.cell(r, 7, f"=$C$5*F{r}"), fmt="#,##0.0")
            _style(ws.cell(r, 8, "=" + ctx.eng(f"$B${es + r - 11}")), GREEN, fmt="0")
            _style(ws.cell(r, 9, "=" + ctx.eng(f"$C${es + r - 11}")), GREEN, fmt=PCT)
            r += 1
    aht, sl, tt = i("demand.voice_aht_s"), i("service.voice_target_sl"), i("service.voice_target_time_s")
    occ, pat, iv = i("service.max_occupancy"), i("demand.patience_s"), ctx.const["interval_s"]
    _array(eng, es, 2, 336, 1, f"CC_AGENTS(Staffing!$G$11:$G$346,{aht},{sl},{tt},{iv},{occ},{pat})")
    _array(eng, es, 3, 336, 1, f"CC_SERVICE_LEVEL($B${es}:$B${es + 335},Staffing!$G$11:$G$346,"
                               f"{aht},{tt},{iv},{pat})")
    ws["A348"] = "agent hours a week on the floor (voice)"
    _style(ws.cell(348, 8, f"=SUM($H$11:$H$346)*{iv}/{ctx.const['seconds_per_hour']}"),
           bold=True, fmt="#,##0.0")
    for letter, width in zip("ABCDEFGHIJKLM", (30, 8, 10, 6, 10, 10, 10, 10, 10, 2, 6, 10, 10),
                             strict=True):
        ws.column_dimensions[letter].width = width
    ws.column_dimensions["C"].width = 14
    ws.freeze_panes = "A11"
    _print(ws, "10:10", None, tall=4)


def _engine_scalars(wb: Any, ctx: _Ctx) -> None:
    ws = wb["Engine"]
    opts = dict(zip(OPTIONS, ctx.kpi["option_cells"].split(","), strict=True))
    rate = ctx.inp("finance.discount_rate")
    for key in SCALARS:
        r = ctx.scalar_row[key]
        kind, _, which = key.partition("_")
        if key.startswith("npv_total_"):
            o = key.removeprefix("npv_total_")
            f = f"CC_TOTAL({ctx.inputs_ref},{opts[o]},{ctx.kpi['npv_label']})"
        elif kind == "total":
            f = f"CC_TOTAL({ctx.inputs_ref},{opts[which]})"
        else:
            flows = "'Cash flow'!" + ctx.kpi[f"npv_flows_{which}"]
            f = {"npv": f"CC_NPV_MONTHLY({rate},{flows})", "irr": f"CC_IRR_MONTHLY({flows})",
                 "payback": f"CC_PAYBACK({flows})",
                 "dpayback": f"CC_PAYBACK({flows},{rate})"}[kind]
        ws.cell(r, 1, key)
        ws.cell(r, 3, "=" + f)
    ws.cell(ctx.scalar_row[SCALARS[0]] - 1, 1, "totals, NPV, IRR, payback (engine)")
    _print(ws, None, "A:B", tall=3)


def _summary(wb: Any, ctx: _Ctx) -> None:
    from openpyxl.chart import BarChart, LineChart, Reference
    from openpyxl.chart.series import SeriesLabel

    ws = wb.create_sheet("Summary")
    cur = str(ctx.scenario["finance.currency"])
    _title(ws, "Summary", f"Headline figures over {ctx.months} months, {cur}. Columns C-E: native "
                          "Excel formulas over Costs, Revenue and Cash flow (IRR: Excel's own). "
                          "Green columns: the engine's figures (CC_ functions), checked on Checks.")
    last = _mc(ctx.months - 1)
    for j, h in enumerate(("metric", "unit", *OPTIONS), start=1):
        _style(ws.cell(4, j, h), bold=True, fill=HEAD_FILL)
    rows = (("total_cost", cur, lambda o: f"SUM(Costs!$C${ctx.cost_total[o]}:${last}${ctx.cost_total[o]})"),
            ("revenue_effect", cur,
             lambda o: f"SUM(Revenue!$C${ctx.revenue_row[o]}:${last}${ctx.revenue_row[o]})"),
            ("npv", cur, lambda o: ctx.kpi[f"npv_{o}"]))
    r = 5
    for name, unit, f in rows:
        ws.cell(r, 1, name)
        ws.cell(r, 2, unit)
        for j, o in enumerate(OPTIONS, start=3):
            _style(ws.cell(r, j, "=" + f(o)), GREEN, fmt=MONEY)
            ctx.kpi[f"summary_{name}_{o}"] = f"Summary!${_col(j)}${r}"
        r += 1
    npv_row = r - 1
    r += 1
    heads = ("switching vs in-house", "unit", "outsourced", "hybrid", "",
             "engine: outsourced", "engine: hybrid")
    for j, h in enumerate(heads, start=1):
        if h:
            _style(ws.cell(r, j, h), bold=True, fill=HEAD_FILL)
    r += 1
    for name, unit, native, engine, fmt in (
            ("npv", cur, "npv_inc_{}", "npv_engine_inc_{}", MONEY),
            ("irr", "share/year", "irr_excel_inc_{}", "irr_engine_inc_{}", PCT),
            ("payback_months", "months", "payback_inc_{}", "payback_engine_inc_{}", MONTHS),
            ("discounted_payback_months", "months", "dpayback_inc_{}", "dpayback_engine_inc_{}",
             MONTHS)):
        ws.cell(r, 1, name)
        ws.cell(r, 2, unit)
        for j, o in enumerate(("outsourced", "hybrid")):
            _style(ws.cell(r, 3 + j, "=" + ctx.kpi[native.format(o)]), GREEN, fmt=fmt)
            _style(ws.cell(r, 6 + j, "=" + ctx.kpi[engine.format(o)]), GREEN, fmt=fmt)
            ctx.kpi[f"summary_inc_{name}_{o}"] = f"Summary!${_col(3 + j)}${r}"
            ctx.kpi[f"summary_engine_inc_{name}_{o}"] = f"Summary!${_col(6 + j)}${r}"
        r += 1
    r += 1
    ws.cell(r, 1, "recommended (highest NPV)")
    ws.cell(r, 3, f"=INDEX($C$4:$E$4,MATCH(MAX($C${npv_row}:$E${npv_row}),$C${npv_row}:$E${npv_row},0))")
    _style(ws.cell(r, 3), bold=True)
    r += 1
    ws.cell(r, 1, "MASTER CHECK (Checks sheet)")
    ws.cell(r, 3, "=" + ctx.kpi["master"])
    _style(ws.cell(r, 1), bold=True)
    _style(ws.cell(r, 3), GREEN, bold=True)
    ctx.kpi["summary_master"] = f"Summary!$C${r}"
    r += 1
    ws.cell(r, 1, "engine figures")
    ws.cell(r, 3, f'=IF({ctx.live},"live: CC_ functions loaded",'
                  '"cached: the build\'s values (CC_ functions not loaded)")')
    _style(ws.cell(r, 3), GREEN)
    ctx.kpi["summary_engine_state"] = f"Summary!$C${r}"
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 12
    for letter in "CDEFG":
        ws.column_dimensions[letter].width = 20

    bar = BarChart()
    bar.title = f"NPV of net cash flow by option ({cur})"
    bar.add_data(Reference(ws, min_col=3, max_col=5, min_row=npv_row), from_rows=True,
                 titles_from_data=False)
    bar.set_categories(Reference(ws, min_col=3, max_col=5, min_row=4))
    bar.legend = None
    bar.width, bar.height = 16, 7.5
    ws.add_chart(bar, "A20")
    cf = wb["Cash flow"]
    line = LineChart()
    line.title = f"Monthly net cash flow ({cur})"
    for o in OPTIONS:  # values C..last and categories C..last: the same months
        row = ctx.ncf_row[o]
        line.add_data(Reference(cf, min_col=FIRST, max_col=FIRST + ctx.months - 1, min_row=row),
                      from_rows=True, titles_from_data=False)
        line.series[-1].tx = SeriesLabel(v=o)
    line.set_categories(Reference(cf, min_col=FIRST, max_col=FIRST + ctx.months - 1, min_row=3))
    line.y_axis.title = cur
    line.x_axis.title = "month"
    line.x_axis.number_format = "mmm yy"
    line.x_axis.tickLblSkip = 12
    line.width, line.height = 16, 7.5
    ws.add_chart(line, "E20")
    _print(ws, None, None)
    ws.print_area = "A1:H36"


#: Blank rows left in the Bids sheet's range for bids the user adds.
SPARE_BID_ROWS = 3
_BID_FORMATS = {"money": MONEY, "money2": MONEY2, "months": MONTHS, "share": PCT, "fte": NUM2}


def _bids(wb: Any, ctx: _Ctx) -> None:
    """The Bids sheet: the example bids as a range to edit, their comparison, and notes.

    The ``CC_BIDS`` call sits on the Engine sheet (below the scalars) like every ``CC_`` call;
    the Bids sheet shows it through ``IF(functions live, Engine, Engine cache)``.
    """
    from roi_models import bids as bd

    ws = wb.create_sheet("Bids")
    cur = str(ctx.scenario["finance.currency"])
    _title(ws, "Vendor bids", "Each row is one vendor's proposal (blue cells: edit them, or fill a "
                              "blank row to add a bid). The comparison below is CC_BIDS over this "
                              f"range and the Inputs, money over {ctx.months} months in {cur}.")
    example = bd.EXAMPLE_BIDS_RU if cur == "RUB" else bd.EXAMPLE_BIDS
    try:
        cmp = bd.compare(ctx.scenario, example)
        rows = bd.bids_to_rows(cmp.bids)
    except bd.BidsError:  # a scenario the examples do not fit (another currency): a blank sheet
        cmp, rows = None, [[f.name for f in bd.FIELDS]]
    top = 5
    for j, h in enumerate(rows[0], start=1):
        _style(ws.cell(top, j, h), bold=True, fill=HEAD_FILL)
        ws.column_dimensions[_col(j)].width = 22 if j == 1 else 14
    for i, row in enumerate(rows[1:] + [[""] * len(rows[0])] * SPARE_BID_ROWS, start=1):
        for j, v in enumerate(row, start=1):
            _style(ws.cell(top + i, j, None if v == "" else v), BLUE, fill=INPUT_FILL)
    last = top + len(rows) - 1 + SPARE_BID_ROWS
    bids_ref = f"Bids!$A${top}:${_col(len(rows[0]))}${last}"
    r = last + 2
    _style(ws.cell(r, 1, "Comparison (CC_BIDS): in-house and each bid"), bold=True)
    if cmp is None:
        ws.cell(r + 1, 1, "The example bids do not fit this scenario: enter bids above and "
                          "CC_BIDS on a sheet of your own.")
        _print(ws, None, "A:A")
        return
    t = cmp.table()
    labels = [*t.index, "score", "rank_npv", "rank_score"]
    kinds = {**bd.TABLE_METRICS, "score": "score", "rank_npv": "rank", "rank_score": "rank"}
    eng = wb["Engine"]
    e0 = ctx.scalar_row[SCALARS[-1]] + 2
    eng.cell(e0 - 1, 1, "vendor bids: CC_BIDS over the Bids sheet")
    width = len(t.columns) + 1
    _array(eng, e0, 2, len(labels) + 1, width, f"CC_BIDS({ctx.inputs_ref},{bids_ref})")
    for i in range(len(labels) + 1):
        for j in range(width):
            cell = ws.cell(r + 1 + i, 1 + j, "=" + ctx.eng(f"${_col(2 + j)}${e0 + i}"))
            kind = kinds.get(labels[i - 1], "") if i and j else ""
            fmt = {"score": "0.0", "rank": "0"}.get(kind, _BID_FORMATS.get(kind))
            _style(cell, GREEN, bold=i == 0 or j == 0, fmt=fmt)
    ctx.kpi["bids_table"] = f"Bids!$A${r + 1}"
    r += len(labels) + 3
    notes = [
        "Notes",
        "Ranking: rank_npv ranks in-house and every bid by NPV (1 = best); rank_score ranks the "
        "bids by the weighted scorecard (default weights: price 40%, service 15%, quality, "
        "expertise and security 10% each, technology, references and culture 5% each).",
        "At build: " + str(cmp.ranking.attrs["why"]),
        "Blank cells keep the scenario's value (service and transition) or the field's default "
        "(price terms: no setup fee, base fee, minimum or tiers unless stated).",
        "More bids than rows: insert rows inside the range, and enter CC_BIDS over a block "
        "sized for the bids (Excel 365: in one cell, it spills).",
        "Monte Carlo across bids (P(best), regret), tornado and break-even rates: roi-models "
        "bids, or roi_models.bids.compare() in Python.",
    ]
    for k, text in enumerate(notes):
        _style(ws.cell(r + k, 1, text), GREY, bold=k == 0)
    r += len(notes) + 1
    for j, h in enumerate(("field", "unit", "description"), start=1):
        _style(ws.cell(r, j, h), bold=True, fill=HEAD_FILL)
    for k, f in enumerate(bd.FIELDS, start=1):
        ws.cell(r + k, 1, f.name)
        ws.cell(r + k, 2, f.unit)
        ws.cell(r + k, 3, f.description)
    ws.freeze_panes = f"B{top + 1}"
    _print(ws, None, "A:A")


def _conf(wb: Any) -> None:
    ws = wb.create_sheet("xlwings.conf")
    ws["A1"], ws["B1"] = "UDF Modules", "roi_models.excel.udfs"
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 28
    _print(ws, None, None)


# ------------------------------------------------------------------------------------- build
def _layout(scenario: Any) -> Any:
    import openpyxl

    from roi_models.business_case import evaluate

    case = evaluate(scenario)
    ctx = _Ctx(scenario, case, int(scenario["finance.horizon_months"]))
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _about(wb, ctx)
    _inputs(wb, ctx)
    eng = _engine(wb, ctx)      # engine tables first (rows needed by every other sheet)
    eng["A10"], eng["B10"] = "metric label", "npv"
    ctx.kpi["npv_label"] = "Engine!$B$10"
    _costs(wb, ctx)
    _revenue(wb, ctx)
    _cashflow(wb, ctx)
    _staffing(wb, ctx)
    _bids(wb, ctx)
    _engine_scalars(wb, ctx)
    _check_rows(wb, ctx)
    _master(wb, ctx)
    _summary(wb, ctx)
    cache = wb.create_sheet("Engine cache")
    cache.sheet_state = "hidden"
    cache["A1"] = "The Engine sheet's values at build time (used when the CC_ functions are not loaded)."
    _conf(wb)
    order = [wb[name] for name in SHEETS]
    wb._sheets = order
    wb.active = 0
    wb.properties.creator = "roi-models"
    wb.properties.created = wb.properties.modified = _FIXED_TIME
    wb.calculation.calcId = 191029        # a current calc engine: Excel does not force a recalc
    wb.calculation.fullCalcOnLoad = False  # so the cached values show before the add-in loads
    return wb, ctx


@dataclass
class Built:
    """A built workbook: its path, and (when evaluated) the ``formulas`` model and results."""

    path: Path
    model: Any = None
    solution: Any = None
    values: dict[str, Any] = field(default_factory=dict)
    kpi: dict[str, str] = field(default_factory=dict)


def _key(sheet: str, ref: str) -> str:
    return f"{sheet.upper()}!{ref.replace('$', '').upper()}"


def evaluate_file(path: Path) -> tuple[Any, Any, dict[str, Any]]:
    """Load and calculate a workbook with ``formulas``; values keyed ``SHEET!A1`` (upper case)."""
    import formulas

    from roi_models.excel.registry import register_formulas

    register_formulas()
    model = formulas.ExcelModel().loads(str(path)).finish()
    solution = model.calculate()
    return model, solution, flatten(solution)


def flatten(solution: Any) -> dict[str, Any]:
    """``formulas`` results -> {``SHEET!A1``: value} for every cell (ranges split)."""
    import numpy as np
    from openpyxl.utils import range_boundaries

    out: dict[str, Any] = {}
    for k, v in solution.items():
        m = re.match(r"^'\[[^\]]*\]([^']*)'!(.*)$", k)
        if not m:
            continue
        sheet, ref = m.group(1), m.group(2)
        val = getattr(v, "value", v)
        arr = np.asarray(val, dtype=object)
        if ":" in ref:
            c0, r0, c1, r1 = range_boundaries(ref)
            arr = arr.reshape(r1 - r0 + 1, c1 - c0 + 1) if arr.size == (r1 - r0 + 1) * (c1 - c0 + 1) \
                else np.broadcast_to(arr, (r1 - r0 + 1, c1 - c0 + 1))
            for a in range(r1 - r0 + 1):
                for b in range(c1 - c0 + 1):
                    out.setdefault(f"{sheet}!{_col(c0 + b)}{r0 + a}", arr[a, b])
        else:
            out[f"{sheet}!{ref}"] = arr.reshape(-1)[0] if arr.size else None
    return out


def _xml_value(v: Any) -> tuple[str, str] | None:
    """A cached value -> (t attribute, <v> text); None when there is nothing to cache."""
    from xml.sax.saxutils import escape

    import numpy as np
    import schedula as sh

    if v is None or v is sh.EMPTY:
        return None
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, bool):
        return "b", "1" if v else "0"
    if isinstance(v, int):
        return "n", str(v)
    if isinstance(v, float):
        if v != v or v in (float("inf"), -float("inf")):
            return None
        return "n", repr(v)
    s = str(v)
    if s.startswith("#") and s.rstrip("!?0/A").upper() in ("#VALUE", "#NUM", "#N", "#DIV", "#REF",
                                                           "#NAME", "#NULL"):
        return "e", escape(s)
    return "str", escape(s)


def _write_cached(src: bytes, sheet_names: Sequence[str], values: dict[str, Any]) -> bytes:
    """Insert cached results into every formula cell and normalise zip timestamps."""
    zin = zipfile.ZipFile(io.BytesIO(src))
    wbxml = zin.read("xl/workbook.xml").decode()
    ids = re.findall(r'<sheet name="([^"]+)" sheetId="\d+" state="\w+" r:id="(rId\d+)"', wbxml)
    rels = zin.read("xl/_rels/workbook.xml.rels").decode()
    target = {rid: t for t, rid in re.findall(r'Target="/?(?:xl/)?([^"]+)" Id="(rId\d+)"', rels)}
    target.update({rid: t for rid, t in re.findall(r'Id="(rId\d+)"[^>]*Target="/?(?:xl/)?([^"]+)"',
                                                   rels)})
    file_sheet = {"xl/" + target[rid]: name for name, rid in ids}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            sheet = file_sheet.get(info.filename)
            if sheet is not None:
                text = data.decode()
                text = re.sub(r'<c r="([A-Z]+\d+)"( s="\d+")?><f(?:>| t="array").*?</f><v\s*/></c>',
                              functools.partial(_cell_sub, sheet=sheet, values=values), text)
                data = text.encode()
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2024-01-01T00:00:00Z",
                              data)
            zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = info.external_attr
            zout.writestr(zi, data)
    return out.getvalue()


def _cell_sub(m: re.Match[str], sheet: str, values: dict[str, Any]) -> str:
    whole = m.group(0)
    ref = m.group(1)
    cached = _xml_value(values.get(f"{sheet.upper()}!{ref}"))
    if cached is None:
        return whole
    t, v = cached
    head, rest = whole.split(">", 1)
    if " t=" in head:
        head = re.sub(r' t="[^"]*"', "", head)
    rest = re.sub(r"<v\s*/></c>$", f"<v>{v}</v></c>", rest)
    return f'{head} t="{t}">{rest}'


def build(path: str | Path = DEFAULT_PATH, scenario: Any = None, *, cache: bool = True,
          progress: Callable[[str], None] | None = None, lang: str = "en") -> Built:
    """Build the business-case workbook at ``path`` (``.xlsx``).

    Parameters
    ----------
    path : path-like
        Where to write; parent folders are created. The file is written atomically.
    scenario : Scenario, optional
        Defaults to :meth:`Scenario.default`; its values fill the Inputs sheet.
    cache : bool
        Evaluate the workbook with ``formulas`` and store every result as the cell's cached value
        (needs the ``formulas`` package: the ``excel`` extra of the roi-models wheel). Without it the
        formulas are written with no results (Excel computes them once the add-in is loaded).
    progress : callable, optional
        Called with a short message at each stage.
    lang : {"en", "ru"}
        Language of the labels (:mod:`roi_models.excel.labels`); formulas, sheet names and
        values are the same in every language.

    Returns
    -------
    Built
    """
    from openpyxl.worksheet.formula import ArrayFormula

    from roi_models.scenario import Scenario

    say = progress or (lambda _msg: None)
    sc = Scenario.default() if scenario is None else scenario
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        from roi_models.errors import InputError

        raise InputError(f"path must end in .xlsx (a macro-free workbook), got {str(path)!r}")
    from roi_models.excel.labels import translate
    from roi_models.report.i18n import LANGS

    if lang not in LANGS:
        from roi_models.errors import InputError

        raise InputError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")
    say("laying out the workbook")
    wb, ctx = _layout(sc)
    translate(wb, lang, str(sc["finance.currency"]))
    buf = io.BytesIO()
    wb.save(buf)
    raw = buf.getvalue()
    built = Built(path, kpi=dict(ctx.kpi))
    if cache:
        import tempfile

        say("evaluating every formula with the formulas package")
        with tempfile.TemporaryDirectory() as tmp:
            tmp_path = Path(tmp) / path.name
            tmp_path.write_bytes(raw)
            built.model, built.solution, built.values = evaluate_file(tmp_path)
        _fill_cache(wb, built.values)
        # Array formulas: Excel stores the results of the non-anchor cells as plain values.
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if isinstance(cell.value, ArrayFormula):
                        _fill_array(ws, cell.value.ref, built.values)
        buf = io.BytesIO()
        wb.save(buf)
        raw = buf.getvalue()
    say("writing cached values")
    data = _write_cached(raw, SHEETS, built.values)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp_file = path.with_name(path.name + ".tmp")
    tmp_file.write_bytes(data)
    tmp_file.replace(path)
    return built


def _fill_cache(wb: Any, values: dict[str, Any]) -> None:
    """Engine cache = the Engine sheet's evaluated values, cell for cell (plain values)."""
    import numpy as np

    eng, cache = wb["Engine"], wb["Engine cache"]
    for key, v in values.items():
        sheet, _, ref = key.partition("!")
        if sheet != "ENGINE":
            continue
        if isinstance(v, np.generic):
            v = v.item()
        if type(v).__name__ == "XlError":
            v = str(v)  # an engine error stays an error (openpyxl writes "#NUM!" as one)
        if isinstance(v, (int, float, str, bool)) and not (isinstance(v, float) and v != v):
            cache[ref] = v
            cache[ref].number_format = eng[ref].number_format


def _fill_array(ws: Any, ref: str, values: dict[str, Any]) -> None:
    import numpy as np
    from openpyxl.utils import range_boundaries

    c0, r0, c1, r1 = range_boundaries(ref)
    for r in range(r0, r1 + 1):
        for c in range(c0, c1 + 1):
            if (r, c) == (r0, c0):
                continue
            v = values.get(f"{ws.title.upper()}!{_col(c)}{r}")
            if isinstance(v, np.generic):
                v = v.item()
            if v is None or not isinstance(v, (int, float, str, bool)):
                continue
            ws.cell(r, c).value = v


build_workbook = build
