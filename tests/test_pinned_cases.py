"""Every figure of ``evaluate()`` for the three presets, pinned to 1e-9 while the engine changes.

Provenance: tests/data/pinned_cases.json was written by tests/data/make_pinned_cases.py from the
engine as it stood when the first-round reviews had rebuilt the default case line by line (every
monthly cost line, driver, summary metric and incremental figure of every option).

Modelling changes that move defaults on purpose keep a setting that reproduces the old model; those
settings go into ``LEGACY`` (per preset, dotted path -> value) and the pinned figures must still come
out of the engine under them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from roi_models import Scenario, evaluate

PINNED = json.loads((Path(__file__).parent / "data" / "pinned_cases.json").read_text())

#: settings under which today's engine reproduces the pinned (first-round) model
_LEGACY_DECISION: dict[str, Any] = {  # issue 12 (decision integrity): the first-round model
    "inhouse.overhead_avoidable_share": 1.0,
    "inhouse.headcount_policy": "track_demand",
    "outsourced.schedule_inefficiency": 0.0,
    "outsourced.minimum_shift_hours": 0.0,
    "outsourced.retained_licence_per_agent_monthly": 0.0,
    "outsourced.governance_share": 0.05,
    "outsourced.ramp_months": 0.0,
    "finance.contract_cola_basis": "fixed",
    "tax.vat_rate": 0.0,
    "tax.severance_payroll_load_share": 1.0,
    "inhouse.seat_lease_step": 0.0,  # issue 15: fractional seats (a lease is for whole seats)
}
#: the ru preset before its 2025-26 recalibration (issue 12)
_LEGACY_RU: dict[str, Any] = {
    "inhouse.agent_hourly_wage": 215.0,
    "outsourced.rate_per_productive_hour": 330.0,
    "outsourced.rate_per_logged_in_hour": 290.0,
    "outsourced.rate_per_fte_month": 48_000.0,
    "outsourced.rate_per_minute": 13.0,
    "outsourced.rate_per_contact": 55.0,
    "finance.wage_escalation": 0.08,
    "finance.contract_cola": 0.07,
    "outsourced.retained_licence_per_agent_monthly": 0.0,
}
LEGACY: dict[str, dict[str, Any]] = {"default": dict(_LEGACY_DECISION),
                                     "ru": {**_LEGACY_DECISION, **_LEGACY_RU},
                                     "blended": dict(_LEGACY_DECISION)}


def _close(name: str, got: np.ndarray, want: list[float | None]) -> None:
    exp = np.array([np.nan if v is None else v for v in want], dtype=float)
    assert got.shape == exp.shape, f"{name}: {got.shape} vs {exp.shape}"
    scale = max(1.0, float(np.nanmax(np.abs(exp))) if np.isfinite(exp).any() else 1.0)
    np.testing.assert_allclose(got, exp, rtol=1e-9, atol=1e-9 * scale, equal_nan=True, err_msg=name)


@pytest.fixture(scope="module", params=sorted(PINNED))
def pinned(request: pytest.FixtureRequest) -> tuple[str, Any]:
    preset = request.param
    scenario = Scenario.preset(preset)
    if LEGACY[preset]:
        scenario = scenario.with_changes(LEGACY[preset])
    return preset, evaluate(scenario)


def test_monthly_money_and_drivers(pinned: tuple[str, Any]) -> None:
    preset, case = pinned
    for option in ("inhouse", "outsourced", "hybrid"):
        res = case.options[option]
        for col, want in PINNED[preset][option].items():
            frame = res.monthly if col in res.monthly.columns else res.drivers
            assert col in frame.columns, f"{preset}/{option}: column {col} is gone"
            _close(f"{preset}/{option}/{col}", frame[col].to_numpy(dtype=float), want)


def test_summary_and_incremental(pinned: tuple[str, Any]) -> None:
    preset, case = pinned
    summary = case.summary()
    for metric, want in PINNED[preset]["summary"].items():
        got = summary.loc[metric, ["inhouse", "outsourced", "hybrid"]].to_numpy(dtype=float)
        _close(f"{preset}/summary/{metric}", got, want)
    inc = case.incremental
    for metric, want in PINNED[preset]["incremental"].items():
        got = inc.loc[metric, ["outsourced", "hybrid"]].to_numpy(dtype=float)
        _close(f"{preset}/incremental/{metric}", got, want)
