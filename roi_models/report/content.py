"""The report's content, once, in one language: what every format (HTML, PDF, Markdown, XLSX) shows.

:func:`build` turns an evaluated :class:`~roi_models.business_case.BusinessCase` (and the risk
pages of :mod:`roi_models.report.data`) into a :class:`Report`: page 1 (the recommendation, the
KPI cards, the answers to a CFO's next questions, the options table) and the sections behind it,
each a list of paragraphs, charts and tables. Every figure is a :class:`~roi_models.report.i18n.Num`
holding the engine's exact value and a key naming it (``summary.npv.outsourced``,
``incremental.payback_months.hybrid``, ...), so a renderer can print it, store it as a number
(XLSX) or tag it (HTML), and a test can check it. No business formulas here: values are looked
up, summed over the horizon or accumulated, not modelled.

Options are iterated from the case (``case.options``, ``case.incremental.columns``), inputs from
the parameter registry: an option or an input the engine gains appears here without an edit.
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

__all__ = ["Chart", "Quote", "Report", "Section", "Table", "build"]

# metric -> kind (drives the text format and the XLSX number format)
SUMMARY_KINDS: dict[str, str] = {
    "total_cost": "money", "average_monthly_cost": "money", "cost_per_contact": "money2",
    "npv_cost": "money", "revenue_effect": "money", "npv": "money", "inhouse_fte": "fte",
    "vendor_fte": "fte", "handled_contacts": "count", "voice_service_level": "share",
    "voice_abandon_rate": "share", "first_contact_resolution": "share", "lost_contacts": "count",
    "one_off_costs": "money", "inhouse_support_fte": "fte",
}
# page 1's options table, in order (one-offs are in the reasons above it, once)
OPTIONS_TABLE: tuple[str, ...] = (
    "total_cost", "cost_per_contact", "inhouse_fte", "inhouse_support_fte", "vendor_fte",
    "voice_service_level", "voice_abandon_rate", "first_contact_resolution", "revenue_effect",
    "npv",
)
INCREMENTAL_KINDS: dict[str, str] = {
    "net_saving": "money", "npv": "money", "payback_months": "months",
    "discounted_payback_months": "months", "irr": "rate", "mirr": "rate", "roi": "share",
    "cost_saving": "money", "cost_saving_share": "share", "revenue_difference": "money",
    "one_off_costs": "money",
}
INCREMENTAL_TABLE: tuple[str, ...] = (
    "net_saving", "npv", "payback_months", "discounted_payback_months", "mirr", "irr", "roi",
    "cost_saving", "cost_saving_share", "revenue_difference", "one_off_costs",
)
#: Above this annual IRR the payback is so fast that the IRR says little (it is flagged).
IRR_MEANINGFUL_MAX = 1.0
TORNADO_ROWS = 12
#: Registry inputs that state exit / re-insourcing terms, if the scenario has any.
_EXIT_WORDS = ("exit", "terminat", "reinsourc", "re_insourc", "notice")


class Quote(str):
    """Text quoted in its original language (a citation): renderers mark it (``lang="en"``)."""

    lang = "en"


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
    facts: list[tuple[str, Text]] = field(default_factory=list)

    def facts_plain(self) -> list[tuple[str, str]]:
        """Page 1's answers (break-even, cash trough, people, commitments, estimates) as text."""
        return [(label, str(text)) for label, text in self.facts]


# ------------------------------------------------------------------------------------- helpers
def _f(x: Any) -> float:
    return float(x)


def summary_value(case: BusinessCase, s: pd.DataFrame, metric: str, option: str) -> float:
    """A row of page 1's options table: ``case.summary()``, or a driver's monthly average."""
    if metric in s.index:
        return _f(s.loc[metric, option])
    # a monthly-average row the engine's summary does not carry: the driver's mean over the horizon
    return _f(case.options[option].drivers[metric].mean())


def _summary_num(L: Lang, s: pd.DataFrame, metric: str, option: str,
                 case: BusinessCase | None = None) -> Num:
    value = summary_value(case, s, metric, option) if case is not None else _f(
        s.loc[metric, option])
    return L.num(value, SUMMARY_KINDS[metric], f"summary.{metric}.{option}")


def _inc_num(L: Lang, inc: pd.DataFrame, metric: str, option: str, kind: str | None = None) -> Num:
    return L.num(_f(inc.loc[metric, option]), kind or INCREMENTAL_KINDS[metric],
                 f"incremental.{metric}.{option}")


def _scenario_num(L: Lang, case: BusinessCase, path: str, kind: str) -> Num:
    return L.num(_f(case.scenario[path]), kind, f"scenario.{path}")


def _input_num(L: Lang, case: BusinessCase, path: str) -> Num:
    """An input as the user typed it (``2``, ``1.5``; no added decimals), kind ``input``."""
    value = _f(case.scenario[path])
    return Num(L.input_value(value), value, f"scenario.{path}", "input")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def alternatives(case: BusinessCase) -> list[str]:
    """The switching options (every option but in-house), in the engine's order."""
    return [str(o) for o in case.incremental.columns]


def scenario_text(case: BusinessCase, L: Lang, name: str) -> str:
    """``scenario.name`` / ``scenario.notes`` for display (:meth:`Lang.scenario_text`)."""
    return L.scenario_text(case.scenario, name)


def _preset_label(case: BusinessCase, L: Lang) -> str:
    key = f"preset.{case.scenario.preset_name}"
    return L.t(key) if L.has(key) else str(case.scenario.preset_name)


# ------------------------------------------------------------------------------------- page 1
def channel_table(case: BusinessCase, L: Lang, staff: Any = None) -> Table:
    """Every channel with contacts (the engine's channel table): offered in month 0, peak agents.

    ``staff`` is :func:`roi_models.report.data.interval_staffing` of the case (computed when not
    given). The report's staffing section and the CLI show it.
    """
    from roi_models.channels import CHANNELS

    if staff is None:
        from roi_models.report.data import interval_staffing

        staff = interval_staffing(case.scenario)
    drivers = case.options["inhouse"].drivers
    wd = staff[staff["day"] == "weekday"]
    rows: list[list[Cell]] = []
    for ch in CHANNELS:
        offered = float(drivers[f"{ch}_offered"].iloc[0])
        if offered > 0:
            rows.append([L.t("channel." + ch).capitalize(),
                         L.num(offered, "count", f"staffing.offered.{ch}"),
                         L.num(float(wd[f"{ch}_agents"].max()), "fte", f"staffing.peak.{ch}")])
    return Table("channels", [L.t("staffing.channel"), L.t("staffing.offered_month0"),
                              L.t("staffing.peak_agents")], rows, title=L.t("staffing.by_channel"))


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
    # the engine's structured reasons, worded here: "option" -> rec.reason, "close" -> rec.close;
    # "service_difference" is worded in the facts beside it (_service)
    for r in rec.reasons:
        if r.code == "close":
            reasons.append(L.text("rec.close"))
        if r.code != "option":
            continue
        o = r.option
        share = _f(inc.loc["cost_saving_share", o])
        pb = _f(inc.loc["payback_months", o])
        one_off = _f(inc.loc["one_off_costs", o])
        running = _f(inc.loc["cost_saving", o]) + one_off
        payback = (L.text("rec.payback", months=_inc_num(L, inc, "payback_months", o))
                   if math.isfinite(pb) else L.text("rec.payback.never"))
        reasons.append(L.text(
            "rec.reason", Option=_cap(L.option(o, lower=True)),
            verb=L.t("rec.verb.saves" if share >= 0 else "rec.verb.costs"),
            running_verb=L.t("rec.verb.running_saves" if running >= 0
                             else "rec.verb.running_costs"),
            running=L.num(abs(running), "short", f"abs.bridge.running.{o}"),
            one_off=L.num(one_off, "short", f"incremental.one_off_costs.{o}"),
            saving_share=L.num(abs(share), "share", f"abs.incremental.cost_saving_share.{o}"),
            saving=L.num(abs(_f(inc.loc["cost_saving", o])), "short",
                         f"abs.incremental.cost_saving.{o}"),
            months=months,
            revenue_difference=_inc_num(L, inc, "revenue_difference", o, "short"),
            fcr=_summary_num(L, s, "first_contact_resolution", o),
            fcr_inhouse=_summary_num(L, s, "first_contact_resolution", "inhouse"),
            npv=_inc_num(L, inc, "npv", o, "short"), payback=payback))
    if risk is not None:
        mc = risk.monte_carlo
        q = mc.summary.loc[f"incremental_npv_{risk.option}"]
        key = f"mc.incremental_npv_{risk.option}"
        reasons.append(L.text(
            "rec.mc", trials=L.num(risk.trials, "count", "mc.trials"),
            option=L.option(risk.option, lower=True),
            p=L.num(_f(q["p_better_than_inhouse"]), "share", f"mc.p_better.{risk.option}"),
            p10=L.num(_f(q["p10"]), "short", key + ".p10"),
            p50=L.num(_f(q["p50"]), "short", key + ".p50"),
            p90=L.num(_f(q["p90"]), "short", key + ".p90")))
    return headline, reasons


def recommendation_text(case: BusinessCase, lang: str = "en", *,
                        risk: RiskPages | None = None, keep_nbsp: bool = False
                        ) -> tuple[str, list[str]]:
    """The recommendation and its reasons as plain text in ``lang`` (the CLI prints them).

    ``keep_nbsp=True`` keeps the no-break spaces inside figures (``83,3 %``) for a wrapper that
    must not split them.
    """
    from roi_models.report.data import alternative

    L = Lang(lang, case.currency, case.baseline)
    alt = risk.option if risk is not None else alternative(case)
    headline, reasons = _recommendation(case, L, alt, risk)

    def plain(t: Text) -> str:
        return str(t) if keep_nbsp else str(t).replace("\u00a0", " ")

    return plain(headline), [plain(r) for r in reasons]


def plausibility_lines(scenario: Any, lang: str = "en") -> list[str]:
    """One line per input outside its plausible range (``Scenario.plausibility_warnings``).

    >>> from roi_models import Scenario
    >>> s = Scenario.default().with_changes({"inhouse.agent_hourly_wage": 95.0})
    >>> line = plausibility_lines(s)[0].replace("\u00a0", " ")
    >>> line.startswith("Warning: Agent hourly wage (inhouse.agent_hourly_wage) = 95 $/h")
    True
    >>> line.endswith("plausible range 16 – 25 $/h; accepted, check it.")
    True
    """
    L = Lang(lang, str(scenario["finance.currency"]))
    return [L.t("warnings.line", name=L.param(w.path), path=w.path,
                value=L.input_value(w.value), low=L.input_value(w.low),
                high=L.input_value(w.high), unit=L.unit(str(w.unit)))
            for w in scenario.plausibility_warnings()]


def _kpis(case: BusinessCase, L: Lang, alt: str) -> list[tuple[Text, Num]]:
    inc = case.incremental
    months = _scenario_num(L, case, "finance.horizon_months", "count")
    rate = _scenario_num(L, case, "finance.discount_rate", "rate")
    mirr = _f(inc.loc["mirr", alt])
    mirr_num = (_inc_num(L, inc, "mirr", alt) if math.isfinite(mirr)
                else Num(L.t("kpi.irr_undefined"), None, f"incremental.mirr.{alt}", "rate"))
    return [
        (L.text("kpi.net_saving", months=months), _inc_num(L, inc, "net_saving", alt)),
        (L.text("kpi.npv", rate=rate), _inc_num(L, inc, "npv", alt)),
        (L.text("kpi.payback"), _inc_num(L, inc, "payback_months", alt)),
        (L.text("kpi.mirr", rate=rate), mirr_num),
    ]


def _cash_trough(case: BusinessCase, L: Lang, alt: str) -> Text:
    """The lowest point of the cumulative incremental cash flow (undiscounted) and its month."""
    base = case.options["inhouse"].monthly["net_cash_flow"]
    cum = (case.options[alt].monthly["net_cash_flow"] - base).cumsum()
    month = int(cum.idxmin())
    return L.text("facts.trough.text", amount=L.num(_f(cum.min()), "short", f"cash.trough.{alt}"),
                  month=L.num(month, "count", f"cash.trough_month.{alt}"),
                  option=L.option(alt, lower=True))


def _people(case: BusinessCase, L: Lang, alt: str) -> Text:
    """In-house staff today and under ``alt`` (month 0 of each option), and the severance."""
    d_in, d_alt = case.options["inhouse"].drivers, case.options[alt].drivers
    m0 = d_in.index[0]
    agents = _f(d_in.loc[m0, "inhouse_headcount_fte"] - d_alt.loc[m0, "inhouse_headcount_fte"])
    support = _f(d_in.loc[m0, "inhouse_support_fte"] - d_alt.loc[m0, "inhouse_support_fte"])
    return L.text(
        "facts.people.text", total=L.num(agents + support, "fte", f"people.released.{alt}"),
        agents=L.num(agents, "fte", f"people.released_agents.{alt}"),
        support=L.num(support, "fte", f"people.released_support.{alt}"),
        today=L.num(_f(d_in.loc[m0, "inhouse_headcount_fte"] + d_in.loc[m0, "inhouse_support_fte"]),
                    "fte", "people.today"),
        redeployed=_scenario_num(L, case, "outsourced.redeployed_share", "share"),
        severance=L.num(_f(case.options[alt].monthly["severance"].sum()), "short",
                        f"monthly_sum.severance.{alt}"),
        parallel=_input_num(L, case, "outsourced.parallel_run_months"))


def _commitments(case: BusinessCase, L: Lang) -> Text:
    from roi_models.scenario import Scenario

    exit_terms = [p for p in Scenario.parameters().index
                  if p.startswith(("outsourced.", "contract.", "exit."))
                  and any(w in p for w in _EXIT_WORDS) and p != "outsourced.stranded_lease_months"]
    terms = Text([])
    for p in exit_terms:
        terms.parts += [f"; {L.param(p)} ", _input_num(L, case, p),
                        f"\u00a0{L.unit(str(Scenario.parameters().loc[p, 'unit']))}".rstrip()]
    return L.text(
        "facts.commitments.text",
        minimum=_scenario_num(L, case, "outsourced.minimum_commitment", "share"),
        term=_input_num(L, case, "finance.horizon_months"),
        lease=_input_num(L, case, "outsourced.stranded_lease_months"),
        terms=terms if terms.parts else L.text("facts.commitments.no_exit"))


def _estimates(case: BusinessCase, L: Lang) -> Text:
    rows = assumptions_rows(case, L)
    n = len(rows)
    est = sum(r["tag"] == "estimate" for r in rows)
    warnings = case.scenario.plausibility_warnings()
    out = L.text("facts.estimates.text", estimates=L.num(est, "count", "assumptions.estimates"),
                 n=L.num(n, "count", "assumptions.n"),
                 share=L.num(est / n if n else 0.0, "share", "assumptions.estimate_share"))
    if warnings:
        out.parts += L.text("facts.estimates.warnings",
                            n=L.num(len(warnings), "count", "assumptions.warnings")).parts
    return out


def _break_even_fact(risk: RiskPages, L: Lang) -> Text:
    from roi_models.parameters import registry

    reg = registry()
    out = Text([])
    for i, c in enumerate(risk.break_evens):
        share = str(reg[c.path].unit).startswith("share")
        unit = "" if share else "\u00a0" + L.unit(str(reg[c.path].unit))
        kind = "share" if share else "number"
        if i:
            out.parts.append("; ")
        now = L.num(c.current, kind, f"scenario.{c.path}")
        if c.result.found:
            value: Text | str = L.text("facts.breakeven.item", value=L.num(
                c.result.value, kind, f"breakeven.{c.path}"), unit=unit)
        else:
            value = L.t("facts.breakeven.none")
        name = L.param(c.path)
        if i and name[1:2].islower():  # "…; agent hourly wage …"
            name = name[:1].lower() + name[1:]
        out.parts += L.text("facts.breakeven.one", name=name, value=value, now=now,
                            unit=unit).parts
    return out


def _service(case: BusinessCase, L: Lang) -> Text:
    """Like for like: every option whose service differs from in-house beyond the tolerance."""
    diffs = case.service_differences()
    if not diffs:
        return L.text("facts.service.none")
    out = Text([])
    for i, d in enumerate(diffs):
        if i:
            out.parts.append("; ")
        key = f"{d.metric}.{d.option}"
        out.parts += L.text(
            "facts.service.one", option=L.option(d.option),
            metric=L.t("metric." + d.metric)[:1].lower() + L.t("metric." + d.metric)[1:],
            value=L.num(d.value, "share", f"summary.{key}"),
            reference=L.num(d.reference, "share", f"summary.{d.metric}.inhouse"),
            worth=L.num(d.worth, "money", f"service.worth.{key}")).parts
    out.parts.append(".")
    return out


def _facts(case: BusinessCase, L: Lang, alt: str, risk: RiskPages | None) -> list[tuple[str, Text]]:
    facts = []
    if risk is not None:
        facts.append((L.t("facts.breakeven", option=L.option(alt, lower=True)),
                      _break_even_fact(risk, L)))
    facts += [(L.t("facts.service"), _service(case, L)),
              (L.t("facts.trough"), _cash_trough(case, L, alt)),
              (L.t("facts.people"), _people(case, L, alt)),
              (L.t("facts.commitments"), _commitments(case, L)),
              (L.t("facts.estimates"), _estimates(case, L))]
    return facts


def _options_table(case: BusinessCase, L: Lang) -> Table:
    s = case.summary()
    options = [str(o) for o in case.options]  # the status quo first when today's staffing is given
    rows: list[list[Cell]] = [[L.t("metric." + m),
                               *(_summary_num(L, s, m, o, case) for o in options)]
                              for m in OPTIONS_TABLE if m in s.index or m == "inhouse_support_fte"]
    rec = case.recommendation.option
    return Table("options", [L.t("options.metric"), *(L.option(o) for o in options)], rows,
                 L.t("options.title"), L.t("options.note"), highlight=1 + options.index(rec))


# ------------------------------------------------------------------------------------- sections
def incremental_table(case: BusinessCase, L: Lang) -> Table:
    inc = case.incremental
    months = int(case.scenario["finance.horizon_months"])
    rows: list[list[Cell]] = []
    flagged = False
    for m in INCREMENTAL_TABLE:
        if m not in inc.index:
            continue
        label = L.t("inc." + m, months=months) if m == "net_saving" else L.t("inc." + m)
        cells: list[Cell] = []
        for o in inc.columns:
            n = _inc_num(L, inc, m, o)
            if m == "irr" and n.value is not None and n.value > IRR_MEANINGFUL_MAX:
                n = Num(f"{n.text} ({L.t('inc.irr_flag')})", n.value, n.key, n.kind)
                flagged = True
            cells.append(n)
        rows.append([label, *cells])
    note = L.t("inc.note") + (" " + L.t("inc.irr_note") if flagged else "")
    return Table("incremental", [L.t("inc.header"), *(L.option(o) for o in inc.columns)], rows,
                 note=note)


def assumptions_rows(case: BusinessCase, L: Lang) -> list[dict[str, Any]]:
    """Registry rows for this scenario: path, label, value, unit (with the currency), source, tag.

    Every input of the registry, in its order: an input added to the registry appears here.
    """
    from roi_models.scenario import Scenario

    reg = Scenario.parameters()
    values = case.scenario.values()
    out = []
    for path, row in reg.iterrows():
        p = str(path)
        value = values[p]
        if p in ("scenario.name", "scenario.notes"):
            value = scenario_text(case, L, p.split(".")[1])
        out.append({"path": p, "label": L.param(p), "value": value,
                    "unit": L.unit(str(row["unit"])), "source": case.scenario.source_of(p),
                    "tag": str(row["tag"]), "description": str(row["description"])})
    return out


def _source_cell(source: str, L: Lang) -> Cell:
    """A source: a citation stays in its language (marked); "user input" is translated."""
    if source == "user input":
        return L.t("source.user")
    if source.startswith("user input ("):  # "user input (my.yaml)": the file name as is
        return f"{L.t('source.user')} {source[len('user input '):]}"
    return Quote(source)


def _assumptions(case: BusinessCase, L: Lang) -> Section:
    rows = assumptions_rows(case, L)
    counts = {t: sum(r["tag"] == t for r in rows) for t in ("sourced", "benchmark", "estimate")}
    table = Table("assumptions", [L.t("assumptions." + k) for k in
                                  ("label", "value", "unit", "source", "tag")],
                  [[r["label"], L.input_value(r["value"]), r["unit"],
                    _source_cell(str(r["source"]), L), L.t("tag." + r["tag"])] for r in rows])
    blocks: list[Text | Table | Chart] = [
        L.text("assumptions.note"), L.text("assumptions.counts", n=len(rows), **counts)]
    warnings = case.scenario.plausibility_warnings()
    if warnings:
        wt = Table("warnings", [L.t("assumptions.label"), L.t("assumptions.value"),
                                L.t("warnings.range"), L.t("assumptions.unit")],
                   [[L.param(w.path), L.input_value(w.value),
                     f"{L.input_value(w.low)} – {L.input_value(w.high)}", L.unit(str(w.unit))]
                    for w in warnings], title=L.t("warnings.title"), note=L.t("warnings.note"))
        blocks.append(wt)
    else:
        blocks.append(L.text("warnings.none"))
    blocks.append(table)
    return Section("assumptions", L.t("assumptions.title"), blocks)


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


def _range_text(L: Lang, low: float, high: float, unit: str) -> str:
    return f"{L.input_value(low)} – {L.input_value(high)}\u00a0{unit}".strip()


def _risk_sections(case: BusinessCase, L: Lang, risk: RiskPages | None, charts: bool,
                   alt: str, drawn: dict[str, str]) -> list[Section]:
    import roi_models.report.charts as ch
    from roi_models.parameters import registry

    opt = L.option(risk.option if risk else alt, lower=True)
    if risk is None:
        return [Section("risk", L.t("tornado.title"), [L.text("risk.skipped")],
                        page_break=True)]
    reg = registry()
    out = []
    # tornado
    t = risk.tornado.head(TORNADO_ROWS)
    rows: list[list[Cell]] = []
    for p, r in t.iterrows():
        rows.append([L.param(str(p)),
                     _range_text(L, float(r["low"]), float(r["high"]), L.unit(str(r["unit"]))),
                     L.num(_f(r["metric_low"]), "money", f"tornado.metric_low.{p}"),
                     L.num(_f(r["metric_high"]), "money", f"tornado.metric_high.{p}"),
                     L.num(_f(r["swing"]), "money", f"tornado.swing.{p}")])
    table = Table("tornado", [L.t("tornado.input"), L.t("tornado.range"), L.t("tornado.at_low"),
                              L.t("tornado.at_high"), L.t("tornado.swing")], rows)
    blocks: list[Text | Table | Chart] = [L.text("tornado.caption", option=opt, n=len(t),
                                                 total=len(risk.tornado))]
    if charts:
        blocks.append(Chart("tornado", drawn.get("tornado") or tornado_chart(risk.tornado, L),
                            L.t("tornado.title")))
    # the risk chapter starts a printed page (the page before it may end short: a chapter's last)
    out.append(Section("tornado", L.t("tornado.title"), [*blocks, table], page_break=True))
    # break-even
    rows = []
    for c in risk.break_evens:
        unit = L.unit(str(reg[c.path].unit))
        value: Cell = (L.num(c.result.value, "number", f"breakeven.{c.path}") if c.result.found
                       else L.t("breakeven.none", low=L.input_value(c.result.low),
                                high=L.input_value(c.result.high)))
        rows.append([L.param(c.path), L.num(c.current, "number", f"scenario.{c.path}"), value,
                     unit])
    table = Table("breakeven", [L.t("breakeven.input"), L.t("breakeven.current"),
                                L.t("breakeven.value"), L.t("assumptions.unit")], rows)
    blocks = [L.text("breakeven.caption", option=opt)]
    if charts:
        svg = drawn.get("breakeven") or ch.break_even(risk, L, *ch.breakeven_labels(risk, L))
        blocks.append(Chart("breakeven", svg, L.t("breakeven.title")))
    out.append(Section("breakeven", L.t("breakeven.title"), [*blocks, table]))
    # Monte Carlo
    mc = risk.monte_carlo
    rows = []
    for o in alternatives(case):
        if f"incremental_npv_{o}" not in mc.summary.index:  # an option the Monte Carlo skips
            continue
        q = mc.summary.loc[f"incremental_npv_{o}"]
        rows.append([L.option(o), *(L.num(_f(q[k]), "money", f"mc.incremental_npv_{o}.{k}")
                                    for k in ("mean", "p10", "p50", "p90")),
                     L.num(_f(q["p_better_than_inhouse"]), "share", f"mc.p_better.{o}")])
    table = Table("montecarlo", [L.t("mc.statistic"), L.t("mc.mean"), "P10", "P50", "P90",
                                 L.t("mc.p_better")], rows)
    p = _f(mc.summary.loc[f"incremental_npv_{risk.option}", "p_better_than_inhouse"])
    drivers = ", ".join(L.param(str(x)) for x in mc.drivers.index[:3])
    blocks = [L.text("mc.caption", option=opt, trials=L.number(risk.trials),
                     seed=risk.seed, p=L.num(p, "share", f"mc.p_better.{risk.option}"))]
    if charts:
        blocks.append(Chart("montecarlo", drawn.get("montecarlo") or ch.monte_carlo(risk, L),
                            L.t("mc.title")))
    blocks += [table, L.text("mc.drivers", names=drivers)]
    out.append(Section("montecarlo", L.t("mc.title"), blocks))
    return out


def tornado_chart(table: pd.DataFrame, L: Lang) -> str:
    """The risk page's tornado chart (SVG): the first :data:`TORNADO_ROWS` rows of ``table``
    (:func:`roi_models.risk.tornado`), labelled in ``L``'s language."""
    import roi_models.report.charts as ch

    return ch.tornado(table, L, [L.param(str(p)) for p in table.index[:TORNADO_ROWS]])


def _top_risks(case: BusinessCase, L: Lang, alt: str, risk: RiskPages | None) -> Section:
    s, inc = case.summary(), case.incremental
    m = case.options[alt].monthly
    gov = L.num(_f(m["governance"].sum()), "money", f"monthly_sum.governance.{alt}")
    volume: Cell = L.t("value.na")
    if risk is not None:
        vol = next((c for c in risk.break_evens if c.path == "demand.volume_vs_forecast"), None)
        if vol is not None:
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


def cost_detail_table(case: BusinessCase, L: Lang) -> Table:
    """Every cost line over the horizon by option, under its chart family (the chart's detail)."""
    from roi_models.report.style import cost_families

    options = [str(o) for o in case.options]
    totals = {o: case.options[o].monthly.sum() for o in options}
    rows: list[list[Cell]] = []
    for fam, cols in cost_families().items():
        for c in cols:
            if any(totals[o][c] for o in options):
                rows.append([f"{L.t('family.' + fam)}: {L.line(c)}",
                             *(L.num(_f(totals[o][c]), "money", f"monthly_sum.{c}.{o}")
                               for o in options)])
    rows.append([L.line("total_cost"), *(L.num(_f(totals[o]["total_cost"]), "money",
                                               f"summary.total_cost.{o}") for o in options)])
    return Table("costs", [L.t("costs.line"), *(L.option(o) for o in options)], rows)


def monthly_table(case: BusinessCase, L: Lang) -> Table:
    options = [str(o) for o in case.options]
    header = [L.t("monthly.month")]
    for o in options:
        header += [L.t("monthly.cost", option=L.option(o)), L.t("monthly.net", option=L.option(o))]
    months = case.options[options[0]].monthly.index
    rows: list[list[Cell]] = []
    for mth in months:
        row: list[Cell] = [str(int(mth))]
        for o in options:
            mo = case.options[o].monthly
            row += [L.num(_f(mo.loc[mth, "total_cost"]), "money", f"monthly.{o}.total_cost.{mth}"),
                    L.num(_f(mo.loc[mth, "net_cash_flow"]), "money",
                          f"monthly.{o}.net_cash_flow.{mth}")]
        rows.append(row)
    return Table("monthly", header, rows, L.t("monthly.title"))


# ------------------------------------------------------------------------------------- build
STATIC_CHARTS: tuple[str, ...] = ("costs", "cash", "staffing", "bridge")


def static_charts(case: BusinessCase, lang: str, alt: str,
                  tornado: pd.DataFrame | None = None) -> dict[str, str]:
    """The charts that do not depend on the risk pages, as SVG (drawn ahead, see write_case);
    with ``tornado`` (:func:`roi_models.risk.tornado`'s table) its chart too."""
    import roi_models.report.charts as ch
    from roi_models.report.data import interval_staffing

    L = Lang(lang, case.currency, case.baseline)
    steps = _bridge_steps(case, L, alt)
    return {"costs": ch.cost_breakdown(case, L), "cash": ch.cash_flow(case, L),
            "staffing": ch.staffing(interval_staffing(case.scenario), L),
            "bridge": ch.bridge([(lab, float(n.value or 0.0), tot) for lab, n, tot in steps], L),
            **({} if tornado is None else {"tornado": tornado_chart(tornado, L)})}


def build(case: BusinessCase, lang: str = "en", *, risk: RiskPages | None = None,
          charts: bool = True, drawn: dict[str, str] | None = None) -> Report:
    """The whole report in ``lang``; ``charts=False`` skips drawing (Markdown, XLSX).

    ``drawn`` holds charts already drawn by :func:`static_charts` for the same case and language.
    """
    from roi_models.report.data import alternative, interval_staffing

    L = Lang(lang, case.currency, case.baseline)
    sc = case.scenario
    alt = risk.option if risk is not None else alternative(case)
    headline, reasons = _recommendation(case, L, alt, risk)
    meta = L.t("doc.meta", preset=_preset_label(case, L), currency=case.currency,
               months=int(sc["finance.horizon_months"]), rate=L.pct(sc["finance.discount_rate"]),
               version=__version__)
    months = int(sc["finance.horizon_months"])
    sections: list[Section] = [
        Section("incremental", L.t("inc.title"), [incremental_table(case, L)]),
        _assumptions(case, L)]
    drawn = dict(drawn or {})
    if charts and not all(k in drawn for k in STATIC_CHARTS):
        drawn.update(static_charts(case, lang, alt))
    # costs and cash
    blocks: list[Text | Table | Chart] = [L.text("costs.caption")]
    if charts:
        blocks.append(Chart("costs", drawn["costs"], L.t("costs.title")))
    blocks.append(cost_detail_table(case, L))
    sections.append(Section("costs", L.t("costs.title"), blocks))
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
    n_peak = _f(peak["voice_agents"])
    blocks.append(L.text("staffing.peak",
                         agents=L.num(n_peak, "count", "staffing.peak_voice"),
                         noun=L.plural("noun.agent", round(n_peak)),
                         time=str(peak["time"]),
                         fte=_summary_num(L, case.summary(), "inhouse_fte", "inhouse")))
    blocks.append(channel_table(case, L, staff))
    sections.append(Section("staffing", L.t("staffing.title"), blocks))
    # bridge
    steps = _bridge_steps(case, L, alt)
    blocks = [L.text("bridge.caption", option=L.option(alt), months=months,
                     months_word=L.plural("noun.month", months))]
    if charts:
        blocks.append(Chart("bridge", drawn["bridge"], L.t("bridge.title")))
    blocks.append(Table("bridge", [L.t("bridge.step"), L.t("bridge.amount")],
                        [[lab, n] for lab, n, _ in steps]))
    sections.append(Section("bridge", L.t("bridge.title"), blocks))
    sections += _risk_sections(case, L, risk, charts, alt, drawn)
    sections.append(_top_risks(case, L, alt, risk))
    sections.append(Section("tables", L.t("tables.title"),
                            [L.text("annual.note"),
                             *(annual_table(case, L, str(o)) for o in case.options),
                             L.text("monthly.note"), monthly_table(case, L)]))
    return Report(
        lang=L, title=L.t("doc.title", name=scenario_text(case, L, "name")), meta=meta,
        notes=scenario_text(case, L, "notes"), headline=headline, reasons=reasons,
        kpi_title=L.t("kpi.title", option=L.option(alt, lower=True)), kpis=_kpis(case, L, alt),
        options_table=_options_table(case, L), signs=L.t("doc.signs"), sections=sections,
        recommended=case.recommendation.option, alternative=alt, risk=risk, staffing=staff,
        bridge=steps, facts=_facts(case, L, alt, risk))
