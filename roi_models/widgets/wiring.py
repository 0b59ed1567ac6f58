"""The dashboard's wiring: observers that connect the view's widgets to the model.

``Dashboard(scenario=None)`` builds a :class:`~roi_models.widgets.model.DashboardModel` and a
:class:`~roi_models.widgets.view.DashboardView`, links the first screen's key-driver copies to
their section inputs (``traitlets.link``), and observes every input (``names="value"``; sliders
and text boxes use ``continuous_update=False``, so a drag recomputes once, on release).

A change recomputes the case (the engine memoises interval staffing, so a money input costs about
10 ms) and redraws the KPI cards and only the chart tab on screen; the other tabs redraw when they
are opened. Every callback is guarded: an exception is shown in the dashboard (Voila would hide
it) and the user's inputs are kept.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from functools import partial
from typing import Any

import traitlets

from roi_models.scenario import Scenario
from roi_models.widgets import charts
from roi_models.widgets.model import KPI_ROWS, DashboardModel
from roi_models.widgets.view import DashboardView

__all__ = ["Dashboard"]


class Dashboard:
    """Interactive business case over the whole engine: ``Dashboard()`` in a notebook cell.

    Parameters
    ----------
    scenario : Scenario, optional
        The scenario to start from; defaults to the built-in default scenario.

    Attributes
    ----------
    model : DashboardModel
        State and engine calls (no widgets).
    view : DashboardView
        The widgets.
    last_update_ms : float
        Wall time of the last input change, from the observer to the last widget updated.
    """

    def __init__(self, scenario: Scenario | None = None) -> None:
        self.model = DashboardModel(scenario)
        m = self.model
        self.view = DashboardView(m.raw, self._ranges(), self._sources(), m.currency)
        self.last_update_ms = float("nan")
        self.kpi_update_ms = float("nan")
        self._t0 = 0.0
        self._hold = False
        self._stale: set[str] = set()
        self._drawn: dict[str, Any] = {}
        self._charts = {"cost_stack": charts.CostStackChart(), "cash": charts.CashChart(),
                        "staffing": charts.StaffingChart(), "revenue": charts.RevenueChart()}
        self._links = [traitlets.link((self.view.key_control(p), "value"),
                                      (self.view.control(p), "value"))
                       for p in self.view.key_paths]
        for path in self.view.paths:
            self.view.control(path).observe(self._guard(partial(self._on_value, path)),
                                            names="value")
        self.view.chart_tabs.observe(self._guard(self._on_tab), names="selected_index")
        for name, fn in (("load", self._on_load), ("save", self._on_save),
                         ("reset", self._on_reset), ("baseline", self._on_baseline),
                         ("write", self._on_write)):
            self.view.button(name).on_click(self._guard(fn))
        self._setup_risk()
        self._guard(self._refresh_all)()

    # ------------------------------------------------------------------ display
    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.view._repr_mimebundle_(**kwargs)

    # ------------------------------------------------------------------ helpers
    def _ranges(self) -> dict[str, tuple[float, float]]:
        s = self.model.scenario
        out = {}
        for path, row in Scenario.parameters().iterrows():
            if row["kind"] in ("float", "int") and row["low"] is not None \
                    and row["low"] == row["low"]:
                out[str(path)] = s.range_of(str(path))
        return out

    def _sources(self) -> dict[str, str]:
        s = self.model.scenario
        return {p: s.source_of(p) for p in s.values()}

    def _guard(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        def guarded(*args: Any, **kwargs: Any) -> Any:
            try:
                return fn(*args, **kwargs)
            except Exception as exc:  # shown in the dashboard: Voila hides callback errors
                tb = traceback.format_exception(exc)
                self.view.show_error("".join(tb[-3:]).strip())
                return None
        return guarded

    # ------------------------------------------------------------------ observers
    def _on_value(self, path: str, change: dict[str, Any]) -> None:
        if self._hold:
            return
        t0 = self._t0 = time.perf_counter()
        changed = self.model.set(path, change["new"])
        self.view.show_error("")
        self.view.show_warning(self.model.warning)
        if changed:
            self._refresh_results()
        self._timed(t0)

    def _on_tab(self, change: dict[str, Any]) -> None:
        name = self.view.visible_chart_tab
        if name in self._stale:
            self._draw_tab(name)

    def _on_load(self, _button: Any = None) -> None:
        path = self.view.file_path
        if self.model.load(path):
            self._push_values()
            self._refresh_all()
            self.view.show_message(f"Loaded {path}.")
        else:
            self.view.show_warning(self.model.warning)
            self.view.show_message(f"Could not load {path}; see the warning above.")

    def _on_save(self, _button: Any = None) -> None:
        try:
            written, note = self.model.save(self.view.file_path)
        except (OSError, ValueError) as exc:
            self.view.show_message(f"Could not save: {exc}")
            return
        self.view.show_message(f"Saved {written}. {note}".strip(), [written])

    def _on_reset(self, _button: Any = None) -> None:
        self.model.reset()
        self._push_values()
        self._refresh_all()
        self.view.show_message("Reset to the built-in default scenario.")

    def _on_baseline(self, _button: Any = None) -> None:
        self.model.set_baseline()
        self._refresh_results()
        self.view.show_message("Kept the current case as the baseline: see the Compare tab.")

    def _on_write(self, _button: Any = None) -> None:
        try:
            paths = self.model.write_case(self.view.out_dir)
        except (OSError, ValueError) as exc:
            self.view.show_message(f"Could not write the business case: {exc}")
            return
        self.view.show_message(f"Wrote the business case into {self.view.out_dir}:", paths)

    # ------------------------------------------------------------------ refresh
    def _timed(self, t0: float) -> None:
        self.last_update_ms = (time.perf_counter() - t0) * 1000.0
        self.view.show_status(f"Updated in {self.last_update_ms:.0f} ms (KPIs in "
                              f"{self.kpi_update_ms:.0f} ms). Hover a label for its description "
                              "and source.")

    def _push_values(self) -> None:
        m = self.model
        self._hold = True
        try:
            self.view.set_values(m.raw, self._ranges(), self._sources(), m.currency)
        finally:
            self._hold = False

    def _refresh_all(self) -> None:
        t0 = self._t0 = time.perf_counter()
        self.view.show_error("")
        self.view.show_warning(self.model.warning)
        self._refresh_results()
        self._timed(t0)

    def _refresh_results(self) -> None:
        m = self.model
        s = m.scenario
        self.view.show_title(str(s["scenario.name"]), m.currency, int(s["finance.horizon_months"]))
        rec = m.recommendation
        self.view.show_kpis(m.kpis(), KPI_ROWS, m.currency, rec.option)
        self.view.show_recommendation(rec.headline, rec.reasons)
        self.kpi_update_ms = (time.perf_counter() - self._t0) * 1000.0
        self.view.show_compare(m.compare(), m.currency, m.baseline_label)
        self._data = m.chart_data()
        self._stale = {"money", "staffing", "revenue"}
        self._draw_tab(self.view.visible_chart_tab)

    def _draw_tab(self, tab: str) -> None:
        """Redraw one chart tab (only charts whose data changed)."""
        m, d, cur = self.model, self._data, self.model.currency
        if tab == "money":
            self._draw("cost_stack", (d["cost_stack"], cur),
                       lambda c: c.draw(d["cost_stack"], cur))
            self._draw("cash", (d["cumulative_cash"], d["payback_months"], cur,
                                d["baseline_cash"]),
                       lambda c: c.draw(d["cumulative_cash"], d["payback_months"], cur,
                                        d["baseline_cash"]))
        elif tab == "staffing":
            week = m.week_staffing()
            self._draw("staffing", (week,), lambda c: c.draw(week))
        elif tab == "revenue":
            self._draw("revenue", (d["revenue_effect"], cur),
                       lambda c: c.draw(d["revenue_effect"], cur))
        self._stale.discard(tab)

    def _draw(self, name: str, key: tuple[Any, ...], draw: Callable[[Any], bytes]) -> None:
        if name in self._drawn and _same(self._drawn[name], key):
            return
        chart = self._charts[name]
        self.view.show_chart(name, draw(chart), chart.legend())
        self._drawn[name] = key

    # ------------------------------------------------------------------ risk
    def _setup_risk(self) -> None:
        try:
            import roi_models.risk  # noqa: F401
        except ImportError:
            self.view.show_risk_placeholder()
            return
        self.view.build_risk(self.model.break_even_inputs())
        self.view.button("tornado").on_click(self._guard(self._on_tornado))
        self.view.button("break_even").on_click(self._guard(self._on_break_even))
        self.view.button("monte_carlo").on_click(self._guard(self._on_monte_carlo))

    def _on_tornado(self, _button: Any = None) -> None:
        self.view.show_risk_message("tornado", "Running the tornado (one batch of 2 variants per "
                                    "input)...")
        t0 = time.perf_counter()
        table = self.model.tornado()
        chart = charts.TornadoChart()
        self.view.show_chart("tornado", chart.draw(table, self.model.currency), chart.legend())
        self.view.show_risk_message("tornado", f"Done in {time.perf_counter() - t0:.1f} s: the "
                                    "inputs that move the answer most are on top.")

    def _on_break_even(self, _button: Any = None) -> None:
        path = self.view.break_even_path
        self.view.show_risk_message("break_even", self.model.break_even(path))

    def _on_monte_carlo(self, _button: Any = None) -> None:
        trials = self.view.monte_carlo_trials
        self.view.show_progress(0, trials)
        t0 = time.perf_counter()
        result = self.model.monte_carlo(trials, progress=self.view.show_progress)
        self.view.show_progress(trials, trials)
        self.view.show_monte_carlo(result.summary, self.model.currency,
                                   time.perf_counter() - t0)


def _same(a: Any, b: Any) -> bool:
    """Deep equality for tuples of DataFrames, dicts, numbers and None."""
    import pandas as pd

    if type(a) is not type(b):
        return False
    if isinstance(a, tuple | list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, pd.DataFrame):
        return a.shape == b.shape and a.index.equals(b.index) and a.columns.equals(b.columns) \
            and bool((a.to_numpy() == b.to_numpy()).all())
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, float) and a != a:
        return b != b
    return bool(a == b)
