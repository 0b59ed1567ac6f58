"""Excel worksheet functions ``CC_...`` (xlwings UDFs), category "Contact Center ROI".

Each function normalises what Excel sends (numbers, numeric text, ``None`` for blanks, lists for a
row or column, lists of lists for a block) and calls the engine: no formulas live here. A range of
volumes spills as a column; tables spill with headers. Bad input never raises into a cell: it
becomes a real ``#VALUE!`` / ``#NUM!`` / ``#N/A`` in xlwings Lite and one line of text such as
``#VALUE! CC_AGENTS: aht must be > 0 seconds, got 0`` in the classic add-in (which cannot return
error values); ``=CC_LASTERROR()`` shows the reason in both (see :mod:`._convert`).

Classic add-in (Windows): set "UDF Modules" to ``roi_models.excel.udfs`` and Import Functions.
xlwings Lite: ``from roi_models.excel.udfs import *`` in main.py (see workbooks/xlwings_lite/).
Without xlwings installed the functions are plain Python functions.

Examples
--------
>>> CC_AGENTS(100, 180, 0.8, 20, 1800)  # textbook case: 100 calls per half hour
14
>>> CC_AGENTS([100, 50], 180, 0.8, 20, 1800)  # a column of volumes spills a column
[[14], [8]]
>>> CC_AGENTS([100, None, 50], 180, 0.8, 20, 1800)  # a blank (closed) interval stays blank
[[14.0], [None], [8.0]]
>>> CC_AGENTS(100, 0, 0.8, 20, 1800)  # classic add-in; xlwings Lite shows a real #VALUE!
'#VALUE! CC_AGENTS: aht must be > 0 seconds, got 0'
>>> CC_LASTERROR()
'#VALUE! CC_AGENTS: aht must be > 0 seconds, got 0'
"""

from __future__ import annotations

from roi_models import bids, finance, risk, staffing
from roi_models._version import __version__
from roi_models.errors import InputError
from roi_models.excel import _convert as cv
from roi_models.excel._convert import elementwise, number, result, udf

__all__ = [
    "CC_ABANDON_RATE",
    "CC_AGENTS",
    "CC_ASA",
    "CC_BIDS",
    "CC_BREAKEVEN",
    "CC_CASHFLOWS",
    "CC_CLV",
    "CC_DRIVERS",
    "CC_ERLANGB",
    "CC_ERLANGC",
    "CC_FTE",
    "CC_INCREMENTAL",
    "CC_IRR_MONTHLY",
    "CC_LASTERROR",
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
# Element-wise functions: each range argument is read cell by cell; a blank cell (a closed
# interval) gives a blank result in that row, and ranges of different sizes give one error.
@udf
def CC_ERLANGB(agents, traffic):
    return result("CC_ERLANGB", elementwise(staffing.erlang_b, agents=agents, traffic=traffic))


@udf
def CC_ERLANGC(agents, traffic):
    return result("CC_ERLANGC", elementwise(staffing.erlang_c, agents=agents, traffic=traffic))


@udf
def CC_SERVICE_LEVEL(agents, calls, aht, target_time, interval=3600, patience=None):
    iv, pat = number("interval", interval, 3600.0), number("patience", patience, None)
    return result("CC_SERVICE_LEVEL", elementwise(
        lambda agents, calls, aht, target_time: staffing.service_level(
            agents, calls, aht, target_time, iv, patience=pat),
        agents=agents, calls=calls, aht=aht, target_time=target_time))


def _at_staffing(name, measure, agents, calls, aht, interval, patience):
    """``measure(agents, calls, aht, interval, patience=)`` cell by cell (CC_ASA, CC_OCCUPANCY)."""
    iv, pat = number("interval", interval, 3600.0), number("patience", patience, None)
    return result(name, elementwise(
        lambda agents, calls, aht: measure(agents, calls, aht, iv, patience=pat),
        agents=agents, calls=calls, aht=aht))


@udf
def CC_ASA(agents, calls, aht, interval=3600, patience=None):
    return _at_staffing("CC_ASA", staffing.asa, agents, calls, aht, interval, patience)


@udf
def CC_ABANDON_RATE(agents, calls, aht, patience, interval=3600):
    iv = number("interval", interval, 3600.0)
    return result("CC_ABANDON_RATE", elementwise(
        lambda agents, calls, aht, patience: staffing.abandon_rate(agents, calls, aht, patience, iv),
        agents=agents, calls=calls, aht=aht, patience=patience))


@udf
def CC_OCCUPANCY(agents, calls, aht, interval=3600, patience=None):
    return _at_staffing("CC_OCCUPANCY", staffing.occupancy, agents, calls, aht, interval, patience)


@udf
def CC_AGENTS(calls, aht, target_sl, target_time, interval=3600, max_occupancy=1.0,
              patience=None, max_abandon=None):
    iv = number("interval", interval, 3600.0)
    occ = number("max_occupancy", max_occupancy, 1.0)
    pat = number("patience", patience, None)
    ab = number("max_abandon", max_abandon, None)
    return result("CC_AGENTS", elementwise(
        lambda calls, aht, target_sl, target_time: staffing.agents_required(
            calls, aht, target_sl, target_time, iv, max_occupancy=occ, patience=pat,
            max_abandon=ab),
        calls=calls, aht=aht, target_sl=target_sl, target_time=target_time))


@udf
def CC_FTE(agents, shrinkage):
    return result("CC_FTE", elementwise(staffing.fte_required, agents=agents, shrinkage=shrinkage))


# -------------------------------------------------------------------------------------- finance
@udf
def CC_NPV_MONTHLY(annual_rate, cashflows):
    flows = cv.series("cashflows", cashflows)
    return result("CC_NPV_MONTHLY", finance.npv(number("annual_rate", annual_rate), flows))


@udf
def CC_IRR_MONTHLY(cashflows):
    rate = finance.irr(cv.series("cashflows", cashflows))
    if rate != rate:
        raise cv.NumError("no internal rate of return: the cash flows need money out and money "
                          "in, with a rate at which their NPV is 0")
    return result("CC_IRR_MONTHLY", rate)


@udf
def CC_PAYBACK(cashflows, annual_rate=None):
    flows = cv.series("cashflows", cashflows)
    return result("CC_PAYBACK", finance.payback_months(
        flows, annual_rate=number("annual_rate", annual_rate, None)), nan=cv.NEVER)


@udf
def CC_CLV(margin, retention, discount):
    return result("CC_CLV", elementwise(finance.customer_lifetime_value, margin=margin,
                                        retention=retention, discount=discount))


# -------------------------------------------------------------------------------- business case
@udf
def CC_PARAM(inputs, path):
    sc = cv.scenario("inputs", inputs)
    return result("CC_PARAM", sc[cv.lookup("path", path, list(sc.values()))])


@udf
def CC_TOTAL(inputs, sourcing, metric="total_cost"):
    summary = cv.case("inputs", inputs).summary()
    row = cv.lookup("metric", metric, summary.index.tolist(), "total_cost")
    return result("CC_TOTAL", float(summary.loc[row, cv.option("sourcing", sourcing)]))


@udf
def CC_SUMMARY(inputs):
    return cv.frame(cv.case("inputs", inputs).summary(), "metric")


@udf
def CC_CASHFLOWS(inputs, sourcing, across=False):
    monthly = cv.case("inputs", inputs).options[cv.option("sourcing", sourcing)].monthly
    return cv.frame(monthly, "month", across=cv.flag("across", across))


@udf
def CC_DRIVERS(inputs, sourcing, across=False):
    drivers = cv.case("inputs", inputs).options[cv.option("sourcing", sourcing)].drivers
    return cv.frame(drivers, "month", across=cv.flag("across", across))


@udf
def CC_INCREMENTAL(inputs, metric, sourcing=None):
    inc = cv.case("inputs", inputs).incremental
    row = cv.lookup("metric", metric, inc.index.tolist())
    which = cv.option("sourcing", sourcing, ("outsourced", "hybrid"), None)
    if which is None:
        return cv.table(inc.columns.tolist(), [inc.loc[row].tolist()])
    return result("CC_INCREMENTAL", float(inc.loc[row, which]))


def _block(name, x):
    """A range of rows (header first) -> list of lists; one row or one cell is a block of one row."""
    if isinstance(x, (list, tuple)) and x and all(isinstance(r, (list, tuple)) for r in x):
        return [list(r) for r in x]
    if isinstance(x, (list, tuple)) and not any(isinstance(r, (list, tuple)) for r in x):
        return [list(x)]
    raise cv.ExcelArgError(f"{name} must be a range with a header row of field names and one "
                           f"row per bid, got {x!r}")


@udf
def CC_BIDS(inputs, bids_range, metric=None):
    sc = cv.scenario("inputs", inputs)
    rows = _block("bids_range", bids_range)
    which = cv.text("metric", metric, None)
    try:
        out = bids.bids_table_from_rows(sc, rows, which)
    except bids.BidsError as exc:
        raise cv.ExcelArgError(f"bids_range: {exc}") from None
    return cv.table(out[0], [["" if v is None else v for v in r] for r in out[1:]])  # n/a: blank


# ------------------------------------------------------------------------------------------ risk
@udf
def CC_BREAKEVEN(inputs, path, low=None, high=None):
    sc = cv.scenario("inputs", inputs)
    where = cv.text("path", path)
    try:
        be = risk.break_even(sc, where, low=number("low", low, None),
                             high=number("high", high, None))
    except InputError as exc:  # e.g. "0: unknown input": name the argument
        if str(exc).startswith(where):
            raise cv.ExcelArgError(f"path {exc}") from None
        raise
    if be.value != be.value:
        raise cv.NotAvailable(f"path: {be.message}")
    return result("CC_BREAKEVEN", be.value)


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


@udf(volatile=True)
def CC_LASTERROR(n=1):
    rows = int(number("n", n, 1.0))
    if rows < 1:
        raise cv.ExcelArgError(f"n must be at least 1, got {rows}")
    got = list(cv.LAST_ERRORS)[:rows]
    if rows == 1:
        return got[0] if got else ""
    return [[v] for v in got + [""] * (rows - len(got))]
