"""Demand from history: a switch / ACD export -> volumes, growth, seasonality, profile, loss, forecast.

A contact center's own history is the first input of a business case: its real volumes and how many
contacts it loses. This package reads an export of past volumes as it comes out of the switch or
Excel (:mod:`~roi_models.history.exports`), checks it (:mod:`~roi_models.history.loading`),
derives the demand inputs of a :class:`~roi_models.scenario.Scenario`
(:mod:`~roi_models.history.derived`) and forecasts 6-24 months ahead with prediction intervals
that the Monte Carlo (:func:`roi_models.risk.monte_carlo`) can sample
(:mod:`~roi_models.history.forecasting`).

Input files (CSV / text, or Excel ``.xlsx`` / ``.xls``, header on the first row):

* a time column: ``timestamp`` (or ``date``, ``datetime``, ``month``, ``period``, ``interval``,
  ``interval_start``; ``Дата``, ``Период``, ``Месяц``, ``Интервал``), optionally with a separate
  ``time`` / ``Время`` column (``08:30`` or ``08:00-08:30``); at **monthly** (``2023-01`` or the
  first of each month), **daily** or **interval** level (15, 30 or 60-minute rows);
* volumes either *wide* (``voice_offered``, ``voice_abandoned``, ``chat_offered``, ... or a bare
  ``voice`` column meaning offered; Russian ``Поступило``, ``Принято``, ``Потеряно`` /
  ``Пропущено``, alone for a telephony export or with a channel, ``Поступило_чат``) or *long* (a
  ``channel`` / ``Канал`` column with ``offered`` and, where present, ``answered``,
  ``abandoned``, ``unanswered``). Channels: voice, chat, email. Other names: ``columns=`` /
  ``--columns``.

Encodings, delimiters, sheets, decimal marks, thousands separators and date orders are decided per
file from its own evidence (:mod:`~roi_models.history.exports`); what was decided is in
:attr:`History.detected`, printed by ``roi-models history`` and written into the derived
scenario's notes. What the evidence cannot settle (``01.02.2024`` when no day exceeds 12, both
decimal marks in one file) is refused with the option that settles it, never guessed.

Every row is checked and every problem is reported at once in one :class:`HistoryError`, each with
its line number (row number for Excel): bad dates, blank, non-numeric or absurd counts (infinite
or above :data:`~roi_models.history.loading.MAX_COUNT`), negatives, answered or lost above offered,
duplicates (same time and channel twice) and gaps (a month, or a day for daily and interval data,
with no row; write 0 for a closed day). Interval files may leave out closed intervals within a day.
Nothing is silently dropped: partial months at either end of a daily or interval file are left out
of the monthly series and said so in :attr:`DerivedDemand.notes`.

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

Voice offered in a switch export counts calls that reached the agent queues, after IVR
self-service; the scenario's ``demand.voice_annual_contacts`` is *before* containment, so
:func:`scenario_from_history` divides the voice forecast by the base scenario's self-service factor
``(1 - containment) + containment x repeat share``: the business case then offers agents exactly
the forecast.
"""

from __future__ import annotations

from roi_models.history.derived import (
    DerivedDemand,
    arrival_profile,
    derive,
    loss_rates,
    scenario_from_history,
    seasonality_and_growth,
    volume_distributions,
)
from roi_models.history.forecasting import Forecast, forecast
from roi_models.history.loading import (
    CHANNELS,
    EXAMPLE_HISTORY,
    EXAMPLE_INTERVALS,
    MAX_COUNT,
    MEASURES,
    History,
    HistoryError,
    load_history,
)

__all__ = [
    "CHANNELS",
    "EXAMPLE_HISTORY",
    "EXAMPLE_INTERVALS",
    "MAX_COUNT",
    "MEASURES",
    "DerivedDemand",
    "Forecast",
    "History",
    "HistoryError",
    "arrival_profile",
    "derive",
    "forecast",
    "load_history",
    "loss_rates",
    "scenario_from_history",
    "seasonality_and_growth",
    "volume_distributions",
]
