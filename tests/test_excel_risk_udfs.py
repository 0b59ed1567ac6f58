"""CC_BREAKEVEN, CC_TORNADO, CC_MONTECARLO: called as Excel calls them, equal to roi_models.risk."""

from __future__ import annotations

import pytest

from roi_models.excel.udfs import CC_BREAKEVEN, CC_MONTECARLO, CC_TORNADO
from roi_models.risk import break_even, monte_carlo, tornado
from roi_models.scenario import Scenario

INPUTS = [["inhouse.agent_hourly_wage", 21.5], [None, None]]  # a blank row, as a range sends


def test_breakeven_equals_engine() -> None:
    s = Scenario.default().with_changes({"inhouse.agent_hourly_wage": 21.5})
    expected = break_even(s, "outsourced.rate_per_productive_hour", high=90.0).value
    got = CC_BREAKEVEN(INPUTS, "outsourced.rate_per_productive_hour", None, "90")
    assert got == pytest.approx(expected, rel=1e-12)


def test_breakeven_no_tie_is_na_with_the_reason() -> None:
    got = CC_BREAKEVEN(None, "finance.discount_rate")
    assert got.startswith("#N/A CC_BREAKEVEN: ") and "No tie" in got


@pytest.mark.parametrize("path, fragment", [("inhouse.wage", "unknown input"),
                                            (None, "path")])
def test_breakeven_bad_path_is_a_message(path, fragment) -> None:
    got = CC_BREAKEVEN(None, path)
    assert isinstance(got, str) and got.startswith("#") and fragment in got


def test_tornado_spills_with_headers() -> None:
    got = CC_TORNADO(None, 3)
    t = tornado(Scenario.default())
    assert got[0][0] == "parameter" and len(got) == 4
    assert [r[0] for r in got[1:]] == list(t.index[:3])
    assert got[1][-1] == pytest.approx(t["swing"].iloc[0], rel=1e-12)


def test_montecarlo_summary_reproduces() -> None:
    got = CC_MONTECARLO(None, 300, 4)
    r = monte_carlo(Scenario.default(), trials=300, seed=4)
    rows = {row[0]: row[1:] for row in got[1:]}
    assert rows["incremental_npv_outsourced"][got[0].index("mean") - 1] == pytest.approx(
        r.summary.loc["incremental_npv_outsourced", "mean"], rel=1e-12)


def test_montecarlo_bad_trials() -> None:
    got = CC_MONTECARLO(None, 0)
    assert got.startswith("#VALUE! CC_MONTECARLO") and "trials" in got
