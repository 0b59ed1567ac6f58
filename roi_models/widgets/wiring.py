"""The dashboard's wiring: observers that connect the view's widgets to the model.

``Dashboard(scenario=None, lang=None)`` builds a :class:`~roi_models.widgets.model.DashboardModel`
and a :class:`~roi_models.widgets.view.DashboardView` and observes every input as the view
creates it (``names="value"``; sliders and text boxes use ``continuous_update=False``, so a drag
recomputes once, on release). The Key-drivers copy and the section control of an input show the
same value; the Key-drivers voice SL target sets every party's target.

A change recomputes the case, writes the summary strip and the KPI cards first (the answer), then
redraws only the charts of the tab on screen (SVG strings, a few ms each); other tabs redraw when
opened, the risk tab is built the first time it is opened. Risk results remember the scenario
they were run on and are marked out of date when the inputs change. Every callback is guarded: an
exception is shown in the dashboard (Voila would hide it) and the user's inputs are kept.
"""

from __future__ import annotations

import html
import os
import time
import traceback
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from roi_models.scenario import Scenario
from roi_models.widgets import charts, default_lang
from roi_models.widgets.model import COMPARE_ROWS, KPI_ROWS, DashboardModel
from roi_models.widgets.view import EVERY_PARTY, DashboardView
from roi_models.widgets.words import TEXT, Words

__all__ = ["Dashboard"]


class Dashboard:
    """Interactive business case over the whole engine: ``Dashboard()`` in a notebook cell.

    Parameters
    ----------
    scenario : Scenario, optional
        The scenario to start from; defaults to the built-in default scenario.
    lang : {"en", "ru"}, optional
        Language of every label, message and number; default ``$ROI_MODELS_LANG`` or English.
    folder : path, optional
        Where scenarios are saved and cases written; default ``~/roi-models``.

    Attributes
    ----------
    model : DashboardModel
        State and engine calls (no widgets).
    view : DashboardView
        The widgets.
    last_update_ms, kpi_update_ms : float
        Kernel time of the last input change: to the last widget updated / to the strip.
    """

    def __init__(self, scenario: Scenario | None = None, lang: str | None = None,
                 folder: str | os.PathLike[str] | None = None) -> None:
        self.lang = lang or default_lang()
        self.model = DashboardModel(scenario, folder)
        m = self.model
        self.words = Words(self.lang, m.currency)
        self.view = DashboardView(self.words, m.raw, self._ranges(), self._sources(),
                                  str(m.folder))
        self.last_update_ms = float("nan")
        self.kpi_update_ms = float("nan")
        self._t0 = 0.0
        self._hold = False
        self._stale: set[str] = set()
        self._risk_versions: dict[str, int] = {}
        self._mc: tuple[float, int] | None = None
        self.view.on_control = self._attach
        self.view.control("scenario.name").observe(
            self._guard(partial(self._on_value, "scenario.name")), names="value")
        self.view.build_section(0)
        self.view.chart_tabs.observe(self._guard(self._on_tab), names="selected_index")
        for name, fn in (("open", self._on_open), ("save", self._on_save),
                         ("reset", self._on_reset), ("write", self._on_write),
                         ("keep", self._on_keep), ("clear", self._on_clear)):
            self.view.button(name).on_click(self._guard(fn))
        for (chart, fmt), b in self.view.export_buttons.items():
            b.on_click(self._guard(partial(self._on_export, chart, fmt)))
        self._show_sources()
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

    def _attach(self, path: str, ctrl: Any, key: bool) -> None:
        ctrl.observe(self._guard(partial(self._on_value, path)), names="value")

    def _show_sources(self) -> None:
        w = self.words
        opts = [(w.t("scen.preset", name=w.t(f"preset.{n}") if f"preset.{n}" in TEXT else n)
                 if k == "preset" else
                 w.t("scen.file", name=Path(n).name), (k, n)) for k, n in self.model.sources()]
        self.view.show_sources(opts)

    # ------------------------------------------------------------------ observers
    def _on_value(self, path: str, change: dict[str, Any]) -> None:
        if self._hold:
            return
        t0 = self._t0 = time.perf_counter()
        value = change["new"]
        targets = [path]
        owner = change.get("owner")
        if owner is not None and owner is self.view._key_controls.get(path):
            targets += list(EVERY_PARTY.get(path, ()))
        self._hold = True
        try:  # the other copies of the same input show the new value
            for p in targets:
                self.view.put_value(p, value)
        finally:
            self._hold = False
        changed = self.model.set_many({p: value for p in targets})
        self.view.show_error("")
        self.view.show_warning(self.model.problems)
        if path in ("outsourced.pricing_model", "hybrid.mode", "outsourced.outbound_pricing",
                    "outbound.dialler_mode", "outsourced.delivery_model"):
            self.view.apply_visibility(self.model.raw)
        if changed:
            self._refresh_results()
        self._timed(t0)

    def _on_tab(self, change: dict[str, Any]) -> None:
        name = self.view.visible_chart_tab
        if name == "risk" and not self.view.risk_built:
            self._setup_risk()
        if name in self._stale:
            self._draw_tab(name)

    def _after_new_scenario(self) -> None:
        self._hold = True
        try:
            m = self.model
            self.words = Words(self.lang, m.currency)
            self.view.words = self.words
            self.view.set_values(m.raw, self._ranges(), self._sources())
        finally:
            self._hold = False
        self._refresh_all()

    def _on_open(self, _button: Any = None) -> None:
        source = self.view.source
        if source is None:
            return
        kind, name = source
        shown = name if kind == "preset" else Path(name).name
        if self.model.open(kind, name):
            self._after_new_scenario()
            self.view.show_message(self.words.t("msg.loaded", name=shown))
        else:
            self.view.show_warning(self.model.problems)
            self.view.show_message(self.words.t("msg.not_loaded", name=shown))

    def _folder(self) -> Path:
        folder = Path(self.view.folder or self.model.folder).expanduser()
        self.model.folder = folder
        return folder

    def _on_save(self, _button: Any = None) -> None:
        self._folder()
        try:
            written, invalid = self.model.save()
        except (OSError, ValueError) as exc:
            self.view.show_message(self.words.t("msg.failed", error=exc))
            return
        note = (" " + self.words.t("msg.saved_invalid")) if invalid else ""
        self.view.show_message(self.words.t("msg.saved", path=written) + note, [written])
        self._show_sources()

    def _on_reset(self, _button: Any = None) -> None:
        self.model.reset()
        self._after_new_scenario()
        self.view.show_message(self.words.t("msg.reset"))

    def _on_write(self, _button: Any = None) -> None:
        self._folder()
        done = self.view.busy("write", "btn.writing")
        try:
            paths = self.model.write_case(lang=self.lang)
        except (OSError, ValueError) as exc:
            self.view.show_message(self.words.t("msg.failed", error=exc))
            return
        finally:
            done()
        self.view.show_message(self.words.t("msg.wrote", path=self.model.case_folder()), paths)

    def _on_keep(self, _button: Any = None) -> None:
        name, replaced = self.model.keep(self.view.keep_name)
        msg = self.words.t("cmp.full" if replaced and replaced != name else "cmp.kept",
                           name=name)
        self.view.show_message(msg)
        self._refresh_results()
        self.view.chart_tabs.selected_index = 3

    def _on_clear(self, _button: Any = None) -> None:
        self.model.clear_kept()
        self._refresh_results()

    def _on_export(self, chart: str, fmt: str, _button: Any = None) -> None:
        folder = self._folder() / "exports"
        folder.mkdir(parents=True, exist_ok=True)
        stem = folder / chart
        d = {k: self._table(k) for k in ("cost_stack", "cumulative_cash", "revenue_effect")}
        if fmt == "svg":
            path = stem.with_suffix(".svg")
            path.write_text(self.view.chart_svg(chart), encoding="utf-8")
        elif fmt == "csv":
            path = stem.with_suffix(".csv")
            table = {"cost_stack": lambda: d["cost_stack"],
                     "cash": lambda: d["cumulative_cash"],
                     "staffing": self.model.week_staffing,
                     "revenue": lambda: d["revenue_effect"]}[chart]()
            table.to_csv(path)
        else:
            path = stem.with_suffix(".png")
            path.write_bytes(self._png(chart))
        self.view.show_export(chart, [path])

    def _png(self, chart: str) -> bytes:
        """PNG of a chart, drawn by matplotlib (loaded only for an export) with the SVG's words:
        its title, legend and category labels."""
        import re

        t, cur, v = self._table, self.model.currency, self.view
        shown = v.chart_svg(chart)
        title = re.search(r'font-weight="600" fill="#222">([^<]*)<', shown)
        title_text = html.unescape(title.group(1)) if title else ""
        legend = [(html.unescape(a), b) for a, b in re.findall(
            r'data-legend="([^"]*)"><rect [^>]*fill="([^"]+)"', shown)]
        w = self.words
        if chart == "cost_stack":
            c = charts.CostStackChart(dpi=120)
            c.draw(t("cost_stack"), cur)
            return c.relabel(title_text, legend, [w.option(o) for o in t("cost_stack").index])
        if chart == "cash":
            cash = charts.CashChart(dpi=120)
            cash.draw(t("cumulative_cash"), t("payback_months"), cur)
            return cash.relabel(title_text, legend[:2])
        if chart == "staffing":
            staff = charts.StaffingChart(dpi=120)
            staff.draw(self.model.week_staffing())
            return staff.relabel(title_text, legend, w.t("chart.days").split())
        revenue = charts.RevenueChart(dpi=120)
        revenue.draw(t("revenue_effect"), cur)
        return revenue.relabel(title_text, legend,
                         [w.t("chart.year", n=y) for y in t("revenue_effect").index])

    # ------------------------------------------------------------------ refresh
    def _timed(self, t0: float) -> None:
        self.last_update_ms = (time.perf_counter() - t0) * 1000.0
        w = self.words
        if self.model.problems:
            self.view.show_status(w.t("status.invalid", n=len(self.model.problems)))
        else:
            self.view.show_status(w.t("status.updated", ms=f"{self.last_update_ms:.0f}",
                                      kpi=f"{self.kpi_update_ms:.0f}") + " " + w.t("status.hint"))

    def _refresh_all(self) -> None:
        t0 = self._t0 = time.perf_counter()
        self.view.show_error("")
        self.view.show_warning(self.model.problems)
        self._refresh_results()
        self._timed(t0)

    def _refresh_results(self) -> None:
        m = self.model
        s = m.scenario
        k = m.kpis()
        best = m.best
        alt = m.best_alternative
        p_better = None
        if self._mc is not None:
            p_better = (self._mc[0], self._mc[1] != m.version)
        self.view.show_strip(name=self.words.report.scenario_text(s, "name"),
                             months=int(s["finance.horizon_months"]),
                             best_alternative=alt, npv=float(m.incremental.loc["npv", alt]),
                             recommended=best, kpis=k, differences=m.service_differences(),
                             p_better=p_better, baseline=m.baseline)
        self.view.show_kpis(k, KPI_ROWS, best, m.baseline)
        self.kpi_update_ms = (time.perf_counter() - self._t0) * 1000.0
        self._mark_stale()
        self._stale = {"money", "staffing", "revenue", "scenarios", "bids"}
        self._draw_tab(self.view.visible_chart_tab)

    def _table(self, name: str) -> Any:
        return self.model.chart_table(name)

    def _draw_tab(self, tab: str) -> None:
        """Redraw the charts of one tab."""
        m, t, v = self.model, self._table, self.view
        if tab == "money":
            v.show_svg("cost_stack", v.cost_stack_svg(t("cost_stack")))
            v.show_svg("cash", v.cash_svg(t("cumulative_cash"), t("payback_months"),
                                          t("kept_cash")))
        elif tab == "staffing":
            v.show_svg("staffing", v.staffing_svg(m.week_staffing()))
        elif tab == "revenue":
            v.show_svg("revenue", v.revenue_svg(t("revenue_effect")))
        elif tab == "scenarios":
            v.show_compare(m.comparison(), COMPARE_ROWS)
        elif tab == "bids":
            v.bids.set_scenario(m.scenario)
        self._stale.discard(tab)

    # ------------------------------------------------------------------ risk
    def _mark_stale(self) -> None:
        v = self.model.version
        self.view.mark_risk_stale({n: run != v for n, run in self._risk_versions.items()})

    def _setup_risk(self) -> None:
        self.view.build_risk(self.model.break_even_inputs(),
                             "outsourced.rate_per_productive_hour")
        self.view.button("tornado").on_click(self._guard(self._on_tornado))
        self.view.button("break_even").on_click(self._guard(self._on_break_even))
        self.view.button("monte_carlo").on_click(self._guard(self._on_monte_carlo))

    def _on_tornado(self, _button: Any = None) -> None:
        done = self.view.busy("tornado")
        t0 = time.perf_counter()
        try:
            table = self.model.tornado()
        finally:
            done()
        self.view.show_tornado(table)
        self.view.show_risk_message("tornado", self.words.t(
            "risk.done", seconds=self.words.report.number(time.perf_counter() - t0, 1)))
        self._risk_versions["tornado"] = self.model.version
        self._mark_stale()

    def _on_break_even(self, _button: Any = None) -> None:
        w, lang = self.words, self.words.report
        path = self.view.break_even_path
        done = self.view.busy("break_even")
        try:
            r = self.model.break_even(path)
        finally:
            done()
        from roi_models.parameters import registry
        from roi_models.widgets import formatting as fm

        unit = registry()[path].unit
        val = (lambda x: fm.param_value(lang, x, unit, 0.01))  # noqa: E731
        label = w.param(path)
        if r.found:
            text = w.t("risk.tie", label=label, value=val(r.value),
                       now=val(float(self.model.scenario[path])), low=val(r.low),
                       high=val(r.high))
        else:
            winner = "outsourced" if r.difference_at_low < 0 else "inhouse"
            text = w.t("risk.no_tie", low=val(r.low), high=val(r.high), label=label,
                       winner=w.option(winner, lower=True))
        self.view.show_risk_message("break_even", text, r.value if r.found else None)
        self._risk_versions["break_even"] = self.model.version
        self._mark_stale()

    def _on_monte_carlo(self, _button: Any = None) -> None:
        trials = self.view.monte_carlo_trials
        done = self.view.busy("monte_carlo")
        self.view.show_progress(0, trials)
        t0 = time.perf_counter()
        try:
            result = self.model.monte_carlo(trials, progress=self.view.show_progress)
        finally:
            done()
        self.view.show_progress(trials, trials)
        self.view.show_monte_carlo(result.incremental_npv, time.perf_counter() - t0)
        self._mc = (result.p_outsourcing_better, self.model.version)
        self._risk_versions["monte_carlo"] = self.model.version
        self._mark_stale()
        self._refresh_results()
