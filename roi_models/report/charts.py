"""The report's charts: matplotlib figures drawn from engine results, returned as SVG text.

Charts only plot values the engine computed (cost lines, cash flows, interval agents, tornado,
break-even curves, Monte Carlo trials); every label comes from the translation table. Text is
drawn as paths (``svg.fonttype = "path"``) with the DejaVu Sans font matplotlib ships, so the SVG
looks the same on any screen and in the PDF, Cyrillic included, with no font installed.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from roi_models.report.i18n import Lang

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from roi_models.business_case import BusinessCase
    from roi_models.report.data import RiskPages

__all__ = [
    "break_even",
    "bridge",
    "cash_flow",
    "cost_breakdown",
    "monte_carlo",
    "staffing",
    "tornado",
]

_RC = {
    "font.family": "DejaVu Sans", "font.size": 8.5, "axes.titlesize": 9.5,
    "axes.spines.top": False, "axes.spines.right": False, "axes.grid": True,
    "grid.color": "#dddddd", "grid.linewidth": 0.6, "axes.axisbelow": True,
    "svg.fonttype": "path", "svg.hashsalt": "roi-models", "legend.frameon": False,
}
OPTION_COLOURS = {"status_quo": "#8c8c8c", "inhouse": "#4c72b0", "outsourced": "#dd8452",
                  "hybrid": "#55a868"}
_WIDTH = 7.2  # inches: fits an A4 page with 15 mm margins


def _figure(height: float, ncols: int = 1, **kw: object) -> tuple[Figure, object]:
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    fig = Figure(figsize=(_WIDTH, height), layout="constrained")
    axes = fig.subplots(1, ncols, **kw) if ncols > 1 else fig.subplots()
    return fig, axes


def _svg(fig: Figure) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    text = buf.getvalue()
    return text[text.index("<svg"):]  # drop the XML prologue and doctype: inline-able


def _money_axis(ax: object, lang: Lang, axis: str = "y") -> None:
    from matplotlib.ticker import FuncFormatter

    fmt = FuncFormatter(lambda v, _pos: lang.money(v, short=True) if v else "0")
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(fmt)


def _draw(make: Callable[[], Figure]) -> str:
    import matplotlib

    with matplotlib.rc_context(_RC):
        return _svg(make())


# --------------------------------------------------------------------------------- costs
def cost_breakdown(case: BusinessCase, lang: Lang) -> str:
    """Stacked annual cost by line, one panel per option."""
    from matplotlib import colormaps

    def make() -> Figure:
        options = list(case.options)
        annual = {o: case.options[o].annual for o in options}
        from roi_models.business_case import MONEY_COLUMNS

        lines = [c for c in MONEY_COLUMNS if any(annual[o][c].any() for o in options)]
        cmap = colormaps["tab20"]
        colours = {c: cmap(i % 20) for i, c in enumerate(lines)}
        fig, axes = _figure(3.9, len(options), sharey=True)
        for ax, o in zip(axes, options, strict=True):
            a = annual[o]
            x = np.arange(len(a.index))
            bottom = np.zeros(len(x))
            for c in lines:
                v = a[c].to_numpy()
                if v.any():
                    ax.bar(x, v, 0.7, bottom=bottom, color=colours[c], label=lang.line(c))
                    bottom = bottom + v
            ax.set_xticks(x, [lang.t("costs.year", n=int(y)) for y in a.index])
            ax.set_title(lang.option(o), color=OPTION_COLOURS[o], fontweight="bold")
            ax.grid(axis="x", visible=False)
        _money_axis(axes[0], lang)
        axes[0].set_ylabel(lang.t("costs.ylabel", unit=lang.symbol))
        handles = {}
        for ax in axes:
            for h, lab in zip(*ax.get_legend_handles_labels(), strict=True):
                handles.setdefault(lab, h)
        fig.legend(handles.values(), handles.keys(), loc="outside lower center", ncol=4,
                   fontsize=7.5)
        return fig

    return _draw(make)


def cash_flow(case: BusinessCase, lang: Lang) -> str:
    """Cumulative incremental cash flow of each switching option, with the payback month."""
    def make() -> Figure:
        fig, ax = _figure(3.0)
        base = case.options["inhouse"].monthly["net_cash_flow"]
        inc = case.incremental
        for o in ("outsourced", "hybrid"):
            cum = (case.options[o].monthly["net_cash_flow"] - base).cumsum()
            ax.plot(cum.index, cum.to_numpy(), color=OPTION_COLOURS[o], lw=2,
                    label=lang.option(o))
            pb = inc.loc["payback_months", o]
            if np.isfinite(pb):
                ax.axvline(pb, color=OPTION_COLOURS[o], ls=":", lw=1)
                ax.annotate(lang.t("cash.payback", months=lang.months(pb)), (pb, 0),
                            xytext=(4, 8), textcoords="offset points",
                            color=OPTION_COLOURS[o], fontsize=8)
        ax.axhline(0, color="#333333", lw=0.8)
        _money_axis(ax, lang)
        ax.set_xlabel(lang.t("cash.xlabel"))
        ax.set_ylabel(lang.t("cash.ylabel", unit=lang.symbol))
        ax.legend(loc="upper left")
        return fig

    return _draw(make)


def staffing(table: object, lang: Lang) -> str:
    """Agents on the phones per interval of a typical week (weekday and weekend), and calls."""
    import pandas as pd

    df: pd.DataFrame = table  # type: ignore[assignment]

    def make() -> Figure:
        fig, ax = _figure(3.2)
        times = [f"{h:02d}:{m:02d}" for h in range(24) for m in (0, 30)]
        pos = {t: i for i, t in enumerate(times)}
        ax2 = ax.twinx()
        ax2.grid(False)
        for day, alpha in (("weekday", 0.35), ("weekend", 0.2)):
            d = df[df["day"] == day]
            x = np.array([pos[t] for t in d["time"]])
            ax2.bar(x, d["voice_calls"], 0.8, color="#999999", alpha=alpha,
                    label=lang.t(f"staffing.{day}_calls"))
            for ch, colour in (("voice", "#4c72b0"), ("chat", "#c44e52")):
                ax.step(x, d[f"{ch}_agents"], where="mid", color=colour, lw=1.8,
                        ls="-" if day == "weekday" else "--",
                        label=lang.t(f"staffing.{day}_{ch}"))
        ax.set_zorder(ax2.get_zorder() + 1)
        ax.patch.set_visible(False)
        ax.set_xticks(range(0, 48, 4), times[0:48:4])
        ax.set_xlim(-0.5, 47.5)
        ax.set_xlabel(lang.t("staffing.xlabel"))
        ax.set_ylabel(lang.t("staffing.agents"))
        ax2.set_ylabel(lang.t("staffing.calls"), color="#777777")
        ax2.spines["right"].set_visible(True)
        h1, l1 = ax.get_legend_handles_labels()
        h2, l2 = ax2.get_legend_handles_labels()
        ax.legend(h1 + h2, l1 + l2, loc="upper left", fontsize=7, ncol=2)
        ax.set_ylim(0, max(df["voice_agents"].max(), df["chat_agents"].max()) * 1.45)
        ax2.set_ylim(0, df["voice_calls"].max() * 1.45)
        return fig

    return _draw(make)


def bridge(steps: list[tuple[str, float, bool]], lang: Lang) -> str:
    """Waterfall: (label, amount, is_total) steps; totals start from zero."""
    def make() -> Figure:
        fig, ax = _figure(3.1)
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
            ax.bar(i, height, 0.6, bottom=bottom, color=colour)
            top = max(bottom, bottom + height)
            ax.annotate(lang.money(amount, short=True), (i, top), xytext=(0, 3),
                        textcoords="offset points", ha="center", fontsize=8)
            if i < len(steps) - 1:
                ax.plot([i + 0.3, i + 0.7], [level, level], color="#777777", lw=0.8)
        import textwrap

        ax.set_xticks(range(len(steps)), [textwrap.fill(s[0], 16) for s in steps], fontsize=7.5)
        ax.axhline(0, color="#333333", lw=0.8)
        _money_axis(ax, lang)
        ax.set_ylabel(lang.t("bridge.ylabel", unit=lang.symbol))
        ax.grid(axis="x", visible=False)
        lo, hi = ax.get_ylim()
        ax.set_ylim(lo, hi + 0.08 * (hi - lo))
        return fig

    return _draw(make)


# --------------------------------------------------------------------------------- risk
def tornado(risk: RiskPages, lang: Lang, labels: list[str]) -> str:
    """Horizontal bars of the incremental NPV at each input's low and high; largest first."""
    def make() -> Figure:
        t = risk.tornado.head(len(labels))
        fig, ax = _figure(0.32 * len(t) + 1.1)
        base = float(t["base"].iloc[0])
        y = np.arange(len(t))[::-1]
        lo = t["metric_low"].to_numpy() - base
        hi = t["metric_high"].to_numpy() - base
        ax.barh(y, lo, left=base, color="#8fb3d9", label=lang.t("tornado.low"))
        ax.barh(y, hi, left=base, color="#dd8452", label=lang.t("tornado.high"))
        ax.axvline(base, color="#333333", lw=0.9)
        ax.set_yticks(y, labels, fontsize=7.5)
        _money_axis(ax, lang, "x")
        ax.set_xlabel(lang.t("tornado.xlabel", unit=lang.symbol))
        ax.grid(axis="y", visible=False)
        ax.legend(loc="lower right", fontsize=7.5,
                  title=lang.t("tornado.base", value=lang.money(base, short=True)),
                  title_fontsize=7.5)
        return fig

    return _draw(make)


def break_even(risk: RiskPages, lang: Lang, titles: list[str], units: list[str]) -> str:
    """One small panel per key input: incremental NPV over the input, the tie and today's value."""
    def make() -> Figure:
        n = len(risk.break_evens)
        fig, axes = _figure(2.6, n, sharey=True)
        for ax, c, title, unit in zip(axes, risk.break_evens, titles, units, strict=True):
            ax.plot(c.grid, c.incremental_npv, color=OPTION_COLOURS.get(risk.option, "k"), lw=2)
            ax.axhline(0, color="#333333", lw=0.8)
            ax.axvline(c.current, color="#777777", ls=":", lw=1)
            ax.annotate(lang.t("breakeven.now"), (c.current, 1), xycoords=("data", "axes fraction"),
                        xytext=(3, -10), textcoords="offset points", fontsize=7, color="#555555")
            if c.result.found:
                ax.plot([c.result.value], [0], "o", color="#c44e52")
                ax.annotate(lang.number(c.result.value, 2), (c.result.value, 0), xytext=(4, 6),
                            textcoords="offset points", fontsize=7.5, color="#c44e52")
            ax.set_title(title, fontsize=8.5)
            ax.set_xlabel(unit, fontsize=7.5)
        _money_axis(axes[0], lang)
        axes[0].set_ylabel(lang.t("breakeven.ylabel", unit=lang.symbol))
        return fig

    return _draw(make)


def monte_carlo(risk: RiskPages, lang: Lang) -> str:
    """Histogram of the incremental NPV over the trials, with 0 and P10/P50/P90 marked."""
    def make() -> Figure:
        fig, ax = _figure(2.9)
        v = risk.monte_carlo.incremental_npv[risk.option].to_numpy()
        ax.hist(v, bins=40, color=OPTION_COLOURS.get(risk.option, "#4c72b0"), alpha=0.8)
        s = risk.monte_carlo.summary.loc[f"incremental_npv_{risk.option}"]
        for q, ls, dy in (("p10", "--", -12), ("p50", "-", -24), ("p90", "--", -36)):
            ax.axvline(s[q], color="#333333", ls=ls, lw=1)
            ax.annotate(f"{q.upper()} {lang.money(s[q], short=True)}", (s[q], 1),
                        xycoords=("data", "axes fraction"), xytext=(3, dy),
                        textcoords="offset points", fontsize=7.5,
                        bbox={"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none",
                              "alpha": 0.8})
        ax.axvline(0, color="#c44e52", lw=1.2)
        _money_axis(ax, lang, "x")
        ax.set_xlabel(lang.t("mc.xlabel", unit=lang.symbol))
        ax.set_ylabel(lang.t("mc.ylabel"))
        return fig

    return _draw(make)
