"""Outbound campaigns (sales, retention / win-back, collections): workload, dialler, value.

Outbound agent hours come from workload, not from Erlang: records are dialled up to a number of
attempts, a share of attempts connects live, a share of live connects reaches the right party
(RPC); talk and wrap fill the agents' productive time, and the dialler mode sets how much of their
logged time that is (utilisation). A predictive dialler buys utilisation by dropping some live
connects (abandoned calls); regulators cap that share (3% of live calls: Ofcom in the UK, the TSR in
the US), so the model never lets it exceed the cap.

All functions are pure and broadcast like NumPy ufuncs; volumes are per month, time in seconds,
shares as decimals.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from roi_models.errors import InputError

__all__ = ["CAMPAIGNS", "DIALLER_MODES", "CampaignWork", "campaign_work", "dialler"]

Array = NDArray[np.float64]
CAMPAIGNS: tuple[str, ...] = ("sales", "retention", "collections")
DIALLER_MODES: tuple[str, ...] = ("preview", "progressive", "predictive")


def dialler(mode: str, preview_utilisation: ArrayLike, progressive_utilisation: ArrayLike,
            predictive_utilisation: ArrayLike, predictive_abandon_rate: ArrayLike,
            abandon_cap: ArrayLike) -> tuple[Array, Array]:
    """Agent utilisation and abandoned share of live connects for a dialler mode.

    Preview and progressive diallers never abandon a live connect. A predictive dialler reaches
    ``predictive_utilisation`` at its natural abandon rate; held to a lower cap it paces down, and
    its utilisation falls linearly towards the progressive level:
    ``u = u_prog + (u_pred - u_prog) * min(1, cap / natural)``, abandon = ``min(natural, cap)``.

    Returns
    -------
    utilisation, abandon_rate : ndarray
        Share of logged time in talk + wrap; share of live connects dropped.

    Examples
    --------
    A predictive dialler at 85% utilisation drops 5% of live calls; capped at 3% it runs at
    65% + 20% x 3/5 = 77%:

    >>> u, a = dialler("predictive", 0.45, 0.65, 0.85, 0.05, 0.03)
    >>> round(float(u), 4), float(a)
    (0.77, 0.03)
    """
    if mode not in DIALLER_MODES:
        raise InputError(f"dialler mode must be one of {', '.join(DIALLER_MODES)}, got {mode!r}")
    prog = np.asarray(progressive_utilisation, dtype=float)
    if mode == "preview":
        return np.asarray(preview_utilisation, dtype=float) + 0.0, np.zeros_like(prog)
    if mode == "progressive":
        return prog + 0.0, np.zeros_like(prog)
    natural = np.asarray(predictive_abandon_rate, dtype=float)
    cap = np.asarray(abandon_cap, dtype=float)
    with np.errstate(over="ignore", divide="ignore"):
        share = np.where(natural > 0,
                         np.minimum(1.0, cap / np.where(natural > 0, natural, 1.0)), 1.0)
    util = prog + (np.asarray(predictive_utilisation, dtype=float) - prog) * share
    return util, np.minimum(natural, cap)


@dataclass(frozen=True)
class CampaignWork:
    """A campaign's monthly workload (arrays broadcast like the inputs)."""

    attempts: Array
    connects: Array          # live connects
    abandoned: Array         # live connects dropped by the dialler
    right_party: Array       # right-party contacts (talked to the person wanted)
    agent_hours: Array       # logged agent hours (talk + wrap) / utilisation


def campaign_work(records: ArrayLike, attempts_per_record: ArrayLike, connect_rate: ArrayLike,
                  right_party_rate: ArrayLike, talk_s: ArrayLike, other_talk_s: ArrayLike,
                  wrap_s: ArrayLike, utilisation: ArrayLike,
                  abandon_rate: ArrayLike) -> CampaignWork:
    """Workload of dialling ``records`` a month.

    Each record is dialled until it connects, up to ``attempts_per_record`` times: connects per
    record ``1 - (1 - p)^N``, attempts per record ``(1 - (1 - p)^N) / p`` (N when p = 0). The dialler
    drops ``abandon_rate`` of live connects; of those served, ``right_party_rate`` reach the right
    party (talk ``talk_s``), the rest are short wrong-party calls (``other_talk_s``); every served
    connect is wrapped up (``wrap_s``). Agent hours = (talk + wrap) / utilisation.

    Examples
    --------
    10,000 records, 3 attempts at 30% connect: 6,570 connects from 21,900 attempts; 70% RPC at 240 s,
    the rest 30 s, 45 s wrap, 65% utilisation:

    >>> w = campaign_work(10_000, 3, 0.3, 0.7, 240, 30, 45, 0.65, 0.0)
    >>> round(float(w.attempts)), round(float(w.connects)), round(float(w.agent_hours), 1)
    (21900, 6570, 623.3)
    """
    r = np.asarray(records, dtype=float)
    n = np.asarray(attempts_per_record, dtype=float)
    p = np.asarray(connect_rate, dtype=float)
    reach = -np.expm1(n * np.log1p(-np.minimum(p, 1.0 - 1e-15)))  # 1 - (1 - p)^N
    per_record = np.where(p > 0, reach / np.where(p > 0, p, 1.0), n)
    attempts = r * per_record
    connects = r * reach
    abandoned = connects * np.asarray(abandon_rate, dtype=float)
    served = connects - abandoned
    rpc = served * np.asarray(right_party_rate, dtype=float)
    talk = rpc * np.asarray(talk_s, float) + (served - rpc) * np.asarray(other_talk_s, float)
    hours = (talk + served * np.asarray(wrap_s, float)) / 3600.0 / np.asarray(utilisation, float)
    return CampaignWork(attempts, connects, abandoned, rpc, hours)
