"""Excel worksheet functions ``CC_...`` (xlwings UDFs), category "Contact Center ROI".

Each function normalises what Excel sends (numbers, numeric text, ``None`` for blanks, lists for a
row or column, lists of lists for a block) and calls the engine: no formulas live here. A range of
volumes spills as a column; tables spill with headers. Bad input never raises into a cell: it
returns one line such as ``#VALUE! CC_AGENTS: aht must be > 0 seconds, got 0``.

Classic add-in (Windows): set "UDF Modules" to ``roi_models.excel.udfs`` and Import Functions.
xlwings Lite: ``from roi_models.excel.udfs import *`` in main.py (see workbooks/xlwings_lite/).
Without xlwings installed the functions are plain Python functions.

Examples
--------
>>> CC_AGENTS(100, 180, 0.8, 20, 1800)  # textbook case: 100 calls per half hour
14
>>> CC_AGENTS([100, 50], 180, 0.8, 20, 1800)  # a column of volumes spills a column
[[14], [8]]
>>> CC_AGENTS(100, 0, 0.8, 20, 1800)
'#VALUE! CC_AGENTS: aht must be > 0 seconds, got 0'
"""

from __future__ import annotations

from roi_models import finance, risk, staffing
from roi_models._version import __version__
from roi_models.excel import _convert as cv
from roi_models.excel._convert import number, numbers, result, udf

__all__ = [
    "CC_ABANDON_RATE",
    "CC_AGENTS",
    "CC_ASA",
    "CC_BREAKEVEN",
    "CC_CASHFLOWS",
    "CC_CLV",
    "CC_DRIVERS",
    "CC_ERLANGB",
    "CC_ERLANGC",
    "CC_FTE",
    "CC_INCREMENTAL",
    "CC_IRR_MONTHLY",
    "CC_MONTECARLO",
    "CC_NPV_MONTHLY",
    "CC_OCCUPANCY",
    "CC_PARAM",
    "CC_PAYBACK",
    "CC_SERVICE_LEVEL",
    "CC_SUMMARY",
    "CC_TORNADO",
    "CC_TOTAL",
    "CC_VERSION",
]


# ------------------------------------------------------------------------------------- staffing
@udf
def CC_ERLANGB(agents, traffic):
    return result("CC_ERLANGB", staffing.erlang_b(numbers("agents", agents),
                                                  numbers("traffic", traffic)))


@udf
def CC_ERLANGC(agents, traffic):
    return result("CC_ERLANGC", staffing.erlang_c(numbers("agents", agents),
                                                  numbers("traffic", traffic)))


@udf
def CC_SERVICE_LEVEL(agents, calls, aht, target_time, interval=3600, patience=None):
    return result("CC_SERVICE_LEVEL", staffing.service_level(
        numbers("agents", agents), numbers("calls", calls), numbers("aht", aht),
        numbers("target_time", target_time), number("interval", interval, 3600.0),
        patience=number("patience", patience, None)))


@udf
def CC_ASA(agents, calls, aht, interval=3600, patience=None):
    return result("CC_ASA", staffing.asa(
        numbers("agents", agents), numbers("calls", calls), numbers("aht", aht),
        number("interval", interval, 3600.0), patience=number("patience", patience, None)))


@udf
def CC_ABANDON_RATE(agents, calls, aht, patience, interval=3600):
    return result("CC_ABANDON_RATE", staffing.abandon_rate(
        numbers("agents", agents), numbers("calls", calls), numbers("aht", aht),
        numbers("patience", patience), number("interval", interval, 3600.0)))


@udf
def CC_OCCUPANCY(agents, calls, aht, interval=3600, patience=None):
    return result("CC_OCCUPANCY", staffing.occupancy(
        numbers("agents", agents), numbers("calls", calls), numbers("aht", aht),
        number("interval", interval, 3600.0), patience=number("patience", patience, None)))


@udf
def CC_AGENTS(calls, aht, target_sl, target_time, interval=3600, max_occupancy=1.0,
              patience=None, max_abandon=None):
    return result("CC_AGENTS", staffing.agents_required(
        numbers("calls", calls), numbers("aht", aht), numbers("target_sl", target_sl),
        numbers("target_time", target_time), number("interval", interval, 3600.0),
        max_occupancy=number("max_occupancy", max_occupancy, 1.0),
        patience=number("patience", patience, None),
        max_abandon=number("max_abandon", max_abandon, None)))


@udf
def CC_FTE(agents, shrinkage):
    return result("CC_FTE", staffing.fte_required(numbers("agents", agents),
                                                  numbers("shrinkage", shrinkage)))


# -------------------------------------------------------------------------------------- finance
@udf
def CC_NPV_MONTHLY(annual_rate, cashflows):
    flows = cv.series("cashflows", cashflows)
    return result("CC_NPV_MONTHLY", finance.npv(number("annual_rate", annual_rate), flows))


@udf
def CC_IRR_MONTHLY(cashflows):
    return result("CC_IRR_MONTHLY",
                  finance.irr(cv.series("cashflows", cashflows)))


@udf
def CC_PAYBACK(cashflows, annual_rate=None):
    flows = cv.series("cashflows", cashflows)
    return result("CC_PAYBACK", finance.payback_months(
        flows, annual_rate=number("annual_rate", annual_rate, None)), nan=cv.NEVER)


@udf
def CC_CLV(margin, retention, discount):
    return result("CC_CLV", finance.customer_lifetime_value(
        numbers("margin", margin), numbers("retention", retention), numbers("discount", discount)))


# -------------------------------------------------------------------------------- business case
@udf
def CC_PARAM(inputs, path):
    sc = cv.scenario("inputs", inputs)
    return result("CC_PARAM", sc[cv.lookup("path", path, list(sc.values()))])


@udf
def CC_TOTAL(inputs, option, metric="total_cost"):
    summary = cv.case("inputs", inputs).summary()
    row = cv.lookup("metric", metric, summary.index.tolist(), "total_cost")
    return result("CC_TOTAL", float(summary.loc[row, cv.option("option", option)]))


@udf
def CC_SUMMARY(inputs):
    return cv.frame(cv.case("inputs", inputs).summary(), "metric")


@udf
def CC_CASHFLOWS(inputs, option, across=False):
    monthly = cv.case("inputs", inputs).options[cv.option("option", option)].monthly
    return cv.frame(monthly, "month", across=cv.flag("across", across))


@udf
def CC_DRIVERS(inputs, option, across=False):
    drivers = cv.case("inputs", inputs).options[cv.option("option", option)].drivers
    return cv.frame(drivers, "month", across=cv.flag("across", across))


@udf
def CC_INCREMENTAL(inputs, metric, option=None):
    inc = cv.case("inputs", inputs).incremental
    row = cv.lookup("metric", metric, inc.index.tolist())
    which = cv.option("option", option, ("outsourced", "hybrid"), None)
    if which is None:
        return cv.table(inc.columns.tolist(), [inc.loc[row].tolist()])
    return result("CC_INCREMENTAL", float(inc.loc[row, which]))


# ------------------------------------------------------------------------------------------ risk
@udf
def CC_BREAKEVEN(inputs, path, low=None, high=None):
    sc = cv.scenario("inputs", inputs)
    be = risk.break_even(sc, cv.text("path", path), low=number("low", low, None),
                         high=number("high", high, None))
    return result("CC_BREAKEVEN", be.value, nan="#N/A " + be.message)


@udf
def CC_TORNADO(inputs, n=10):
    t = risk.tornado(cv.scenario("inputs", inputs))
    rows = int(number("n", n, 10.0))
    return cv.frame(t.head(max(rows, 1))[["value", "low", "high", "metric_low", "metric_high",
                                          "swing"]], "parameter")


@udf
def CC_MONTECARLO(inputs, trials=2000, seed=0):
    r = risk.monte_carlo(cv.scenario("inputs", inputs),
                         trials=int(number("trials", trials, 2000.0)),
                         seed=int(number("seed", seed, 0.0)))
    summary = r.summary.astype(object).where(r.summary.notna(), "")  # n/a cells stay blank
    return cv.frame(summary, "metric")


@udf
def CC_VERSION():
    return __version__
