"""The business-case pipeline: inputs -> parts -> staffing -> money, one declared chain.

This is the engine under :func:`roi_models.business_case.evaluate`,
:func:`~roi_models.business_case.evaluate_batch`, :func:`roi_models.risk.fast_batch` and the risk
surrogates. It is a public *internal* module: its names are plain so the modules that run the
chain (business case, risk) share one definition of every step; users call
:mod:`roi_models.business_case`.

Steps
-----
:class:`Inputs`
    every numeric input as an array of shape ``(n, 1)`` (``n`` variants of a batch).
:func:`make_parts`
    the work each party (:class:`Part`: in-house or vendor) does in each option, by channel.
:func:`staff_parts`
    every part-channel's intervals staffed by Erlang A in one de-duplicated, memoised call
    (:func:`interval_sums` turns interval staffing into monthly hours and contacts); e-mail and
    outbound by workload (:func:`defer`).
:func:`money`
    cost lines, transition one-offs, revenue effect and drivers of every option (:class:`Raw`).
:func:`compute`
    the whole chain (and the status quo when ``inhouse.current_agent_fte`` is given);
    :func:`batch_columns` the batch outputs (total cost, revenue effect, NPV, incremental NPV).

Examples
--------
>>> from roi_models.scenario import Scenario
>>> raw = compute(Inputs(Scenario.default()))
>>> sorted(raw)
['hybrid', 'inhouse', 'outsourced']
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

import numpy as np
from numpy.typing import NDArray

from roi_models import finance, staffing
from roi_models.channels import CHANNEL_TABLE, CHANNELS, DEFERRED, LIVE, channel
from roi_models.costs import (
    INHOUSE_LINES,
    RETAINED_LINES,
    TAX_LINES,
    TRANSITION_LINES,
    VATABLE_LINES,
    VENDOR_LINES,
    InhouseWorkload,
    agent_fte,
    inhouse_costs,
    minimum_shift_top_up,
    outbound_vendor_fees,
    parallel_run_weight,
    sla_credit,
    total_lines,
    transition_costs,
    unrecoverable_vat,
    vendor_fees,
)
from roi_models.demand import (
    INTERVAL_SECONDS,
    WEEKS_PER_MONTH,
    WeekProfile,
    aht_path,
    escalation,
    fcr_volume_factor,
    learning_curve,
    monthly_contacts,
    overflow_split,
    self_service_factor,
    week_profile,
)
from roi_models.errors import InputError
from roi_models.outbound import CAMPAIGNS, CampaignWork, campaign_work, dialler
from roi_models.parameters import registry
from roi_models.pricing import PRICING_MODELS, VendorWork, check_tiers, effective_model
from roi_models.revenue import (
    experience_churn_change,
    experience_shares,
    lost_contacts,
    lost_sales_margin,
    retention_value,
)
from roi_models.scenario import Scenario

__all__ = ["MONEY_COLUMNS", "OPTIONS", "STAFFING_CACHE", "STATUS_QUO", "SUMS", "Inputs",
           "Part", "Raw", "batch_columns", "compute", "concurrency_of", "defer", "interval_sums",
           "live_sum", "make_parts", "money", "patience_of", "profile_of", "staff_intervals",
           "staff_part", "staff_parts", "status_quo_part"]

Array = NDArray[np.float64]
OPTIONS: tuple[str, ...] = ("inhouse", "outsourced", "hybrid")
#: The option run at today's staffing when ``inhouse.current_agent_fte`` is given; it comes first
#: in the results and every incremental figure is against it.
STATUS_QUO = "status_quo"
#: Every cost line of an option's monthly money table, in order.
MONEY_COLUMNS: tuple[str, ...] = (*INHOUSE_LINES, "outbound_dialling", *VENDOR_LINES,
                                  *TRANSITION_LINES, *RETAINED_LINES, *TAX_LINES)
_REGISTRY = registry()

# ---------------------------------------------------------------------------------------- inputs
class Inputs:
    """Scenario values as arrays of shape (n, 1), ``n`` variants; non-numeric inputs shared."""

    def __init__(self, scenario: Scenario, changes: Mapping[str, Any] | None = None) -> None:
        self.scenario = scenario
        changes = dict(changes or {})
        n = 1
        for path, values in changes.items():
            param = _REGISTRY.get(path)
            if param is None:
                scenario[path]  # raises InputError with a suggestion
                raise AssertionError(path)  # pragma: no cover (the line above raised)
            if not param.numeric:
                raise InputError(f"{path}: only numeric inputs can vary in a batch "
                                 f"(kind {param.kind!r})")
            size = np.size(values)
            if size != 1:
                if n not in (1, size):
                    raise InputError(f"{path}: batch arrays must have one length, got {size} "
                                     f"and {n}")
                n = size
        self.n = n
        self._num: dict[str, Array] = {}
        for path, param in _REGISTRY.items():
            if param.numeric:
                value = changes.get(path, scenario[path])
                arr = np.asarray(value, dtype=float).reshape(-1, 1)
                if path in changes:
                    _check_batch(path, arr)
                if arr.shape == (n, 1):  # the common case: no broadcast view to build
                    arr = arr.view()
                    arr.flags.writeable = False
                    self._num[path] = arr
                else:
                    self._num[path] = np.broadcast_to(arr, (n, 1))
        self.months = int(scenario["finance.horizon_months"])

    def x(self, path: str) -> Array:
        """Return the numeric input at ``path`` as an array (n, 1) (read-only)."""
        return self._num[path]

    def section(self, name: str) -> dict[str, Array]:
        """Return the numeric inputs of one registry section by their short names."""
        prefix = name + "."
        return {p[len(prefix):]: v for p, v in self._num.items() if p.startswith(prefix)}

    def other(self, path: str) -> Any:
        """Return a non-numeric input (a choice, a profile, a list) as the scenario holds it."""
        return self.scenario[path]


def _check_batch(path: str, arr: Array) -> None:
    param = _REGISTRY[path]
    bad = ~np.isfinite(arr) | (arr < param.minimum) | (arr > param.maximum)
    if param.exclusive_minimum:
        bad |= arr <= param.minimum
    if bad.any():
        v = arr[bad][0]
        raise InputError(f"{path}: must be {param.allowed_range()}, got {v:g} in the batch")


# ---------------------------------------------------------------------------------------- staffing
@dataclass
class Part:
    """Work one party (in-house or vendor) does in one option; arrays (n, months[, K])."""

    who: str
    offered: dict[str, Array]          # monthly offered contacts by channel (n, M)
    calls: dict[str, Array]            # live channels: offered per interval occurrence (n, M, K)
    aht: dict[str, Array]              # (n, M)
    target_sl: dict[str, Array]        # live channels: service-level target (n, 1)
    target_time: dict[str, Array]      # live channels: answer / response time target, s (n, 1)
    fcr: Array
    agents: dict[str, Array] = field(default_factory=dict)  # (n, M, K); single evaluations only
    staffed_hours: dict[str, Array] = field(default_factory=dict)
    abandoned: dict[str, Array] = field(default_factory=dict)
    answered_in_time: dict[str, Array] = field(default_factory=dict)
    busy_hours: dict[str, Array] = field(default_factory=dict)
    # deferred_hours, peak_live and outbound_hours are set by defer / staff_parts before any use
    deferred_hours: Array = None  # type: ignore[assignment]  # workload channels' hours (n, M)
    deferred: dict[str, Array] = field(default_factory=dict)  # the same by channel
    peak_live: Array = None  # type: ignore[assignment]  # live agents in the busiest interval (n, M)
    outbound: bool = False             # this party runs the outbound campaigns
    conversion_factor: Array | float = 1.0
    outbound_hours: Array = 0.0  # type: ignore[assignment]
    outbound_work: dict[str, CampaignWork] = field(default_factory=dict)


class _StaffingCache(OrderedDict[bytes, tuple[Array, ...]]):
    """The staffing LRU.

    Clearing it also forgets the staffed parts built on it (:func:`staffed_parts`): a cleared
    memo means a cold evaluation.
    """

    def clear(self) -> None:
        with _MEMO_LOCK:
            super().clear()
        with _PARTS_LOCK:
            _PARTS_CACHE.clear()


STAFFING_CACHE: OrderedDict[bytes, tuple[Array, ...]] = _StaffingCache()
_MEMO_LOCK = threading.Lock()
_STAFFING_CACHE_SIZE = 64
_STAFFING_CACHE_BYTES = 256 * 2**20
_PARAMS = 7  # channel, aht, target SL, target time, patience, occupancy cap, concurrency


def _memo(key: bytes, compute: Any) -> tuple[Array, ...]:
    """Look staffing results up in a small LRU keyed by the exact bytes of the inputs.

    When only money inputs change - a wage slider, a vendor price, a batch over prices - staffing
    is reused.
    """
    with _MEMO_LOCK:  # a dashboard may evaluate from more than one thread
        hit = STAFFING_CACHE.get(key)
        if hit is not None:
            STAFFING_CACHE.move_to_end(key)
            return hit
    out = compute()
    for a in out:
        a.flags.writeable = False
    with _MEMO_LOCK:
        STAFFING_CACHE[key] = out
        # bounded by entries and by bytes (a big batch's blocks are tens of MB): oldest out first
        while len(STAFFING_CACHE) > 1 and (
                len(STAFFING_CACHE) > _STAFFING_CACHE_SIZE
                or sum(sum(a.nbytes for a in v) for v in STAFFING_CACHE.values())
                > _STAFFING_CACHE_BYTES):
            STAFFING_CACHE.popitem(last=False)
    return cast("tuple[Array, ...]", out)


def _staff_rows(calls: Array, params: Array) -> tuple[Array, ...]:
    """Agents, abandon rate, service level and occupancy of rows of interval points.

    ``calls`` is (R, K): the offered calls of K intervals that share one row of the other inputs
    in ``params`` (R, ``_PARAMS``). Identical points (across parties, channels, months and batch
    variants) are staffed once, in one call to :func:`staffing.required_staffing` with the points
    grouped by their other inputs and sorted by load (its exact bracketed search).
    """
    r, k = calls.shape
    flat = calls.reshape(-1)
    out = np.zeros((4, flat.size))
    out[2] = 1.0  # service level with no calls
    busy = np.flatnonzero(flat > 0)
    if busy.size == 0:
        return tuple(o.reshape(r, k) for o in out)
    uniq, pid = np.unique(params, axis=0, return_inverse=True)
    c = flat[busy]
    # sort by (parameter set, calls): calls sorted once, then a stable sort by parameter set (a
    # radix sort on 16-bit labels; a combined integer key when there are more sets than that)
    by_calls = np.argsort(c)
    g = np.repeat(pid.reshape(-1).astype(np.int64), k)[busy]
    if uniq.shape[0] < 2**15:
        order = by_calls[np.argsort(g[by_calls].astype(np.int16), kind="stable")]
    else:
        rank = np.empty(c.size, dtype=np.int64)
        rank[by_calls] = np.arange(c.size)
        order = np.argsort(g * c.size + rank)
    cs, gs = c[order], g[order]
    first = np.empty(cs.size, dtype=bool)
    first[0] = True
    first[1:] = (cs[1:] != cs[:-1]) | (gs[1:] != gs[:-1])
    ug = gs[first]
    back = np.empty(cs.size, dtype=np.intp)
    back[order] = np.cumsum(first) - 1  # unique point of every busy point
    p = uniq[ug].T
    res = staffing.required_staffing(cs[first], p[1], p[2], p[3], INTERVAL_SECONDS,
                                     max_occupancy=p[5], patience=p[4], concurrency=p[6],
                                     group=ug)
    for j, name in enumerate(("agents", "abandon_rate", "service_level", "occupancy")):
        out[j, busy] = res[name][back]
    return tuple(o.reshape(r, k) for o in out)


def staff_intervals(channel: str, calls: Array, aht: Array, sl: Array, tt: Array,
                       patience: Array, occ: Array, conc: Array) -> tuple[Array, ...]:
    """Agents, abandon rate, service level and occupancy per interval (arrays of one shape).

    Results are memoised on the exact bytes of the inputs (a small LRU).
    """
    arrays = (calls, aht, sl, tt, patience, occ, conc)
    key = channel.encode() + repr(calls.shape).encode() + b"".join(
        np.ascontiguousarray(a, dtype=float).tobytes() for a in arrays)

    def compute() -> tuple[Array, ...]:
        shape = calls.shape
        k = shape[-1]
        full = [np.broadcast_to(np.asarray(a, dtype=float), shape).reshape(-1, k)
                for a in arrays]
        rows = [a[:, 0] for a in full[1:]]
        if any((a != a[:, :1]).any() for a in full[1:]):  # inputs vary within a row: a row a point
            full = [a.reshape(-1, 1) for a in full]
            rows = [a[:, 0] for a in full[1:]]
        chan = np.full(full[0].shape[0], float(LIVE.index(channel)))
        out = _staff_rows(full[0], np.stack([chan, *rows], axis=1))
        return tuple(a.reshape(shape) for a in out)

    return _memo(key, compute)


def staff_blocks(blocks: Sequence[tuple[str, Array, Array, tuple[float, ...]]]
                 ) -> list[tuple[Array, ...]]:
    """:func:`staff_intervals` of several blocks in one de-duplicated, memoised call.

    Each block is ``(channel, calls (R, K), aht (R,), (target SL, target time, patience,
    occupancy cap, concurrency))``: R rows of K intervals, the AHT of each row, the other
    inputs shared by the block. Returns agents, abandon rate, service level and occupancy of
    each block, (R, K) each.
    """
    calls = np.concatenate([np.asarray(c, dtype=float) for _, c, _, _ in blocks])
    params = np.concatenate([
        np.column_stack([np.full(c.shape[0], float(LIVE.index(ch))), np.asarray(a, dtype=float),
                         *(np.full(c.shape[0], float(v)) for v in rest)])
        for ch, c, a, rest in blocks])
    key = b"staff_blocks" + repr(calls.shape).encode() + calls.tobytes() + params.tobytes()
    res = _memo(key, lambda: _staff_rows(calls, params))
    out, start = [], 0
    for _, c, _, _ in blocks:
        out.append(tuple(r[start:start + c.shape[0]] for r in res))
        start += c.shape[0]
    return out


def _channel_inputs(part: Part, inp: Inputs, ch: str) -> tuple[Array, ...]:
    """Per-month inputs other than the calls of one part-channel, each (n, M)."""
    shape = part.calls[ch].shape[:2]
    c = channel(ch)
    sl, tt = part.target_sl[ch], part.target_time[ch]
    values = (float(LIVE.index(ch)), part.aht[ch], sl, tt, patience_of(inp, ch), inp.x(c.occupancy),
              concurrency_of(inp, ch))
    return tuple(np.broadcast_to(np.asarray(v, dtype=float), shape) for v in values)


def concurrency_of(inp: Inputs, ch: str) -> Array:
    """Return a channel's contacts per agent at once (n, 1): its concurrency input, else 1."""
    path = channel(ch).concurrency
    return inp.x(path) if path is not None else np.ones((inp.n, 1))


def patience_of(inp: Inputs, ch: str) -> Array:
    """Return a live channel's mean customer patience, s (n, 1)."""
    path = channel(ch).patience
    if path is None:  # pragma: no cover (the channel table gives every live channel one)
        raise InputError(f"channel {ch}: a live channel needs a patience input")
    return inp.x(path)


def live_sum(values: Mapping[str, Array]) -> Array:
    """Sum a per-channel quantity over the live channels, in table order."""
    total = values[LIVE[0]]
    for ch in LIVE[1:]:
        total = total + values[ch]
    return total


def staff_parts(parts: Sequence[Part], inp: Inputs, profile: WeekProfile) -> None:
    """Staff the live channels of every part per interval (Erlang A) in one de-duplicated call.

    Workload channels (e-mail) and outbound are staffed by :func:`defer`. Fills each part's
    agents, hours and service metrics. A part-channel with no contacts in any variant needs no
    staffing call: its results are zeros.
    """
    k = profile.count.size
    segments = _live_segments(parts)
    calls = [np.asarray(part.calls[ch], dtype=float) for part, ch in segments]
    if not segments:
        for part in parts:
            part.peak_live = np.zeros(part.calls[LIVE[0]].shape[:2])
            defer(part, inp)
        return
    # one segment = one variant of one part-channel (M rows of K intervals); variants that leave a
    # segment's inputs unchanged (most of a tornado, every money-only variant) share one block
    seen: dict[bytes, int] = {}
    where_list: list[int] = []
    rows: list[Array] = []
    blocks: list[Array] = []
    for (part, ch), c in zip(segments, calls, strict=True):
        prm = np.stack(_channel_inputs(part, inp, ch), axis=-1)  # (n, M, _PARAMS)
        cc = np.broadcast_to(c, (*prm.shape[:2], k))
        # variants equal to the first one need no hashing
        same = (cc == cc[:1]).all(axis=(1, 2)) & (prm == prm[:1]).all(axis=(1, 2))
        first_block = -1
        for i in range(cc.shape[0]):
            if same[i] and first_block >= 0:
                where_list.append(first_block)
                continue
            key_i = cc[i].tobytes() + prm[i].tobytes()
            j = seen.get(key_i)
            if j is None:
                j = seen[key_i] = len(blocks)
                blocks.append(cc[i])
                rows.append(prm[i])
            where_list.append(j)
            if i == 0:
                first_block = j
    calls_b = np.stack(blocks)
    params = np.concatenate(rows)
    where = np.asarray(where_list, dtype=np.intp)
    m = blocks[0].shape[0]

    def compute() -> tuple[Array, ...]:
        try:
            res = _staff_rows(calls_b.reshape(-1, k), params)
        except InputError as exc:  # the engine's limit, in the scenario's terms
            raise InputError(
                ", ".join(c.volume for c in CHANNEL_TABLE if c.live)
                + ", demand.annual_growth and finance.horizon_months: an interval's load grows "
                f"beyond what the engine staffs ({exc})") from None
        return tuple(r.reshape(len(blocks), m, k) for r in res)

    # memoised on the distinct blocks only (a tornado's key is a few MB, not every variant's calls)
    key = b"blocks" + repr(calls_b.shape).encode() + calls_b.tobytes() + params.tobytes()
    agents_b, ab_b, sl_b, occ_b = _memo(key, compute)
    # monthly aggregates per distinct block (M, K) of intervals, then one row per variant
    sums = interval_sums(calls_b, agents_b, ab_b, sl_b, occ_b, profile.count)
    start = 0
    picks = {}
    for (part, ch), c in zip(segments, calls, strict=True):
        pick = where[start:start + c.shape[0]]
        start += c.shape[0]
        picks[id(part), ch] = pick
        # interval agents: read by interval_staffing, the vendor's minimum-shift top-up and the
        # status quo (today's staffing scaled from the target schedule), in batches too
        part.agents[ch] = agents_b[pick]
        for q, v in sums.items():
            getattr(part, q)[ch] = v[pick]
    for part in parts:
        part.peak_live = _peak_live(part, [picks[id(part), ch] for ch in LIVE
                                           if (id(part), ch) in picks], agents_b)
        defer(part, inp)


def _live_segments(parts: Sequence[Part]) -> list[tuple[Part, str]]:
    """Return the part-channels with contacts; fill the others' staffing with zeros."""
    segments = []
    for part in parts:
        for ch in LIVE:
            c = np.asarray(part.calls[ch], dtype=float)
            if c.any():
                segments.append((part, ch))
            else:
                part.agents[ch] = np.broadcast_to(np.zeros((1, 1, 1)), c.shape)
                for q in SUMS:
                    getattr(part, q)[ch] = np.zeros(c.shape[:2])
    return segments


def _peak_live(part: Part, picks: Sequence[NDArray[np.intp]], agents_b: Array) -> Array:
    """Live agents of the busiest interval by month (n, M), summed over the staffed channels."""
    if not picks:  # no live contacts at all
        return np.zeros(part.calls[LIVE[0]].shape[:2])
    if all((p == p[0]).all() for p in picks):  # one staffing for every variant
        peak = _sum_blocks(agents_b, [p[0] for p in picks]).max(axis=-1)
        return np.broadcast_to(peak, (picks[0].size, peak.size))
    combos, inverse = np.unique(np.stack(picks, axis=1), axis=0, return_inverse=True)
    peak = _sum_blocks(agents_b, list(combos.T)).max(axis=-1)
    return cast("Array", peak[inverse.reshape(-1)])


def _sum_blocks(agents_b: Array, picks: Sequence[Any]) -> Array:
    """Interval agents summed over channels: ``agents_b[picks[0]] + agents_b[picks[1]] + ...``."""
    total = agents_b[picks[0]]
    for p in picks[1:]:
        total = total + agents_b[p]
    return cast("Array", total)


#: The monthly quantities of one part-channel that interval staffing sums to (Part attributes).
SUMS: tuple[str, ...] = ("staffed_hours", "abandoned", "answered_in_time", "busy_hours")


def interval_sums(calls: Array, agents: Array, abandon: Array, service: Array, occupancy: Array,
                  count: Array) -> dict[str, Array]:
    """Sum interval staffing to monthly hours and contacts: the one definition of those sums.

    Parameters
    ----------
    calls, agents, abandon, service, occupancy : arrays (..., K)
        Offered contacts per occurrence of each of the K interval types, the agents staffed, the
        abandon rate, service level and occupancy there.
    count : array (K,)
        Occurrences of each interval type a week.

    Returns
    -------
    dict of str -> array (...)
        ``staffed_hours`` and ``busy_hours`` (agent hours a month: ``sum(count x agents
        [x occupancy]) x 0.5 h x weeks a month``), ``abandoned`` and ``answered_in_time``
        (contacts a month: ``sum(count x calls x rate) x weeks a month``).

    Examples
    --------
    >>> one = np.ones((1, 1))
    >>> s = interval_sums(10 * one, 2 * one, 0.1 * one, 0.8 * one, 0.5 * one, np.ones(1))
    >>> round(float(s["staffed_hours"][0]), 4), round(float(s["abandoned"][0]), 4)
    (4.3482, 4.3482)
    """
    hours_per_occurrence = INTERVAL_SECONDS / 3600.0 * WEEKS_PER_MONTH
    weight = calls * count  # offered per interval type per week
    return {"staffed_hours": (agents * count).sum(axis=-1) * hours_per_occurrence,
            "abandoned": (weight * abandon).sum(-1) * WEEKS_PER_MONTH,
            "answered_in_time": (weight * service).sum(-1) * WEEKS_PER_MONTH,
            "busy_hours": (agents * occupancy * count).sum(-1) * hours_per_occurrence}


def staff_part(part: Part, inp: Inputs, profile: WeekProfile) -> None:
    """Staff one part (see :func:`staff_parts`)."""
    staff_parts([part], inp, profile)


def defer(part: Part, inp: Inputs) -> None:
    """Workload-driven channels (no queueing): e-mail / back office, and outbound campaigns.

    A workload channel's monthly hours are ``items x handle time / 3600 / (occupancy x
    concurrency)``.
    """
    for ch in DEFERRED:
        part.deferred[ch] = np.asarray(staffing.deferred_agents_required(
            part.offered[ch], part.aht[ch], 3600.0 * concurrency_of(inp, ch),
            max_occupancy=inp.x(channel(ch).occupancy)), dtype=float)
    part.deferred_hours = part.deferred[DEFERRED[0]]
    for ch in DEFERRED[1:]:
        part.deferred_hours = part.deferred_hours + part.deferred[ch]
    if not part.outbound:
        part.outbound_hours = np.zeros_like(part.deferred_hours)
        part.outbound_work = {}
        return
    x = inp.x
    util, abandon = dialler(inp.other("outbound.dialler_mode"), x("outbound.preview_utilisation"),
                            x("outbound.progressive_utilisation"),
                            x("outbound.predictive_utilisation"),
                            x("outbound.predictive_abandon_rate"), x("outbound.abandon_cap"))
    months = part.deferred_hours.shape[-1]
    zero = np.zeros((inp.n, months))
    part.outbound_work = {}
    for c in CAMPAIGNS:
        records = x(f"outbound.{c}_records_per_month")
        if not records.any():  # no campaign: skip the arithmetic, keep the shapes
            part.outbound_work[c] = CampaignWork(zero, zero, zero, zero, zero)
            continue
        part.outbound_work[c] = campaign_work(
            np.broadcast_to(records, (inp.n, months)), x("outbound.attempts_per_record"),
            x("outbound.connect_rate"), x("outbound.right_party_rate"),
            x(f"outbound.{c}_talk_s"), x("outbound.other_talk_s"), x("outbound.wrap_s"), util,
            abandon)
    part.outbound_hours = cast(Array, sum(w.agent_hours for w in part.outbound_work.values()))


def _peak_agents(part: Part, profile: WeekProfile) -> Array:
    open_hours_month = profile.open_hours_per_week * WEEKS_PER_MONTH
    return part.peak_live + (part.deferred_hours + part.outbound_hours) / open_hours_month


# ---------------------------------------------------------------------------------------- options
def _empty_like(a: Array) -> Array:
    return np.zeros_like(a)


def _targets(inp: Inputs, *, vendor: bool) -> tuple[dict[str, Array], dict[str, Array]]:
    """Service-level and answer-time targets of the live channels (in-house or the vendor's)."""
    sl, tt = {}, {}
    for c in CHANNEL_TABLE:
        if c.live and c.target_sl is not None and c.target_time is not None:
            sl[c.name] = inp.x(c.vendor_target_sl if vendor and c.vendor_target_sl else c.target_sl)
            tt[c.name] = inp.x(c.vendor_target_time if vendor and c.vendor_target_time
                               else c.target_time)
    return sl, tt


def make_parts(inp: Inputs, profile: WeekProfile, *,
                overflow_fraction: Mapping[str, Array] | None = None) -> dict[str, list[Part]]:
    """Split each option's work between in-house and vendor parts.

    With ``overflow_fraction`` (share of each channel's monthly volume kept in-house in overflow
    mode, from a base run) no per-interval arrays are built: the Monte Carlo path, where staffing
    comes from a surrogate.
    """
    M = inp.months
    intervals = overflow_fraction is None
    x = inp.x
    ss = self_service_factor(x("demand.self_service_containment"),
                             x("demand.self_service_repeat_share"))
    season, start = inp.other("demand.seasonality"), inp.other("demand.start_month")
    growth, vvf = x("demand.annual_growth"), x("demand.volume_vs_forecast")
    offered = {}
    for chan in CHANNEL_TABLE:
        volume = monthly_contacts(x(chan.volume), season, start, growth, M)
        if chan.self_service:
            volume = volume * ss
        offered[chan.name] = volume * vvf
    aht = {chan.name: aht_path(x(chan.aht), x("demand.aht_improvement"),
                               x("demand.aht_improvement_months"), M) for chan in CHANNEL_TABLE}
    share = profile.share[:, None, :]  # (n, 1, K)

    def per_interval(monthly: Array) -> Array:
        return monthly[..., None] * share / WEEKS_PER_MONTH

    def calls_of(vol: dict[str, Array]) -> dict[str, Array]:
        return {c: per_interval(vol[c]) for c in LIVE} if intervals else {}

    in_fcr = x("inhouse.first_contact_resolution")
    shared = inp.other("outsourced.delivery_model") == "shared"
    v_fcr = x("outsourced.first_contact_resolution") - (
        x("outsourced.shared_pool_fcr_penalty") if shared else 0.0)
    # vendor learning curve: AHT and FCR move from go-live factors to steady state
    ramp = x("outsourced.ramp_months")
    v_fcr = np.clip(v_fcr * learning_curve(x("outsourced.ramp_fcr_factor"), ramp, M), 0.0, 1.0)
    v_volume = fcr_volume_factor(v_fcr, in_fcr, x("demand.repeats_per_unresolved"))
    aht_ramp = learning_curve(x("outsourced.ramp_aht_factor"), ramp, M)
    v_aht = {ch: a * x("outsourced.aht_factor") * aht_ramp for ch, a in aht.items()}

    own_sl, own_tt = _targets(inp, vendor=False)
    v_sl, v_tt = _targets(inp, vendor=True)

    def inhouse_part(vol: dict[str, Array], calls: dict[str, Array] | None = None) -> Part:
        return Part("inhouse", vol, calls if calls is not None else calls_of(vol),
                    aht, own_sl, own_tt, in_fcr)

    def vendor_part(vol: dict[str, Array], calls: dict[str, Array] | None = None) -> Part:
        vol = {c: v * v_volume for c, v in vol.items()}
        if calls is not None:
            calls = {c: v * v_volume[..., None] for c, v in calls.items()}
        return Part("vendor", vol, calls if calls is not None else calls_of(vol),
                    v_aht, v_sl, v_tt, v_fcr)

    parts: dict[str, list[Part]] = {
        "inhouse": [inhouse_part(offered)],
        "outsourced": [vendor_part(offered)],
    }
    mode = inp.other("hybrid.mode")
    if mode == "share":
        s = x("hybrid.outsourced_share")
        parts["hybrid"] = [inhouse_part({c: v * (1.0 - s) for c, v in offered.items()}),
                           vendor_part({c: v * s for c, v in offered.items()})]
    elif mode == "overflow" and not intervals:
        frac = overflow_fraction or {}
        # live channels overflow to the vendor; workload channels stay in-house
        in_vol = {c: offered[c] * frac[c] if c in LIVE else offered[c] for c in CHANNELS}
        v_vol = {c: offered[c] * (1.0 - frac[c]) if c in LIVE else _empty_like(offered[c])
                 for c in CHANNELS}
        parts["hybrid"] = [inhouse_part(in_vol), vendor_part(v_vol)]
    elif mode == "overflow":
        full = {c: per_interval(offered[c]) for c in LIVE}
        base, over = {}, {}
        for c in LIVE:
            base[c], over[c] = overflow_split(full[c], profile.count,
                                              x("hybrid.overflow_threshold"))

        def monthly(calls: Array) -> Array:
            return cast("Array", (calls * profile.count).sum(-1) * WEEKS_PER_MONTH)

        in_vol = {c: monthly(base[c]) if c in LIVE else offered[c] for c in CHANNELS}
        v_vol = {c: monthly(over[c]) if c in LIVE else _empty_like(offered[c]) for c in CHANNELS}
        parts["hybrid"] = [inhouse_part(in_vol, base), vendor_part(v_vol, over)]
    else:  # channel split
        out = set(inp.other("hybrid.outsourced_channels").split("+"))
        in_vol = {c: (_empty_like(v) if c in out else v) for c, v in offered.items()}
        v_vol = {c: (v if c in out else _empty_like(v)) for c, v in offered.items()}
        parts["hybrid"] = [inhouse_part(in_vol), vendor_part(v_vol)]
    # outbound campaigns: in-house runs them as today, the vendor when outsourced; the hybrid
    # gives them to whoever hybrid.outbound_to names
    v_conv = x("outsourced.outbound_conversion_factor")
    parts["inhouse"][0].outbound = True
    parts["outsourced"][0].outbound = True
    parts["outsourced"][0].conversion_factor = v_conv
    runner = parts["hybrid"][1 if inp.other("hybrid.outbound_to") == "vendor" else 0]
    runner.outbound = True
    if runner.who == "vendor":
        runner.conversion_factor = v_conv
    return parts


def _outbound_outcomes(part: Part, inp: Inputs) -> dict[str, Array | float]:
    """Sales, saves and kept promises of the part's campaigns, and the money they bring."""
    x = inp.x
    if not part.outbound or not any(x(f"outbound.{c}_records_per_month").any()
                                    for c in CAMPAIGNS):
        return {"sales": 0.0, "saves": 0.0, "kept": 0.0, "value": 0.0, "served": 0.0,
                "attempts": 0.0}
    w = part.outbound_work
    f = part.conversion_factor
    sales = w["sales"].right_party * x("outbound.sales_conversion") * f
    saves = w["retention"].right_party * x("outbound.retention_save_rate") * f
    kept = (w["collections"].right_party * x("outbound.collections_promise_rate") * f
            * x("outbound.collections_kept_rate"))
    value = (lost_sales_margin(sales, 1.0, x("outbound.sales_order_value"),
                               x("revenue.sales_margin"))
             + kept * x("outbound.collections_amount")
             * x("outbound.collections_incremental_share"))
    served = sum(c.connects - c.abandoned for c in w.values())
    attempts = sum(c.attempts for c in w.values())
    return {"sales": sales, "saves": saves, "kept": kept, "value": value, "served": served,
            "attempts": attempts}


def _scheduled_hours(part: Part, inp: Inputs, profile: WeekProfile | None) -> Array:
    """Vendor hours scheduled: Erlang hours x (1 + schedule inefficiency) plus shift top-ups.

    The minimum-shift top-up needs the interval staffing; on the surrogate path (no interval
    agents) it is left out.
    """
    x = inp.x
    sched = x("outsourced.schedule_inefficiency")
    erlang = live_sum(part.staffed_hours) + part.deferred_hours
    hours = erlang * (1.0 + sched)
    shift = x("outsourced.minimum_shift_hours")
    if profile is not None and all(ch in part.agents for ch in LIVE) and shift.any():
        hours = hours + minimum_shift_top_up(live_sum(part.agents), profile.count,
                                             shift, sched)
    return hours


def _vendor_work(part: Part, inp: Inputs, profile: WeekProfile | None) -> VendorWork:
    handled = {ch: part.offered[ch] - part.abandoned.get(ch, 0.0) for ch in CHANNELS}
    return VendorWork(_scheduled_hours(part, inp, profile), handled, part.aht)


#: pricing model -> registry path of its rate (from the pricing table; faces read it)
_RATE_OF = {name: m.rate for name, m in PRICING_MODELS.items()}


def _cola_rate(inp: Inputs) -> Array:
    basis = inp.other("finance.contract_cola_basis")
    return inp.x("finance.wage_escalation" if basis == "wage_escalation"
                 else "finance.contract_cola")


def _vendor_lines(part: Part, inp: Inputs, profile: WeekProfile | None = None
                  ) -> tuple[dict[str, Array], Array]:
    x = inp.x
    model = effective_model(inp.other("outsourced.pricing_model"),
                            inp.other("outsourced.delivery_model"))
    check_tiers(model, inp.other("outsourced.tier_pricing_model"),
                inp.other("outsourced.tier_thresholds"))
    units = PRICING_MODELS[model].units(_vendor_work(part, inp, profile), x)
    active = (units > 0).any(axis=-1, keepdims=True)
    # vendor prices in the scenario's currency: COLA index x exchange rate
    cola = escalation(_cola_rate(inp), inp.months) * x("outsourced.fx_rate")
    fees = vendor_fees(units, x(_RATE_OF[model]), cola,
                       base_fee=x("outsourced.monthly_base_fee") * active,
                       thresholds=inp.other("outsourced.tier_thresholds"),
                       discounts=inp.other("outsourced.tier_discounts"),
                       minimum_commitment=x("outsourced.minimum_commitment"),
                       volume_vs_forecast=x("demand.volume_vs_forecast"))
    credits = sla_credit(fees, x("outsourced.sla_at_risk_share"),
                         x("outsourced.sla_credit_pool_share"),
                         x("outsourced.sla_credit_allocation"),
                         x("outsourced.sla_misses_per_month"))
    out_fees = np.zeros_like(fees)
    if part.outbound:
        oc = _outbound_outcomes(part, inp)
        paid_month = x("inhouse.paid_hours_per_fte_year") / 12.0
        min_hours = (x("outsourced.outbound_min_fte") * paid_month
                     * (1.0 - x("outsourced.shrinkage")) / (1.0 + x("inhouse.schedule_inefficiency")))
        out_fees = outbound_vendor_fees(
            inp.other("outsourced.outbound_pricing"), part.outbound_hours, oc["served"],
            np.asarray(oc["sales"]) + oc["saves"] + oc["kept"], cola,
            rate_per_hour=x("outsourced.outbound_rate_per_hour"),
            rate_per_connect=x("outsourced.outbound_rate_per_connect"),
            commission=x("outsourced.outbound_commission"),
            blend_hourly_share=x("outsourced.outbound_blend_hourly_share"),
            minimum_hours=min_hours) + np.zeros_like(fees)
        active = active | (out_fees > 0).any(axis=-1, keepdims=True)
    governance = np.maximum((fees + out_fees) * x("outsourced.governance_share"),
                            x("outsourced.governance_min_monthly") * active)
    return {"vendor_fees": fees, "vendor_outbound_fees": out_fees, "sla_credits": credits,
            "governance": governance}, units


def _vendor_fte(part: Part, inp: Inputs) -> Array:
    """Vendor agent FTE for the work (the in-house schedule inefficiency and vendor shrinkage)."""
    x = inp.x
    return agent_fte(live_sum(part.staffed_hours)
                     + part.deferred_hours, x("inhouse.schedule_inefficiency"),
                     x("outsourced.shrinkage"), x("inhouse.paid_hours_per_fte_year") / 12.0)


def _workload(part: Part, profile: WeekProfile) -> InhouseWorkload:
    return InhouseWorkload(staffed_hours=live_sum(part.staffed_hours),
                           deferred_hours=part.deferred_hours + part.outbound_hours,
                           peak_agents=_peak_agents(part, profile))


def _weekly_payroll(lines: Mapping[str, Array], load: Array) -> Array:
    pay = sum(lines[k] for k in ("agent_wages", "team_leads", "managers", "quality_assurance",
                                 "workforce_management", "trainers"))
    return pay * (1.0 + load) / WEEKS_PER_MONTH


@dataclass
class Raw:
    """Per-option arrays (n, months) before they become DataFrames."""

    lines: dict[str, Array]
    drivers: dict[str, Array]
    #: lines known to be zero (an option without that part): sums may leave them out
    absent: frozenset[str] = frozenset()


def profile_of(inp: Inputs) -> WeekProfile:
    """Return the scenario's week of 30-minute intervals (weekday and weekend profiles)."""
    return week_profile(inp.other("demand.weekday_profile"), inp.other("demand.weekend_profile"),
                        inp.x("demand.weekend_day_share"))


def compute(inp: Inputs, *, drivers: bool = True) -> dict[str, Raw]:
    """Run the whole chain: parts -> interval staffing -> money (and the status quo when given).

    ``drivers=False`` is the batch path (:func:`money`'s): every line and the revenue effect, not
    the service drivers no money line reads.
    """
    profile, parts = staffed_parts(inp)
    return money(inp, parts, profile, drivers=drivers)


class _Reads(Inputs):
    """The same inputs, noting every path read (``x``, ``other``, ``section``)."""

    def __init__(self, inp: Inputs) -> None:  # a view of ``inp``, not a new scenario
        self.__dict__.update(inp.__dict__)
        self.numeric: set[str] = set()
        self.others: set[str] = set()

    def x(self, path: str) -> Array:
        self.numeric.add(path)
        return self._num[path]

    def other(self, path: str) -> Any:
        self.others.add(path)
        return self.scenario[path]

    def section(self, name: str) -> dict[str, Array]:
        out = super().section(name)
        self.numeric.update(f"{name}.{k}" for k in out)
        return out


@dataclass
class _Staffed:
    """One single evaluation's staffed parts and the input values they were built from."""

    numeric: tuple[str, ...]
    values: bytes  # the numeric inputs' bits (-0.0 is not 0.0)
    others: dict[str, Any]
    months: int
    profile: WeekProfile
    parts: dict[str, list[Part]]

    def matches(self, inp: Inputs) -> bool:
        return (inp.months == self.months
                and _bits(inp, self.numeric) == self.values
                and all(inp.other(p) == v for p, v in self.others.items()))


_PARTS_CACHE: list[_Staffed] = []  # most recent first
_PARTS_LOCK = threading.Lock()
_PARTS_CACHE_SIZE = 4


def staffed_parts(inp: Inputs) -> tuple[WeekProfile, dict[str, list[Part]]]:
    """Return the week profile and every option's parts, staffed (and the status quo's).

    A single evaluation (``inp.n == 1``) whose demand, service and staffing inputs equal a
    recent one's - a wage, a price or a tax changed - reuses its staffed parts: the inputs this
    stage read are noted when it runs, and a later evaluation with the same values at those
    paths gets the same parts (money reads them, never writes them). Batches de-duplicate their
    own staffing (:func:`staff_parts`).
    """
    if inp.n == 1:
        with _PARTS_LOCK:  # a dashboard may evaluate from more than one thread
            hit = next((h for h in _PARTS_CACHE if h.matches(inp)), None)
            if hit is not None:
                _PARTS_CACHE.remove(hit)
                _PARTS_CACHE.insert(0, hit)
                return hit.profile, hit.parts
        reads = _Reads(inp)
        profile, parts = _staff(reads)
        numeric = tuple(sorted(reads.numeric))
        entry = _Staffed(numeric, _bits(inp, numeric),
                         {p: inp.other(p) for p in sorted(reads.others)}, inp.months, profile,
                         parts)
        with _PARTS_LOCK:
            _PARTS_CACHE.insert(0, entry)
            del _PARTS_CACHE[_PARTS_CACHE_SIZE:]
        return profile, parts
    return _staff(inp)


def _bits(inp: Inputs, paths: Sequence[str]) -> bytes:
    return np.array([inp.x(p)[0, 0] for p in paths]).tobytes()


def _staff(inp: Inputs) -> tuple[WeekProfile, dict[str, list[Part]]]:
    profile = profile_of(inp)
    parts = make_parts(inp, profile)
    staff_parts([p for plist in parts.values() for p in plist], inp, profile)
    sq = status_quo_part(parts["inhouse"][0], inp, profile)
    if sq is not None:
        parts = {STATUS_QUO: [sq], **parts}
    return profile, parts


def _target_agent_fte(part: Part, inp: Inputs) -> Array:
    """Return the agent FTE the part's workload needs at its service targets.

    This is the ``inhouse_agent_fte`` driver before the headcount policy and the ramp.
    """
    x = inp.x
    return agent_fte(live_sum(part.staffed_hours)
                     + part.deferred_hours + part.outbound_hours,
                     x("inhouse.schedule_inefficiency"), x("inhouse.shrinkage"),
                     x("inhouse.paid_hours_per_fte_year") / 12.0)


def status_quo_part(base: Part, inp: Inputs, profile: WeekProfile) -> Part | None:
    """Build the in-house center as staffed today: ``inhouse.current_agent_fte`` agents.

    Today's agents are spread over the intervals as the target schedule spreads them (every
    interval's agents scaled by current FTE / target FTE of the month); service level,
    abandonment and occupancy then follow from Erlang A at that staffing
    (:func:`roi_models.staffing.queue_metrics`). E-mail and outbound work keep their share of the
    hours. Variants with no current FTE (0) get the target staffing.
    """
    current = inp.x("inhouse.current_agent_fte")
    if not current.any():
        return None
    target = _target_agent_fte(base, inp)
    ratio = np.divide(np.broadcast_to(current, target.shape), target,
                      out=np.ones_like(target), where=(target > 0) & (current > 0))
    count = profile.count
    sq = Part(base.who, base.offered, base.calls, base.aht, base.target_sl, base.target_time,
              base.fcr, outbound=base.outbound, conversion_factor=base.conversion_factor,
              outbound_hours=np.asarray(base.outbound_hours) * ratio,
              outbound_work=base.outbound_work)
    for ch in LIVE:
        calls = base.calls[ch]
        agents = base.agents[ch] * ratio[..., None]
        if not calls.any():  # no contacts: nothing staffed
            sq.agents[ch] = agents
            for name in SUMS:
                getattr(sq, name)[ch] = np.zeros(calls.shape[:2])
            continue
        tt, patience, conc = base.target_time[ch], patience_of(inp, ch), concurrency_of(inp, ch)
        aht = np.broadcast_to(base.aht[ch][..., None], calls.shape)
        q = staffing.queue_metrics(agents * conc[..., None], calls, aht,
                                   np.broadcast_to(tt[..., None], calls.shape),
                                   INTERVAL_SECONDS,
                                   patience=np.broadcast_to(patience[..., None], calls.shape))
        ab, slv, occv = (np.asarray(q[k], dtype=float)
                         for k in ("abandon_rate", "service_level", "occupancy"))
        sq.agents[ch] = agents
        for name, v in interval_sums(calls, agents, ab, slv, occv, count).items():
            getattr(sq, name)[ch] = v
    sq.peak_live = live_sum(sq.agents).max(axis=-1)
    sq.deferred = {ch: np.asarray(h) * ratio for ch, h in base.deferred.items()}
    sq.deferred_hours = np.asarray(base.deferred_hours) * ratio
    return sq


def _handled(offered: Mapping[str, Array], abandoned: Mapping[str, Array]) -> Array:
    """Offered contacts over every channel less the abandoned ones (table order)."""
    total = offered[CHANNELS[0]]
    for ch in CHANNELS[1:]:
        total = total + offered[ch]
    for ch in LIVE:
        if ch in abandoned:
            total = total - abandoned[ch]
    return total


def money(inp: Inputs, parts: dict[str, list[Part]], profile: WeekProfile, *,
          drivers: bool = True) -> dict[str, Raw]:
    """Cost lines, transition, revenue and drivers of every option from staffed parts.

    The center moved to a vendor is today's: the status quo when it is given, else in-house; its
    released part sets the parallel run, severance and stranded lease, and its fixed overhead
    stays in every option.

    With ``drivers=False`` (the batches: :func:`batch_columns` reads only lines and the revenue
    effect) the service drivers no line depends on are left out: service level, abandonment
    rate, occupancy, staffed hours and the outbound counts; every line is the same.
    """
    x = inp.x
    M = inp.months
    ih_sec, fin = inp.section("inhouse"), inp.section("finance")
    policy = inp.other("inhouse.headcount_policy")
    today = STATUS_QUO if STATUS_QUO in parts else "inhouse"
    full_lines, full_drv = inhouse_costs(_workload(parts[today][0], profile), ih_sec, fin, M,
                                         headcount_policy=policy)
    full_total = total_lines(full_lines)
    # the fixed part of the allocated overhead stays, at today's center's level, in every
    # option (it does not leave with the work)
    fixed_overhead = full_drv["fixed_overhead"]
    rent_idx = escalation(x("finance.rent_escalation"), M)
    lic_idx = escalation(x("finance.licence_escalation"), M)
    severance_load = x("inhouse.payroll_load") * x("tax.severance_payroll_load_share")
    parallel_w = parallel_run_weight(x("outsourced.parallel_run_months"), M)
    zero = np.zeros((inp.n, M))
    out: dict[str, Raw] = {}
    for option, plist in parts.items():
        lines: dict[str, Array] = {}
        drv: dict[str, Array] = {}
        ih_part = next((p for p in plist if p.who == "inhouse"), None)
        v_part = next((p for p in plist if p.who == "vendor"), None)
        if ih_part is not None:
            if option == today:
                il, idrv = full_lines, full_drv
            else:
                il, idrv = inhouse_costs(_workload(ih_part, profile), ih_sec, fin, M,
                                         headcount_policy=policy)
        else:
            il = {k: zero for k in INHOUSE_LINES}
            idrv = {k: zero for k in full_drv}
        lines.update(il)
        drv.update({f"inhouse_{k}": v for k, v in idrv.items() if k != "fixed_overhead"})
        lines["fixed_overhead"] = fixed_overhead
        if v_part is not None:
            vl, units = _vendor_lines(v_part, inp, profile)
            drv["vendor_billable_units"] = units
            drv["vendor_fte"] = _vendor_fte(v_part, inp)
            lines["retained_licences"] = (drv["vendor_fte"]
                                          * x("outsourced.retained_licence_per_agent_monthly")
                                          * lic_idx)
            retained_total = total_lines(il)
            # today's center may be smaller than the part a hybrid keeps: nothing is released then
            released_payroll = np.maximum(_weekly_payroll(full_lines, severance_load)
                                          - _weekly_payroll(il, severance_load), 0.0)
            released_seats = np.maximum(full_drv["seats"] - idrv["seats"], 0.0)
            year1 = (vl["vendor_fees"] + vl["vendor_outbound_fees"])[..., :12].sum(
                axis=-1, keepdims=True)
            tl = transition_costs(full_total, retained_total, released_payroll, released_seats,
                                  year1, inp.section("outsourced"), ih_sec, rent_idx)
            lines.update(vl)
            lines.update(tl)
            # the released center's purchases during the parallel run carry VAT too
            vat_parallel = np.maximum(
                total_lines(full_lines, VATABLE_LINES, skip_missing=True)
                - total_lines(il, VATABLE_LINES, skip_missing=True), 0.0) * parallel_w
        else:
            lines.update({k: zero for k in VENDOR_LINES})
            lines.update({k: zero for k in TRANSITION_LINES})
            lines["retained_licences"] = zero
            drv["vendor_billable_units"] = zero
            drv["vendor_fte"] = zero
            vat_parallel = zero
        # service and revenue, all parts together
        offered = {ch: cast(Array, sum(p.offered[ch] for p in plist)) for ch in CHANNELS}
        abandoned = {ch: cast(Array, sum(p.abandoned[ch] for p in plist)) for ch in LIVE}
        total_offered = _handled(offered, {})
        handled = _handled(offered, abandoned)
        resolved = sum(_handled(p.offered, p.abandoned) * p.fcr for p in plist)
        fcr = np.divide(resolved, handled, out=np.zeros_like(handled), where=handled > 0)
        retry = x("revenue.retry_share")
        lost = lost_contacts(live_sum(abandoned),
                             1.0, retry)  # abandoned counts already x abandon rate
        lost_share = np.divide(lost, total_offered, out=np.zeros_like(lost),
                               where=total_offered > 0)
        lost_sales = lost_sales_margin(lost, x("revenue.sales_conversion"),
                                       x("revenue.average_order_value"),
                                       x("revenue.sales_margin"))
        bad, good = experience_shares(lost_share, fcr)
        churn = experience_churn_change(x("revenue.annual_base_churn"),
                                        x("revenue.contacting_share"), bad, good,
                                        x("revenue.bad_experience_effect"),
                                        x("revenue.good_experience_effect"))
        outcomes = [_outbound_outcomes(p, inp) for p in plist]
        saves = zero + sum(o["saves"] for o in outcomes)
        outbound_value = zero + sum(o["value"] for o in outcomes)
        lines["outbound_dialling"] = (zero + sum(o["attempts"] for o in outcomes)
                                      * x("outbound.cost_per_attempt")
                                      * escalation(x("finance.licence_escalation"), M))
        churn = np.where(total_offered > 0, churn, 0.0)  # no contacts, no experience effect
        customers_lost = x("revenue.customers") * churn / 12.0 - saves
        retention = retention_value(customers_lost, x("revenue.annual_margin_per_customer"),
                                    x("revenue.annual_base_churn"), x("finance.discount_rate"),
                                    method=inp.other("revenue.value_method"))
        service = _service_drivers(plist, offered, abandoned, outcomes, zero) if drivers else {}
        drv.update({
            "offered_contacts": total_offered,
            **{f"{ch}_offered": offered[ch] for ch in CHANNELS},
            "handled_contacts": handled,
            **{k: service[k] for k in ("voice_service_level", "voice_abandon_rate") if service},
            "lost_contacts": lost,
            "first_contact_resolution": fcr,
            **{k: service[k] for k in ("occupancy", "staffed_hours") if service},
            "churn_change": churn,
            "customers_lost": customers_lost,
            "lost_sales_margin": lost_sales,
            "retention_loss": retention,
            **{k: service[k] for k in ("outbound_hours", "outbound_attempts", "outbound_sales")
               if service},
            "outbound_saves": saves,
            **{k: service[k] for k in ("outbound_kept_promises",) if service},
            "outbound_value": outbound_value,
        })
        drv["revenue_effect"] = outbound_value - (lost_sales + retention)
        # lines of a part the option does not have are the shared zero: left out of the sums
        # (adding zeros changes no bit)
        absent = frozenset(k for k, v in lines.items() if v is zero)
        lines["unrecoverable_vat"] = unrecoverable_vat(
            total_lines(lines, [k for k in VATABLE_LINES if k not in absent]) + vat_parallel,
            x("tax.vat_rate"), x("tax.vat_recoverable_share"))
        out[option] = Raw(lines, drv, absent)
    return out


def _service_drivers(plist: Sequence[Part], offered: Mapping[str, Array],
                     abandoned: Mapping[str, Array], outcomes: Sequence[Mapping[str, Any]],
                     zero: Array) -> dict[str, Array]:
    """Return the drivers no money line reads: service level, occupancy, outbound counts."""
    in_time_voice = sum(p.answered_in_time["voice"] for p in plist)
    busy = sum(live_sum(p.busy_hours) for p in plist)
    staffed = cast(Array, sum(live_sum(p.staffed_hours) for p in plist))
    return {
        "voice_service_level": np.divide(in_time_voice, offered["voice"],
                                         out=np.ones_like(in_time_voice),
                                         where=offered["voice"] > 0),
        "voice_abandon_rate": np.divide(abandoned["voice"], offered["voice"],
                                        out=np.zeros_like(in_time_voice),
                                        where=offered["voice"] > 0),
        "occupancy": np.divide(busy, staffed, out=np.zeros_like(busy), where=staffed > 0),
        "staffed_hours": staffed,
        "outbound_hours": zero + sum(p.outbound_hours for p in plist),
        "outbound_attempts": zero + sum(o["attempts"] for o in outcomes),
        "outbound_sales": zero + sum(o["sales"] for o in outcomes),
        "outbound_kept_promises": zero + sum(o["kept"] for o in outcomes),
    }


# ---------------------------------------------------------------------------------------- batch
def batch_columns(raw: Mapping[str, Raw], rate: Array) -> dict[str, Array]:
    """Return the batch outputs of every option: one value per variant.

    Parameters
    ----------
    raw : mapping of option -> Raw
        :func:`compute`'s (or :func:`money`'s) result for ``n`` variants.
    rate : array (n,)
        Each variant's annual discount rate (decimal).

    Returns
    -------
    dict of str -> array (n,)
        ``{option}_total_cost``, ``{option}_revenue_effect``, ``{option}_npv`` (net cash flow,
        money) for each option in ``raw``, then ``{option}_incremental_npv`` against the status
        quo when present, else in-house.

    Examples
    --------
    >>> from roi_models.scenario import Scenario
    >>> inp = Inputs(Scenario.default())
    >>> cols = batch_columns(compute(inp), inp.x("finance.discount_rate")[:, 0])
    >>> bool(cols["inhouse_total_cost"][0] > 0)
    True
    """
    out: dict[str, Array] = {}
    ncf = {}
    base = STATUS_QUO if STATUS_QUO in raw else "inhouse"
    for name in raw:
        lines = raw[name].lines
        total = np.zeros(np.broadcast_shapes(*(np.shape(lines[k]) for k in MONEY_COLUMNS)))
        for k in MONEY_COLUMNS:  # in place: no temporary per line
            if k not in raw[name].absent:
                total += lines[k]
        ncf[name] = raw[name].drivers["revenue_effect"] - total
        out[f"{name}_total_cost"] = total.sum(axis=-1)
        out[f"{name}_revenue_effect"] = raw[name].drivers["revenue_effect"].sum(axis=-1)
        out[f"{name}_npv"] = np.asarray(finance.npv(rate, ncf[name]), dtype=float).reshape(-1)
    for name in raw:
        if name != base:
            out[f"{name}_incremental_npv"] = np.asarray(
                finance.npv(rate, ncf[name] - ncf[base]), dtype=float).reshape(-1)
    return out
