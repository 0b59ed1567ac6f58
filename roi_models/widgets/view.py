"""The dashboard's view: the layout and its child widgets, generated from the parameter registry.

No engine calls and no business arithmetic here: the view receives plain values (KPI numbers,
PNG bytes, messages) and shows them. Every widget a test or a browser needs to find carries a
stable CSS class (``add_class``): ``roi-dashboard``, ``roi-ctl-<section>-<name>`` on each input
(``roi-key-...`` on the first screen's copies), ``roi-card-<option>`` on the KPI cards (each value
in a ``[data-kpi=<key>]`` cell with the exact number in ``data-value``), ``roi-warning``,
``roi-error``, ``roi-chart-<name>``, ``roi-btn-<action>``.
"""

from __future__ import annotations

import base64
import html
import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from roi_models.parameters import Parameter, registry
from roi_models.report.summary import format_value

__all__ = ["KEY_DRIVERS", "SECTION_TABS", "DashboardView"]

#: Input tabs: (title, registry section).
SECTION_TABS: tuple[tuple[str, str], ...] = (
    ("Demand", "demand"), ("Service", "service"), ("In-house", "inhouse"),
    ("Outsourced", "outsourced"), ("Hybrid", "hybrid"), ("Outbound", "outbound"),
    ("Revenue", "revenue"), ("Tax", "tax"), ("Finance", "finance"),
)
#: The drivers that move the answer most, shown on the first screen.
KEY_DRIVERS: tuple[str, ...] = (
    "demand.voice_annual_contacts", "demand.voice_aht_s", "service.voice_target_sl",
    "inhouse.agent_hourly_wage", "inhouse.shrinkage", "inhouse.annual_attrition",
    "outsourced.pricing_model", "outsourced.rate_per_productive_hour",
    "outsourced.first_contact_resolution", "hybrid.mode", "finance.discount_rate",
    "finance.horizon_months",
)
OPTION_TITLES = {"inhouse": "In-house (as today)", "outsourced": "Outsourced",
                 "hybrid": "Hybrid"}
CHART_TABS: tuple[tuple[str, str], ...] = (
    ("Cost & cash flow", "money"), ("Staffing", "staffing"), ("Revenue", "revenue"),
    ("Compare", "compare"), ("Risk", "risk"),
)

_ABBREV = {"aht": "AHT", "sl": "SL", "fcr": "FCR", "qa": "QA", "wfm": "WFM", "it": "IT",
           "fte": "FTE", "cola": "COLA", "sla": "SLA", "ivr": "IVR", "capex": "capex"}

_CSS = """
<style>
.roi-dashboard { font-size: 13px; }
.roi-dashboard .roi-title h2 { margin: 4px 0 2px 0; font-size: 20px; }
.roi-dashboard .roi-muted { color: #666; font-size: 12px; }
.roi-dashboard .roi-recommendation { background: #eef5ee; border-left: 4px solid #55a868;
  padding: 6px 10px; margin: 4px 0; }
.roi-dashboard .roi-warning .roi-box { background: #fff4e0; border-left: 4px solid #e39b1b;
  padding: 6px 10px; white-space: pre-wrap; }
.roi-dashboard .roi-error .roi-box { background: #fdecea; border-left: 4px solid #c44e52;
  padding: 6px 10px; white-space: pre-wrap; font-family: monospace; font-size: 12px; }
.roi-dashboard .roi-card { border: 1px solid #ddd; border-radius: 6px; padding: 6px 10px;
  background: #fafafa; }
.roi-dashboard .roi-card h4 { margin: 0 0 4px 0; font-size: 14px; }
.roi-dashboard .roi-card table { border-collapse: collapse; width: 100%; }
.roi-dashboard .roi-card td { padding: 1px 4px; }
.roi-dashboard .roi-card td.roi-kpi-value { text-align: right; font-weight: 600;
  white-space: nowrap; }
.roi-dashboard .roi-card.roi-best { border-color: #55a868; box-shadow: 0 0 0 1px #55a868; }
.roi-dashboard .roi-label { font-size: 12px; line-height: 1.3; margin-top: 4px; }
.roi-dashboard .roi-unit { color: #777; }
.roi-dashboard .roi-legend span.sw { display: inline-block; width: 10px; height: 10px;
  margin: 0 4px 0 10px; vertical-align: middle; }
.roi-dashboard .roi-legend { font-size: 11px; line-height: 1.6; }
.roi-dashboard .roi-legend .item { display: inline-block; white-space: nowrap; }
.roi-dashboard table.roi-compare { border-collapse: collapse; }
.roi-dashboard table.roi-compare td, .roi-dashboard table.roi-compare th {
  padding: 2px 8px; border-bottom: 1px solid #eee; text-align: right; }
.roi-dashboard table.roi-compare td:first-child, .roi-dashboard table.roi-compare th:first-child {
  text-align: left; }
.roi-dashboard .widget-readout { min-width: 5em; }
.roi-dashboard .roi-info { display: inline-block; width: 13px; height: 13px; line-height: 13px;
  border-radius: 50%; background: #ddd; color: #555; font-size: 10px; text-align: center;
  cursor: help; }
.roi-dashboard .lm-TabBar-content { flex-wrap: wrap; }
.roi-dashboard .lm-TabBar-tab { flex: 0 0 auto !important; min-width: 0 !important;
  max-width: none !important; }
.roi-dashboard .lm-TabBar { min-height: fit-content; }
</style>
"""


def _label_text(param: Parameter) -> str:
    words = param.name.split("_")
    if words and words[-1] == "s" and param.unit == "s":
        words = words[:-1]
    words = [_ABBREV.get(w, w) for w in words]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def _unit(param: Parameter, currency: str) -> str:
    return param.unit.replace("money", currency)


def _nice_step(lo: float, hi: float, integer: bool) -> float:
    span = hi - lo
    if span <= 0:
        return 1.0 if integer else 0.01
    raw = span / 100.0
    exp = math.floor(math.log10(raw))
    step = 10.0 ** exp
    for m in (5.0, 2.0, 1.0):
        if m * 10.0 ** exp <= raw:
            step = m * 10.0 ** exp
            break
    return max(step, 1.0) if integer else step


def _decimals(step: float) -> int:
    return max(0, -math.floor(math.log10(step) + 1e-9))


def _vector_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    return ", ".join(f"{float(v):g}" for v in value)


class DashboardView(widgets.VBox):
    """Layout of the dashboard: inputs on the left, KPI cards and charts on the right.

    Parameters
    ----------
    values : mapping
        Dotted path -> current value (fills the controls).
    ranges : mapping
        Dotted path -> (low, high) plausible range of numeric inputs (slider ends).
    sources : mapping
        Dotted path -> source of the current value (tooltips).
    currency : str
        Replaces ``money`` in units.
    """

    def __init__(self, values: Mapping[str, Any], ranges: Mapping[str, tuple[float, float]],
                 sources: Mapping[str, str], currency: str) -> None:
        super().__init__()
        self.add_class("roi-dashboard")
        self._registry = registry()
        self._currency = currency
        self._controls: dict[str, widgets.Widget] = {}
        self._key_controls: dict[str, widgets.Widget] = {}
        self._labels: list[tuple[widgets.HTML, Parameter]] = []

        self._title = widgets.HTML()
        self._title.add_class("roi-title")
        self._recommendation = widgets.HTML()
        self._recommendation.add_class("roi-recommendation")
        self._warning = widgets.HTML(layout=widgets.Layout(display="none"))
        self._warning.add_class("roi-warning")
        self._error = widgets.HTML(layout=widgets.Layout(display="none"))
        self._error.add_class("roi-error")
        self._status = widgets.HTML()
        self._status.add_class("roi-status")

        # ---- inputs
        tabs_children, tab_titles = [], []
        key_box = self._section_box([self._make_control(p, values, ranges, sources, key=True)
                                     for p in KEY_DRIVERS])
        key_box.add_class("roi-key-drivers")
        tabs_children.append(key_box)
        tab_titles.append("Key drivers")
        for title, section in SECTION_TABS:
            paths = [p for p, prm in self._registry.items() if prm.section == section]
            box = self._section_box([self._make_control(p, values, ranges, sources)
                                     for p in paths])
            box.add_class(f"roi-tab-{section}")
            tabs_children.append(box)
            tab_titles.append(title)
        self._input_tabs = widgets.Tab(children=tabs_children, titles=tab_titles,
                                       layout=widgets.Layout(width="100%"))
        self._input_tabs.add_class("roi-input-tabs")

        # ---- scenario buttons
        self._scenario_name = widgets.Text(
            value=str(values.get("scenario.name", "")), description="Name",
            continuous_update=False, layout=widgets.Layout(width="100%"),
            style={"description_width": "initial"})
        self._scenario_name.add_class("roi-ctl-scenario-name")
        self._controls["scenario.name"] = self._scenario_name
        self._file = widgets.Text(value="scenario.yaml", description="File",
                                  placeholder="path/to/scenario.yaml",
                                  layout=widgets.Layout(width="100%"),
                                  style={"description_width": "initial"})
        self._file.add_class("roi-file")
        self._out_dir = widgets.Text(value="roi-models-case", description="Case folder",
                                     layout=widgets.Layout(width="100%"),
                                     style={"description_width": "initial"})
        self._out_dir.add_class("roi-out-dir")
        self._buttons = {
            "load": widgets.Button(description="Load", icon="folder-open",
                                   tooltip="Load the scenario file named above"),
            "save": widgets.Button(description="Save", icon="save",
                                   tooltip="Save the current scenario as commented YAML"),
            "reset": widgets.Button(description="Reset to default", icon="undo",
                                    tooltip="Back to the built-in default scenario"),
            "baseline": widgets.Button(description="Set as baseline", icon="thumb-tack",
                                       tooltip="Keep the current case to compare changes against"),
            "write": widgets.Button(description="Write business case", icon="file-text",
                                    button_style="primary",
                                    tooltip="Write Markdown, CSV and XLSX into the case folder"),
        }
        for name, b in self._buttons.items():
            b.add_class(f"roi-btn-{name}")
            b.layout = widgets.Layout(width="auto", flex="1 1 auto")
        self._message = widgets.HTML()
        self._message.add_class("roi-message")
        scenario_box = widgets.VBox([
            widgets.HTML("<b>Scenario</b>"), self._scenario_name, self._file,
            widgets.HBox([self._buttons[k] for k in ("load", "save", "reset", "baseline")],
                         layout=widgets.Layout(flex_flow="row wrap", width="100%")),
            self._out_dir,
            widgets.HBox([self._buttons["write"]], layout=widgets.Layout(width="100%")),
            self._message,
        ], layout=widgets.Layout(border="1px solid #ddd", padding="6px", margin="8px 0 0 0",
                                 width="100%"))
        scenario_box.add_class("roi-scenario")
        inputs = widgets.VBox([self._input_tabs, scenario_box],
                              layout=widgets.Layout(flex="1 1 340px", min_width="300px",
                                                    margin="0 12px 0 0"))
        inputs.add_class("roi-inputs")

        # ---- outputs
        self._cards = {}
        for name in OPTION_TITLES:
            card = widgets.HTML(layout=widgets.Layout(flex="1 1 210px", margin="0 6px 6px 0"))
            card.add_class("roi-card")
            card.add_class(f"roi-card-{name}")
            self._cards[name] = card
        cards = widgets.HBox(list(self._cards.values()),
                             layout=widgets.Layout(flex_flow="row wrap", width="100%"))
        cards.add_class("roi-cards")

        self._images: dict[str, widgets.Image] = {}
        self._legends: dict[str, widgets.HTML] = {}

        def chart(name: str, basis: str = "1 1 380px") -> widgets.VBox:
            img = widgets.Image(format="png", layout=widgets.Layout(width="100%", height="auto"))
            img.add_class(f"roi-chart-{name}")
            self._images[name] = img
            legend = widgets.HTML()
            legend.add_class("roi-legend")
            self._legends[name] = legend
            return widgets.VBox([img, legend], layout=widgets.Layout(flex=basis, min_width="0"))

        money = widgets.HBox([chart("cost_stack"), chart("cash")],
                             layout=widgets.Layout(flex_flow="row wrap", width="100%"))
        staffing = widgets.VBox([chart("staffing", "1 1 auto")])
        revenue = widgets.VBox([chart("revenue", "1 1 auto")])
        self._compare_html = widgets.HTML()
        self._compare_html.add_class("roi-compare")
        self._risk = widgets.VBox(layout=widgets.Layout(width="100%"))
        self._risk.add_class("roi-risk")
        self._chart_tabs = widgets.Tab(children=[money, staffing, revenue, self._compare_html,
                                                 self._risk],
                                       titles=[t for t, _ in CHART_TABS],
                                       layout=widgets.Layout(width="100%"))
        self._chart_tabs.add_class("roi-chart-tabs")
        outputs = widgets.VBox([cards, self._chart_tabs],
                               layout=widgets.Layout(flex="2 1 560px", min_width="0"))
        outputs.add_class("roi-outputs")

        body = widgets.HBox([inputs, outputs],
                            layout=widgets.Layout(flex_flow="row wrap", width="100%",
                                                  align_items="flex-start"))
        self.children = [widgets.HTML(_CSS), self._title, self._recommendation, self._warning,
                         self._error, body, self._status]
        self.layout = widgets.Layout(width="100%", padding="4px")

    # ------------------------------------------------------------------ construction
    @staticmethod
    def _section_box(children: Sequence[widgets.Widget]) -> widgets.VBox:
        return widgets.VBox(list(children), layout=widgets.Layout(width="100%",
                                                                  padding="0 4px 0 0"))

    def _make_control(self, path: str, values: Mapping[str, Any],
                      ranges: Mapping[str, tuple[float, float]], sources: Mapping[str, str],
                      key: bool = False) -> widgets.VBox:
        param = self._registry[path]
        value = values[path]
        tip = f"{param.description}\nSource: {sources.get(path, param.source)}"
        common: dict[str, Any] = {"layout": widgets.Layout(width="100%"), "tooltip": tip}
        if param.numeric and path in ranges:
            lo, hi = ranges[path]
            lo, hi = max(lo, param.minimum), min(hi, param.maximum)
            integer = param.kind == "int"
            step = _nice_step(lo, hi, integer)
            if integer:
                ctrl: widgets.Widget = widgets.IntSlider(
                    value=int(value), min=math.floor(lo), max=math.ceil(hi),
                    step=int(step), continuous_update=False, **common)
            else:
                ctrl = widgets.FloatSlider(
                    value=float(value), min=lo, max=hi, step=step, continuous_update=False,
                    readout_format=f",.{_decimals(step)}f", **common)
        elif param.kind == "int":
            ctrl = widgets.IntSlider(value=int(value), min=int(param.minimum),
                                     max=int(param.maximum), continuous_update=False, **common)
        elif param.kind == "float":
            ctrl = widgets.FloatText(value=float(value), continuous_update=False, **common)
        elif param.kind == "choice":
            ctrl = widgets.Dropdown(options=list(param.choices), value=value, **common)
        elif param.kind == "vector":
            ctrl = widgets.Text(value=_vector_text(value), continuous_update=False, **common)
        else:
            ctrl = widgets.Text(value=str(value), continuous_update=False, **common)
        css = "roi-" + ("key" if key else "ctl") + "-" + path.replace(".", "-").replace("_", "-")
        ctrl.add_class(css)
        label = widgets.HTML(layout=widgets.Layout(width="100%"))
        label.add_class("roi-label")
        self._labels.append((label, param))
        self._set_label(label, param, sources.get(path, param.source))
        if key:
            self._key_controls[path] = ctrl
        else:
            self._controls[path] = ctrl
        box = widgets.VBox([label, ctrl], layout=widgets.Layout(width="100%"))
        box.add_class("roi-control")
        return box

    def _set_label(self, label: widgets.HTML, param: Parameter, source: str) -> None:
        unit = _unit(param, self._currency)
        tip = html.escape(f"{param.description} Source: {source}", quote=True)
        unit_html = f' <span class="roi-unit">({html.escape(unit)})</span>' if unit else ""
        label.value = (f'<span title="{tip}">{html.escape(_label_text(param))}{unit_html} '
                       f'<span class="roi-info">?</span></span>')

    # ------------------------------------------------------------------ access for the wiring
    def control(self, path: str) -> widgets.Widget:
        """The input widget of a dotted path (in its section tab)."""
        return self._controls[path]

    def key_control(self, path: str) -> widgets.Widget:
        """The first-screen copy of a key driver's input."""
        return self._key_controls[path]

    @property
    def paths(self) -> list[str]:
        return list(self._controls)

    @property
    def key_paths(self) -> list[str]:
        return list(self._key_controls)

    def button(self, name: str) -> widgets.Button:
        return self._buttons[name]

    @property
    def file_path(self) -> str:
        return self._file.value.strip()

    @property
    def out_dir(self) -> str:
        return self._out_dir.value.strip()

    @property
    def chart_tabs(self) -> widgets.Tab:
        return self._chart_tabs

    @property
    def visible_chart_tab(self) -> str:
        return CHART_TABS[self._chart_tabs.selected_index or 0][1]

    @property
    def risk_box(self) -> widgets.VBox:
        return self._risk

    # ------------------------------------------------------------------ risk tab
    def show_risk_placeholder(self) -> None:
        self._risk.children = [widgets.HTML(
            "<p><b>Risk panels arrive with the risk module.</b> Tornado, break-even and Monte "
            "Carlo panels appear here once <code>roi_models.risk</code> is installed.</p>")]

    def build_risk(self, break_even_paths: Sequence[str]) -> None:
        """Tornado, break-even and Monte Carlo panels, each run by a button (long work)."""
        self._risk_messages = {k: widgets.HTML() for k in ("tornado", "break_even")}
        for k, w in self._risk_messages.items():
            w.add_class(f"roi-risk-{k.replace('_', '-')}")
        for name, text, tip in (
                ("tornado", "Run tornado", "Swing every input between its low and high"),
                ("break_even", "Find break-even", "Where in-house and outsourced tie on NPV"),
                ("monte_carlo", "Run Monte Carlo", "Sample every uncertain input")):
            b = widgets.Button(description=text, tooltip=tip,
                               layout=widgets.Layout(width="auto"))
            b.add_class(f"roi-btn-{name.replace('_', '-')}")
            self._buttons[name] = b
        labels = [(f"{_label_text(self._registry[p])} ({p})", p) for p in break_even_paths]
        default = "outsourced.rate_per_productive_hour"
        self._break_even_input = widgets.Dropdown(
            options=labels, value=default if default in break_even_paths else None,
            layout=widgets.Layout(width="100%"))
        self._trials = widgets.IntSlider(value=5000, min=1000, max=50_000, step=1000,
                                         continuous_update=False, description="Trials",
                                         layout=widgets.Layout(width="100%"))
        self._progress = widgets.IntProgress(value=0, min=0, max=1,
                                             layout=widgets.Layout(width="100%"))
        self._progress.add_class("roi-progress")
        self._mc_summary = widgets.HTML()
        self._mc_summary.add_class("roi-monte-carlo")
        img = widgets.Image(format="png", layout=widgets.Layout(width="100%", height="auto"))
        img.add_class("roi-chart-tornado")
        self._images["tornado"] = img
        self._legends["tornado"] = widgets.HTML()
        self._legends["tornado"].add_class("roi-legend")

        def panel(title: str, *children: widgets.Widget) -> widgets.VBox:
            return widgets.VBox([widgets.HTML(f"<b>{title}</b>"), *children],
                                layout=widgets.Layout(border="1px solid #eee", padding="6px",
                                                      margin="0 0 8px 0", width="100%"))

        self._risk.children = [
            panel("Sensitivity (tornado)", self._buttons["tornado"],
                  self._risk_messages["tornado"], img, self._legends["tornado"]),
            panel("Break-even: the value at which in-house and outsourced tie on NPV",
                  self._break_even_input, self._buttons["break_even"],
                  self._risk_messages["break_even"]),
            panel("Monte Carlo", self._trials, self._buttons["monte_carlo"], self._progress,
                  self._mc_summary),
        ]

    @property
    def break_even_path(self) -> str:
        return str(self._break_even_input.value)

    @property
    def monte_carlo_trials(self) -> int:
        return int(self._trials.value)

    def show_risk_message(self, panel: str, text: str) -> None:
        self._risk_messages[panel].value = f"<div>{html.escape(text)}</div>"

    def show_progress(self, done: int, total: int) -> None:
        self._progress.max = max(int(total), 1)
        self._progress.value = int(done)

    def show_monte_carlo(self, summary: Any, currency: str, seconds: float) -> None:
        """P10/P50/P90 of each NPV and P(switching beats in-house), from the risk module."""
        rows = []
        for name, r in summary.iterrows():
            p = float(r.get("p_better_than_inhouse", float("nan")))
            rows.append(f"<tr><td>{html.escape(str(name).replace('_', ' '))}</td>"
                        + "".join(f"<td>{format_value(r[c], 'money', currency)}</td>"
                                  for c in ("p10", "p50", "p90"))
                        + f"<td data-p-better=\"{p!r}\">{format_value(p, 'share')}</td></tr>")
        self._mc_summary.value = (
            f"<p>{seconds:.1f} s.</p><table class='roi-compare'><tr><th>NPV</th><th>P10</th>"
            "<th>P50</th><th>P90</th><th>P(better than in-house)</th></tr>"
            + "".join(rows) + "</table>")

    # ------------------------------------------------------------------ showing things
    def set_values(self, values: Mapping[str, Any], ranges: Mapping[str, tuple[float, float]],
                   sources: Mapping[str, str], currency: str) -> None:
        """Put values (a loaded or reset scenario) into the controls, widening slider ends."""
        self._currency = currency
        for label, param in self._labels:
            self._set_label(label, param, sources.get(param.path, param.source))
        for path, ctrl in self._controls.items():
            value = values[path]
            param = self._registry[path]
            if isinstance(ctrl, (widgets.FloatSlider, widgets.IntSlider)) and path in ranges:
                lo, hi = ranges[path]
                lo, hi = max(lo, param.minimum), min(hi, param.maximum)
                if isinstance(ctrl, widgets.IntSlider):
                    lo, hi, value = math.floor(lo), math.ceil(hi), int(value)
                ctrl.min = min(lo, ctrl.min)
                ctrl.max = max(hi, ctrl.max)
                ctrl.value = value
                ctrl.min, ctrl.max = lo, hi
            elif param.kind == "vector":
                ctrl.value = _vector_text(value)
            else:
                ctrl.value = value
            ctrl.tooltip = f"{param.description}\nSource: {sources.get(path, param.source)}"

    def show_title(self, name: str, currency: str, horizon: int) -> None:
        self._title.value = (f"<h2>Contact center: in-house, outsourced or hybrid?</h2>"
                             f'<div class="roi-muted">{html.escape(name)} &middot; money in '
                             f"{html.escape(currency)} over {horizon} months</div>")

    def show_recommendation(self, headline: str, reasons: Iterable[str]) -> None:
        items = "".join(f"<li>{html.escape(r)}</li>" for r in reasons)
        self._recommendation.value = (f"<b>{html.escape(headline)}</b>"
                                      f'<ul style="margin:2px 0 0 0">{items}</ul>')

    def show_kpis(self, kpis: Mapping[str, Mapping[str, float]], rows: Sequence[tuple[str, str,
                  str]], currency: str, best: str) -> None:
        """Fill the KPI cards: one card per option, one row per KPI (``rows``: key, label,
        format kind)."""
        for name, card in self._cards.items():
            values = kpis[name]
            trs = []
            for key, label, kind in rows:
                v = values[key]
                if name == "inhouse" and key in ("incremental_npv", "payback_months"):
                    text = "reference"
                else:
                    text = format_value(v, kind, currency)
                trs.append(f'<tr><td>{html.escape(label)}</td><td class="roi-kpi-value" '
                           f'data-kpi="{key}" data-value="{v!r}">{html.escape(text)}</td></tr>')
            badge = " &#9733; recommended" if name == best else ""
            card.value = (f"<h4>{OPTION_TITLES[name]}<span class='roi-muted'>{badge}</span></h4>"
                          f"<table>{''.join(trs)}</table>")
            if name == best:
                card.add_class("roi-best")
            else:
                card.remove_class("roi-best")

    def show_chart(self, name: str, png: bytes, legend: Sequence[tuple[str, str]] = ()) -> None:
        self._images[name].value = png
        if legend:
            self._legends[name].value = "".join(
                f'<span class="item"><span class="sw" style="background:{c}"></span>'
                f"{html.escape(t)}</span>"
                for t, c in legend)

    def show_compare(self, table: Any, currency: str, label: str) -> None:
        """Baseline vs current table (a DataFrame from the model) or a hint when there is none."""
        if table is None:
            self._compare_html.value = ("<p>No baseline yet. Press <b>Set as baseline</b> to keep the "
                                   "current case; every later change is then compared with it "
                                   "here and drawn dotted in the cash-flow chart.</p>")
            return
        kinds = {"total_cost": "money", "npv": "money", "fte": "fte",
                 "voice_service_level": "share"}
        rows = []
        for (option, metric), r in table.iterrows():
            kind = kinds.get(metric, "number")
            change = format_value(r["change"], kind, currency)
            if kind == "share":
                change = f"{r['change'] * 100:+.1f} pts"
            elif r["change"] > 0:
                change = "+" + change
            rows.append(f"<tr><td>{OPTION_TITLES[option]}</td><td>{html.escape(r['label'])}</td>"
                        f"<td>{format_value(r['baseline'], kind, currency)}</td>"
                        f"<td>{format_value(r['current'], kind, currency)}</td>"
                        f'<td data-compare="{option}.{metric}">{html.escape(change)}</td></tr>')
        self._compare_html.value = (f"<p>Baseline: <b>{html.escape(label)}</b></p>"
                               "<table class='roi-compare'><tr><th>Option</th><th>Metric</th>"
                               "<th>Baseline</th><th>Current</th><th>Change</th></tr>"
                               + "".join(rows) + "</table>")

    def show_warning(self, text: str) -> None:
        self._warning.value = (f'<div class="roi-box">&#9888; {html.escape(text)}</div>'
                               if text else "")
        self._warning.layout.display = "" if text else "none"

    def show_error(self, text: str) -> None:
        self._error.value = (f'<div class="roi-box">Something went wrong in the dashboard '
                             f"(your inputs are kept):\n{html.escape(text)}</div>" if text else "")
        self._error.layout.display = "" if text else "none"

    def show_message(self, text: str, files: Sequence[Path] = ()) -> None:
        """A short message under the scenario buttons; ``files`` become download links."""
        links = []
        for p in files:
            try:
                data = Path(p).read_bytes()
            except OSError:
                data = b""
            href = ("data:application/octet-stream;base64," + base64.b64encode(data).decode()
                    if 0 < len(data) <= 5_000_000 else "")
            name = html.escape(Path(p).name)
            full = html.escape(str(Path(p).resolve()))
            link = (f'<a href="{href}" download="{name}" title="{full}">{name}</a>' if href
                    else name)
            links.append(f"<li>{link} <span class='roi-muted'>{full}</span></li>")
        files_html = f"<ul style='margin:2px 0'>{''.join(links)}</ul>" if links else ""
        self._message.value = f"<div>{html.escape(text)}</div>{files_html}"

    def show_status(self, text: str) -> None:
        self._status.value = f'<div class="roi-muted">{html.escape(text)}</div>'
