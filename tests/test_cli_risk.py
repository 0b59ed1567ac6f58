"""CLI risk commands: sensitivity, breakeven, montecarlo (values equal the engine's)."""

from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from roi_models.cli import app
from roi_models.risk import break_even, monte_carlo, tornado
from roi_models.scenario import Scenario

runner = CliRunner()


def test_sensitivity_writes_the_tornado(tmp_path) -> None:
    out = tmp_path / "tornado.csv"
    result = runner.invoke(app, ["sensitivity", "--top", "3", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Tornado: incremental_npv (outsourced)" in result.output
    got = pd.read_csv(out, index_col=0)
    expected = tornado(Scenario.default())
    assert list(got.index) == list(expected.index)
    assert got["swing"].to_numpy() == pytest.approx(expected["swing"].to_numpy(), rel=1e-12)


def test_breakeven_prints_the_tie() -> None:
    result = runner.invoke(app, ["breakeven", "outsourced.rate_per_productive_hour",
                                 "--high", "90"])
    assert result.exit_code == 0, result.output
    be = break_even(Scenario.default(), "outsourced.rate_per_productive_hour", high=90.0)
    assert f"{be.value:.6g}" in result.output


def test_breakeven_unknown_parameter() -> None:
    result = runner.invoke(app, ["breakeven", "inhouse.wage"])
    assert result.exit_code == 2
    assert "unknown input" in result.output


def test_montecarlo_reproduces(tmp_path) -> None:
    out = tmp_path / "mc.csv"
    result = runner.invoke(app, ["montecarlo", "--trials", "300", "--seed", "5", "-o", str(out)])
    assert result.exit_code == 0, result.output
    r = monte_carlo(Scenario.default(), trials=300, seed=5)
    assert f"P(outsourcing better than in-house) = {r.p_outsourcing_better:.1%}" in result.output
    got = pd.read_csv(out, index_col=0)
    assert got["incremental_npv_outsourced"].to_numpy() == pytest.approx(
        r.incremental_npv["outsourced"].to_numpy(), rel=1e-12)


def test_montecarlo_bad_trials() -> None:
    result = runner.invoke(app, ["montecarlo", "--trials", "0"])
    assert result.exit_code == 2
    assert "Invalid value for '--trials'" in result.output
