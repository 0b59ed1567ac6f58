"""Contact demand: monthly volumes by channel, the weekly interval profile, AHT over time.

All functions are pure and broadcast: scenario inputs arrive as arrays of shape ``(n, 1)`` (``n``
scenario variants; ``n = 1`` for one scenario) and monthly results have shape ``(n, months)``.
Interval results add a last axis over the *distinct* 30-minute interval types of a week (a weekday
interval occurs five times a week, a weekend interval twice), with their weekly counts.

Conventions: contacts are offered contacts; time in seconds; shares as decimals.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

import numpy as np
from numpy.typing import ArrayLike, NDArray

from roi_models.errors import InputError

__all__ = [
    "INTERVAL_SECONDS",
    "WEEKS_PER_MONTH",
    "WeekProfile",
    "aht_path",
    "contract_year",
    "escalation",
    "fcr_volume_factor",
    "learning_curve",
    "monthly_contacts",
    "overflow_split",
    "self_service_factor",
    "week_profile",
]

#: Length of a staffing interval, seconds (30 minutes).
INTERVAL_SECONDS = 1800.0
#: Average weeks in a calendar month: 365.25 / 7 / 12.
WEEKS_PER_MONTH = 365.25 / 7.0 / 12.0


@dataclass(frozen=True)
class WeekProfile:
    """Distinct 30-minute interval types of a week with the share of weekly volume each carries.

    Attributes
    ----------
    share : ndarray, shape (n, K)
        Share of the week's contacts arriving in one occurrence of each interval type.
    count : ndarray, shape (K,)
        How many times a week each type occurs (5 for weekday intervals, 2 for weekend ones).
    label : tuple of str
        ``"Mon-Fri 09:30"`` style labels.
    """

    share: NDArray[np.float64]
    count: NDArray[np.float64]
    label: tuple[str, ...]

    @property
    def open_hours_per_week(self) -> float:
        """Hours a week with at least one arrival."""
        return float(self.count.sum()) * INTERVAL_SECONDS / 3600.0


def week_profile(weekday: ArrayLike, weekend: ArrayLike,
                 weekend_day_share: ArrayLike) -> WeekProfile:
    """Return the week's arrival shares by distinct interval type.

    Parameters
    ----------
    weekday, weekend : sequence of 48 float
        Relative arrival weights by 30-minute interval from 00:00.
    weekend_day_share : array_like, shape (n, 1) or scalar
        Volume of a weekend day relative to a weekday.

    Returns
    -------
    WeekProfile
        Only intervals with arrivals are kept; ``(share * count).sum(axis=-1) == 1``.

    Examples
    --------
    >>> wp = week_profile([1.0] * 48, [1.0] * 48, 0.5)
    >>> float((wp.share * wp.count).sum())
    1.0
    >>> round(wp.open_hours_per_week)
    168
    """
    wd = np.asarray(weekday, dtype=float)
    we = np.asarray(weekend, dtype=float)
    if wd.shape != (48,) or we.shape != (48,):
        raise InputError(f"weekday and weekend profiles must have 48 weights, got {wd.size} and "
                         f"{we.size}")
    wds = np.atleast_2d(np.asarray(weekend_day_share, dtype=float))
    wd_day = wd / wd.sum()
    we_day = we / we.sum() if we.sum() > 0 else we
    week_total = 5.0 + 2.0 * wds  # in weekday-days
    keep_wd = wd_day > 0
    keep_we = we_day > 0
    share = np.concatenate([np.broadcast_to(wd_day[keep_wd], (wds.shape[0], keep_wd.sum())),
                            wds * we_day[keep_we]], axis=-1) / week_total
    count = np.concatenate([np.full(keep_wd.sum(), 5.0), np.full(keep_we.sum(), 2.0)])
    hhmm = [f"{i // 2:02d}:{30 * (i % 2):02d}" for i in range(48)]
    label = tuple([f"Mon-Fri {hhmm[i]}" for i in np.flatnonzero(keep_wd)]
                  + [f"Sat-Sun {hhmm[i]}" for i in np.flatnonzero(keep_we)])
    return WeekProfile(share=share, count=count, label=label)


def contract_year(months: int) -> NDArray[np.int64]:
    """Contract year of each month, 0-based (months 0-11 are year 0)."""
    return np.arange(months) // 12


def escalation(annual_rate: ArrayLike, months: int) -> NDArray[np.float64]:
    """Price index by month, stepping up once a contract year: ``(1 + rate) ** year``.

    Examples
    --------
    >>> escalation(0.03, 25)[0, [0, 11, 12, 24]].round(4).tolist()
    [1.0, 1.0, 1.03, 1.0609]
    """
    r = np.atleast_2d(np.asarray(annual_rate, dtype=float))
    years = contract_year(months)
    if r.size == 1:
        return (1.0 + r) ** years
    # one power per contract year, then repeated over its months (cheap for 100k-row batches)
    per_year = (1.0 + r) ** np.arange(int(years[-1]) + 1)
    return per_year[..., years]


def self_service_factor(containment: ArrayLike, repeat_share: ArrayLike) -> NDArray[np.float64]:
    """Share of calls that still reach an agent after IVR / self-service.

    ``(1 - containment) + containment * repeat_share``: contained sessions that fail come back
    as calls (turnella.com logic).

    Examples
    --------
    >>> float(self_service_factor(0.2, 0.25))
    0.85
    """
    c = np.asarray(containment, dtype=float)
    return cast("NDArray[np.float64]", (1.0 - c) + c * np.asarray(repeat_share, dtype=float))


def fcr_volume_factor(fcr: ArrayLike, reference_fcr: ArrayLike,
                      repeats_per_unresolved: ArrayLike) -> NDArray[np.float64]:
    """Volume multiplier when first-contact resolution changes from ``reference_fcr`` to ``fcr``.

    Forecast volumes are observed at the reference (in-house) FCR: contacts = issues x
    (1 + (1 - FCR) x repeats). Another FCR gives ``(1 + (1 - fcr) k) / (1 + (1 - ref) k)``.

    Examples
    --------
    >>> round(float(fcr_volume_factor(0.68, 0.72, 1.0)), 6)  # 1.32 / 1.28
    1.03125
    """
    k = np.asarray(repeats_per_unresolved, dtype=float)
    return cast("NDArray[np.float64]", (1.0 + (1.0 - np.asarray(fcr, dtype=float)) * k) / (
        1.0 + (1.0 - np.asarray(reference_fcr, dtype=float)) * k))


def monthly_contacts(annual_contacts: ArrayLike, seasonality: ArrayLike, start_month: int,
                     annual_growth: ArrayLike, months: int) -> NDArray[np.float64]:
    """Forecast contacts in each month of the horizon.

    ``annual / 12 * season[calendar month] / mean(season) * (1 + growth) ** contract_year``.

    Parameters
    ----------
    annual_contacts : array_like, shape (n, 1)
        Year-1 contacts a year.
    seasonality : sequence of 12 float
        January..December factors (normalised here to average 1).
    start_month : int
        Calendar month (1-12) of month 0.
    annual_growth : array_like, shape (n, 1)
        Growth a year, applied each contract year.
    months : int
        Horizon in months.

    Examples
    --------
    >>> m = monthly_contacts(120_000, [1.0] * 12, 1, 0.10, 24)
    >>> m[0, [0, 12]].tolist()
    [10000.0, 11000.0]
    """
    season = np.asarray(seasonality, dtype=float)
    season = season / season.mean()
    cal = (int(start_month) - 1 + np.arange(months)) % 12
    annual = np.atleast_2d(np.asarray(annual_contacts, dtype=float))
    growth = (1.0 + np.atleast_2d(np.asarray(annual_growth, dtype=float))) ** contract_year(months)
    return cast("NDArray[np.float64]", annual / 12.0 * season[cal] * growth)


def aht_path(aht: ArrayLike, improvement: ArrayLike, improvement_months: ArrayLike,
             months: int) -> NDArray[np.float64]:
    """AHT by month, falling linearly by ``improvement`` over ``improvement_months``.

    Examples
    --------
    >>> aht_path(180.0, 20 / 180, 12, 25)[0, [0, 6, 12, 24]].round(6).tolist()
    [180.0, 170.0, 160.0, 160.0]
    """
    a = np.atleast_2d(np.asarray(aht, dtype=float))
    frac = np.minimum(np.arange(months) / np.atleast_2d(np.asarray(improvement_months, float)),
                      1.0)
    return cast("NDArray[np.float64]", a * (1.0 - np.atleast_2d(np.asarray(improvement, dtype=float)) * frac))


def learning_curve(start_factor: ArrayLike, ramp_months: ArrayLike,
                   months: int) -> NDArray[np.float64]:
    """Return a factor by month moving linearly from ``start_factor`` in month 0 to 1 at ``ramp_months``.

    ``1 + (F - 1) x max(1 - m / R, 0)``; ``R = 0`` gives 1 from month 0 (no learning curve). Used
    for the vendor's AHT (F > 1) and FCR (F < 1) after go-live.

    Examples
    --------
    >>> learning_curve(1.3, 3.0, 5).round(6).tolist()
    [[1.3, 1.2, 1.1, 1.0, 1.0]]
    >>> learning_curve(0.9, 0.0, 2).tolist()
    [[1.0, 1.0]]
    """
    f = np.atleast_2d(np.asarray(start_factor, dtype=float))
    r = np.atleast_2d(np.asarray(ramp_months, dtype=float))
    m = np.arange(months, dtype=float)
    left = np.where(r > 0, np.clip(1.0 - m / np.where(r > 0, r, 1.0), 0.0, 1.0), 0.0)
    return 1.0 + (f - 1.0) * left


def overflow_split(calls: ArrayLike, weights: ArrayLike,
                   threshold: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Split interval calls between an in-house base and a vendor that takes the overflow.

    In-house answers each interval's calls up to ``threshold`` times the average calls of an open
    interval that month; the excess overflows.

    Parameters
    ----------
    calls : array_like, shape (n, months, K)
        Offered calls per interval type.
    weights : array_like, shape (K,)
        Occurrences of each interval type a week (for the open-hours average).
    threshold : array_like, shape (n, 1)
        Multiple of the average interval volume kept in-house.

    Returns
    -------
    inhouse, overflow : ndarray
        Same shape as ``calls``; they add up to ``calls``.

    Examples
    --------
    >>> base, over = overflow_split([[[10.0, 30.0]]], [1.0, 1.0], 1.0)
    >>> base.tolist(), over.tolist()
    ([[[10.0, 20.0]]], [[[0.0, 10.0]]])
    """
    c = np.asarray(calls, dtype=float)
    w = np.asarray(weights, dtype=float)
    mean = (c * w).sum(axis=-1, keepdims=True) / w.sum()
    cap = np.asarray(threshold, dtype=float)[..., None] * mean
    base = np.minimum(c, cap)
    return base, c - base
