"""The dashboard without a browser: controls drive the model, and the strip, the KPI cards and the
chart data follow ``evaluate()`` exactly; invalid inputs warn (by label) and keep the user's
values; the risk tab's break-even widens until it brackets a tie; scenarios sit side by side;
Russian shows no English label; callbacks never raise."""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("ipywidgets")

from roi_models import Scenario, evaluate
from roi_models.business_case import OPTIONS
from roi_models.demand import WEEKS_PER_MONTH
from roi_models.parameters import registry
from roi_models.report.lang import table
from roi_models.widgets import Dashboard, charts
from roi_models.widgets.model import DashboardModel, default_folder
from roi_models.widgets.view import CONDITIONAL, KEY_DRIVERS, SECTION_TABS
from roi_models.widgets.words import TEXT, Words, placeholders

WAGE = "inhouse.agent_hourly_wage"
RATE = "outsourced.rate_per_productive_hour"


@pytest.fixture(scope="module")
def dash(tmp_path_factory: pytest.TempPathFactory) -> Dashboard:
    return Dashboard(folder=tmp_path_factory.mktemp("shared"))


@pytest.fixture
def fresh(tmp_path: Path) -> Dashboard:
    return Dashboard(folder=tmp_path)


def _card_value(d: Dashboard, option: str, key: str) -> float:
    html = d.view._cards[option].value
    marker = f'data-kpi="{key}" data-value="'
    start = html.index(marker) + len(marker)
    return float(html[start:html.index('"', start)])


def _strip_value(d: Dashboard) -> float:
    m = re.search(r'data-strip="headline" data-value="([^"]+)"', d.view._strip.value)
    assert m
    return float(m.group(1))


def text_of(value: str) -> str:
    """The text a reader sees (tags dropped, spaces normalised, no-break spaces as spaces)."""
    text = htmllib.unescape(re.sub(r"<[^>]+>", " ", value)).replace("\xa0", " ")
    text = " ".join(text.split())
    return re.sub(r" ([.,;:)])", r"\1", text)


class TestControls:
    def test_every_input_has_a_control_in_its_section(self, dash: Dashboard) -> None:
        reg = Scenario.parameters()
        assert set(reg["section"]) - {"scenario"} <= set(SECTION_TABS)  # a new section: a tab
        wanted = {p for p, row in reg.iterrows() if row["section"] in SECTION_TABS}
        assert wanted <= set(dash.view.paths)

    def test_sliders_span_the_registry_range_and_carry_the_source(self, dash: Dashboard) -> None:
        s = Scenario.default()
        ctrl = dash.view.control(WAGE)
        assert (ctrl.min, ctrl.max, ctrl.value) == (*s.range_of(WAGE), s[WAGE])
        assert not ctrl.continuous_update
        assert s.source_of(WAGE) in ctrl.tooltip
        assert ctrl.layout.width == "100%"

    def test_tooltips_cite_no_file_of_the_kit(self, dash: Dashboard) -> None:
        from roi_models.widgets.view import source_for_people

        w = Words("en", "USD")
        assert source_for_people("forecast error of +/-10-20% (docs/sources.md 4) [E]", w) == \
            "estimate: forecast error of +/-10-20%"
        assert source_for_people("docs/sources.md 2.1", w) == "the kit's documented design choice"
        tips = [dash.view.control(p).tooltip for p in registry()
                if not p.startswith("scenario.")]
        assert not [t for t in tips if t and ("docs/" in t or "[E" in t)]

    def test_labels_are_words_with_units_and_shares_are_percent(self, dash: Dashboard) -> None:
        labels = {p.path: text_of(lab.value) for lab, p, _ in dash.view._labels}
        assert labels[WAGE].startswith("Agent hourly wage ($/h)")
        assert labels["inhouse.shrinkage"].startswith(Words().param("inhouse.shrinkage") + " (%)")
        assert dash.view.control("inhouse.shrinkage").readout_format == ".1%"
        assert not any("_" in text.split("(")[0] for text in labels.values())  # no code names

    def test_choice_inputs_show_words(self, dash: Dashboard) -> None:
        ctrl = dash.view.control("outsourced.pricing_model")
        assert ("per productive hour", "per_productive_hour") in ctrl.options
        assert ctrl.value == "per_productive_hour"

    def test_key_drivers_and_section_controls_show_one_value(self, fresh: Dashboard) -> None:
        assert set(fresh.view.key_paths) == set(KEY_DRIVERS)
        fresh.view.key_control(WAGE).value = 19.0
        assert fresh.view.control(WAGE).value == 19.0
        assert fresh.model.scenario[WAGE] == 19.0
        fresh.view.control(WAGE).value = 21.0
        assert fresh.view.key_control(WAGE).value == 21.0

    def test_key_sl_target_moves_every_party(self, fresh: Dashboard) -> None:
        label = next(text_of(lab.value) for lab, p, key in fresh.view._labels
                     if key and p.path == "service.voice_target_sl")
        assert "every party" in label and "vendor" in label
        fresh.view.key_control("service.voice_target_sl").value = 0.9
        s = fresh.model.scenario
        assert s["service.voice_target_sl"] == s["outsourced.voice_target_sl"] == 0.9
        assert fresh.view.control("outsourced.voice_target_sl").value == 0.9
        # the section control moves its own party only, and says so
        fresh.view.control("service.voice_target_sl").value = 0.85
        assert fresh.model.scenario["outsourced.voice_target_sl"] == 0.9
        section = next(text_of(lab.value) for lab, p, key in fresh.view._labels
                       if not key and p.path == "service.voice_target_sl")
        assert "in-house only" in section

    def test_only_the_chosen_pricing_model_and_hybrid_mode_show(self, fresh: Dashboard) -> None:
        v = fresh.view
        assert v.paths  # builds every section
        assert v.shown(RATE) and not v.shown("outsourced.rate_per_fte_month")
        assert v.shown("hybrid.overflow_threshold") is (
            Scenario.default()["hybrid.mode"] == "overflow")
        v.control("outsourced.pricing_model").value = "per_fte_month"
        assert v.shown("outsourced.rate_per_fte_month") and not v.shown(RATE)
        v.control("hybrid.mode").value = "share"
        assert v.shown("hybrid.outsourced_share")
        assert not v.shown("hybrid.overflow_threshold")
        assert not v.shown("hybrid.outsourced_channels")
        for path, (choice, allowed) in CONDITIONAL.items():  # the table names real inputs
            assert path in registry() and set(allowed) <= set(registry()[choice].choices)

    def test_profile_editors_set_the_weights(self, fresh: Dashboard) -> None:
        ed = fresh.view.control("demand.seasonality")
        assert len(ed._cells) == 12 and "<svg" in ed._chart.value
        ed._cells[0].value = 1.3
        assert fresh.model.scenario["demand.seasonality"][0] == 1.3
        grid = fresh.view.control("demand.weekday_profile")
        assert len(grid._cells) == 48
        grid._cells[20].value = 9.0
        assert fresh.model.scenario["demand.weekday_profile"][20] == 9.0


class TestFollowsTheEngine:
    def test_initial_strip_and_cards_equal_evaluate(self, dash: Dashboard) -> None:
        case = evaluate(Scenario.default())
        s, inc = case.summary(), case.incremental
        for option in OPTIONS:
            assert _card_value(dash, option, "total_cost") == pytest.approx(
                s.loc["total_cost", option], rel=1e-12)
            assert _card_value(dash, option, "voice_service_level") == pytest.approx(
                s.loc["voice_service_level", option], rel=1e-12)
        assert _strip_value(dash) == pytest.approx(inc.loc["npv", "outsourced"], rel=1e-12)
        head = text_of(dash.view._strip.value)
        # led by the incremental NPV, not the (negative) NPV of the option's cash flow
        en = Words("en", "USD").report
        npv = en.money(inc.loc["npv", "outsourced"], short=True)
        assert f"Outsourced is worth +{npv} more than staying in-house" in head
        assert f"{en.money(s.loc['cost_per_contact', 'inhouse'], 2)}/contact" in head

    def test_slider_change_updates_strip_cards_and_charts(self, fresh: Dashboard) -> None:
        d = fresh
        before = d.view.chart_svg("cash")
        d.view.control(WAGE).value = 18.0
        d.view.control(RATE).value = 37.0
        expected = evaluate(Scenario.default().with_changes({WAGE: 18.0, RATE: 37.0}))
        s, inc = expected.summary(), expected.incremental
        assert d.model.problems == []
        for option in OPTIONS:
            assert _card_value(d, option, "total_cost") == pytest.approx(
                s.loc["total_cost", option], rel=1e-12)
            assert _card_value(d, option, "fte") == pytest.approx(
                s.loc["inhouse_fte", option] + s.loc["vendor_fte", option], rel=1e-12)
        assert _strip_value(d) == pytest.approx(inc.loc["npv", "outsourced"], rel=1e-12)
        data = d.model.chart_data()
        for option in OPTIONS:
            assert data["cost_stack"].loc[option].sum() == pytest.approx(
                expected.options[option].monthly["total_cost"].sum(), rel=1e-12)
        diff = (expected.options["outsourced"].monthly["net_cash_flow"]
                - expected.options["inhouse"].monthly["net_cash_flow"]).cumsum()
        np.testing.assert_allclose(data["cumulative_cash"]["outsourced"], diff, rtol=1e-12)
        pd.testing.assert_frame_equal(
            data["revenue_effect"],
            pd.DataFrame({o: expected.options[o].annual["revenue_effect"] for o in OPTIONS}))
        after = d.view.chart_svg("cash")
        assert after.startswith("<svg") and after != before
        assert 'data-series="Outsourced vs in-house"' in after
        assert d.last_update_ms > 0  # shown in the status line; speed lives in benchmarks/

    def test_week_staffing_adds_up_to_the_month_0_staffed_hours(self, dash: Dashboard) -> None:
        week = dash.model.week_staffing()
        assert len(week) == 7 * 48
        staffed = (week["voice_agents"] + week["chat_agents"]).sum() * 0.5 * WEEKS_PER_MONTH
        drv = dash.model.case.options["inhouse"].drivers
        assert staffed == pytest.approx(drv["staffed_hours"].iloc[0], rel=1e-9)

    def test_hidden_tabs_draw_when_opened(self, fresh: Dashboard) -> None:
        assert fresh.view.chart_svg("staffing") == ""
        assert not fresh.view.risk_built
        fresh.view.chart_tabs.selected_index = 1
        assert fresh.view.chart_svg("staffing").startswith("<svg")
        fresh.view.chart_tabs.selected_index = 4
        assert fresh.view.risk_built
        # nothing broken before a run: no progress bar, no empty picture
        assert fresh.view._progress.layout.display == "none"
        assert fresh.view.chart_svg("histogram") == ""


class TestServiceDifferences:  # the engine's BusinessCase.service_differences, read by the strip
    def test_default_flags_the_vendor_fcr(self, dash: Dashboard) -> None:
        diffs = dash.model.service_differences()
        # registry defaults: in-house FCR 0.72, the vendor's about 4 points lower (0.68 steady,
        # lower during its learning curve); voice SL within a point
        assert [(d["option"], d["metric"]) for d in diffs] == [
            ("outsourced", "first_contact_resolution")]
        s = evaluate(Scenario.default()).summary()
        fcr = s.loc["first_contact_resolution"]
        assert diffs[0]["difference"] == pytest.approx(fcr["outsourced"] - fcr["inhouse"],
                                                       abs=1e-12)
        assert -0.05 < diffs[0]["difference"] < -0.035
        assert (f"Not like for like: Outsourced first-contact resolution "
                f"{fcr['outsourced'] * 100:.1f}% vs 72.0% in-house") in text_of(
                    dash.view._strip.value)

    def test_like_for_like_when_equal(self) -> None:
        # the engine's check, as the strip reads it: a vendor as good as in-house is not flagged
        equal = {"outsourced.first_contact_resolution":
                 float(Scenario.default()["inhouse.first_contact_resolution"])}
        assert DashboardModel(Scenario.default().with_changes(equal)).service_differences() == []


class TestInvalidInputs:
    def test_invalid_combination_warns_by_label_and_keeps_the_values(
            self, fresh: Dashboard) -> None:
        d = fresh
        before = _card_value(d, "inhouse", "total_cost")
        ctrl = d.view.control("outsourced.tier_thresholds")
        ctrl.value = "30000, 15000"
        assert "outsourced.tier_thresholds" in d.model.warning
        assert ctrl.value == "30000, 15000"  # the user's text stays
        shown = text_of(d.view._warning.value)
        assert "Volume tier thresholds" in shown and "tier_thresholds" not in shown
        assert d.view._warning.layout.display == ""
        assert "Not updated: 1 input problem" in text_of(d.view._status.value)
        assert _card_value(d, "inhouse", "total_cost") == before  # last valid results
        d.view.control(WAGE).value = 19.0
        assert d.model.raw[WAGE] == 19.0
        ctrl.value = "15000, 30000"
        assert d.model.warning == ""
        assert d.view._warning.layout.display == "none"
        assert "Updated in" in text_of(d.view._status.value)
        expected = evaluate(Scenario.default().with_changes(
            {WAGE: 19.0, "outsourced.tier_thresholds": (15000.0, 30000.0)}))
        assert _card_value(d, "inhouse", "total_cost") == pytest.approx(
            expected.summary().loc["total_cost", "inhouse"], rel=1e-12)

    def test_unreadable_number_in_a_list_warns(self) -> None:
        m = DashboardModel()
        assert m.set("outsourced.tier_discounts", "0.05, x") is False
        assert m.problems == [("outsourced.tier_discounts", "unreadable:x")]

    def test_exception_in_a_callback_is_shown_not_raised(self, fresh: Dashboard,
                                                         monkeypatch) -> None:
        def boom(*a: object, **k: object) -> bool:
            raise RuntimeError("engine exploded")

        monkeypatch.setattr(fresh.model, "set_many", boom)
        fresh.view.control(WAGE).value = 17.0  # must not raise
        assert "engine exploded" in fresh.view._error.value
        assert fresh.view.control(WAGE).value == 17.0


class TestScenarioFiles:
    def test_outputs_default_to_a_user_folder(self) -> None:
        assert default_folder() == Path.home() / "roi-models"
        assert DashboardModel().folder == default_folder()
        repo = Path(__file__).resolve().parent.parent
        assert repo not in default_folder().parents

    @pytest.mark.slow  # writes the HTML, Markdown and XLSX business case
    def test_save_open_reset_and_write(self, fresh: Dashboard, tmp_path: Path) -> None:
        d = fresh
        d.view.control(WAGE).value = 18.5
        d.view.control("scenario.name").value = "Fix in-house"
        d.view.button("save").click()
        saved = tmp_path / "Fix-in-house.yaml"
        assert Scenario.from_file(saved)[WAGE] == 18.5
        assert ("file", str(saved)) in [v for _, v in d.view._source.options]
        d.view.button("reset").click()
        assert d.model.scenario == Scenario.default()
        assert d.view.key_control(WAGE).value == Scenario.default()[WAGE]
        d.view._source.value = ("file", str(saved))
        d.view.button("open").click()
        assert d.model.scenario[WAGE] == 18.5 and d.view.control(WAGE).value == 18.5
        d.view._source.value = ("preset", "ru")
        d.view.button("open").click()
        assert d.model.currency == "RUB" and "₽" in d.view._strip.value
        d.view.button("write").click()
        case_dir = d.model.case_folder()
        assert case_dir.parent == tmp_path and (case_dir / "business_case.md").is_file()
        b = d.view.button("write")
        assert not b.disabled and b.description == "Write business case"  # busy state undone
        assert 'href="data:' in d.view._message.value

    def test_opening_a_bad_file_warns_and_changes_nothing(self, fresh: Dashboard,
                                                          tmp_path: Path) -> None:
        bad = tmp_path / "bad.yaml"
        bad.write_text("inhouse:\n  shrinkage: 30\n", encoding="utf-8")
        fresh.view._source.options = [("bad", ("file", str(bad)))]
        fresh.view.button("open").click()
        assert "inhouse.shrinkage" in fresh.model.warning
        assert "Shrinkage" in text_of(fresh.view._warning.value)
        assert fresh.model.scenario == Scenario.default()

    def test_export_png_svg_csv(self, fresh: Dashboard, tmp_path: Path) -> None:
        for fmt in ("png", "svg", "csv"):
            fresh.view.export_buttons[("cash", fmt)].click()
        out = tmp_path / "exports"
        assert (out / "cash.png").read_bytes().startswith(b"\x89PNG")
        assert (out / "cash.svg").read_text(encoding="utf-8").startswith("<svg")
        table = pd.read_csv(out / "cash.csv", index_col=0)
        np.testing.assert_allclose(table["outsourced"],
                                   charts.cumulative_cash(fresh.model.case)["outsourced"])
        assert fresh.view._error.value == ""


class TestScenariosSideBySide:
    def test_two_kept_scenarios_in_columns_and_on_the_cash_chart(self, fresh: Dashboard) -> None:
        d = fresh
        d.view._keep_name.value = "Vendor A offshore"
        d.view.control(RATE).value = 36.0
        d.view.button("keep").click()
        d.view.control(RATE).value = 40.0
        d.view.control(WAGE).value = 18.0
        d.view._keep_name.value = "Fix in-house"
        d.view.button("keep").click()
        table = d.model.comparison()
        assert list(table.columns) == ["Vendor A offshore", "Fix in-house", ""]
        a = evaluate(Scenario.default().with_changes({RATE: 36.0}))
        assert table.loc[("outsourced", "incremental_npv"), "Vendor A offshore"] == \
            pytest.approx(a.incremental.loc["npv", "outsourced"], rel=1e-12)
        assert table.loc[("outsourced", "cost_per_contact"), "Vendor A offshore"] == \
            pytest.approx(a.summary().loc["cost_per_contact", "outsourced"], rel=1e-12)
        shown = d.view._compare_html.value
        assert "data-scenario='Vendor A offshore'" in shown and "Fix in-house" in shown
        assert "Payback" in shown and "Abandonment, voice" in shown
        d.view.chart_tabs.selected_index = 0
        cash = d.view.chart_svg("cash")
        assert 'data-series="Vendor A offshore: Outsourced"' in cash
        assert 'data-legend="Fix in-house: Outsourced"' in cash

    def test_at_most_four_kept(self) -> None:
        m = DashboardModel()
        for i in range(5):
            m.keep(f"s{i}")
        assert [n for n, _, _ in m.kept] == ["s1", "s2", "s3", "s4"]


@pytest.mark.slow  # tornado, break-even searches and a Monte Carlo: a few seconds each
class TestRiskTab:
    @pytest.fixture
    def risky(self, fresh: Dashboard) -> Dashboard:
        pytest.importorskip("roi_models.risk")
        fresh.view.chart_tabs.selected_index = 4
        return fresh

    def test_break_even_widens_until_it_finds_the_tie(self, risky: Dashboard) -> None:
        from roi_models import risk

        # a dearer in-house center (wage 24 USD/h, inside its range) moves the vendor-rate tie
        # above the rate's plausible range [34, 46]
        risky.view.control(WAGE).value = 24.0
        s = Scenario.default().with_changes({WAGE: 24.0})
        lo, hi = s.range_of(RATE)
        assert not risk.break_even(s, RATE).found  # none in [34, 46]
        risky.view.button("break_even").click()
        r = risky.model.break_even(RATE)
        assert r.found and r.value > hi and r.low == lo
        # the same tie as a search over the bracket the widening ended on
        direct = risk.break_even(s, RATE, low=hi, high=r.high)
        assert r.value == pytest.approx(direct.value, rel=1e-9)
        shown = risky.view._risk_msg["break_even"].value
        assert f'data-value="{r.value!r}"' in shown
        text = text_of(shown)
        assert "tie on NPV at Vendor rate per productive hour" in text
        assert "rate_per" not in text and "money" not in text and "$/h" in text

    def test_no_tie_in_words(self, risky: Dashboard) -> None:
        risky.view.control("outsourced.tier_pricing_model").value = "per_fte_month"
        risky.view.control("outsourced.pricing_model").value = "per_fte_month"
        assert risky.model.problems == []
        risky.view.button("break_even").click()  # the hourly rate no longer matters
        text = text_of(risky.view._risk_msg["break_even"].value)
        assert text.startswith("No tie between 34.00 $/h and")
        assert "outsourcing is better across the whole range" in text

    def test_monte_carlo_headline_histogram_and_out_of_date(self, risky: Dashboard) -> None:
        from roi_models import risk

        risky.view._trials.value = 1000
        risky.view.button("monte_carlo").click()
        mc = risk.monte_carlo(Scenario.default(), trials=1000, seed=0)
        p = mc.p_outsourcing_better
        msg = risky.view._risk_msg["monte_carlo"].value
        assert f"data-p-better='{p!r}'" in msg
        assert f"P(outsourcing better) {p * 100:.1f}%" in text_of(msg)
        q = np.percentile(mc.incremental_npv["outsourced"], [10, 50, 90])
        assert f"data-p10='{float(q[0])!r}'" in msg
        hist = risky.view.chart_svg("histogram")
        assert hist.count('class="roi-hist-bar"') == 40 and "P90" in hist
        assert f'data-p-better="{p!r}"' in risky.view._strip.value
        assert risky.view._risk_stale["monte_carlo"].value == ""
        risky.view.control(WAGE).value = 19.0
        assert "Out of date" in risky.view._risk_stale["monte_carlo"].value
        assert "before your last change" in text_of(risky.view._strip.value)

    def test_tornado_labels_are_words_with_ranges(self, risky: Dashboard) -> None:
        risky.view.button("tornado").click()
        chart = risky.view.chart_svg("tornado")
        assert "Agent hourly wage (" in chart and "inhouse.agent" not in chart


class TestWords:
    def test_every_key_has_both_languages_with_the_same_placeholders(self) -> None:
        for key, texts in TEXT.items():
            assert set(texts) == {"en", "ru"}, key
            assert placeholders(texts["en"]) == placeholders(texts["ru"]), key

    def test_every_input_and_choice_has_a_label(self) -> None:
        # from the report's language tables: the dashboard never falls back to a code name
        for lang in ("en", "ru"):
            w = Words(lang, "USD")
            for p in registry().values():
                assert w.report.has(f"input.{p.path}"), (lang, p.path)
                for c in p.choices:
                    assert w.report.has(f"choice.{c}"), (lang, p.path, c)

    def test_russian_dashboard_shows_no_english_label(self) -> None:
        d = Dashboard(lang="ru")
        assert d.view.paths  # builds every section
        d.view.chart_tabs.selected_index = 4
        for i in range(4):
            d.view.chart_tabs.selected_index = i
        texts = [text_of(d.view._strip.value), *(text_of(c.value) for c in d.view._cards.values()),
                 *(text_of(lab.value) for lab, _, _ in d.view._labels),
                 *(b.description for b in d.view._buttons.values()),
                 *(str(t) for t in d.view._sections.titles),
                 *(str(t) for t in d.view.chart_tabs.titles),
                 *(text_of(d.view.chart_svg(n)) for n in ("cost_stack", "cash", "staffing",
                                                          "revenue")),
                 text_of(d.view._compare_html.value), text_of(d.view._status.value)]
        for ctrl in (d.view.control(p) for p in registry() if registry()[p].kind == "choice"):
            texts.extend(label for label, _ in ctrl.options)
        shown = "\n".join(texts)
        # the shipped preset's name in Russian (the report's preset.default.name), not English
        assert str(Scenario.default()["scenario.name"]) not in text_of(d.view._strip.value)
        assert d.words.report.t("preset.default.name") in text_of(d.view._strip.value)
        english = {t["en"] for t in TEXT.values() if t["en"] != t["ru"]}
        en, ru = table("en").TEXT, table("ru").TEXT
        english |= {v for k, v in en.items() if k.startswith(("input.", "choice."))
                    and v != ru.get(k)}
        w = Words("en", "USD")
        english |= {w.option(o) for o in OPTIONS}
        leaked = sorted(e for e in english
                        if len(e) > 3 and "{" not in e and re.search(rf"\b{re.escape(e)}\b", shown))
        assert not leaked
        # and no English word of four letters or more outside units and abbreviations
        words = set(re.findall(r"\b[A-Za-z]{4,}\b", shown))
        assert words <= {"Mid", "size", "inbound", "contact", "center"}, words  # scenario name


def test_pooling_curve_shows_economies_of_scale() -> None:
    df = charts.pooling_curve([10, 100, 1000], 300.0, 0.8, 20.0)
    assert df["agents_per_erlang"].is_monotonic_decreasing
    assert df["occupancy"].is_monotonic_increasing


def test_cost_of_service_level_is_smooth_and_monotone() -> None:
    """Issue 18: the price of a point zig-zagged (NaN, 8, 0, 0, 8, ...) from whole agents."""
    from scipy.optimize import brentq

    from roi_models import staffing

    targets = [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.98]
    df = charts.cost_of_service_level(100, 180, 20, targets, 40.0, interval=1800)
    assert df["agents"].is_monotonic_increasing
    assert df["cost_per_point"].is_monotonic_increasing and (df["cost_per_point"] > 0).all()
    # independent check: invert the engine's service level with brentq at 80% +/- 0.1 point
    def agents_for(sl: float) -> float:
        return brentq(lambda n: float(staffing.service_level(n, 100, 180, 20, 1800)) - sl,
                      10.0 + 1e-9, 40.0, xtol=1e-12)

    slope = (agents_for(0.801) - agents_for(0.799)) / 0.002
    assert df.loc[0.8, "agents_exact"] == pytest.approx(agents_for(0.8), abs=1e-3)
    assert df.loc[0.8, "cost_per_point"] == pytest.approx(slope * 40.0 / 100, rel=2e-3)
    # a roster needs whole agents: the smallest count that meets the target
    assert (df["agents"] == np.ceil(df["agents_exact"] - 1e-9)).all()


def test_dashboard_command_rejects_an_unknown_language() -> None:
    pytest.importorskip("voila")
    from typer.testing import CliRunner

    from roi_models.cli import app

    result = CliRunner().invoke(app, ["dashboard", "--lang", "de"])
    assert result.exit_code == 2
    assert "--lang must be en or ru, got 'de'" in result.output


def test_status_quo_joins_the_strip_and_the_cards_say_against_what() -> None:
    s = Scenario.default().with_changes({"inhouse.current_agent_fte": 80.0})
    case = evaluate(s)
    assert case.baseline == "status_quo"
    d = Dashboard(s)
    assert 'data-option="status_quo"' in d.view._strip.value
    card = text_of(d.view._cards["outsourced"].value)
    assert "NPV vs today" in card
    assert _card_value(d, "inhouse", "incremental_npv") == pytest.approx(
        case.incremental.loc["npv", "inhouse"], rel=1e-12)  # in-house is an option here
    assert "reference" not in text_of(d.view._cards["inhouse"].value)
