"""The business case: evaluate in-house, outsourced and hybrid options over the horizon.

``evaluate(scenario)`` runs the whole chain once: demand by channel and 30-minute interval ->
staffing (Erlang A per interval for voice and chat, workload for e-mail) -> cost lines of each
option -> retention-driven revenue -> monthly cash flows -> NPV, IRR, payback, ROI, and a
structured recommendation. ``evaluate_batch(scenario, changes)`` runs many variants of one scenario
in one vectorised pass (the engine under sensitivity and Monte Carlo). The chain itself is
:mod:`roi_models.pipeline`; this module is its public face (results as records).

Sign convention: cost lines are positive amounts of money spent; ``total_cost`` is their sum;
``revenue_effect`` is signed (positive = revenue kept by service, negative = revenue lost);
``net_cash_flow = revenue_effect - total_cost`` (cash out negative), as in :mod:`roi_models.finance`.
Month 0 is the start of the transition.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from roi_models import finance
from roi_models.channels import CHANNEL_TABLE, CHANNELS, DEFERRED, LIVE
from roi_models.costs import TRANSITION_LINES
from roi_models.demand import WEEKS_PER_MONTH
from roi_models.errors import InputError
from roi_models.pipeline import (
    MONEY_COLUMNS,
    OPTIONS,
    STAFFING_CACHE,
    STATUS_QUO,
    Inputs,
    Raw,
    batch_columns,
    compute,
    make_parts,
    profile_of,
    staff_part,
    status_quo_part,
)
from roi_models.scenario import Scenario
from roi_models.system import fork_pool, run_in_two

__all__ = ["CHANNELS", "MONEY_COLUMNS", "OPTIONS", "SERVICE_TOLERANCE", "STATUS_QUO",
           "BusinessCase", "OptionResult", "Reason", "Recommendation", "ServiceDifference", "evaluate",
           "evaluate_batch", "interval_staffing"]

Array = NDArray[np.float64]
#: The staffing memo (the benchmarks clear it to time cold runs): :data:`pipeline.STAFFING_CACHE`.
_STAFFING_CACHE = STAFFING_CACHE

# ---------------------------------------------------------------------------------------- results

_DRIVER_UNITS = {
    "offered_contacts": "contacts", **{f"{ch}_offered": "contacts" for ch in CHANNELS},
    "handled_contacts": "contacts", "lost_contacts": "contacts",
    "voice_service_level": "share", "voice_abandon_rate": "share",
    "first_contact_resolution": "share", "occupancy": "share", "staffed_hours": "h",
    "churn_change": "share/year", "customers_lost": "customers",
    "inhouse_agent_fte": "FTE", "inhouse_ramp_fte": "FTE", "inhouse_headcount_fte": "FTE",
    "inhouse_support_fte": "FTE", "inhouse_hires": "hires", "inhouse_seats": "seats",
    "vendor_fte": "FTE", "vendor_billable_units": "units",
    "outbound_hours": "h", "outbound_attempts": "attempts", "outbound_sales": "sales",
    "outbound_saves": "customers", "outbound_kept_promises": "promises",
}


@dataclass(frozen=True)
class OptionResult:
    """One option's monthly results.

    Attributes
    ----------
    name : str
        ``"inhouse"``, ``"outsourced"``, ``"hybrid"`` or ``"status_quo"`` (today's staffing).
    monthly : pandas.DataFrame
        One row a month (index ``month``, 0 = start of transition); one column per cost line (money
        spent, positive), then ``total_cost``, ``revenue_effect`` (signed) and ``net_cash_flow``
        (``revenue_effect - total_cost``). ``monthly.attrs["units"]`` gives each column's unit.
    drivers : pandas.DataFrame
        Volumes, FTE, hours, service level, abandonment, churn by month; units in
        ``drivers.attrs["units"]``.
    """

    name: str
    monthly: pd.DataFrame
    drivers: pd.DataFrame

    @property
    def annual(self) -> pd.DataFrame:
        """The monthly money table summed by contract year (year 1 = months 0-11)."""
        years = self.monthly.index // 12 + 1
        out = self.monthly.groupby(years).sum()
        out.index.name = "year"
        return out


_MONEY_FRAME_NAMES = (*MONEY_COLUMNS, "total_cost", "revenue_effect", "net_cash_flow")
_MONEY_FRAME_COLUMNS = pd.Index(_MONEY_FRAME_NAMES)



class Units(Mapping[str, str]):
    """A frame's column units (read-only), shared rather than copied by pandas.

    pandas deep-copies ``attrs`` on every derived frame (each ``summary()`` column, each slice);
    the units never change after a frame is built, so a copy is the same object (measured:
    ``summary()`` with ``incremental`` 9.3 -> 6.3 ms).

    Examples
    --------
    >>> import copy
    >>> u = Units({"total_cost": "USD/month"})
    >>> copy.deepcopy(u) is u, u["total_cost"], dict(u) == {"total_cost": "USD/month"}
    (True, 'USD/month', True)
    """

    def __init__(self, units: Mapping[str, str]) -> None:
        self._units = dict(units)

    def __getitem__(self, key: str) -> str:
        return self._units[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._units)

    def __len__(self) -> int:
        return len(self._units)

    def __deepcopy__(self, memo: dict[int, Any]) -> Units:
        return self

    def __repr__(self) -> str:
        return f"Units({self._units!r})"


def _frames(raw: Raw, currency: str, i: int = 0) -> tuple[pd.DataFrame, pd.DataFrame]:
    months = next(iter(raw.lines.values())).shape[-1]
    idx = pd.RangeIndex(months, name="month")
    # each frame from one preallocated 2-D block (one pandas block, no per-column construction)
    lines = len(MONEY_COLUMNS)
    money = np.empty((months, lines + 3))
    for j, k in enumerate(MONEY_COLUMNS):
        money[:, j] = np.asarray(raw.lines[k])[i]
    money[:, lines] = money[:, :lines].sum(axis=1)
    money[:, lines + 1] = raw.drivers["revenue_effect"][i]
    money[:, lines + 2] = money[:, lines + 1] - money[:, lines]
    columns = _MONEY_FRAME_COLUMNS
    df = pd.DataFrame(money, index=idx, columns=columns, copy=False)
    df.attrs["units"] = Units({c: f"{currency}/month" for c in _MONEY_FRAME_NAMES})
    names = [k for k in raw.drivers if k != "revenue_effect"]
    block = np.empty((months, len(names)))
    for j, k in enumerate(names):
        block[:, j] = np.asarray(raw.drivers[k])[i]
    drv = pd.DataFrame(block, index=idx, columns=names, copy=False)
    drv.attrs["units"] = Units({c: _DRIVER_UNITS.get(c, f"{currency}/month") for c in names})
    return df, drv


@dataclass(frozen=True)
class BusinessCase:
    """The evaluated business case of one scenario.

    Attributes
    ----------
    scenario : Scenario
    options : dict of str -> OptionResult
        ``"inhouse"``, ``"outsourced"``, ``"hybrid"``; ``"status_quo"`` first when
        ``inhouse.current_agent_fte`` is given.
    """

    scenario: Scenario
    options: dict[str, OptionResult]

    @property
    def baseline(self) -> str:
        """The option every incremental figure is against.

        ``"status_quo"`` when today's staffing is given, else ``"inhouse"``.
        """
        return STATUS_QUO if STATUS_QUO in self.options else "inhouse"

    def service_targets(self) -> pd.DataFrame:
        """Every option's service targets, explicit: one row per option and party.

        Columns ``{channel}_target_sl`` and ``{channel}_target_time_s`` of every channel staffed at
        a target (:data:`roi_models.channels.LIVE`: voice, chat, messaging); index (option, party)
        with party ``inhouse`` or ``vendor``. The status quo has the in-house targets but not the
        staffing to meet them.
        """
        s = self.scenario
        own: dict[str, float] = {}
        vendor: dict[str, float] = {}
        for c in CHANNEL_TABLE:
            if c.target_sl is None or c.target_time is None:
                continue
            own[f"{c.name}_target_sl"] = float(s[c.target_sl])
            own[f"{c.name}_target_time_s"] = float(s[c.target_time])
            vendor[f"{c.name}_target_sl"] = float(s[c.vendor_target_sl or c.target_sl])
            vendor[f"{c.name}_target_time_s"] = float(s[c.vendor_target_time or c.target_time])
        rows = {}
        for o in self.options:
            if o in (STATUS_QUO, "inhouse"):
                rows[(o, "inhouse")] = own
            elif o == "outsourced":
                rows[(o, "vendor")] = vendor
            else:
                rows[(o, "inhouse")] = own
                rows[(o, "vendor")] = vendor
        out = pd.DataFrame.from_dict(rows, orient="index")
        out.index = pd.MultiIndex.from_tuples(out.index, names=["option", "party"])
        return out

    def service_differences(self, tolerance: Mapping[str, float] | None = None
                            ) -> list[ServiceDifference]:
        """Options whose service differs from in-house by more than a tolerance, and its worth.

        Like-for-like check: voice service level, voice abandonment and first-contact resolution
        (horizon averages, :meth:`metrics`) of every option against the in-house option (staffed
        to target). ``worth`` is what the option's service is worth against in-house: the
        difference in revenue effect over the horizon (lost sales and retention; positive =
        the option keeps more revenue).

        Parameters
        ----------
        tolerance : mapping of metric -> share, optional
            Defaults to :data:`SERVICE_TOLERANCE` (2 points of SL and FCR, 1 point of
            abandonment).

        Returns
        -------
        list of ServiceDifference
            One record per option and metric outside the tolerance, in option order.

        Examples
        --------
        >>> d = evaluate().service_differences()
        >>> [(r.option, r.metric) for r in d]
        [('outsourced', 'first_contact_resolution')]
        """
        tol = dict(SERVICE_TOLERANCE)
        tol.update(tolerance or {})
        s = self.summary()
        out = []
        for o in self.options:
            if o == "inhouse":
                continue
            worth = float(s.loc["revenue_effect", o] - s.loc["revenue_effect", "inhouse"])
            for metric, t in tol.items():
                value, ref = float(s.loc[metric, o]), float(s.loc[metric, "inhouse"])
                if abs(value - ref) > t:
                    out.append(ServiceDifference(o, metric, value, ref, value - ref, t, worth))
        return out

    @property
    def currency(self) -> str:
        """The scenario's currency code (every money figure is in it)."""
        return str(self.scenario["finance.currency"])

    @property
    def discount_rate(self) -> float:
        """The scenario's effective annual discount rate, as a decimal."""
        return float(self.scenario["finance.discount_rate"])

    def metrics(self, option: str) -> dict[str, float]:
        """Headline metrics of one option (money over the whole horizon)."""
        res = self.options[option]
        m, d = res.monthly, res.drivers
        offered = d["voice_offered"].sum()
        total = float(m["total_cost"].sum())
        handled = float(d["handled_contacts"].sum())
        # per contact of today's demand (in-house handled contacts): an option whose lower FCR
        # creates repeat contacts must not look cheaper per contact because of them
        demand = float(self.options["inhouse"].drivers["handled_contacts"].sum())
        return {
            "total_cost": total,
            "average_monthly_cost": total / len(m),
            "cost_per_contact": total / demand if demand else float("nan"),
            "revenue_effect": float(m["revenue_effect"].sum()),
            "npv_cost": -float(finance.npv(self.discount_rate, -m["total_cost"].to_numpy())),
            "npv": float(finance.npv(self.discount_rate, m["net_cash_flow"].to_numpy())),
            "inhouse_fte": float(d["inhouse_headcount_fte"].mean()),
            "vendor_fte": float(d["vendor_fte"].mean()),
            "handled_contacts": handled,
            "voice_service_level": float((d["voice_service_level"] * d["voice_offered"]).sum()
                                         / offered) if offered else float("nan"),
            "voice_abandon_rate": float((d["voice_abandon_rate"] * d["voice_offered"]).sum()
                                        / offered) if offered else float("nan"),
            "first_contact_resolution": float(
                (d["first_contact_resolution"] * d["handled_contacts"]).sum() / handled)
            if handled else float("nan"),
            "lost_contacts": float(d["lost_contacts"].sum()),
            "one_off_costs": float(m[list(TRANSITION_LINES)].to_numpy().sum()
                                   + m["capex"].sum()),
        }

    def summary(self) -> pd.DataFrame:
        """Metric x option table (money over the horizon in the scenario's currency)."""
        return pd.DataFrame({o: self.metrics(o) for o in self.options})

    @property
    def incremental(self) -> pd.DataFrame:
        """Switching versus in-house, per option: NPV, IRR, MIRR, payback months, ROI, net saving.

        MIRR finances and reinvests at the discount rate (the figure for a KPI card; the IRR of a
        fast payback runs to hundreds of per cent and is kept for the tables).

        The incremental cash flow is ``net_cash_flow(option) - net_cash_flow(baseline)``, the
        baseline being the status quo when today's staffing is given, else in-house (then the
        columns are ``outsourced`` and ``hybrid``; with a status quo ``inhouse`` comes first). ROI is
        (running-cost savings + revenue difference - one-off costs) / one-off costs, where one-off
        costs are the transition lines (setup, knowledge transfer, parallel run, severance,
        stranded lease).
        """
        base = self.options[self.baseline].monthly
        rows = {}
        for name in self.options:
            if name == self.baseline:
                continue
            m = self.options[name].monthly
            diff = (m["net_cash_flow"] - base["net_cash_flow"]).to_numpy()
            one_off = m[list(TRANSITION_LINES)].sum(axis=1).to_numpy()
            benefits = diff + one_off
            total_one_off = one_off.sum()
            rows[name] = {
                "npv": float(finance.npv(self.discount_rate, diff)),
                "irr": float(finance.irr(diff)) if (diff < 0).any() and (diff > 0).any()
                else float("nan"),
                "mirr": float(finance.mirr(diff, self.discount_rate))
                if (diff < 0).any() and (diff > 0).any() else float("nan"),
                "payback_months": float(finance.payback_months(diff)),
                "discounted_payback_months": float(finance.payback_months(
                    diff, annual_rate=self.discount_rate)),
                "roi": float(finance.roi(benefits, one_off)) if total_one_off > 0
                else float("nan"),
                "net_saving": float(diff.sum()),
                "cost_saving": float((base["total_cost"] - m["total_cost"]).sum()),
                "cost_saving_share": float((base["total_cost"] - m["total_cost"]).sum()
                                           / base["total_cost"].sum()),
                "revenue_difference": float((m["revenue_effect"]
                                             - base["revenue_effect"]).sum()),
                "one_off_costs": float(total_one_off),
            }
        return pd.DataFrame(rows)

    @property
    def recommendation(self) -> Recommendation:
        """The option with the highest NPV of net cash flow, and the structured reasons."""
        return _recommend(self)


#: Like-for-like tolerance: an option whose horizon average differs from in-house by more is
#: flagged by :meth:`BusinessCase.service_differences` (shares: 0.02 = 2 points).
SERVICE_TOLERANCE: dict[str, float] = {"voice_service_level": 0.02, "voice_abandon_rate": 0.01,
                                       "first_contact_resolution": 0.02}


@dataclass(frozen=True)
class ServiceDifference:
    """One option's service metric outside the like-for-like tolerance against in-house.

    Attributes
    ----------
    option, metric : str
        e.g. ``"outsourced"``, ``"first_contact_resolution"`` (a :meth:`BusinessCase.metrics` key).
    value, reference : float
        The option's and in-house's horizon averages (shares).
    difference : float
        ``value - reference``.
    tolerance : float
        The tolerance it exceeds.
    worth : float
        Revenue effect of the option minus in-house's over the horizon (money; negative = the
        option's service loses revenue).
    """

    option: str
    metric: str
    value: float
    reference: float
    difference: float
    tolerance: float
    worth: float


@dataclass(frozen=True)
class Reason:
    """One structured reason behind the recommendation: a code and its figures.

    The engine returns no words: every face words a reason in its language (the report's
    language tables, ``roi_models/report/lang/``; :func:`roi_models.report.content.recommendation_text`).

    Attributes
    ----------
    code : str
        ``"option"`` (what switching to ``option`` saves or costs against the baseline),
        ``"service_difference"`` (``option``'s service is not like for like with in-house) or
        ``"close"`` (the top two options are too close to call on cost).
    option : str
        The option it is about (``""`` for ``close``).
    values : mapping of str -> float
        ``option``: ``cost_saving_share``, ``cost_saving`` (money), ``months``,
        ``fcr_points`` (points of first-contact resolution against the baseline),
        ``revenue_difference`` (money), ``npv`` (incremental, money), ``payback_months``
        (``inf``: never within the horizon). ``service_difference``: ``value``, ``reference``,
        ``difference``, ``tolerance`` (shares) and ``worth`` (money), with the metric in
        :attr:`metric`. ``close``: ``margin`` (money) and ``scale`` (the in-house cost NPV).
    metric : str
        The service metric of a ``service_difference`` (a :meth:`BusinessCase.metrics` key).
    """

    code: str
    option: str = ""
    values: Mapping[str, float] = field(default_factory=dict)
    metric: str = ""


@dataclass(frozen=True)
class Recommendation:
    """The recommended option and the structured reasons (no words: the faces word them).

    Attributes
    ----------
    option : str
        The option with the highest NPV of net cash flow.
    npv : float
        Its NPV of net cash flow (money).
    runner_up : str
        The option with the next highest NPV.
    margin : float
        ``npv`` minus the runner-up's (money, >= 0).
    reasons : tuple of Reason
        One ``option`` reason per option against the baseline, then a ``service_difference``
        per option and metric outside the like-for-like tolerance, then ``close`` when the top
        two options are within 2% of the in-house cost NPV.
    close : bool
        The top two options are within 2% of the in-house cost NPV (too close to call).
    service_differences : tuple of ServiceDifference
        Options not like for like with in-house (:meth:`BusinessCase.service_differences`).

    Examples
    --------
    >>> rec = evaluate().recommendation
    >>> [r.code for r in rec.reasons]
    ['option', 'option', 'service_difference']
    >>> rec.reasons[0].option, rec.reasons[0].values["months"]
    ('outsourced', 60.0)
    """

    option: str
    npv: float
    runner_up: str
    margin: float
    reasons: tuple[Reason, ...]
    close: bool = False
    service_differences: tuple[ServiceDifference, ...] = ()


def _recommend(case: BusinessCase) -> Recommendation:
    s = case.summary()
    inc = case.incremental
    npvs = s.loc["npv"]
    best = str(npvs.idxmax())
    base = case.baseline
    reasons = []
    for name in inc.columns:
        r = inc[name]
        fcr_pts = (s.loc["first_contact_resolution", name]
                   - s.loc["first_contact_resolution", base]) * 100
        reasons.append(Reason("option", str(name), {
            "cost_saving_share": float(r["cost_saving_share"]),
            "cost_saving": float(r["cost_saving"]),
            "months": float(len(case.options[name].monthly)),
            "fcr_points": float(fcr_pts),
            "revenue_difference": float(r["revenue_difference"]),
            "npv": float(r["npv"]),
            "payback_months": float(r["payback_months"]) if np.isfinite(r["payback_months"])
            else float("inf")}))
    differences = tuple(case.service_differences())
    for d in differences:
        reasons.append(Reason("service_difference", d.option, {
            "value": d.value, "reference": d.reference, "difference": d.difference,
            "tolerance": d.tolerance, "worth": d.worth}, metric=d.metric))
    ordered = npvs.sort_values(ascending=False)
    margin = float(ordered.iloc[0] - ordered.iloc[1])
    scale = float(abs(s.loc["npv_cost", "inhouse"]) or 1.0)
    close = margin / scale < 0.02
    if close:
        reasons.append(Reason("close", values={"margin": margin, "scale": scale}))
    return Recommendation(best, float(npvs[best]), str(ordered.index[1]), margin,
                          tuple(reasons), close, differences)


def interval_staffing(scenario: Scenario, month: int = 0, option: str = "inhouse"
                      ) -> pd.DataFrame:
    """Return the interval staffing behind one month of an option: a row per 30-minute interval type.

    The same chain :func:`evaluate` runs (demand -> interval calls -> Erlang A per interval),
    read before it is summed into monthly hours, for the option's first party (in-house, or the
    vendor when outsourced; ``"status_quo"``: today's agents, given
    ``inhouse.current_agent_fte``). Faces (report, dashboard) chart this; they compute nothing.

    Returns
    -------
    pandas.DataFrame
        Rows: interval types with arrivals, labelled ``"Mon-Fri 09:30"`` / ``"Sat-Sun 09:30"``;
        columns ``count`` (occurrences a week), ``{channel}_offered`` of every live channel
        (offered per occurrence; voice's is also ``voice_calls``), ``{channel}_agents`` of every
        channel in :data:`roi_models.channels.CHANNEL_TABLE` order (live channels: Erlang A per
        interval, ``sum(count x agents) x 0.5 h x weeks a month`` is the month's staffed hours;
        workload channels such as e-mail spread evenly over the open hours as the seat count
        assumes), then ``outbound_agents``.

    Examples
    --------
    >>> t = interval_staffing(Scenario.default())
    >>> int(t.loc["Mon-Fri 10:00", "voice_agents"]) > 0
    True
    """
    allowed = (*OPTIONS, STATUS_QUO)
    if option not in allowed:
        raise InputError(f"option must be one of {', '.join(allowed)}, got {option!r}")
    inp = Inputs(scenario)
    if not 0 <= month < inp.months:
        raise InputError(f"month must be >= 0 and < {inp.months}, got {month!r}")
    profile = profile_of(inp)
    part = make_parts(inp, profile)["inhouse" if option == STATUS_QUO else option][0]
    staff_part(part, inp, profile)
    if option == STATUS_QUO:
        sq = status_quo_part(part, inp, profile)
        if sq is None:
            raise InputError("option 'status_quo' needs inhouse.current_agent_fte > 0, got 0")
        part = sq
    open_hours_month = profile.open_hours_per_week * WEEKS_PER_MONTH
    columns: dict[str, Array] = {"count": profile.count,
                                  "voice_calls": part.calls["voice"][0, month]}
    columns.update({f"{ch}_offered": part.calls[ch][0, month] for ch in LIVE})
    for ch in CHANNELS:
        if ch in DEFERRED:  # workload spread evenly over the open hours, as the seats assume
            columns[f"{ch}_agents"] = np.full(profile.count.shape,
                                              part.deferred[ch][0, month] / open_hours_month)
        else:
            columns[f"{ch}_agents"] = part.agents[ch][0, month]
    columns["outbound_agents"] = np.full(profile.count.shape,
                                         part.outbound_hours[0, month] / open_hours_month)
    return pd.DataFrame(columns, index=pd.Index(profile.label, name="interval"))


def evaluate(scenario: Scenario | None = None) -> BusinessCase:
    """Evaluate the three options of a scenario (four with a status quo).

    Parameters
    ----------
    scenario : Scenario, optional
        Defaults to :meth:`Scenario.default`.

    Returns
    -------
    BusinessCase

    Examples
    --------
    >>> case = evaluate()
    >>> sorted(case.options)
    ['hybrid', 'inhouse', 'outsourced']
    >>> m = case.options["inhouse"].monthly
    >>> bool(np.allclose(m[list(MONEY_COLUMNS)].sum(axis=1), m["total_cost"]))
    True
    """
    scenario = Scenario.default() if scenario is None else scenario
    raw = compute(Inputs(scenario))
    cur = str(scenario["finance.currency"])
    options = {}
    for name in raw:
        monthly, drivers = _frames(raw[name], cur)
        options[name] = OptionResult(name, monthly, drivers)
    return BusinessCase(scenario, options)


#: Variants from which :func:`evaluate_batch` evaluates every other one in a forked worker.
BATCH_SPLIT_MIN = 64


def evaluate_batch(scenario: Scenario, changes: Mapping[str, Sequence[float] | Array], *,
                   parallel: bool = True) -> pd.DataFrame:
    """Evaluate many variants of ``scenario`` in one vectorised pass.

    Parameters
    ----------
    scenario : Scenario
        The base scenario.
    changes : mapping of dotted path -> array of length n (or scalar)
        Numeric inputs to vary; all arrays have the same length ``n``.

    Returns
    -------
    pandas.DataFrame
        One row per variant: ``{option}_total_cost``, ``{option}_npv`` (net cash flow),
        ``{option}_revenue_effect`` and ``{option}_incremental_npv`` (vs in-house, or vs the
        status quo when ``inhouse.current_agent_fte`` is given: then ``status_quo_*`` columns
        come first and ``inhouse_incremental_npv`` is added).

    Notes
    -----
    With ``parallel`` (the default), 64 variants or more and a second core
    (:func:`roi_models.system.fork_pool`: ``fork``, no other threads running), a forked worker
    evaluates the odd-numbered variants while this process evaluates the even ones (a tornado's
    low and high of each input land on different cores); the values are bitwise the same.

    Examples
    --------
    >>> s = Scenario.default()
    >>> df = evaluate_batch(s, {"inhouse.agent_hourly_wage": [18.0, 20.6, 23.0]})
    >>> bool(df["inhouse_total_cost"].is_monotonic_increasing)
    True
    """
    inp = Inputs(scenario, changes)
    pool = fork_pool() if parallel and inp.n >= BATCH_SPLIT_MIN else None
    if pool is None:
        return pd.DataFrame(_batch(inp))
    arrays = {p: np.broadcast_to(np.asarray(v, dtype=float).reshape(-1), (inp.n,))
              for p, v in changes.items()}
    even, odd = run_in_two(
        pool, lambda: _batch(Inputs(scenario, {p: a[0::2] for p, a in arrays.items()})),
        lambda: _batch(Inputs(scenario, {p: a[1::2] for p, a in arrays.items()})))
    out = {}
    for c, v in even.items():
        out[c] = np.empty(inp.n)
        out[c][0::2], out[c][1::2] = v, odd[c]
    return pd.DataFrame(out)


def _batch(inp: Inputs) -> dict[str, NDArray[np.float64]]:
    return {c: np.broadcast_to(v, (inp.n,)) for c, v in
            batch_columns(compute(inp, drivers=False), inp.x("finance.discount_rate")[:, 0]).items()}
