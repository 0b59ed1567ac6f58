"""Chart data and matplotlib drawing for the dashboard and the notebooks (no widgets here).

Two kinds of function live here, both thin:

* **data** functions take a :class:`~roi_models.business_case.BusinessCase` (or staffing inputs)
  and return the table a chart shows. Every number comes from the engine; these functions only
  select, group lines under a label, sum over the horizon or accumulate month by month.
* **draw** classes own one matplotlib ``Figure`` (Agg, no pyplot state) and redraw it from such a
  table, updating their artists in place where they can so a redraw stays well under 100 ms.

The staffing helpers (``week_staffing``, ``service_level_curve``, ``cost_of_service_level``,
``pooling_curve``) call :mod:`roi_models.staffing` for the staffing notebook and the dashboard's
week chart.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import pandas as pd

from roi_models import staffing
from roi_models.business_case import OPTIONS, interval_staffing
from roi_models.report.i18n import Lang
from roi_models.report.style import FAMILY_COLOURS, OPTION_COLOURS, cost_families

if TYPE_CHECKING:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from roi_models.business_case import BusinessCase
    from roi_models.scenario import Scenario

__all__ = [
    "OPTION_COLORS",
    "OPTION_LABELS",
    "CashChart",
    "CostStackChart",
    "RevenueChart",
    "StaffingChart",
    "TornadoChart",
    "cost_of_service_level",
    "cost_stack",
    "cumulative_cash",
    "plot_cost_of_service_level",
    "plot_pooling",
    "plot_service_level",
    "pooling_curve",
    "revenue_effect",
    "service_level_curve",
    "week_staffing",
]

#: The report's words and colours, once for every face: option labels (English: the matplotlib
#: charts' default words, relabelled in the dashboard's language on export) and colours, cost
#: families (:func:`roi_models.report.style.cost_families`) and theirs.
_EN = Lang("en")
OPTION_LABELS = {o: _EN.option(o) for o in OPTIONS}
OPTION_COLORS = {o: OPTION_COLOURS[o] for o in OPTIONS}

# ---------------------------------------------------------------------------------------- data
def cost_stack(case: BusinessCase) -> pd.DataFrame:
    """Cost over the horizon by option (rows) and cost family (columns), in the case's currency.

    The families are the report's (:func:`roi_models.report.style.cost_families`, words
    ``family.<key>``); each row adds up to the option's ``total_cost`` summed over the horizon.
    """
    rows = {}
    groups = cost_families()
    for name in OPTIONS:
        monthly = case.options[name].monthly
        totals = dict(zip(monthly.columns, monthly.to_numpy(dtype=float).sum(axis=0),
                          strict=True))
        rows[name] = {g: float(sum(totals.get(c, 0.0) for c in cols))
                      for g, cols in groups.items()}
    return pd.DataFrame(rows).T


def cumulative_cash(case: BusinessCase) -> pd.DataFrame:
    """Cumulative incremental net cash flow of switching (option minus in-house), by month.

    Columns ``outsourced`` and ``hybrid``; the month where a column crosses zero from below is the
    option's payback (``case.incremental.loc["payback_months"]``).
    """
    base = case.options["inhouse"].monthly["net_cash_flow"]
    return pd.DataFrame({name: (case.options[name].monthly["net_cash_flow"] - base).cumsum()
                         for name in ("outsourced", "hybrid")})


def revenue_effect(case: BusinessCase) -> pd.DataFrame:
    """Revenue effect (signed: + kept, - lost) by contract year (rows) and option (columns)."""
    return pd.DataFrame({name: case.options[name].annual["revenue_effect"] for name in OPTIONS})


_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def week_staffing(scenario: Scenario, case: BusinessCase, month: int = 0) -> pd.DataFrame:
    """In-house live staffing requirement over one week of 30-minute intervals, for ``month``.

    The engine's interval staffing (:func:`roi_models.business_case.interval_staffing`, the very
    numbers the business case sums into monthly hours) laid out on the 7 x 48 slots of a week.
    ``case`` is accepted for the call sites' convenience; the engine memoises the staffing.

    Returns
    -------
    pandas.DataFrame
        336 rows (Mon 00:00 .. Sun 23:30) with ``day``, ``time``, ``voice_calls``,
        ``chat_contacts``, then ``<channel>_agents`` of every channel of
        :data:`roi_models.channels.CHANNELS` (and ``outbound_agents``).
    """
    t = interval_staffing(scenario, month)
    agents = [c for c in t.columns if c.endswith("_agents")]
    rows = []
    for d, day in enumerate(_DAYS):
        kind = "Mon-Fri" if d < 5 else "Sat-Sun"
        for i in range(48):
            hhmm = f"{i // 2:02d}:{30 * (i % 2):02d}"
            label = f"{kind} {hhmm}"
            if label in t.index:
                r = t.loc[label]
                rows.append((day, hhmm, float(r["voice_calls"]), float(r["chat_offered"]),
                             *(float(r[c]) for c in agents)))
            else:
                rows.append((day, hhmm, 0.0, 0.0, *(0.0 for _ in agents)))
    return pd.DataFrame(rows, columns=["day", "time", "voice_calls", "chat_contacts", *agents])


def service_level_curve(calls: float, aht: float, target_time: float,
                        agents: Sequence[float], *, patience: float | None = None,
                        interval: float = 1800.0) -> pd.DataFrame:
    """Service level by agent count under Erlang C and (with ``patience``) Erlang A.

    Returns a DataFrame indexed by ``agents`` with ``erlang_c`` service level, and, when a
    patience is given, ``erlang_a`` service level and ``erlang_a_abandon`` rate.
    """
    n = np.asarray(agents, dtype=float)
    out = {"erlang_c": np.asarray(staffing.service_level(n, calls, aht, target_time, interval),
                                  dtype=float)}
    if patience is not None:
        out["erlang_a"] = np.asarray(staffing.service_level(n, calls, aht, target_time, interval,
                                                            patience=patience), dtype=float)
        out["erlang_a_abandon"] = np.asarray(staffing.abandon_rate(n, calls, aht, patience,
                                                                   interval), dtype=float)
    return pd.DataFrame(out, index=pd.Index(n, name="agents"))


def cost_of_service_level(calls: float, aht: float, target_time: float,
                          targets: Sequence[float], hourly_cost: float, *,
                          patience: float | None = None, interval: float = 1800.0
                          ) -> pd.DataFrame:
    """Agents and cost an hour needed for each service-level target, and the price of a point.

    The staffing curve is smooth: the service level of a fractional number of agents (the
    engine's Erlang formulas take any real ``agents``), inverted on a fine grid, so
    ``agents_exact`` is the staffing that meets the target exactly and ``cost_per_point`` is the
    derivative of the cost an hour with respect to the service level, per percentage point —
    monotone, unlike the differences of whole agents, which jump by one agent and then stay
    flat. ``agents`` is what a roster needs (the smallest whole number, ``agents_required``).

    Parameters
    ----------
    calls : float
        Contacts offered per ``interval``.
    aht, target_time : float
        Handle time and the answer-time threshold, seconds.
    targets : sequence of float
        Service-level targets as shares (0.8, not 80).
    hourly_cost : float
        Cost of one staffed agent hour (money/h).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``target_sl``: ``agents`` (whole), ``agents_exact``, ``cost_per_hour`` (of
        the exact staffing), ``cost_per_point`` (money an hour per point of service level at
        that target).

    Examples
    --------
    >>> df = cost_of_service_level(100, 180, 20, [0.7, 0.8, 0.9], 40.0)
    >>> bool(df["cost_per_point"].is_monotonic_increasing)
    True
    """
    t = np.asarray(targets, dtype=float)
    whole = np.asarray(staffing.agents_required(calls, aht, t, target_time, interval,
                                                patience=patience), dtype=float)
    traffic = calls * aht / interval
    start = traffic * (0.5 if patience is not None else 1.0) + 1e-6
    grid = np.linspace(start, max(float(whole.max()) + 2.0, start + 1.0), 4001)
    sl = np.asarray(staffing.service_level(grid, calls, aht, target_time, interval,
                                           patience=patience), dtype=float)
    keep = np.concatenate([[True], np.diff(sl) > 0])  # strictly increasing for the inversion
    grid, sl = grid[keep], sl[keep]
    exact = np.interp(t, sl, grid)
    slope = np.gradient(grid, sl)  # agents per unit of service level along the curve
    per_point = np.interp(t, sl, slope) * hourly_cost / 100.0
    return pd.DataFrame({"agents": whole, "agents_exact": exact, "cost_per_hour":
                         exact * hourly_cost, "cost_per_point": per_point},
                        index=pd.Index(t, name="target_sl"))


def plot_cost_of_service_level(table: pd.DataFrame, currency: str = "",
                               lang: str = "en") -> Any:
    """Two panels, one quantity each: the cost an hour of each target, and the price of the
    last point of service level at it (a :func:`cost_of_service_level` table)."""
    from matplotlib.figure import Figure

    ru = lang == "ru"
    unit = f" ({currency}/h)" if currency else ""
    fig = Figure(figsize=(9, 3.4), dpi=90)
    a, b = fig.subplots(1, 2)
    x = table.index.to_numpy(dtype=float) * 100
    a.plot(x, table["cost_per_hour"], color=OPTION_COLORS["inhouse"], marker="o", ms=3)
    a.set_title(("Стоимость часа" if ru else "Cost an hour of the staffing") + unit, fontsize=10)
    b.plot(x, table["cost_per_point"], color=OPTION_COLORS["outsourced"], marker="o", ms=3)
    b.set_title(("Цена последнего пункта SL" if ru else "Price of the last point of SL")
                + (f" ({currency}/h per point)" if currency else ""), fontsize=10)
    for ax in (a, b):
        ax.set_xlabel("целевой SL, %" if ru else "service-level target, %")
        ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig


def plot_pooling(table: pd.DataFrame, lang: str = "en") -> Any:
    """Two panels of a :func:`pooling_curve` table: agents per Erlang and occupancy by volume."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import PercentFormatter

    ru = lang == "ru"
    fig = Figure(figsize=(9, 3.2), dpi=90)
    a, b = fig.subplots(1, 2)
    x = table.index.to_numpy(dtype=float)
    a.plot(x, table["agents_per_erlang"], marker="o", ms=3, color=OPTION_COLORS["inhouse"])
    a.set_title("Операторов на эрланг нагрузки" if ru else "Agents per Erlang of traffic",
                fontsize=10)
    b.plot(x, table["occupancy"], marker="o", ms=3, color=OPTION_COLORS["hybrid"])
    b.yaxis.set_major_formatter(PercentFormatter(1.0))
    b.set_title("Загрузка операторов" if ru else "Occupancy of the agents", fontsize=10)
    for ax in (a, b):
        ax.set_xscale("log")
        ax.set_xlabel("звонков за 30 минут" if ru else "calls per 30 minutes")
        ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig


def pooling_curve(calls: Sequence[float], aht: float, target_sl: float, target_time: float, *,
                  interval: float = 1800.0, patience: float | None = None) -> pd.DataFrame:
    """Why big centers are more efficient: agents, agents per Erlang and occupancy by size.

    For each offered volume (calls per ``interval``), the agents the target needs, the agents per
    Erlang of traffic, and the occupancy they run at.
    """
    c = np.asarray(calls, dtype=float)
    agents = np.asarray(staffing.agents_required(c, aht, target_sl, target_time, interval,
                                                 patience=patience), dtype=float)
    traffic = c * aht / interval
    occ = np.asarray(staffing.occupancy(agents, c, aht, interval, patience=patience), dtype=float)
    return pd.DataFrame({"traffic_erlangs": traffic, "agents": agents,
                         "agents_per_erlang": agents / traffic, "occupancy": occ},
                        index=pd.Index(c, name="calls"))


# ---------------------------------------------------------------------------------------- drawing
def _short_money(x: float, _pos: Any = None) -> str:
    a = abs(x)
    if a >= 1e6:
        return f"{x / 1e6:,.1f}M"
    if a >= 1e3:
        return f"{x / 1e3:,.0f}k"
    return f"{x:,.0f}"


class _Chart:
    """One matplotlib figure rendered to PNG bytes (Agg canvas, no pyplot)."""

    def __init__(self, width: float = 6.4, height: float = 3.4, dpi: int = 80) -> None:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
        from matplotlib.ticker import FuncFormatter, MaxNLocator

        self.figure = Figure(figsize=(width, height), dpi=dpi)
        FigureCanvasAgg(self.figure)
        self.figure.subplots_adjust(left=0.13, right=0.98, top=0.9, bottom=0.14)
        self.ax = self.figure.add_subplot()
        self._money = FuncFormatter(_short_money)
        self.ax.yaxis.set_major_formatter(self._money)
        self.ax.yaxis.set_major_locator(MaxNLocator(5))
        self.ax.grid(axis="y", alpha=0.3)

    def relabel(self, title: str, legend: Sequence[tuple[str, str]] = (),
                xticks: Sequence[str] | None = None) -> bytes:
        """PNG of the chart as drawn, with another title, a legend of (label, colour) patches
        and other x tick labels (the dashboard's export in the reader's language)."""
        from matplotlib.patches import Patch

        self.ax.set_title(title, fontsize=10)
        if xticks is not None:
            self.ax.set_xticks(self.ax.get_xticks()[:len(xticks)], list(xticks))
        if legend:
            self.ax.legend(handles=[Patch(color=c, label=t) for t, c in legend], fontsize=7,
                           ncol=2 if len(legend) > 4 else 1, loc="best", framealpha=0.8)
        return self.png()

    def png(self) -> bytes:
        """Draw and encode as PNG (fast zlib level: the bytes go over a local socket)."""
        from PIL import Image

        canvas = cast("FigureCanvasAgg", self.figure.canvas)
        canvas.draw()
        w, h = canvas.get_width_height()
        buf = io.BytesIO()
        Image.frombuffer("RGBA", (w, h), canvas.buffer_rgba(), "raw", "RGBA", 0, 1).save(
            buf, format="png", compress_level=1)
        return buf.getvalue()


class CostStackChart(_Chart):
    """Stacked bars: cost over the horizon by option and cost family (bars updated in place)."""

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self._bars: list[Any] = []
        self._groups: tuple[str, ...] = ()

    def legend(self) -> list[tuple[str, str]]:
        return [(_EN.t("family." + g), FAMILY_COLOURS[g]) for g in cost_families()]

    def draw(self, data: pd.DataFrame, currency: str) -> bytes:
        groups = tuple(data.columns)
        x = np.arange(len(data.index))
        if groups != self._groups:
            self.ax.clear()
            self.ax.grid(axis="y", alpha=0.3)
            self.ax.yaxis.set_major_formatter(self._money)
            self._bars = [self.ax.bar(x, np.zeros(len(x)), width=0.6,
                                      color=FAMILY_COLOURS.get(g, FAMILY_COLOURS["other"]),
                                      label=_EN.t("family." + g))
                          for g in groups]
            self.ax.set_xticks(x, [OPTION_LABELS.get(o, o) for o in data.index])
            self._groups = groups
        bottom = np.zeros(len(x))
        for bars, g in zip(self._bars, groups, strict=True):
            h = data[g].to_numpy(dtype=float)
            for rect, hi, b in zip(bars.patches, h, bottom, strict=True):
                rect.set_y(b)
                rect.set_height(hi)
            bottom = bottom + h
        self.ax.set_ylim(min(0.0, float(bottom.min())), float(bottom.max()) * 1.08 or 1.0)
        self.ax.set_title(f"Cost over the horizon by option ({currency})", fontsize=10)
        return self.png()


class CashChart(_Chart):
    """Cumulative incremental cash of switching, with payback markers (lines updated in place)."""

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        ax = self.ax
        ax.axhline(0.0, color="#333333", lw=0.8)
        self._lines = {n: ax.plot([], [], color=OPTION_COLORS[n], lw=2,
                                  label=OPTION_LABELS[n])[0] for n in ("outsourced", "hybrid")}
        self._base = {n: ax.plot([], [], color=OPTION_COLORS[n], lw=1.2, ls=":",
                                 label=f"{OPTION_LABELS[n]} (baseline)")[0]
                      for n in ("outsourced", "hybrid")}
        self._payback = {n: ax.plot([], [], marker="o", ms=7, color=OPTION_COLORS[n],
                                    ls="none")[0] for n in ("outsourced", "hybrid")}
        self._notes = {n: ax.text(0, 0, "", fontsize=8, color=OPTION_COLORS[n], va="bottom")
                       for n in ("outsourced", "hybrid")}
        ax.set_xlabel("month", fontsize=9)

    def legend(self) -> list[tuple[str, str]]:
        return [(f"{OPTION_LABELS[n]} vs in-house", OPTION_COLORS[n])
                for n in ("outsourced", "hybrid")]

    def draw(self, data: pd.DataFrame, payback: dict[str, float], currency: str,
             baseline: pd.DataFrame | None = None) -> bytes:
        months = data.index.to_numpy(dtype=float)
        lo, hi = 0.0, 0.0
        for n, line in self._lines.items():
            y = data[n].to_numpy(dtype=float)
            line.set_data(months, y)
            lo, hi = min(lo, float(y.min())), max(hi, float(y.max()))
            b = self._base[n]
            if baseline is not None:
                yb = baseline[n].to_numpy(dtype=float)
                b.set_data(baseline.index.to_numpy(dtype=float), yb)
                lo, hi = min(lo, float(yb.min())), max(hi, float(yb.max()))
            else:
                b.set_data([], [])
            pb = payback.get(n, float("nan"))
            if np.isfinite(pb):
                self._payback[n].set_data([pb], [0.0])
                self._notes[n].set_position((pb, 0.0))
                self._notes[n].set_text(f"  payback {pb:.1f} mo")
            else:
                self._payback[n].set_data([], [])
                self._notes[n].set_text("")
        pad = (hi - lo) * 0.06 or 1.0
        self.ax.set_ylim(lo - pad, hi + pad)
        self.ax.set_xlim(0, max(float(months.max()), 1.0))
        self.ax.set_title(f"Cumulative cash of switching vs in-house ({currency})", fontsize=10)
        return self.png()


class StaffingChart(_Chart):
    """In-house agents required over a week of 30-minute intervals (voice + chat, stacked)."""

    def __init__(self, **kw: Any) -> None:
        kw.setdefault("width", 9.0)
        super().__init__(**kw)
        self.figure.subplots_adjust(left=0.08, right=0.92, bottom=0.12)
        self._twin = self.ax.twinx()

    def legend(self) -> list[tuple[str, str]]:
        return [("Voice agents", OPTION_COLORS["inhouse"]), ("Chat agents", "#64b5cd"),
                ("Offered calls (right axis)", "#333333")]

    def draw(self, data: pd.DataFrame) -> bytes:
        ax, tw = self.ax, self._twin
        ax.clear()
        tw.clear()
        tw.yaxis.tick_right()
        tw.yaxis.set_label_position("right")
        x = np.arange(len(data))
        v = data["voice_agents"].to_numpy(dtype=float)
        c = data["chat_agents"].to_numpy(dtype=float)
        ax.fill_between(x, 0, v, step="post", color=OPTION_COLORS["inhouse"], alpha=0.8, lw=0)
        ax.fill_between(x, v, v + c, step="post", color="#64b5cd", alpha=0.8, lw=0)
        tw.plot(x, data["voice_calls"].to_numpy(dtype=float), color="#333333", lw=0.8,
                drawstyle="steps-post")
        ax.set_xticks(np.arange(0, len(data), 48) + 24, list(_DAYS))
        for d in range(1, 7):
            ax.axvline(d * 48, color="#999999", lw=0.5)
        ax.set_xlim(0, len(data))
        ax.set_ylim(0, max(float((v + c).max()) * 1.1, 1.0))
        ax.set_ylabel("agents", fontsize=9)
        tw.set_ylabel("calls / 30 min", fontsize=9)
        tw.set_ylim(0, max(float(data["voice_calls"].max()) * 1.1, 1.0))
        ax.grid(axis="y", alpha=0.3)
        ax.set_title("In-house agents needed across the week (month 0)", fontsize=10)
        return self.png()


class RevenueChart(_Chart):
    """Revenue effect by contract year and option (grouped bars)."""

    def legend(self) -> list[tuple[str, str]]:
        return [(OPTION_LABELS[n], OPTION_COLORS[n]) for n in OPTIONS]

    def draw(self, data: pd.DataFrame, currency: str) -> bytes:
        ax = self.ax
        ax.clear()
        ax.grid(axis="y", alpha=0.3)
        ax.yaxis.set_major_formatter(self._money)
        x = np.arange(len(data.index))
        width = 0.8 / len(data.columns)
        for i, n in enumerate(data.columns):
            ax.bar(x + (i - (len(data.columns) - 1) / 2) * width, data[n].to_numpy(dtype=float),
                   width=width, color=OPTION_COLORS.get(n, "#888888"))
        ax.axhline(0.0, color="#333333", lw=0.8)
        ax.set_xticks(x, [f"year {y}" for y in data.index])
        ax.set_title(f"Revenue effect of service by year ({currency}; + kept, - lost)",
                     fontsize=10)
        return self.png()


def plot_service_level(calls: float = 100.0, aht: float = 180.0, target_time: float = 20.0,
                       patience: float = 120.0, interval: float = 1800.0) -> Any:
    """Figure: service level and abandonment by agent count, Erlang C vs Erlang A.

    For the staffing notebook's sliders (``ipywidgets.interact``); the agent range runs from just
    under the traffic to well above it.
    """
    from matplotlib.figure import Figure

    traffic = calls * aht / interval
    lo = max(1, int(traffic) - 2)
    agents = np.arange(lo, int(traffic + 4 * np.sqrt(traffic) + 6))
    df = service_level_curve(calls, aht, target_time, agents.tolist(), patience=patience,
                             interval=interval)
    fig = Figure(figsize=(7, 3.6), dpi=80)
    ax = fig.add_subplot()
    ax.plot(df.index, df["erlang_c"], marker="o", ms=3, label="Erlang C (nobody hangs up)")
    ax.plot(df.index, df["erlang_a"], marker="o", ms=3,
            label=f"Erlang A (patience {patience:g} s)")
    ax.plot(df.index, df["erlang_a_abandon"], ls="--", label="Erlang A abandonment")
    ax.axvline(traffic, color="#999999", lw=0.8)
    ax.text(traffic, 0.02, f" traffic {traffic:.1f} Erl", fontsize=8, color="#666666")
    ax.set_xlabel("agents")
    ax.set_ylabel(f"share answered within {target_time:g} s")
    ax.set_ylim(0, 1.02)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, loc="center right")
    return fig


class TornadoChart(_Chart):
    """Horizontal bars: the metric at each input's low and high, relative to the base case."""

    def __init__(self, **kw: Any) -> None:
        kw.setdefault("width", 8.0)
        kw.setdefault("height", 4.2)
        super().__init__(**kw)
        self.figure.subplots_adjust(left=0.36, right=0.97, top=0.9, bottom=0.1)

    def legend(self) -> list[tuple[str, str]]:
        return [("input at its low", "#4c72b0"), ("input at its high", "#dd8452")]

    def draw(self, data: pd.DataFrame, currency: str, top: int = 12) -> bytes:
        ax = self.ax
        ax.clear()
        ax.xaxis.set_major_formatter(self._money)
        d = data.head(top).iloc[::-1]
        y = np.arange(len(d))
        base = d["base"].to_numpy(dtype=float)
        ax.barh(y, d["metric_low"].to_numpy(dtype=float) - base, color="#4c72b0", height=0.6)
        ax.barh(y, d["metric_high"].to_numpy(dtype=float) - base, color="#dd8452", height=0.6)
        ax.axvline(0.0, color="#333333", lw=0.8)
        ax.set_yticks(y, [str(p) for p in d.index], fontsize=8)
        ax.grid(axis="x", alpha=0.3)
        ax.set_title(f"Change in incremental NPV of outsourcing vs the base ({currency})",
                     fontsize=10)
        return self.png()
