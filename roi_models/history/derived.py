"""Scenario inputs derived from a validated history: growth, seasonality, profiles, loss, forecast.

:func:`derive` turns a :class:`~roi_models.history.loading.History` into a
:class:`DerivedDemand`: the year-1 forecast per channel, growth and seasonality from a log-linear
regression, the weekday / weekend half-hour profiles, the weekend-day share and the loss rate;
:meth:`DerivedDemand.to_scenario` applies them to a base scenario with their sources.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from roi_models.channels import CHANNEL_TABLE, channel
from roi_models.errors import InputError
from roi_models.history.forecasting import Forecast, forecast
from roi_models.history.loading import (
    CHANNELS,
    EXAMPLE_HISTORY,
    EXAMPLE_INTERVALS,
    History,
    HistoryError,
    load_history,
)

if TYPE_CHECKING:  # pragma: no cover
    from roi_models.scenario import Scenario

__all__ = [
    "DerivedDemand",
    "arrival_profile",
    "derive",
    "loss_rates",
    "scenario_from_history",
    "seasonality_and_growth",
    "volume_distributions",
]

_EXAMPLES = (EXAMPLE_HISTORY, EXAMPLE_INTERVALS)  # used by the doctests


def seasonality_and_growth(monthly: pd.Series) -> tuple[tuple[float, ...], float, float]:
    """Seasonal factors (Jan..Dec, averaging 1), annual growth and its standard error.

    Fits ``log y = a + b t + s[month]`` by least squares (11 month dummies, January the base), so
    the trend is read net of seasonality and the factors net of trend.

    Parameters
    ----------
    monthly : Series
        Positive monthly volumes on a month-start DatetimeIndex, 24 months or more.

    Returns
    -------
    seasonality : tuple of 12 float
        ``exp(s)`` rescaled so the 12 factors average 1.
    growth : float
        ``exp(12 b) - 1``, a share a year.
    growth_se : float
        Its standard error by the delta method (residuals taken as independent).

    Examples
    --------
    >>> idx = pd.date_range("2021-01-01", periods=36, freq="MS")
    >>> season = np.array([1.2, 1.0, 1.0, 1.0, 0.9, 0.8, 0.8, 0.9, 1.0, 1.1, 1.1, 1.2])
    >>> y = pd.Series(1000 * 1.10 ** (np.arange(36) / 12) * np.tile(season, 3), index=idx)
    >>> s, g, se = seasonality_and_growth(y)
    >>> round(g, 6), round(s[0], 6)
    (0.1, 1.2)
    """
    y = monthly.astype(float)
    if len(y) < 24:
        raise InputError(f"seasonality and growth need at least 24 complete months, got {len(y)}")
    if (y <= 0).any():
        raise InputError("seasonality and growth need volumes > 0 in every month, got "
                         f"{int((y <= 0).sum())} month(s) with 0")
    t = np.arange(len(y), dtype=float)
    month = pd.DatetimeIndex(y.index).month.to_numpy()
    dummies = (month[:, None] == np.arange(2, 13)[None, :]).astype(float)
    X = np.column_stack([np.ones_like(t), t, dummies])
    coef, *_ = np.linalg.lstsq(X, np.log(y.to_numpy()), rcond=None)
    resid = np.log(y.to_numpy()) - X @ coef
    dof = max(len(y) - X.shape[1], 1)
    sigma2 = float(resid @ resid) / dof
    cov = sigma2 * np.linalg.pinv(X.T @ X)
    b, se_b = float(coef[1]), math.sqrt(max(float(cov[1, 1]), 0.0))
    growth = math.expm1(12.0 * b)
    growth_se = 12.0 * math.exp(12.0 * b) * se_b
    factors = np.exp(np.concatenate([[0.0], coef[2:]]))
    factors = factors / factors.mean()
    return tuple(float(f) for f in factors), growth, growth_se


def arrival_profile(history: History, channel: str | None = None
                    ) -> tuple[tuple[float, ...] | None, tuple[float, ...] | None, float | None]:
    """Weekday and weekend half-hour profiles and the weekend-day share.

    Parameters
    ----------
    history : History
        Daily or interval level (profiles need interval level).
    channel : str, optional
        Channel to read (default: voice if present, else all channels together).

    Returns
    -------
    weekday, weekend : tuple of 48 float or None
        Mean offered contacts per half hour from 00:00 on a weekday / weekend day (``None`` for a
        daily file, or for a weekend with no arrivals).
    weekend_day_share : float or None
        Mean weekend-day volume / mean weekday volume (``None`` for a monthly file).
    """
    if history.level == "monthly":
        return None, None, None
    d = history.data
    if channel is None:
        channel = "voice" if "voice" in history.channels else None
    if channel is not None:
        d = d[d["channel"] == channel]
    day = d["timestamp"].dt.normalize()
    daily = d.groupby(day)["offered"].sum()
    weekend_day = daily.index.day_of_week >= 5
    wd_mean = daily[~weekend_day].mean() if (~weekend_day).any() else math.nan
    we_mean = daily[weekend_day].mean() if weekend_day.any() else math.nan
    share = float(we_mean / wd_mean) if wd_mean > 0 and not math.isnan(we_mean) else None
    if history.level != "interval":
        return None, None, share
    slot = (d["timestamp"].dt.hour * 2 + d["timestamp"].dt.minute // 30).to_numpy()
    is_we = (d["timestamp"].dt.day_of_week >= 5).to_numpy()
    offered = d["offered"].to_numpy(dtype=float)
    n_wd, n_we = int((~weekend_day).sum()), int(weekend_day.sum())
    wd = np.bincount(slot[~is_we], weights=offered[~is_we], minlength=48) / max(n_wd, 1)
    we = np.bincount(slot[is_we], weights=offered[is_we], minlength=48) / max(n_we, 1)
    weekday = tuple(float(v) for v in wd) if wd.sum() > 0 else None
    weekend = tuple(float(v) for v in we) if we.sum() > 0 else None
    return weekday, weekend, share


def loss_rates(history: History) -> dict[str, float]:
    """Historical loss rate by channel and ``"all"``: (abandoned + unanswered) / offered.

    Summed over the whole file. Where a channel has neither abandoned nor unanswered but has
    answered, the loss is ``offered - answered``; with none of them the rate is NaN.
    """
    out: dict[str, float] = {}
    lost_all = offered_all = 0.0
    for ch in history.channels:
        d = history.data[history.data["channel"] == ch]
        offered = float(d["offered"].sum())
        if d["abandoned"].notna().any() or d["unanswered"].notna().any():
            lost = float(d["abandoned"].fillna(0).sum() + d["unanswered"].fillna(0).sum())
        elif d["answered"].notna().any():
            lost = offered - float(d["answered"].sum())
        else:
            out[ch] = math.nan
            continue
        out[ch] = lost / offered if offered > 0 else math.nan
        lost_all += lost
        offered_all += offered
    out["all"] = lost_all / offered_all if offered_all > 0 else math.nan
    return out



@dataclass(frozen=True)
class DerivedDemand:
    """Demand inputs derived from a history file (see :func:`derive`).

    Attributes
    ----------
    source : str
        The history file.
    level : str
        Its level (monthly, daily, interval).
    monthly : DataFrame
        Complete months x channels, offered contacts.
    baseline_annual : dict
        Offered contacts in the last 12 complete months, per channel (NaN with fewer months).
    baseline_monthly : dict
        The same divided by 12: the baseline monthly volume.
    annual_contacts : dict
        Year-1 forecast per channel (the 12 months after the history).
    annual_growth, growth_se : float or None
        Growth a year of the total, and its standard error (None with under 24 months).
    seasonality : tuple of 12 float or None
        January..December factors averaging 1 (None with under 24 months).
    start_month : int
        Calendar month (1-12) of the first forecast month.
    weekday_profile, weekend_profile : tuple of 48 float or None
        Half-hour arrival weights (interval data only).
    weekend_day_share : float or None
        Mean weekend day / mean weekday (daily or interval data).
    loss_rate : dict
        (abandoned + unanswered) / offered per channel and ``"all"`` (NaN without the columns).
    forecasts : dict of str -> Forecast
        One per channel.
    notes : list of str
        What was left out or kept from the base scenario, and why.
    profile_source : str
        The file the arrival profile and weekend share come from (``source`` or the interval file).
    detected : dict of str -> str
        How the history file was read (:attr:`History.detected`): encoding, delimiter, date order,
        decimal mark, ...
    """

    source: str
    level: str
    monthly: pd.DataFrame
    baseline_annual: dict[str, float]
    baseline_monthly: dict[str, float]
    annual_contacts: dict[str, float]
    annual_growth: float | None
    growth_se: float | None
    seasonality: tuple[float, ...] | None
    start_month: int
    weekday_profile: tuple[float, ...] | None
    weekend_profile: tuple[float, ...] | None
    weekend_day_share: float | None
    loss_rate: dict[str, float]
    forecasts: dict[str, Forecast]
    notes: list[str] = field(default_factory=list)
    profile_source: str = ""
    detected: dict[str, str] = field(default_factory=dict)

    def read_as(self) -> str:
        """How the history file was read, one sentence (``encoding UTF-8; delimiter ...``)."""
        return "; ".join(f"{k} {v}" for k, v in self.detected.items())

    @property
    def channels(self) -> tuple[str, ...]:
        """Channels with a forecast."""
        return tuple(self.forecasts)

    @property
    def backtest_mape(self) -> dict[str, float]:
        """Back-test MAPE per channel, per cent."""
        return {ch: f.backtest_mape for ch, f in self.forecasts.items()}

    def changes(self, base: Scenario) -> dict[str, Any]:
        """Scenario changes ``{dotted path: value}`` that apply this history to ``base``.

        Channels absent from the history get 0 contacts; voice is divided by the base's
        self-service factor (module docstring); inputs that could not be derived keep the base's
        value.
        """
        from roi_models.demand import self_service_factor

        out: dict[str, Any] = {}
        ss = float(self_service_factor(base["demand.self_service_containment"],
                                       base["demand.self_service_repeat_share"]))
        for c in CHANNEL_TABLE:
            value = self.annual_contacts.get(c.name, 0.0)
            out[c.volume] = round(value / ss if c.self_service else value, 1)
        if self.annual_growth is not None:
            out["demand.annual_growth"] = round(self.annual_growth, 5)
        if self.seasonality is not None:
            out["demand.seasonality"] = tuple(round(v, 4) for v in self.seasonality)
        out["demand.start_month"] = self.start_month
        if self.weekday_profile is not None:
            out["demand.weekday_profile"] = _weights(self.weekday_profile)
        if self.weekend_profile is not None:
            out["demand.weekend_profile"] = _weights(self.weekend_profile)
        if self.weekend_day_share is not None:
            out["demand.weekend_day_share"] = round(self.weekend_day_share, 4)
        return out

    def to_scenario(self, base: Scenario | None = None) -> Scenario:
        """``base`` (default: the default scenario) with this history's demand inputs applied.

        The changed inputs' sources name the history file; the loss rate and back-test error go
        into ``scenario.notes``.
        """
        from roi_models.scenario import Scenario

        base = Scenario.default() if base is None else base
        changes = self.changes(base)
        name = Path(self.source).name
        pname = Path(self.profile_source or self.source).name
        loss = self.loss_rate.get("all", math.nan)
        mape = ", ".join(f"{ch} {m:.1f}%" for ch, m in self.backtest_mape.items())
        note = (f"Demand from history {name} ({self.level}, {len(self.monthly)} complete months): "
                f"loss rate {'n/a' if math.isnan(loss) else f'{loss:.1%}'}"
                f" (abandoned + unanswered / offered); back-test MAPE {mape}.")
        if self.detected:
            note += f" Read as: {self.read_as()}."
        changes["scenario.notes"] = f"{base['scenario.notes']} {note}".strip()
        changes["scenario.name"] = f"{name}: demand from history (base: {base['scenario.name']})"
        values = base.values()
        values.update(changes)
        sources = {p: base.source_of(p) for p in values}
        how = {
            "annual_contacts": f"history {name}: year-1 ETS forecast",
            "demand.annual_growth": f"history {name}: log-linear trend of the monthly total",
            "demand.seasonality": f"history {name}: month effects of the monthly total",
            "demand.start_month": f"history {name}: first month after the history",
            "demand.weekday_profile": f"history {pname}: mean weekday half-hour arrivals",
            "demand.weekend_profile": f"history {pname}: mean weekend half-hour arrivals",
            "demand.weekend_day_share": f"history {pname}: weekend day / weekday volume",
            "scenario.notes": f"history {name}",
            "scenario.name": f"history {name}",
        }
        volumes = {c.volume for c in CHANNEL_TABLE}
        for path in changes:
            sources[path] = how["annual_contacts" if path in volumes else path]
        for c in CHANNEL_TABLE:
            if c.self_service and c.name in self.annual_contacts:
                sources[c.volume] += " / base self-service factor"
        return Scenario(values, preset=base.preset_name, sources=sources, origin=self.source)

    def inputs_table(self, base: Scenario | None = None) -> pd.DataFrame:
        """The derived inputs as a table: path, value, how it was derived."""
        from roi_models.scenario import Scenario

        base = Scenario.default() if base is None else base
        sc = self.to_scenario(base)
        rows = []
        for path, value in self.changes(base).items():
            shown = value
            if isinstance(value, tuple) and len(value) == 48:
                shown = _describe_profile(value)
            elif isinstance(value, tuple):
                shown = "[" + ", ".join(f"{v:.3g}" for v in value) + "]"
            rows.append({"input": path, "value": shown, "from": sc.source_of(path)})
        return pd.DataFrame(rows)


    def channel_table(self) -> pd.DataFrame:
        """One row per channel: baseline, year-1 forecast with its 10th-90th percentiles, ETS
        model, back-test MAPE and coverage, historical loss rate."""
        rows = []
        for ch, f in self.forecasts.items():
            rows.append({
                "channel": ch,
                "last_12_months": self.baseline_annual.get(ch, math.nan),
                "baseline_monthly": self.baseline_monthly.get(ch, math.nan),
                "year1_forecast": f.annual_mean,
                "year1_p10": f.annual_quantiles[1],
                "year1_p90": f.annual_quantiles[3],
                "model": f.model,
                "backtest_months": f.backtest_months,
                "backtest_mape_pct": f.backtest_mape,
                "backtest_coverage": f.backtest_coverage,
                "loss_rate": self.loss_rate.get(ch, math.nan),
            })
        return pd.DataFrame(rows).set_index("channel")

    def forecast_table(self) -> pd.DataFrame:
        """Monthly forecast: ``<channel>``, ``<channel>_lower``, ``<channel>_upper`` columns."""
        cols = {}
        for ch, f in self.forecasts.items():
            cols[ch], cols[f"{ch}_lower"], cols[f"{ch}_upper"] = f.mean, f.lower, f.upper
        out = pd.DataFrame(cols)
        out.index.name = "month"
        return out


def _describe_profile(values: tuple[float, ...]) -> str:
    """``48 half-hour weights: open 08:00-20:00, peak 10:00`` for a profile."""
    a = np.asarray(values, dtype=float)
    open_ = np.flatnonzero(a > 0)
    if open_.size == 0:
        return "48 half-hour weights, all 0"

    def hhmm(i: int) -> str:
        return f"{i // 2:02d}:{30 * (i % 2):02d}"
    return (f"48 half-hour weights: open {hhmm(int(open_[0]))}-{hhmm(int(open_[-1]) + 1)}, peak "
            f"{hhmm(int(np.argmax(a)))}")


def _weights(values: tuple[float, ...]) -> tuple[float, ...]:
    """Profile weights as percent of the day, rounded for a readable scenario file."""
    a = np.asarray(values, dtype=float)
    return tuple(float(v) for v in np.round(a / a.sum() * 100.0, 3))


def derive(history: History | str | Path, months: int = 12, *, intervals: History | str | Path |
           None = None, level: float = 0.8, seed: int = 0) -> DerivedDemand:
    """Derive the demand inputs and forecasts from a history.

    Parameters
    ----------
    history : History or path
        The volume history (24+ complete months for seasonality and growth, 12+ to forecast).
    months : int
        Forecast horizon, 6 to 24 months (the year-1 volume always uses 12).
    intervals : History or path, optional
        A separate interval-level export (e.g. the last few weeks) for the arrival profile, when
        ``history`` is monthly or daily.
    level : float
        Coverage of the prediction intervals.
    seed : int
        Seed of the simulated intervals.

    Returns
    -------
    DerivedDemand

    Examples
    --------
    >>> d = derive(EXAMPLE_HISTORY, 12)
    >>> round(d.annual_growth, 2), round(d.loss_rate["voice"], 3)
    (0.06, 0.08)
    """
    h = history if isinstance(history, History) else load_history(history)
    iv = None if intervals is None else (
        intervals if isinstance(intervals, History) else load_history(intervals))
    monthly, notes = h.monthly()
    total_n = len(monthly)
    if total_n < 12:
        raise HistoryError([f"a forecast needs at least 12 complete months of history, got "
                            f"{total_n}"], h.source)
    forecasts: dict[str, Forecast] = {}
    for ch in monthly.columns:
        s = monthly[ch].dropna()
        forecasts[ch] = forecast(s, months, level=level, seed=seed)
    baseline = {ch: float(monthly[ch].iloc[-12:].sum()) if monthly[ch].notna().sum() >= 12
                else math.nan for ch in monthly.columns}
    annual = {ch: f.annual_mean for ch, f in forecasts.items()}
    growth = growth_se = season = None
    total = monthly.sum(axis=1, min_count=len(monthly.columns)).dropna()
    if len(total) >= 24 and (total > 0).all():
        season, growth, growth_se = seasonality_and_growth(total)
    else:
        notes.append(f"growth and seasonality need 24 complete months with volume; the history "
                     f"has {len(total)}: kept the base scenario's")
    for ch in CHANNELS:
        if ch not in forecasts:
            notes.append(f"{ch}: not in the history; set to 0 contacts a year")
    start = int((monthly.index[-1] + pd.offsets.MonthBegin(1)).month)
    src = iv if iv is not None else h
    weekday, weekend, share = arrival_profile(src)
    if iv is None and h.level != "interval":
        notes.append(f"{h.level} history: the intraday profile needs interval data; kept the "
                     f"base scenario's (give an interval export: --intervals FILE, or intervals=)")
    elif weekend is None and src.level == "interval":
        notes.append("no weekend arrivals: kept the base weekend profile; weekend share is 0")
    if h.level == "monthly" and iv is None:
        notes.append("monthly history: the weekend-day share needs daily data; kept the base's")
    return DerivedDemand(
        source=h.source, level=h.level, monthly=monthly, baseline_annual=baseline,
        baseline_monthly={ch: v / 12.0 for ch, v in baseline.items()}, annual_contacts=annual,
        annual_growth=growth, growth_se=growth_se, seasonality=season, start_month=start,
        weekday_profile=weekday, weekend_profile=weekend, weekend_day_share=share,
        loss_rate=loss_rates(h), forecasts=forecasts, notes=notes, profile_source=src.source,
        detected=dict(h.detected))


def volume_distributions(derived: DerivedDemand, scenario: Scenario | None = None, *,
                         kind: str = "normal") -> dict[str, tuple[Any, ...]]:
    """Monte Carlo distributions of the year-1 volumes from the forecasts' simulated paths.

    Parameters
    ----------
    derived : DerivedDemand
    scenario : Scenario, optional
        The scenario the distributions are for (its self-service factor converts the voice
        forecast to calls before containment, as :meth:`DerivedDemand.changes` does).
    kind : str
        ``"normal"``: ``("normal", mean, sd)`` of the simulated year-1 total; ``"pert"``:
        ``("pert", p1, median, p99)``.

    Returns
    -------
    dict
        ``{"demand.voice_annual_contacts": spec, ...}`` for each channel in the history, ready for
        :func:`roi_models.risk.monte_carlo`'s ``distributions``.

    Examples
    --------
    >>> from roi_models.risk import monte_carlo
    >>> d = derive(EXAMPLE_HISTORY, 12)                          # doctest: +SKIP
    >>> s = d.to_scenario()                                      # doctest: +SKIP
    >>> r = monte_carlo(s, 2000, seed=1, distributions=volume_distributions(d, s))  # doctest: +SKIP
    """
    from roi_models.demand import self_service_factor
    from roi_models.scenario import Scenario

    if kind not in ("normal", "pert"):
        raise InputError(f"kind must be 'normal' or 'pert', got {kind!r}")
    sc = Scenario.default() if scenario is None else scenario
    ss = float(self_service_factor(sc["demand.self_service_containment"],
                                   sc["demand.self_service_repeat_share"]))
    out: dict[str, tuple[Any, ...]] = {}
    for ch, f in derived.forecasts.items():
        c = channel(ch)
        k = 1.0 / ss if c.self_service else 1.0
        if kind == "normal":
            out[c.volume] = ("normal", f.annual_mean * k, f.annual_sd * k)
        else:
            p1, _, p50, _, p99 = f.annual_quantiles
            out[c.volume] = ("pert", p1 * k, p50 * k, p99 * k)
    return out


def scenario_from_history(path: str | Path, base: Scenario | None = None, *, months: int = 12,
                          intervals: str | Path | None = None) -> Scenario:
    """``base`` (default: the default scenario) with the demand inputs derived from a history file.

    Examples
    --------
    >>> s = scenario_from_history(EXAMPLE_HISTORY)
    >>> s["demand.start_month"], round(s["demand.annual_growth"], 2)
    (1, 0.06)
    """
    return derive(path, months, intervals=intervals).to_scenario(base)

