"""Vendor bids (issue 14): a bid is a set of changes over the scenario, evaluated by evaluate().

Provenance of the expected values: the single-bid and channel-split checks compare with
``evaluate()`` on a hand-written dict of the same inputs; the two-bid example is spreadsheet
arithmetic in the test (units x rate x COLA x FX, marginal tiers, minimum commitment) on the
engine's billable units; the Monte Carlo properties are identities (identical bids, P(best) sums
to 1).
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from roi_models import Scenario, evaluate
from roi_models.bids import (
    ALL_CHANNELS,
    CRITERIA,
    DEFAULT_WEIGHTS,
    EXAMPLE_BIDS,
    EXAMPLE_BIDS_RU,
    FIELDS,
    RATE_PATHS,
    Bid,
    BidsError,
    bids_from_rows,
    bids_table_from_rows,
    bids_to_rows,
    check_weights,
    compare,
    load_bids,
    write_template,
)
from roi_models.cli import app

SCORES = dict.fromkeys(CRITERIA, 3)


def _bid(**kw: object) -> Bid:
    data = {"name": "A", "location": "onshore", "delivery_model": "dedicated",
            "pricing_model": "per_productive_hour", "rate": 30.0, **SCORES, **kw}
    return bids_from_rows(list(data), [list(data.values())])[0]


@pytest.fixture(scope="module")
def default() -> Scenario:
    return Scenario.default()


@pytest.fixture(scope="module")
def example(default: Scenario):  # type: ignore[no-untyped-def]
    return compare(default, EXAMPLE_BIDS)


class TestSingleBidEqualsEvaluate:
    def test_full_bid_is_the_outsourced_option(self, default: Scenario, example) -> None:  # type: ignore[no-untyped-def]
        # the onshore example bid, its inputs written out by hand from example_bids.yaml
        hand = {
            "outsourced.currency": "USD", "outsourced.fx_rate": 1.0,
            "outsourced.delivery_model": "dedicated",
            "outsourced.pricing_model": "per_productive_hour",
            "outsourced.rate_per_productive_hour": 38.0, "outsourced.monthly_base_fee": 0.0,
            "outsourced.tier_thresholds": (12000.0, 20000.0),
            "outsourced.tier_discounts": (0.02, 0.04), "outsourced.minimum_commitment": 0.9,
            "outsourced.setup_fee": 45000.0, "finance.contract_cola": 0.03,
            "outsourced.voice_target_sl": 0.8, "outsourced.voice_target_time_s": 20.0,
            "outsourced.aht_factor": 1.03, "outsourced.first_contact_resolution": 0.71,
            "outsourced.sla_at_risk_share": 0.10, "outsourced.sla_credit_pool_share": 0.5,
            "outsourced.sla_credit_allocation": 0.4, "outsourced.transition_months": 2.0,
            "outsourced.parallel_run_months": 1.0, "outsourced.knowledge_transfer_share": 0.04,
            "outsourced.ramp_months": 2.0, "outsourced.ramp_aht_factor": 1.2,
            "outsourced.ramp_fcr_factor": 0.95,
            "outsourced.tier_pricing_model": "per_productive_hour",
            "finance.contract_cola_basis": "fixed",
        }
        case = evaluate(default.with_changes(hand))
        name = "Onshore dedicated (US)"
        assert example.results[name].option == "outsourced"
        want = case.metrics("outsourced")
        got = example.table()[name]
        for k in ("total_cost", "cost_per_contact", "npv", "voice_service_level",
                  "voice_abandon_rate", "first_contact_resolution", "revenue_effect",
                  "one_off_costs"):
            assert got[k] == pytest.approx(want[k], rel=1e-9, abs=1e-9), k
        assert got["incremental_npv"] == pytest.approx(case.incremental.loc["npv", "outsourced"],
                                                       rel=1e-9)
        m = example.results[name].case.options["outsourced"].monthly
        np.testing.assert_allclose(m.to_numpy(), case.options["outsourced"].monthly.to_numpy(),
                                   rtol=1e-9, atol=1e-9)

    def test_partial_bid_is_a_channel_split_hybrid(self, default: Scenario, example) -> None:  # type: ignore[no-untyped-def]
        name = "Nearshore shared (Mexico)"
        r = example.results[name]
        assert r.option == "hybrid"
        ch = r.bid.changes(default)
        assert (ch["hybrid.mode"], ch["hybrid.outsourced_channels"],
                ch["hybrid.outbound_to"]) == ("channel", "chat+email", "inhouse")
        case = evaluate(default.with_changes(ch))
        assert example.table().loc["npv", name] == pytest.approx(
            case.metrics("hybrid")["npv"], rel=1e-9)
        # voice stays in-house: the vendor handles no calls
        drv = case.options["hybrid"].drivers
        assert drv["vendor_billable_units"].sum() > 0
        assert example.table().loc["voice_service_level", name] == pytest.approx(
            example.table().loc["voice_service_level", "inhouse"], rel=1e-12)

    def test_inhouse_column_is_evaluate_inhouse(self, default: Scenario, example) -> None:  # type: ignore[no-untyped-def]
        want = evaluate(default).metrics("inhouse")
        assert example.table().loc["npv", "inhouse"] == pytest.approx(want["npv"], rel=1e-12)
        assert example.table().loc["incremental_npv", "inhouse"] == 0.0

    @pytest.mark.parametrize("model", sorted(RATE_PATHS))
    def test_rate_is_the_input_the_engine_bills(self, default: Scenario, model: str) -> None:
        # no base fee, tiers or minimum: the bill is units x rate, so doubling the rate doubles it
        fees = []
        for rate in (1.0, 2.0):
            b = _bid(pricing_model=model, rate=rate)
            m = evaluate(b.scenario(default)).options["outsourced"].monthly
            fees.append(m["vendor_fees"].sum())
        assert fees[0] > 0
        assert fees[1] == pytest.approx(2.0 * fees[0], rel=1e-12)


class TestTwoBidsByHand:
    """Two bids, different pricing models and currencies, priced by hand to the cent."""

    def test_vendor_money_to_the_cent(self, default: Scenario) -> None:
        a = _bid(name="US hourly", currency="USD", rate=30.0, tier_thresholds="10000",
                 tier_discounts="0.05", minimum_commitment=0.9, setup_fee=50_000,
                 monthly_base_fee=2_000, cola=0.03)
        b = _bid(name="EU per contact", currency="EUR", fx_rate=1.08, pricing_model="per_contact",
                 rate=4.0, setup_fee=20_000, cola=0.02, location="nearshore")
        s = default.with_changes({"demand.volume_vs_forecast": 0.85})
        cmp = compare(s, [a, b])
        totals = {}
        for bid, fx, cola, setup in ((a, 1.0, 0.03, 50_000.0), (b, 1.08, 0.02, 20_000.0)):
            r = cmp.results[bid.name]
            m = r.case.options["outsourced"].monthly
            units = r.case.options["outsourced"].drivers["vendor_billable_units"].to_numpy()
            fees = []
            for month, u in enumerate(units):
                index = (1.0 + cola) ** (month // 12)
                if bid is a:
                    billed = max(u, 0.9 * u / 0.85)            # 90% of forecast, volume 15% short
                    billed -= 0.05 * max(billed - 10_000.0, 0.0)   # 5% off above 10,000 hours
                    fee = (billed * 30.0 + 2_000.0) * index * fx
                else:
                    fee = u * 4.0 * index * fx                  # EUR per contact -> USD
                fees.append(fee)
            fees = np.array(fees)
            assert np.abs(m["vendor_fees"].to_numpy() - fees).max() < 0.005
            assert m["setup_fee"].iloc[0] == pytest.approx(setup * fx, abs=0.005)
            kt = float(bid["knowledge_transfer_share"] or s["outsourced.knowledge_transfer_share"])
            assert m["knowledge_transfer"].sum() == pytest.approx(kt * fees[:12].sum(), abs=0.005)
            totals[bid.name] = fees.sum() + setup * fx
        got = {n: float((cmp.results[n].case.options["outsourced"].monthly[
            ["vendor_fees", "setup_fee"]]).to_numpy().sum()) for n in totals}
        diff_hand = totals["US hourly"] - totals["EU per contact"]
        assert got["US hourly"] - got["EU per contact"] == pytest.approx(diff_hand, abs=0.01)
        # FX exposure: only the EUR bid carries it, and it is its vendor-currency money
        t = cmp.table()
        assert t.loc["fx_exposed_cost", "US hourly"] == 0.0
        assert t.loc["fx_exposed_cost", "EU per contact"] > totals["EU per contact"] * 0.99
        assert t.loc["fx_npv_10pct", "EU per contact"] < 0


class TestLoading:
    def test_example_files_load(self) -> None:
        assert len(load_bids(EXAMPLE_BIDS)) == 3
        ru = load_bids(EXAMPLE_BIDS_RU, Scenario.preset("ru"))
        off = next(b for b in ru if b["currency"] == "USD")
        assert off.foreign(Scenario.preset("ru")) and off.fx_range() == (70.0, 105.0)

    @pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".yaml"])
    def test_template_round_trip(self, tmp_path: Path, suffix: str) -> None:
        p = write_template(tmp_path / f"bids{suffix}")
        again = load_bids(p)
        want = load_bids(EXAMPLE_BIDS)
        assert [b.values for b in again] == [b.values for b in want]

    def test_every_problem_at_once_by_bid_and_field(self, tmp_path: Path) -> None:
        rows = bids_to_rows(load_bids(EXAMPLE_BIDS))
        head = rows[0]
        bad = [list(r) for r in rows[1:]]
        bad[0][head.index("rate")] = "abc"
        bad[0][head.index("quality")] = 7
        bad[1][head.index("fcr")] = 80                   # a share written as a percentage
        bad[1][head.index("pricing_model")] = "per_hour"
        bad[2][head.index("channels")] = "voice+fax"
        bad[2][head.index("name")] = bad[0][head.index("name")]
        path = tmp_path / "bad.csv"
        with path.open("w", newline="", encoding="utf-8") as fh:
            csv.writer(fh).writerows([[*head, "outsorced.setup_fee"], *[[*r, ""] for r in bad]])
        with pytest.raises(BidsError) as err:
            load_bids(path)
        msg = str(err.value)
        for want in ("bid 1 'Onshore dedicated (US)' (line 2): rate: must be a number, got 'abc'",
                     "(line 2): quality: must be a score from 1 to 5, got '7'",
                     "bid 2 'Nearshore shared (Mexico)' (line 3): fcr "
                     "(outsourced.first_contact_resolution): must be >= 0 and <= 1",
                     "(a share: write 0.8, not 80)",
                     "(line 3): pricing_model: must be one of",
                     "(line 4): channels: must be one of",
                     "name 'Onshore dedicated (US)' is used by 2 bids"):
            assert want in msg, (want, msg)
        assert (f"header: column {len(head) + 1} 'outsorced.setup_fee': unknown field; did you "
                "mean 'outsourced.setup_fee'?") in msg

    def test_yaml_problems_and_unknown_fields(self, tmp_path: Path) -> None:
        p = tmp_path / "b.yaml"
        p.write_text("weights: {price: -1, speed: 2}\nbids:\n"
                     "  - {name: X, location: offshore, delivery_model: shared,\n"
                     "     pricing_model: per_fte_month, rate: 10, currency: EUR,\n"
                     "     qualty: 3, inhouse.agent_hourly_wage: 5}\n", encoding="utf-8")
        with pytest.raises(BidsError) as err:
            load_bids(p)
        msg = str(err.value)
        for want in ("weights.price: must be a number >= 0", "weights.speed: unknown criterion",
                     "bid 1 'X': qualty: unknown field; did you mean 'quality'?",
                     "inhouse.agent_hourly_wage: unknown field (a bid sets only",
                     "pricing_model: a shared pool bills per_handled_minute or per_contact",
                     "quality: missing (required)",
                     "fx_rate: missing: the bid prices in EUR"):
            assert want in msg, (want, msg)

    def test_fx_rate_must_be_one_for_the_same_currency(self, default: Scenario) -> None:
        with pytest.raises(BidsError, match=r"fx_rate \(outsourced.fx_rate\): must be 1"):
            compare(default, [_bid(currency="USD", fx_rate=0.9)])

    def test_weights(self) -> None:
        assert sum(DEFAULT_WEIGHTS.values()) == pytest.approx(1.0)
        w = check_weights({"price": 2, "quality": 2})
        assert w["price"] == 0.5 and w["security"] == 0.0


class TestScorecardAndRanking:
    def test_scorecard_arithmetic(self, example) -> None:  # type: ignore[no-untyped-def]
        sc = example.scorecard()
        t = example.table()
        names = list(example.results)
        best = max(t.loc["npv", n] for n in names)
        for n in names:
            b = example.results[n].bid
            price = max(0.0, 1 - (best - t.loc["npv", n]) / abs(best))
            assert sc.loc["price", n] == pytest.approx(price, rel=1e-12)
            crit = {c: (b.scores[c] - 1) / 4 for c in CRITERIA}
            want = 100 * (DEFAULT_WEIGHTS["price"] * price
                          + DEFAULT_WEIGHTS["service"] * sc.loc["service", n]
                          + sum(DEFAULT_WEIGHTS[c] * v for c, v in crit.items()))
            assert sc.loc["score", n] == pytest.approx(want, rel=1e-12)

    def test_rankings_differ_and_say_why(self, default: Scenario) -> None:
        cmp = compare(default, EXAMPLE_BIDS, weights={"price": 0.1, "security": 0.5,
                                                      "culture": 0.4})
        rk = cmp.ranking
        reason = rk.attrs["reason"]
        assert reason["npv_leader"] == "Offshore dedicated (Philippines)"
        assert reason["score_leader"] == "Onshore dedicated (US)" and not reason["same"]
        # weighted points of the onshore bid over the offshore one: culture (5 vs 2) 0.4 x 0.75
        # x 100 = 30, security (5 vs 3) 0.5 x 0.5 x 100 = 25
        assert reason["criteria"][:2] == ["culture", "security"]
        assert reason["criteria_points"]["culture"] == pytest.approx(30.0, rel=1e-12)
        assert "price carries only 10% of the weight" in rk.attrs["why"]

    def test_excel_body(self) -> None:
        rows = bids_to_rows(load_bids(EXAMPLE_BIDS))
        out = bids_table_from_rows([["inhouse.agent_hourly_wage", 20.6], [None, None]], rows)
        assert out[0] == ["metric", "inhouse", *[r[0] for r in rows[1:]]]
        labels = [r[0] for r in out[1:]]
        assert {"npv", "score", "rank_npv", "fx_npv_10pct"} <= set(labels)
        one = bids_table_from_rows(None, rows, "rank_score")
        assert len(one) == 2 and one[1][1] is None and sorted(one[1][2:]) == [1.0, 2.0, 3.0]


@pytest.mark.slow
class TestRiskAcrossBids:
    def test_identical_bids_get_identical_trials(self, default: Scenario) -> None:
        a = load_bids(EXAMPLE_BIDS)[2]
        twin = Bid({**a.values, "name": "twin"}, a.extra, "twin")
        cmp = compare(default, [a, twin, load_bids(EXAMPLE_BIDS)[0]])
        mc = cmp.monte_carlo(400, seed=3)
        np.testing.assert_array_equal(mc.npv[a.name].to_numpy(), mc.npv["twin"].to_numpy())
        pb = mc.p_best
        assert pb.sum() == pytest.approx(1.0, abs=1e-12)
        assert pb[a.name] == pytest.approx(pb["twin"], abs=1e-15)
        assert (mc.regret["mean"] >= 0).all()

    def test_status_quo_is_an_option_of_the_monte_carlo(self, default: Scenario) -> None:
        s = default.with_changes({"inhouse.current_agent_fte": 80.0})
        on, _, off = load_bids(EXAMPLE_BIDS)
        twin = Bid({**off.values, "name": "twin"}, off.extra, "twin")
        cmp = compare(s, [off, twin, on])
        assert cmp.baselines == ["status_quo", "inhouse"]
        mc = cmp.monte_carlo(300, seed=2)
        assert list(mc.npv.columns) == ["status_quo", "inhouse", off.name, "twin", on.name]
        np.testing.assert_array_equal(mc.npv[off.name].to_numpy(), mc.npv["twin"].to_numpy())
        assert mc.p_best.sum() == pytest.approx(1.0, abs=1e-12)
        assert mc.p_best[off.name] == pytest.approx(mc.p_best["twin"], abs=1e-15)
        assert mc.npv["status_quo"].std() > 0
        # the status quo's gap to in-house: exact (evaluate) at the scenario's values and with one
        # input at an end of its range, whatever the other draws were
        p = "demand.voice_annual_contacts"
        lo, hi = s.range_of(p)
        base = {c: float(s[c]) for c in mc.samples.columns if c != "outsourced.fx_rate"}
        rows = pd.DataFrame([base, {**base, p: hi}, {**base, p: lo}])
        got = cmp.status_quo_gap(rows)
        for k, v in enumerate((float(s[p]), hi, lo)):
            m = evaluate(s.with_changes({p: v}))
            want = m.metrics("status_quo")["npv"] - m.metrics("inhouse")["npv"]
            assert got[k] == pytest.approx(want, rel=1e-9), (p, v)
        # half-way to the high end: half the high end's change (linear between value and end)
        mid = cmp.status_quo_gap(pd.DataFrame([{**base, p: (float(s[p]) + hi) / 2}]))[0]
        assert mid == pytest.approx((got[0] + got[1]) / 2, rel=1e-12)

    def test_common_draws_and_fx(self) -> None:
        ru = Scenario.preset("ru")
        cmp = compare(ru, EXAMPLE_BIDS_RU)
        mc = cmp.monte_carlo(300, seed=1)
        assert mc.p_best.sum() == pytest.approx(1.0, abs=1e-12)
        assert list(mc.npv.columns) == ["inhouse", *cmp.results]
        # in-house is the scenario's own Monte Carlo: the same draws give the same in-house NPVs
        from roi_models.risk import monte_carlo
        fx = ("pert", 0.85, 1.0, 1.15)
        base = monte_carlo(ru, 300, 1, distributions={"outsourced.fx_rate": fx})
        np.testing.assert_array_equal(base.npv["inhouse"].to_numpy(), mc.npv["inhouse"].to_numpy())
        # a rouble-priced bid does not move with the exchange rate; the USD one does
        off = "Offshore dedicated (Kyrgyzstan, USD)"
        fxd = mc.samples["outsourced.fx_rate"].to_numpy()
        rho_off = np.corrcoef(fxd, mc.npv[off] - mc.npv["inhouse"])[0, 1]
        on = "Onshore dedicated (Russia, regions)"
        rho_on = np.corrcoef(fxd, mc.npv[on] - mc.npv["inhouse"])[0, 1]
        # 300 trials: noise about 0.06; the quality-risk inputs the Monte Carlo now moves add
        # spread that does not depend on the exchange rate, so the USD bid's link is ~ -0.2
        assert rho_off < -0.15 and abs(rho_on) < 0.15 and rho_off < rho_on - 0.1
        t = cmp.tornado()
        assert "outsourced.fx_rate" in t.index[:3]
        be = cmp.break_even()
        assert be.loc[off, "found"] and be.loc[off, "break_even_rate"] > 550


class TestFaces:
    def test_cli_bad_file_writes_nothing(self, tmp_path: Path) -> None:
        bad = tmp_path / "bad.yaml"
        bad.write_text("bids:\n  - {name: X}\n", encoding="utf-8")
        out = tmp_path / "out"
        res = CliRunner().invoke(app, ["bids", str(bad), "-o", str(out)])
        assert res.exit_code == 2
        assert "location: missing (required)" in res.output
        assert "rate: missing (required)" in res.output
        assert not out.exists()

    def test_cli_init_and_report(self, tmp_path: Path) -> None:
        sheet = tmp_path / "bids.xlsx"
        res = CliRunner().invoke(app, ["bids", "init", str(sheet)])
        assert res.exit_code == 0 and sheet.exists()
        out = tmp_path / "out"
        res = CliRunner().invoke(app, ["bids", str(sheet), "-o", str(out), "--trials", "0",
                                       "--format", "md,csv", "--lang", "ru"])
        assert res.exit_code == 0, res.output
        md = (out / "bids_comparison.md").read_text(encoding="utf-8")
        assert "Рейтинг по NPV" in md and "Offshore dedicated (Philippines)" in md
        table = pd.read_csv(out / "bids_comparison.csv", index_col=0)
        cmp = compare(Scenario.default(), EXAMPLE_BIDS)
        assert table.loc["npv", "Onshore dedicated (US)"] == pytest.approx(
            cmp.table().loc["npv", "Onshore dedicated (US)"], rel=1e-15)

    def test_report_texts_and_escaping(self, default: Scenario) -> None:
        import string

        from roi_models.report.bids import TEXT, build_bids_report, to_html
        for key, texts in TEXT.items():
            fields = {lang: {f for _, f, _, _ in string.Formatter().parse(t) if f}
                      for lang, t in texts.items()}
            assert set(texts) == {"en", "ru"} and fields["en"] == fields["ru"], key
        b = _bid(name="<script>alert(1)</script>", notes="<b>x</b>")
        html = to_html(build_bids_report(compare(default, [b]), "en", trials=0))
        assert "<script>alert" not in html and "&lt;script&gt;" in html

    def test_fields_are_documented(self) -> None:
        assert all(f.description for f in FIELDS)
        assert ALL_CHANNELS in {c for f in FIELDS for c in f.choices}


class TestCurrencyInputs:
    """outsourced.currency / outsourced.fx_rate (registry entries owned by this issue)."""

    def test_fx_range_only_for_a_foreign_vendor_currency(self, default: Scenario) -> None:
        from roi_models.risk import ranged_parameters
        assert default.range_of("outsourced.fx_rate") == (1.0, 1.0)
        assert "outsourced.fx_rate" not in ranged_parameters(default)
        eur = default.with_changes({"outsourced.currency": "EUR", "outsourced.fx_rate": 1.08})
        lo, hi = eur.range_of("outsourced.fx_rate")
        assert (lo, hi) == pytest.approx((0.85 * 1.08, 1.15 * 1.08), rel=1e-12)
        assert "outsourced.fx_rate" in ranged_parameters(eur)
        assert eur.plausibility_warnings() == []

    def test_fx_scales_every_vendor_price_and_nothing_else(self, default: Scenario) -> None:
        eur = default.with_changes({"outsourced.currency": "EUR", "outsourced.fx_rate": 1.0})
        a = evaluate(eur).options["outsourced"].monthly
        b = evaluate(eur.with_changes({"outsourced.fx_rate": 1.25})).options["outsourced"].monthly
        for line in ("vendor_fees", "setup_fee", "sla_credits", "knowledge_transfer"):
            np.testing.assert_allclose(b[line], 1.25 * a[line], rtol=1e-12, err_msg=line)
        for line in ("parallel_run", "severance", "stranded_lease"):
            np.testing.assert_array_equal(b[line], a[line])

    def test_evaluate_as_hybrid_uses_the_scenarios_split(self, default: Scenario) -> None:
        b = _bid(evaluate_as="hybrid", rate=32.0)
        cmp = compare(default, [b])
        r = cmp.results["A"]
        assert r.option == "hybrid" and r.scenario["hybrid.mode"] == default["hybrid.mode"]
        want = evaluate(default.with_changes({
            "outsourced.rate_per_productive_hour": 32.0, "outsourced.currency": "",
            "outsourced.tier_thresholds": (), "outsourced.tier_discounts": (),
            "outsourced.minimum_commitment": 0.0, "outsourced.setup_fee": 0.0,
            "outsourced.monthly_base_fee": 0.0})).metrics("hybrid")["npv"]
        assert cmp.table().loc["npv", "A"] == pytest.approx(want, rel=1e-9)


@pytest.mark.slow
def test_pdf_report_in_russian(tmp_path: Path) -> None:
    import subprocess

    from roi_models.report.bids import write_bids_report
    cmp = compare(Scenario.preset("ru"), EXAMPLE_BIDS_RU)
    paths = write_bids_report(cmp, tmp_path, ["pdf", "xlsx"], lang="ru", trials=200)
    text = subprocess.run(["pdftotext", str(paths[0]), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Сравнение предложений подрядчиков" in text and "P(лучший)" in text
    import openpyxl
    wb = openpyxl.load_workbook(paths[1])
    assert {"Ranking", "Options", "Scorecard", "Risk", "Breakeven", "Tornado",
            "Commitments", "Trials"} <= set(wb.sheetnames)
    ws = wb["Options"]
    npv_row = next(r for r in ws.iter_rows(values_only=True)
                   if r[0] == "NPV чистого денежного потока")
    assert npv_row[1] == pytest.approx(cmp.table().loc["npv", "inhouse"], rel=1e-15)


def test_full_bid_without_outbound_keeps_the_campaigns_in_house() -> None:
    blended = Scenario.preset("blended")
    b = _bid(outbound="no")
    cmp = compare(blended, [b])
    r = cmp.results["A"]
    assert r.option == "hybrid"
    assert (r.scenario["hybrid.mode"], r.scenario["hybrid.outsourced_share"],
            r.scenario["hybrid.outbound_to"]) == ("share", 1.0, "inhouse")
    m, d = r.case.options["hybrid"].monthly, r.case.options["hybrid"].drivers
    assert m["vendor_outbound_fees"].sum() == 0.0 and d["outbound_hours"].sum() > 0
    assert d["vendor_billable_units"].sum() > 0
    with_outbound = compare(blended, [_bid(outbound="yes")]).results["A"]
    assert with_outbound.option == "outsourced"


class TestExcelFunction:
    """CC_BIDS(inputs, bids_range, [metric]): the comparison table spilled from a bids range."""

    def test_spill_equals_compare_table(self) -> None:
        from roi_models.excel import udfs
        rows = bids_to_rows(load_bids(EXAMPLE_BIDS))
        # what Excel sends: numbers as floats, blanks as None, a two-column inputs range
        sheet = [[None if v == "" else (float(v) if isinstance(v, int) else v) for v in r]
                 for r in rows]
        out = udfs.CC_BIDS([["inhouse.agent_hourly_wage", 21.0], [None, None]], sheet)
        cmp = compare(Scenario.default().with_changes({"inhouse.agent_hourly_wage": 21.0}),
                      EXAMPLE_BIDS)
        t = cmp.table()
        assert out[0] == ["metric", *t.columns]
        got = {r[0]: r[1:] for r in out[1:]}
        for k in t.index:
            for j, c in enumerate(t.columns):
                want = float(t.loc[k, c])
                if np.isnan(want):
                    assert got[k][j] == "", (k, c)   # n/a stays a blank cell
                else:
                    assert got[k][j] == pytest.approx(want, rel=1e-12, abs=1e-9), (k, c)
        rk = cmp.ranking
        assert got["rank_npv"] == [float(rk.loc[c, "rank_npv"]) for c in t.columns]
        assert got["score"][0] == ""
        assert got["score"][1:] == pytest.approx([rk.loc[c, "score"] for c in t.columns[1:]])
        one = udfs.CC_BIDS(None, sheet, "npv")
        assert len(one) == 2 and one[1][0] == "npv"

    def test_errors_name_the_argument_and_the_bid(self) -> None:
        from roi_models.excel import udfs
        rows = bids_to_rows(load_bids(EXAMPLE_BIDS))
        bad = [list(r) for r in rows]
        bad[2][rows[0].index("rate")] = "cheap"
        assert udfs.CC_BIDS(None, bad) == (
            "#VALUE! CC_BIDS: bids_range: 1 problem: bid 2 'Nearshore shared (Mexico)' (line 3): "
            "rate: must be a number, got 'cheap'")
        assert udfs.CC_BIDS(None, rows, "nope").startswith("#VALUE! CC_BIDS: metric must be one of")
        assert udfs.CC_BIDS([["nope.path", 1]], rows).startswith("#VALUE! CC_BIDS: inputs: ")
        assert udfs.CC_BIDS(None, 3).startswith("#VALUE! CC_BIDS: bids_range must be a range")
