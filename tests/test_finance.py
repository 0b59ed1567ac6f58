"""Tests for roi_models.finance: one class per public function.

Every expected number says where it comes from: "hand arithmetic" (written out beside it),
"mpmath, dps=50", "numpy-financial" (npf 1.0, an independent implementation), or "Excel semantics"
(Excel's documented NPV/IRR formulas written out in ``excel_npv`` below, since `formulas` is not a
test dependency of this module).
"""

from __future__ import annotations

import math

import numpy as np
import numpy_financial as npf
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from roi_models import finance
from roi_models.errors import InputError
from roi_models.finance import (
    annualise,
    customer_lifetime_value,
    discount_factors,
    irr,
    monthly_rate,
    npv,
    payback_months,
    roi,
)

# The story used across the docstrings: a $120k transition fee in month 0, then $5k a month of
# savings for 60 months (61 values, months 0..60).
STORY = np.array([-120_000.0] + [5_000.0] * 60)


def excel_npv(rate: float, values: np.ndarray) -> float:
    """Excel's NPV, as documented by Microsoft: sum_{i=1..n} value_i / (1 + rate)^i.

    The first value is discounted by one full period -- the difference our npv documents.
    """
    i = np.arange(1, len(values) + 1)
    return float(np.sum(np.asarray(values) / (1.0 + rate) ** i))


def one_sign_change_series() -> st.SearchStrategy[np.ndarray]:
    """Cash-flow series with exactly one sign change: outflows first, then inflows (1..61 months)."""
    amount = st.floats(min_value=1.0, max_value=1e6, allow_nan=False, allow_infinity=False)
    return st.tuples(
        st.lists(amount, min_size=1, max_size=12),
        st.lists(amount, min_size=1, max_size=49),
    ).map(lambda parts: np.array([-x for x in parts[0]] + list(parts[1])))


def test_public_names_are_the_contract() -> None:
    # docs/design.md §3.2 plus the names other modules and the Excel UDFs are written against.
    assert set(finance.__all__) == {
        "monthly_rate", "npv", "irr", "payback_months", "roi",
        "discount_factors", "customer_lifetime_value", "annualise", "mirr",
    }


class TestMirr:
    def test_hand_computed(self) -> None:
        # spreadsheet-style: r = 1.1^(1/12) - 1; the 60 inflows of 5,000 compound to month 60 as
        # 5,000 x ((1+r)^60 - 1) / r; the outflow is 120,000 at month 0; (FV/PV)^(12/60) - 1
        r = 1.1 ** (1 / 12) - 1
        fv = 5_000 * ((1 + r) ** 60 - 1) / r
        assert finance.mirr([-120_000] + [5_000] * 60, 0.10) == pytest.approx(
            (fv / 120_000) ** (12 / 60) - 1, rel=1e-12)

    def test_excel_semantics(self) -> None:
        # Excel's MIRR(values, fm, rm) with monthly rates is the monthly figure; ours annualises it.
        # Excel formula: ((-NPV(rm, pos) * (1+rm)^n) / (NPV(fm, neg) * (1+fm)))^(1/(n-1)) - 1
        flows = np.array([-50_000.0, 10_000, -5_000, 30_000, 40_000])
        fm, rm = 1.08 ** (1 / 12) - 1, 1.12 ** (1 / 12) - 1
        n = len(flows)
        t = np.arange(1, n + 1)
        npv_pos = np.sum(np.where(flows > 0, flows, 0) / (1 + rm) ** t)
        npv_neg = np.sum(np.where(flows < 0, flows, 0) / (1 + fm) ** t)
        excel = ((-npv_pos * (1 + rm) ** n) / (npv_neg * (1 + fm))) ** (1 / (n - 1)) - 1
        assert finance.mirr(flows, 0.08, 0.12) == pytest.approx((1 + excel) ** 12 - 1, rel=1e-12)

    def test_undefined_without_a_sign_change(self) -> None:
        assert np.isnan(finance.mirr([-1.0, -2.0, -3.0], 0.1))
        assert np.isnan(finance.mirr([1.0, 2.0], 0.1))

    def test_broadcasts_over_trials(self) -> None:
        flows = np.array([[-100.0, 60, 60], [-100.0, 50, 70]])
        got = finance.mirr(flows, 0.1)
        assert got.shape == (2,)
        assert got[0] == pytest.approx(finance.mirr(flows[0], 0.1), rel=1e-15)


class TestMonthlyRate:
    def test_known_value(self) -> None:
        # mpmath, dps=50: (1 + mpf(0.1)) ** (mpf(1)/12) - 1 = 0.0079741404289037414899...
        assert monthly_rate(0.10) == pytest.approx(0.0079741404289037414899, rel=1e-15)

    def test_compounds_back_to_the_annual_rate(self) -> None:
        # hand arithmetic: (1 + rm)^12 = 1 + r
        for r in (0.0, 0.08, 0.10, 0.12, -0.5, 3.0):
            assert (1 + monthly_rate(r)) ** 12 == pytest.approx(1 + r, rel=1e-14)

    def test_zero_rate(self) -> None:
        assert monthly_rate(0.0) == 0.0

    def test_small_rate_keeps_its_digits(self) -> None:
        # mpmath, dps=50: (1 + 1e-12)^(1/12) - 1 = 8.33333333332875e-14 (the naive
        # (1 + r) ** (1/12) - 1 loses about 4 digits here)
        assert monthly_rate(1e-12) == pytest.approx(8.333333333328751e-14, rel=1e-13)

    def test_scalar_gives_python_float(self) -> None:
        assert type(monthly_rate(0.1)) is float
        assert type(monthly_rate(np.float64(0.1))) is float

    def test_broadcast(self) -> None:
        rates = np.array([[0.08, 0.10], [0.12, 0.0]])
        out = monthly_rate(rates)
        assert out.shape == (2, 2)
        np.testing.assert_allclose(out, (1 + rates) ** (1 / 12) - 1, rtol=1e-13)

    @pytest.mark.parametrize("bad", [-1.0, -1.5, math.nan, math.inf])
    def test_bad_rate(self, bad: float) -> None:
        with pytest.raises(InputError, match="annual_rate"):
            monthly_rate(bad)

    def test_bad_rate_in_array_names_value(self) -> None:
        with pytest.raises(InputError, match=r"annual_rate must be > -1.*got -2"):
            monthly_rate([0.1, -2.0])


class TestDiscountFactors:
    def test_known_values(self) -> None:
        # hand arithmetic: month 0 -> 1, month 12 -> 1/1.1, month 24 -> 1/1.21
        df = discount_factors(0.10, 25)
        assert df.shape == (25,)
        assert df[0] == 1.0
        assert df[12] == pytest.approx(1 / 1.1, rel=1e-15)
        assert df[24] == pytest.approx(1 / 1.21, rel=1e-15)

    def test_matches_power_formula(self) -> None:
        m = np.arange(61)
        np.testing.assert_allclose(discount_factors(0.1, 61), 1.1 ** (-m / 12), rtol=1e-14)

    def test_zero_rate_is_all_ones(self) -> None:
        np.testing.assert_array_equal(discount_factors(0.0, 5), np.ones(5))

    def test_rate_array_adds_months_axis(self) -> None:
        out = discount_factors([0.08, 0.10, 0.12], 61)
        assert out.shape == (3, 61)
        np.testing.assert_allclose(out[1], discount_factors(0.10, 61), rtol=0)

    def test_integral_float_months_accepted(self) -> None:
        # Excel sends 60 as 60.0
        np.testing.assert_array_equal(discount_factors(0.1, 60.0), discount_factors(0.1, 60))

    @pytest.mark.parametrize("bad", [0, -3, 2.5, "sixty", None, True])
    def test_bad_months(self, bad: object) -> None:
        with pytest.raises(InputError, match="months must be a whole number >= 1"):
            discount_factors(0.1, bad)  # type: ignore[arg-type]

    def test_bad_rate(self) -> None:
        with pytest.raises(InputError, match=r"annual_rate must be > -1.*got -1"):
            discount_factors(-1.0, 12)


class TestNpv:
    def test_story_closed_form(self) -> None:
        # hand arithmetic: annuity-immediate of 60 months at rm, v = 1/(1+rm), v^60 = 1.1^-5:
        # NPV = -120000 + 5000 * (1 - 1.1**-5) / rm
        rm = 1.1 ** (1 / 12) - 1
        expected = -120_000 + 5_000 * (1 - 1.1**-5) / rm
        assert npv(0.10, STORY) == pytest.approx(expected, rel=1e-12)
        # numpy-financial: npf.npv(rm, STORY) = 117692.50135525836
        assert npv(0.10, STORY) == pytest.approx(npf.npv(monthly_rate(0.10), STORY), rel=1e-12)
        assert npv(0.10, STORY) == pytest.approx(117_692.50135525836, rel=1e-12)

    def test_month_zero_not_discounted(self) -> None:
        # hand arithmetic: a single month-0 amount is its own NPV at any rate
        assert npv(0.10, [-120_000]) == -120_000.0
        assert npv(0.10, -120_000) == -120_000.0

    def test_one_year_discounts_by_the_annual_rate(self) -> None:
        # hand arithmetic: -100 now, +110 in month 12 at 10% a year -> -100 + 110/1.1 = 0
        flows = [-100.0] + [0.0] * 11 + [110.0]
        assert npv(0.10, flows) == pytest.approx(0.0, abs=1e-12)

    def test_zero_rate_is_the_sum(self) -> None:
        # hand arithmetic: -120000 + 60 * 5000 = 180000
        assert npv(0.0, STORY) == 180_000.0

    def test_excel_semantics(self) -> None:
        # Excel semantics: =NPV(rm, B2:B62) discounts month 0 too, = npv * (1+rm)^-1;
        # =B2 + NPV(rm, B3:B62) equals our npv.
        rm = monthly_rate(0.10)
        assert excel_npv(rm, STORY) == pytest.approx(npv(0.10, STORY) / (1 + rm), rel=1e-12)
        assert STORY[0] + excel_npv(rm, STORY[1:]) == pytest.approx(npv(0.10, STORY), rel=1e-12)
        # =B2 + NPV(10%/12, B3:B62), the nominal convention, is a different number (115326.85...)
        nominal = STORY[0] + excel_npv(0.10 / 12, STORY[1:])
        assert nominal == pytest.approx(115_326.84511876029, rel=1e-12)
        assert nominal < npv(0.10, STORY)

    def test_scalar_output_is_python_float(self) -> None:
        assert type(npv(0.1, STORY)) is float
        assert type(npv(0.1, list(STORY))) is float

    def test_2d_equals_row_by_row(self) -> None:
        rng = np.random.default_rng(7)
        flows = rng.normal(1_000, 5_000, size=(200, 61))
        out = npv(0.10, flows)
        assert out.shape == (200,)
        np.testing.assert_allclose(out, [npv(0.10, row) for row in flows], rtol=1e-12, atol=1e-6)

    def test_rate_per_trial(self) -> None:
        rng = np.random.default_rng(11)
        flows = rng.normal(1_000, 5_000, size=(50, 61))
        rates = rng.uniform(0.08, 0.12, size=50)
        out = npv(rates, flows)
        assert out.shape == (50,)
        expected = [npv(r, row) for r, row in zip(rates, flows, strict=True)]
        np.testing.assert_allclose(out, expected, rtol=1e-12, atol=1e-6)

    def test_rate_grid_times_trials(self) -> None:
        flows = np.vstack([STORY, STORY * 0.5])
        out = npv(np.array([[0.08], [0.10], [0.12]]), flows)
        assert out.shape == (3, 2)
        assert out[1, 0] == pytest.approx(npv(0.10, STORY), rel=1e-13)
        assert out[2, 1] == pytest.approx(0.5 * npv(0.12, STORY), rel=1e-13)

    def test_rates_over_one_series(self) -> None:
        out = npv([0.0, 0.10], STORY)
        np.testing.assert_allclose(out, [180_000.0, npv(0.10, STORY)], rtol=1e-13)

    def test_decreasing_in_rate_for_an_investment(self) -> None:
        # outflow first, inflows later -> NPV falls as the rate rises
        values = npv(np.linspace(0, 1, 21), STORY)
        assert np.all(np.diff(values) < 0)

    def test_monte_carlo_shape(self) -> None:
        flows = np.broadcast_to(STORY, (100_000, 61))
        out = npv(0.10, flows)
        assert out.shape == (100_000,)
        assert out[-1] == pytest.approx(npv(0.10, STORY), rel=1e-12)

    @pytest.mark.parametrize("bad", [-1.0, -3.0, math.nan])
    def test_bad_rate(self, bad: float) -> None:
        with pytest.raises(InputError, match="annual_rate must be"):
            npv(bad, STORY)

    def test_empty_cashflows(self) -> None:
        with pytest.raises(InputError, match="monthly_cashflows must hold at least one month"):
            npv(0.1, [])

    def test_nan_cashflow_names_position(self) -> None:
        flows = np.array([[-1.0, 2.0], [3.0, np.nan]])
        with pytest.raises(InputError, match=r"monthly_cashflows .*nan at index \(1, 1\)"):
            npv(0.1, flows)

    def test_non_numeric(self) -> None:
        with pytest.raises(InputError, match="monthly_cashflows must be numbers"):
            npv(0.1, ["a", "b"])

    def test_rate_shape_mismatch(self) -> None:
        with pytest.raises(InputError, match="annual_rate of shape"):
            npv([0.1, 0.2, 0.3], np.ones((4, 61)))

    def test_input_error_is_value_error(self) -> None:
        with pytest.raises(ValueError):
            npv(-2, STORY)


class TestIrr:
    def test_story(self) -> None:
        # numpy-financial: npf.irr(STORY) = 0.03693975852361575 a month;
        # annualised (1.03693975852361575)^12 - 1 = 0.5454050215765...
        monthly = npf.irr(STORY)
        assert irr(STORY) == pytest.approx((1 + monthly) ** 12 - 1, rel=1e-12)
        assert irr(STORY) == pytest.approx(0.5454050215765236, rel=1e-10)

    def test_one_month_hand_case(self) -> None:
        # hand arithmetic: -100 then +110 next month -> 10% a month -> 1.1^12 - 1 = 2.138428376721
        assert irr([-100.0, 110.0]) == pytest.approx(1.1**12 - 1, rel=1e-12)

    def test_one_year_hand_case(self) -> None:
        # hand arithmetic: -100 now, +110 in month 12 -> exactly 10% a year
        assert irr([-100.0] + [0.0] * 11 + [110.0]) == pytest.approx(0.10, rel=1e-12)

    def test_numpy_financial_doc_case(self) -> None:
        # numpy-financial docs: npf.irr([-100, 39, 59, 55, 20]) = 0.28095 per period
        flows = [-100.0, 39.0, 59.0, 55.0, 20.0]
        assert (1 + irr(flows)) ** (1 / 12) - 1 == pytest.approx(0.28095, abs=5e-6)

    def test_excel_semantics(self) -> None:
        # Excel semantics: =IRR(B2:B62) is the monthly root i of sum v_k (1+i)^-k (the one-period
        # shift does not move the root); ours is (1+i)^12 - 1. Check that i zeroes Excel's NPV.
        i = (1 + irr(STORY)) ** (1 / 12) - 1
        assert excel_npv(i, STORY) == pytest.approx(0.0, abs=1e-6)

    def test_zero_npv_at_irr(self) -> None:
        assert npv(irr(STORY), STORY) == pytest.approx(0.0, abs=1e-6)

    @pytest.mark.parametrize(
        "flows",
        [[-120_000.0, -5_000.0, -5_000.0], [120_000.0, 5_000.0], [0.0, 0.0, 0.0], [-5.0], [0.0, 0.0, 5.0]],
    )
    def test_no_irr_is_nan(self, flows: list[float]) -> None:
        assert math.isnan(irr(flows))

    def test_scalar_output_is_python_float(self) -> None:
        assert type(irr(STORY)) is float

    def test_2d_equals_row_by_row(self) -> None:
        rng = np.random.default_rng(3)
        flows = np.hstack([-rng.uniform(50_000, 150_000, (20, 1)), rng.uniform(1_000, 6_000, (20, 60))])
        flows[5] = -np.abs(flows[5])  # one row without an IRR
        out = irr(flows)
        assert out.shape == (20,)
        expected = np.array([irr(row) for row in flows])
        np.testing.assert_allclose(out, expected, rtol=1e-13)
        assert np.isnan(out[5])

    def test_3d_keeps_leading_axes(self) -> None:
        flows = np.broadcast_to(STORY, (2, 3, 61))
        out = irr(flows)
        assert out.shape == (2, 3)
        np.testing.assert_allclose(out, irr(STORY), rtol=1e-12)

    @given(one_sign_change_series())
    @settings(max_examples=200, deadline=None)
    def test_npv_at_irr_is_zero(self, flows: np.ndarray) -> None:
        # identity (docs/design.md §6): one sign change -> exactly one IRR, and npv(irr(x), x) = 0.
        rate = irr(flows)
        assert not math.isnan(rate)
        # the annual rate near -100% (tiny inflows) cannot be represented to the digits npv needs
        assume(1 + rate > 1e-6)
        scale = float(np.sum(np.abs(flows) * discount_factors(rate, len(flows))))
        assert abs(npv(rate, flows)) <= 1e-9 * scale

    def test_empty(self) -> None:
        with pytest.raises(InputError, match="monthly_cashflows must hold at least one month"):
            irr([])

    def test_nan(self) -> None:
        with pytest.raises(InputError, match=r"monthly_cashflows .*nan at index 1"):
            irr([-100.0, math.nan, 50.0])


class TestPaybackMonths:
    def test_story_exact(self) -> None:
        # hand arithmetic: cum[23] = -120000 + 23*5000 = -5000, cf[24] = 5000 -> 23 + 1 = 24
        assert payback_months(STORY) == 24.0

    def test_interpolation_within_month(self) -> None:
        # hand arithmetic: cum = [-1000, -500, 500]; crossing in month 2 -> 1 + 500/1000 = 1.5
        assert payback_months([-1_000.0, 500.0, 1_000.0]) == 1.5
        # cum = [-1000, -700, -100, 300]; crossing in month 3 -> 2 + 100/400 = 2.25
        assert payback_months([-1_000.0, 300.0, 600.0, 400.0]) == 2.25

    def test_reaches_exactly_zero(self) -> None:
        # hand arithmetic: cum = [-100, -50, 0] -> j = 2 -> 1 + 50/50 = 2
        assert payback_months([-100.0, 50.0, 50.0]) == 2.0

    def test_zero_when_month_zero_is_non_negative(self) -> None:
        # contract: 0 if month 0 is already >= 0, even if later months dip
        assert payback_months([0.0, -50.0, 100.0]) == 0.0
        assert payback_months([100.0, -500.0, 10.0]) == 0.0
        assert payback_months(5.0) == 0.0

    def test_nan_when_never(self) -> None:
        assert math.isnan(payback_months([-1_000.0, 100.0, 100.0]))
        assert math.isnan(payback_months([-1.0]))
        # the undiscounted series pays back in month 24 of 25; discounting pushes it past the end
        assert math.isnan(payback_months(STORY[:26], annual_rate=0.10))

    def test_first_crossing_counts(self) -> None:
        # hand arithmetic: cum = [-100, 100, -400]; first crossing in month 1 -> 0 + 100/200 = 0.5
        assert payback_months([-100.0, 200.0, -500.0]) == 0.5

    def test_discounted_hand_case(self) -> None:
        # hand arithmetic at 10%: d1 = 600 * 1.1^(-1/12), d2 = 600 * 1.1^(-2/12);
        # cum1 = -1000 + d1 < 0, cum2 = cum1 + d2 >= 0 -> payback = 1 + (1000 - d1) / d2
        d1 = 600 * 1.1 ** (-1 / 12)
        d2 = 600 * 1.1 ** (-2 / 12)
        expected = 1 + (1_000 - d1) / d2
        discounted = payback_months([-1_000.0, 600.0, 600.0], annual_rate=0.10)
        assert discounted == pytest.approx(expected, rel=1e-13)
        # undiscounted: 1 + 400/600
        assert payback_months([-1_000.0, 600.0, 600.0]) == pytest.approx(1 + 400 / 600, rel=1e-15)

    def test_discounted_story(self) -> None:
        # hand arithmetic via the contract formula on the discounted series (numpy loop, not ours):
        d = STORY * 1.1 ** (-np.arange(61) / 12)
        cum = np.cumsum(d)
        j = int(np.argmax(cum >= 0))
        assert j == 27
        expected = (j - 1) + (-cum[j - 1]) / d[j]
        assert payback_months(STORY, annual_rate=0.10) == pytest.approx(expected, rel=1e-12)
        assert payback_months(STORY, annual_rate=0.10) == pytest.approx(26.746111575333625, rel=1e-12)

    def test_zero_rate_equals_undiscounted(self) -> None:
        assert payback_months(STORY, annual_rate=0.0) == payback_months(STORY)

    def test_discounted_not_shorter(self) -> None:
        rng = np.random.default_rng(5)
        flows = np.hstack([-rng.uniform(50_000, 150_000, (100, 1)), rng.uniform(1_000, 9_000, (100, 60))])
        simple = payback_months(flows)
        discounted = payback_months(flows, annual_rate=0.10)
        ok = ~np.isnan(discounted)
        assert np.all(discounted[ok] >= simple[ok])

    def test_rate_is_keyword_only(self) -> None:
        with pytest.raises(TypeError):
            payback_months(STORY, 0.10)  # type: ignore[misc]

    def test_scalar_output_is_python_float(self) -> None:
        assert type(payback_months(STORY)) is float
        assert type(payback_months(STORY, annual_rate=0.1)) is float
        assert type(payback_months([-1.0, 0.5])) is float  # nan is a float too

    def test_2d_equals_row_by_row(self) -> None:
        rng = np.random.default_rng(9)
        flows = np.hstack([-rng.uniform(50_000, 150_000, (300, 1)), rng.normal(3_000, 3_000, (300, 60))])
        flows[:10, 0] = 1.0  # some rows pay back at once
        for rate in (None, 0.10):
            out = payback_months(flows, annual_rate=rate)
            assert out.shape == (300,)
            expected = [payback_months(row, annual_rate=rate) for row in flows]
            np.testing.assert_allclose(out, expected, rtol=1e-13)
        assert np.all(payback_months(flows[:10]) == 0.0)

    def test_rate_per_trial(self) -> None:
        flows = np.vstack([STORY, STORY])
        out = payback_months(flows, annual_rate=[0.0, 0.10])
        np.testing.assert_allclose(out, [24.0, payback_months(STORY, annual_rate=0.10)], rtol=1e-13)

    def test_monte_carlo_shape(self) -> None:
        flows = np.broadcast_to(STORY, (100_000, 61))
        out = payback_months(flows, annual_rate=0.10)
        assert out.shape == (100_000,)
        assert out[0] == pytest.approx(26.746111575333625, rel=1e-12)

    def test_empty(self) -> None:
        with pytest.raises(InputError, match="monthly_cashflows must hold at least one month"):
            payback_months([])

    def test_nan(self) -> None:
        with pytest.raises(InputError, match="monthly_cashflows"):
            payback_months([-1.0, math.nan])

    def test_bad_rate(self) -> None:
        with pytest.raises(InputError, match=r"annual_rate must be > -1.*got -1\.5"):
            payback_months(STORY, annual_rate=-1.5)


class TestRoi:
    def test_story(self) -> None:
        # hand arithmetic: (300000 - 120000) / 120000 = 1.5
        assert roi([5_000.0] * 60, [120_000.0]) == 1.5

    def test_break_even_is_zero_and_loss_is_negative(self) -> None:
        # hand arithmetic: (100 - 100)/100 = 0; (50 - 100)/100 = -0.5
        assert roi([50.0, 50.0], [100.0]) == 0.0
        assert roi([50.0], [60.0, 40.0]) == -0.5

    def test_scalar_output_is_python_float(self) -> None:
        assert type(roi([1.0, 2.0], [1.0])) is float

    def test_2d_equals_row_by_row(self) -> None:
        rng = np.random.default_rng(1)
        benefits = rng.uniform(0, 10_000, (40, 60))
        costs = rng.uniform(1, 5_000, (40, 61))
        out = roi(benefits, costs)
        assert out.shape == (40,)
        expected = [roi(b, c) for b, c in zip(benefits, costs, strict=True)]
        np.testing.assert_allclose(out, expected, rtol=1e-14)

    def test_leading_axes_broadcast(self) -> None:
        out = roi(np.array([[100.0], [200.0]]), [100.0])
        np.testing.assert_array_equal(out, [0.0, 1.0])

    def test_negative_costs_rejected(self) -> None:
        # costs given in the cash-out-negative convention would silently flip the sign
        with pytest.raises(InputError, match=r"monthly_costs must sum to > 0.*-120000"):
            roi([5_000.0] * 60, [-120_000.0])

    def test_zero_costs_rejected(self) -> None:
        with pytest.raises(InputError, match="monthly_costs must sum to > 0"):
            roi([1.0], [0.0, 0.0])

    def test_empty_and_nan(self) -> None:
        with pytest.raises(InputError, match="monthly_benefits must hold at least one month"):
            roi([], [1.0])
        with pytest.raises(InputError, match="monthly_costs"):
            roi([1.0], [math.nan])

    def test_shape_mismatch(self) -> None:
        with pytest.raises(InputError, match="must broadcast"):
            roi(np.ones((3, 12)), np.ones((4, 12)))


class TestCustomerLifetimeValue:
    def test_known_value(self) -> None:
        # hand arithmetic (docs/design.md §4.6): 100 * 0.8 / (1 + 0.1 - 0.8) = 80 / 0.3 = 266.666...
        assert customer_lifetime_value(100, 0.8, 0.1) == pytest.approx(800 / 3, rel=1e-15)

    def test_equals_the_geometric_series(self) -> None:
        # hand arithmetic: sum_{t>=1} m (r/(1+d))^t, truncated where the terms vanish
        m, r, d = 250.0, 0.65, 0.12
        t = np.arange(1, 400)
        assert customer_lifetime_value(m, r, d) == pytest.approx(np.sum(m * (r / (1 + d)) ** t), rel=1e-13)

    def test_zero_retention_is_zero(self) -> None:
        assert customer_lifetime_value(100, 0.0, 0.1) == 0.0

    def test_zero_discount(self) -> None:
        # hand arithmetic: 100 * 0.5 / 0.5 = 100
        assert customer_lifetime_value(100, 0.5, 0.0) == 100.0

    def test_divergent_series_is_inf(self) -> None:
        # r >= 1 + d (negative discount): the series does not converge -> inf with the margin's sign
        assert customer_lifetime_value(100, 0.9, -0.5) == math.inf
        assert customer_lifetime_value(-100, 0.9, -0.5) == -math.inf
        assert customer_lifetime_value(100, 0.5, -0.5) == math.inf

    def test_scalar_output_is_python_float(self) -> None:
        assert type(customer_lifetime_value(100, 0.8, 0.1)) is float

    def test_broadcast(self) -> None:
        out = customer_lifetime_value([[100.0], [200.0]], [0.5, 0.8], 0.1)
        assert out.shape == (2, 2)
        expected = [[customer_lifetime_value(m, r, 0.1) for r in (0.5, 0.8)] for m in (100.0, 200.0)]
        np.testing.assert_allclose(out, expected, rtol=1e-15)

    @pytest.mark.parametrize("bad", [1.0, 80.0, -0.1, math.nan])
    def test_bad_retention(self, bad: float) -> None:
        with pytest.raises(InputError, match="retention must be"):
            customer_lifetime_value(100, bad, 0.1)

    def test_bad_retention_names_value(self) -> None:
        with pytest.raises(InputError, match=r"retention must be in \[0, 1\).*got 80"):
            customer_lifetime_value(100, 80, 0.1)

    @pytest.mark.parametrize("bad", [-1.0, -2.0, math.inf])
    def test_bad_discount(self, bad: float) -> None:
        with pytest.raises(InputError, match="discount must be"):
            customer_lifetime_value(100, 0.8, bad)

    def test_bad_margin(self) -> None:
        with pytest.raises(InputError, match="margin must be a finite number"):
            customer_lifetime_value(math.nan, 0.8, 0.1)

    def test_shape_mismatch(self) -> None:
        with pytest.raises(InputError, match="must broadcast"):
            customer_lifetime_value([1.0, 2.0], [0.1, 0.2, 0.3], 0.1)


class TestAnnualise:
    def test_story(self) -> None:
        # hand arithmetic: year 1 = -120000 + 11*5000 = -65000; years 2-5 = 60000; month 60 alone = 5000
        np.testing.assert_array_equal(
            annualise(STORY), [-65_000.0, 60_000.0, 60_000.0, 60_000.0, 60_000.0, 5_000.0]
        )

    def test_whole_years(self) -> None:
        np.testing.assert_array_equal(annualise(np.arange(24.0)), [66.0, 210.0])  # 0+..+11, 12+..+23
        np.testing.assert_array_equal(annualise([1.0] * 12), [12.0])

    def test_partial_last_year_not_scaled(self) -> None:
        np.testing.assert_array_equal(annualise([1.0] * 13), [12.0, 1.0])
        np.testing.assert_array_equal(annualise([7.0]), [7.0])

    def test_start_month(self) -> None:
        # series starts in month 3: year 1 holds months 3..11 (9 values), year 2 the other 3
        np.testing.assert_array_equal(annualise([5_000.0] * 12, start_month=3), [45_000.0, 15_000.0])
        # a series starting in month 12 leaves year 1 empty
        np.testing.assert_array_equal(annualise([1.0] * 12, start_month=12), [0.0, 12.0])

    def test_total_is_preserved(self) -> None:
        rng = np.random.default_rng(2)
        x = rng.normal(size=61)
        assert annualise(x, start_month=5).sum() == pytest.approx(x.sum(), rel=1e-12)

    def test_2d(self) -> None:
        flows = np.vstack([STORY, 2 * STORY])
        out = annualise(flows)
        assert out.shape == (2, 6)
        np.testing.assert_array_equal(out[1], 2 * annualise(STORY))

    def test_returns_array_for_1d(self) -> None:
        assert isinstance(annualise([1.0, 2.0]), np.ndarray)

    @pytest.mark.parametrize("bad", [-1, 1.5, "3"])
    def test_bad_start_month(self, bad: object) -> None:
        with pytest.raises(InputError, match="start_month must be a whole number >= 0"):
            annualise([1.0], start_month=bad)  # type: ignore[arg-type]

    def test_empty_and_nan(self) -> None:
        with pytest.raises(InputError, match="monthly must hold at least one month"):
            annualise([])
        with pytest.raises(InputError, match="monthly"):
            annualise([1.0, math.inf])
