"""The dashboard's Bids tab without a browser: the rankings are compare()'s, the sliders rescore
them (the same scores as compare(weights=...)), a bad file warns by bid and field and keeps the
bids shown, and the tab follows the dashboard's scenario."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

pytest.importorskip("ipywidgets")

from roi_models import Scenario, evaluate
from roi_models.bids import EXAMPLE_BIDS, bids_to_rows, compare, load_bids
from roi_models.widgets import Dashboard
from roi_models.widgets.bids import WEIGHTS, BidsTab

ON, NEAR, OFF = "Onshore dedicated (US)", "Nearshore shared (Mexico)", \
    "Offshore dedicated (Philippines)"


def _values(html: str, table: str) -> list[float]:
    part = html.split(f"roi-bids-{table}", 1)[1].split("</table>", 1)[0]
    return [float(v) for v in re.findall(r'data-value="([^"]+)"', part)]


@pytest.fixture
def tab() -> BidsTab:
    t = BidsTab("en")
    t.set_scenario(Scenario.default())
    return t


def test_rankings_are_the_comparisons(tab: BidsTab) -> None:
    cmp = compare(Scenario.default(), EXAMPLE_BIDS)
    rk = cmp.ranking
    assert tab.ranking_by_npv() == [OFF, ON, NEAR, "inhouse"] == list(rk.index)
    assert _values(tab.ranking.value, "npv") == list(rk["npv"])
    assert _values(tab.ranking.value, "score") == sorted(rk["score"].dropna(), reverse=True)
    assert "In-house" in tab.ranking.value and "(as today)" not in tab.ranking.value
    assert "ranks first on both NPV and the weighted score" in tab.why.value
    assert tab.warning.layout.display == "none"
    assert repr(tab).startswith("BidsTab(")  # Voila reprs it: no clash with Widget's methods


def test_sliders_rescore_without_evaluating_again(tab: BidsTab) -> None:
    loaded = tab.comparison.results  # type: ignore[union-attr]
    want = {"price": 10.0, "security": 50.0, "culture": 40.0}
    for k in WEIGHTS:
        tab.sliders[k].value = want.get(k, 0.0)
    # the hand-set weights of tests/test_bids.py: the rankings part, onshore wins the score
    assert tab.ranking_by_score()[0] == ON and tab.ranking_by_npv()[0] == OFF
    ref = compare(Scenario.default(), EXAMPLE_BIDS, weights=want).ranking
    assert _values(tab.ranking.value, "score") == pytest.approx(
        sorted(ref["score"].dropna(), reverse=True), rel=1e-12)
    assert "price carries 10% of the weight" in tab.why.value
    assert tab.comparison.results is loaded  # type: ignore[union-attr]
    for k in WEIGHTS:  # all at zero: a warning, the last scores kept
        tab.sliders[k].value = 0.0
    assert "At least one weight" in tab.warning.value
    assert tab.ranking_by_score()[0] == ON


def test_bad_file_warns_by_bid_and_field_and_keeps_the_bids(tab: BidsTab,
                                                              tmp_path: Path) -> None:
    before = tab.ranking.value
    rows = bids_to_rows(load_bids(EXAMPLE_BIDS))
    rows[1][rows[0].index("rate")] = "cheap"
    rows[3][rows[0].index("quality")] = 9
    path = tmp_path / "bad.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    assert tab.load(path) is False
    assert tab.warning.layout.display is None
    msg = tab.warning.value
    assert "bid 1 &#x27;Onshore dedicated (US)&#x27; (line 2): rate: must be a number" in msg
    assert "(line 4): quality: must be a score from 1 to 5" in msg
    assert tab.ranking.value == before


def test_upload_with_weights_sets_the_sliders(tab: BidsTab) -> None:
    text = EXAMPLE_BIDS.read_text(encoding="utf-8")
    text = re.sub(r"(?ms)^weights:.*?(?=^\S)", "", text)
    text = "weights: {price: 1, quality: 1}\n" + text
    assert tab.load_bytes("mine.yaml", text.encode()) is True
    assert tab.sliders["price"].value == 50.0 and tab.sliders["quality"].value == 50.0
    assert tab.sliders["security"].value == 0.0
    assert "3 bids from mine.yaml" in tab.source.value


def test_the_tab_follows_the_dashboard(tmp_path: Path) -> None:
    d = Dashboard(folder=tmp_path)
    d.view.chart_tabs.selected_index = 5
    assert d.view.visible_chart_tab == "bids"
    assert d.view.chart_tabs.titles[5] == "Bids"
    tab = d.view.bids
    assert tab.ranking_by_npv()[0] == OFF
    d.view.control("inhouse.agent_hourly_wage").value = 24.0
    s = Scenario.default().with_changes({"inhouse.agent_hourly_wage": 24.0})
    assert d.model.scenario["inhouse.agent_hourly_wage"] == 24.0
    inhouse = evaluate(s).metrics("inhouse")["npv"]
    got = dict(zip(tab.ranking_by_npv(), _values(tab.ranking.value, "npv"), strict=True))
    assert got["inhouse"] == pytest.approx(inhouse, rel=1e-12)
    assert Dashboard(lang="ru", folder=tmp_path).view.chart_tabs.titles[5] == "Предложения"
