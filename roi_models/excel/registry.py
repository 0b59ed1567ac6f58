"""The one registry of the Excel functions: name, one-line description, argument docs.

Everything that lists the ``CC_`` functions reads it: :mod:`roi_models.excel.udfs` (the xlwings
``doc=`` of every argument and the function wizard's description), the workbook builder, the tests
(every function is called and fuzzed), the README's function reference table
(:func:`reference_table`) and :func:`register_formulas`, which teaches the ``formulas`` package
(the Excel-formula interpreter used by the tests and the benchmark) the same functions.

>>> spec = FUNCTIONS["CC_AGENTS"]
>>> spec.signature()
'CC_AGENTS(calls, aht, target_sl, target_time, [interval], [max_occupancy], [patience], [max_abandon])'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = [
    "CATEGORY",
    "FUNCTIONS",
    "Arg",
    "ExcelFunction",
    "functions",
    "reference_table",
    "register_formulas",
]

#: Category of the functions in Excel's function wizard (classic add-in).
CATEGORY = "Contact Center ROI"

_INPUTS_DOC = ("two-column range of (parameter path, value) overrides on the default scenario, "
               "e.g. the workbook's Inputs!B:C; blank rows and blank values are skipped")
_OPTION_DOC = '"inhouse", "outsourced" or "hybrid"'


@dataclass(frozen=True)
class Arg:
    """One argument of an Excel function: its name (as in the engine), doc, and whether optional."""

    name: str
    doc: str
    optional: bool = False


@dataclass(frozen=True)
class ExcelFunction:
    """One ``CC_`` worksheet function.

    Attributes
    ----------
    name : str
        Excel name, ``CC_...`` (also the Python function's name in :mod:`udfs`).
    doc : str
        One-line description (the function wizard's text and the docstring's first line).
    args : tuple of Arg
    group : str
        ``"Staffing"``, ``"Finance"``, ``"Business case"`` or ``"Risk"``.
    spills : bool
        Whether the result can be an array that spills (dynamic array).
    engine : str
        The engine function it calls, for the reference table.
    """

    name: str
    doc: str
    args: tuple[Arg, ...]
    group: str
    spills: bool = False
    engine: str = ""

    def signature(self) -> str:
        """``CC_NAME(a, b, [c])`` with optional arguments in brackets."""
        parts = [f"[{a.name}]" if a.optional else a.name for a in self.args]
        return f"{self.name}({', '.join(parts)})"


def _a(name: str, doc: str, optional: bool = False) -> Arg:
    return Arg(name, doc, optional)


_AGENTS = _a("agents", "agents staffed (a number, a column of numbers, fractional allowed)")
_CALLS = _a("calls", "contacts offered per interval (a number or a column of numbers)")
_AHT = _a("aht", "average handle time, seconds (> 0)")
_TT = _a("target_time", "service-level threshold, seconds (e.g. 20)")
_INTERVAL = _a("interval", "interval length, seconds (default 3600; 1800 for half hours)", True)
_PATIENCE = _a("patience", "mean caller patience, seconds: gives Erlang A; blank = Erlang C", True)
_INPUTS = _a("inputs", _INPUTS_DOC)
_OPTION = _a("sourcing", _OPTION_DOC)
_CASHFLOWS = _a("cashflows", "monthly cash flows, month 0 first (a row or column; cash out negative)")

_SPECS: tuple[ExcelFunction, ...] = (
    # ------------------------------------------------------------------------------ staffing
    ExcelFunction("CC_ERLANGB", "Erlang B blocking probability of a loss system.",
                  (_AGENTS, _a("traffic", "offered traffic, Erlangs (calls x aht / interval)")),
                  "Staffing", True, "staffing.erlang_b"),
    ExcelFunction("CC_ERLANGC", "Erlang C probability that a contact waits (1 if agents <= traffic).",
                  (_AGENTS, _a("traffic", "offered traffic, Erlangs (calls x aht / interval)")),
                  "Staffing", True, "staffing.erlang_c"),
    ExcelFunction("CC_SERVICE_LEVEL",
                  "Share of offered contacts answered within target_time (Erlang C, or A with patience).",
                  (_AGENTS, _CALLS, _AHT, _TT, _INTERVAL, _PATIENCE),
                  "Staffing", True, "staffing.service_level"),
    ExcelFunction("CC_ASA", "Average speed of answer of answered contacts, seconds.",
                  (_AGENTS, _CALLS, _AHT, _INTERVAL, _PATIENCE),
                  "Staffing", True, "staffing.asa"),
    ExcelFunction("CC_ABANDON_RATE", "Share of offered contacts that hang up before an answer (Erlang A).",
                  (_AGENTS, _CALLS, _AHT, _a("patience", "mean caller patience, seconds (> 0)"),
                   _INTERVAL),
                  "Staffing", True, "staffing.abandon_rate"),
    ExcelFunction("CC_OCCUPANCY", "Share of staffed agents' time spent handling contacts.",
                  (_AGENTS, _CALLS, _AHT, _INTERVAL, _PATIENCE),
                  "Staffing", True, "staffing.occupancy"),
    ExcelFunction("CC_AGENTS", "Smallest number of agents that meets the service-level targets.",
                  (_CALLS, _AHT, _a("target_sl", "target service level as a decimal (0.8, not 80)"),
                   _TT, _INTERVAL,
                   _a("max_occupancy", "occupancy cap as a decimal (default 1 = no cap)", True),
                   _PATIENCE,
                   _a("max_abandon", "abandonment cap as a decimal (needs patience)", True)),
                  "Staffing", True, "staffing.agents_required"),
    ExcelFunction("CC_FTE", "Full-time equivalents for agents on the floor: agents / (1 - shrinkage).",
                  (_AGENTS, _a("shrinkage", "share of paid time not available, decimal (0.3)")),
                  "Staffing", True, "staffing.fte_required"),
    # ------------------------------------------------------------------------------- finance
    ExcelFunction("CC_NPV_MONTHLY",
                  "NPV of monthly cash flows: month 0 undiscounted (unlike Excel's NPV), annual rate.",
                  (_a("annual_rate", "annual discount rate as a decimal (0.1)"), _CASHFLOWS),
                  "Finance", False, "finance.npv"),
    ExcelFunction("CC_IRR_MONTHLY", "Annualised internal rate of return of monthly cash flows.",
                  (_CASHFLOWS,), "Finance", False, "finance.irr"),
    ExcelFunction("CC_PAYBACK",
                  "Months until cumulative (discounted, with a rate) cash flow reaches 0, "
                  "linear in the month.",
                  (_CASHFLOWS, _a("annual_rate", "annual rate to discount with; blank = undiscounted",
                                  True)),
                  "Finance", False, "finance.payback_months"),
    ExcelFunction("CC_CLV", "Customer lifetime value: margin x r / (1 + d - r).",
                  (_a("margin", "annual margin per customer, money"),
                   _a("retention", "annual retention rate r as a decimal (1 - churn)"),
                   _a("discount", "annual discount rate d as a decimal")),
                  "Finance", True, "finance.customer_lifetime_value"),
    # ------------------------------------------------------------------------- business case
    ExcelFunction("CC_PARAM", "The value of one scenario input (a vector input spills as a column).",
                  (_INPUTS, _a("path", 'dotted parameter path, e.g. "inhouse.agent_hourly_wage"')),
                  "Business case", True, "Scenario[path]"),
    ExcelFunction("CC_TOTAL", "One headline metric of one option (default: total cost over the horizon).",
                  (_INPUTS, _OPTION,
                   _a("metric", 'a row of CC_SUMMARY, e.g. "npv" (default "total_cost")', True)),
                  "Business case", False, "evaluate().summary()"),
    ExcelFunction("CC_SUMMARY", "Metric x option table of the business case, with headers.",
                  (_INPUTS,), "Business case", True, "evaluate().summary()"),
    ExcelFunction("CC_CASHFLOWS", "Monthly money table of one option (cost lines, totals, net cash flow).",
                  (_INPUTS, _OPTION,
                   _a("across", "TRUE = months across columns (lines down); default months down",
                      True)),
                  "Business case", True, "evaluate().options[sourcing].monthly"),
    ExcelFunction("CC_DRIVERS", "Monthly drivers of one option (volumes, FTE, hires, seats, hours, SL).",
                  (_INPUTS, _OPTION,
                   _a("across", "TRUE = months across columns (drivers down); default months down",
                      True)),
                  "Business case", True, "evaluate().options[sourcing].drivers"),
    ExcelFunction("CC_INCREMENTAL",
                  "Switching vs in-house: npv, irr, payback_months, roi... of outsourced and hybrid.",
                  (_INPUTS, _a("metric", 'a row of the incremental table, e.g. "npv"'),
                   _a("sourcing", '"outsourced" or "hybrid"; blank = both, with headers', True)),
                  "Business case", True, "evaluate().incremental"),
    ExcelFunction("CC_BIDS",
                  "Vendor bids compared with in-house: metric x option table (NPV, cost per "
                  "contact, service, FX exposure, weighted score, ranks), with headers.",
                  (_INPUTS,
                   _a("bids_range", "the bids: a header row of field names (name, location, "
                                    "delivery_model, pricing_model, rate, the six 1-5 scores...) "
                                    "and one row per bid, e.g. the workbook's Bids sheet"),
                   _a("metric", 'one row of the table, e.g. "npv", "score" or "rank_score"; '
                                "blank = the whole table", True)),
                  "Business case", True, "bids.compare().table()"),
    # ---------------------------------------------------------------------------------- risk
    ExcelFunction("CC_BREAKEVEN",
                  "Value of one input at which in-house and outsourced tie on NPV (#N/A if none).",
                  (_INPUTS, _a("path", 'dotted path of a numeric input, e.g. '
                                       '"outsourced.rate_per_productive_hour"'),
                   _a("low", "search from (blank = the input's plausible low)", True),
                   _a("high", "search to (blank = the input's plausible high)", True)),
                  "Risk", False, "risk.break_even"),
    ExcelFunction("CC_TORNADO",
                  "Tornado table: each input low/high, incremental NPV of outsourcing, largest first.",
                  (_INPUTS, _a("n", "rows to return (default 10)", True)),
                  "Risk", True, "risk.tornado"),
    ExcelFunction("CC_MONTECARLO",
                  "Monte Carlo summary: mean, P10, P50, P90 of every NPV and P(better than in-house).",
                  (_INPUTS, _a("trials", "number of trials (default 2,000)", True),
                   _a("seed", "random seed (default 0; same seed, same result)", True)),
                  "Risk", True, "risk.monte_carlo"),
    ExcelFunction("CC_VERSION", "Version of the roi-models package behind the functions.",
                  (), "Business case", False, "roi_models.__version__"),
    ExcelFunction("CC_LASTERROR",
                  "Why the latest CC_ function failed: its error code, name and reason "
                  "(newest first; recalculates with the sheet).",
                  (_a("n", "how many recent errors to list (default 1; more spill as a column)",
                      True),),
                  "Business case", True, "the functions' error log"),
)

#: Excel name -> :class:`ExcelFunction`, in reference order.
FUNCTIONS: dict[str, ExcelFunction] = {s.name: s for s in _SPECS}


def functions() -> dict[str, Callable[..., Any]]:
    """Excel name -> the UDF (plain Python function in :mod:`roi_models.excel.udfs`)."""
    from roi_models.excel import udfs

    return {name: getattr(udfs, name) for name in FUNCTIONS if hasattr(udfs, name)}


def reference_table() -> str:
    """The README's function reference table (Markdown), generated from the registry."""
    lines = ["| function | what it returns | arguments |", "|---|---|---|"]
    for spec in FUNCTIONS.values():
        args = "; ".join(f"`{a.name}`{' (optional)' if a.optional else ''}: {a.doc}"
                         for a in spec.args) or "none"
        spill = " Spills." if spec.spills else ""
        lines.append(f"| `{spec.signature()}` | {spec.doc}{spill} | {args.replace('|', '/')} |")
    return "\n".join(lines)


# ------------------------------------------------------------------------- formulas package
def _from_formulas(value: Any) -> Any:
    """What the ``formulas`` package passes -> what Excel passes through xlwings.

    A single cell arrives as a scalar, a blank as ``None``, a one-row or one-column range as a
    list, anything else as a list of lists (xlwings' defaults on Windows and in xlwings Lite).
    """
    import numpy as np
    import schedula as sh

    def cell(v: Any) -> Any:
        if v is sh.EMPTY:
            return None
        if isinstance(v, np.generic):
            return v.item()
        return v

    if not isinstance(value, np.ndarray):
        return cell(value)
    arr = np.asarray(value, dtype=object)
    if arr.ndim == 0 or arr.size == 1:
        return cell(arr.reshape(-1)[0])
    if arr.ndim == 2 and 1 in arr.shape:
        return [cell(v) for v in arr.reshape(-1)]
    return [[cell(v) for v in row] for row in arr]


def _to_formulas(result: Any) -> Any:
    """A UDF result -> a ``formulas`` array; an error (bare code or ``"#VALUE! CC_X: why"``) is a
    real error value, as xlwings Lite shows it."""
    import numpy as np
    import schedula as sh
    from formulas.functions import Array
    from formulas.tokens.operand import Error

    def cell(v: Any) -> Any:
        if v is None:
            return sh.EMPTY
        if isinstance(v, str) and v.startswith("#"):
            code = v.split(" ", 1)[0]
            if code in Error.errors:
                return Error.errors[code]
        return v

    if isinstance(result, list):
        rows = [r if isinstance(r, list) else [r] for r in result]
        out = np.empty((len(rows), max(len(r) for r in rows)), dtype=object)
        for i, r in enumerate(rows):
            out[i, :] = [cell(v) for v in r]
        return out.view(Array)
    return np.asarray([[cell(result)]], dtype=object).view(Array)


def register_formulas(names: Mapping[str, Callable[..., Any]] | None = None) -> dict[str, Any]:
    """Register the ``CC_`` functions with the ``formulas`` package (tests, benchmark).

    Each function is wrapped so that it receives exactly what Excel sends (scalars, ``None`` for
    blanks, lists, lists of lists) and its result goes back as a ``formulas`` array; a function
    that is not registered would silently drop its cell. Returns the registered wrappers.
    """
    import functools

    import formulas

    table = formulas.get_functions()
    done: dict[str, Any] = {}
    for name, fn in (names or functions()).items():
        @functools.wraps(fn)
        def call(*args: Any, _fn: Callable[..., Any] = fn) -> Any:
            return _to_formulas(_fn(*(_from_formulas(a) for a in args)))

        table[name] = done[name] = formulas.functions.wrap_func(call)
    return done
