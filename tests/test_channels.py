"""The channel table and the messaging channel it adds (issue 11).

Provenance: messaging's staffing is checked against :func:`roi_models.staffing.required_staffing`
called directly on the interval calls (the staffing module's exact path, outside the pipeline),
and against the hand workload ``conversations x handle time / concurrency / occupancy``; its
volume-0 default is checked to leave every figure of the default case bit for bit.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from roi_models import Scenario, evaluate, staffing
from roi_models.business_case import evaluate_batch, interval_staffing
from roi_models.channels import CHANNEL_TABLE, CHANNELS, DEFERRED, LIVE, channel
from roi_models.demand import INTERVAL_SECONDS, WEEKS_PER_MONTH
from roi_models.parameters import PRESETS, registry
from roi_models.risk import fast_batch

MESSAGING = 2_000_000.0  # conversations a year: enough load that the occupancy cap binds


@pytest.fixture(scope="module")
def with_messaging() -> Scenario:
    return Scenario.default().with_changes({"demand.messaging_annual_contacts": MESSAGING})


@pytest.fixture(scope="module")
def messaging_case(with_messaging: Scenario):
    return evaluate(with_messaging)


class TestTable:
    def test_every_input_of_every_channel_is_in_the_registry(self) -> None:
        reg = registry()
        for c in CHANNEL_TABLE:
            for path in c.inputs():
                assert path in reg, (c.name, path)

    def test_every_volume_input_is_a_channel(self) -> None:
        volumes = {p for p in registry() if p.endswith("_annual_contacts")}
        assert volumes == {c.volume for c in CHANNEL_TABLE}

    def test_kinds(self) -> None:
        assert CHANNELS == ("voice", "chat", "email", "messaging")
        assert [channel(c).kind for c in CHANNELS] == ["queued", "concurrent", "deferred",
                                                       "deferred"]
        assert LIVE == ("voice", "chat", "messaging") and DEFERRED == ("email",)

    def test_messaging_is_zero_in_every_preset(self) -> None:
        for name in PRESETS:
            assert Scenario.preset(name)["demand.messaging_annual_contacts"] == 0.0


class TestVolumeZero:
    def test_messaging_inputs_do_not_move_a_case_without_messaging(self, default_case) -> None:
        other = evaluate(Scenario.default().with_changes({
            "service.messaging_concurrency": 6.0, "service.messaging_response_time_s": 300.0,
            "service.messaging_target_sl": 0.95, "demand.messaging_aht_s": 700.0}))
        for o in default_case.options:
            pd.testing.assert_frame_equal(other.options[o].monthly,
                                          default_case.options[o].monthly, check_exact=True)
            pd.testing.assert_frame_equal(other.options[o].drivers,
                                          default_case.options[o].drivers, check_exact=True)
        assert (default_case.options["inhouse"].drivers["messaging_offered"] == 0).all()


class TestMessagingStaffed:
    def test_interval_agents_are_the_staffing_modules(self, with_messaging: Scenario) -> None:
        t = interval_staffing(with_messaging)
        calls = t["messaging_offered"].to_numpy()
        busy = calls > 0
        aht = with_messaging["demand.messaging_aht_s"]
        res = staffing.required_staffing(calls[busy], aht, 0.9, 900.0, INTERVAL_SECONDS,
                                         max_occupancy=0.85, patience=3600.0, concurrency=4.0)
        np.testing.assert_array_equal(t["messaging_agents"].to_numpy()[busy], res["agents"])
        assert (t["messaging_agents"].to_numpy()[~busy] == 0).all()

    def test_hours_are_the_workload_over_occupancy_and_rounding(
            self, with_messaging: Scenario, messaging_case, default_case) -> None:
        d = messaging_case.options["inhouse"].drivers
        hours = d["staffed_hours"] - default_case.options["inhouse"].drivers["staffed_hours"]
        # hand workload: conversations x 480 s / 3600 / 4 at once, at the 85% occupancy cap
        workload = d["messaging_offered"] * 480.0 / 3600.0 / 4.0
        assert d["messaging_offered"].iloc[0] == pytest.approx(
            MESSAGING / 12 * with_messaging["demand.seasonality"][0], rel=1e-12)
        assert (hours >= workload / 0.85 - 1e-9).all()
        # whole agents: at most one more agent per open interval occurrence than the workload
        t = interval_staffing(with_messaging)
        open_hours = (t["count"] * (t["messaging_offered"] > 0)).sum() * 0.5 * WEEKS_PER_MONTH
        assert (hours <= workload / 0.85 + open_hours).all()
        # month 0 exactly: sum(count x agents) x 0.5 h x weeks a month
        month0 = (t["count"] * t["messaging_agents"]).sum() * 0.5 * WEEKS_PER_MONTH
        assert hours.iloc[0] == pytest.approx(month0, rel=1e-12)

    def test_messaging_is_costed_in_house_and_billed_by_the_vendor(self, with_messaging,
                                                                    messaging_case,
                                                                    default_case) -> None:
        for o in ("inhouse", "outsourced", "hybrid"):
            assert (messaging_case.options[o].monthly["total_cost"].sum()
                    > default_case.options[o].monthly["total_cost"].sum())
        per = {"outsourced.pricing_model": "per_contact", "outsourced.tier_thresholds": (),
               "outsourced.tier_discounts": ()}
        per_contact = with_messaging.with_changes(per)
        d = evaluate(per_contact).options["outsourced"].drivers
        # per contact: the vendor bills every handled contact, messaging conversations included
        np.testing.assert_allclose(d["vendor_billable_units"], d["handled_contacts"], rtol=1e-12)
        base = evaluate(Scenario.default().with_changes(per)).options["outsourced"].drivers
        extra = d["handled_contacts"] - base["handled_contacts"]
        np.testing.assert_allclose(extra, d["messaging_offered"], rtol=1e-3)  # few abandon

    def test_fast_batch_follows_the_exact_batch(self, with_messaging: Scenario) -> None:
        changes = {"demand.messaging_annual_contacts": [1.5e6, 2e6, 2.5e6],
                   "service.messaging_concurrency": [3.0, 4.0, 5.0]}
        exact = evaluate_batch(with_messaging, changes)
        fast = fast_batch(with_messaging, changes)
        for col in ("inhouse_total_cost", "outsourced_total_cost", "hybrid_total_cost"):
            # the surrogate scales hours by the concurrency ratio: within 1% of exact Erlang A
            np.testing.assert_allclose(fast[col], exact[col], rtol=1e-2)
        # more conversations at once for more conversations: the base point is exact
        assert fast["inhouse_total_cost"][1] == pytest.approx(exact["inhouse_total_cost"][1],
                                                              rel=1e-9)

    def test_overflow_hybrid_splits_messaging(self, with_messaging: Scenario) -> None:
        case = evaluate(with_messaging.with_changes({"hybrid.mode": "overflow"}))
        total = case.options["inhouse"].drivers["messaging_offered"]
        hyb = case.options["hybrid"].drivers["messaging_offered"]
        # the vendor's part carries the FCR volume factor; both parts hold messaging
        assert (hyb > 0).all() and (hyb >= total * 0.99).all()

    def test_service_targets_list_messaging(self, messaging_case) -> None:
        t = messaging_case.service_targets()
        assert t.loc[("inhouse", "inhouse"), "messaging_target_time_s"] == 900.0
        assert t.loc[("outsourced", "vendor"), "messaging_target_sl"] == 0.9


class TestFaces:
    """Messaging reaches every face through the channel table alone (volume > 0)."""

    @pytest.fixture(scope="class")
    @classmethod
    def written(cls, messaging_case, tmp_path_factory: pytest.TempPathFactory):
        from roi_models.report.formats import write_case

        out = tmp_path_factory.mktemp("messaging")
        write_case(messaging_case, out, ("html", "md", "csv"), risk=False)
        return out

    def test_report_html_and_markdown_list_messaging(self, written, messaging_case) -> None:
        offered = messaging_case.options["inhouse"].drivers["messaging_offered"].iloc[0]
        md = (written / "business_case.md").read_text(encoding="utf-8")
        row = next(line for line in md.splitlines() if line.startswith("| Messaging |"))
        assert f"{offered:,.0f}" in row  # offered in month 0, as the engine's driver
        html = (written / "business_case.html").read_text(encoding="utf-8")
        assert "Messaging" in html and f"{offered:,.0f}" in html

    def test_report_csv_has_the_messaging_driver(self, written, messaging_case) -> None:
        table = pd.read_csv(written / "monthly_inhouse.csv")
        col = next(c for c in table.columns if c.startswith("messaging_offered")
                   or "messaging" in c.lower())
        np.testing.assert_allclose(
            table[col].to_numpy(dtype=float),
            messaging_case.options["inhouse"].drivers["messaging_offered"].to_numpy(), rtol=1e-9)

    def test_no_messaging_row_without_messaging(self, default_case, tmp_path) -> None:
        from roi_models.report.formats import write_case

        write_case(default_case, tmp_path, ("md",), risk=False)
        md = (tmp_path / "business_case.md").read_text(encoding="utf-8")
        assert "| Voice |" in md and "| Messaging |" not in md

    def test_dashboard_staffing_stacks_messaging(self, messaging_case, tmp_path) -> None:
        import re

        from roi_models.widgets import Dashboard

        dash = Dashboard(folder=tmp_path)
        dash.model.set("demand.messaging_annual_contacts", MESSAGING)
        week = dash.model.week_staffing()
        live = sum(week[f"{ch}_agents"] for ch in LIVE)
        hours = live.sum() * 0.5 * WEEKS_PER_MONTH
        d = messaging_case.options["inhouse"].drivers
        assert hours == pytest.approx(d["staffed_hours"].iloc[0], rel=1e-9)
        svg = dash.view.staffing_svg(week)
        assert re.findall(r'data-series="([^"]+)"', svg) == [
            "voice agents", "chat agents", "messaging agents"]

    def test_workbook_has_messaging_inputs_and_driver(self, with_messaging, tmp_path) -> None:
        import openpyxl

        from roi_models.excel.workbook import build

        path = tmp_path / "case.xlsx"
        build(path, with_messaging, cache=False)
        wb = openpyxl.load_workbook(path)
        inputs = {r[1].value: r for r in wb["Inputs"].iter_rows() if r[1].value}
        assert inputs["demand.messaging_annual_contacts"][2].value == MESSAGING
        # the Engine sheet's CC_DRIVERS on the sheet's own inputs: a messaging row, the engine's
        from roi_models.excel import udfs

        rows = [[r[1].value, r[2].value] for r in wb["Inputs"].iter_rows(min_row=1)
                if isinstance(r[1].value, str) and "." in r[1].value and r[2].value is not None]
        drv = udfs.CC_DRIVERS(rows, "inhouse", "TRUE")
        row = next(r for r in drv if r[0] == "messaging_offered")
        want = evaluate(with_messaging).options["inhouse"].drivers["messaging_offered"]
        np.testing.assert_allclose(np.asarray(row[1:], dtype=float), want.to_numpy(), rtol=1e-9)

    def test_cli_case_prints_the_channel_table(self, messaging_case, tmp_path) -> None:
        from typer.testing import CliRunner

        from roi_models.cli import app

        scenario = tmp_path / "messaging.yaml"
        scenario.write_text(f"demand:\n  messaging_annual_contacts: {MESSAGING}\n")
        result = CliRunner().invoke(app, ["case", str(scenario), "-o", str(tmp_path / "out"),
                                          "--format", "csv", "--trials", "0"])
        assert result.exit_code == 0, result.output
        offered = messaging_case.options["inhouse"].drivers["messaging_offered"].iloc[0]
        row = next(line for line in result.output.splitlines() if "Messaging" in line)
        assert f"{offered:,.0f}" in row
