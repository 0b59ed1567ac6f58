"""Loading and validating a history export: columns, counts, dates, level, duplicates and gaps.

:func:`load_history` reads a file with :mod:`roi_models.history.exports` (encoding, delimiter,
sheets, number and date conventions decided from the file's own evidence), maps its columns to
channels and measures (English or Russian names, or the user's ``columns`` mapping), checks every
row and reports every problem at once in one :class:`HistoryError`, each with its line.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from roi_models.channels import CHANNELS as CHANNEL_NAMES
from roi_models.errors import InputError
from roi_models.history.exports import (
    ExportError,
    RawTable,
    apply_columns,
    number_convention,
    parse_times,
    read_table,
    shown,
)

__all__ = ["CHANNELS", "EXAMPLE_HISTORY", "EXAMPLE_INTERVALS", "MAX_COUNT", "MEASURES", "History",
           "HistoryError", "load_history"]

_DATA = Path(__file__).resolve().parent.parent / "data"
#: The shipped synthetic example (daily, 36 months, voice/chat/email; see make_example_history.py).
EXAMPLE_HISTORY = _DATA / "example_history.csv"
#: Its interval companion (30-minute rows, 8 weeks, same generator).
EXAMPLE_INTERVALS = _DATA / "example_intervals.csv"

#: Channels a history file may hold, as the scenario names them (the channel table's).
CHANNELS: tuple[str, ...] = CHANNEL_NAMES
MEASURES: tuple[str, ...] = ("offered", "answered", "abandoned", "unanswered")
#: Largest count accepted in one row: a billion contacts in a day or an interval is a unit or
#: export error (an overflowed cell, 1e300), not a contact center.
MAX_COUNT = 1e9

# Column names, normalised by _norm (lower case, separators as "_", ё as е). Russian names are
# those common Russian ACD / telephony exports write (Oktell, Naumen, Asterisk reports, 1C).
_TIME_COLUMNS = ("timestamp", "datetime", "date_time", "дата_и_время", "дата_время", "date", "дата",
                 "день", "month", "месяц", "period", "период", "interval_start",
                 "начало_интервала", "interval", "интервал", "start", "начало", "time_stamp")
_CLOCK_COLUMNS = ("time", "время", "time_of_day", "interval_time", "interval", "интервал",
                  "время_интервала", "начало_интервала", "start", "начало")
_CHANNEL_COLUMNS = ("channel", "media", "media_type", "queue_type", "канал", "тип_канала")
_CHANNEL_ALIASES = {
    "voice": "voice", "call": "voice", "calls": "voice", "phone": "voice", "telephone": "voice",
    "inbound": "voice", "chat": "chat", "webchat": "chat", "web_chat": "chat",
    "messaging": "messaging", "messenger": "messaging", "whatsapp": "messaging",
    "telegram": "messaging",
    "email": "email", "e_mail": "email", "mail": "email", "emails": "email",
    "backoffice": "email", "back_office": "email",
    "звонки": "voice", "звонок": "voice", "вызовы": "voice", "голос": "voice", "телефон": "voice",
    "телефония": "voice", "чат": "chat", "чаты": "chat", "почта": "email", "письма": "email",
    "эл_почта": "email", "электронная_почта": "email",
    "мессенджер": "messaging", "мессенджеры": "messaging",
}
_MEASURE_ALIASES = {
    "offered": "offered", "received": "offered", "volume": "offered", "contacts": "offered",
    "arrivals": "offered", "incoming": "offered", "calls": "offered",
    "answered": "answered", "handled": "answered",
    "abandoned": "abandoned", "abandons": "abandoned", "abandon": "abandoned",
    "unanswered": "unanswered", "missed": "unanswered", "not_answered": "unanswered",
    "lost": "unanswered",
    "поступило": "offered", "поступившие": "offered", "поступивших": "offered",
    "входящие": "offered", "всего": "offered", "всего_поступило": "offered",
    "принято": "answered", "принятые": "answered", "принятых": "answered",
    "отвечено": "answered", "отвеченные": "answered", "обслужено": "answered",
    "потеряно": "abandoned", "потерянные": "abandoned", "потерянных": "abandoned",
    "брошено": "abandoned", "брошенные": "abandoned", "сброшено": "abandoned",
    "пропущено": "unanswered", "пропущенные": "unanswered", "пропущенных": "unanswered",
    "не_отвечено": "unanswered", "неотвеченные": "unanswered",
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
    detected : dict of str -> str
        How the file was read, in words: ``encoding``, ``delimiter``, ``sheets``, ``columns``,
        ``dates``, ``timezone``, ``decimal``, ``thousands``, ``dst`` (only what applies).
    """

    data: pd.DataFrame
    level: str
    source: str
    interval_minutes: int | None = None
    detected: dict[str, str] = field(default_factory=dict, compare=False)

    def read_as(self) -> str:
        """How the file was read, one sentence: ``encoding UTF-8; delimiter ';' ...``."""
        return "; ".join(f"{k} {v}" for k, v in self.detected.items())

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
    s = str(name).strip().lower().replace("ё", "е").replace("\u00a0", " ")
    for ch in " -./()[]:,;#%":
        s = s.replace(ch, "_")
    while "__" in s:
        s = s.replace("__", "_")
    return s.strip("_")


def _channel_measure(n: str) -> tuple[str, str] | None:
    """(channel, measure) of a wide column name: ``voice_offered``, ``поступило_чат``, ``voice``."""
    if n in _CHANNEL_ALIASES:
        return _CHANNEL_ALIASES[n], "offered"
    parts = n.split("_")
    for k in range(1, len(parts)):
        left, right = "_".join(parts[:k]), "_".join(parts[k:])
        if left in _CHANNEL_ALIASES and right in _MEASURE_ALIASES:
            return _CHANNEL_ALIASES[left], _MEASURE_ALIASES[right]
        if left in _MEASURE_ALIASES and right in _CHANNEL_ALIASES:
            return _CHANNEL_ALIASES[right], _MEASURE_ALIASES[left]
    return None


def _column_map(columns: list[str], problems: list[str], detected: dict[str, str]
                ) -> tuple[str | None, str | None, str | None, dict[str, tuple[str, str]]]:
    """Find the time, extra time-of-day, channel columns and the volume columns."""
    norm = {c: _norm(c) for c in columns}
    time_col = next((c for t in _TIME_COLUMNS for c in columns if norm[c] == t), None)
    clock = next((c for t in _CLOCK_COLUMNS for c in columns if norm[c] == t and c != time_col),
                 None)
    chan_col = next((c for c in columns if norm[c] in _CHANNEL_COLUMNS), None)
    volume: dict[str, tuple[str, str]] = {}
    bare: list[str] = []
    for c in columns:
        n = norm[c]
        if c in (time_col, clock, chan_col) or n.startswith("unnamed") or n == "":
            continue
        if chan_col is not None:
            if n in _MEASURE_ALIASES:
                volume[c] = ("", _MEASURE_ALIASES[n])
            else:
                problems.append(f"column {shown(c)}: unknown measure; use offered, answered, "
                                f"abandoned or unanswered")
            continue
        cm = _channel_measure(n)
        if cm is not None:
            volume[c] = cm
        elif n in _MEASURE_ALIASES:
            bare.append(c)
        else:
            problems.append(f"column {shown(c)}: not a channel volume; name it <channel>_<measure> "
                            f"(voice_offered, chat_abandoned, ...), add a 'channel' column or map "
                            f"it (--columns {shown(c)[1:-1]}=voice_offered)")
    if bare:
        if volume:
            problems.append(f"columns {', '.join(map(shown, bare))} name a measure but no channel "
                            f"while other columns name one; name them voice_offered, ...")
        else:
            for c in bare:
                volume[c] = ("voice", _MEASURE_ALIASES[norm[c]])
            detected["channel"] = ("voice (the columns name measures only, as a telephony export "
                                   "does: " + ", ".join(map(shown, bare)) + ")")
    if time_col is None:
        problems.append(f"no time column: name one of {', '.join(_TIME_COLUMNS[:6])} or Дата; "
                        f"columns are {', '.join(map(shown, columns))[:300]}")
    if not volume and chan_col is None:
        problems.append("no volume columns (voice_offered, chat_offered, email_offered, ...)")
    if chan_col is not None and "offered" not in {m for _, m in volume.values()}:
        problems.append("no 'offered' column (contacts offered per row)")
    seen: dict[tuple[str, str], str] = {}
    for c, key in volume.items():
        if key in seen:
            problems.append(f"columns {shown(seen[key])} and {shown(c)} both give "
                            f"{' '.join(key).strip()}")
        seen[key] = c
    renamed = [f"{shown(c)} -> {'_'.join(k for k in key if k)}" for c, key in volume.items()
               if norm[c] != "_".join(k for k in key if k)]
    renamed += [f"{shown(c)} -> {what}" for c, what in ((time_col, "time"), (clock, "time of day"),
                                                        (chan_col, "channel"))
                if c is not None and not norm[c].isascii()]
    if renamed:
        detected["columns"] = ", ".join(renamed)
    return time_col, clock, chan_col, volume


def load_history(path: str | Path, *, dayfirst: bool | None = None, decimal: str | None = None,
                 columns: Mapping[str, str] | None = None, encoding: str | None = None,
                 sheet: str | None = None) -> History:
    """Read and validate a history export (CSV or Excel) at monthly, daily or interval level.

    Parameters
    ----------
    path : str or Path
        ``.csv`` / ``.txt`` / ``.tsv`` (any of ``;``, ``,``, tab; UTF-8, UTF-16 or cp1251) or
        ``.xlsx``; see :mod:`roi_models.history` for the columns and conventions understood.
    dayfirst : bool, optional
        Read ``01.02.2024``-style dates day-first (True) or month-first (False). Needed only when
        no date of the file has a day above 12; otherwise the file settles it.
    decimal : {"comma", "point", ",", "."}, optional
        The decimal mark, when the file's numbers do not show it consistently.
    columns : mapping, optional
        ``{file column: name}`` for columns under other names, e.g.
        ``{"Входящие": "voice_offered", "День": "date"}``.
    encoding : str, optional
        The text encoding, overriding detection.
    sheet : str, optional
        The one workbook sheet to read (default: every sheet with the first sheet's header).

    Returns
    -------
    History
        With :attr:`History.detected`: what was decided about the file.

    Raises
    ------
    HistoryError
        Listing every problem with its line number (bad dates, blank, non-numeric, negative or
        absurd counts, answered or lost above offered, duplicates, gaps), or the one reason the
        file cannot be read.

    Examples
    --------
    >>> h = load_history(EXAMPLE_HISTORY)
    >>> h.level, h.channels
    ('daily', ('voice', 'chat', 'email'))
    >>> h.detected["dates"], h.detected["delimiter"]
    ('ISO (year first)', "',' (comma)")
    """
    p = Path(path)
    origin = str(p)
    marks = {"comma": ",", "point": ".", "dot": ".", ",": ",", ".": "."}
    if decimal is not None and decimal not in marks:
        raise HistoryError([f"decimal must be 'comma' or 'point', got {shown(decimal)}"], origin)
    try:
        table = read_table(p, encoding=encoding, sheet=sheet)
    except ExportError as exc:
        raise HistoryError([str(exc)], origin) from None
    except OSError as exc:
        raise HistoryError([f"cannot read the file: {exc.strerror or exc}"], origin) from None
    raw, at = table.frame, table.at
    detected = dict(table.detected)
    problems: list[str] = list(table.problems)
    if columns:
        problems += apply_columns(raw, columns)
        detected["columns given"] = ", ".join(f"{shown(k)} -> {v}" for k, v in columns.items())
    if raw.empty:
        raise HistoryError([*problems, "the file has no data rows"], origin)
    names = [str(c) for c in raw.columns]
    raw.columns = names
    if len(set(names)) != len(names):
        dup = sorted({c for c in names if names.count(c) > 1})
        raise HistoryError([f"the header repeats column {', '.join(map(shown, dup))}"], origin)
    time_col, clock, chan_col, volume = _column_map(names, problems, detected)
    if problems and (time_col is None or not volume):
        raise HistoryError(problems, origin)
    assert time_col is not None
    ts, how = parse_times(raw[time_col], None if clock is None else raw[clock], at, time_col,
                          problems, dayfirst=dayfirst)
    detected.update(how)
    if any(p.startswith(f"column {time_col!r}:") for p in problems):
        raise HistoryError(problems, origin)  # the date order is unsettled: nothing else is reliable

    # ---- the file's number convention, from every text cell of the volume columns
    cells = [(at(i), v) for c in volume for i, v in raw[c].items() if isinstance(v, str) and v.strip()]
    conv = number_convention(cells, None if decimal is None else marks[decimal])
    if conv.problem:
        raise HistoryError([conv.problem], origin)
    detected.update(conv.description)

    def counts(c: str) -> np.ndarray:
        return _check_counts(raw[c], c, conv.parse, at, problems)

    # ---- one long frame: timestamp, channel, measures, line
    frames = []
    if chan_col is not None:
        chan_text = raw[chan_col].astype(str).str.strip()
        chan = chan_text.map(lambda s: _CHANNEL_ALIASES.get(_norm(s)))
        for line in chan.index[chan.isna()]:
            problems.append(f"{at(line)}: unknown channel {shown(chan_text.loc[line])}; use voice, "
                            f"chat or email")
        f = pd.DataFrame({"timestamp": ts, "channel": chan, "line": raw.index})
        for c, (_, m) in volume.items():
            f[m] = counts(c)
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
                f[m] = counts(c)
            frames.append(f)
    if not frames:
        raise HistoryError(problems, origin)
    data = pd.concat(frames, ignore_index=True)
    for m in MEASURES:
        if m not in data:
            data[m] = np.nan
    data = data[["timestamp", "channel", *MEASURES, "line"]]

    # ---- consistency within a row
    lost = data[["abandoned", "unanswered"]].sum(axis=1, min_count=1).to_numpy()
    off, ans = data["offered"].to_numpy(), data["answered"].to_numpy()
    with np.errstate(invalid="ignore"):
        for k in np.flatnonzero(off >= 0):
            row = data.iloc[k]
            if ans[k] > off[k]:
                problems.append(f"{at(row.line)}: {row.channel} answered ({ans[k]:g}) is more "
                                f"than offered ({off[k]:g})")
            if lost[k] > off[k]:
                problems.append(f"{at(row.line)}: {row.channel} abandoned + unanswered "
                                f"({lost[k]:g}) is more than offered ({off[k]:g})")

    ok = data["timestamp"].notna() & data["channel"].notna()
    good = data[ok]
    level, minutes = _detect_level(good["timestamp"])
    if level == "monthly":
        data.loc[ok, "timestamp"] = good["timestamp"].dt.to_period("M").dt.to_timestamp()
    repeat = np.zeros(len(data), dtype=bool)
    if level == "interval" and "timezone" not in detected:
        repeat, note = _dst_repeats(data[ok], at)
        repeat = pd.Series(repeat, index=data.index[ok]).reindex(data.index, fill_value=False
                                                                 ).to_numpy()
        if note:
            detected["dst"] = note
    _check_duplicates(data[ok & ~repeat], at, problems)
    _check_gaps(data[ok], level, at, problems)
    if level == "interval" and minutes not in (15, 30, 60):
        problems.append(f"interval rows are {minutes} minutes apart; use 15, 30 or 60-minute "
                        f"intervals")
    if level == "interval" and minutes in (15, 30, 60):
        off_grid = good[(good["timestamp"].dt.minute % minutes != 0)
                        | (good["timestamp"].dt.second != 0)]
        for row in off_grid.itertuples():
            problems.append(f"{at(row.line)}: {row.timestamp} is not on a {minutes}-minute "
                            f"interval boundary")
    problems = _sort_problems(problems, table)
    if problems:
        raise HistoryError(problems, origin)
    if repeat.any():  # the clock's second pass of a fall-back hour: add to the first pass
        agg: dict[str, Any] = {m: (lambda s: s.sum(min_count=1)) for m in MEASURES}
        agg["line"] = "min"
        data = data.groupby(["channel", "timestamp"], as_index=False, sort=False).agg(agg)[
            ["timestamp", "channel", *MEASURES, "line"]]
    data = data.sort_values(["channel", "timestamp"], kind="stable").reset_index(drop=True)
    if level == "interval":
        data = _to_half_hours(data, minutes)
    return History(data=data, level=level, source=origin,
                   interval_minutes=minutes if level == "interval" else None, detected=detected)


def _check_counts(col: pd.Series, name: str, parse: Callable[[str], float | None],
                  at: Callable[[Any], str], problems: list[str]) -> np.ndarray:
    """Each cell as a count: finite, >= 0, at most :data:`MAX_COUNT`; problems on their rows."""
    out = np.full(len(col), np.nan)
    for k, (i, v) in enumerate(col.items()):
        if isinstance(v, bool):
            f = None
        elif isinstance(v, int | float | np.integer | np.floating):
            f = float(v)
        elif isinstance(v, str):
            if not v.strip():
                problems.append(f"{at(i)}: {name} is blank (write 0 if there were none)")
                continue
            f = parse(v)
        else:
            f = None
        if f is None or math.isnan(f):
            problems.append(f"{at(i)}: {name} is not a number ({shown(v)})")
        elif not math.isfinite(f) or abs(f) > MAX_COUNT:
            problems.append(f"{at(i)}: {name} is {f:g}, beyond {MAX_COUNT:,.0f} contacts in one row "
                            f"(an overflowed or mis-exported cell?)")
        elif f < 0:
            problems.append(f"{at(i)}: {name} is negative ({f:g})")
            out[k] = f
        else:
            out[k] = f
    return out


def _dst_repeats(data: pd.DataFrame, at: Callable[[Any], str]) -> tuple[np.ndarray, str]:
    """Rows that are the clock's second pass through a fall-back hour, read by their position.

    In a naive local-time interval file the day daylight saving time ends has 25 hours: the clock
    goes back once, on a Sunday, by at most an hour, between 00:00 and 04:00. Rows from that step
    until the clock passes the step's time again are the second pass (real contacts, counted in
    the same half hours as the first pass).
    """
    repeat = np.zeros(len(data), dtype=bool)
    notes: list[str] = []
    pos = {idx: k for k, idx in enumerate(data.index)}
    for ch, grp in data.sort_values("line", kind="stable").groupby("channel", sort=False):
        t = grp["timestamp"]
        prev = t.shift()
        back = t.index[((t <= prev) & (prev - t < pd.Timedelta(hours=1))
                        & (t.dt.normalize() == prev.dt.normalize()) & (t.dt.day_of_week == 6)
                        & (t.dt.hour < 4)).to_numpy()]
        for start in back:
            k = grp.index.get_loc(start)
            top = prev.loc[start]
            j = k
            while j < len(grp) and t.iloc[j] <= top:
                repeat[pos[grp.index[j]]] = True
                j += 1
            if ch == grp["channel"].iloc[0] and len(notes) < 3:
                notes.append(f"{t.loc[start].date()} ({at(grp['line'].loc[start])}: the clock goes "
                             f"back to {t.loc[start]:%H:%M}): the end of daylight saving time; "
                             f"both passes of the repeated hour counted")
    return repeat, "; ".join(dict.fromkeys(notes))


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


def _check_duplicates(data: pd.DataFrame, at: Callable[[Any], str], problems: list[str]) -> None:
    dup = data.duplicated(["timestamp", "channel"], keep=False)
    if not dup.any():
        return
    for _, grp in data[dup].groupby(["timestamp", "channel"], sort=False):
        lines = grp["line"].tolist()
        first = lines[0]
        when = grp["timestamp"].iloc[0]
        for line in lines[1:]:
            problems.append(f"{at(line)}: duplicate of {at(first)} ({_fmt_time(when)}, "
                            f"{grp['channel'].iloc[0]})")


def _fmt_time(t: pd.Timestamp) -> str:
    return str(t.date()) if t == t.normalize() else str(t)


def _check_gaps(data: pd.DataFrame, level: str, at: Callable[[Any], str], problems: list[str]
                ) -> None:
    for ch, grp in data.groupby("channel", sort=False):
        if level == "monthly":
            keys, unit = grp["timestamp"].dt.to_period("M"), "month"
        else:
            keys, unit = grp["timestamp"].dt.to_period("D"), "day"
        if keys.max().ordinal - keys.min().ordinal > 100_000:
            problems.append(f"{ch}: the dates run from {keys.min()} to {keys.max()}; is a date "
                            f"misread?")
            continue
        full = pd.period_range(keys.min(), keys.max(), freq=keys.min().freq)
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
        for run in runs[:20]:
            before, after = run[0] - 1, run[-1] + 1
            span = str(run[0]) if len(run) == 1 else f"{run[0]} to {run[-1]}"
            n = f"{len(run)} {unit}s" if len(run) > 1 else f"1 {unit}"
            b, a = last_line.get(before), first_line.get(after)
            problems.append(f"gap: {ch} has no rows for {span} ({n}; between "
                            f"{'?' if b is None else at(b)} and {'?' if a is None else at(a)}; "
                            f"write 0 for a closed {unit})")
        if len(runs) > 20:
            problems.append(f"gap: {ch} has {len(runs) - 20} more runs of missing {unit}s")


def _sort_problems(problems: list[str], table: RawTable) -> list[str]:
    """Row problems in file order, then file-level ones; duplicates removed."""
    order = {w: i for i, w in table.where.items()}

    def key(p: str) -> tuple[int, int]:
        head = p.split(":", 1)[0]
        return (0, order[head]) if head in order else (1, 0)
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
