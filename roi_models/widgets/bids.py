"""The dashboard's Bids tab: load vendor bids, weigh the scorecard, see the rankings move.

A face over :mod:`roi_models.bids` (no formulas here): :class:`BidsTab` loads a bids file (an upload
or a path; the shipped example for the scenario's currency to start), compares the bids with
in-house on the dashboard's scenario (:func:`roi_models.bids.compare`, evaluated once per scenario
and file), and shows the ranking by NPV beside the ranking by weighted score with the sentence on
why they differ (:func:`roi_models.report.bids.why_text`). The weight sliders only rescore
(:meth:`~roi_models.bids.BidComparison.with_weights`): nothing is evaluated again. A bad file shows
every problem, by bid and field, in a warning box and keeps the bids shown before.

Examples
--------
>>> from roi_models import Scenario
>>> tab = BidsTab("en")
>>> tab.set_scenario(Scenario.default())
>>> tab.ranking_by_score()[0]
'Offshore dedicated (Philippines)'
"""

from __future__ import annotations

import html
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from roi_models import bids as bd
from roi_models.errors import InputError
from roi_models.report.bids import tr, why_text
from roi_models.report.i18n import Lang
from roi_models.scenario import Scenario

__all__ = ["WEIGHTS", "BidsTab"]

#: The scorecard criteria with a slider, in order.
WEIGHTS: tuple[str, ...] = ("price", "service", *bd.CRITERIA)

# this tab's own words (criteria, columns and the reason sentence come from the bids report)
_WORDS: dict[str, tuple[str, str]] = {
    "tab": ("Bids", "Предложения"),
    "intro": ("Vendor proposals compared with in-house on this scenario. Load a bids file (YAML, "
              "CSV or XLSX: roi-models bids init writes a template); move the weights to "
              "rescore.",
              "Предложения подрядчиков рядом со своим центром на этом сценарии. Загрузите файл "
              "предложений (YAML, CSV или XLSX: шаблон создаёт roi-models bids init); веса "
              "меняют оценку."),
    "upload": ("Upload bids file", "Загрузить файл"),
    "path": ("or a path on the server", "или путь на сервере"),
    "load": ("Load", "Открыть"),
    "example": ("Example bids", "Пример"),
    "weights": ("Scorecard weights (normalised to 100%)", "Веса оценки (нормируются к 100%)"),
    "by_npv": ("By NPV", "По NPV"),
    "by_score": ("By weighted score", "По взвешенной оценке"),
    "loaded": ("{n} bids from {source}", "Предложений: {n}, источник: {source}"),
    "example_source": ("the shipped example", "встроенный пример"),
    "bad_file": ("The bids file was not loaded (the bids shown are the previous ones):",
                 "Файл предложений не загружен (показаны прежние предложения):"),
    "no_fit": ("The example bids do not fit this scenario; load a bids file.",
               "Пример не подходит к этому сценарию; загрузите файл предложений."),
    "zero": ("At least one weight must be above 0.", "Хотя бы один вес должен быть больше 0."),
}


class BidsTab(widgets.VBox):
    """The Bids tab.

    Parameters
    ----------
    lang : {"en", "ru"}

    Attributes
    ----------
    comparison : BidComparison or None
        The bids on the current scenario, scored with the sliders' weights.
    """

    def __init__(self, lang: str = "en") -> None:
        super().__init__(layout=widgets.Layout(width="100%"))
        self.add_class("roi-bids")
        self.lang = lang
        self.title = self.word("tab")
        self.upload = widgets.FileUpload(accept=".yaml,.yml,.csv,.xlsx", multiple=False,
                                         description=self.word("upload"),
                                         layout=widgets.Layout(width="auto"))
        self.path = widgets.Text(placeholder=self.word("path"),
                                 layout=widgets.Layout(width="320px"))
        self.load_button = widgets.Button(description=self.word("load"))
        self.example_button = widgets.Button(description=self.word("example"))
        self.warning = widgets.HTML(layout=widgets.Layout(display="none"))
        self.warning.add_class("roi-bids-warning")
        self.source = widgets.HTML()
        self.sliders = {k: widgets.FloatSlider(
            value=round(bd.DEFAULT_WEIGHTS[k] * 100.0, 6), min=0.0, max=100.0, step=5.0,
            description=tr(lang, f"c.{k}"), continuous_update=False, readout_format=".0f",
            style={"description_width": "220px"}, layout=widgets.Layout(width="460px"))
            for k in WEIGHTS}
        for k, s in self.sliders.items():
            s.add_class(f"roi-bids-w-{k}")
        self.ranking = widgets.HTML()
        self.ranking.add_class("roi-bids-ranking")
        self.why = widgets.HTML()
        self.comparison: bd.BidComparison | None = None
        self._scenario: Scenario | None = None
        self._bids: list[bd.Bid] | None = None  # None: the example for the scenario
        self._source = self.word("example_source")
        self._loaded: bd.BidComparison | None = None
        self.upload.observe(self._on_upload, names="value")
        self.load_button.on_click(self._on_load)
        self.example_button.on_click(self._on_example)
        for s in self.sliders.values():
            s.observe(self._on_weight, names="value")
        self.children = [
            widgets.HTML(f"<p>{html.escape(self.word('intro'))}</p>"),
            widgets.HBox([self.upload, self.path, self.load_button, self.example_button]),
            self.warning, self.source,
            # the weights in their own row (a grid of whole-width sliders), the rankings below:
            # beside the two ranking tables the slider labels were cut off
            widgets.HTML(f"<b>{html.escape(self.word('weights'))}</b>"),
            widgets.GridBox(list(self.sliders.values()), layout=widgets.Layout(
                grid_template_columns="repeat(auto-fill, minmax(470px, 1fr))", width="100%")),
            widgets.VBox([self.ranking, self.why], layout=widgets.Layout(width="100%"))]

    # ------------------------------------------------------------------ words
    def word(self, key: str, **kw: Any) -> str:
        """This tab's text of ``key`` in its language."""
        return _WORDS[key][1 if self.lang == "ru" else 0].format(**kw)

    # ------------------------------------------------------------------ state
    @property
    def weights(self) -> dict[str, float]:
        """The sliders' weights (not normalised)."""
        return {k: float(s.value) for k, s in self.sliders.items()}

    def set_scenario(self, scenario: Scenario) -> None:
        """Compare the bids on ``scenario`` (nothing is done when it is the one shown)."""
        if scenario is self._scenario:
            return
        self._scenario = scenario
        self._loaded = None
        self._evaluate_bids(self._bids, self._source, keep_on_error=False)

    def load(self, path: str | Path) -> bool:
        """Load a bids file; on a problem, show them all and keep the bids shown. True if loaded."""
        return self._load(Path(path), str(path))

    def load_bytes(self, name: str, content: bytes) -> bool:
        """Load an uploaded bids file (``name`` gives the type by its suffix)."""
        suffix = Path(name).suffix.lower()
        with tempfile.TemporaryDirectory() as tmp:
            p = Path(tmp) / f"bids{suffix}"
            p.write_bytes(content)
            return self._load(p, name)

    def ranking_by_npv(self) -> list[str]:
        """Options (baselines and bids) from the highest NPV down."""
        if self.comparison is None:
            return []
        return [str(o) for o in self.comparison.ranking.index]

    def ranking_by_score(self) -> list[str]:
        """Bids from the highest weighted score down."""
        if self.comparison is None:
            return []
        rk = self.comparison.ranking.dropna(subset=["score"])
        return [str(o) for o in rk.sort_values("rank_score", kind="stable").index]

    # ------------------------------------------------------------------ actions
    def _load(self, path: Path, source: str) -> bool:
        if self._scenario is None:
            self._scenario = Scenario.default()
        try:
            bids = bd.load_bids(path, self._scenario)
            weights = bd.load_weights(path)
        except InputError as exc:
            self._warn(exc)
            return False
        if weights:
            self._set_sliders(weights)
        self._evaluate_bids(bids, source, keep_on_error=True)
        return self.comparison is not None and self._bids is bids

    def _evaluate_bids(self, bids: list[bd.Bid] | None, source: str, *,
                       keep_on_error: bool) -> None:
        scenario = self._scenario or Scenario.default()
        try:
            if bids is None:
                cur = str(scenario["finance.currency"]).upper()
                example = bd.EXAMPLE_BIDS_RU if cur == "RUB" else bd.EXAMPLE_BIDS
                try:
                    loaded = bd.compare(scenario, example)
                except bd.BidsError:
                    self._warn(self.word("no_fit"))
                    self.comparison = self._loaded = None
                    self._render()
                    return
            else:
                loaded = bd.compare(scenario, bids)
        except InputError as exc:
            self._warn(exc)
            if not keep_on_error:
                self.comparison = self._loaded = None
                self._render()
            return
        self._bids, self._source, self._loaded = bids, source, loaded
        self._warn(None)
        self._rescore()

    def _rescore(self) -> None:
        if self._loaded is None:
            self.comparison = None
        else:
            try:
                self.comparison = self._loaded.with_weights(self.weights)
            except InputError:  # every weight at 0
                self._warn(self.word("zero"))
                return
            self._warn(None)
        self._render()

    def _set_sliders(self, weights: Mapping[str, float]) -> None:
        for k, s in self.sliders.items():
            s.unobserve(self._on_weight, names="value")
            s.value = round(float(weights.get(k, 0.0)) * 100.0, 6)
            s.observe(self._on_weight, names="value")

    # ------------------------------------------------------------------ display
    def _warn(self, problem: Exception | str | None) -> None:
        if problem is None:
            self.warning.value = ""
            self.warning.layout.display = "none"
            return
        if isinstance(problem, str):
            lines = [problem]
        else:
            lines = [self.word("bad_file"), *getattr(problem, "problems", [str(problem)])]
        items = "".join(f"<li>{html.escape(x)}</li>" for x in lines[1:])
        self.warning.value = (
            '<div style="border-left:4px solid #c0392b;background:#fdecea;padding:6px 10px">'
            f"<b>{html.escape(lines[0])}</b>" + (f"<ul>{items}</ul>" if items else "") + "</div>")
        self.warning.layout.display = None

    def _render(self) -> None:
        cmp = self.comparison
        if cmp is None:
            self.ranking.value = self.why.value = self.source.value = ""
            return
        lg = Lang(self.lang, cmp.currency)
        rk = cmp.ranking

        def label(o: str) -> str:
            return tr(self.lang, o) if o in cmp.baselines else o

        npv_rows = "".join(
            f"<tr><td>{int(r['rank_npv'])}</td><td>{html.escape(label(str(o)))}</td>"
            f'<td class="num" data-value="{float(r["npv"])!r}">'
            f"{html.escape(lg.money(r['npv'], short=True))}</td></tr>" for o, r in rk.iterrows())
        by_score = rk.dropna(subset=["score"]).sort_values("rank_score", kind="stable")
        score_rows = "".join(
            f"<tr><td>{int(r['rank_score'])}</td><td>{html.escape(str(o))}</td>"
            f'<td class="num" data-value="{float(r["score"])!r}">'
            f"{html.escape(lg.number(r['score'], 1))}</td></tr>" for o, r in by_score.iterrows())
        head = (f"<th>#</th><th>{html.escape(tr(self.lang, 'col.option'))}</th>")

        def block(title: str, col: str, rows: str, key: str) -> str:
            return (f'<div style="flex:1 1 0;min-width:0"><b>{html.escape(title)}</b>'
                    f'<table class="roi-bids-{key}" style="width:100%;border-collapse:collapse">'
                    f"<thead><tr>{head}<th>{html.escape(col)}</th></tr></thead>"
                    f"<tbody>{rows}</tbody></table></div>")

        self.ranking.value = (
            "<style>.roi-bids td,.roi-bids th{padding:3px 6px;border-bottom:1px solid #d9dee5;"
            "text-align:left}.roi-bids td.num{text-align:right}</style>"
            '<div style="display:flex;gap:18px">'
            + block(self.word("by_npv"), tr(self.lang, "col.npv"), npv_rows, "npv")
            + block(self.word("by_score"), tr(self.lang, "col.score"), score_rows, "score")
            + "</div>")
        why = why_text(self.lang, lg, rk.attrs["reason"])
        self.why.value = ('<p class="roi-bids-why" style="border-left:4px solid #dd8452;'
                          f'background:#fff8f3;padding:6px 10px">{html.escape(why)}</p>')
        loaded = self.word("loaded", n=len(cmp.bids), source=self._source)
        self.source.value = f"<small>{html.escape(loaded)}</small>"

    # ------------------------------------------------------------------ callbacks (never raise)
    def _guarded(self, fn: Any, *args: Any) -> None:
        try:
            fn(*args)
        except Exception as exc:  # a callback must not raise into the front end
            self._warn(f"{type(exc).__name__}: {exc}")

    def _on_upload(self, change: dict[str, Any]) -> None:
        files = change.get("new") or ()
        if files:
            f = files[0]
            self._guarded(self.load_bytes, str(f["name"]), bytes(f["content"]))

    def _on_load(self, _button: Any = None) -> None:
        if self.path.value.strip():
            self._guarded(self.load, self.path.value.strip())

    def _on_example(self, _button: Any = None) -> None:
        self._guarded(lambda: self._evaluate_bids(None, self.word("example_source"),
                                                  keep_on_error=True))

    def _on_weight(self, _change: Any = None) -> None:
        self._guarded(self._rescore)
