"""Risk and decision analysis: tornado, break-even, two-way tables, hybrid split, Monte Carlo.

Every function works on a :class:`~roi_models.scenario.Scenario` and takes its ranges from the
parameter registry (:meth:`Scenario.range_of`), so the tornado, the Monte Carlo and the dashboard all
use the same low/high of each input.

Metrics (``metric=``) are read from :func:`~roi_models.business_case.evaluate_batch`:

- ``"incremental_npv"``: NPV of switching from in-house to ``option`` (default ``"outsourced"``);
- ``"npv"``: NPV of ``option``'s net cash flow (revenue effect minus cost);
- ``"total_cost"``: ``option``'s undiscounted cost over the horizon.

Sign convention as in :mod:`roi_models.finance`: cash out negative, so a positive incremental NPV
means switching is worth it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

import numpy as np
import pandas as pd
from numpy.typing import NDArray
from scipy import special

from roi_models.business_case import evaluate_batch
from roi_models.channels import LIVE, channel
from roi_models.demand import WEEKS_PER_MONTH
from roi_models.errors import InputError
from roi_models.parameters import registry
from roi_models.pipeline import (
    OPTIONS,
    SUMS,
    Inputs,
    Part,
    batch_columns,
    concurrency_of,
    defer,
    interval_sums,
    make_parts,
    money,
    patience_of,
    profile_of,
    staff_blocks,
    staff_part,
)
from roi_models.scenario import Scenario
from roi_models.system import fork_pool, run_in_two

__all__ = [
    "METRICS",
    "BreakEven",
    "MonteCarloResult",
    "SplitResult",
    "break_even",
    "fast_batch",
    "monte_carlo",
    "optimise_split",
    "ranged_parameters",
    "tornado",
    "two_way",
]

Array = NDArray[np.float64]
METRICS: tuple[str, ...] = ("incremental_npv", "npv", "total_cost")
_REGISTRY = registry()


# ------------------------------------------------------------------------------------- helpers
def _check_metric(metric: str, option: str) -> str:
    if metric not in METRICS:
        raise InputError(f"metric must be one of {', '.join(METRICS)}, got {metric!r}")
    if option not in OPTIONS:
        raise InputError(f"option must be one of {', '.join(OPTIONS)}, got {option!r}")
    if metric == "incremental_npv" and option == "inhouse":
        raise InputError("option must be 'outsourced' or 'hybrid' for metric 'incremental_npv' "
                         "(in-house is the base), got 'inhouse'")
    return f"{option}_{metric}"


def _check_numeric(scenario: Scenario, path: str) -> None:
    param = _REGISTRY.get(path)
    if param is None:
        scenario[path]  # raises InputError with the nearest name
    elif not param.numeric:
        raise InputError(f"{path}: must be a numeric input (it is a {param.kind}); choices are "
                         f"compared with evaluate() on each value")


def ranged_parameters(scenario: Scenario, *, uncertain_only: bool = False) -> list[str]:
    """Numeric inputs that have a plausible range (those the tornado and Monte Carlo vary).

    Examples
    --------
    >>> "inhouse.agent_hourly_wage" in ranged_parameters(Scenario.default())
    True
    """
    out = []
    for path, p in _REGISTRY.items():
        if p.numeric and p.low is not None and p.high is not None:
            if uncertain_only and not p.uncertain:
                continue
            lo, hi = scenario.range_of(path)
            if hi > lo:
                out.append(path)
    return out


def _metric_values(scenario: Scenario, changes: Mapping[str, Any], column: str) -> Array:
    return cast("Array", evaluate_batch(scenario, changes)[column].to_numpy())


# ------------------------------------------------------------------------------------- tornado
def tornado(scenario: Scenario, parameters: Sequence[str] | None = None,
            metric: str = "incremental_npv", option: str = "outsourced") -> pd.DataFrame:
    """Swing each input between its low and high, others at their values; sort by impact.

    Parameters
    ----------
    scenario : Scenario
    parameters : sequence of dotted paths, optional
        Defaults to every numeric registry input with a range (:func:`ranged_parameters`).
    metric : {"incremental_npv", "npv", "total_cost"}
    option : {"outsourced", "hybrid", "inhouse"}

    Returns
    -------
    pandas.DataFrame
        Index: parameter path; columns ``unit``, ``value``, ``low``, ``high``, ``metric_low``,
        ``metric_high``, ``base``, ``swing`` (|metric_high - metric_low|), largest swing first.

    Notes
    -----
    All 2 x P variants run in one :func:`evaluate_batch` call; variants that change only money
    inputs share one staffing run.

    Examples
    --------
    >>> t = tornado(Scenario.default(), ["inhouse.agent_hourly_wage", "finance.discount_rate"])
    >>> t.index[0]
    'inhouse.agent_hourly_wage'
    """
    column = _check_metric(metric, option)
    paths = list(parameters) if parameters is not None else ranged_parameters(scenario)
    if not paths:
        raise InputError("parameters must name at least one numeric input, got none")
    for path in paths:
        _check_numeric(scenario, path)
    n = 2 * len(paths) + 1
    changes: dict[str, Array] = {}
    lows, highs = [], []
    for i, path in enumerate(paths):
        lo, hi = scenario.range_of(path)
        lows.append(lo)
        highs.append(hi)
        arr = np.full(n, float(scenario[path]))
        arr[2 * i], arr[2 * i + 1] = lo, hi
        changes[path] = arr
    values = _metric_values(scenario, changes, column)
    base = values[-1]
    out = pd.DataFrame({
        "unit": [_REGISTRY[p].unit for p in paths],
        "value": [float(scenario[p]) for p in paths],
        "low": lows, "high": highs,
        "metric_low": values[0:-1:2], "metric_high": values[1:-1:2],
    }, index=pd.Index(paths, name="parameter"))
    out["base"] = base
    out["swing"] = (out["metric_high"] - out["metric_low"]).abs()
    out.attrs.update(metric=metric, option=option)
    return out.sort_values("swing", ascending=False, kind="stable")


# ------------------------------------------------------------------------------------- break-even
@dataclass(frozen=True)
class BreakEven:
    """Where two options tie on a metric as one input moves.

    Attributes
    ----------
    parameter : str
    value : float
        The input's value at the tie (NaN when none in the searched range).
    found : bool
    low, high : float
        The searched range (the plausible range unless given).
    metric : str
    options : tuple of str
    message : str
        The answer in words, including when no tie exists.
    difference_at_low, difference_at_high : float
        metric(options[0]) - metric(options[1]) at the ends of the range.
    """

    parameter: str
    value: float
    found: bool
    low: float
    high: float
    metric: str
    options: tuple[str, str]
    message: str
    difference_at_low: float
    difference_at_high: float


def break_even(scenario: Scenario, parameter: str, metric: str = "npv",
               options: tuple[str, str] = ("inhouse", "outsourced"), *,
               low: float | None = None, high: float | None = None,
               points: int = 9) -> BreakEven:
    """Find the value of ``parameter`` at which ``options`` tie on ``metric``.

    A grid of ``points`` values across [low, high] (one vectorised batch) brackets the sign changes
    of ``metric(a) - metric(b)``; Brent's method then refines the first bracket to 1e-9 of the
    bracket's scale (``max(1, |high end|)``). ``metric`` is ``"npv"`` (net cash flow, revenue
    included) or ``"total_cost"``.

    Examples
    --------
    The vendor rate at which outsourcing stops paying (the plausible range is 34-46 USD/h, so the
    search is widened):

    >>> be = break_even(Scenario.default(), "outsourced.rate_per_productive_hour", high=90.0)
    >>> be.found and 42 < be.value < 47
    True
    """
    _check_numeric(scenario, parameter)
    if metric not in ("npv", "total_cost"):
        raise InputError(f"metric must be 'npv' or 'total_cost' for a break-even, got {metric!r}")
    a, b = options
    for o in options:
        _check_metric(metric, o)
    if a == b:
        raise InputError(f"options must name two different options, got {options!r}")
    r_lo, r_hi = scenario.range_of(parameter) if (low is None or high is None) else (low, high)
    lo = float(r_lo if low is None else low)
    hi = float(r_hi if high is None else high)
    if not lo < hi:
        raise InputError(f"low must be < high for {parameter}, got low={lo:g}, high={hi:g}")
    if points < 2:
        raise InputError(f"points must be >= 2, got {points}")

    def diff(values: Array) -> Array:
        df = evaluate_batch(scenario, {parameter: values})
        return cast("Array", df[f"{a}_{metric}"].to_numpy() - df[f"{b}_{metric}"].to_numpy())

    grid = np.linspace(lo, hi, points)
    d = diff(grid)
    sign = np.sign(d)
    hits = np.flatnonzero(sign == 0)
    unit = _REGISTRY[parameter].unit
    if hits.size:
        v = float(grid[hits[0]])
        found = True
    else:
        cross = np.flatnonzero(sign[:-1] * sign[1:] < 0)
        if cross.size == 0:
            better = a if d[0] > 0 else b
            if metric == "total_cost":
                better = b if d[0] > 0 else a
            msg = (f"No tie between {a} and {b} on {metric} for {parameter} in "
                   f"[{lo:g}, {hi:g}] {unit}: {better} is better across the whole range.")
            return BreakEven(parameter, float("nan"), False, lo, hi, metric, (a, b), msg,
                             float(d[0]), float(d[-1]))
        i = int(cross[0])
        from scipy.optimize import brentq  # imported here: the risk pages' only root search

        # to 1e-9 of the bracket's scale: where staffing steps make the difference jump across
        # zero (the volume tie) Brent bisects, one exact evaluation per halving
        v = float(brentq(lambda t: float(diff(np.array([t]))[0]), grid[i], grid[i + 1],
                                  xtol=1e-9 * max(1.0, abs(grid[i + 1])), rtol=1e-14,
                                  maxiter=200))
        found = True
    msg = (f"{a} and {b} tie on {metric} at {parameter} = {v:.6g} {unit} "
           f"(searched {lo:g}-{hi:g}; the current value is {float(scenario[parameter]):g}).")
    return BreakEven(parameter, v, found, lo, hi, metric, (a, b), msg, float(d[0]), float(d[-1]))


# ------------------------------------------------------------------------------------- two-way
def two_way(scenario: Scenario, param_x: str, values_x: Sequence[float], param_y: str,
            values_y: Sequence[float], metric: str = "incremental_npv",
            option: str = "outsourced") -> pd.DataFrame:
    """Tabulate ``metric`` over two inputs, as Excel's two-variable data tables.

    Returns
    -------
    pandas.DataFrame
        Rows: ``values_y`` (index named ``param_y``); columns: ``values_x`` (named ``param_x``).

    Examples
    --------
    >>> t = two_way(Scenario.default(), "inhouse.agent_hourly_wage", [18, 22],
    ...             "outsourced.rate_per_productive_hour", [36, 44])
    >>> t.shape
    (2, 2)
    """
    column = _check_metric(metric, option)
    for p in (param_x, param_y):
        _check_numeric(scenario, p)
    if param_x == param_y:
        raise InputError(f"param_x and param_y must differ, got {param_x!r} twice")
    xs = np.asarray(values_x, dtype=float).reshape(-1)
    ys = np.asarray(values_y, dtype=float).reshape(-1)
    if xs.size == 0 or ys.size == 0:
        raise InputError("values_x and values_y must each hold at least one value")
    gx, gy = np.meshgrid(xs, ys)
    values = _metric_values(scenario, {param_x: gx.ravel(), param_y: gy.ravel()}, column)
    out = pd.DataFrame(values.reshape(gy.shape), index=pd.Index(ys, name=param_y),
                       columns=pd.Index(xs, name=param_x))
    out.attrs.update(metric=metric, option=option)
    return out


# ------------------------------------------------------------------------------------- split
@dataclass(frozen=True)
class SplitResult:
    """The best hybrid split and the curve it came from.

    Attributes
    ----------
    parameter : str
        ``hybrid.outsourced_share``, ``hybrid.overflow_threshold`` or ``hybrid.outsourced_channels``.
    best : float or str
    metric : str
    best_metric : float
    curve : pandas.DataFrame
        One row per candidate: the value and the hybrid's metric.
    """

    parameter: str
    best: float | str
    metric: str
    best_metric: float
    curve: pd.DataFrame


def optimise_split(scenario: Scenario, metric: str = "npv",
                   values: Sequence[float] | None = None) -> SplitResult:
    """Find the hybrid split with the highest NPV (``metric="npv"``) or lowest cost (``"total_cost"``).

    The mode is the scenario's ``hybrid.mode``: a share of volume (0 to 1 in 21 steps by default),
    an overflow threshold (0.5 to 2.0 times the average interval), or which channels go out.

    Examples
    --------
    >>> r = optimise_split(Scenario.default().with_changes({"hybrid.mode": "share"}),
    ...                    values=[0.0, 0.5, 1.0])
    >>> list(r.curve.index)
    [0.0, 0.5, 1.0]
    """
    if metric not in ("npv", "total_cost"):
        raise InputError(f"metric must be 'npv' or 'total_cost', got {metric!r}")
    mode = scenario["hybrid.mode"]
    column = f"hybrid_{metric}"
    if mode == "channel":
        choices = _REGISTRY["hybrid.outsourced_channels"].choices
        vals = [float(evaluate_batch(scenario.with_changes({"hybrid.outsourced_channels": c}),
                             {})[column].iloc[0]) for c in choices]
        curve = pd.DataFrame({metric: vals}, index=pd.Index(choices,
                                                             name="hybrid.outsourced_channels"))
        parameter = "hybrid.outsourced_channels"
    else:
        parameter = "hybrid.outsourced_share" if mode == "share" else "hybrid.overflow_threshold"
        if values is None:
            grid = np.linspace(0.0, 1.0, 21) if mode == "share" else np.linspace(0.5, 2.0, 16)
        else:
            grid = np.asarray(values, dtype=float).reshape(-1)
        if grid.size == 0:
            raise InputError("values must hold at least one candidate")
        vals = list(_metric_values(scenario, {parameter: grid}, column))
        curve = pd.DataFrame({metric: vals}, index=pd.Index(grid, name=parameter))
    best_idx = curve[metric].idxmax() if metric == "npv" else curve[metric].idxmin()
    return SplitResult(parameter, best_idx if isinstance(best_idx, str) else float(best_idx),
                       metric, float(curve.loc[best_idx, metric]), curve)


# ------------------------------------------------------------------------------------- Monte Carlo
@dataclass(frozen=True)
class MonteCarloResult:
    """Distribution of each option's NPV and of switching.

    Attributes
    ----------
    npv : pandas.DataFrame
        One row per trial, one column per option: NPV of net cash flow.
    incremental_npv : pandas.DataFrame
        Columns ``outsourced`` and ``hybrid``: NPV of switching from in-house, per trial.
    samples : pandas.DataFrame
        The sampled inputs, one column per dotted path.
    drivers : pandas.DataFrame
        Inputs ranked by their share of the variance of the outsourced incremental NPV
        (squared Spearman rank correlation, normalised, over the first 20,000 trials), with the
        signed correlation.
    seed : int
    """

    npv: pd.DataFrame
    incremental_npv: pd.DataFrame
    samples: pd.DataFrame
    drivers: pd.DataFrame
    seed: int

    @property
    def p_outsourcing_better(self) -> float:
        """Share of trials where outsourcing's incremental NPV is above 0."""
        return float((self.incremental_npv["outsourced"] > 0).mean())

    @property
    def p_hybrid_better(self) -> float:
        """Share of trials where the hybrid's incremental NPV is above 0."""
        return float((self.incremental_npv["hybrid"] > 0).mean())

    @property
    def summary(self) -> pd.DataFrame:
        """Mean, P10, P50, P90 of every NPV and incremental NPV, and P(better than in-house)."""
        rows = {}
        for name, col in [*((f"npv_{o}", self.npv[o]) for o in self.npv),
                          *((f"incremental_npv_{o}", self.incremental_npv[o])
                            for o in self.incremental_npv)]:
            q = np.percentile(col.to_numpy(), [10, 50, 90])
            rows[name] = {"mean": float(col.mean()), "p10": q[0], "p50": q[1], "p90": q[2],
                          "std": float(col.std(ddof=1)) if len(col) > 1 else 0.0}
        out = pd.DataFrame(rows).T
        out["p_better_than_inhouse"] = np.nan
        out.loc["incremental_npv_outsourced", "p_better_than_inhouse"] = self.p_outsourcing_better
        out.loc["incremental_npv_hybrid", "p_better_than_inhouse"] = self.p_hybrid_better
        return out


_DISTRIBUTIONS = ("pert", "triangular", "uniform", "normal", "fixed")


def _spec(scenario: Scenario, path: str, spec: Any | None) -> tuple[str, tuple[float, ...]]:
    """Normalise a distribution spec.

    Specs: ("pert", low, mode, high), ("triangular", ...), ("uniform", low, high),
    ("normal", mean, sd), ("fixed", value).
    """
    value = float(scenario[path])
    if spec is None:
        lo, hi = scenario.range_of(path)
        return ("pert", (lo, value, hi)) if hi > lo else ("fixed", (value,))
    if isinstance(spec, Mapping):
        kind = spec.get("kind", "pert")
        args = tuple(float(spec[k]) for k in ("low", "mode", "high", "mean", "sd", "value")
                     if k in spec)
    else:
        kind, *rest = spec
        args = tuple(float(a) for a in rest)
    if kind not in _DISTRIBUTIONS:
        raise InputError(f"distributions[{path!r}] kind must be one of "
                         f"{', '.join(_DISTRIBUTIONS)}, got {kind!r}")
    need = {"pert": 3, "triangular": 3, "uniform": 2, "normal": 2, "fixed": 1}[kind]
    if len(args) != need:
        raise InputError(f"distributions[{path!r}]: {kind} needs {need} numbers, got {len(args)}")
    if kind in ("pert", "triangular"):
        lo, mode, hi = args
        if lo > hi:
            raise InputError(f"distributions[{path!r}]: low must be <= high, got low={lo:g}, "
                             f"high={hi:g}")
        if not lo <= mode <= hi:
            raise InputError(f"distributions[{path!r}]: mode must be within [low, high], got "
                             f"{mode:g} outside [{lo:g}, {hi:g}]")
    if kind == "uniform" and args[0] > args[1]:
        raise InputError(f"distributions[{path!r}]: low must be <= high, got low={args[0]:g}, "
                         f"high={args[1]:g}")
    if kind == "normal" and args[1] < 0:
        raise InputError(f"distributions[{path!r}]: sd must be >= 0, got {args[1]:g}")
    return kind, args


def _sample(kind: str, args: tuple[float, ...], u: Array) -> Array:
    """Inverse CDF of each distribution at uniforms ``u`` (so a copula can correlate inputs)."""
    if kind == "fixed":
        return np.full_like(u, args[0])
    if kind == "uniform":
        return args[0] + (args[1] - args[0]) * u
    if kind == "normal":
        return cast("Array", args[0] + args[1] * special.ndtri(u))
    lo, mode, hi = args
    if hi == lo:
        return np.full_like(u, lo)
    if kind == "triangular":  # inverse CDF of the triangular distribution (closed form)
        c = (mode - lo) / (hi - lo)
        with np.errstate(invalid="ignore", divide="ignore"):
            left = lo + (hi - lo) * np.sqrt(c * u)
            right = hi - (hi - lo) * np.sqrt((1.0 - c) * (1.0 - u))
        return np.where(u < c, left, right)
    alpha = 1.0 + 4.0 * (mode - lo) / (hi - lo)
    beta = 1.0 + 4.0 * (hi - mode) / (hi - lo)
    return cast("Array", lo + (hi - lo) * special.betaincinv(alpha, beta, u))


def _direct(kind: str, args: tuple[float, ...], rng: np.random.Generator, n: int) -> Array:
    """Draw ``n`` values straight from the distribution (the fast path for independent inputs)."""
    if kind == "fixed":
        return np.full(n, args[0])
    if kind == "uniform":
        return rng.uniform(args[0], args[1], n)
    if kind == "normal":
        return rng.normal(args[0], args[1], n)
    lo, mode, hi = args
    if hi == lo:
        return np.full(n, lo)
    if kind == "triangular":
        return rng.triangular(lo, mode, hi, n)
    alpha = 1.0 + 4.0 * (mode - lo) / (hi - lo)
    beta = 1.0 + 4.0 * (hi - mode) / (hi - lo)
    return lo + (hi - lo) * rng.beta(alpha, beta, n)


#: Trials drawn from one random stream: stream 0 is ``default_rng(seed)``, stream b > 0 is
#: spawned from the seed with key (b,), so any run of whole streams can be drawn on its own (a
#: forked worker draws its own trials) and the draws do not depend on how the work is split.
_DRAW_BLOCK = 2_000


def _shared_block(rows: int, cols: int) -> Array:
    """Return a zeroed float block in shared anonymous memory (a forked worker writes into it)."""
    import mmap

    buf = mmap.mmap(-1, max(8, rows * cols * 8))
    return np.frombuffer(buf, dtype=float, count=rows * cols).reshape(rows, cols)


def _stream(seed: int, block: int) -> np.random.Generator:
    if block == 0:
        return np.random.default_rng(seed)
    return np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(block,)))


def _draw(out: Array, scenario: Scenario, paths: Sequence[str], specs: Mapping[str, Any],
          seed: int, lo: int, hi: int, trials: int, correlated: Sequence[str],
          rho: float) -> None:
    """Sample every input for trials ``lo`` to ``hi`` into ``out`` (inputs x trials ``lo:hi``).

    ``lo`` is a multiple of :data:`_DRAW_BLOCK`, ``hi`` one too or ``trials``. In each stream the
    inputs are drawn in order; a Gaussian copula with correlation ``rho`` links ``correlated``
    (their values come from the inverse CDF at correlated uniforms). Each input is clipped to
    its registry limits (a normal tail must not give a negative wage).
    """
    group = [p for p in paths if p in set(correlated)] if rho and len(correlated) > 1 else []
    row = {p: i for i, p in enumerate(paths)}
    kinds = {p: _spec(scenario, p, specs.get(p)) for p in paths}
    for b in range(lo // _DRAW_BLOCK, -(-hi // _DRAW_BLOCK)):
        start, stop = b * _DRAW_BLOCK, min(trials, (b + 1) * _DRAW_BLOCK)
        rng, m = _stream(seed, b), stop - start
        sub = out[:, start - lo:stop - lo]
        for path in paths:
            if path not in group:
                sub[row[path]] = _direct(*kinds[path], rng, m)
        if group:
            k = len(group)
            cov = np.full((k, k), rho) + (1.0 - rho) * np.eye(k)
            z = rng.multivariate_normal(np.zeros(k), cov, size=m, method="cholesky")
            u = np.clip(special.ndtr(z), 1e-12, 1.0 - 1e-12)
            for j, path in enumerate(group):
                sub[row[path]] = _sample(*kinds[path], u[:, j])
    for path, values in zip(paths, out, strict=True):
        param = _REGISTRY[path]
        low = param.minimum + (1e-9 if param.exclusive_minimum else 0.0)
        np.clip(values, low, param.maximum, out=values)


#: Multipliers of interval traffic at which the staffing surrogate is tabulated (log-spaced).
_GRID = np.exp(np.linspace(np.log(0.3), np.log(3.5), 25))


@dataclass
class _Surrogate:
    """Staffing of one part-channel: exact base values by month plus year-1 response curves."""

    offered: Array        # (1, M) base offered contacts
    traffic: Array        # (1, M) base offered x AHT
    per_contact: Array    # (4, 1, M) exact hours and busy hours per contact-second of traffic,
                          # abandoned and answered-in-time per offered contact
    curve: Array          # (4, 12, G) the same quantities for year-1 months at grid multipliers
    year1_traffic: Array  # (12,) base traffic of year-1 months
    at_base: dict[tuple[tuple[int, ...], int], Array] = field(default_factory=dict)


_QUANTITIES = SUMS
_HOURS = ("staffed_hours", "busy_hours")


def _surrogates(inp: Inputs, parts: dict[str, list[Part]]) -> dict[tuple[str, int, str],
                                                                        _Surrogate]:
    """Tabulate staffing response of every part-channel around the base scenario."""
    out: dict[tuple[str, int, str], _Surrogate] = {}
    profile = profile_of(inp)
    count = profile.count
    # every part-channel's grid of traffic multipliers, staffed in one de-duplicated call
    grids = []
    for option, plist in parts.items():
        for i, part in enumerate(plist):
            for ch in LIVE:
                months = min(12, part.offered[ch].shape[-1])
                calls = part.calls[ch][:, :months, :]  # (1, 12, K)
                big_calls = (calls * _GRID[:, None, None]).reshape(-1, calls.shape[-1])  # (G*12, K)
                a_row = np.repeat(part.aht[ch][:, :months], _GRID.size, axis=0).reshape(-1)
                rest = (float(part.target_sl[ch][0, 0]), float(part.target_time[ch][0, 0]),
                        float(patience_of(inp, ch)[0, 0]),
                        float(inp.x(channel(ch).occupancy)[0, 0]),
                        float(concurrency_of(inp, ch)[0, 0]))
                grids.append((option, i, part, ch, months, big_calls, a_row, rest))
    staffed = staff_blocks([(ch, big, a_row, rest) for _, _, _, ch, _, big, a_row, rest in grids])
    for (option, i, part, ch, months, big_calls, a_row, _), (agents, ab, slv, occv) in zip(
            grids, staffed, strict=True):
        offered = part.offered[ch]
        aht = part.aht[ch]
        safe = np.where(offered > 0, offered, 1.0)
        # hours per unit of traffic (contacts x AHT), abandonment and SL per contact
        per = np.stack([getattr(part, q)[ch] / (safe * (aht if q in _HOURS else 1.0))
                        for q in _QUANTITIES])
        vol = (big_calls * count).sum(-1) * WEEKS_PER_MONTH
        safe_vol = np.where(vol > 0, vol, 1.0)
        sums = interval_sums(big_calls, agents, ab, slv, occv, count)
        # hours per contact-second of traffic, contacts per offered contact
        q = np.stack([sums[k] / a_row if k in _HOURS else sums[k]
                      for k in _QUANTITIES]) / safe_vol  # (4, G*12)
        curve = q.reshape(4, _GRID.size, months).transpose(0, 2, 1)
        if months < 12:
            curve = np.concatenate([curve, np.repeat(curve[:, -1:], 12 - months, 1)], 1)
        y1 = (offered * aht)[0, :months]
        y1 = np.concatenate([y1, np.repeat(y1[-1:], 12 - months)])
        out[(option, i, ch)] = _Surrogate(offered, offered * aht, per, curve, y1)
    return out


_LOG_GRID = np.log(_GRID)
_LOG_STEP = _LOG_GRID[1] - _LOG_GRID[0]


def _interp_curve(curve: Array, month_of_year: NDArray[np.intp], s: Array) -> Array:
    """Interpolate ``curve[q, month, grid]`` piecewise-linearly in log multiplier.

    The grid is log-uniform, so the cell is found by arithmetic; linear extrapolation at the ends.
    """
    pos = (np.log(np.maximum(s, 1e-9)) - _LOG_GRID[0]) / _LOG_STEP
    j = np.clip(pos.astype(np.intp), 0, _GRID.size - 2)
    t = pos - j
    flat = curve.reshape(curve.shape[0], -1)
    rise = np.zeros_like(flat)  # each cell's rise to the next grid point (the table is small)
    rise[:, :-1] = flat[:, 1:] - flat[:, :-1]
    idx = month_of_year * _GRID.size + j
    return cast("Array", np.take(flat, idx, axis=1) + t * np.take(rise, idx, axis=1))


def _apply_surrogate(part: Part, base: Part, sur: dict[tuple[str, int, str], _Surrogate],
                     key: tuple[str, int], inp: Inputs, conc0: Mapping[str, float],
                     quantities: tuple[str, ...] = _QUANTITIES) -> None:
    """Fill a trial part's staffing from the surrogate.

    Exact at the base point, and a year-1 response-curve correction away from it.

    ``quantities`` not asked for (the Monte Carlo needs only staffed hours and abandonment: the
    service level and occupancy drivers do not enter any money line) are set to zero.
    """
    M = part.offered["voice"].shape[-1]
    moy = np.arange(M) % 12
    rows = [_QUANTITIES.index(q) for q in quantities]
    total_h: Array | float = 0.0
    base_h: Array | float = 0.0
    zeros: Array | None = None
    for ch in LIVE:
        s_ = sur[(*key, ch)]
        if not s_.offered.any() and not part.offered[ch].any():  # no contacts, base nor trial
            for q in _QUANTITIES:
                getattr(part, q)[ch] = np.zeros(part.offered[ch].shape)
            continue
        traffic = part.offered[ch] * part.aht[ch]
        safe = np.where(s_.traffic > 0, s_.traffic, 1.0)
        s = traffic / safe                                        # trial vs base, by month
        c = s_.traffic[0] / np.where(s_.year1_traffic[moy] > 0, s_.year1_traffic[moy], 1.0)
        curve = s_.curve[rows]
        memo = (tuple(rows), M)
        at_base = s_.at_base.get(memo)
        if at_base is None:  # the same for every chunk of trials
            at_base = s_.at_base[memo] = (s_.per_contact[rows]
                                          - _interp_curve(curve, moy, c[None, :]))
        per = np.maximum(at_base + _interp_curve(curve, moy, s * c), 0.0)   # (q, n, M)
        scale = conc0[ch] / concurrency_of(inp, ch)
        for q in _QUANTITIES:
            if q not in quantities:  # one read-only zero for all of them
                if zeros is None or zeros.shape != traffic.shape:
                    zeros = np.zeros(traffic.shape)
                    zeros.flags.writeable = False
                getattr(part, q)[ch] = zeros
                continue
            v = part.offered[ch] * per[quantities.index(q)]
            if q in _HOURS:
                v = v * part.aht[ch] * scale
            getattr(part, q)[ch] = v
        total_h = total_h + part.staffed_hours[ch]
        base_h = base_h + base.staffed_hours[ch]
    ratio = np.divide(total_h, base_h, out=np.ones_like(np.asarray(total_h, float)),
                      where=np.asarray(base_h) > 0)
    part.peak_live = base.peak_live * ratio


@dataclass
class _BatchPlan:
    """What every chunk of a fast batch shares: the base staffing and its response curves."""

    scenario: Scenario
    profile: Any
    base_parts: dict[str, list[Part]]
    surrogates: dict[tuple[str, int, str], _Surrogate]
    overflow: dict[str, Array]
    concurrency: dict[str, float]
    chunk: int


#: Variants from which a fast batch splits its rows with a forked worker on a second core
#: (below it, forking and returning the rows cost more than half the batch saves).
_PARALLEL_MIN = 8_000


def _batch_plan(scenario: Scenario, chunk: int) -> _BatchPlan:
    """Staff the scenario once and tabulate its staffing response (:func:`_surrogates`)."""
    if isinstance(chunk, bool) or int(chunk) != chunk or chunk <= 0:
        raise InputError(f"chunk must be a whole number > 0, got {chunk!r}")
    base_inp = Inputs(scenario)
    profile = profile_of(base_inp)
    base_parts = make_parts(base_inp, profile)
    for plist in base_parts.values():
        for part in plist:
            staff_part(part, base_inp, profile)
    sur = _surrogates(base_inp, base_parts)
    frac = {}
    hyb_in = base_parts["hybrid"][0]
    for ch in LIVE:
        tot = base_parts["inhouse"][0].offered[ch]
        frac[ch] = np.divide(hyb_in.offered[ch], tot, out=np.ones_like(tot), where=tot > 0)
    conc0 = {ch: float(concurrency_of(base_inp, ch)[0, 0]) for ch in LIVE}
    return _BatchPlan(scenario, profile, base_parts, sur, frac, conc0, int(chunk))


def _batch_rows(plan: _BatchPlan, arrays: Mapping[str, Array], lo: int, hi: int,
                progress: Callable[[int], None] | None = None) -> dict[str, Array]:
    """Batch columns of variants ``lo`` to ``hi`` (exclusive) of ``arrays``, a chunk at once.

    ``progress(done)`` gets the variants done so far (of ``hi - lo``).
    """
    out: dict[str, Array] = {}
    done = lo
    while done < hi:
        stop = min(hi, done + plan.chunk)
        inp = Inputs(plan.scenario, {p: a[done:stop] for p, a in arrays.items()})
        parts = make_parts(inp, plan.profile, overflow_fraction=plan.overflow)
        for option, plist in parts.items():
            for i, part in enumerate(plist):
                for q in _QUANTITIES:
                    setattr(part, q, {})
                _apply_surrogate(part, plan.base_parts[option][i], plan.surrogates, (option, i),
                                 inp, plan.concurrency, quantities=("staffed_hours", "abandoned"))
                defer(part, inp)
        raw = money(inp, parts, plan.profile, drivers=False)
        del parts
        size = stop - done
        for c, v in batch_columns(raw, inp.x("finance.discount_rate")[:, 0]).items():
            if c not in out:
                out[c] = np.empty(hi - lo)
            out[c][done - lo:stop - lo] = np.broadcast_to(v, (size,))
        done = stop
        if progress is not None:
            progress(done - lo)
    return out


def _in_halves(n: int, half: int, parallel: bool, rows: Callable[..., dict[str, Array]],
               progress: Callable[[int, int], None] | None) -> dict[str, Array]:
    """``rows(lo, hi, report)`` for ``[0, half)`` here and ``[half, n)`` in a forked worker.

    Serially (one core, threads running, fewer than :data:`_PARALLEL_MIN` variants or
    ``parallel=False``) it is one ``rows(0, n, report)``. While the worker runs, progress is
    this process's share scaled to ``n`` (both go at the same pace).
    """
    pool = fork_pool() if parallel and n >= _PARALLEL_MIN and 0 < half < n else None
    if pool is None:
        return rows(0, n, None if progress is None else lambda done: progress(done, n))
    mine, theirs = run_in_two(
        pool,
        lambda: rows(0, half, None if progress is None
                     else lambda done: progress(min(n - 1, done * n // half), n)),
        lambda: rows(half, n, None))
    if progress is not None:
        progress(n, n)
    return {c: np.concatenate([mine[c], theirs[c]]) for c in mine}


def fast_batch(scenario: Scenario, changes: Mapping[str, Any], *, chunk: int = 1_000,
               progress: Callable[[int, int], None] | None = None,
               parallel: bool = True) -> pd.DataFrame:
    """Evaluate many variants fast: exact money, surrogate staffing (the Monte Carlo's engine).

    Like :func:`~roi_models.business_case.evaluate_batch` (same columns: ``{option}_total_cost``,
    ``{option}_revenue_effect``, ``{option}_npv``, ``{option}_incremental_npv``), but staffing is
    computed once for the scenario and read from response curves for every variant, so variants
    that change volumes or AHT cost microseconds instead of a fresh Erlang A run each (NPVs within
    ~0.5% of exact; exact where staffing inputs are unchanged). Numeric inputs only.

    With ``parallel`` (the default), 8,000 variants or more and a second core, a forked worker
    evaluates the second half of the variants while this process evaluates the first
    (:func:`roi_models.system.run_in_two`); the results are bitwise the same as serially.

    Examples
    --------
    >>> df = fast_batch(Scenario.default(), {"demand.voice_annual_contacts": [5e5, 6e5, 7e5]})
    >>> bool(df["inhouse_total_cost"].is_monotonic_increasing)
    True
    """
    plan = _batch_plan(scenario, chunk)
    n = Inputs(scenario, changes).n if changes else 1
    arrays = {p: np.broadcast_to(np.asarray(v, dtype=float).reshape(-1), (n,))
              for p, v in changes.items()}
    return pd.DataFrame(_in_halves(
        n, n // 2, parallel,
        lambda lo, hi, report: _batch_rows(plan, arrays, lo, hi, report), progress))


def monte_carlo(scenario: Scenario, trials: int = 10_000, seed: int = 0,
                distributions: Mapping[str, Any] | None = None, *,
                parameters: Sequence[str] | None = None,
                correlated: Sequence[str] = (), rho: float = 0.0,
                chunk: int = 1_000,
                progress: Callable[[int, int], None] | None = None,
                parallel: bool = True) -> MonteCarloResult:
    """Sample every uncertain input and evaluate all trials vectorised.

    Parameters
    ----------
    scenario : Scenario
    trials : int
        Number of trials (10k-100k typical).
    seed : int
        Same seed, same result (whatever ``chunk`` and ``parallel``): the trials are drawn in
        streams of 2,000 spawned from the seed, the first one ``numpy.random.default_rng(seed)``.
    distributions : mapping of path -> spec, optional
        Overrides per input: ``("pert", low, mode, high)``, ``("triangular", low, mode, high)``,
        ``("uniform", low, high)``, ``("normal", mean, sd)``, ``("fixed", value)``. By default
        every registry input marked uncertain is Beta-PERT on (low, value, high) of its range.
    parameters : sequence of paths, optional
        Inputs to sample (default: every uncertain ranged input plus those in ``distributions``).
    correlated, rho :
        A group of inputs (e.g. wage-like ones) linked by a Gaussian copula with correlation rho.
    chunk : int
        Trials evaluated at once: 1,000 keeps the working set near 0.15 GB a process and was the
        fastest measured (5,000 needed ~0.9 GB and faulted fresh pages in for every chunk).
    progress : callable(done, total), optional
    parallel : bool
        From 8,000 trials on a machine with a second core (and ``fork``, no other threads),
        a forked worker draws and evaluates the second half of the trials.

    Notes
    -----
    Money lines are computed exactly for every trial by the same code as :func:`evaluate`.
    Staffing (Erlang A per interval) is exact at the scenario's own point; away from it, each
    part-channel-month takes the base value plus the change read from a response curve of its
    calendar month tabulated at 25 traffic multipliers (piecewise linear in log traffic; AHT
    changes enter through traffic, chat concurrency divides agent hours). Patience and service
    targets are held at their values for staffing.

    Examples
    --------
    >>> r = monte_carlo(Scenario.default(), trials=200, seed=1)
    >>> 0.0 <= r.p_outsourcing_better <= 1.0
    True
    """
    if isinstance(trials, bool) or int(trials) != trials or trials <= 0:
        raise InputError(f"trials must be a whole number > 0, got {trials!r}")
    trials = int(trials)
    if not -1.0 < rho < 1.0:
        raise InputError(f"rho must be > -1 and < 1, got {rho!r}")
    specs = dict(distributions or {})
    for path in specs:
        _check_numeric(scenario, path)
    paths = list(parameters) if parameters is not None else ranged_parameters(
        scenario, uncertain_only=True)
    for path in paths:
        _check_numeric(scenario, path)
    paths += [p for p in specs if p not in paths]
    for p in correlated:
        _check_numeric(scenario, p)
    if isinstance(seed, bool) or int(seed) != seed or seed < 0:
        raise InputError(f"seed must be a whole number >= 0, got {seed!r}")
    seed = int(seed)
    plan = _batch_plan(scenario, chunk)
    # the draws go into one (inputs, trials) block; a forked worker draws and evaluates whole
    # random streams of the second half, writing its draws into the block's shared pages
    # rank correlations on at most 20,000 trials (sorting 100k x 80 columns would cost more than
    # the simulation; the ranking of drivers is stable long before that)
    k = min(trials, 20_000)
    # Forked, the worker evaluates the first trials and, when they cover those k, ranks the
    # drivers too (about as long as evaluating k / 5 trials): it takes that many fewer trials,
    # in whole streams. Serially the same ranking runs afterwards: the same result either way.
    first = min(trials, (trials - k // 5) // 2 // _DRAW_BLOCK * _DRAW_BLOCK)
    pool = (fork_pool() if parallel and paths and trials >= _PARALLEL_MIN and 0 < first < trials
            else None)
    block = _shared_block(len(paths), trials) if pool is not None else np.empty(
        (len(paths), trials))
    arrays = dict(zip(paths, block, strict=True))
    samples = pd.DataFrame(block.T, columns=paths, copy=False)

    def rows(lo: int, hi: int, report: Callable[[int], None] | None) -> dict[str, Array]:
        _draw(block[:, lo:hi], scenario, paths, specs, seed, lo, hi, trials, list(correlated),
              rho)
        return _batch_rows(plan, arrays, lo, hi, report)

    def ranked(cols: Mapping[str, Array]) -> pd.DataFrame:
        inc_k = cols["outsourced_npv"][:k] - cols["inhouse_npv"][:k]
        return _variance_drivers(samples.iloc[:k], inc_k)

    def worker_half() -> tuple[dict[str, Array], pd.DataFrame | None]:
        cols = rows(0, first, None)
        return cols, ranked(cols) if k <= first else None

    drivers: pd.DataFrame | None = None
    if pool is None:
        out = rows(0, trials if paths else 1,
                   None if progress is None else lambda done: progress(done, trials))
    else:
        rest = trials - first
        (late, _), (early, drivers) = run_in_two(
            pool,
            lambda: (rows(first, trials, None if progress is None else
                          lambda done: progress(min(trials - 1, done * trials // rest),
                                                trials)), None),
            worker_half)
        out = {c: np.concatenate([early[c], late[c]]) for c in early}
        if progress is not None:
            progress(trials, trials)
    frame = pd.DataFrame(out)
    npv = frame[[f"{o}_npv" for o in OPTIONS]].set_axis(list(OPTIONS), axis=1)
    inc = pd.DataFrame({o: npv[o] - npv["inhouse"] for o in ("outsourced", "hybrid")})
    if drivers is None:
        drivers = ranked(out)
    return MonteCarloResult(npv, inc, samples, drivers, seed)


def _rank_average(a: Array) -> Array:
    """Rank 1..n along axis 0, ties sharing their average rank.

    ``scipy.stats.rankdata``'s default method, without importing ``scipy.stats``.
    """
    a = np.asarray(a, dtype=float)
    flat = a.reshape(a.shape[0], -1)
    n = flat.shape[0]
    # any sort order will do: columns without ties get unique positions, tied ones are redone
    order_all = np.argsort(flat, axis=0)
    srt = np.take_along_axis(flat, order_all, axis=0)
    tied = (srt[1:] == srt[:-1]).any(axis=0)
    out = np.empty(flat.shape)
    # columns without ties (continuous samples): the rank is the position in the sorted order
    np.put_along_axis(out, order_all, np.arange(1.0, n + 1.0)[:, None], axis=0)
    for j in np.flatnonzero(tied):
        col = flat[:, j]
        order = np.argsort(col, kind="mergesort")
        s = col[order]
        first = np.empty(n, dtype=bool)
        first[0] = True
        first[1:] = s[1:] != s[:-1]
        starts = np.flatnonzero(first)
        ends = np.append(starts[1:], n)  # tie group k holds sorted positions [start, end)
        avg = 0.5 * (starts + ends - 1) + 1.0
        out[order, j] = np.repeat(avg, ends - starts)
    return out.reshape(a.shape)


def _variance_drivers(samples: pd.DataFrame, target: Array) -> pd.DataFrame:
    """Squared Spearman rank correlations with ``target``, normalised to shares."""
    def ranks(a: Array) -> Array:
        return _rank_average(a)

    if len(target) < 3:
        return pd.DataFrame(columns=["spearman", "variance_share"])
    x = samples.to_numpy()
    keep = np.ptp(x, axis=0) > 0
    rx = ranks(x[:, keep])
    ry = ranks(target)
    rx = rx - rx.mean(0)
    ry = ry - ry.mean()
    denom = np.sqrt((rx ** 2).sum(0) * (ry ** 2).sum())
    rho = np.divide((rx * ry[:, None]).sum(0), denom, out=np.zeros(rx.shape[1]),
                    where=denom > 0)
    share = rho ** 2 / (rho ** 2).sum() if (rho ** 2).sum() > 0 else rho * 0
    out = pd.DataFrame({"spearman": rho, "variance_share": share},
                       index=pd.Index(samples.columns[keep], name="parameter"))
    return out.sort_values("variance_share", ascending=False)
