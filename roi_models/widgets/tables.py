"""Tables for people, for the notebooks: the engine's tables with labels, money, % and months.

The engine's ``summary()`` and ``incremental`` are metric x option tables of floats (full
precision, snake_case rows) for code; these functions return the same figures as text in the
reader's language (the report's labels and number formats, through
:mod:`~roi_models.widgets.formatting`). Nothing is computed here.

>>> from roi_models import Scenario, evaluate
>>> t = summary_table(evaluate(Scenario.default()))
>>> t.loc["Cost per contact (today's demand)", "Outsourced"].startswith("$")
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from roi_models.widgets import formatting as fm
from roi_models.widgets.words import Words

if TYPE_CHECKING:
    from roi_models.business_case import BusinessCase

__all__ = [
    "annual_table",
    "answer",
    "incremental_table",
    "inputs_table",
    "monte_carlo_table",
    "summary_table",
    "tornado_table",
]

#: Format kind of each row of ``BusinessCase.summary()``.
SUMMARY_KINDS = {"total_cost": "money", "average_monthly_cost": "money",
                 "cost_per_contact": "money2", "revenue_effect": "money", "npv_cost": "money",
                 "npv": "money", "inhouse_fte": "fte", "vendor_fte": "fte",
                 "handled_contacts": "count", "voice_service_level": "share",
                 "voice_abandon_rate": "share", "first_contact_resolution": "share",
                 "lost_contacts": "count", "one_off_costs": "money"}
#: Format kind of each row of ``BusinessCase.incremental``.
INCREMENTAL_KINDS = {"npv": "money", "irr": "share", "mirr": "share", "payback_months": "months",
                     "discounted_payback_months": "months", "roi": "share",
                     "net_saving": "money", "cost_saving": "money", "cost_saving_share": "share",
                     "revenue_difference": "money", "one_off_costs": "money"}


def _words(case: BusinessCase, lang: str) -> Words:
    return Words(lang, case.currency)


def _label(w: Words, prefix: str, key: str, **kw: Any) -> str:
    try:
        return w.t(f"{prefix}.{key}", **kw)
    except KeyError:
        return key.replace("_", " ").capitalize()


def answer(case: BusinessCase, lang: str = "en") -> str:
    """The answer in one sentence, led by the incremental NPV (the dashboard's strip).

    >>> from roi_models import Scenario, evaluate
    >>> answer(evaluate(Scenario.default()))[:20]
    'Outsourced is worth '
    """
    w = _words(case, lang)
    s, inc = case.summary(), case.incremental
    best, alt = str(s.loc["npv"].idxmax()), str(inc.loc["npv"].idxmax())
    months = int(case.scenario["finance.horizon_months"])
    npv = fm.signed_money(w.report, float(inc.loc["npv", alt]))
    baseline = str(getattr(case, "baseline", "inhouse"))
    if best not in ("inhouse", "status_quo"):
        return w.t("strip.switch", option=w.option(alt), npv=npv, months=months,
                   base=w.t(f"strip.base.{baseline}"))
    return w.t("strip.stay", option=w.option(alt, lower=True), npv=npv, months=months)


def summary_table(case: BusinessCase, lang: str = "en") -> pd.DataFrame:
    """``case.summary()`` for people: labelled rows, options as columns, formatted figures."""
    w = _words(case, lang)
    s = case.summary()
    rows = {}
    for key in s.index:
        kind = SUMMARY_KINDS.get(str(key), "number")
        rows[_label(w, "metric", str(key))] = [fm.fmt(w.report, v, kind) for v in s.loc[key]]
    return pd.DataFrame.from_dict(rows, orient="index",
                                  columns=[w.option(o) for o in s.columns])


def incremental_table(case: BusinessCase, lang: str = "en") -> pd.DataFrame:
    """``case.incremental`` (switching minus staying in-house) for people."""
    w = _words(case, lang)
    inc = case.incremental
    months = int(case.scenario["finance.horizon_months"])
    rows = {}
    for key in inc.index:
        kind = INCREMENTAL_KINDS.get(str(key), "number")
        label = _label(w, "inc", str(key), months=months)
        rows[label] = [fm.fmt(w.report, v, kind) for v in inc.loc[key]]
    return pd.DataFrame.from_dict(rows, orient="index",
                                  columns=[w.option(o) for o in inc.columns])


def annual_table(case: BusinessCase, option: str, lang: str = "en") -> pd.DataFrame:
    """One option's cost lines by contract year (rows: lines with money, columns: years)."""
    w = _words(case, lang)
    a = case.options[option].annual
    a = a.loc[:, (a != 0).any(axis=0)]
    out = pd.DataFrame({w.report.line(str(c)): [fm.money(w.report, v) for v in a[c]]
                        for c in a.columns}, index=[w.t("chart.year", n=y) for y in a.index])
    return out.T


def inputs_table(scenario: Any, paths: list[str], lang: str = "en") -> pd.DataFrame:
    """Inputs with their label, value (in its unit), plausible range and source."""
    from roi_models.parameters import registry

    reg = registry()
    w = Words(lang, str(scenario["finance.currency"]))
    rows = []
    for p in paths:
        unit = reg[p].unit
        lo, hi = scenario.range_of(p)
        rows.append({"input": w.param(p),
                     "value": fm.param_value(w.report, float(scenario[p]), unit),
                     "range": f"{fm.param_value(w.report, lo, unit)} – "
                              f"{fm.param_value(w.report, hi, unit)}",
                     "source": scenario.source_of(p)})
    return pd.DataFrame(rows).set_index("input")


def tornado_table(table: pd.DataFrame, currency: str, lang: str = "en",
                  top: int = 10) -> pd.DataFrame:
    """A ``risk.tornado`` table for people: input label, range, incremental NPV at each end."""
    from roi_models.parameters import registry

    reg = registry()
    w = Words(lang, currency)
    rows = []
    for path, r in table.head(top).iterrows():
        unit = reg[str(path)].unit if str(path) in reg else ""
        rows.append({"input": w.param(str(path)),
                     "low – high": f"{fm.param_value(w.report, r['low'], unit)} – "
                                   f"{fm.param_value(w.report, r['high'], unit)}",
                     "NPV at low": fm.signed_money(w.report, r["metric_low"]),
                     "NPV at high": fm.signed_money(w.report, r["metric_high"]),
                     "swing": fm.money(w.report, r["swing"], short=True)})
    return pd.DataFrame(rows).set_index("input")


def monte_carlo_table(result: Any, currency: str, lang: str = "en") -> pd.DataFrame:
    """A ``risk.monte_carlo`` summary for people: P10 / P50 / P90 of each NPV and P(better)."""
    w = Words(lang, currency)
    rows = {}
    for name, r in result.summary.iterrows():
        name = str(name)
        if name.startswith("incremental_npv_"):
            label = w.t("chart.vs_inhouse", option=w.option(name.removeprefix("incremental_npv_")))
        else:
            label = f"NPV: {w.option(name.removeprefix('npv_'))}"
        p = r.get("p_better_than_inhouse", float("nan"))
        rows[label] = {"P10": fm.money(w.report, r["p10"], short=True),
                       "P50": fm.money(w.report, r["p50"], short=True),
                       "P90": fm.money(w.report, r["p90"], short=True),
                       "P(better than in-house)": fm.pct(w.report, p) if p == p else ""}
    return pd.DataFrame.from_dict(rows, orient="index")
