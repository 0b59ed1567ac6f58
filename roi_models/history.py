"""Demand from history: a switch / ACD export -> volumes, growth, seasonality, profile, loss, forecast.

A contact center's own history is the first input of a business case: its real volumes and how many
contacts it loses. This module reads an export of past volumes, checks it, derives the demand inputs
of a :class:`~roi_models.scenario.Scenario` and forecasts 6-24 months ahead with prediction
intervals that the Monte Carlo (:func:`roi_models.risk.monte_carlo`) can sample.

Input files (CSV, or Excel ``.xlsx`` / ``.xls``; the first sheet, header on the first row):

* a time column: ``timestamp`` (or ``date``, ``datetime``, ``month``, ``period``, ``interval``,
  ``interval_start``), optionally with a separate ``time`` column; at **monthly** (``2023-01`` or the
  first of each month), **daily** or **interval** level (15, 30 or 60-minute rows);
* volumes either *wide* (``voice_offered``, ``voice_abandoned``, ``chat_offered``, ... or a bare
  ``voice`` column meaning offered) or *long* (a ``channel`` column with ``offered`` and, where
  present, ``answered``, ``abandoned``, ``unanswered``). Channels: voice, chat, email.

Every row is checked and every problem is reported at once in one :class:`HistoryError`, each with
its line number (row number for Excel): bad dates, blank or non-numeric counts, negatives,
answered or lost above offered, duplicates (same time and channel twice) and gaps (a month, or a day
for daily and interval data, with no row; write 0 for a closed day). Interval files may leave out
closed intervals within a day. Nothing is silently dropped: partial months at either end of a daily
or interval file are left out of the monthly series and said so in :attr:`DerivedDemand.notes`.

Derived inputs (:func:`derive`):

* baseline: the last 12 complete months' volume per channel;
* ``demand.*_annual_contacts``: the year-1 forecast (the 12 months after the history), by ETS;
* ``demand.annual_growth`` and ``demand.seasonality``: a log-linear regression of the monthly total
  on a trend and 11 month dummies (needs 24 complete months), growth ``exp(12 b) - 1``, factors
  ``exp(month effect)`` rescaled to average 1;
* ``demand.weekday_profile`` / ``weekend_profile`` (48 half-hour weights) from interval data and
  ``demand.weekend_day_share`` (mean weekend day / mean weekday) from daily or interval data;
* the loss rate ``(abandoned + unanswered) / offered`` (``(offered - answered) / offered`` when only
  answered is given), per channel and overall, summed over the whole file.

Forecasts are statsmodels' ETS (``ETSModel``, multiplicative error; trend none / additive /
damped chosen by AICc; multiplicative seasonality with 24+ months), with simulated prediction
intervals, and a back-test: the model refitted without the last months of history forecasts them,
and the mean absolute percentage error (MAPE) is reported.

Voice offered in a switch export counts calls that reached the agent queues, after IVR
self-service; the scenario's ``demand.voice_annual_contacts`` is *before* containment, so
:func:`scenario_from_history` divides the voice forecast by the base scenario's self-service factor
``(1 - containment) + containment x repeat share``: the business case then offers agents exactly
the forecast.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from roi_models.errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    from roi_models.scenario import Scenario

__all__ = [
    "CHANNELS",
    "DerivedDemand",
    "Forecast",
    "History",
    "HistoryError",
    "arrival_profile",
    "derive",
    "forecast",
    "load_history",
    "loss_rates",
    "save_chart",
    "scenario_from_history",
    "seasonality_and_growth",
    "volume_distributions",
]

#: Channels a history file may hold, as the scenario names them.
CHANNELS: tuple[str, ...] = ("voice", "chat", "email")
MEASURES: tuple[str, ...] = ("offered", "answered", "abandoned", "unanswered")

_TIME_COLUMNS = ("timestamp", "datetime", "date", "month", "period", "interval_start", "interval",
                 "start", "date_time", "time_stamp")
_CHANNEL_ALIASES = {
    "voice": "voice", "call": "voice", "calls": "voice", "phone": "voice", "telephone": "voice",
    "inbound": "voice", "chat": "chat", "webchat": "chat", "web_chat": "chat", "messaging": "chat",
    "email": "email", "e_mail": "email", "mail": "email", "emails": "email",
    "backoffice": "email", "back_office": "email",
}
_MEASURE_ALIASES = {
    "offered": "offered", "received": "offered", "volume": "offered", "contacts": "offered",
    "arrivals": "offered", "incoming": "offered", "calls": "offered",
    "answered": "answered", "handled": "answered",
    "abandoned": "abandoned", "abandons": "abandoned", "abandon": "abandoned",
    "unanswered": "unanswered", "missed": "unanswered", "not_answered": "unanswered",
    "lost": "unanswered",
}


class HistoryError(InputError):
    """A history file with one or more problems; ``problems`` lists each, one line per problem.

    The message starts with the number of problems and lists every one with its line number::

        2 problems in history 'export.csv':
          - line 4: bad date '2023-02-30' in column 'date'
          - line 9: voice offered is negative (-12)
    """

    def __init__(self, problems: list[str], origin: str = "") -> None:
        self.problems = list(problems)
        where = f" in history {origin!r}" if origin else ""
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''}{where}:"
        super().__init__("\n".join([head, *(f"  - {p}" for p in self.problems)]))


# ============================================================================ loading
@dataclass(frozen=True)
class History:
    """A validated history of contact volumes.

    Attributes
    ----------
    data : DataFrame
        One row per time and channel: ``timestamp``, ``channel``, ``offered`` and, where the file
        has them, ``answered``, ``abandoned``, ``unanswered`` (NaN where it has not), and ``line``,
        the row's line number in the file. 15-minute rows are summed to 30 minutes and hourly rows
        split evenly into two half hours (``line`` keeps the first source line).
    level : str
        ``"monthly"``, ``"daily"`` or ``"interval"``.
    source : str
        The file read.
    interval_minutes : int or None
        Interval length of the file (before conversion to 30 minutes).
    """

    data: pd.DataFrame
    level: str
    source: str
    interval_minutes: int | None = None

    @property
    def channels(self) -> tuple[str, ...]:
        """Channels present, in scenario order."""
        present = set(self.data["channel"])
        return tuple(c for c in CHANNELS if c in present)

    @property
    def measures(self) -> tuple[str, ...]:
        """Measures the file carries (``offered`` always)."""
        return tuple(m for m in MEASURES if self.data[m].notna().any())

    def monthly(self, measure: str = "offered") -> tuple[pd.DataFrame, list[str]]:
        """Complete calendar months x channels of ``measure``, and notes on months left out.

        A month of a daily or interval file is complete when every one of its days has a row.
        """
        notes: list[str] = []
        d = self.data
        if self.level == "monthly":
            table = d.pivot_table(index="timestamp", columns="channel", values=measure,
                                  aggfunc="sum", dropna=False)
        else:
            month = d["timestamp"].dt.to_period("M")
            table = d.groupby([month, "channel"])[measure].sum(min_count=1).unstack("channel")
            days = (d.assign(day=d["timestamp"].dt.normalize(), month=month)
                    .drop_duplicates(["day", "channel"])
                    .groupby(["month", "channel"]).size().unstack("channel"))
            full = pd.Series(table.index.days_in_month, index=table.index)
            complete = days.eq(full, axis=0).all(axis=1)
            for p in table.index[~complete.to_numpy()]:
                notes.append(f"{p}: partial month (not every day has rows), left out of the "
                             f"monthly series")
            table = table[complete.to_numpy()]
            table.index = table.index.to_timestamp()
        table = table[[c for c in CHANNELS if c in table.columns]]
        table.index = pd.DatetimeIndex(table.index, name="month")
        table.columns.name = None
        return table.astype(float), notes


def _norm(name: Any) -> str:
    s = str(name).strip().lower()
    for ch in " -./()":
        s = s.replace(ch, "_")
    while "__" in s:
        s = s.replace("__", "_")
    return s.strip("_")


def _read_table(path: Path) -> tuple[pd.DataFrame, str, str]:
    """Read the raw table as text; return (frame, row word, origin)."""
    origin = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm", ".xls"):
            raw = pd.read_excel(path, sheet_name=0, dtype=object)
            raw = raw.map(lambda v: "" if v is None or (isinstance(v, float) and math.isnan(v))
                          else v)
            word = "row"
        elif suffix in (".csv", ".txt", ".tsv"):
            raw = pd.read_csv(path, dtype=str, keep_default_na=False, skip_blank_lines=False,
                              sep=None if suffix != ".csv" else ",", engine="python")
            word = "line"
        else:
            raise HistoryError([f"unknown file type {suffix!r}: use .csv or .xlsx"], origin)
    except OSError as exc:
        raise HistoryError([f"cannot read the file: {exc.strerror or exc}"], origin) from exc
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as exc:
        if isinstance(exc, HistoryError):
            raise
        raise HistoryError([f"cannot parse the file: {exc}"], origin) from exc
    raw.index = np.arange(len(raw)) + 2  # file line / sheet row of each data row (header is 1)
    blank = raw.apply(lambda r: all(str(v).strip() == "" for v in r), axis=1)
    return raw[~blank.to_numpy()] if len(raw) else raw, word, origin


def _parse_numbers(col: pd.Series) -> pd.Series:
    text = col.astype(str).str.strip().str.replace(",", "", regex=False).str.replace(
        " ", "", regex=False)
    return pd.to_numeric(text.where(text != "", None), errors="coerce")


def _column_map(columns: list[str], problems: list[str]) -> tuple[str | None, str | None, str | None,
                                                                    dict[str, tuple[str, str]]]:
    """Find the time, extra time, channel columns and the volume columns."""
    norm = {c: _norm(c) for c in columns}
    time_col = next((c for t in _TIME_COLUMNS for c in columns if norm[c] == t), None)
    clock = next((c for c in columns if norm[c] in ("time", "time_of_day", "interval_time")
                  and c != time_col), None)
    chan_col = next((c for c in columns if norm[c] in ("channel", "media", "media_type", "queue_type")),
                    None)
    volume: dict[str, tuple[str, str]] = {}
    for c in columns:
        n = norm[c]
        if c in (time_col, clock, chan_col) or n.startswith("unnamed"):
            continue
        if chan_col is not None:
            if n in _MEASURE_ALIASES:
                volume[c] = ("", _MEASURE_ALIASES[n])
            else:
                problems.append(f"column {c!r}: unknown measure; use offered, answered, abandoned "
                                f"or unanswered")
            continue
        ch, _, meas = n.partition("_")
        if ch in _CHANNEL_ALIASES and (meas == "" or meas in _MEASURE_ALIASES):
            volume[c] = (_CHANNEL_ALIASES[ch], _MEASURE_ALIASES.get(meas, "offered"))
        elif n in _CHANNEL_ALIASES:
            volume[c] = (_CHANNEL_ALIASES[n], "offered")
        else:
            problems.append(f"column {c!r}: not a channel volume; name it <channel>_<measure> "
                            f"(voice_offered, chat_abandoned, ...) or add a 'channel' column")
    if time_col is None:
        problems.append(f"no time column: name one of {', '.join(_TIME_COLUMNS[:5])}; "
                        f"columns are {', '.join(map(repr, columns))}")
    if not volume and chan_col is None:
        problems.append("no volume columns (voice_offered, chat_offered, email_offered, ...)")
    if chan_col is not None and "offered" not in {m for _, m in volume.values()}:
        problems.append("no 'offered' column (contacts offered per row)")
    seen: dict[tuple[str, str], str] = {}
    for c, key in volume.items():
        if key in seen:
            problems.append(f"columns {seen[key]!r} and {c!r} both give {' '.join(key).strip()}")
        seen[key] = c
    return time_col, clock, chan_col, volume


def _parse_times(raw: pd.DataFrame, time_col: str, clock: str | None, word: str,
                 problems: list[str]) -> pd.Series:
    values = raw[time_col]
    text = values.astype(str).str.strip()
    if clock is not None:
        text = text + " " + raw[clock].astype(str).str.strip()
    if values.map(lambda v: isinstance(v, pd.Timestamp | np.datetime64)).all() and clock is None:
        ts = pd.to_datetime(values, errors="coerce")
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            ts = pd.to_datetime(text, errors="coerce")
            if ts.isna().any() and ts.notna().any():
                # a second try element by element for mixed but valid formats
                retry = pd.to_datetime(text[ts.isna()], errors="coerce", format="mixed")
                ts = ts.where(ts.notna(), retry)
    for line in ts.index[ts.isna()]:
        shown = text.loc[line]
        problems.append(f"{word} {line}: bad date {shown!r} in column {time_col!r}")
    return ts


def load_history(path: str | Path) -> History:
    """Read and validate a history export (CSV or Excel) at monthly, daily or interval level.

    Parameters
    ----------
    path : str or Path
        ``.csv`` (comma-separated) or ``.xlsx``; see the module docstring for the columns.

    Returns
    -------
    History

    Raises
    ------
    HistoryError
        Listing every problem with its line number (bad dates, blank, non-numeric or negative
        counts, answered or lost above offered, duplicates, gaps).

    Examples
    --------
    >>> from roi_models.history import load_history, EXAMPLE_HISTORY
    >>> h = load_history(EXAMPLE_HISTORY)
    >>> h.level, h.channels
    ('daily', ('voice', 'chat', 'email'))
    """
    p = Path(path)
    raw, word, origin = _read_table(p)
    problems: list[str] = []
    if raw.empty:
        raise HistoryError(["the file has no data rows"], origin)
    columns = [str(c) for c in raw.columns]
    raw.columns = columns
    time_col, clock, chan_col, volume = _column_map(columns, problems)
    if problems and (time_col is None or not volume):
        raise HistoryError(problems, origin)
    ts = _parse_times(raw, time_col, clock, word, problems)

    # ---- one long frame: timestamp, channel, measures, line
    frames = []
    if chan_col is not None:
        chan_text = raw[chan_col].astype(str).str.strip()
        chan = chan_text.map(lambda s: _CHANNEL_ALIASES.get(_norm(s)))
        for line in chan.index[chan.isna()]:
            problems.append(f"{word} {line}: unknown channel {chan_text.loc[line]!r}; use voice, "
                            f"chat or email")
        f = pd.DataFrame({"timestamp": ts, "channel": chan, "line": raw.index})
        for c, (_, m) in volume.items():
            f[m] = _check_counts(raw[c], c, word, problems)
        frames.append(f)
    else:
        by_channel: dict[str, dict[str, str]] = {}
        for c, (ch, m) in volume.items():
            by_channel.setdefault(ch, {})[m] = c
        for ch in CHANNELS:
            if ch not in by_channel:
                continue
            cols = by_channel[ch]
            if "offered" not in cols:
                problems.append(f"channel {ch}: has {', '.join(cols.values())} but no offered "
                                f"column ({ch}_offered)")
                continue
            f = pd.DataFrame({"timestamp": ts, "channel": ch, "line": raw.index})
            for m, c in cols.items():
                f[m] = _check_counts(raw[c], c, word, problems)
            frames.append(f)
    if not frames:
        raise HistoryError(problems, origin)
    data = pd.concat(frames, ignore_index=True)
    for m in MEASURES:
        if m not in data:
            data[m] = np.nan
    data = data[["timestamp", "channel", *MEASURES, "line"]]

    # ---- consistency within a row
    lost = data[["abandoned", "unanswered"]].sum(axis=1, min_count=1)
    for row in data.itertuples():
        if row.offered >= 0:
            if row.answered > row.offered:
                problems.append(f"{word} {row.line}: {row.channel} answered ({row.answered:g}) is "
                                f"more than offered ({row.offered:g})")
            lost_r = lost.iloc[row.Index]
            if lost_r > row.offered:
                problems.append(f"{word} {row.line}: {row.channel} abandoned + unanswered "
                                f"({lost_r:g}) is more than offered ({row.offered:g})")

    ok = data["timestamp"].notna() & data["channel"].notna()
    good = data[ok]
    level, minutes = _detect_level(good["timestamp"])
    if level == "monthly":
        data.loc[ok, "timestamp"] = good["timestamp"].dt.to_period("M").dt.to_timestamp()
    _check_duplicates(data[ok], word, problems)
    _check_gaps(data[ok], level, word, problems)
    if level == "interval" and minutes not in (15, 30, 60):
        problems.append(f"interval rows are {minutes} minutes apart; use 15, 30 or 60-minute "
                        f"intervals")
    if level == "interval" and minutes in (15, 30, 60):
        off_grid = good[(good["timestamp"].dt.minute % minutes != 0)
                        | (good["timestamp"].dt.second != 0)]
        for row in off_grid.itertuples():
            problems.append(f"{word} {row.line}: {row.timestamp} is not on a {minutes}-minute "
                            f"interval boundary")
    problems = _sort_problems(problems)
    if problems:
        raise HistoryError(problems, origin)
    data = data.sort_values(["channel", "timestamp"], kind="stable").reset_index(drop=True)
    if level == "interval":
        data = _to_half_hours(data, minutes)
    return History(data=data, level=level, source=origin,
                   interval_minutes=minutes if level == "interval" else None)


def _check_counts(col: pd.Series, name: str, word: str, problems: list[str]) -> pd.Series:
    values = _parse_numbers(col)
    text = col.astype(str).str.strip()
    for line in values.index[values.isna()]:
        if text.loc[line] == "":
            problems.append(f"{word} {line}: {name} is blank (write 0 if there were none)")
        else:
            problems.append(f"{word} {line}: {name} is not a number ({text.loc[line]!r})")
    for line in values.index[values < 0]:
        problems.append(f"{word} {line}: {name} is negative ({values.loc[line]:g})")
    return values.to_numpy()


def _detect_level(ts: pd.Series) -> tuple[str, int | None]:
    if ts.empty:
        return "daily", None
    has_time = (ts != ts.dt.normalize()).any()
    if has_time:
        u = np.sort(ts.unique())
        diffs = np.diff(u).astype("timedelta64[s]").astype(np.int64)
        same_day = diffs[diffs < 86_400]
        minutes = int(same_day.min() // 60) if same_day.size else 30
        return "interval", minutes
    u = np.sort(ts.unique())
    if (pd.DatetimeIndex(u).day == 1).all() and (
            len(u) < 2 or np.median(np.diff(u).astype("timedelta64[D]").astype(int)) >= 28):
        return "monthly", None
    return "daily", None


def _check_duplicates(data: pd.DataFrame, word: str, problems: list[str]) -> None:
    dup = data.duplicated(["timestamp", "channel"], keep=False)
    if not dup.any():
        return
    for _, grp in data[dup].groupby(["timestamp", "channel"], sort=False):
        lines = grp["line"].tolist()
        first = lines[0]
        when = grp["timestamp"].iloc[0]
        for line in lines[1:]:
            problems.append(f"{word} {line}: duplicate of {word} {first} ({_fmt_time(when)}, "
                            f"{grp['channel'].iloc[0]})")


def _fmt_time(t: pd.Timestamp) -> str:
    return str(t.date()) if t == t.normalize() else str(t)


def _check_gaps(data: pd.DataFrame, level: str, word: str, problems: list[str]) -> None:
    for ch, grp in data.groupby("channel", sort=False):
        if level == "monthly":
            keys = grp["timestamp"].dt.to_period("M")
            full = pd.period_range(keys.min(), keys.max(), freq="M")
            unit = "month"
        else:
            keys = grp["timestamp"].dt.to_period("D")
            full = pd.period_range(keys.min(), keys.max(), freq="D")
            unit = "day"
        present = set(keys)
        missing = [p for p in full if p not in present]
        if not missing:
            continue
        # one problem per run of missing periods, with the lines either side
        line_of = grp.assign(k=keys).groupby("k")["line"]
        first_line, last_line = line_of.min(), line_of.max()
        runs: list[list[pd.Period]] = []
        for p in missing:
            if runs and p.ordinal - runs[-1][-1].ordinal == 1:
                runs[-1].append(p)
            else:
                runs.append([p])
        for run in runs:
            before, after = run[0] - 1, run[-1] + 1
            span = str(run[0]) if len(run) == 1 else f"{run[0]} to {run[-1]}"
            n = f"{len(run)} {unit}s" if len(run) > 1 else f"1 {unit}"
            problems.append(f"gap: {ch} has no rows for {span} ({n}; between {word} "
                            f"{last_line.get(before, '?')} and {word} "
                            f"{first_line.get(after, '?')}; write 0 for a closed {unit})")


def _sort_problems(problems: list[str]) -> list[str]:
    """Row problems in line order, then file-level ones; duplicates removed."""
    def key(p: str) -> tuple[int, int]:
        head = p.split(":", 1)[0].split()
        if len(head) == 2 and head[0] in ("line", "row") and head[1].isdigit():
            return (0, int(head[1]))
        return (1, 0)
    return sorted(dict.fromkeys(problems), key=key)


def _to_half_hours(data: pd.DataFrame, minutes: int | None) -> pd.DataFrame:
    if minutes == 30:
        return data
    if minutes == 15:
        d = data.assign(timestamp=data["timestamp"].dt.floor("30min"))
        agg: dict[str, Any] = {m: (lambda s: s.sum(min_count=1)) for m in MEASURES}
        agg["line"] = "min"
        return d.groupby(["channel", "timestamp"], as_index=False).agg(agg)[data.columns]
    # hourly: split each hour evenly into its two half hours
    second = data.assign(timestamp=data["timestamp"] + pd.Timedelta(minutes=30))
    halves = pd.concat([data, second], ignore_index=True)
    for m in MEASURES:
        halves[m] = halves[m] / 2.0
    return halves.sort_values(["channel", "timestamp"], kind="stable").reset_index(drop=True)


# ============================================================================ derived inputs
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


# ============================================================================ forecast
@dataclass(frozen=True)
class Forecast:
    """An ETS forecast of one monthly series, with prediction intervals and a back-test.

    Attributes
    ----------
    history : Series
        The monthly series fitted.
    mean, lower, upper : Series
        Forecast mean and the ``level`` prediction interval, by month.
    level : float
        Coverage of the interval (0.8 = 10th to 90th percentile).
    model : str
        ETS form, e.g. ``"ETS(M,A,M)"`` (error, trend, seasonality; ``Ad`` is damped).
    annual_mean, annual_sd : float
        Mean and standard deviation of the year-1 total (the 12 months after the history), from
        simulated paths.
    annual_quantiles : tuple of float
        Year-1 total at the 1st, 10th, 50th, 90th and 99th percentiles.
    backtest_months : int
        Months held out for the back-test.
    backtest_mape : float
        Mean absolute percentage error of the back-test, per cent.
    backtest_coverage : float
        Share of the held-out months inside the back-test's prediction interval.
    """

    history: pd.Series
    mean: pd.Series
    lower: pd.Series
    upper: pd.Series
    level: float
    model: str
    annual_mean: float
    annual_sd: float
    annual_quantiles: tuple[float, ...]
    backtest_months: int
    backtest_mape: float
    backtest_coverage: float
    backtest: pd.DataFrame = field(repr=False, default_factory=pd.DataFrame)


def _fit_ets(y: pd.Series) -> tuple[Any, str]:
    """Fit ETS candidates and return the results with the lowest AICc, and its label."""
    from statsmodels.tools.sm_exceptions import ConvergenceWarning
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel

    positive = bool((y > 0).all())
    seasonal = ("mul" if positive else "add") if len(y) >= 24 else None
    error = "mul" if positive else "add"
    best, label, best_ic = None, "", math.inf
    for trend, damped in ((None, False), ("add", False), ("add", True)):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            warnings.simplefilter("ignore", RuntimeWarning)
            warnings.simplefilter("ignore", UserWarning)
            try:
                model = ETSModel(y, error=error, trend=trend, damped_trend=damped,
                                 seasonal=seasonal, seasonal_periods=12 if seasonal else None,
                                 initialization_method="heuristic")
                res = model.fit(disp=False)
            except (ValueError, np.linalg.LinAlgError):
                continue
        ic = float(res.aicc)
        if math.isfinite(ic) and ic < best_ic:
            best, best_ic = res, ic
            label = "ETS({},{},{})".format(error[0].upper(),
                                           "N" if trend is None else ("Ad" if damped else "A"),
                                           "N" if seasonal is None else seasonal[0].upper())
    if best is None:
        raise InputError("the ETS forecast could not be fitted to this series")
    return best, label


def _seed_kw(res: Any, seed: int) -> dict[str, Any]:
    """The seed keyword of ``ETSResults.simulate``: ``rng`` (statsmodels 0.15) or ``random_state``."""
    import inspect

    name = "rng" if "rng" in inspect.signature(res.simulate).parameters else "random_state"
    return {name: np.random.default_rng(seed)}


def _widening(res: Any) -> float:
    """Factor ``sqrt(1 + p / n)`` for the estimated parameters and initial states.

    statsmodels' ETS intervals take the fitted parameters and (heuristic) initial states as
    known; with ``p`` of them estimated from ``n`` months the out-of-sample error variance is
    about ``sigma^2 (1 + p / n)``, as for a regression prediction. On 24 seeded synthetic series
    (36 months fitted, 12 held out, 3% noise) the 80% interval covered 68% of held-out months
    without this factor and 80% with it.
    """
    model = res.model
    p = len(res.params) + 1 + (1 if model.trend else 0) + (
        model.seasonal_periods - 1 if model.seasonal else 0)
    return math.sqrt(1.0 + p / res.nobs)


def _predict(res: Any, n: int, h: int, level: float, seed: int
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        pred = res.get_prediction(start=n, end=n + h - 1, simulate_repetitions=2000,
                                  **_seed_kw(res, seed))
        frame = pred.summary_frame(alpha=1.0 - level)
    mean = frame["mean"].to_numpy(float)
    k = _widening(res)
    lo = mean - k * (mean - frame["pi_lower"].to_numpy(float))
    hi = mean + k * (frame["pi_upper"].to_numpy(float) - mean)
    return mean, np.maximum(lo, 0.0), hi


def forecast(series: pd.Series, months: int = 12, *, level: float = 0.8,
             backtest_months: int | None = None, seed: int = 0) -> Forecast:
    """Forecast a monthly series ``months`` ahead with ETS and back-test it.

    Parameters
    ----------
    series : Series
        Monthly volumes on a month-start DatetimeIndex, at least 12 months, no gaps.
    months : int
        Horizon, 6 to 24 months.
    level : float
        Coverage of the prediction interval, e.g. 0.8 for the 10th-90th percentiles.
    backtest_months : int, optional
        Months held out for the back-test (default: 12 with 36+ months of history, else what
        leaves 24 months to fit, at least 3).
    seed : int
        Seed of the simulated intervals (same seed, same result).

    Returns
    -------
    Forecast

    Examples
    --------
    >>> idx = pd.date_range("2021-01-01", periods=36, freq="MS")
    >>> rng = np.random.default_rng(0)
    >>> y = pd.Series(1000 * 1.01 ** np.arange(36) * rng.normal(1, 0.02, 36), index=idx)
    >>> f = forecast(y, 12)
    >>> len(f.mean), bool((f.lower < f.mean).all() and (f.mean < f.upper).all())
    (12, True)
    >>> f.backtest_mape < 5
    True
    """
    if not 6 <= int(months) <= 24:
        raise InputError(f"months must be 6 to 24, got {months}")
    if not 0.0 < level < 1.0:
        raise InputError(f"level must be > 0 and < 1 (a share), got {level}")
    y = series.astype(float).copy()
    y.index = pd.DatetimeIndex(y.index)
    y = y.asfreq("MS")
    if y.isna().any():
        raise InputError("the monthly series has gaps; every month needs a value")
    n = len(y)
    if n < 12:
        raise InputError(f"a forecast needs at least 12 complete months of history, got {n}")
    if (y < 0).any():
        raise InputError("monthly volumes must be >= 0")
    months = int(months)
    res, label = _fit_ets(y)
    mean, lo, hi = _predict(res, n, months, level, seed)
    idx = pd.date_range(y.index[-1] + pd.offsets.MonthBegin(1), periods=months, freq="MS")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        sims = np.asarray(res.simulate(12, anchor="end", repetitions=4000, **_seed_kw(res, seed)))
    annual_mean = float(res.forecast(12).sum())
    annual = sims.reshape(12, -1).sum(axis=0)
    annual = annual_mean + _widening(res) * (annual - annual.mean())
    q = tuple(float(v) for v in np.percentile(annual, [1, 10, 50, 90, 99]))

    # back-test: refit without the last months, forecast them
    if backtest_months is None:
        backtest_months = 12 if n >= 36 else max(3, n - 24) if n >= 27 else max(3, n // 4)
    h = int(backtest_months)
    if not 1 <= h <= n - 8:
        raise InputError(f"backtest_months must be 1 to {n - 8} for {n} months of history, got {h}")
    train, test = y.iloc[:-h], y.iloc[-h:]
    bres, _ = _fit_ets(train)
    bmean, blo, bhi = _predict(bres, len(train), h, level, seed)
    actual = test.to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        ape = np.abs(actual - bmean) / np.abs(actual)
    mape = float(np.mean(ape[np.isfinite(ape)]) * 100.0) if np.isfinite(ape).any() else math.nan
    coverage = float(np.mean((actual >= blo) & (actual <= bhi)))
    bt = pd.DataFrame({"actual": actual, "forecast": bmean, "lower": blo, "upper": bhi},
                      index=test.index)
    return Forecast(history=y, mean=pd.Series(mean, idx), lower=pd.Series(lo, idx),
                    upper=pd.Series(hi, idx), level=level, model=label, annual_mean=annual_mean,
                    annual_sd=float(np.std(annual, ddof=1)), annual_quantiles=q,
                    backtest_months=h, backtest_mape=mape, backtest_coverage=coverage,
                    backtest=bt)


# ============================================================================ derive, scenario
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
        for ch in CHANNELS:
            value = self.annual_contacts.get(ch, 0.0)
            out[f"demand.{ch}_annual_contacts"] = round(value / ss if ch == "voice" else value, 1)
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
        changes["scenario.notes"] = f"{base['scenario.notes']} {note}".strip()
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
        }
        for path in changes:
            key = "annual_contacts" if path.endswith("_annual_contacts") else path
            sources[path] = how[key]
        if "voice" in self.annual_contacts:
            sources["demand.voice_annual_contacts"] += " / base self-service factor"
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
        loss_rate=loss_rates(h), forecasts=forecasts, notes=notes, profile_source=src.source)


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
        k = 1.0 / ss if ch == "voice" else 1.0
        if kind == "normal":
            out[f"demand.{ch}_annual_contacts"] = ("normal", f.annual_mean * k, f.annual_sd * k)
        else:
            p1, _, p50, _, p99 = f.annual_quantiles
            out[f"demand.{ch}_annual_contacts"] = ("pert", p1 * k, p50 * k, p99 * k)
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


# ============================================================================ chart
def save_chart(derived: DerivedDemand, path: str | Path) -> Path:
    """Save a PNG of each channel's monthly history, forecast and prediction interval.

    Uses matplotlib's Agg canvas directly (no pyplot, no global backend change).
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    chans = list(derived.forecasts)
    fig = Figure(figsize=(9, 2.6 * len(chans) + 0.6), constrained_layout=True)
    FigureCanvasAgg(fig)
    axes = fig.subplots(len(chans), 1, squeeze=False)[:, 0]
    for ax, ch in zip(axes, chans, strict=True):
        f = derived.forecasts[ch]
        ax.plot(f.history.index, f.history.to_numpy(), color="0.25", lw=1.5, label="history")
        ax.plot(f.mean.index, f.mean.to_numpy(), color="tab:blue", lw=1.8,
                label=f"forecast {f.model}")
        ax.fill_between(f.mean.index, f.lower.to_numpy(), f.upper.to_numpy(), color="tab:blue",
                        alpha=0.2, label=f"{f.level:.0%} interval")
        bt = f.backtest
        if not bt.empty:
            ax.plot(bt.index, bt["forecast"].to_numpy(), color="tab:orange", lw=1, ls="--",
                    label=f"back-test (MAPE {f.backtest_mape:.1f}%)")
        ax.set_title(f"{ch}: offered contacts a month", loc="left", fontsize=10)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8, loc="upper left")
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=110)
    return out


#: The shipped synthetic example (daily, 36 months, voice/chat/email; see make_example_history.py).
EXAMPLE_HISTORY = Path(__file__).with_name("data") / "example_history.csv"
#: Its interval companion (30-minute rows, 8 weeks, same generator).
EXAMPLE_INTERVALS = Path(__file__).with_name("data") / "example_intervals.csv"
