"""The report's content, once, in one language: what every format (HTML, PDF, Markdown, XLSX) shows.

:func:`build` turns an evaluated :class:`~roi_models.business_case.BusinessCase` (and the risk
pages of :mod:`roi_models.report.data`) into a :class:`Report`: page 1 (the recommendation, the
KPI cards, the options table) and the sections behind it, each a list of paragraphs, charts and
tables. Every figure is a :class:`~roi_models.report.i18n.Num` holding the engine's exact value and
a key naming it (``summary.npv.outsourced``, ``incremental.payback_months.hybrid``, ...), so a
renderer can print it, store it as a number (XLSX) or tag it (HTML), and a test can check it.
No business formulas here: values are looked up, not computed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from roi_models._version import __version__
from roi_models.report.i18n import Lang, Num, Text

if TYPE_CHECKING:
    import pandas as pd

    from roi_models.business_case import BusinessCase
    from roi_models.report.data import RiskPages

__all__ = ["Chart", "Report", "Section", "Table", "build"]

OPTIONS: tuple[str, ...] = ("inhouse", "outsourced", "hybrid")
# metric -> kind (drives the text format and the XLSX number format)
SUMMARY_KINDS: dict[str, str] = {
    "total_cost": "money", "average_monthly_cost": "money", "cost_per_contact": "money2",
    "npv_cost": "money", "revenue_effect": "money", "npv": "money", "inhouse_fte": "fte",
    "vendor_fte": "fte", "handled_contacts": "count", "voice_service_level": "share",
    "voice_abandon_rate": "share", "first_contact_resolution": "share", "lost_contacts": "count",
    "one_off_costs": "money",
}
# page 1's options table, in order
OPTIONS_TABLE: tuple[str, ...] = (
    "total_cost", "cost_per_contact", "inhouse_fte", "vendor_fte", "voice_service_level",
    "voice_abandon_rate", "first_contact_resolution", "revenue_effect", "one_off_costs", "npv",
)
INCREMENTAL_KINDS: dict[str, str] = {
    "net_saving": "money", "npv": "money", "payback_months": "months",
    "discounted_payback_months": "months", "irr": "rate", "mirr": "rate", "roi": "rate",
    "cost_saving": "money",
    "cost_saving_share": "share", "revenue_difference": "money", "one_off_costs": "money",
}
INCREMENTAL_TABLE: tuple[str, ...] = (
    "net_saving", "npv", "payback_months", "discounted_payback_months", "irr", "mirr", "roi",
    "cost_saving", "cost_saving_share", "revenue_difference", "one_off_costs",
)
TORNADO_ROWS = 12

Cell = str | Num


@dataclass
class Table:
    key: str
    header: list[str]
    rows: list[list[Cell]]
    title: str = ""
    note: str = ""
    highlight: int | None = None  # column index to emphasise (the recommended option)


@dataclass
class Chart:
    key: str
    svg: str
    alt: str


@dataclass
class Section:
    key: str
    title: str
    blocks: list[Text | Table | Chart] = field(default_factory=list)
    page_break: bool = False


@dataclass
class Report:
    lang: Lang
    title: str
    meta: str
    notes: str
    headline: Text
    reasons: list[Text]
    kpi_title: str
    kpis: list[tuple[Text, Num]]
    options_table: Table
    signs: str
    sections: list[Section]
    recommended: str
    alternative: str
    risk: RiskPages | None
    staffing: pd.DataFrame | None = None
    bridge: list[tuple[str, Num, bool]] = field(default_factory=list)


# ------------------------------------------------------------------------------------- helpers
def _f(x: Any) -> float:
    return float(x)


def _summary_num(L: Lang, s: pd.DataFrame, metric: str, option: str) -> Num:
    return L.num(_f(s.loc[metric, option]), SUMMARY_KINDS[metric], f"summary.{metric}.{option}")


def _inc_num(L: Lang, inc: pd.DataFrame, metric: str, option: str, kind: str | None = None) -> Num:
    return L.num(_f(inc.loc[metric, option]), kind or INCREMENTAL_KINDS[metric],
                 f"incremental.{metric}.{option}")


def _scenario_num(L: Lang, case: BusinessCase, path: str, kind: str) -> Num:
    return L.num(_f(case.scenario[path]), kind, f"scenario.{path}")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


# ------------------------------------------------------------------------------------- page 1
def _recommendation(case: BusinessCase, L: Lang, alt: str,
                    risk: RiskPages | None) -> tuple[Text, list[Text]]:
    s, inc, rec = case.summary(), case.incremental, case.recommendation
    months = _scenario_num(L, case, "finance.horizon_months", "count")
    if rec.option in ("inhouse", "status_quo"):
        headline = L.text("rec.stay", option=L.option(alt, lower=True),
                          npv=_inc_num(L, inc, "npv", alt, "short"), months=months)
    else:
        headline = L.text("rec.switch", option=L.option(rec.option, lower=True), months=months,
                          net_saving=_inc_num(L, inc, "net_saving", rec.option, "short"),
                          npv=_inc_num(L, inc, "npv", rec.option, "short"))
    reasons = []
    for o in ("outsourced", "hybrid"):
        share = _f(inc.loc["cost_saving_share", o])
        pb = _f(inc.loc["payback_months", o])
        payback = (L.text("rec.payback", months=_inc_num(L, inc, "payback_months", o))
                   if math.isfinite(pb) else L.text("rec.payback.never"))
        reasons.append(L.text(
            "rec.reason", Option=_cap(L.option(o, lower=True)),
            verb=L.t("rec.verb.saves" if share >= 0 else "rec.verb.costs"),
            saving_share=L.num(abs(share), "share", f"abs.incremental.cost_saving_share.{o}"),
            saving=L.num(abs(_f(inc.loc["cost_saving", o])), "short",
                         f"abs.incremental.cost_saving.{o}"),
            months=months,
            revenue_difference=_inc_num(L, inc, "revenue_difference", o, "short"),
            fcr=_summary_num(L, s, "first_contact_resolution", o),
            fcr_inhouse=_summary_num(L, s, "first_contact_resolution", "inhouse"),
            npv=_inc_num(L, inc, "npv", o, "short"), payback=payback))
    # the engine says when the top two are too close to call
    if rec.close:
        reasons.append(L.text("rec.close"))
    if risk is not None:
        mc = risk.monte_carlo
        q = mc.summary.loc[f"incremental_npv_{risk.option}"]
        p = mc.p_outsourcing_better if risk.option == "outsourced" else mc.p_hybrid_better
        key = f"mc.incremental_npv_{risk.option}"
        reasons.append(L.text(
            "rec.mc", trials=L.num(risk.trials, "count", "mc.trials"),
            option=L.option(risk.option, lower=True),
            p=L.num(p, "share", f"mc.p_better.{risk.option}"),
            p10=L.num(_f(q["p10"]), "short", key + ".p10"),
            p50=L.num(_f(q["p50"]), "short", key + ".p50"),
            p90=L.num(_f(q["p90"]), "short", key + ".p90")))
    return headline, reasons


def recommendation_text(case: BusinessCase, lang: str = "en", *,
                        risk: RiskPages | None = None) -> tuple[str, list[str]]:
    """The recommendation and its reasons as plain text in ``lang`` (the CLI prints them)."""
    from roi_models.report.data import alternative

    L = Lang(lang, case.currency)
    alt = risk.option if risk is not None else alternative(case)
    headline, reasons = _recommendation(case, L, alt, risk)
    return str(headline).replace("\u00a0", " "), [str(r).replace("\u00a0", " ") for r in reasons]


def _kpis(case: BusinessCase, L: Lang, alt: str) -> list[tuple[Text, Num]]:
    inc = case.incremental
    months = _scenario_num(L, case, "finance.horizon_months", "count")
    rate = _scenario_num(L, case, "finance.discount_rate", "rate")
    irr = _f(inc.loc["irr", alt])
    irr_num = (_inc_num(L, inc, "irr", alt) if math.isfinite(irr)
               else Num(L.t("kpi.irr_undefined"), None, f"incremental.irr.{alt}", "rate"))
    return [
        (L.text("kpi.net_saving", months=months), _inc_num(L, inc, "net_saving", alt)),
        (L.text("kpi.npv", rate=rate), _inc_num(L, inc, "npv", alt)),
        (L.text("kpi.payback"), _inc_num(L, inc, "payback_months", alt)),
        (L.text("kpi.irr"), irr_num),
    ]


def _options_table(case: BusinessCase, L: Lang) -> Table:
    s = case.summary()
    opts = tuple(case.options)  # the status quo first when today's staffing is given
    rows: list[list[Cell]] = [[L.t("metric." + m), *(_summary_num(L, s, m, o) for o in opts)]
                              for m in OPTIONS_TABLE]
    rec = case.recommendation.option
    return Table("options", [L.t("options.metric"), *(L.option(o) for o in opts)], rows,
                 L.t("options.title"), L.t("options.note"), highlight=1 + opts.index(rec))


# ------------------------------------------------------------------------------------- sections
def incremental_table(case: BusinessCase, L: Lang) -> Table:
    inc = case.incremental
    months = int(case.scenario["finance.horizon_months"])
    rows: list[list[Cell]] = []
    for m in INCREMENTAL_TABLE:
        label = L.t("inc." + m, months=months) if m == "net_saving" else L.t("inc." + m)
        rows.append([label, *(_inc_num(L, inc, m, o) for o in inc.columns)])
    return Table("incremental", [L.t("inc.header"), *(L.option(o) for o in inc.columns)], rows,
                 L.t("inc.title"), L.t("inc.note"))


def assumptions_rows(case: BusinessCase, L: Lang) -> list[dict[str, Any]]:
    """Registry rows for this scenario: path, value, unit (with the currency), source, tag."""
    from roi_models.scenario import Scenario

    reg = Scenario.parameters()
    values = case.scenario.values()
    return [{"path": str(path), "value": values[path], "unit": L.unit(str(row["unit"])),
             "source": case.scenario.source_of(str(path)), "tag": str(row["tag"]),
             "description": str(row["description"])} for path, row in reg.iterrows()]


def _assumptions(case: BusinessCase, L: Lang) -> Section:
    rows = assumptions_rows(case, L)
    counts = {t: sum(r["tag"] == t for r in rows) for t in ("sourced", "benchmark", "estimate")}
    table = Table("assumptions", [L.t("assumptions." + k) for k in
                                  ("path", "value", "unit", "source", "tag")],
                  [[r["path"], L.plain(r["value"]), r["unit"], r["source"],
                    L.t("tag." + r["tag"])] for r in rows])
    return Section("assumptions", L.t("assumptions.title"), [
        L.text("assumptions.note"),
        L.text("assumptions.counts", n=len(rows), **counts), table], page_break=True)


def _bridge_steps(case: BusinessCase, L: Lang, alt: str) -> list[tuple[str, Num, bool]]:
    """Running-cost saving, one-offs, retention, lost sales -> net saving (engine sums)."""
    inc = case.incremental
    d_in, d_alt = case.options["inhouse"].drivers, case.options[alt].drivers
    one_off = _f(inc.loc["one_off_costs", alt])
    # the engine's revenue_effect is outbound_value - (lost_sales_margin + retention_loss): each
    # difference below is that part's share of the engine's revenue difference
    retention = _f(d_in["retention_loss"].sum() - d_alt["retention_loss"].sum())
    sales = _f(d_in["lost_sales_margin"].sum() - d_alt["lost_sales_margin"].sum())
    steps = [
        (L.t("bridge.running"), L.num(_f(inc.loc["cost_saving", alt]) + one_off, "money",
                                      f"bridge.running.{alt}"), False),
        (L.t("bridge.one_off"), L.num(-one_off, "money", f"bridge.one_off.{alt}"), False),
        (L.t("bridge.retention"), L.num(retention, "money", f"bridge.retention.{alt}"), False),
        (L.t("bridge.sales"), L.num(sales, "money", f"bridge.sales.{alt}"), False),
    ]
    if "outbound_value" in d_alt:  # revenue_effect = outbound_value - (lost sales + retention)
        outbound = _f(d_alt["outbound_value"].sum() - d_in["outbound_value"].sum())
        if outbound:
            steps.append((L.t("bridge.outbound"),
                          L.num(outbound, "money", f"bridge.outbound.{alt}"), False))
    return [*steps, (L.t("bridge.net"), _inc_num(L, inc, "net_saving", alt), True)]


def _param_label(path: str) -> str:
    return path


def _breakeven_labels(risk: RiskPages, L: Lang) -> tuple[list[str], list[str]]:
    return ([L.t(c.label_key) for c in risk.break_evens],
            [L.unit(str(_unit_of(c.path))) for c in risk.break_evens])


def worker_charts(risk: RiskPages, lang: str, currency: str) -> dict[str, str]:
    """The break-even and Monte Carlo charts (drawn by the risk worker, see analyse_risk)."""
    from roi_models.report import charts as ch

    L = Lang(lang, currency)
    return {"breakeven": ch.break_even(risk, L, *_breakeven_labels(risk, L)),
            "montecarlo": ch.monte_carlo(risk, L)}


def _risk_sections(case: BusinessCase, L: Lang, risk: RiskPages | None, charts: bool,
                   alt: str, drawn: dict[str, str]) -> list[Section]:
    from roi_models.report import charts as ch

    opt = L.option(risk.option if risk else alt, lower=True)
    if risk is None:
        return [Section("risk", L.t("tornado.title"), [L.text("risk.skipped")], page_break=True)]
    out = []
    # tornado
    t = risk.tornado.head(TORNADO_ROWS)
    labels = [_param_label(str(p)) for p in t.index]
    rows: list[list[Cell]] = []
    for p, r in t.iterrows():
        unit = L.unit(str(r["unit"]))
        rows.append([str(p), f"{L.plain(float(r['low']))} – {L.plain(float(r['high']))} {unit}"
                     .strip(),
                     L.num(_f(r["metric_low"]), "money", f"tornado.metric_low.{p}"),
                     L.num(_f(r["metric_high"]), "money", f"tornado.metric_high.{p}"),
                     L.num(_f(r["swing"]), "money", f"tornado.swing.{p}")])
    table = Table("tornado", [L.t("tornado.input"), L.t("tornado.range"), L.t("tornado.at_low"),
                              L.t("tornado.at_high"), L.t("tornado.swing")], rows)
    blocks: list[Text | Table | Chart] = [L.text("tornado.caption", option=opt, n=len(t),
                                                 total=len(risk.tornado))]
    if charts:
        blocks.append(Chart("tornado", ch.tornado(risk, L, labels), L.t("tornado.title")))
    out.append(Section("tornado", L.t("tornado.title"), [*blocks, table], page_break=True))
    # break-even
    rows = []
    titles, units = [], []
    for c in risk.break_evens:
        unit = L.unit(str(_unit_of(c.path)))
        titles.append(L.t(c.label_key))
        units.append(unit)
        value: Cell = (L.num(c.result.value, "number", f"breakeven.{c.path}") if c.result.found
                       else L.t("breakeven.none", low=L.plain(c.result.low),
                                high=L.plain(c.result.high)))
        rows.append([f"{L.t(c.label_key)} ({c.path})",
                     L.num(c.current, "number", f"scenario.{c.path}"), value, unit])
    table = Table("breakeven", [L.t("breakeven.input"), L.t("breakeven.current"),
                                L.t("breakeven.value"), L.t("assumptions.unit")], rows)
    blocks = [L.text("breakeven.caption", option=opt)]
    if charts:
        svg = drawn.get("breakeven") or ch.break_even(risk, L, titles, units)
        blocks.append(Chart("breakeven", svg,
                            L.t("breakeven.title")))
    out.append(Section("breakeven", L.t("breakeven.title"), [*blocks, table]))
    # Monte Carlo
    mc = risk.monte_carlo
    p = mc.p_outsourcing_better if risk.option == "outsourced" else mc.p_hybrid_better
    rows = []
    for o in ("outsourced", "hybrid"):
        q = mc.summary.loc[f"incremental_npv_{o}"]
        rows.append([L.option(o), *(L.num(_f(q[k]), "money", f"mc.incremental_npv_{o}.{k}")
                                    for k in ("mean", "p10", "p50", "p90")),
                     L.num(_f(q["p_better_than_inhouse"]), "share", f"mc.p_better.{o}")])
    table = Table("montecarlo", [L.t("mc.statistic"), L.t("mc.mean"), "P10", "P50", "P90",
                                 L.t("mc.p_better")], rows)
    drivers = ", ".join(str(x) for x in mc.drivers.index[:3])
    blocks = [L.text("mc.caption", option=opt, trials=L.number(risk.trials),
                     seed=risk.seed, p=L.num(p, "share", f"mc.p_better.{risk.option}"))]
    if charts:
        blocks.append(Chart("montecarlo", drawn.get("montecarlo") or ch.monte_carlo(risk, L),
                            L.t("mc.title")))
    blocks += [table, L.text("mc.drivers", names=drivers)]
    out.append(Section("montecarlo", L.t("mc.title"), blocks))
    return out


def _unit_of(path: str) -> str:
    from roi_models.parameters import registry

    return registry()[path].unit


def _top_risks(case: BusinessCase, L: Lang, alt: str, risk: RiskPages | None) -> Section:
    s, inc = case.summary(), case.incremental
    m = case.options[alt].monthly
    gov = L.num(_f(m["governance"].sum()), "money", f"monthly_sum.governance.{alt}")
    volume: Cell = L.t("value.na")
    if risk is not None:
        vol = next(c for c in risk.break_evens if c.path == "demand.volume_vs_forecast")
        volume = (L.num(vol.result.value, "share", "breakeven.demand.volume_vs_forecast")
                  if vol.result.found else L.t("breakeven.none", low=L.pct(vol.result.low),
                                               high=L.pct(vol.result.high)))
    pb = _inc_num(L, inc, "payback_months", alt)
    rows: list[list[Cell]] = [
        [L.t("risks.transition"), str(L.text("risks.transition.text",
                                             one_off=_inc_num(L, inc, "one_off_costs", alt),
                                             payback=pb))],
        [L.t("risks.governance"), str(L.text(
            "risks.governance.text", governance=gov,
            share=_scenario_num(L, case, "outsourced.governance_share", "share")))],
        [L.t("risks.quality"), str(L.text(
            "risks.quality.text", fcr=_summary_num(L, s, "first_contact_resolution", alt),
            fcr_inhouse=_summary_num(L, s, "first_contact_resolution", "inhouse"),
            revenue_difference=_inc_num(L, inc, "revenue_difference", alt)))],
        [L.t("risks.minimum"), str(L.text(
            "risks.minimum.text",
            minimum=_scenario_num(L, case, "outsourced.minimum_commitment", "share"),
            volume=volume))],
    ]
    return Section("risks", L.t("risks.title"),
                   [Table("risks", [L.t("risks.risk"), L.t("risks.what")], rows)])


def annual_table(case: BusinessCase, L: Lang, option: str) -> Table:
    annual = case.options[option].annual
    keep = [c for c in annual.columns
            if c in ("total_cost", "revenue_effect", "net_cash_flow") or annual[c].any()]
    rows: list[list[Cell]] = [
        [L.line(c), *(L.num(_f(annual.loc[y, c]), "money", f"annual.{option}.{c}.{y}")
                             for y in annual.index)] for c in keep]
    return Table(f"annual_{option}", [L.t("annual.line"),
                                      *(L.t("annual.year", n=int(y)) for y in annual.index)],
                 rows, L.t("annual.title", option=L.option(option)))


def monthly_table(case: BusinessCase, L: Lang) -> Table:
    header = [L.t("monthly.month")]
    for o in OPTIONS:
        header += [L.t("monthly.cost", option=L.option(o)), L.t("monthly.net", option=L.option(o))]
    months = case.options["inhouse"].monthly.index
    rows: list[list[Cell]] = []
    for mth in months:
        row: list[Cell] = [str(int(mth))]
        for o in OPTIONS:
            mo = case.options[o].monthly
            row += [L.num(_f(mo.loc[mth, "total_cost"]), "money", f"monthly.{o}.total_cost.{mth}"),
                    L.num(_f(mo.loc[mth, "net_cash_flow"]), "money",
                          f"monthly.{o}.net_cash_flow.{mth}")]
        rows.append(row)
    return Table("monthly", header, rows, L.t("monthly.title"), L.t("monthly.note"))


# ------------------------------------------------------------------------------------- build
STATIC_CHARTS: tuple[str, ...] = ("costs", "cash", "staffing", "bridge")


def static_charts(case: BusinessCase, lang: str, alt: str) -> dict[str, str]:
    """The charts that do not depend on the risk pages, as SVG (drawn ahead, see write_case)."""
    from roi_models.report import charts as ch
    from roi_models.report.data import interval_staffing

    L = Lang(lang, case.currency)
    steps = _bridge_steps(case, L, alt)
    return {"costs": ch.cost_breakdown(case, L), "cash": ch.cash_flow(case, L),
            "staffing": ch.staffing(interval_staffing(case.scenario), L),
            "bridge": ch.bridge([(lab, float(n.value or 0.0), tot) for lab, n, tot in steps], L)}


def build(case: BusinessCase, lang: str = "en", *, risk: RiskPages | None = None,
          charts: bool = True, drawn: dict[str, str] | None = None) -> Report:
    """The whole report in ``lang``; ``charts=False`` skips drawing (Markdown, XLSX).

    ``drawn`` holds charts already drawn by :func:`static_charts` for the same case and language.
    """
    from roi_models.report.data import alternative, interval_staffing

    L = Lang(lang, case.currency)
    sc = case.scenario
    alt = risk.option if risk is not None else alternative(case)
    headline, reasons = _recommendation(case, L, alt, risk)
    meta = L.t("doc.meta", preset=sc.preset_name, currency=case.currency,
               months=int(sc["finance.horizon_months"]), rate=L.pct(sc["finance.discount_rate"]),
               version=__version__)
    months = int(sc["finance.horizon_months"])
    sections: list[Section] = [
        Section("incremental", L.t("inc.title"), [incremental_table(case, L)], page_break=True),
        _assumptions(case, L)]
    drawn = dict(drawn or {})
    if charts and not all(k in drawn for k in STATIC_CHARTS):
        drawn.update(static_charts(case, lang, alt))
    # costs and cash
    blocks: list[Text | Table | Chart] = [L.text("costs.caption")]
    if charts:
        blocks.append(Chart("costs", drawn["costs"], L.t("costs.title")))
    sections.append(Section("costs", L.t("costs.title"), blocks, page_break=True))
    blocks = [L.text("cash.caption")]
    if charts:
        blocks.append(Chart("cash", drawn["cash"], L.t("cash.title")))
    sections.append(Section("cash", L.t("cash.title"), blocks))
    # staffing
    staff = interval_staffing(sc)
    wd = staff[staff["day"] == "weekday"]
    peak = wd.loc[wd["voice_agents"].idxmax()]
    blocks = [L.text("staffing.caption")]
    if charts:
        blocks.append(Chart("staffing", drawn["staffing"], L.t("staffing.title")))
    blocks.append(L.text("staffing.peak",
                         agents=L.num(_f(peak["voice_agents"]), "count", "staffing.peak_voice"),
                         time=str(peak["time"]),
                         fte=_summary_num(L, case.summary(), "inhouse_fte", "inhouse")))
    sections.append(Section("staffing", L.t("staffing.title"), blocks, page_break=True))
    # bridge
    steps = _bridge_steps(case, L, alt)
    blocks = [L.text("bridge.caption", option=L.option(alt), months=months)]
    if charts:
        blocks.append(Chart("bridge", drawn["bridge"], L.t("bridge.title")))
    blocks.append(Table("bridge", [L.t("bridge.step"), L.t("bridge.amount")],
                        [[lab, n] for lab, n, _ in steps]))
    sections.append(Section("bridge", L.t("bridge.title"), blocks))
    sections += _risk_sections(case, L, risk, charts, alt, drawn)
    sections.append(_top_risks(case, L, alt, risk))
    sections.append(Section("tables", L.t("tables.title"),
                            [L.text("annual.note"),
                             *(annual_table(case, L, o) for o in OPTIONS),
                             L.text("monthly.note"), monthly_table(case, L)], page_break=True))
    return Report(
        lang=L, title=L.t("doc.title", name=sc["scenario.name"]), meta=meta,
        notes=str(sc["scenario.notes"] or ""), headline=headline, reasons=reasons,
        kpi_title=L.t("kpi.title", option=L.option(alt, lower=True)), kpis=_kpis(case, L, alt),
        options_table=_options_table(case, L), signs=L.t("doc.signs"), sections=sections,
        recommended=case.recommendation.option, alternative=alt, risk=risk, staffing=staff,
        bridge=steps)
