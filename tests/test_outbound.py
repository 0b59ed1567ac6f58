"""Outbound campaigns: hand-computed workload, cost and revenue; dialler cap; monotonicity."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_business_case import SMALL

from roi_models import InputError
from roi_models.business_case import evaluate, evaluate_batch
from roi_models.outbound import campaign_work, dialler
from roi_models.pipeline import Inputs, defer, make_parts, profile_of
from roi_models.scenario import Scenario

CENT = 0.005

# The SMALL center of test_business_case with no inbound work at all and one sales campaign.
OUTBOUND = {**SMALL, "demand.email_annual_contacts": 0.0,
            "outbound.sales_records_per_month": 10_000.0,
            "outbound.attempts_per_record": 3.0, "outbound.connect_rate": 0.3,
            "outbound.right_party_rate": 0.7, "outbound.sales_talk_s": 240.0,
            "outbound.other_talk_s": 30.0, "outbound.wrap_s": 45.0,
            "outbound.dialler_mode": "progressive", "outbound.progressive_utilisation": 0.65,
            "outbound.cost_per_attempt": 0.02, "outbound.sales_conversion": 0.08,
            "outbound.sales_order_value": 150.0, "revenue.sales_margin": 0.30,
            "outsourced.outbound_pricing": "per_hour", "outsourced.outbound_rate_per_hour": 38.0,
            "outsourced.outbound_min_fte": 1.0, "outsourced.outbound_conversion_factor": 0.9,
            "outsourced.shrinkage": 0.2}


class TestHandComputedCampaign:
    # 10,000 records, up to 3 attempts at 30% connect: 1 - 0.7^3 = 65.7% connect.
    connects = 10_000 * (1 - 0.7 ** 3)                  # 6,570
    attempts = connects / 0.3                            # 21,900
    rpc = connects * 0.7                                 # 4,599
    talk_s = rpc * 240 + (connects - rpc) * 30           # right party + wrong party
    hours = (talk_s + connects * 45) / 3600 / 0.65       # 623.08 logged hours
    sales = rpc * 0.08                                   # 367.92

    def test_workload(self) -> None:
        w = campaign_work(10_000, 3, 0.3, 0.7, 240, 30, 45, 0.65, 0.0)
        assert float(w.connects) == pytest.approx(6570.0, abs=1e-9)
        assert float(w.attempts) == pytest.approx(21_900.0, abs=1e-9)
        assert float(w.agent_hours) == pytest.approx(self.hours, rel=1e-12)

    def test_inhouse_cost_and_revenue_to_the_cent(self) -> None:
        case = evaluate(Scenario.default().with_changes(OUTBOUND))
        m = case.options["inhouse"].monthly
        wages = self.hours / (1 - 0.2) * 20.0           # FTE x paid hours x wage
        assert m["agent_wages"].to_numpy() == pytest.approx([wages] * 12, abs=CENT)
        assert m["outbound_dialling"].to_numpy() == pytest.approx([21_900 * 0.02] * 12,
                                                                  abs=CENT)
        value = self.sales * 150 * 0.30                 # 16,556.40 of margin a month
        assert value == pytest.approx(16_556.40, abs=1e-6)
        assert m["revenue_effect"].to_numpy() == pytest.approx([value] * 12, abs=CENT)

    def test_vendor_bill_and_conversion(self) -> None:
        case = evaluate(Scenario.default().with_changes(OUTBOUND))
        m = case.options["outsourced"].monthly
        # 1-FTE minimum = 173.33 h x (1 - 20%) / (1 + 0%) = 138.67 h < 623.08 h: bill the hours
        assert m["vendor_outbound_fees"].to_numpy() == pytest.approx([self.hours * 38.0] * 12,
                                                                     abs=CENT)
        value = self.sales * 0.9 * 150 * 0.30            # the vendor converts 90% as well
        assert m["revenue_effect"].to_numpy() == pytest.approx([value] * 12, abs=CENT)
        assert (m["agent_wages"] == 0).all()

    def test_dedicated_team_minimum(self) -> None:
        s = Scenario.default().with_changes({**OUTBOUND, "outsourced.outbound_min_fte": 10.0})
        m = evaluate(s).options["outsourced"].monthly
        minimum = 10 * 2080 / 12 * (1 - 0.2)             # 1,386.67 h billed
        assert m["vendor_outbound_fees"].iloc[0] == pytest.approx(minimum * 38.0, abs=CENT)


class TestDialler:
    @settings(max_examples=200, deadline=None)
    @given(natural=st.floats(0.0, 0.3), cap=st.floats(0.0, 0.1),
           util=st.floats(0.66, 0.99))
    def test_predictive_never_exceeds_the_cap(self, natural, cap, util) -> None:
        u, a = dialler("predictive", 0.45, 0.65, util, natural, cap)
        assert float(a) <= cap + 1e-15
        assert 0.65 - 1e-12 <= float(u) <= util + 1e-12

    def test_modes(self) -> None:
        assert dialler("preview", 0.45, 0.65, 0.85, 0.05, 0.03) == (0.45, 0.0)
        with pytest.raises(InputError, match="dialler mode"):
            dialler("robot", 0.45, 0.65, 0.85, 0.05, 0.03)

    def test_in_the_case_abandons_stay_under_the_cap(self) -> None:
        s = Scenario.preset("blended").with_changes({"outbound.predictive_abandon_rate": 0.2})
        inp = Inputs(s)
        part = make_parts(inp, profile_of(inp))["inhouse"][0]
        defer(part, inp)
        for c in ("sales", "retention", "collections"):
            w = part.outbound_work[c]
            assert (w.abandoned <= 0.03 * w.connects + 1e-9).all()


class TestMonotone:
    @settings(max_examples=10, deadline=None)
    @given(records=st.floats(0.0, 30_000.0), extra=st.floats(1.0, 5_000.0))
    def test_more_records_more_hours_and_cost(self, records, extra) -> None:
        s = Scenario.preset("blended")
        df = evaluate_batch(s, {"outbound.sales_records_per_month": [records, records + extra]})
        for o in ("inhouse", "outsourced"):
            assert df[f"{o}_total_cost"].iloc[1] > df[f"{o}_total_cost"].iloc[0]

    @settings(max_examples=10, deadline=None)
    @given(conv=st.floats(0.0, 0.5), extra=st.floats(0.001, 0.3))
    def test_higher_conversion_more_revenue(self, conv, extra) -> None:
        s = Scenario.preset("blended")
        df = evaluate_batch(s, {"outbound.sales_conversion": [conv, min(conv + extra, 1.0)]})
        for o in ("inhouse", "outsourced", "hybrid"):
            assert df[f"{o}_revenue_effect"].iloc[1] > df[f"{o}_revenue_effect"].iloc[0]

    def test_retention_saves_feed_the_churn_model(self) -> None:
        s = Scenario.preset("blended")
        base = evaluate(s).options["inhouse"]
        more = evaluate(s.with_changes({"outbound.retention_save_rate": 0.35})).options["inhouse"]
        assert (more.drivers["customers_lost"] < base.drivers["customers_lost"]).all()
        assert more.monthly["revenue_effect"].sum() > base.monthly["revenue_effect"].sum()
