"""The report's charts: matplotlib figures drawn from engine results, returned as SVG text.

Charts only plot values the engine computed (cost lines, cash flows, interval agents, tornado,
break-even curves, Monte Carlo trials); every label comes from the language tables. Text is
drawn as paths (``svg.fonttype = "path"``) with the DejaVu Sans font matplotlib ships, so the SVG
looks the same on any screen and in the PDF, Cyrillic included, with no font installed.

Readable everywhere: every chart is :data:`WIDTH` wide and no text is smaller than
:data:`MIN_TEXT` points, so at the phone layout's minimum chart width (420 px, see
``formats.CSS``) text stays >= 9 px; labels carry their units and sit off the lines on a white
ground. Few artists: one bar container per cost family and option, no per-glyph legends beyond
what the chart needs.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from roi_models.report.i18n import Lang
from roi_models.report.style import CHANNEL_COLOURS, FAMILY_COLOURS, OPTION_COLOURS, cost_families

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure
    from matplotlib.typing import RcKeyType

    from roi_models.business_case import BusinessCase
    from roi_models.report.data import RiskPages

__all__ = [
    "MIN_TEXT",
    "WIDTH",
    "break_even",
    "bridge",
    "cash_flow",
    "cost_breakdown",
    "monte_carlo",
    "risk_charts",
    "staffing",
    "tornado",
    "warm_up",
]

#: Chart width, inches (461 pt: the SVG's user units); the phone layout never shows it narrower
#: than 420 px, so MIN_TEXT points stay >= 9 px.
WIDTH = 6.4
MIN_TEXT = 10.0
_RC: dict[RcKeyType, Any] = {
    "font.family": "DejaVu Sans", "font.size": MIN_TEXT, "axes.titlesize": 11,
    "axes.labelsize": MIN_TEXT, "xtick.labelsize": MIN_TEXT, "ytick.labelsize": MIN_TEXT,
    "legend.fontsize": MIN_TEXT, "legend.title_fontsize": MIN_TEXT,
    "axes.spines.top": False, "axes.spines.right": False, "axes.grid": True,
    "grid.color": "#dddddd", "grid.linewidth": 0.6, "axes.axisbelow": True,
    "svg.fonttype": "path", "svg.hashsalt": "roi-models", "legend.frameon": False,
}
_LABEL_BOX = {"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.9}


def _figure(height: float, ncols: int = 1, *, sharey: bool = False) -> tuple[Figure, Any]:
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH, height), layout="constrained")
    axes = fig.subplots(1, ncols, sharey=sharey) if ncols > 1 else fig.subplots()
    return fig, axes


def warm_up() -> None:
    """Import the plotting stack and lay out one figure (done once, before a worker forks)."""
    _figure(1.0)


def _svg(fig: Figure) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    text = buf.getvalue()
    return text[text.index("<svg"):]  # drop the XML prologue and doctype: inline-able


def _money_axis(ax: Any, lang: Lang, axis: str = "y") -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    fmt = FuncFormatter(lambda v, _pos: lang.money(v, short=True) if v else "0")
    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_formatter(fmt)
    if axis == "x":  # money labels are wide ("100,0 млн ₽"): few enough never to overlap
        target.set_major_locator(MaxNLocator(4))


def _draw(make: Callable[[], Figure]) -> str:
    import matplotlib

    with matplotlib.rc_context(_RC):
        return _svg(make())


# --------------------------------------------------------------------------------- costs
def cost_family_table(case: BusinessCase) -> dict[str, pd.DataFrame]:
    """Option -> annual cost by family (rows: contract years; columns: families with cost).

    Sums of the engine's annual cost lines within each family of
    :func:`roi_models.report.style.cost_families`; the families add up to ``total_cost``.
    """
    fam = cost_families()
    out = {}
    for o, res in case.options.items():
        a = res.annual
        out[o] = a[[c for cols in fam.values() for c in cols]].T.groupby(
            {c: k for k, cols in fam.items() for c in cols}, sort=False).sum().T
    return out


def cost_breakdown(case: BusinessCase, lang: Lang) -> str:
    """Stacked annual cost by family (at most eight, one colour each), one panel per option."""
    def make() -> Figure:
        table = cost_family_table(case)
        options = list(table)
        families = [f for f in cost_families() if any(table[o][f].any() for o in options)]
        fig, axes = _figure(3.4, len(options), sharey=True)
        for ax, o in zip(np.atleast_1d(axes), options, strict=True):
            a = table[o]
            x = np.arange(len(a.index))
            bottom = np.zeros(len(x))
            for f in families:
                v = a[f].to_numpy()
                if v.any():
                    ax.bar(x, v, 0.7, bottom=bottom, color=FAMILY_COLOURS.get(f, "#8c8c8c"),
                           label=lang.t("family." + f), linewidth=0)
                    bottom = bottom + v
            ax.set_xticks(x, [str(int(y)) for y in a.index])
            ax.set_xlabel(lang.t("costs.xlabel"))
            ax.set_title(lang.option(o), color=OPTION_COLOURS.get(o, "#333333"),
                         fontweight="bold")
            ax.grid(axis="x", visible=False)
        first = np.atleast_1d(axes)[0]
        _money_axis(first, lang)
        first.set_ylabel(lang.t("costs.ylabel", unit=lang.symbol))
        handles: dict[str, Any] = {}
        for ax in np.atleast_1d(axes):
            for h, lab in zip(*ax.get_legend_handles_labels(), strict=True):
                handles.setdefault(lab, h)
        fig.legend(handles.values(), handles.keys(), loc="outside lower center", ncol=2)
        return fig

    return _draw(make)


def cash_flow(case: BusinessCase, lang: Lang) -> str:
    """Cumulative incremental cash flow of each switching option, with the payback month."""
    def make() -> Figure:
        fig, ax = _figure(2.9)
        base = case.options["inhouse"].monthly["net_cash_flow"]
        inc = case.incremental
        for k, o in enumerate(inc.columns):
            cum = (case.options[o].monthly["net_cash_flow"] - base).cumsum()
            colour = OPTION_COLOURS.get(o, "#333333")
            ax.plot(cum.index, cum.to_numpy(), color=colour, lw=2, label=lang.option(o))
            pb = inc.loc["payback_months", o]
            if np.isfinite(pb):
                ax.axvline(pb, color=colour, ls=":", lw=1)
                ax.annotate(lang.t("cash.payback", months=lang.months(pb)), (pb, 1),
                            xycoords=("data", "axes fraction"), xytext=(5, -14 - 14 * k),
                            textcoords="offset points", color=colour, bbox=_LABEL_BOX)
        ax.axhline(0, color="#333333", lw=0.8)
        _money_axis(ax, lang)
        ax.set_xlabel(lang.t("cash.xlabel"))
        ax.set_ylabel(lang.t("cash.ylabel", unit=lang.symbol))
        ax.legend(loc="lower right")
        return fig

    return _draw(make)


def staffing(table: pd.DataFrame, lang: Lang) -> str:
    """Agents per interval of a typical week by channel (weekday solid, weekend dashed) and the
    offered calls; every channel the table has an ``<channel>_agents`` column for."""
    df = table

    def make() -> Figure:
        fig, ax = _figure(3.3)
        times = [f"{h:02d}:{m:02d}" for h in range(24) for m in (0, 30)]
        pos = {t: i for i, t in enumerate(times)}
        ax2 = ax.twinx()
        ax2.grid(False)
        channels = [c[:-len("_agents")] for c in df.columns if c.endswith("_agents")
                    and df[c].any()]
        for day, alpha in (("weekday", 0.35), ("weekend", 0.2)):
            d = df[df["day"] == day]
            x = np.array([pos[t] for t in d["time"]])
            ax2.bar(x, d["voice_calls"], 0.8, color="#999999", alpha=alpha, linewidth=0,
                    label=lang.t("staffing.calls_of", day=lang.t("day." + day)))
            for ch in channels:
                ax.step(x, d[f"{ch}_agents"], where="mid", color=CHANNEL_COLOURS.get(ch, "k"),
                        lw=1.8, ls="-" if day == "weekday" else "--",
                        label=f"{lang.t('channel.' + ch)}, {lang.t('day.' + day)}")
        ax.set_zorder(ax2.get_zorder() + 1)
        ax.patch.set_visible(False)
        ax.set_xticks(range(0, 48, 6), times[0:48:6])
        ax.set_xlim(-0.5, 47.5)
        ax.set_xlabel(lang.t("staffing.xlabel"))
        ax.set_ylabel(lang.t("staffing.agents"))
        ax2.set_ylabel(lang.t("staffing.calls"), color="#777777")
        ax2.spines["right"].set_visible(True)
        h1, l1 = ax.get_legend_handles_labels()
        h2, l2 = ax2.get_legend_handles_labels()
        fig.legend(h1 + h2, l1 + l2, loc="outside lower center", ncol=2)
        ax.set_ylim(0, max(df[f"{c}_agents"].max() for c in channels) * 1.1)
        ax2.set_ylim(0, df["voice_calls"].max() * 1.1)
        return fig

    return _draw(make)


def bridge(steps: list[tuple[str, float, bool]], lang: Lang) -> str:
    """Waterfall: (label, amount, is_total) steps; totals start from zero."""
    def make() -> Figure:
        fig, ax = _figure(3.0)
        level = 0.0
        for i, (_label, amount, total) in enumerate(steps):
            if total:
                bottom, height = 0.0, amount
                colour = "#4c72b0"
                level = amount
            else:
                bottom, height = level, amount
                colour = "#55a868" if amount >= 0 else "#c44e52"
                level += amount
            ax.bar(i, height, 0.6, bottom=bottom, color=colour, linewidth=0)
            top = max(bottom, bottom + height)
            ax.annotate(lang.money(amount, short=True), (i, top), xytext=(0, 3),
                        textcoords="offset points", ha="center")
            if i < len(steps) - 1:
                ax.plot([i + 0.3, i + 0.7], [level, level], color="#777777", lw=0.8)
        width = max(8, int(62 / max(1, len(steps))))
        ax.set_xticks(range(len(steps)), [textwrap.fill(s[0], width) for s in steps])
        ax.axhline(0, color="#333333", lw=0.8)
        _money_axis(ax, lang)
        ax.set_ylabel(lang.t("bridge.ylabel", unit=lang.symbol))
        ax.grid(axis="x", visible=False)
        lo, hi = ax.get_ylim()
        ax.set_ylim(lo, hi + 0.1 * (hi - lo))
        return fig

    return _draw(make)


# --------------------------------------------------------------------------------- risk
def tornado(table: pd.DataFrame, lang: Lang, labels: list[str]) -> str:
    """Horizontal bars of the incremental NPV at each input's low and high; largest first.

    ``table`` is :func:`roi_models.risk.tornado`'s, ``labels`` the names of its first rows.
    """
    def make() -> Figure:
        t = table.head(len(labels))
        wrapped = ["\n".join(textwrap.wrap(s, 26, max_lines=2, placeholder="…")) for s in labels]
        lines = sum(w.count("\n") + 1 for w in wrapped)
        fig, ax = _figure(0.2 * lines + 0.12 * len(t) + 1.3)
        base = float(t["base"].iloc[0])
        y = np.arange(len(t))[::-1]
        lo = t["metric_low"].to_numpy() - base
        hi = t["metric_high"].to_numpy() - base
        ax.barh(y, lo, left=base, color="#8fb3d9", label=lang.t("tornado.low"), linewidth=0)
        ax.barh(y, hi, left=base, color="#dd8452", label=lang.t("tornado.high"), linewidth=0)
        ax.axvline(base, color="#333333", lw=0.9)
        ax.set_yticks(y, wrapped)
        _money_axis(ax, lang, "x")
        ax.set_xlabel(lang.t("tornado.xlabel", unit=lang.symbol))
        ax.grid(axis="y", visible=False)
        ax.set_title(lang.t("tornado.base", value=lang.money(base, short=True)), loc="left")
        fig.legend(loc="outside lower center", ncol=2)
        return fig

    return _draw(make)


def break_even(risk: RiskPages, lang: Lang, titles: list[str], units: list[str]) -> str:
    """One small panel per key input: incremental NPV over the input, the tie and today's value.

    Labels carry the input's unit and sit above the curve on a white ground.
    """
    def make() -> Figure:
        n = len(risk.break_evens)
        fig, axes = _figure(2.9, n, sharey=True)
        axes = np.atleast_1d(axes)
        for ax, c, title, unit in zip(axes, risk.break_evens, titles, units, strict=True):
            ax.plot(c.grid, c.incremental_npv, color=OPTION_COLOURS.get(risk.option, "k"), lw=2)
            ax.axhline(0, color="#333333", lw=0.8)
            ax.axvline(c.current, color="#777777", ls=":", lw=1)
            ax.annotate(lang.t("breakeven.now_at", value=_with_unit(lang, c.current, unit)),
                        (c.current, 1), xycoords=("data", "axes fraction"), xytext=(3, -4),
                        textcoords="offset points", va="top", color="#555555", bbox=_LABEL_BOX)
            if c.result.found:
                ax.plot([c.result.value], [0], "o", color="#c44e52")
                ax.annotate(_with_unit(lang, c.result.value, unit), (c.result.value, 0),
                            xycoords="data", xytext=(0, -16), textcoords="offset points",
                            ha="center", va="top", color="#c44e52", bbox=_LABEL_BOX)
            ax.set_title("\n".join(textwrap.wrap(title, 18)))
            ax.set_xlabel(unit)
            ax.locator_params(axis="x", nbins=3)
        _money_axis(axes[0], lang)
        axes[0].set_ylabel(lang.t("breakeven.ylabel", unit=lang.symbol))
        return fig

    return _draw(make)


def _with_unit(lang: Lang, value: float, unit: str) -> str:
    """A chart label: the value at the break-even table's precision, then its unit."""
    if unit.startswith(lang.t("unit.share")) and "/" not in unit:
        return lang.pct(value)
    return f"{lang.number(value, 2)}\u00a0{unit}".strip()


def monte_carlo(risk: RiskPages, lang: Lang) -> str:
    """Histogram of the incremental NPV over the trials, with 0 and P10/P50/P90 marked."""
    def make() -> Figure:
        fig, ax = _figure(2.8)
        v = risk.monte_carlo.incremental_npv[risk.option].to_numpy()
        ax.hist(v, bins=30, color=OPTION_COLOURS.get(risk.option, "#4c72b0"), alpha=0.8,
                histtype="stepfilled")
        s = risk.monte_carlo.summary.loc[f"incremental_npv_{risk.option}"]
        for q, ls, dy in (("p10", "--", -4), ("p50", "-", -20), ("p90", "--", -36)):
            ax.axvline(s[q], color="#333333", ls=ls, lw=1)
            ax.annotate(f"{q.upper()} {lang.money(s[q], short=True)}", (s[q], 1),
                        xycoords=("data", "axes fraction"), xytext=(3, dy), va="top",
                        textcoords="offset points", bbox=_LABEL_BOX)
        ax.axvline(0, color="#c44e52", lw=1.2)
        _money_axis(ax, lang, "x")
        ax.set_xlabel(lang.t("mc.xlabel", unit=lang.symbol))
        ax.set_ylabel(lang.t("mc.ylabel"))
        return fig

    return _draw(make)


def breakeven_labels(risk: RiskPages, L: Lang) -> tuple[list[str], list[str]]:
    """Titles (input names) and units of the break-even panels, in ``L``'s language."""
    from roi_models.parameters import registry

    reg = registry()
    return ([L.param(c.path) for c in risk.break_evens],
            [L.unit(str(reg[c.path].unit)) for c in risk.break_evens])


def risk_charts(risk: RiskPages, lang: str, currency: str) -> dict[str, str]:
    """The break-even and Monte Carlo charts (the risk worker draws them, see analyse_risk)."""
    L = Lang(lang, currency)
    return {"breakeven": break_even(risk, L, *breakeven_labels(risk, L)),
            "montecarlo": monte_carlo(risk, L)}
