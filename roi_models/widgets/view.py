"""The dashboard's view: the layout and its child widgets, generated from the parameter registry.

No engine calls and no business arithmetic here: the view receives plain values (KPI numbers,
tables the engine computed, messages) and shows them in the reader's language
(:class:`~roi_models.widgets.words.Words`; every number through
:mod:`~roi_models.widgets.formatting`). Charts are SVG strings (:mod:`~roi_models.widgets.svg`)
in HTML widgets, so a redraw is a few milliseconds.

Layout at 1440 x 900: the summary strip on top (``position: sticky``), inputs in a column on the
left that scrolls by itself, KPI cards and the chart tabs on the right, always in view.

Stable CSS classes for tests and the browser: ``roi-dashboard``, ``roi-strip`` (the headline in
``[data-strip=headline]`` with the incremental NPV in ``data-value``), ``roi-ctl-<section>-<name>``
on each input (``roi-key-...`` on the Key-drivers copies), ``roi-card-<option>`` (each value in a
``[data-kpi=<key>]`` cell with the exact number in ``data-value``), ``roi-warning``,
``roi-error``, ``roi-status``, ``roi-chart-<name>``, ``roi-btn-<action>``, ``roi-export-<chart>-
<format>``, ``roi-compare``, ``roi-risk-*``.
"""

from __future__ import annotations

import base64
import html
import math
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import traitlets

from roi_models.channels import LIVE
from roi_models.parameters import Parameter, registry
from roi_models.pricing import PRICING_MODELS, effective_model
from roi_models.report.style import CHANNEL_COLOURS, FAMILY_COLOURS
from roi_models.widgets import formatting as fm
from roi_models.widgets import svg
from roi_models.widgets.bids import BidsTab
from roi_models.widgets.charts import OPTION_COLORS
from roi_models.widgets.words import TEXT as _WORDS
from roi_models.widgets.words import Words

__all__ = ["CONDITIONAL", "KEY_DRIVERS", "SECTION_TABS", "DashboardView", "ProfileEditor"]

OPTIONS = ("inhouse", "outsourced", "hybrid")
KEPT_COLORS = ("#8172b3", "#937860", "#da8bc3", "#8c8c8c")
#: Input sections, in order (registry section names; titles from the words' ``tab.*``).
SECTION_TABS: tuple[str, ...] = ("demand", "service", "inhouse", "outsourced", "hybrid",
                                 "outbound", "revenue", "tax", "finance")
#: The drivers that move the answer most, shown first. ``service.voice_target_sl`` here moves
#: every party's target (in-house and the vendor's contract); the vendor rates show for the
#: chosen pricing model only.
KEY_DRIVERS: tuple[str, ...] = (
    "demand.voice_annual_contacts", "demand.voice_aht_s", "service.voice_target_sl",
    "inhouse.agent_hourly_wage", "inhouse.shrinkage", "inhouse.annual_attrition",
    "outsourced.pricing_model", *(m.rate for m in PRICING_MODELS.values()),
    "outsourced.first_contact_resolution", "hybrid.mode", "hybrid.outsourced_share",
    "hybrid.overflow_threshold", "hybrid.outsourced_channels", "finance.discount_rate",
    "finance.horizon_months",
)
#: The key-driver copy of these paths also sets the other paths (same value).
EVERY_PARTY: dict[str, tuple[str, ...]] = {"service.voice_target_sl": ("outsourced.voice_target_sl",)}
#: Inputs shown only for some values of a choice: path -> (choice path, values). The vendor
#: rates follow the engine's pricing table instead (:func:`roi_models.pricing.effective_model`:
#: only the rate of the model billed shows).
CONDITIONAL: dict[str, tuple[str, frozenset[str]]] = {
    "hybrid.outsourced_share": ("hybrid.mode", frozenset({"share"})),
    "hybrid.overflow_threshold": ("hybrid.mode", frozenset({"overflow"})),
    "hybrid.outsourced_channels": ("hybrid.mode", frozenset({"channel"})),
    "outsourced.outbound_rate_per_hour": ("outsourced.outbound_pricing",
                                          frozenset({"per_hour", "blend"})),
    "outsourced.outbound_min_fte": ("outsourced.outbound_pricing",
                                    frozenset({"per_hour", "blend"})),
    "outsourced.outbound_rate_per_connect": ("outsourced.outbound_pricing",
                                             frozenset({"per_connect"})),
    "outsourced.outbound_commission": ("outsourced.outbound_pricing",
                                       frozenset({"per_outcome", "blend"})),
    "outsourced.outbound_blend_hourly_share": ("outsourced.outbound_pricing",
                                               frozenset({"blend"})),
    "outbound.preview_utilisation": ("outbound.dialler_mode", frozenset({"preview"})),
    "outbound.progressive_utilisation": ("outbound.dialler_mode", frozenset({"progressive"})),
    "outbound.predictive_utilisation": ("outbound.dialler_mode", frozenset({"predictive"})),
    "outbound.predictive_abandon_rate": ("outbound.dialler_mode", frozenset({"predictive"})),
}
#: Shown only while the billed pricing model is per logged-in hour.
_LOGGED_IN = ("outsourced.logged_in_overhead", "per_logged_in_hour")
CHART_TABS: tuple[str, ...] = ("money", "staffing", "revenue", "scenarios", "risk", "bids")
#: Summary metrics a service flag names -> words key.
SERVICE_WORDS = {"voice_service_level": "metric.voice_service_level",
                 "voice_abandon_rate": "metric.voice_abandon_rate",
                 "first_contact_resolution": "metric.first_contact_resolution"}
_PROFILES = {"demand.seasonality": "months", "demand.weekday_profile": "halfhours",
             "demand.weekend_profile": "halfhours"}

_CSS = """
<style>
.roi-loading, .jp-Cell:has(.roi-loading) { display: none !important; }
.jp-OutputArea-output:has(.roi-dashboard), .jp-OutputArea-child:has(.roi-dashboard),
.jp-OutputArea:has(.roi-dashboard), .jp-Cell-outputWrapper:has(.roi-dashboard) {
  overflow: visible !important; }
.roi-dashboard { font-size: 13px; color: #222; overflow: visible !important; }
.roi-dashboard > .widget-box, .roi-dashboard .roi-outputs { overflow: visible !important; }
.roi-dashboard .roi-strip { position: sticky; top: 0; z-index: 20; background: #fff;
  border-bottom: 1px solid #ddd; padding: 4px 8px 6px 8px; min-height: 122px;
  box-sizing: border-box; }
.roi-dashboard .roi-strip .roi-sub { color: #666; font-size: 12px; }
.roi-dashboard .roi-strip .roi-head { font-size: 17px; font-weight: 600; margin: 2px 0 4px 0;
  line-height: 1.3; }
.roi-dashboard .roi-strip .roi-head.roi-stay { color: #4c72b0; }
.roi-dashboard .roi-strip .roi-head .roi-npv { color: #2a7a3b; }
.roi-dashboard .roi-strip .roi-head .roi-npv.neg { color: #b23b3b; }
.roi-dashboard .roi-chips { display: flex; flex-wrap: wrap; gap: 2px 14px; font-size: 12.5px;
  line-height: 1.35; }
.roi-dashboard .roi-chip b { font-weight: 600; }
.roi-dashboard .roi-chip .sw { display: inline-block; width: 9px; height: 9px; border-radius: 2px;
  margin-right: 4px; }
.roi-dashboard .roi-pbetter { background: #eef5ee; border-radius: 10px; padding: 0 8px;
  font-size: 14px; font-weight: 600; margin-left: 8px; white-space: nowrap; }
.roi-dashboard .roi-pbetter.roi-stale { background: #f3f3f3; color: #777; }
.roi-dashboard .roi-flags { font-size: 12.5px; margin-top: 3px; }
.roi-dashboard .roi-flags.roi-diff { color: #8a5a00; }
.roi-dashboard .roi-flags.roi-same { color: #2a7a3b; }
.roi-dashboard .roi-warning .roi-box { background: #fff4e0; border-left: 4px solid #e39b1b;
  padding: 6px 10px; white-space: pre-wrap; }
.roi-dashboard .roi-error .roi-box { background: #fdecea; border-left: 4px solid #c44e52;
  padding: 6px 10px; white-space: pre-wrap; font-family: monospace; font-size: 12px; }
.roi-dashboard .roi-inputs { height: calc(100vh - 180px); min-height: 420px; overflow-y: auto;
  overflow-x: hidden; border-right: 1px solid #eee; }
.roi-dashboard .roi-card { border: 1px solid #ddd; border-radius: 6px; padding: 4px 8px;
  background: #fafafa; height: 178px; box-sizing: border-box; overflow: hidden; }
.roi-dashboard .roi-card h4 { margin: 0 0 2px 0; font-size: 14px; white-space: nowrap; }
.roi-dashboard .roi-card table { border-collapse: collapse; width: 100%; table-layout: fixed; }
.roi-dashboard .roi-card td { padding: 0 2px; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; line-height: 20px; font-size: 12.5px; }
.roi-dashboard .roi-card td.roi-kpi-value { text-align: right; font-weight: 600; width: 44%;
  font-variant-numeric: tabular-nums; }
.roi-dashboard .roi-card.roi-best { border-color: #55a868; box-shadow: 0 0 0 1px #55a868; }
.roi-dashboard .roi-label { font-size: 12px; line-height: 1.25; margin-top: 5px; }
.roi-dashboard .roi-unit { color: #777; }
.roi-dashboard .roi-note { color: #8a5a00; font-size: 11px; }
.roi-dashboard .roi-label .widget-html-content, .roi-dashboard .roi-label {
  line-height: 1.3 !important; }
.roi-dashboard .roi-muted { color: #666; font-size: 12px; }
.roi-dashboard table.roi-compare { border-collapse: collapse; font-variant-numeric: tabular-nums; }
.roi-dashboard table.roi-compare td, .roi-dashboard table.roi-compare th {
  padding: 1px 10px; border-bottom: 1px solid #eee; text-align: right; white-space: nowrap;
  line-height: 19px; }
.roi-dashboard table.roi-compare td:first-child, .roi-dashboard table.roi-compare th:first-child {
  text-align: left; }
.roi-dashboard table.roi-compare tr.grp td { font-weight: 600; background: #f6f6f6; }
.roi-dashboard .widget-readout { min-width: 5.5em; }
.roi-dashboard .roi-info { display: inline-block; width: 13px; height: 13px; line-height: 13px;
  border-radius: 50%; background: #ddd; color: #555; font-size: 10px; text-align: center;
  cursor: help; }
.roi-dashboard .roi-profile input { padding: 0 2px; font-size: 11px; min-width: 0; }
.roi-dashboard .roi-profile .widget-text { min-width: 0; }
.roi-dashboard .roi-profile .widget-vslider { width: 26px !important; min-width: 26px; }
.roi-dashboard .roi-profile .widget-vslider .widget-readout { min-width: 0; font-size: 10px; }
.roi-dashboard .roi-export button { font-size: 11px; height: 22px; padding: 0 6px; }
.roi-dashboard .roi-risk-head { font-size: 17px; font-weight: 600; }
.roi-dashboard .roi-stale-note { background: #f3f3f3; color: #8a5a00; padding: 2px 6px; }
.roi-dashboard .lm-TabBar-tab { flex: 0 0 auto !important; min-width: 0 !important;
  max-width: none !important; }
.roi-dashboard .widget-inline-hbox .widget-label { width: auto; }
.roi-dashboard .jupyter-widget-Collapse-header, .roi-dashboard .p-Collapse-header {
  padding: 4px 8px; }
</style>
"""


def _unit_html(w: Words, param: Parameter) -> str:
    unit = w.unit(param.unit)
    if param.kind == "vector":  # typed as numbers: a share stays a decimal (0.05)
        pass
    elif param.unit == "share/year":
        unit = "%/" + w.unit("year")
    elif fm.is_share(param.unit):
        unit = "%" + ("" if param.unit == "share" else f", {unit}")
    return f' <span class="roi-unit">({html.escape(unit)})</span>' if unit else ""


def source_for_people(source: str, w: Words) -> str:
    """A registry source without references to the kit's own files (``docs/sources.md 4``) or
    its tags (``[E]``), which an analyst cannot open; "estimate" stays in words."""
    text = re.sub(r"\(?\bdocs/[\w./-]+(?:\s*§?\s*[\d.]+)?\)?", "", source)
    estimate = bool(re.search(r"\[E[^\]]*\]", text))
    text = re.sub(r"\s*\[E[^\]]*\]", "", text)
    text = re.sub(r"\(\s*\)|\s+([,;.)])", r"\1", text).strip(" ;,")
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1]
    if estimate and not text.lower().startswith("estimate"):
        text = f"{w.t('source.estimate')}: {text}" if text else w.t("source.estimate")
    return text or w.t("source.docs")


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


def _vector_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    return ", ".join(f"{float(v):g}" for v in value)


def _data_uri(data: bytes, mime: str) -> str:
    return f"data:{mime};base64," + base64.b64encode(data).decode()


class ProfileEditor(widgets.VBox):
    """An editor for a profile of weights (12 months or 48 half hours): one small input per
    weight and a bar chart of the shape; ``value`` is the tuple of weights.

    Parameters
    ----------
    values : sequence of float
    labels : sequence of str
        One per weight (month names or ``HH:MM``).
    vertical : bool
        Vertical sliders (12 months) instead of a grid of number boxes (48 half hours).
    """

    value = traitlets.Tuple()

    def __init__(self, values: Sequence[float], labels: Sequence[str], *, vertical: bool,
                 lo: float = 0.0, hi: float = 2.0) -> None:
        super().__init__(layout=widgets.Layout(width="100%"))
        self.add_class("roi-profile")
        self._labels = list(labels)
        self._hold = False
        self._chart = widgets.HTML()
        self._vertical = vertical
        if vertical:
            self._cells = [widgets.FloatSlider(value=float(v), min=lo, max=hi, step=0.01,
                                               orientation="vertical", readout=True,
                                               readout_format=".2f", continuous_update=False,
                                               layout=widgets.Layout(width="26px",
                                                                     height="120px"),
                                               tooltip=lab)
                           for v, lab in zip(values, labels, strict=True)]
            heads = widgets.HBox([widgets.HTML(f"<div style='width:26px;text-align:center;"
                                               f"font-size:10px'>{html.escape(lab)}</div>")
                                  for lab in labels])
            grid: widgets.Widget = widgets.VBox([widgets.HBox(self._cells), heads])
        else:
            self._cells = [widgets.BoundedFloatText(value=float(v), min=0.0, max=1e6,
                                                    step=0.01, continuous_update=False,
                                                    tooltip=lab,
                                                    layout=widgets.Layout(width="40px"))
                           for v, lab in zip(values, labels, strict=True)]
            rows = []
            for r in range(6):
                rows.append(widgets.HTML(f"<span style='font-size:10px'>"
                                         f"{html.escape(labels[r * 8])}</span>"))
                rows.extend(self._cells[r * 8:(r + 1) * 8])
            grid = widgets.GridBox(rows, layout=widgets.Layout(
                grid_template_columns="36px repeat(8, 40px)", grid_gap="1px", width="100%"))
        for c in self._cells:
            c.observe(self._on_cell, names="value")
        self.children = [self._chart, grid]
        self.value = tuple(float(v) for v in values)
        # no tooltip on the box itself: ipywidgets 8 cannot render a Box view with one (the
        # label above carries the description and the source)

    def _on_cell(self, _change: dict[str, Any]) -> None:
        if not self._hold:
            self.value = tuple(float(c.value) for c in self._cells)

    @traitlets.observe("value")
    def _on_value(self, change: dict[str, Any]) -> None:
        self._hold = True
        try:
            for c, v in zip(self._cells, change["new"], strict=False):
                if c.value != v:
                    c.value = v
        finally:
            self._hold = False
        every = 1 if self._vertical else 8
        self._chart.value = svg.profile_bars(change["new"], self._labels, every=every)


class DashboardView(widgets.VBox):
    """Layout of the dashboard: summary strip, inputs on the left, cards and charts on the right.

    Parameters
    ----------
    words : Words
        Language and currency of every label and number.
    values : mapping
        Dotted path -> current value (fills the controls).
    ranges : mapping
        Dotted path -> (low, high) plausible range of numeric inputs (slider ends).
    sources : mapping
        Dotted path -> source of the current value (tooltips).
    folder : str
        The folder shown for saving and writing.
    """

    def __init__(self, words: Words, values: Mapping[str, Any],
                 ranges: Mapping[str, tuple[float, float]], sources: Mapping[str, str],
                 folder: str = "") -> None:
        super().__init__()
        self.add_class("roi-dashboard")
        self.words = w = words
        self._registry = registry()
        self._values = dict(values)
        self._ranges = dict(ranges)
        self._sources = dict(sources)
        self._controls: dict[str, widgets.Widget] = {}
        self._key_controls: dict[str, widgets.Widget] = {}
        self._boxes: dict[str, list[widgets.Widget]] = {}
        self._labels: list[tuple[widgets.HTML, Parameter, bool]] = []
        #: paths whose label shows the value (no read-out), with the slider step
        self._label_values: dict[str, float] = {}
        #: Called with (path, widget, is_key_copy) for each control as it is created (the
        #: wiring observes it); sections are built when first opened.
        self.on_control: Callable[[str, widgets.Widget, bool], None] | None = None
        self._buttons: dict[str, widgets.Button] = {}

        self._strip = widgets.HTML()
        self._strip.add_class("roi-strip")
        self._warning = widgets.HTML(layout=widgets.Layout(display="none"))
        self._warning.add_class("roi-warning")
        self._error = widgets.HTML(layout=widgets.Layout(display="none"))
        self._error.add_class("roi-error")
        self._status = widgets.HTML()
        self._status.add_class("roi-status")

        # ---- inputs: one accordion, sections built when first opened
        self._section_paths: list[list[str]] = [list(KEY_DRIVERS)]
        for section in SECTION_TABS:
            self._section_paths.append([p for p, prm in self._registry.items()
                                        if prm.section == section])
        self._section_boxes = [widgets.VBox(layout=widgets.Layout(width="100%",
                                                                  padding="0 4px 0 0"))
                               for _ in self._section_paths]
        self._built: set[int] = set()
        self._sections = widgets.Accordion(
            children=self._section_boxes,
            titles=[w.t("tab.key"), *(w.t(f"tab.{s}") for s in SECTION_TABS)],
            layout=widgets.Layout(width="100%"))
        self._sections.add_class("roi-sections")
        self._sections.selected_index = 0
        self._sections.observe(self._on_section, names="selected_index")

        # ---- scenario box
        style = {"description_width": "initial"}
        self._source = widgets.Dropdown(description=w.t("scen.open"), style=style,
                                        layout=widgets.Layout(width="auto", flex="1 1 auto"))
        self._source.add_class("roi-source")
        self._buttons["open"] = widgets.Button(description=w.t("scen.open_btn"),
                                               icon="folder-open")
        self._buttons["open"].style.text_color = "#222"
        self._scenario_name = widgets.Text(value=str(values.get("scenario.name", "")),
                                           description=w.t("scen.name"), style=style,
                                           continuous_update=False,
                                           layout=widgets.Layout(width="100%"))
        self._scenario_name.add_class("roi-ctl-scenario-name")
        self._controls["scenario.name"] = self._scenario_name
        self._folder = widgets.Text(value=folder, description=w.t("scen.folder"), style=style,
                                    layout=widgets.Layout(width="100%"))
        self._folder.add_class("roi-folder")
        for name, icon, style_ in (("save", "save", ""), ("reset", "undo", ""),
                                   ("write", "file-text", "primary")):
            self._buttons[name] = widgets.Button(description=w.t(f"btn.{name}"), icon=icon,
                                                 button_style=style_)
        for name, b in self._buttons.items():
            b.add_class(f"roi-btn-{name}")
            b.layout = widgets.Layout(width="auto", flex="0 0 auto")
        self._message = widgets.HTML()
        self._message.add_class("roi-message")
        scenario_box = widgets.VBox([
            widgets.HTML(f"<b>{html.escape(w.t('scen.title'))}</b>"),
            widgets.HBox([self._source, self._buttons["open"]],
                         layout=widgets.Layout(width="100%")),
            self._scenario_name, self._folder,
            widgets.HBox([self._buttons[k] for k in ("save", "reset", "write")],
                         layout=widgets.Layout(flex_flow="row wrap", width="100%")),
            self._message,
        ], layout=widgets.Layout(border="1px solid #ddd", padding="6px", margin="8px 0 0 0",
                                 width="100%"))
        scenario_box.layout.flex = "0 0 auto"
        self._sections.layout.flex = "0 0 auto"
        scenario_box.add_class("roi-scenario")
        inputs = widgets.VBox([self._sections, scenario_box],
                              layout=widgets.Layout(width="410px", flex="0 0 410px",
                                                    margin="0 10px 0 0"))
        inputs.add_class("roi-inputs")

        # ---- outputs
        self._cards = {}
        for name in OPTIONS:
            card = widgets.HTML(layout=widgets.Layout(flex="1 1 0", margin="0 6px 6px 0",
                                                      min_width="0"))
            card.add_class("roi-card")
            card.add_class(f"roi-card-{name}")
            self._cards[name] = card
        cards = widgets.HBox(list(self._cards.values()), layout=widgets.Layout(width="100%"))
        cards.add_class("roi-cards")

        self._charts: dict[str, widgets.HTML] = {}
        self._export_msg: dict[str, widgets.HTML] = {}
        self.export_buttons: dict[tuple[str, str], widgets.Button] = {}
        money = widgets.HBox([self._chart_box("cost_stack"), self._chart_box("cash")],
                             layout=widgets.Layout(width="100%"))
        staffing = self._chart_box("staffing")
        revenue = self._chart_box("revenue")
        self._build_compare()
        self._risk = widgets.VBox(layout=widgets.Layout(width="100%"))
        self._risk.add_class("roi-risk")
        self.bids = BidsTab(w.lang)
        self._chart_tabs = widgets.Tab(children=[money, staffing, revenue, self._compare_box,
                                                 self._risk, self.bids],
                                       titles=[self.bids.title if t == "bids" else
                                               w.t(f"charts.{t}") for t in CHART_TABS],
                                       layout=widgets.Layout(width="100%"))
        self._chart_tabs.add_class("roi-chart-tabs")
        outputs = widgets.VBox([cards, self._chart_tabs],
                               layout=widgets.Layout(flex="1 1 600px", min_width="0"))
        outputs.add_class("roi-outputs")

        body = widgets.HBox([inputs, outputs],
                            layout=widgets.Layout(width="100%", align_items="flex-start"))
        self.children = [widgets.HTML(_CSS), self._strip, self._warning, self._error, body,
                         self._status]
        self.layout = widgets.Layout(width="100%", padding="0 4px")

    # ------------------------------------------------------------------ construction
    def _chart_box(self, name: str) -> widgets.VBox:
        chart = widgets.HTML(layout=widgets.Layout(width="100%", min_height="300px"))
        chart.add_class(f"roi-chart-{name}")
        chart.add_class("roi-chart")
        self._charts[name] = chart
        bar = []
        for f in ("png", "svg", "csv"):
            b = widgets.Button(description=self.words.t(f"export.{f}"), icon="download",
                               tooltip=f"{f.upper()}", layout=widgets.Layout(width="auto"))
            b.add_class(f"roi-export-{name.replace('_', '-')}-{f}")
            self.export_buttons[(name, f)] = b
            bar.append(b)
        msg = widgets.HTML()
        self._export_msg[name] = msg
        exp = widgets.HBox([*bar, msg], layout=widgets.Layout(align_items="center"))
        exp.add_class("roi-export")
        return widgets.VBox([chart, exp], layout=widgets.Layout(flex="1 1 0", min_width="0"))

    def _build_compare(self) -> None:
        w = self.words
        self._keep_name = widgets.Text(placeholder=w.t("cmp.name"),
                                       layout=widgets.Layout(width="260px"))
        self._keep_name.add_class("roi-keep-name")
        for name in ("keep", "clear"):
            b = widgets.Button(description=w.t(f"btn.{name}"),
                               layout=widgets.Layout(width="auto"))
            b.add_class(f"roi-btn-{name}")
            self._buttons[name] = b
        self._compare_html = widgets.HTML()
        self._compare_html.add_class("roi-compare")
        self._compare_box = widgets.VBox([
            widgets.HBox([self._keep_name, self._buttons["keep"], self._buttons["clear"]]),
            self._compare_html])

    def _on_section(self, change: dict[str, Any]) -> None:
        if change["new"] is not None:
            self.build_section(int(change["new"]))

    def build_section(self, index: int) -> None:
        """Create the controls of one input section (done when the section is first opened)."""
        if index in self._built:
            return
        self._built.add(index)
        key = index == 0
        boxes = [self._make_control(p, key=key) for p in self._section_paths[index]
                 if p in self._registry and p != "scenario.name"]
        self._section_boxes[index].children = boxes
        self.apply_visibility(self._values)

    def _make_control(self, path: str, key: bool = False) -> widgets.VBox:
        param = self._registry[path]
        w = self.words
        value = self._values[path]
        source = source_for_people(self._sources.get(path, param.source), w)
        tip = f"{param.description}\n{w.t('source')}: {source}"
        common: dict[str, Any] = {"layout": widgets.Layout(width="100%"), "tooltip": tip}
        ctrl: widgets.Widget
        share = fm.is_share(param.unit)
        if param.numeric and path in self._ranges:
            lo, hi = self._slider_ends(path, param)
            integer = param.kind == "int"
            step = _nice_step(lo, hi, integer)
            # the slider's own read-out writes numbers the English way (d3-format): in other
            # languages the label shows the value through the formatter instead
            readout = w.lang == "en"
            if not readout:
                self._label_values[path] = step
            if integer:
                ctrl = widgets.IntSlider(value=int(value), min=math.floor(lo), max=math.ceil(hi),
                                         step=int(step), continuous_update=False,
                                         readout=readout, **common)
            else:
                d = fm.decimals_for(step * 100 if share else step)
                ctrl = widgets.FloatSlider(
                    value=float(value), min=lo, max=hi, step=step, continuous_update=False,
                    readout=readout, readout_format=f".{d}%" if share else f",.{d}f", **common)
        elif param.kind == "int":
            ctrl = widgets.IntSlider(value=int(value), min=int(param.minimum),
                                     max=int(min(param.maximum, 1e6)),
                                     continuous_update=False, **common)
        elif param.kind == "float":
            ctrl = widgets.FloatText(value=float(value), continuous_update=False, **common)
        elif param.kind == "choice":
            common["layout"] = widgets.Layout(width="97%")
            ctrl = widgets.Dropdown(options=[(w.choice(path, c), c) for c in param.choices],
                                    value=value, **common)
        elif path in _PROFILES:
            if _PROFILES[path] == "months":
                labels = w.t("profile.months").split()
                ctrl = ProfileEditor(value, labels, vertical=True, lo=0.5, hi=1.5)
            else:
                labels = [f"{i // 2:02d}:{30 * (i % 2):02d}" for i in range(48)]
                ctrl = ProfileEditor(value, labels, vertical=False)
        elif param.kind == "vector":
            ctrl = widgets.Text(value=_vector_text(value), continuous_update=False,
                                placeholder=w.t("list.hint"), **common)
        else:
            ctrl = widgets.Text(value=str(value), continuous_update=False, **common)
        css = "roi-" + ("key" if key else "ctl") + "-" + path.replace(".", "-").replace("_", "-")
        ctrl.add_class(css)
        label = widgets.HTML(layout=widgets.Layout(width="100%"))
        label.add_class("roi-label")
        self._labels.append((label, param, key))
        self._set_label(label, param, key)
        (self._key_controls if key else self._controls)[path] = ctrl
        box = widgets.VBox([label, ctrl], layout=widgets.Layout(width="100%"))
        box.add_class("roi-control")
        self._boxes.setdefault(path, []).append(box)
        if self.on_control is not None:
            self.on_control(path, ctrl, key)
        return box

    def _slider_ends(self, path: str, param: Parameter) -> tuple[float, float]:
        lo, hi = self._ranges[path]
        lo, hi = max(lo, param.minimum), min(hi, param.maximum)
        v = float(self._values[path])
        return min(lo, v), max(hi, v)

    def _set_label(self, label: widgets.HTML, param: Parameter, key: bool) -> None:
        w = self.words
        source = source_for_people(self._sources.get(param.path, param.source), w)
        tip = html.escape(f"{param.description} {w.t('source')}: {source}", quote=True)
        text = w.param(param.path)
        note = ""
        if param.path in EVERY_PARTY and key:
            text = w.t("sl.every_party")
            note = w.t("sl.every_party_note")
        elif param.path == "service.voice_target_sl":
            note = w.t("sl.only_inhouse")
        elif param.path == "outsourced.voice_target_sl":
            note = w.t("sl.only_vendor")
        note_html = f'<br><span class="roi-note">{html.escape(note)}</span>' if note else ""
        value_html = ""
        if param.path in self._label_values:
            shown = fm.param_value(w.report, float(self._values[param.path]), param.unit,
                                   self._label_values[param.path])
            value_html = f': <b class="roi-value">{html.escape(shown)}</b>'
        unit_html = "" if value_html else _unit_html(w, param)  # the value carries its unit
        label.value = (f'<span title="{tip}">{html.escape(text)}{unit_html}'
                       f'{value_html} <span class="roi-info">?</span></span>{note_html}')

    # ------------------------------------------------------------------ access for the wiring
    def control(self, path: str) -> widgets.Widget:
        """The input widget of a dotted path in its section (the section is built if needed)."""
        if path not in self._controls:
            for i, paths in enumerate(self._section_paths[1:], start=1):
                if path in paths:
                    self.build_section(i)
        return self._controls[path]

    def key_control(self, path: str) -> widgets.Widget:
        """The Key-drivers copy of an input."""
        self.build_section(0)
        return self._key_controls[path]

    def built_controls(self, path: str) -> list[widgets.Widget]:
        """Every control of ``path`` created so far (its section's and its key copy)."""
        return [c for c in (self._controls.get(path), self._key_controls.get(path))
                if c is not None]

    @property
    def paths(self) -> list[str]:
        """Every input path that has a control (building every section)."""
        for i in range(len(self._section_paths)):
            self.build_section(i)
        return list(self._controls)

    @property
    def key_paths(self) -> list[str]:
        self.build_section(0)
        return list(self._key_controls)

    def button(self, name: str) -> widgets.Button:
        return self._buttons[name]

    @property
    def folder(self) -> str:
        return self._folder.value.strip()

    @property
    def keep_name(self) -> str:
        return self._keep_name.value.strip()

    @property
    def source(self) -> tuple[str, str] | None:
        return self._source.value

    @property
    def chart_tabs(self) -> widgets.Tab:
        return self._chart_tabs

    @property
    def visible_chart_tab(self) -> str:
        return CHART_TABS[self._chart_tabs.selected_index or 0]

    # ------------------------------------------------------------------ showing values
    def set_values(self, values: Mapping[str, Any], ranges: Mapping[str, tuple[float, float]],
                   sources: Mapping[str, str]) -> None:
        """Put values (an opened or reset scenario) into the built controls."""
        self._values, self._ranges, self._sources = dict(values), dict(ranges), dict(sources)
        for label, param, key in self._labels:
            self._set_label(label, param, key)
        for path in [*self._controls, *self._key_controls]:
            self.put_value(path, values[path], ranges)
        self.apply_visibility(values)

    def put_value(self, path: str, value: Any,
                  ranges: Mapping[str, tuple[float, float]] | None = None) -> None:
        """Show ``value`` in every built control of ``path`` (slider ends widen to hold it)."""
        self._values[path] = value
        param = self._registry.get(path)
        if path in self._label_values:
            for label, prm, key in self._labels:
                if prm.path == path:
                    self._set_label(label, prm, key)
        for ctrl in self.built_controls(path):
            if isinstance(ctrl, (widgets.FloatSlider, widgets.IntSlider)) and param is not None:
                if ranges is not None and path in ranges:
                    self._ranges[path] = ranges[path]
                lo, hi = self._slider_ends(path, param) if path in self._ranges else \
                    (ctrl.min, ctrl.max)
                if isinstance(ctrl, widgets.IntSlider):
                    lo, hi, value = math.floor(lo), math.ceil(hi), int(value)
                ctrl.min = min(lo, ctrl.min)
                ctrl.max = max(hi, ctrl.max)
                ctrl.value = value
                ctrl.min, ctrl.max = lo, hi
            elif isinstance(ctrl, ProfileEditor):
                if not isinstance(value, str):
                    ctrl.value = tuple(float(v) for v in value)
            elif param is not None and param.kind == "vector":
                ctrl.value = _vector_text(value)
            else:
                ctrl.value = value

    def apply_visibility(self, values: Mapping[str, Any]) -> None:
        """Show only the rate of the pricing model billed (a shared pool bills usage), the input
        of the chosen hybrid mode, outbound pricing and dialler mode."""
        shown: dict[str, bool] = {path: str(values.get(choice)) in allowed
                                  for path, (choice, allowed) in CONDITIONAL.items()}
        try:
            billed = effective_model(str(values.get("outsourced.pricing_model")),
                                     str(values.get("outsourced.delivery_model")))
        except ValueError:
            billed = str(values.get("outsourced.pricing_model"))
        for m in PRICING_MODELS.values():
            shown[m.rate] = m.name == billed
        shown[_LOGGED_IN[0]] = billed == _LOGGED_IN[1]
        for path, show in shown.items():
            for box in self._boxes.get(path, []):
                box.layout.display = "" if show else "none"

    def shown(self, path: str) -> bool:
        """Whether the inputs of ``path`` are displayed (for tests)."""
        boxes = self._boxes.get(path, [])
        return bool(boxes) and all(b.layout.display != "none" for b in boxes)

    # ------------------------------------------------------------------ strip and cards
    def show_strip(self, *, name: str, months: int, best_alternative: str, npv: float,
                   recommended: str, kpis: Mapping[str, Mapping[str, float]],
                   differences: Sequence[Mapping[str, Any]],
                   p_better: tuple[float, bool] | None, baseline: str = "inhouse") -> None:
        """The answer in one line (led by the incremental NPV), P(better) when known, the key
        figures per option and the service differences between the options."""
        w, lang = self.words, self.words.report
        npv_text = fm.signed_money(lang, npv)
        opt = w.option(best_alternative)
        cls = "roi-npv" + (" neg" if npv < 0 else "")
        npv_html = f'<span class="{cls}">{html.escape(npv_text)}</span>'
        if recommended not in ("inhouse", "status_quo"):
            base = w.t(f"strip.base.{baseline}") if f"strip.base.{baseline}" in _WORDS \
                else w.option(baseline, lower=True)
            head = html.escape(w.t("strip.switch", option=opt, npv="\x00", months=months,
                                   base=base))
            stay = ""
        else:
            head = html.escape(w.t("strip.stay", option=w.option(best_alternative, lower=True),
                                   npv="\x00", months=months))
            stay = " roi-stay"
        head = head.replace("\x00", npv_html)
        chips = []
        for o in kpis:
            k = kpis[o]
            bits = [fm.money(lang, k["total_cost"], short=True),
                    fm.money(lang, k["cost_per_contact"], 2) + "/" + w.unit("contact"),
                    f"{w.t('strip.sl')} {fm.pct(lang, k['voice_service_level'])}"]
            if o != baseline and math.isfinite(k["incremental_npv"]):
                bits.append(f"{w.t('strip.payback')} "
                            + (fm.months(lang, k["payback_months"])
                               if math.isfinite(k["payback_months"]) else w.t("kpi.never")))
            star = " ★" if o == recommended else ""
            chips.append(f'<span class="roi-chip" data-option="{o}"><span class="sw" '
                         f'style="background:{OPTION_COLORS.get(o, "#8c8c8c")}"></span><b>'
                         f'{html.escape(w.option(o))}{star}</b> '
                         f'{html.escape(" · ".join(bits))}</span>')
        badge = ""
        if p_better is not None:
            p, stale = p_better
            text = w.t("strip.p_better", option=w.option("outsourced", lower=True),
                       p=fm.pct(lang, p))
            if stale:
                text += f" ({w.t('strip.p_stale')})"
            badge = (f'<span class="roi-pbetter{" roi-stale" if stale else ""}" '
                     f'data-p-better="{p!r}">{html.escape(text)}</span>')
        if differences:
            items = []
            worth_said: set[str] = set()
            for d in differences:
                metric = w.t(SERVICE_WORDS[d["metric"]]).lower() if w.lang == "en" else \
                    w.t(SERVICE_WORDS[d["metric"]])
                item = w.t("strip.diff_item", option=w.option(d["option"]), metric=metric,
                           value=fm.pct(lang, d["value"]), base=fm.pct(lang, d["inhouse"]))
                worth = d.get("worth", math.nan)
                if math.isfinite(worth) and d["option"] not in worth_said:
                    worth_said.add(d["option"])
                    item += f" ({w.t('strip.worth', worth=fm.signed_money(lang, worth))})"
                items.append(item)
            flags = (f'<div class="roi-flags roi-diff" data-service-differences='
                     f'"{len(differences)}">&#9888; {html.escape(w.t("strip.service_diff"))} '
                     f'{html.escape("; ".join(items))}.</div>')
        else:
            flags = (f'<div class="roi-flags roi-same" data-service-differences="0">&#10003; '
                     f'{html.escape(w.t("strip.like_for_like"))}</div>')
        sub = w.t("subtitle", name=name, currency=lang.currency, months=months)
        self._strip.value = (
            f'<div class="roi-sub">{html.escape(w.t("title"))} · {html.escape(sub)}</div>'
            f'<div class="roi-head{stay}" data-strip="headline" data-value="{npv!r}" '
            f'data-option="{best_alternative}" data-recommended="{recommended}">{head}{badge}'
            f'</div><div class="roi-chips">{"".join(chips)}</div>{flags}')

    def show_kpis(self, kpis: Mapping[str, Mapping[str, float]],
                  rows: Sequence[tuple[str, str]], best: str, baseline: str = "inhouse") -> None:
        """Fill the KPI cards: one card per option, one row per KPI (``rows``: key, kind)."""
        w, lang = self.words, self.words.report
        for name, card in self._cards.items():
            values = kpis[name]
            trs = []
            for key, kind in rows:
                v = values[key]
                if name == baseline and key in ("incremental_npv", "payback_months"):
                    text = w.t("kpi.reference")
                elif key == "payback_months" and not math.isfinite(v):
                    text = w.t("kpi.never")
                elif key == "incremental_npv":
                    text = fm.signed_money(lang, v)
                else:
                    text = fm.fmt(lang, v, kind)
                label = w.t(f"kpi.{key}.{baseline}") if f"kpi.{key}.{baseline}" in _WORDS \
                    else w.t(f"kpi.{key}")
                trs.append(f'<tr><td title="{html.escape(label)}">{html.escape(label)}</td>'
                           f'<td class="roi-kpi-value" data-kpi="{key}" data-value="{v!r}">'
                           f"{html.escape(text)}</td></tr>")
            badge = f" ★ {w.t('kpi.recommended')}" if name == best else ""
            card.value = (f"<h4>{html.escape(w.option(name))}<span class='roi-muted'>"
                          f"{html.escape(badge)}</span></h4><table>{''.join(trs)}</table>")
            if name == best:
                card.add_class("roi-best")
            else:
                card.remove_class("roi-best")

    # ------------------------------------------------------------------ charts
    def show_svg(self, name: str, text: str) -> None:
        self._charts[name].value = text

    def chart_svg(self, name: str) -> str:
        return self._charts[name].value

    def cost_stack_svg(self, data: Any) -> str:
        """SVG of the cost stack (rows = options, columns = the report's cost families)."""
        w, lang = self.words, self.words.report
        series = [(lang.t("family." + g), FAMILY_COLOURS.get(g, FAMILY_COLOURS["other"]),
                   [float(data.loc[o, g]) for o in data.index])
                  for g in data.columns]
        return svg.bars_stacked([w.option(o) for o in data.index], series,
                                lambda v: fm.money(lang, v, short=True),
                                title=f"{w.t('chart.cost_stack')} ({lang.symbol})",
                                totals=lambda v: fm.money(lang, v, short=True), width=440,
                                height=320)

    def cash_svg(self, data: Any, payback: Mapping[str, float],
                 kept: Sequence[tuple[str, Any]] = ()) -> str:
        """SVG of the cumulative incremental cash of switching, with payback markers and each
        kept scenario's outsourced line (dashed, labelled with the scenario's name)."""
        w, lang = self.words, self.words.report
        series = [(w.t("chart.vs_inhouse", option=w.option(o)), OPTION_COLORS[o],
                   data[o].to_numpy(dtype=float), "") for o in ("outsourced", "hybrid")]
        for i, (name, table) in enumerate(kept):
            series.append((f"{name}: {w.option('outsourced')}", KEPT_COLORS[i % 4],
                           table["outsourced"].to_numpy(dtype=float), "5 3"))
        markers = [(payback[o], 0.0, OPTION_COLORS[o],
                    w.t("chart.payback", m=fm.months(lang, payback[o])))
                   for o in ("outsourced", "hybrid") if math.isfinite(payback.get(o, math.nan))]
        return svg.lines(data.index.to_numpy(dtype=float), series,
                         lambda v: fm.money(lang, v, short=True),
                         title=f"{w.t('chart.cash')} ({lang.symbol})", xlabel=w.t("chart.month"),
                         markers=markers, width=440, height=320)

    def staffing_svg(self, week: Any) -> str:
        w, lang = self.words, self.words.report
        # the channels staffed per interval (the engine's channel table), each with agents
        layers = [(lang.t("staffing.agents_of", channel=lang.t("channel." + ch)),
                   CHANNEL_COLOURS[ch], week[f"{ch}_agents"].to_numpy(dtype=float))
                  for ch in LIVE if week[f"{ch}_agents"].any()]
        return svg.step_area(layers, w.t("chart.days").split(), lambda v: fm.number(lang, v),
                             title=w.t("chart.staffing"), ylabel=w.t("chart.agents"))

    def revenue_svg(self, data: Any) -> str:
        w, lang = self.words, self.words.report
        series = [(w.option(o), OPTION_COLORS[o], data[o].to_numpy(dtype=float))
                  for o in data.columns]
        return svg.grouped_bars([w.t("chart.year", n=y) for y in data.index], series,
                                lambda v: fm.money(lang, v, short=True),
                                title=f"{w.t('chart.revenue')} ({lang.symbol})", width=760)

    def show_export(self, chart: str, files: Sequence[Path]) -> None:
        links = []
        for p in files:
            try:
                data = Path(p).read_bytes()
            except OSError:
                continue
            mime = {".png": "image/png", ".svg": "image/svg+xml", ".csv": "text/csv"}.get(
                Path(p).suffix, "application/octet-stream")
            links.append(f'<a href="{_data_uri(data, mime)}" download="{html.escape(p.name)}" '
                         f'title="{html.escape(str(p))}">{html.escape(p.name)}</a>')
        where = html.escape(str(Path(files[0]).parent)) if files else ""
        self._export_msg[chart].value = (f"<span class='roi-muted'>"
                                         f"{html.escape(self.words.t('msg.exported'))} "
                                         f"{' '.join(links)} · {where}</span>")

    # ------------------------------------------------------------------ scenarios side by side
    def show_compare(self, table: Any, rows: Sequence[tuple[str, str]]) -> None:
        """The kept scenarios and the one on screen in columns (a DataFrame from the model)."""
        w, lang = self.words, self.words.report
        names = [str(c) or w.t("cmp.current") for c in table.columns]
        head = "".join(f"<th data-scenario='{html.escape(n)}'>{html.escape(n)}</th>"
                       for n in names)
        body = [f"<tr><td>{html.escape(w.t('cmp.recommended'))}</td>"
                + "".join(f"<td>{html.escape(w.option(str(v)))}</td>"
                          for v in table.loc[("", "recommended")]) + "</tr>"]
        for option in OPTIONS:
            body.append(f"<tr class='grp'><td colspan='{len(names) + 1}'>"
                        f"{html.escape(w.option(option))}</td></tr>")
            for key, kind in rows:
                if option == "inhouse" and key in ("incremental_npv", "payback_months"):
                    continue
                label = w.t(f"kpi.{key}") if key != "npv" else w.t("metric.npv")
                cells = []
                for v in table.loc[(option, key)]:
                    v = float(v)
                    if key == "incremental_npv":
                        text = fm.signed_money(lang, v)
                    elif key == "payback_months" and not math.isfinite(v):
                        text = w.t("kpi.never")
                    else:
                        text = fm.fmt(lang, v, "short" if kind == "money" else kind)
                    cells.append(f"<td data-value='{v!r}'>{html.escape(text)}</td>")
                body.append(f"<tr data-row='{option}.{key}'><td>{html.escape(label)}</td>"
                            + "".join(cells) + "</tr>")
        hint = (f"<p class='roi-muted'>{html.escape(w.t('cmp.hint'))}</p>"
                if len(names) == 1 else "")
        self._compare_html.value = (f"{hint}<table class='roi-compare'><tr><th>"
                                    f"{html.escape(w.t('cmp.metric'))}</th>{head}</tr>"
                                    + "".join(body) + "</table>")

    # ------------------------------------------------------------------ risk tab
    def build_risk(self, break_even_paths: Sequence[str], default: str) -> None:
        """Tornado, break-even and Monte Carlo panels, each run by a button (long work);
        nothing is shown for a result before its run."""
        w = self.words
        self._risk_msg = {k: widgets.HTML() for k in ("tornado", "break_even", "monte_carlo")}
        self._risk_stale = {k: widgets.HTML() for k in self._risk_msg}
        for k in self._risk_msg:
            self._risk_msg[k].add_class(f"roi-risk-{k.replace('_', '-')}")
            self._risk_stale[k].add_class(f"roi-risk-stale-{k.replace('_', '-')}")
        for name, text in (("tornado", "risk.tornado_btn"), ("break_even", "risk.breakeven_btn"),
                           ("monte_carlo", "risk.mc_btn")):
            b = widgets.Button(description=w.t(text), layout=widgets.Layout(width="auto"))
            b.add_class(f"roi-btn-{name.replace('_', '-')}")
            self._buttons[name] = b
        options = sorted(((w.param(p), p) for p in break_even_paths), key=lambda t: t[0])
        self._break_even_input = widgets.Dropdown(
            options=options, value=default if default in break_even_paths else None,
            layout=widgets.Layout(width="420px"))
        self._break_even_input.add_class("roi-break-even-input")
        self._trials = widgets.IntSlider(value=5000, min=1000, max=50_000, step=1000,
                                         continuous_update=False, description=w.t("risk.trials"),
                                         layout=widgets.Layout(width="420px"))
        self._progress = widgets.IntProgress(value=0, min=0, max=1,
                                             layout=widgets.Layout(width="420px",
                                                                   display="none"))
        self._progress.add_class("roi-progress")
        for name in ("tornado", "histogram"):
            chart = widgets.HTML(layout=widgets.Layout(width="100%"))
            chart.add_class(f"roi-chart-{name}")
            self._charts[name] = chart

        def panel(title: str, *children: widgets.Widget) -> widgets.VBox:
            return widgets.VBox([widgets.HTML(f"<b>{html.escape(title)}</b>"), *children],
                                layout=widgets.Layout(border="1px solid #eee", padding="6px",
                                                      margin="0 0 8px 0", width="100%"))

        self._risk.children = [
            panel(w.t("risk.mc"), widgets.HBox([self._trials, self._buttons["monte_carlo"]]),
                  self._progress, self._risk_stale["monte_carlo"], self._risk_msg["monte_carlo"],
                  self._charts["histogram"]),
            panel(w.t("risk.breakeven"),
                  widgets.HBox([self._break_even_input, self._buttons["break_even"]]),
                  self._risk_stale["break_even"], self._risk_msg["break_even"]),
            panel(w.t("risk.tornado"), self._buttons["tornado"],
                  widgets.HTML(f"<span class='roi-muted'>{html.escape(w.t('risk.tornado_note'))}"
                               "</span>"),
                  self._risk_stale["tornado"], self._risk_msg["tornado"],
                  self._charts["tornado"]),
        ]

    @property
    def risk_built(self) -> bool:
        return hasattr(self, "_risk_msg")

    @property
    def break_even_path(self) -> str:
        return str(self._break_even_input.value)

    @property
    def monte_carlo_trials(self) -> int:
        return int(self._trials.value)

    def busy(self, name: str, text_key: str = "btn.running") -> Callable[[], None]:
        """Disable a button and show it working; returns the function that restores it."""
        b = self._buttons[name]
        before = b.description
        b.disabled = True
        b.description = self.words.t(text_key)
        b.icon = "spinner"

        def done() -> None:
            b.disabled = False
            b.description = before
            b.icon = {"write": "file-text"}.get(name, "")
        return done

    def show_risk_message(self, panel: str, text: str, value: float | None = None) -> None:
        data = f' data-value="{value!r}"' if value is not None else ""
        self._risk_msg[panel].value = f"<div{data}>{html.escape(text)}</div>"

    def mark_risk_stale(self, stale: Mapping[str, bool]) -> None:
        """Mark the results whose inputs changed since their run (and clear the marks)."""
        if not self.risk_built:
            return
        for k, box in self._risk_stale.items():
            box.value = (f"<div class='roi-stale-note'>&#8635; {html.escape(self.words.t('risk.stale'))}"
                         "</div>" if stale.get(k) else "")

    def show_progress(self, done: int, total: int) -> None:
        self._progress.layout.display = ""
        self._progress.max = max(int(total), 1)
        self._progress.value = int(done)

    def show_tornado(self, table: Any) -> None:
        """The tornado (a risk.tornado table) with input labels and their ranges."""
        w, lang = self.words, self.words.report
        d = table.head(12)
        labels = []
        for path, r in d.iterrows():
            prm = self._registry.get(str(path))
            if prm is None:
                labels.append(str(path))
                continue
            lo = fm.param_value(lang, float(r["low"]), prm.unit) if "low" in r else ""
            hi = fm.param_value(lang, float(r["high"]), prm.unit) if "high" in r else ""
            labels.append(f"{w.param(str(path))} ({lo} – {hi})")
        base = d["base"].to_numpy(dtype=float)
        self._charts["tornado"].value = svg.hbars(
            labels, d["metric_low"].to_numpy(dtype=float) - base,
            d["metric_high"].to_numpy(dtype=float) - base,
            lambda v: fm.signed_money(lang, v), legend=(w.t("risk.low"), w.t("risk.high")),
            title=f"{w.t('risk.tornado')} ({lang.symbol})")

    def show_monte_carlo(self, incremental: Any, seconds: float) -> None:
        """The headline P(outsourcing better), P10/P50/P90 and the histogram of the incremental
        NPV of outsourcing (``incremental``: the risk result's per-trial table)."""
        import numpy as np

        w, lang = self.words, self.words.report
        x = incremental["outsourced"].to_numpy(dtype=float)
        p = float((x > 0).mean())
        ph = float((incremental["hybrid"].to_numpy(dtype=float) > 0).mean())
        q10, q50, q90 = (float(v) for v in np.percentile(x, [10, 50, 90]))
        money = lambda v: fm.money(lang, v, short=True)  # noqa: E731
        self._risk_msg["monte_carlo"].value = (
            f"<div class='roi-risk-head' data-p-better='{p!r}'>"
            f"{html.escape(w.t('risk.mc_head', p=fm.pct(lang, p)))}</div>"
            f"<div data-p10='{q10!r}' data-p50='{q50!r}' data-p90='{q90!r}'>"
            + html.escape(w.t("risk.mc_quantiles", p10=money(q10), p50=money(q50),
                              p90=money(q90), trials=fm.number(lang, len(x)),
                              seconds=fm.number(lang, seconds, 1)))
            + f" · {html.escape(w.t('risk.mc_hybrid', p=fm.pct(lang, ph)))}</div>")
        self._charts["histogram"].value = svg.histogram(
            x, money, xlabel=f"{w.t('risk.mc_axis')} ({lang.symbol})",
            ylabel=w.t("risk.mc_trials_axis"),
            marks=[(q10, f"P10 {money(q10)}"), (q50, f"P50 {money(q50)}"),
                   (q90, f"P90 {money(q90)}")])

    # ------------------------------------------------------------------ messages
    def show_warning(self, problems: Sequence[tuple[str, str]]) -> None:
        """Problems (path, message) as one box, each input named by its label."""
        w = self.words
        if not problems:
            self._warning.value = ""
            self._warning.layout.display = "none"
            return
        lines = []
        for path, msg in problems:
            label = w.param(path) if path in self._registry else ""
            if msg.startswith("unreadable:"):
                lines.append(w.t("warn.unreadable", label=label, token=msg.split(":", 1)[1],
                                 hint=w.t("list.hint")))
                continue
            for p in self._registry:  # dotted paths inside a message become labels
                if p in msg:
                    msg = msg.replace(p, f"“{w.param(p)}”")
            lines.append(f"{label}: {msg}" if label else msg)
        text = "\n".join([w.t("warn.head"), *(f"- {line}" for line in lines)])
        self._warning.value = f'<div class="roi-box">&#9888; {html.escape(text)}</div>'
        self._warning.layout.display = ""

    def show_error(self, text: str) -> None:
        self._error.value = (f'<div class="roi-box">{html.escape(self.words.t("error.head"))}\n'
                             f"{html.escape(text)}</div>" if text else "")
        self._error.layout.display = "" if text else "none"

    def show_message(self, text: str, files: Sequence[Path] = ()) -> None:
        """A short message under the scenario buttons; ``files`` become download links."""
        links = []
        for p in files:
            try:
                data = Path(p).read_bytes()
            except OSError:
                data = b""
            href = _data_uri(data, "application/octet-stream") if 0 < len(data) <= 5_000_000 \
                else ""
            name = html.escape(Path(p).name)
            full = html.escape(str(Path(p).resolve()))
            link = (f'<a href="{href}" download="{name}" title="{full}">{name}</a>' if href
                    else name)
            links.append(f"<li>{link}</li>")
        files_html = f"<ul style='margin:2px 0'>{''.join(links)}</ul>" if links else ""
        self._message.value = f"<div>{html.escape(text)}</div>{files_html}"

    def show_sources(self, options: Sequence[tuple[str, tuple[str, str]]],
                     current: tuple[str, str] | None = None) -> None:
        self._source.options = list(options)
        values = [v for _, v in options]
        if current in values:
            self._source.value = current
        elif values:
            self._source.value = values[0]

    def show_status(self, text: str) -> None:
        self._status.value = f'<div class="roi-muted">{html.escape(text)}</div>'
