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
- **Checks** shows the engine's monthly tables (``CC_CASHFLOWS``) and proves the native totals,
  every line's sum, and the NPVs equal the engine's; the master check is shown on Summary.
- **Staffing** is a week of 30-minute intervals of month 0 calling ``CC_AGENTS`` and
  ``CC_SERVICE_LEVEL`` (one spilled call each).

Spilled results are written as array formulas of the right size (they work in every Excel and in
the ``formulas`` interpreter). openpyxl writes formulas without results, so the builder evaluates
the workbook once with ``formulas`` (the ``CC_`` functions registered from the registry) and writes
every result into the file as the cell's cached value: the workbook reads correctly before the
add-in is loaded. The file is byte-for-byte deterministic for the same scenario.
"""

from __future__ import annotations

import datetime as _dt
import io
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["DEFAULT_PATH", "SHEETS", "Built", "build", "build_workbook"]

DEFAULT_PATH = Path("workbooks") / "contact_center_business_case.xlsx"
SHEETS = ("About", "Inputs", "Staffing", "Costs", "Revenue", "Cash flow", "Summary", "Checks",
          "xlwings.conf")
OPTIONS = ("inhouse", "outsourced", "hybrid")
_FIXED_TIME = _dt.datetime(2024, 1, 1)

# FAST / ICAEW colours: inputs blue on a pale fill, formulas black, links to other sheets green.
BLUE, GREEN, BLACK, GREY = "0000FF", "008000", "000000", "808080"
INPUT_FILL = "FFF2CC"
HEAD_FILL = "DDEBF7"


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

    def inp(self, path: str) -> str:
        return f"Inputs!$C${self.input_row[path]}"


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


def _axis(ws: Any, r: int, months: int) -> None:
    ws.cell(r, 1, "month")
    ws.cell(r, 2, "index")
    for m in range(months):
        _style(ws.cell(r, FIRST + m, m), bold=True, fill=HEAD_FILL)
    ws.cell(r + 1, 1, "contract year (0-based)")
    ws.cell(r + 1, 2, "year")
    for m in range(months):
        ws.cell(r + 1, FIRST + m, f"=INT({_mc(m)}${r}/12)")


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
        ("Inputs", "every input once: path, value (blue), unit, plausible low/high, source"),
        ("Staffing", "a week of 30-minute intervals of month 0: CC_AGENTS and CC_SERVICE_LEVEL"),
        ("Costs", "engine drivers (CC_DRIVERS) x Inputs rates x escalation: every running cost "
                  "line as a native formula; transition one-offs linked from the engine"),
        ("Revenue", "revenue kept or lost through service: lost sales and retention"),
        ("Cash flow", "net cash flow per option and of switching; NPV, IRR, payback (Excel's own "
                      "NPV/IRR beside the engine's)"),
        ("Summary", "headline figures, charts, recommendation and the master check"),
        ("Checks", "native figures vs the engine (CC_CASHFLOWS, CC_TOTAL); master check"),
        ("", None),
        ("Colour legend (FAST / ICAEW)", None),
        ("Input", "blue text on a pale yellow fill: the only cells to change"),
        ("Formula", "black text"),
        ("Link to another sheet", "green text"),
        ("", None),
        ("Conventions", "money in the scenario's currency; costs positive on Costs; cash out "
                        "negative on Cash flow; month 0 = start of transition, undiscounted; "
                        "rates and shares as decimals (0.8, not 80)"),
        ("", None),
        ("Install the functions (Windows, classic xlwings add-in)", None),
        ("1", 'pip install "roi-models[excel]"'),
        ("2", "xlwings addin install"),
        ("3", "Open this workbook: the xlwings.conf sheet sets UDF Modules = "
              "roi_models.excel.udfs. In the xlwings ribbon tab click Import Functions "
              "(this adds a VBA module: save as .xlsm), or import into your own add-in "
              "to keep this file a macro-free .xlsx (see README)."),
        ("xlwings Lite (Excel on the web / Mac / Windows)", "paste workbooks/xlwings_lite/main.py "
         "and requirements.txt into the xlwings Lite editor"),
        ("Before the functions are loaded", "every cell shows the cached result of the build; "
         "recalculating without the functions shows #NAME? in the CC_ cells"),
    ]
    for i, (a, b) in enumerate(rows, start=1):
        ws.cell(i, 1, a)
        if b is not None:
            ws.cell(i, 2, b)
    _style(ws["A1"], bold=True)
    _style(ws["A16"], BLUE, fill=INPUT_FILL)
    _style(ws["A18"], GREEN)
    ws.column_dimensions["A"].width = 48
    ws.column_dimensions["B"].width = 110


def _inputs(wb: Any, ctx: _Ctx) -> None:
    from roi_models.demand import INTERVAL_SECONDS, WEEKS_PER_MONTH
    from roi_models.scenario import Scenario

    ws = wb.create_sheet("Inputs")
    _title(ws, "Inputs", "Every input of the scenario once. Change only the blue cells; "
                         "columns B:C are the range the CC_ functions read.")
    head = ("name", "path", "value", "unit", "low", "high", "source", "description")
    for j, h in enumerate(head, start=1):
        _style(ws.cell(4, j, h), bold=True, fill=HEAD_FILL)
    reg = Scenario.parameters()
    r = 5
    for path, p in reg.iterrows():
        value = ctx.scenario[path]
        if isinstance(value, tuple):
            value = ", ".join(f"{v:g}" for v in value)
        ws.cell(r, 1, str(p["name"]))
        ws.cell(r, 2, path)
        _style(ws.cell(r, 3, value), BLUE, fill=INPUT_FILL)
        ws.cell(r, 4, p["unit"] or "")
        for j, k in ((5, "low"), (6, "high")):
            v = p[k]
            ws.cell(r, j, None if v is None or v != v else float(v))
        ws.cell(r, 7, ctx.scenario.source_of(path))
        ws.cell(r, 8, p["description"])
        ctx.input_row[path] = r
        r += 1
    ctx.inputs_ref = f"Inputs!$B$5:$C${r - 1}"
    r += 1
    _style(ws.cell(r, 1, "Constants (not scenario inputs)"), bold=True)
    consts = (("weeks_per_month", WEEKS_PER_MONTH, "weeks/month", "365.25 / 7 / 12"),
              ("interval_s", INTERVAL_SECONDS, "s", "staffing interval: 30 minutes"),
              ("weekdays", 5.0, "days/week", "Monday to Friday"),
              ("weekend_days", 2.0, "days/week", "Saturday and Sunday"),
              ("check_tolerance", 1e-9, "relative", "tolerance of the checks"))
    for name, v, unit, note in consts:
        r += 1
        ws.cell(r, 1, name)
        _style(ws.cell(r, 3, v), BLUE, fill=INPUT_FILL)
        ws.cell(r, 4, unit)
        ws.cell(r, 7, note)
        ctx.const[name] = f"Inputs!$C${r}"
    for letter, width in zip("ABCDEFGH", (30, 40, 22, 22, 12, 12, 60, 80), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "C5"


def _drivers_block(ws: Any, ctx: _Ctx, r: int, option: str, opt_cell: str) -> int:
    names = ctx.case.options[option].drivers.columns.tolist()
    ws.cell(r, 1, f"engine drivers: {option}")
    _style(ws.cell(r, 1), GREEN, bold=True)
    _array(ws, r, 2, len(names) + 1, ctx.months + 1,
           f"CC_DRIVERS({ctx.inputs_ref},{opt_cell},TRUE)")
    ctx.drivers_at[option] = (r + 1, names)
    return r + len(names) + 2


def _drv(ctx: _Ctx, option: str, name: str, col: str = "{c}") -> str:
    top, names = ctx.drivers_at[option]
    return f"{col}${top + names.index(name)}"


def _costs(wb: Any, ctx: _Ctx) -> None:
    from roi_models.costs import INHOUSE_LINES, TRANSITION_LINES

    ws = wb.create_sheet("Costs")
    M = ctx.months
    cur = str(ctx.scenario["finance.currency"])
    _title(ws, "Costs", "Running cost lines as native formulas over the engine's drivers and the "
                        f"Inputs; money in {cur} per month, spent = positive.")
    _axis(ws, 4, M)
    year = "{c}$5"
    i = ctx.inp
    r = 7
    idx = {}
    for key, path in (("wage", "finance.wage_escalation"), ("rent", "finance.rent_escalation"),
                      ("licence", "finance.licence_escalation"), ("cola", "finance.contract_cola")):
        idx[key] = _row(ws, r, f"{key} escalation index", "index",
                        f"(1+{i(path)})^{year}", M, fmt="0.0000")
        r += 1
    first = _row(ws, r, "month-0 flag", "flag", "--({c}$4=0)", M, fmt="0")
    r += 2
    # option labels (text used by the CC_ calls)
    opt_cell = {}
    assert r == _OPT_ROW0
    for o in OPTIONS:
        ws.cell(r, 1, "option")
        ws.cell(r, 2, o)
        opt_cell[o] = f"Costs!$B${r}"
        r += 1
    r += 1
    # pricing-model lookup: the rate billed per unit for the effective model
    ws.cell(r, 1, "vendor rate by pricing model")
    _style(ws.cell(r, 1), bold=True)
    r += 1
    models = (("per_productive_hour", "outsourced.rate_per_productive_hour"),
              ("per_logged_in_hour", "outsourced.rate_per_logged_in_hour"),
              ("per_fte_month", "outsourced.rate_per_fte_month"),
              ("per_handled_minute", "outsourced.rate_per_minute"),
              ("per_contact", "outsourced.rate_per_contact"))
    m0 = r
    for name, path in models:
        ws.cell(r, 1, name)
        _style(ws.cell(r, 2, f"={i(path)}"), GREEN)
        r += 1
    ws.cell(r, 1, "shared delivery bills per")
    ws.cell(r, 2, "per_handled_minute")
    shared_model = f"$B${r}"
    r += 1
    ws.cell(r, 1, "shared delivery label")
    ws.cell(r, 2, "shared")
    shared_label = f"$B${r}"
    r += 1
    ws.cell(r, 1, "effective pricing model")
    ws.cell(r, 2, f"=IF({i('outsourced.delivery_model')}={shared_label},{shared_model},"
                  f"{i('outsourced.pricing_model')})")
    model_cell = f"$B${r}"
    r += 1
    ws.cell(r, 1, "vendor rate")
    ws.cell(r, 2, f"=INDEX($B${m0}:$B${m0 + 4},MATCH({model_cell},$A${m0}:$A${m0 + 4},0))")
    rate = f"$B${r}"
    r += 1
    tiers = len(ctx.scenario["outsourced.tier_thresholds"])
    ws.cell(r, 1, "volume tiers: threshold, discount")
    tier_top = r + 1
    if tiers:
        _array(ws, tier_top, 2, tiers, 1, f"CC_PARAM({ctx.inputs_ref},"
               f"Inputs!$B${ctx.input_row['outsourced.tier_thresholds']})")
        _array(ws, tier_top, 3, tiers, 1, f"CC_PARAM({ctx.inputs_ref},"
               f"Inputs!$B${ctx.input_row['outsourced.tier_discounts']})")
        for j in range(tiers):
            prev = f"$C${tier_top + j - 1}" if j else "0"
            ws.cell(tier_top + j, 4, f"=$C${tier_top + j}-{prev}")
    r = tier_top + max(tiers, 1) + 1

    for o in OPTIONS:
        _style(ws.cell(r, 1, f"OPTION: {o}"), bold=True, fill=HEAD_FILL)
        r += 1
        r = _drivers_block(ws, ctx, r, o, opt_cell[o])
        hc, hires, seats = (_drv(ctx, o, f"inhouse_{k}") for k in ("headcount_fte", "hires", "seats"))
        rows: dict[str, int] = {}
        has_ih = o != "outsourced"
        has_v = o != "inhouse"
        wage_i = f"{{c}}${idx['wage']}"
        if has_ih:
            paid = i("inhouse.paid_hours_per_fte_year")
            rows["agent_wages"] = _row(ws, r, "agent_wages", f"{cur}/month",
                                       f"{hc}*{paid}/12*{i('inhouse.agent_hourly_wage')}*{wage_i}", M)
            r += 1
            for line, span, sal in (("team_leads", "team_lead_span", "team_lead_annual_salary"),
                                    ("managers", "manager_span", "manager_annual_salary"),
                                    ("quality_assurance", "qa_span", "qa_annual_salary"),
                                    ("workforce_management", "wfm_span", "wfm_annual_salary")):
                rows[line] = _row(ws, r, line, f"{cur}/month",
                                  f"{hc}/{i('inhouse.' + span)}*{i('inhouse.' + sal)}/12*{wage_i}", M)
                r += 1
            rows["trainers"] = _row(
                ws, r, "trainers", f"{cur}/month",
                f"{hires}*{i('inhouse.training_weeks')}/{ctx.const['weeks_per_month']}"
                f"/{i('inhouse.trainer_span')}*{i('inhouse.trainer_annual_salary')}/12*{wage_i}", M)
            r += 1
            rows["training"] = _row(
                ws, r, "training", f"{cur}/month",
                f"{hires}*{i('inhouse.training_weeks')}*{paid}/52"
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
            rows["overhead"] = _row(ws, r, "overhead", f"{cur}/month",
                                    f"({direct})*{i('inhouse.overhead_share')}", M)
            r += 1
            rows["capex"] = _row(ws, r, "capex", f"{cur}/month",
                                 f"{i('inhouse.capex_one_off')}*{{c}}${first}", M)
            r += 1
            assert set(rows) == set(INHOUSE_LINES)
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
            ws.cell(r, FIRST, f"=--(SUM({unit_row})>0)")
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
                f"*{{c}}${idx['cola']}", M)
            r += 1
            erow = ctx.engine_row[(o, "vendor_outbound_fees")]
            rows["vendor_outbound_fees"] = _row(ws, r, "vendor_outbound_fees",
                                                f"{cur}/month (engine)", f"Checks!{{c}}${erow}",
                                                M, colour=GREEN)
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
            for line in TRANSITION_LINES:
                erow = ctx.engine_row[(o, line)]
                rows[line] = _row(ws, r, line, f"{cur}/month (engine)",
                                  f"Checks!{{c}}${erow}", M, colour=GREEN)
                r += 1
        total = "+".join(f"{{c}}{v}" for v in rows.values())
        ctx.cost_total[o] = _row(ws, r, f"total_cost: {o}", f"{cur}/month", total, M)
        _style(ws.cell(r, 1), bold=True)
        for k, v in rows.items():
            ctx.line_rows[(o, k)] = v
        r += 2
    ws.column_dimensions["A"].width = 44
    ws.column_dimensions["B"].width = 24
    ws.freeze_panes = "C6"


def _revenue(wb: Any, ctx: _Ctx) -> None:
    ws = wb.create_sheet("Revenue")
    M = ctx.months
    cur = str(ctx.scenario["finance.currency"])
    _title(ws, "Revenue", "Revenue kept (+) or lost (-) through service, per option, from the "
                          "engine's lost contacts and churn.")
    _axis(ws, 4, M)
    i = ctx.inp
    r = 7
    for o in OPTIONS:
        _style(ws.cell(r, 1, f"OPTION: {o}"), bold=True, fill=HEAD_FILL)
        r += 1
        lost = "Costs!" + _drv(ctx, o, "lost_contacts")
        sales = _row(ws, r, "lost sales margin", f"{cur}/month",
                     f"{lost}*{i('revenue.sales_conversion')}*{i('revenue.average_order_value')}"
                     f"*{i('revenue.sales_margin')}", M)
        r += 1
        ret = _row(ws, r, "retention loss (engine)", f"{cur}/month",
                   "Costs!" + _drv(ctx, o, "retention_loss"), M, colour=GREEN)
        r += 1
        value = _row(ws, r, "outbound campaign value (engine)", f"{cur}/month",
                     "Costs!" + _drv(ctx, o, "outbound_value"), M, colour=GREEN)
        r += 1
        ctx.revenue_row[o] = _row(ws, r, f"revenue_effect: {o}", f"{cur}/month",
                                  f"{{c}}{value}-({{c}}{sales}+{{c}}{ret})", M)
        _style(ws.cell(r, 1), bold=True)
        r += 2
    ws.column_dimensions["A"].width = 36
    ws.freeze_panes = "C6"


def _cashflow(wb: Any, ctx: _Ctx) -> None:
    ws = wb.create_sheet("Cash flow")
    M = ctx.months
    cur = str(ctx.scenario["finance.currency"])
    _title(ws, "Cash flow", "Net cash flow = revenue effect - total cost (cash out negative). "
                            "Month 0 undiscounted; month m discounted by (1+r)^(m/12).")
    _axis(ws, 4, M)
    i = ctx.inp
    rate = i("finance.discount_rate")
    r = 7
    disc = _row(ws, r, "discount factor", "factor", f"1/(1+{rate})^({{c}}$4/12)", M, fmt="0.0000")
    r += 1
    ws.cell(r, 1, "monthly discount rate")
    ws.cell(r, 2, f"=(1+{rate})^(1/12)-1")
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
    for o in ("outsourced", "hybrid"):
        ctx.ncf_row["inc_" + o] = _row(ws, r, f"switching to {o} vs in-house", f"{cur}/month",
                                       f"{{c}}{ctx.ncf_row[o]}-{{c}}{ctx.ncf_row['inhouse']}", M)
        r += 1
    r += 1
    head = ("measure", "", "engine (CC_)", "native / Excel")
    for j, h in enumerate(head, start=1):
        _style(ws.cell(r, j, h), bold=True, fill=HEAD_FILL)
    r += 1
    last = _mc(M - 1)
    for key in ("inhouse", "outsourced", "hybrid", "inc_outsourced", "inc_hybrid"):
        row = ctx.ncf_row[key]
        flows = f"$C${row}:${last}${row}"
        ws.cell(r, 1, f"NPV: {key}")
        ws.cell(r, 2, cur)
        ws.cell(r, 3, f"=CC_NPV_MONTHLY({rate},{flows})")
        ws.cell(r, 4, f"=SUMPRODUCT({flows},$C${disc}:${last}${disc})")
        ws.cell(r, 5, f"=$C${row}+NPV({mrate},$D${row}:${last}${row})")
        ws.cell(r, 6, "Excel NPV: month 0 added undiscounted, NPV() over months 1..")
        ctx.kpi[f"npv_{key}"] = f"'Cash flow'!$D${r}"
        ctx.kpi[f"npv_engine_{key}"] = f"'Cash flow'!$C${r}"
        ctx.kpi[f"npv_excel_{key}"] = f"'Cash flow'!$E${r}"
        r += 1
    for key in ("inc_outsourced", "inc_hybrid"):
        row = ctx.ncf_row[key]
        flows = f"$C${row}:${last}${row}"
        ws.cell(r, 1, f"IRR (annualised): {key}")
        ws.cell(r, 2, "share/year")
        ws.cell(r, 3, f"=CC_IRR_MONTHLY({flows})")
        ws.cell(r, 4, f"=(1+IRR({flows}))^12-1")
        ws.cell(r, 6, "Excel IRR is per month: annualised as (1+IRR)^12-1")
        ctx.kpi[f"irr_{key}"] = f"'Cash flow'!$C${r}"
        ctx.kpi[f"irr_excel_{key}"] = f"'Cash flow'!$D${r}"
        r += 1
        ws.cell(r, 1, f"payback months: {key}")
        ws.cell(r, 2, "months")
        ws.cell(r, 3, f"=CC_PAYBACK({flows})")
        ws.cell(r, 4, f"=CC_PAYBACK({flows},{rate})")
        ws.cell(r, 6, "C: undiscounted; D: discounted at the discount rate")
        ctx.kpi[f"payback_{key}"] = f"'Cash flow'!$C${r}"
        r += 1
    ws.column_dimensions["A"].width = 36
    ws.freeze_panes = "C6"


def _checks(wb: Any, ctx: _Ctx) -> Any:
    """Engine tables first (Costs links transition lines here); check rows are added later."""
    ws = wb.create_sheet("Checks")
    M = ctx.months
    _title(ws, "Checks", "The engine's own monthly tables (CC_CASHFLOWS) and the checks that "
                         "the native sheets reproduce them.")
    r = 4
    for o in OPTIONS:
        cols = ["month", *ctx.case.options[o].monthly.columns.tolist()]
        ws.cell(r, 1, f"engine: {o}")
        _style(ws.cell(r, 1), GREEN, bold=True)
        _array(ws, r, 2, len(cols), M + 1, f"CC_CASHFLOWS({ctx.inputs_ref},Costs!$B${_opt_row(ctx, o)},TRUE)")
        for k, name in enumerate(cols[1:], start=1):
            ctx.engine_row[(o, name)] = r + k
        r += len(cols) + 1
    ctx.kpi["checks_next"] = str(r)
    return ws


_OPT_ROW0 = 13  # Costs: rows 7-10 escalation indices, 11 month-0 flag, 13-15 option labels


def _opt_row(ctx: _Ctx, option: str) -> int:
    return _OPT_ROW0 + OPTIONS.index(option)


def _check_rows(ws: Any, ctx: _Ctx) -> None:
    from roi_models.business_case import MONEY_COLUMNS

    M = ctx.months
    last = _mc(M - 1)
    tol = ctx.const["check_tolerance"]
    r = int(ctx.kpi["checks_next"]) + 1
    for j, h in enumerate(("check", "", "native", "engine", "OK"), start=1):
        _style(ws.cell(r, j, h), bold=True, fill=HEAD_FILL)
    r += 1

    def check(label: str, native: str, engine: str) -> None:
        nonlocal r
        ws.cell(r, 1, label)
        ws.cell(r, 3, "=" + native)
        ws.cell(r, 4, "=" + engine)
        ws.cell(r, 5, f"=ABS(C{r}-D{r})<={tol}*MAX(1,ABS(D{r}))")
        ctx.checks.append(f"$E${r}")
        r += 1

    for o in OPTIONS:
        tr = ctx.cost_total[o]
        check(f"{o}: total cost = engine", f"SUM(Costs!$C${tr}:${last}${tr})",
              f"CC_TOTAL({ctx.inputs_ref},Costs!$B${_opt_row(ctx, o)})")
        er = ctx.engine_row[(o, "total_cost")]
        l0 = ctx.engine_row[(o, MONEY_COLUMNS[0])]
        check(f"{o}: engine lines sum to the engine total", f"SUM($C${l0}:${last}${er - 1})",
              f"SUM($C${er}:${last}${er})")
        for (oo, line), row in ctx.line_rows.items():
            if oo != o:
                continue
            er = ctx.engine_row[(o, line)]
            check(f"{o}: {line}", f"SUM(Costs!$C${row}:${last}${row})",
                  f"SUM($C${er}:${last}${er})")
        rr, er = ctx.revenue_row[o], ctx.engine_row[(o, "revenue_effect")]
        check(f"{o}: revenue effect", f"SUM(Revenue!$C${rr}:${last}${rr})",
              f"SUM($C${er}:${last}${er})")
        check(f"{o}: NPV (native) = engine", ctx.kpi[f"npv_{o}"],
              f"CC_TOTAL({ctx.inputs_ref},Costs!$B${_opt_row(ctx, o)},\"npv\")".replace(
                  '"npv"', ctx.kpi["npv_label"]))
        check(f"{o}: Excel's NPV = engine", ctx.kpi[f"npv_excel_{o}"], ctx.kpi[f"npv_engine_{o}"])
    for key in ("inc_outsourced", "inc_hybrid"):
        check(f"{key}: Excel's NPV = engine", ctx.kpi[f"npv_excel_{key}"],
              ctx.kpi[f"npv_engine_{key}"])
    r += 1
    ws.cell(r, 1, "MASTER CHECK (all checks true)")
    _style(ws.cell(r, 1), bold=True)
    ws.cell(r, 5, f"=AND({','.join(ctx.checks)})")
    _style(ws.cell(r, 5), bold=True)
    ctx.kpi["master"] = f"Checks!$E${r}"
    ws.column_dimensions["A"].width = 44


def _staffing(wb: Any, ctx: _Ctx) -> None:
    ws = wb.create_sheet("Staffing", 2)
    i = ctx.inp
    _title(ws, "Staffing", "A week of 30-minute intervals in month 0 (in-house voice): calls "
                           "from the weekly arrival profile, agents by CC_AGENTS, service level "
                           "by CC_SERVICE_LEVEL (each one spilled call).")
    ws["A4"] = "voice calls offered in month 0"
    ws["C4"] = "=Costs!" + _drv(ctx, "inhouse", "voice_offered", "$C")
    _style(ws["C4"], GREEN)
    ws["A5"] = "voice calls per week"
    ws["C5"] = f"=C4/{ctx.const['weeks_per_month']}"
    ws["A6"] = "weekday interval share factor"
    ws["C6"] = (f"=1/SUM($L$11:$L$58)/({ctx.const['weekdays']}"
                f"+{ctx.const['weekend_days']}*{i('demand.weekend_day_share')})")
    ws["A7"] = "weekend interval share factor"
    ws["C7"] = (f"={i('demand.weekend_day_share')}/SUM($M$11:$M$58)/({ctx.const['weekdays']}"
                f"+{ctx.const['weekend_days']}*{i('demand.weekend_day_share')})")
    ws["A8"] = "check: interval calls sum to the week"
    ws["C8"] = f"=ABS(SUM($G$11:$G$346)-C5)<={ctx.const['check_tolerance']}*MAX(1,C5)"
    ctx.checks.append("Staffing!$C$8")
    ws["K10"], ws["L10"], ws["M10"] = "slot", "weekday weight", "weekend weight"
    for s in range(48):
        ws.cell(11 + s, 11, s + 1)
    for j, path in ((12, "demand.weekday_profile"), (13, "demand.weekend_profile")):
        _array(ws, 11, j, 48, 1, f"CC_PARAM({ctx.inputs_ref},Inputs!$B${ctx.input_row[path]})")
    head = ("day", "time", "weekend flag", "slot", "arrival weight", "share of week",
            "calls offered", "agents required", "service level")
    for j, h in enumerate(head, start=1):
        _style(ws.cell(10, j, h), bold=True, fill=HEAD_FILL)
    days = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    r = 11
    for d, day in enumerate(days):
        for s in range(48):
            ws.cell(r, 1, day)
            ws.cell(r, 2, f"{s // 2:02d}:{30 * (s % 2):02d}")
            ws.cell(r, 3, 1 if d >= 5 else 0)
            ws.cell(r, 4, s + 1)
            ws.cell(r, 5, f"=INDEX($L$11:$L$58,D{r})*(1-C{r})+INDEX($M$11:$M$58,D{r})*C{r}")
            ws.cell(r, 6, f"=E{r}*($C$6*(1-C{r})+$C$7*C{r})")
            ws.cell(r, 7, f"=$C$5*F{r}")
            r += 1
    aht, sl, tt = i("demand.voice_aht_s"), i("service.voice_target_sl"), i("service.voice_target_time_s")
    occ, pat, iv = i("service.max_occupancy"), i("demand.patience_s"), ctx.const["interval_s"]
    _array(ws, 11, 8, 336, 1, f"CC_AGENTS($G$11:$G$346,{aht},{sl},{tt},{iv},{occ},{pat})")
    _array(ws, 11, 9, 336, 1, f"CC_SERVICE_LEVEL($H$11:$H$346,$G$11:$G$346,{aht},{tt},{iv},{pat})")
    ws["A348"] = "agent hours a week on the floor (voice)"
    ws["H348"] = f"=SUM($H$11:$H$346)*{iv}/3600"
    ws.freeze_panes = "A11"


def _summary(wb: Any, ctx: _Ctx) -> None:
    from openpyxl.chart import BarChart, LineChart, Reference

    ws = wb.create_sheet("Summary")
    cur = str(ctx.scenario["finance.currency"])
    _title(ws, "Summary", f"Headline figures over {ctx.months} months, {cur}. All native formulas "
                          "over Costs, Revenue and Cash flow; checked against the engine.")
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
            _style(ws.cell(r, j, "=" + f(o)), GREEN, fmt="#,##0")
            ctx.kpi[f"summary_{name}_{o}"] = f"Summary!${_col(j)}${r}"
        r += 1
    npv_row = r - 1
    r += 1
    for j, h in enumerate(("switching vs in-house", "unit", "outsourced", "hybrid"), start=1):
        _style(ws.cell(r, j, h), bold=True, fill=HEAD_FILL)
    r += 1
    for name, unit, key in (("npv", cur, "npv_inc_{}"), ("irr", "share/year", "irr_inc_{}"),
                            ("payback_months", "months", "payback_inc_{}")):
        ws.cell(r, 1, name)
        ws.cell(r, 2, unit)
        for j, o in enumerate(("outsourced", "hybrid"), start=3):
            _style(ws.cell(r, j, "=" + ctx.kpi[key.format(o)]), GREEN)
            ctx.kpi[f"summary_inc_{name}_{o}"] = f"Summary!${_col(j)}${r}"
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
    ws.column_dimensions["A"].width = 30
    for letter in "CDE":
        ws.column_dimensions[letter].width = 18

    bar = BarChart()
    bar.title = f"NPV of net cash flow by option ({cur})"
    bar.add_data(Reference(ws, min_col=3, max_col=5, min_row=npv_row), from_rows=True,
                 titles_from_data=False)
    bar.set_categories(Reference(ws, min_col=3, max_col=5, min_row=4))
    bar.legend = None
    ws.add_chart(bar, "G4")
    cf = wb["Cash flow"]
    line = LineChart()
    line.title = f"Monthly net cash flow ({cur})"
    for o in OPTIONS:
        row = ctx.ncf_row[o]
        line.add_data(Reference(cf, min_col=1, max_col=FIRST + ctx.months - 1, min_row=row),
                      from_rows=True, titles_from_data=True)
    line.set_categories(Reference(cf, min_col=FIRST, max_col=FIRST + ctx.months - 1, min_row=4))
    line.y_axis.title = cur
    line.x_axis.title = "month"
    ws.add_chart(line, "G22")


def _conf(wb: Any) -> None:
    ws = wb.create_sheet("xlwings.conf")
    ws["A1"], ws["B1"] = "UDF Modules", "roi_models.excel.udfs"


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
    ctx.kpi["npv_label"] = "Checks!$B$2"
    chk = _checks(wb, ctx)      # engine tables (rows needed by Costs)
    _costs(wb, ctx)
    _revenue(wb, ctx)
    _cashflow(wb, ctx)
    _staffing(wb, ctx)
    chk.title = "Checks"
    chk["B2"] = "npv"          # the metric label used by the CC_TOTAL NPV checks
    chk["A2"] = ("The engine's own monthly tables (CC_CASHFLOWS) and the checks that the native "
                 "sheets reproduce them. Metric label:")
    _check_rows(chk, ctx)
    _summary(wb, ctx)
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
                              lambda m, sheet=sheet: _cell_sub(m, sheet, values), text)
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
          progress: Callable[[str], None] | None = None) -> Built:
    """Build the business-case workbook at ``path`` (``.xlsx``).

    Parameters
    ----------
    path : path-like
        Where to write; parent folders are created. The file is written atomically.
    scenario : Scenario, optional
        Defaults to :meth:`Scenario.default`; its values fill the Inputs sheet.
    cache : bool
        Evaluate the workbook with ``formulas`` and store every result as the cell's cached value
        (needs the ``formulas`` package: ``pip install "roi-models[excel]"``). Without it the
        formulas are written with no results (Excel computes them once the add-in is loaded).
    progress : callable, optional
        Called with a short message at each stage.

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
    say("laying out the workbook")
    wb, ctx = _layout(sc)
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
