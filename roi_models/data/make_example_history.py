"""Generate the shipped synthetic switch exports: ``example_history.csv`` and ``example_intervals.csv``.

Run ``python roi_models/data/make_example_history.py`` to rewrite them (seeded: same files every time).

What is known, by construction:

* 36 months, January 2022 to December 2024, one row a day (``example_history.csv``);
* monthly offered volume of each channel ``annual / 12 x SEASONALITY[month] x (1 + GROWTH) ** (t / 12)``
  (``t`` months from January 2022), spread over the month's days with weekend days at
  ``WEEKEND_DAY_SHARE`` of a weekday, then Poisson noise on each day;
* voice and chat rows carry answered and abandoned: each offered contact abandons with probability
  ``ABANDON[channel]`` (binomial), the rest are answered;
* ``example_intervals.csv``: the last 8 weeks of 2024 (4 Nov - 29 Dec) at 30-minute level, the same
  daily volumes spread over ``WEEKDAY_PROFILE`` / ``WEEKEND_PROFILE`` (closed intervals omitted).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

SEED = 20240801
START, MONTHS = "2022-01-01", 36
#: Offered contacts a year at the start of the history, per channel (voice: calls reaching agents).
ANNUAL = {"voice": 520_000.0, "chat": 210_000.0, "email": 125_000.0}
GROWTH = 0.06
SEASONALITY = np.array([1.14, 1.04, 1.00, 0.96, 0.93, 0.90, 0.87, 0.92, 0.98, 1.04, 1.06, 1.16])
SEASONALITY = SEASONALITY / SEASONALITY.mean()
WEEKEND_DAY_SHARE = 0.45
ABANDON = {"voice": 0.08, "chat": 0.05}
#: Weekday arrivals by half hour from 00:00: open 08:00-20:00, morning peak, lunch dip, 2nd peak.
WEEKDAY_PROFILE = np.array([0.0] * 16 + [
    2.0, 3.5, 5.0, 6.0, 6.5, 6.2, 5.4, 4.6, 4.4, 5.0, 5.6, 5.8,
    5.4, 4.8, 4.2, 3.6, 3.0, 2.6, 2.2, 1.8, 1.5, 1.2, 1.0, 0.8,
] + [0.0] * 8)
#: Weekend: open 09:00-17:00, flat-topped.
WEEKEND_PROFILE = np.array([0.0] * 18 + [2.0, 3.0, 3.5, 3.8, 3.8, 3.6, 3.5, 3.4, 3.2, 3.0, 2.6,
                                         2.2, 1.8, 1.4, 1.0, 0.8] + [0.0] * 14)


def expected_daily(start: str = START, months: int = MONTHS, annual: dict[str, float] | None = None,
                   growth: float = GROWTH, seasonality: np.ndarray = SEASONALITY,
                   weekend_day_share: float = WEEKEND_DAY_SHARE) -> pd.DataFrame:
    """Expected offered contacts per day and channel (no noise)."""
    annual = ANNUAL if annual is None else annual
    first = pd.Timestamp(start)
    days = pd.date_range(first, first + pd.DateOffset(months=months) - pd.Timedelta(days=1), freq="D")
    month_no = (days.year - first.year) * 12 + days.month - first.month
    weight = np.where(days.day_of_week >= 5, weekend_day_share, 1.0)
    month_weight = pd.Series(weight).groupby(month_no).transform("sum").to_numpy()
    out = {}
    for ch, a in annual.items():
        monthly = a / 12.0 * seasonality[days.month - 1] * (1.0 + growth) ** (month_no / 12.0)
        out[ch] = monthly * weight / month_weight
    return pd.DataFrame(out, index=days)


def make_daily(seed: int = SEED, **kw: object) -> pd.DataFrame:
    """The daily export: date, voice_offered/answered/abandoned, chat_..., email_offered."""
    rng = np.random.default_rng(seed)
    exp = expected_daily(**kw)  # type: ignore[arg-type]
    out = pd.DataFrame({"date": exp.index.strftime("%Y-%m-%d")})
    for ch in exp.columns:
        offered = rng.poisson(exp[ch].to_numpy())
        out[f"{ch}_offered"] = offered
        if ch in ABANDON:
            abandoned = rng.binomial(offered, ABANDON[ch])
            out[f"{ch}_answered"] = offered - abandoned
            out[f"{ch}_abandoned"] = abandoned
    return out


def make_intervals(daily: pd.DataFrame, first: str = "2024-11-04", days: int = 56,
                   seed: int = SEED + 1) -> pd.DataFrame:
    """30-minute rows for ``days`` days from ``first``: each day's offered spread over the profile."""
    rng = np.random.default_rng(seed)
    d = daily.set_index(pd.to_datetime(daily["date"]))
    rows = []
    for day in pd.date_range(first, periods=days, freq="D"):
        prof = WEEKEND_PROFILE if day.day_of_week >= 5 else WEEKDAY_PROFILE
        open_slots = np.flatnonzero(prof > 0)
        p = prof[open_slots] / prof[open_slots].sum()
        split = {}
        for ch in ("voice", "chat", "email"):
            split[ch] = rng.multinomial(int(d.loc[day, f"{ch}_offered"]), p)
        ab = {ch: rng.binomial(split[ch], ABANDON[ch]) for ch in ABANDON}
        for k, slot in enumerate(open_slots):
            ts = day + pd.Timedelta(minutes=30 * int(slot))
            rows.append({"timestamp": ts.strftime("%Y-%m-%d %H:%M"),
                         "voice_offered": split["voice"][k], "voice_abandoned": ab["voice"][k],
                         "chat_offered": split["chat"][k], "chat_abandoned": ab["chat"][k],
                         "email_offered": split["email"][k]})
    return pd.DataFrame(rows)


def main() -> None:
    here = Path(__file__).parent
    daily = make_daily()
    daily.to_csv(here / "example_history.csv", index=False, lineterminator="\n")
    make_intervals(daily).to_csv(here / "example_intervals.csv", index=False, lineterminator="\n")
    print(f"wrote {here / 'example_history.csv'} ({len(daily)} days) and example_intervals.csv")


if __name__ == "__main__":
    main()
