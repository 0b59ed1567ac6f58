"""Engine results the report needs beyond ``evaluate``: risk pages and interval staffing.

Pure calls into the engine (:mod:`roi_models.business_case`, :mod:`roi_models.risk`); no business
formulas here. The report formats and charts what these return.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from roi_models import business_case as bc
from roi_models import risk as rk
from roi_models.parameters import registry
from roi_models.pricing import effective_model, rate_path
from roi_models.scenario import Scenario
from roi_models.system import fork_pool

__all__ = ["BREAK_EVEN_INPUTS", "RiskPages", "alternative", "analyse_risk", "interval_staffing"]

# label key -> dotted path (the vendor rate follows the scenario's pricing model)
BREAK_EVEN_INPUTS: tuple[str, ...] = ("param.vendor_rate", "param.agent_wage", "param.volume")
_REGISTRY = registry()


def alternative(case: bc.BusinessCase) -> str:
    """The switching option the report's headline figures and risk pages are about.

    The recommended option when it is not in-house; otherwise the better alternative by
    incremental NPV (the engine's figure).
    """
    rec = case.recommendation.option
    if rec in ("outsourced", "hybrid"):
        return rec
    return str(case.incremental.loc["npv", ["outsourced", "hybrid"]].idxmax())


def break_even_paths(scenario: Scenario) -> dict[str, str]:
    """Label key -> dotted path of the break-even inputs for this scenario."""
    return {
        "param.vendor_rate": rate_path(effective_model(str(scenario["outsourced.pricing_model"]),
                                                       str(scenario["outsourced.delivery_model"]))),
        "param.agent_wage": "inhouse.agent_hourly_wage",
        "param.volume": "demand.volume_vs_forecast",
    }


@dataclass(frozen=True)
class BreakEvenCurve:
    """One input's break-even: the engine's tie point and the curve around it."""

    label_key: str
    path: str
    current: float
    result: rk.BreakEven
    grid: np.ndarray
    incremental_npv: np.ndarray


@dataclass(frozen=True)
class RiskPages:
    """What the risk pages show: tornado, break-evens, Monte Carlo (all from :mod:`risk`)."""

    option: str
    tornado: pd.DataFrame
    break_evens: list[BreakEvenCurve]
    monte_carlo: rk.MonteCarloResult
    trials: int
    seed: int
    seconds: dict[str, float] = field(default_factory=dict)
    charts: dict[str, str] = field(default_factory=dict)  # drawn ahead: chart key -> SVG
    chart_lang: str | None = None  # the language of ``charts``


def _search_range(scenario: Scenario, path: str) -> tuple[float, float]:
    """A search range for a break-even: wider than the plausible range (a tie often lies
    outside it), within the input's hard limits."""
    p = _REGISTRY[path]
    value = float(scenario[path])
    lo, hi = scenario.range_of(path)
    lo, hi = min(lo, 0.5 * value), max(hi, 2.0 * value)
    lo = max(lo, p.minimum + (1e-6 if p.exclusive_minimum else 0.0))
    hi = min(hi, p.maximum)
    return float(lo), float(hi)


def _break_evens(scenario: Scenario, option: str, points: int) -> list[BreakEvenCurve]:
    paths = break_even_paths(scenario)
    grids = {path: np.linspace(*_search_range(scenario, path), points) for path in paths.values()}
    # every curve in one batch (each variant moves one input): the variants that move only money
    # share the base scenario's staffing, the volume variants are staffed together
    changes = {}
    for j, path in enumerate(grids):
        values = np.full(points * len(grids), float(scenario[path]))
        values[j * points:(j + 1) * points] = grids[path]
        changes[path] = values
    column = bc.evaluate_batch(scenario, changes)[f"{option}_incremental_npv"].to_numpy()
    curves = []
    for j, (key, path) in enumerate(paths.items()):
        lo, hi = _search_range(scenario, path)
        grid = grids[path]
        curve = column[j * points:(j + 1) * points]
        # the curve brackets the tie; break_even refines it inside the bracket (fewer staffing runs)
        cross = np.flatnonzero(np.sign(curve[:-1]) * np.sign(curve[1:]) <= 0)
        if cross.size:
            i = int(cross[0])
            res = rk.break_even(scenario, path, "npv", ("inhouse", option), low=float(grid[i]),
                                high=float(grid[i + 1]), points=2)
            res = dataclasses.replace(res, low=lo, high=hi)
        else:
            res = rk.break_even(scenario, path, "npv", ("inhouse", option), low=lo, high=hi,
                                points=2)
        curves.append(BreakEvenCurve(key, path, float(scenario[path]), res, grid, curve))
    return curves


def _break_evens_and_mc(scenario: Scenario, option: str, points: int, trials: int, seed: int,
                        chart_lang: str | None = None
                        ) -> tuple[list[BreakEvenCurve], rk.MonteCarloResult, float, float,
                                   dict[str, str]]:
    t0 = time.perf_counter()
    curves = _break_evens(scenario, option, points)
    t1 = time.perf_counter()
    mc = rk.monte_carlo(scenario, trials=trials, seed=seed)
    t2 = time.perf_counter()
    charts: dict[str, str] = {}
    if chart_lang is not None:  # draw this part's charts here, in parallel with the tornado
        from roi_models.report.charts import risk_charts

        partial = RiskPages(option, pd.DataFrame(), curves, mc, trials, seed)
        charts = risk_charts(partial, chart_lang, str(scenario["finance.currency"]))
    return curves, mc, t1 - t0, t2 - t1, charts


def analyse_risk(scenario: Scenario, option: str = "outsourced", *, trials: int = 2000,
                 seed: int = 7, points: int = 9, parallel: bool = True,
                 meanwhile: Callable[[pd.DataFrame], object] | None = None,
                 chart_lang: str | None = None) -> RiskPages:
    """Tornado (every ranged input), break-even of the key inputs and a Monte Carlo.

    Parameters
    ----------
    scenario : Scenario
    option : {"outsourced", "hybrid"}
        The switching option compared with in-house.
    trials, seed :
        Monte Carlo size and seed (the report's default: 2,000 trials, seed 7).
    points :
        Grid points of each break-even curve.
    parallel :
        On a machine with two or more cores (and ``fork``), the break-evens and the Monte Carlo
        run in a forked worker while this process runs the tornado; the results are the same.
    meanwhile : callable(tornado table), optional
        Work for this process after the tornado while the worker finishes (the report draws the
        tornado and its other charts here).
    chart_lang : {"en", "ru"}, optional
        Also draw the break-even and Monte Carlo charts in this language (in the worker).
    """
    key = (scenario, option, trials, seed, points)
    if key in _CACHE:
        if meanwhile is not None:
            meanwhile(_CACHE[key].tornado)
        return _CACHE[key]
    seconds: dict[str, float] = {}
    if chart_lang is not None:  # import the plotting stack once, before the worker forks
        import roi_models.report.charts

        roi_models.report.charts.warm_up()
    pool = fork_pool() if parallel else None
    future = None
    if pool is not None:
        try:
            future = pool.submit(_break_evens_and_mc, scenario, option, points, trials, seed,
                                 chart_lang)
        except Exception:  # pragma: no cover - a pool that cannot start: run serially
            pool.shutdown(cancel_futures=True)
            pool = None
    t0 = time.perf_counter()
    tor = rk.tornado(scenario, metric="incremental_npv", option=option)
    seconds["tornado"] = time.perf_counter() - t0
    if meanwhile is not None:
        meanwhile(tor)
    result = None
    if future is not None:
        try:
            result = future.result()
        except Exception:  # pragma: no cover - e.g. a worker killed for memory: run serially
            result = None
        finally:
            if pool is not None:
                pool.shutdown()
    if result is None:
        result = _break_evens_and_mc(scenario, option, points, trials, seed, chart_lang)
    curves, mc, seconds["break_even"], seconds["monte_carlo"], charts = result
    pages = RiskPages(option, tor, curves, mc, trials, seed, seconds, charts, chart_lang)
    _CACHE[key] = pages
    if len(_CACHE) > 8:
        _CACHE.pop(next(iter(_CACHE)))
    return pages


_CACHE: dict[tuple[Any, ...], RiskPages] = {}  # same scenario, same pages: computed once


def interval_staffing(scenario: Scenario, month: int = 0) -> pd.DataFrame:
    """Agents the in-house option staffs in each 30-minute interval of a typical week of ``month``.

    A view of :func:`roi_models.business_case.interval_staffing` (the engine's own chain).

    Returns
    -------
    pandas.DataFrame
        One row per interval type with arrivals: ``day`` ("weekday"/"weekend"), ``time``
        ("09:30"), ``voice_calls`` and ``chat_offered`` (offered per interval occurrence),
        and ``<channel>_agents`` for every channel the engine staffs (voice, chat, e-mail,
        outbound, ...: agents on the floor).
    """
    t = bc.interval_staffing(scenario, month)
    days, times = zip(*(label.split(" ") for label in t.index), strict=True)
    return pd.DataFrame({
        "day": ["weekday" if d.startswith("Mon") else "weekend" for d in days],
        "time": list(times),
        "voice_calls": t["voice_calls"].to_numpy(dtype=float),
        "chat_offered": t["chat_offered"].to_numpy(dtype=float),
        **{c: t[c].to_numpy(dtype=float) for c in t.columns if c.endswith("_agents")},
    })
