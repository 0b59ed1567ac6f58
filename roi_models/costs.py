"""Cost lines: the in-house center, the vendor's bill, and the move from one to the other.

Every function is pure and broadcasts: inputs of shape ``(n, 1)`` (``n`` scenario variants) against
monthly arrays of shape ``(n, months)``. Money is in the scenario's currency, costs are positive
numbers here (the cash-flow sign is applied in :mod:`roi_models.business_case`), and nothing is
rounded.

Sections of the scenario arrive as mappings from input name to array, e.g. ``inhouse["shrinkage"]``
for ``inhouse.shrinkage``; see :mod:`roi_models.parameters` for units and sources.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import cast

import numpy as np
from numpy.typing import ArrayLike, NDArray

from roi_models.demand import INTERVAL_SECONDS, WEEKS_PER_MONTH, escalation
from roi_models.errors import InputError

__all__ = [
    "HEADCOUNT_POLICIES",
    "INHOUSE_LINES",
    "RETAINED_LINES",
    "TAX_LINES",
    "TRANSITION_LINES",
    "VATABLE_LINES",
    "VENDOR_LINES",
    "InhouseWorkload",
    "LineBlock",
    "agent_fte",
    "headcount_plan",
    "hires_needed",
    "inhouse_costs",
    "minimum_shift_top_up",
    "outbound_vendor_fees",
    "parallel_run_weight",
    "ramp_productivity_loss",
    "sla_credit",
    "tiered_units",
    "total_lines",
    "transition_costs",
    "unrecoverable_vat",
    "vendor_fees",
]

Array = NDArray[np.float64]

#: In-house cost lines, in the order they appear in the monthly table.
INHOUSE_LINES: tuple[str, ...] = (
    "agent_wages", "team_leads", "managers", "quality_assurance", "workforce_management",
    "trainers", "payroll_load", "hiring", "training", "facilities", "telephony", "software",
    "it_hardware", "overhead", "capex",
)
#: Vendor lines (``sla_credits`` is a credit: zero or negative).
VENDOR_LINES: tuple[str, ...] = ("vendor_fees", "vendor_outbound_fees", "sla_credits",
                                 "governance")
#: One-off lines of moving work to a vendor.
TRANSITION_LINES: tuple[str, ...] = (
    "setup_fee", "knowledge_transfer", "parallel_run", "severance", "stranded_lease",
)
#: Costs the client keeps whoever does the work: the fixed part of the allocated overhead (at the
#: in-house level in every option) and the seats it licenses for vendor agents.
RETAINED_LINES: tuple[str, ...] = ("fixed_overhead", "retained_licences")
#: The VAT the client cannot recover, on every line in :data:`VATABLE_LINES`.
TAX_LINES: tuple[str, ...] = ("unrecoverable_vat",)
#: Purchases that carry VAT (services and goods bought in); wages, salaries, payroll load,
#: severance, recruiting and allocated overhead carry none. ``sla_credits`` reduce the invoice.
VATABLE_LINES: tuple[str, ...] = (
    "facilities", "telephony", "software", "it_hardware", "capex", "outbound_dialling",
    "vendor_fees", "vendor_outbound_fees", "sla_credits", "retained_licences", "setup_fee",
    "knowledge_transfer", "stranded_lease",
)
#: ``inhouse.headcount_policy`` choices.
HEADCOUNT_POLICIES: tuple[str, ...] = ("track_demand", "attrition_only", "hire_to_peak")


class LineBlock(dict[str, "Array"]):
    """Cost lines held as one stacked array, and as a dict of its rows (name -> ``(n, months)``).

    ``block[i]`` is the line ``names[i]``; the dict's values are views of those rows, so code
    that reads lines by name works unchanged, and :func:`total_lines` adds a run of adjacent
    lines in one pass over the block. Replacing an entry detaches the block (the totals then
    add the dict's arrays one by one).

    Examples
    --------
    >>> b = LineBlock(("a", "b"), np.array([[[1.0, 2.0]], [[10.0, 20.0]]]))
    >>> b["b"].tolist(), total_lines(b).tolist()
    ([[10.0, 20.0]], [[11.0, 22.0]])
    """

    def __init__(self, names: tuple[str, ...], block: Array) -> None:
        rows = tuple(block)
        super().__init__(zip(names, rows, strict=True))
        self.names = names
        self.block = block
        self.row = {k: i for i, k in enumerate(names)}
        self._rows = rows

    def intact(self) -> bool:
        """Whether every entry is still its row of :attr:`block` (nothing replaced or added)."""
        return len(self) == len(self._rows) and all(
            dict.get(self, k) is r for k, r in zip(self.names, self._rows, strict=True))


def total_lines(lines: Mapping[str, ArrayLike], names: Iterable[str] | None = None, *,
                skip_missing: bool = False) -> Array:
    """Sum of cost lines (all of ``lines``, or those in ``names``), added in that order.

    The same values as Python's ``sum(lines[k] for k in names)``: one preallocated result the
    lines are added into (no temporary per line); a run of adjacent rows of a
    :class:`LineBlock` is added in one pass over its block.

    Parameters
    ----------
    lines : mapping of str -> array_like
        Money per month, e.g. ``(n, months)`` arrays (they broadcast).
    names : iterable of str, optional
        The lines to add (default: every line, in the mapping's order).
    skip_missing : bool
        Leave out names ``lines`` does not have (else a missing name is a KeyError).

    Examples
    --------
    >>> total_lines({"a": np.array([[1.0, 2.0]]), "b": np.array([[3.0]])}).tolist()
    [[4.0, 5.0]]
    >>> float(total_lines({"a": 1.0}, ("a", "vat"), skip_missing=True))
    1.0
    """
    keys = list(lines) if names is None else [k for k in names if not skip_missing or k in lines]
    if not keys:
        return np.zeros(())
    if isinstance(lines, LineBlock) and lines.intact():
        first = lines.row[keys[0]]
        if [lines.row[k] for k in keys] == list(range(first, first + len(keys))):
            return cast("Array", lines.block[first:first + len(keys)].sum(axis=0))
    arrays = [np.asarray(lines[k], dtype=float) for k in keys]
    out = np.array(np.broadcast_to(arrays[0], np.broadcast_shapes(*(a.shape for a in arrays))))
    for a in arrays[1:]:
        np.add(out, a, out=out)
    return out


def agent_fte(staffed_hours: ArrayLike, schedule_inefficiency: ArrayLike, shrinkage: ArrayLike,
              paid_hours_per_month: ArrayLike) -> Array:
    """Agent FTE from the hours agents must be on the floor.

    ``staffed_hours * (1 + schedule_inefficiency) / (1 - shrinkage) / paid_hours_per_month``.
    Shrinkage is applied by **division** (multiplying by 1 + shrinkage is a known error).

    Examples
    --------
    Textbook case: 14 agents on the floor all month need 20 FTE at 30% shrinkage.

    >>> float(agent_fte(14 * 173.3, 0.0, 0.3, 173.3))
    20.0
    """
    return (cast("Array", np.asarray(staffed_hours, float) * (1.0 + np.asarray(schedule_inefficiency, float))
            / (1.0 - np.asarray(shrinkage, float)) / np.asarray(paid_hours_per_month, float)))


def ramp_productivity_loss(ramp_aht_factor: ArrayLike) -> Array:
    """Average share of output lost by an agent over the ramp, AHT falling linearly from F to 1.

    Output is 1/AHT-factor, so the loss averaged over the ramp is ``1 - ln(F) / (F - 1)``
    (0 when F = 1).

    Examples
    --------
    >>> round(float(ramp_productivity_loss(1.5)), 6)
    0.18907
    """
    f = np.asarray(ramp_aht_factor, dtype=float)
    d = f - 1.0
    safe = np.where(d > 1e-9, d, 1.0)
    return np.where(d > 1e-9, 1.0 - np.log(np.where(d > 1e-9, f, 2.0)) / safe, 0.0)


def hires_needed(headcount: ArrayLike, annual_attrition: ArrayLike,
                 training_class_loss: ArrayLike) -> tuple[Array, Array]:
    """Hires and graduates per month for a headcount path.

    Graduates replace leavers (``attrition / 12 * headcount``) and cover growth (rises of headcount
    month on month; the month before month 0 is taken at month 0's level). Hires are graduates
    grossed up for the share of each class that leaves before graduating.

    Returns
    -------
    hires, graduates : ndarray, shape (n, months)

    Examples
    --------
    >>> h, g = hires_needed([[100.0, 110.0]], 0.36, 0.2)
    >>> g.tolist(), h.tolist()
    ([[3.0, 13.3]], [[3.75, 16.625]])
    """
    hc = np.atleast_2d(np.asarray(headcount, dtype=float))
    growth = np.maximum(np.diff(hc, axis=-1, prepend=hc[..., :1]), 0.0)
    graduates = np.asarray(annual_attrition, float) / 12.0 * hc + growth
    return graduates / (1.0 - np.asarray(training_class_loss, float)), graduates


def headcount_plan(required: ArrayLike, policy: str, annual_attrition: ArrayLike,
                   lead_months: ArrayLike) -> Array:
    """Agent headcount by month under a staffing policy, from the headcount demand requires.

    - ``track_demand``: headcount = requirement (hired and shed each month for free: optimistic);
    - ``attrition_only``: plan ``lead_months`` ahead (the need is the largest requirement of this
      month and the next ``lead`` months, a fraction of a month counting as the next whole one);
      hire up to it, never shed: ``H[t] = max(need[t], H[t-1] x (1 - attrition / 12))``;
    - ``hire_to_peak``: hold the largest need seen so far (replace every leaver, never fall).

    Headcount above the requirement is paid idle time.

    Parameters
    ----------
    required : array_like, shape (n, months)
        Headcount the workload needs (agent FTE plus ramp FTE).
    policy : {"track_demand", "attrition_only", "hire_to_peak"}
    annual_attrition : array_like, shape (n, 1)
        Share of agents leaving a year.
    lead_months : array_like, shape (n, 1)
        Months from requisition to an agent on the floor.

    Examples
    --------
    Demand falls from 100 to 50 agents at 12% attrition a year: headcount drifts down 1% a month.

    >>> headcount_plan([[100.0, 50.0, 50.0]], "attrition_only", 0.12, 0.0).round(2).tolist()
    [[100.0, 99.0, 98.01]]
    >>> headcount_plan([[50.0, 100.0, 60.0]], "attrition_only", 0.12, 1.0).tolist()
    [[100.0, 100.0, 99.0]]
    >>> headcount_plan([[50.0, 100.0, 60.0]], "hire_to_peak", 0.12, 0.0).tolist()
    [[50.0, 100.0, 100.0]]
    """
    r = np.atleast_2d(np.asarray(required, dtype=float))
    if policy == "track_demand":
        return r
    if policy not in HEADCOUNT_POLICIES:
        raise InputError(f"inhouse.headcount_policy must be one of "
                         f"{', '.join(HEADCOUNT_POLICIES)}, got {policy!r}")
    months = r.shape[-1]
    lead = np.ceil(np.broadcast_to(np.asarray(lead_months, float), (r.shape[0], 1))[:, 0])
    need = r.copy()
    for k in range(1, int(lead.max(initial=0.0)) + 1):
        ahead = np.concatenate([r[:, k:], np.repeat(r[:, -1:], min(k, months), axis=-1)],
                               axis=-1)[:, :months]
        need = np.where((k <= lead)[:, None], np.maximum(need, ahead), need)
    if policy == "hire_to_peak":
        return np.maximum.accumulate(need, axis=-1)
    keep = 1.0 - np.broadcast_to(np.asarray(annual_attrition, float), (r.shape[0], 1)) / 12.0
    # the recurrence runs month by month over contiguous rows of the transposed plan
    need_t = np.ascontiguousarray(need.T)
    out_t = np.empty_like(need_t)
    out_t[0] = need_t[0]
    keep_t = np.ascontiguousarray(keep[:, 0])
    for t in range(1, months):
        np.maximum(need_t[t], np.multiply(out_t[t - 1], keep_t, out=out_t[t]), out=out_t[t])
    return np.ascontiguousarray(out_t.T)


def _plan_hires(headcount: Array, annual_attrition: ArrayLike,
                training_class_loss: ArrayLike) -> Array:
    """Return the hires for a headcount that falls only through attrition.

    Graduates fill the gap between this month's headcount and last month's survivors
    (``H[t-1] x (1 - attrition / 12)``; month 0 starts staffed, its leavers replaced).
    """
    keep = 1.0 - np.asarray(annual_attrition, float) / 12.0
    prev = np.concatenate([headcount[..., :1], headcount[..., :-1]], axis=-1)
    graduates = np.maximum(headcount - prev * keep, 0.0)
    return graduates / (1.0 - np.asarray(training_class_loss, float))


def parallel_run_weight(parallel_run_months: ArrayLike, months: int) -> Array:
    """Share of each month the released in-house center still runs (1, 1, then a fraction).

    Examples
    --------
    >>> parallel_run_weight(1.5, 3).tolist()
    [[1.0, 0.5, 0.0]]
    """
    m = np.arange(months, dtype=float)
    return cast("Array", np.clip(np.atleast_2d(np.asarray(parallel_run_months, float)) - m, 0.0, 1.0))


def unrecoverable_vat(purchases: ArrayLike, vat_rate: ArrayLike,
                      recoverable_share: ArrayLike) -> Array:
    """VAT the client pays and cannot recover: ``purchases x rate x (1 - recoverable share)``.

    ``purchases`` are net of VAT (every money input is), so recoverable VAT costs nothing.

    Examples
    --------
    A 100,000 vendor invoice at 20% VAT, a quarter recoverable:

    >>> float(unrecoverable_vat(100_000.0, 0.20, 0.25))
    15000.0
    """
    return (cast("Array", np.asarray(purchases, float) * np.asarray(vat_rate, float)
            * (1.0 - np.asarray(recoverable_share, float))))


def minimum_shift_top_up(agents: ArrayLike, count: ArrayLike, minimum_shift_hours: ArrayLike,
                         schedule_inefficiency: ArrayLike = 0.0) -> Array:
    """Hours a month a vendor bills above the interval requirement because shifts have a floor.

    Per day type (the weekday intervals occur 5 times a week, the weekend ones twice), a day
    needs at least its peak interval's agents x the minimum shift; the hours scheduled are the
    interval requirement x (1 + schedule inefficiency). The top-up is the shortfall, times the
    days a month: ``sum_d max(peak_d x shift - hours_d x (1 + s), 0) x days_d x weeks a month``.

    Parameters
    ----------
    agents : array_like, shape (n, months, K)
        Agents on the floor per interval type (voice plus chat).
    count : array_like, shape (K,)
        Occurrences of each interval type a week (5 or 2).
    minimum_shift_hours : array_like, shape (n, 1)
    schedule_inefficiency : array_like, shape (n, 1)

    Examples
    --------
    Two agents for one half-hour on weekdays only: 2 x 4 h - 2 x 0.5 h = 7 h a day, 5 days.

    >>> round(float(minimum_shift_top_up([[[2.0, 0.0]]], [5.0, 5.0], 4.0)[0, 0]), 4)
    152.1875
    """
    a = np.asarray(agents, dtype=float)
    c = np.asarray(count, dtype=float)
    shift = np.asarray(minimum_shift_hours, float)
    sched = 1.0 + np.asarray(schedule_inefficiency, float)
    out = np.zeros(a.shape[:-1])
    for days in np.unique(c):
        sel = c == days
        hours = a[..., sel].sum(-1) * INTERVAL_SECONDS / 3600.0 * sched
        peak = a[..., sel].max(-1)
        out = out + np.maximum(peak * shift - hours, 0.0) * days * WEEKS_PER_MONTH
    return out


@dataclass(frozen=True)
class InhouseWorkload:
    """What the in-house center must staff each month (all arrays ``(n, months)``).

    Attributes
    ----------
    staffed_hours : ndarray
        Agent hours on the floor for voice and chat (sum over intervals of agents required).
    deferred_hours : ndarray
        Agent hours for e-mail / back-office work.
    peak_agents : ndarray
        Agents on the floor in the busiest interval (voice + chat + e-mail's average presence).
    """

    staffed_hours: Array
    deferred_hours: Array
    peak_agents: Array


def inhouse_costs(work: InhouseWorkload, inhouse: Mapping[str, Array],
                  finance: Mapping[str, Array], months: int,
                  schedule_inefficiency: ArrayLike | None = None, *,
                  headcount_policy: str = "track_demand") -> tuple[dict[str, Array],
                                                                   dict[str, Array]]:
    """Monthly in-house cost lines and their drivers.

    Agents: FTE = (staffed + deferred hours) x (1 + schedule inefficiency) / (1 - shrinkage) /
    paid hours a month, plus ramp FTE = graduates x ramp months x ramp productivity loss.
    Support staff by span (team leads, managers, QA, WFM over agent headcount; trainers over
    trainees in class). Payroll load on every wage and salary. Hiring = hires x cost per hire;
    training = hires x classroom weeks x paid hours a week x wage. Seats = peak agents x (1 +
    buffer) rounded up to whole lease blocks (``seat_lease_step``), never falling (a lease does not
    shrink); facilities and telephony per seat, software per agent FTE, IT hardware = seats x
    capex per seat / depreciation months, overhead as a share of all of these; one-off capex in
    month 0. Wages escalate with ``finance.wage_escalation``, rent with ``rent_escalation``,
    telephony and software with ``licence_escalation``.

    Headcount follows ``headcount_policy`` (:func:`headcount_plan`; every paid hour above the
    requirement is idle time, paid); under a policy other than ``track_demand`` hires fill the
    gap between this month's headcount and last month's survivors. The ``overhead`` line is the
    avoidable part (``inhouse.overhead_avoidable_share``); the driver ``fixed_overhead`` is the
    rest, which the business case keeps in every option at the in-house center's level.

    Returns
    -------
    lines : dict of str -> ndarray (n, months)
        :data:`INHOUSE_LINES`, money per month.
    drivers : dict of str -> ndarray (n, months)
        ``agent_fte``, ``ramp_fte``, ``headcount_fte``, ``support_fte``, ``hires``, ``seats``,
        ``fixed_overhead`` (money a month).
    """
    ih = inhouse
    paid_month = ih["paid_hours_per_fte_year"] / 12.0
    sched = ih["schedule_inefficiency"] if schedule_inefficiency is None else schedule_inefficiency
    fte = agent_fte(work.staffed_hours + work.deferred_hours, sched, ih["shrinkage"], paid_month)
    # Ramp FTE depend on graduates, graduates on headcount: one fixed-point step is enough
    # (the ramp adds a few per cent of headcount; the second-order effect is ignored).
    loss = ramp_productivity_loss(ih["ramp_aht_factor"])
    _, grads0 = hires_needed(fte, ih["annual_attrition"], ih["training_class_loss"])
    ramp = grads0 * ih["ramp_months"] * loss
    headcount = headcount_plan(fte + ramp, headcount_policy, ih["annual_attrition"],
                               ih["hiring_lead_months"])
    if headcount_policy == "track_demand":
        hires, _ = hires_needed(headcount, ih["annual_attrition"], ih["training_class_loss"])
    else:
        hires = _plan_hires(headcount, ih["annual_attrition"], ih["training_class_loss"])

    wage_idx = escalation(finance["wage_escalation"], months)
    rent_idx = escalation(finance["rent_escalation"], months)
    lic_idx = escalation(finance["licence_escalation"], months)

    # every line is written into one preallocated block (no temporary per line, one-pass totals);
    # the operations and their order are those of the line formulas, so the values are the same
    shape = np.broadcast_shapes(headcount.shape, np.shape(work.peak_agents), wage_idx.shape,
                                rent_idx.shape, lic_idx.shape)
    block = np.empty((len(INHOUSE_LINES), *shape))
    line = {k: block[i] for i, k in enumerate(INHOUSE_LINES)}

    hourly = ih["agent_hourly_wage"] * wage_idx
    trainees_in_class = hires * ih["training_weeks"] / WEEKS_PER_MONTH
    support = {
        "team_leads": (headcount / ih["team_lead_span"], ih["team_lead_annual_salary"]),
        "managers": (headcount / ih["manager_span"], ih["manager_annual_salary"]),
        "quality_assurance": (headcount / ih["qa_span"], ih["qa_annual_salary"]),
        "workforce_management": (headcount / ih["wfm_span"], ih["wfm_annual_salary"]),
        "trainers": (trainees_in_class / ih["trainer_span"], ih["trainer_annual_salary"]),
    }
    np.multiply(np.multiply(headcount, paid_month, out=line["agent_wages"]), hourly,
                out=line["agent_wages"])
    for name, (count, salary) in support.items():
        out = line[name]
        np.multiply(np.divide(np.multiply(count, salary, out=out), 12.0, out=out), wage_idx,
                    out=out)
    hours_per_week = ih["paid_hours_per_fte_year"] / 52.0
    out = line["training"]
    np.multiply(np.multiply(np.multiply(hires, ih["training_weeks"], out=out), hours_per_week,
                            out=out), hourly, out=out)
    # payroll: agent wages, the five support lines (block rows 0-5), then training
    payroll = np.add(block[:6].sum(axis=0), line["training"])
    np.multiply(payroll, ih["payroll_load"], out=line["payroll_load"])
    out = line["hiring"]
    np.multiply(np.multiply(hires, ih["cost_per_hire"], out=out), wage_idx, out=out)
    # seats leased in whole blocks of inhouse.seat_lease_step (0: fractional, the first round);
    # 1e-9 keeps float noise (40.000000000001 seats) from adding a block
    need, step = work.peak_agents * (1.0 + ih["seat_buffer"]), ih["seat_lease_step"]
    blocks = np.ceil(need / np.where(step > 0, step, 1.0) - 1e-9)
    seats = np.maximum.accumulate(np.where(step > 0, blocks * step, need), axis=-1)
    for name, price, idx in (("facilities", ih["seat_cost_monthly"], rent_idx),
                             ("telephony", ih["telephony_per_seat_monthly"], lic_idx)):
        np.multiply(np.multiply(seats, price, out=line[name]), idx, out=line[name])
    out = line["software"]
    np.multiply(np.multiply(headcount, ih["software_per_fte_monthly"], out=out), lic_idx, out=out)
    out = line["it_hardware"]
    np.divide(np.multiply(seats, ih["it_capex_per_seat"], out=out), ih["it_depreciation_months"],
              out=out)
    # direct cost in the order the lines were added: payroll, its load, hiring, seats, software
    direct = payroll
    for name in ("payroll_load", "hiring", "facilities", "telephony", "software", "it_hardware"):
        np.add(direct, line[name], out=direct)
    allocated = direct * ih["overhead_share"]
    np.multiply(allocated, ih["overhead_avoidable_share"], out=line["overhead"])
    capex = line["capex"]
    capex[...] = 0.0
    capex[..., 0] = np.broadcast_to(ih["capex_one_off"], capex[..., :1].shape)[..., 0]
    support_fte = cast("NDArray[np.float64]", sum(c for c, _ in support.values()))
    drivers = {"agent_fte": fte, "ramp_fte": ramp, "headcount_fte": headcount,
               "support_fte": support_fte, "hires": hires, "seats": seats,
               "fixed_overhead": allocated - line["overhead"]}
    return LineBlock(INHOUSE_LINES, block), drivers


def tiered_units(units: ArrayLike, thresholds: ArrayLike, discounts: ArrayLike) -> Array:
    """Billable units after marginal volume discounts (units above each threshold get its discount).

    ``units - sum_j (d_j - d_{j-1}) * max(units - t_j, 0)`` with ``d_0 = 0``: like tax brackets,
    so the bill never falls when volume rises (an all-units discount can).

    Examples
    --------
    >>> float(tiered_units(30_000.0, [15_000.0, 25_000.0], [0.03, 0.06]))  # 30000 - 450 - 150
    29400.0
    """
    u = np.asarray(units, dtype=float)
    t = np.asarray(thresholds, dtype=float).reshape(-1)
    d = np.asarray(discounts, dtype=float).reshape(-1)
    steps = np.diff(d, prepend=0.0)
    out = u.copy() if u.ndim else u + 0.0
    for tj, sj in zip(t, steps, strict=True):
        out = out - sj * np.maximum(u - tj, 0.0)
    return out


def vendor_fees(units: ArrayLike, rate: ArrayLike, cola_index: ArrayLike, *,
                base_fee: ArrayLike = 0.0, thresholds: ArrayLike = (),
                discounts: ArrayLike = (), minimum_commitment: ArrayLike = 0.0,
                volume_vs_forecast: ArrayLike = 1.0) -> Array:
    """Return the vendor's monthly bill before SLA credits.

    Billed units are the actual units, but at least ``minimum_commitment`` of the forecast units
    (forecast units = actual units / volume_vs_forecast); tiers discount the billed units; the
    rate and the base fee rise with the COLA index.

    Examples
    --------
    Volume 20% short of forecast, 90% minimum: 8,000 hours worked, 9,000 billed at $24.

    >>> float(vendor_fees(8000.0, 24.0, 1.0, minimum_commitment=0.9, volume_vs_forecast=0.8))
    216000.0
    """
    u = np.asarray(units, dtype=float)
    vvf = np.asarray(volume_vs_forecast, dtype=float)
    billed = np.maximum(u, np.asarray(minimum_commitment, float) * u / vvf)
    if np.size(thresholds):
        billed = tiered_units(billed, thresholds, discounts)
    idx = np.asarray(cola_index, dtype=float)
    return cast("Array", (billed * np.asarray(rate, float) + np.asarray(base_fee, float)) * idx)


def outbound_vendor_fees(model: str, hours: ArrayLike, served_connects: ArrayLike,
                         outcomes: ArrayLike, cola_index: ArrayLike, *, rate_per_hour: ArrayLike,
                         rate_per_connect: ArrayLike, commission: ArrayLike,
                         blend_hourly_share: ArrayLike, minimum_hours: ArrayLike = 0.0) -> Array:
    """Return the vendor's monthly bill for outbound campaigns.

    ``per_hour``: max(hours, minimum team hours) x hourly rate; ``per_connect``: served live
    connects x rate; ``per_outcome``: sales, saves and kept promises x commission; ``blend``: the
    hourly bill x blend share + commission. The COLA index applies to every rate.

    Examples
    --------
    400 logged hours against a 5-FTE minimum of 550 hours, at $38: 550 x 38 = 20,900.

    >>> float(outbound_vendor_fees("per_hour", 400.0, 0.0, 0.0, 1.0, rate_per_hour=38.0,
    ...                            rate_per_connect=3.0, commission=25.0,
    ...                            blend_hourly_share=0.5, minimum_hours=550.0))
    20900.0
    """
    h = np.asarray(hours, dtype=float)
    active = h > 0
    hourly = np.where(active, np.maximum(h, np.asarray(minimum_hours, float)), 0.0) * np.asarray(
        rate_per_hour, float)
    commissions = np.asarray(outcomes, float) * np.asarray(commission, float)
    if model == "per_hour":
        fees = hourly
    elif model == "per_connect":
        fees = np.asarray(served_connects, float) * np.asarray(rate_per_connect, float)
    elif model == "per_outcome":
        fees = commissions
    elif model == "blend":
        fees = hourly * np.asarray(blend_hourly_share, float) + commissions
    else:
        raise InputError(f"outsourced.outbound_pricing must be one of per_hour, per_connect, "
                         f"per_outcome, blend, got {model!r}")
    return cast("Array", fees * np.asarray(cola_index, float))


def sla_credit(fees: ArrayLike, at_risk_share: ArrayLike, pool_share: ArrayLike,
               allocation: ArrayLike, misses_per_month: ArrayLike) -> Array:
    """Return the expected SLA credit a month, as a negative cost.

    Each miss pays at-risk amount x pool % x allocation %, capped at the at-risk amount (DIR
    state-contract clause). Example: $100k fees x 10% x 50% x 40% = $2k for one miss.

    >>> float(sla_credit(100_000.0, 0.10, 0.5, 0.4, 1.0))
    -2000.0
    """
    at_risk = np.asarray(fees, float) * np.asarray(at_risk_share, float)
    share = np.minimum(np.asarray(pool_share, float) * np.asarray(allocation, float)
                       * np.asarray(misses_per_month, float), 1.0)
    return cast("Array", -(at_risk * share))


def transition_costs(full_inhouse_total: Array, retained_inhouse_total: Array,
                     released_payroll_weekly: Array, released_seats: Array,
                     year1_vendor_fees: Array, outsourced: Mapping[str, Array],
                     inhouse: Mapping[str, Array], rent_index: Array) -> dict[str, Array]:
    """One-off costs of moving work to the vendor (outsourced or hybrid option).

    - ``setup_fee`` in month 0;
    - ``knowledge_transfer`` = share x the first year's vendor fees, spread evenly over the
      transition months;
    - ``parallel_run``: the released part of the in-house center (full minus retained cost) keeps
      running for ``parallel_run_months`` (a fraction of a month counts pro rata);
    - ``severance`` when the parallel run ends: released loaded payroll a week x severance weeks x
      (1 - redeployed share);
    - ``stranded_lease``: released seats' facilities cost for ``stranded_lease_months`` after the
      parallel run.

    Parameters
    ----------
    full_inhouse_total, retained_inhouse_total : ndarray (n, months)
        Monthly cost of the whole in-house center and of the part kept.
    released_payroll_weekly : ndarray (n, months)
        Payroll a week of the released staff, by month, with the payroll load that severance
        pay carries (none where the law exempts it).
    released_seats : ndarray (n, months)
        Seats no longer needed, by month.
    year1_vendor_fees : ndarray (n, 1)
        Vendor fees over the first 12 months.
    """
    o = outsourced
    months = full_inhouse_total.shape[-1]
    m = np.arange(months, dtype=float)
    shape = np.broadcast_shapes(full_inhouse_total.shape, retained_inhouse_total.shape)
    setup = np.zeros(shape)
    setup[..., 0] = np.broadcast_to(o["setup_fee"] * o.get("fx_rate", 1.0),  # vendor currency
                                    setup[..., :1].shape)[..., 0]
    t = o["transition_months"]
    kt_weight = np.clip(t - m, 0.0, 1.0) / np.maximum(t, 1e-12)
    pr = o["parallel_run_months"]
    parallel_w = parallel_run_weight(pr, months)
    parallel = np.maximum(full_inhouse_total - retained_inhouse_total, 0.0) * parallel_w
    exit_month = np.minimum(np.ceil(pr), months - 1).astype(int)
    exit_flag = (m == exit_month).astype(float)
    # each variant's value in its exit month (a plain gather: take_along_axis costs more)
    rows = np.arange(shape[0])
    exit_col = np.broadcast_to(exit_month, (shape[0], 1))[:, 0]
    payroll_at_exit = np.broadcast_to(released_payroll_weekly, shape)[rows, exit_col][:, None]
    severance = exit_flag * payroll_at_exit * o["severance_weeks"] * (1.0 - o["redeployed_share"])
    lease_end = pr + o["stranded_lease_months"]
    lease_w = np.clip(np.minimum(m + 1.0, lease_end) - np.maximum(m, pr), 0.0, 1.0)
    seats_at_exit = np.broadcast_to(released_seats, shape)[rows, exit_col][:, None]
    stranded = lease_w * seats_at_exit * inhouse["seat_cost_monthly"] * rent_index
    return {
        "setup_fee": setup,
        "knowledge_transfer": _full(o["knowledge_transfer_share"] * year1_vendor_fees * kt_weight,
                                    shape),
        "parallel_run": _full(parallel, shape),
        "severance": _full(severance, shape),
        "stranded_lease": _full(stranded, shape),
    }


def _full(a: Array, shape: tuple[int, ...]) -> Array:
    """Return ``a`` itself when it has ``shape``, else a new array of ``shape`` (``a + zeros``)."""
    if a.shape == shape and a.dtype == np.float64:
        return a
    return np.zeros(shape) + a
