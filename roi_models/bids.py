"""Vendor bids: several outsourcers' proposals compared with in-house, on one engine.

A :class:`Bid` is one vendor's proposal from an RFP: where it delivers from and in which currency,
dedicated or shared, its pricing (every pricing model the engine supports, with tiers in that
model's unit, a minimum commitment, setup and COLA), the service it commits to, its transition,
the channels it takes, and a scorecard of 1-5 scores. A bid is a **set of changes over the
scenario's** ``outsourced.*`` **(and hybrid) inputs** (:meth:`Bid.changes`), so every bid runs
through exactly the engine of :func:`~roi_models.business_case.evaluate`: a bid that takes every
channel is the scenario's outsourced option with those inputs; a bid for some channels is the
hybrid option split by channel, the rest staying in-house.

What a bid leaves blank: its price is complete as written (no setup fee, base fee, minimum or tiers
unless stated; COLA defaults to the scenario's ``finance.contract_cola``); every service and
transition figure it leaves blank keeps the scenario's value. Money is in the bid's currency
(``currency``, empty = the scenario's), converted at ``fx_rate`` (scenario currency per vendor
currency unit) by the engine.

``compare(scenario, bids)`` returns a :class:`BidComparison`: ``.table()`` (every option side by
side), ``.scorecard()`` (weighted score), ``.ranking`` (by NPV and by score, with the reason they
differ), ``.monte_carlo()`` (common random numbers across bids: P(each is best), regret),
``.tornado()`` (the top two bids' difference) and ``.break_even()`` (each bid's rate at which it ties
with in-house). Files: YAML (``bids:`` list, optional ``weights:``), CSV or XLSX (one row per bid,
one column per field); :func:`write_template` writes one to fill in.

Examples
--------
>>> from roi_models import Scenario
>>> bids = load_bids(EXAMPLE_BIDS)
>>> [b.name for b in bids]
['Onshore dedicated (US)', 'Nearshore shared (Mexico)', 'Offshore dedicated (Philippines)']
>>> cmp = compare(Scenario.default(), bids)
>>> list(cmp.table().columns)[:2]
['inhouse', 'Onshore dedicated (US)']
"""

from __future__ import annotations

import copy
import csv
import difflib
import io
import math
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, cast

import numpy as np
import pandas as pd
import yaml

from roi_models import finance, risk
from roi_models.business_case import STATUS_QUO, BusinessCase, evaluate, evaluate_batch
from roi_models.errors import InputError, ProblemsError
from roi_models.parameters import registry
from roi_models.pricing import PRICING_MODELS, effective_model
from roi_models.scenario import Scenario, ScenarioError
from roi_models.system import atomic_write, fork_pool

__all__ = [
    "CRITERIA",
    "DEFAULT_WEIGHTS",
    "EXAMPLE_BIDS",
    "EXAMPLE_BIDS_RU",
    "FIELDS",
    "RATE_PATHS",
    "Bid",
    "BidComparison",
    "BidField",
    "BidRisk",
    "BidsError",
    "bids_from_rows",
    "bids_table_from_rows",
    "bids_to_rows",
    "compare",
    "load_bids",
    "write_template",
]

_REGISTRY = registry()


def _bound(value: float | None) -> float:
    """Return a registry range end as a float (every uncertain input has both ends)."""
    return float(cast("float", value))


_DATA = resources.files("roi_models") / "data"
#: The shipped example: three bids for the default (USD) scenario.
EXAMPLE_BIDS = Path(str(_DATA / "example_bids.yaml"))
#: The same three vendors for the ``ru`` preset, priced in RUB (the offshore one in USD).
EXAMPLE_BIDS_RU = Path(str(_DATA / "example_bids_ru.yaml"))

#: The rate input the engine reads for each pricing model (the model's unit, vendor currency).
RATE_PATHS: dict[str, str] = {name: m.rate for name, m in PRICING_MODELS.items()}
ALL_CHANNELS = "voice+chat+email"
#: Scorecard criteria scored 1-5 in a bid (the price and service criteria come from the engine).
CRITERIA: tuple[str, ...] = ("quality", "expertise", "technology", "references", "security",
                             "culture")
#: Default scorecard weights (normalised to sum 1): price 40% (as in common RFP practice, where
#: price carries 30-50% of the evaluation), service 15%, the six criteria 45% between them.
DEFAULT_WEIGHTS: dict[str, float] = {
    "price": 0.40, "service": 0.15, "quality": 0.10, "expertise": 0.10, "technology": 0.05,
    "references": 0.05, "security": 0.10, "culture": 0.05,
}
_TRUE = {"true", "yes", "y", "1", "да", "x"}
_FALSE = {"false", "no", "n", "0", "нет", ""}


class BidsError(ProblemsError):
    """One or more invalid bids; ``problems`` lists each, one line per bid and field.

    The message starts with the number of problems, e.g.::

        2 problems in bids 'bids.csv':
          - bid 2 'Nearshore' (line 3): fcr (outsourced.first_contact_resolution): must be >= 0 ...
          - bid 3 'Offshore' (line 4): quality: must be a score from 1 to 5, got 7
    """

    subject = "bids"


# ------------------------------------------------------------------------------------- fields
@dataclass(frozen=True)
class BidField:
    """One field of a bid (a column of the bids sheet).

    Attributes
    ----------
    name : str
        Column name.
    kind : str
        ``"text"``, ``"choice"``, ``"number"``, ``"vector"``, ``"score"`` or ``"bool"``.
    path : str or None
        Scenario input the field sets (``None``: a bid-only field; the rate's path depends on the
        pricing model, see :data:`RATE_PATHS`).
    default : Any
        Value when left blank; ``None`` keeps the scenario's value (or, for a required field,
        is a problem).
    required : bool
    unit : str
        Unit; ``money`` is the bid's currency.
    description : str
    choices : tuple of str
    moved : bool
        Whether the bid Monte Carlo moves the committed value (performance the vendor may miss:
        AHT, FCR, shrinkage, parallel run), by the same relative draw as the scenario's input.
        Prices and contract terms are fixed: they are what the vendor signs.
    """

    name: str
    kind: str
    path: str | None
    default: Any
    required: bool
    unit: str
    description: str
    choices: tuple[str, ...] = ()
    moved: bool = False


def _f(name: str, kind: str, path: str | None, default: Any, unit: str, description: str, *,
       required: bool = False, choices: tuple[str, ...] = (), moved: bool = False) -> BidField:
    return BidField(name, kind, path, default, required, unit, description, choices, moved)


_HYB_CHANNELS = _REGISTRY["hybrid.outsourced_channels"].choices
#: Every field of a bid, in sheet order.
FIELDS: tuple[BidField, ...] = (
    _f("name", "text", None, None, "", "Vendor and proposal name (unique).", required=True),
    _f("location", "choice", None, None, "", "Where the vendor delivers from.", required=True,
       choices=("onshore", "nearshore", "offshore")),
    _f("currency", "text", "outsourced.currency", "", "",
       "Currency of every price of the bid (ISO code); blank = the scenario's currency."),
    _f("fx_rate", "number", "outsourced.fx_rate", 1.0, "scenario currency per unit",
       "Exchange rate: scenario currency per unit of the bid's currency (1 for the same "
       "currency)."),
    _f("fx_low", "number", None, None, "scenario currency per unit",
       "Low end of the plausible exchange rate over the contract (blank: fx_rate x 0.85)."),
    _f("fx_high", "number", None, None, "scenario currency per unit",
       "High end of the plausible exchange rate (blank: fx_rate x 1.15)."),
    _f("delivery_model", "choice", "outsourced.delivery_model", None, "",
       "Dedicated team, or a shared pool (billed per handled minute or per contact; loses "
       "outsourced.shared_pool_fcr_penalty of FCR).", required=True,
       choices=_REGISTRY["outsourced.delivery_model"].choices),
    _f("pricing_model", "choice", "outsourced.pricing_model", None, "", "Billing unit.",
       required=True, choices=_REGISTRY["outsourced.pricing_model"].choices),
    _f("rate", "number", None, None, "money per billing unit",
       "Price per billing unit (hour, FTE-month, minute or contact), in the bid's currency.",
       required=True),
    _f("monthly_base_fee", "number", "outsourced.monthly_base_fee", 0.0, "money/month",
       "Fixed monthly management fee on top of the unit price."),
    _f("tier_thresholds", "vector", "outsourced.tier_thresholds", (), "billing units/month",
       "Monthly billing units above which each discount applies (marginal), in the pricing "
       "model's unit; separate with ';'."),
    _f("tier_discounts", "vector", "outsourced.tier_discounts", (), "share",
       "Discount on the units above each threshold; one per threshold."),
    _f("minimum_commitment", "number", "outsourced.minimum_commitment", 0.0, "share of forecast",
       "The vendor bills at least this share of the forecast units."),
    _f("setup_fee", "number", "outsourced.setup_fee", 0.0, "money", "One-off setup fee, month 0."),
    _f("cola", "number", "finance.contract_cola", None, "share/year",
       "Annual price escalation (COLA); blank = the scenario's."),
    # service and transition: blank keeps the scenario's value (name, outsourced.<input>, unit,
    # description, moved by the Monte Carlo)
    *(_f(n, "number", f"outsourced.{p}", None, u, d, moved=m) for n, p, u, d, m in (
        ("sl_target", "voice_target_sl", "share",
         "Committed share of calls answered within sl_time_s.", False),
        ("sl_time_s", "voice_target_time_s", "s",
         "Committed answer time for the service level.", False),
        ("chat_sl_target", "chat_target_sl", "share",
         "Committed share of chats answered within chat_sl_time_s.", False),
        ("chat_sl_time_s", "chat_target_time_s", "s", "Committed answer time for chats.", False),
        ("aht_factor", "aht_factor", "x in-house AHT", "Vendor AHT relative to in-house.", True),
        ("fcr", "first_contact_resolution", "share", "Committed first-contact resolution.", True),
        ("shrinkage", "shrinkage", "share", "Vendor shrinkage (billed FTE per FTE-month).", True),
        ("sla_at_risk_share", "sla_at_risk_share", "share of monthly fees",
         "Share of monthly fees at risk for SLA misses.", False),
        ("sla_pool_share", "sla_credit_pool_share", "share",
         "Pool % of the at-risk amount for the missed SLA.", False),
        ("sla_allocation", "sla_credit_allocation", "share",
         "Allocation % of the pool paid per miss.", False),
        ("transition_months", "transition_months", "months", "Months to steady state.", False),
        ("parallel_run_months", "parallel_run_months", "months",
         "Months the in-house center runs in parallel.", True),
        ("knowledge_transfer_share", "knowledge_transfer_share", "share of year-1 fees",
         "One-off knowledge-transfer cost.", False),
        ("learning_months", "ramp_months", "months",
         "Learning curve: months until the vendor's AHT and FCR reach steady state.", True),
        ("learning_aht_factor", "ramp_aht_factor", "x steady vendor AHT",
         "Vendor AHT at go-live relative to its steady state.", True),
        ("learning_fcr_factor", "ramp_fcr_factor", "x steady vendor FCR",
         "Vendor FCR at go-live relative to its steady state.", True),
        ("billed_schedule_inefficiency", "schedule_inefficiency", "share",
         "Hours the vendor schedules and bills (hour and FTE models) above the Erlang requirement.", False),
    )),
    _f("channels", "choice", None, ALL_CHANNELS, "",
       "Inbound channels the bid covers; fewer than all = a hybrid split by channel, the rest "
       "in-house.", choices=(ALL_CHANNELS, *_HYB_CHANNELS)),
    _f("outbound", "bool", None, False, "", "Whether the bid offers the outbound campaigns."),
    _f("evaluate_as", "choice", None, "vendor", "",
       "'vendor': the bid takes its channels; 'hybrid': the bid is the vendor of the "
       "scenario's own hybrid split.", choices=("vendor", "hybrid")),
    *(_f(c, "score", None, None, "1-5", f"Scorecard: {d}.", required=True) for c, d in (
        ("quality", "quality of service (QA, CSAT record)"),
        ("expertise", "agents' expertise in the client's field"),
        ("technology", "technology, IVR and virtual agents that cut volume"),
        ("references", "references and track record"),
        ("security", "security and compliance"),
        ("culture", "cultural and language fit"))),
    _f("notes", "text", None, "", "", "Free-text notes."),
)
_FIELD = {f.name: f for f in FIELDS}
_EXTRA_SECTIONS = ("outsourced.", "hybrid.", "finance.contract_cola")


def _extra_ok(key: str) -> bool:
    return key in _REGISTRY and key.startswith(_EXTRA_SECTIONS)


def _unknown_field(key: str) -> str:
    if key in _REGISTRY:
        return "unknown field (a bid sets only outsourced.*, hybrid.* and finance.contract_cola)"
    close = difflib.get_close_matches(key, [*_FIELD, *(p for p in _REGISTRY if _extra_ok(p))],
                                      n=1)
    return "unknown field" + (f"; did you mean {close[0]!r}?" if close else "")


# ------------------------------------------------------------------------------------- parsing
def _number(value: Any) -> float | None:
    """Read a number from YAML or a sheet cell: 0.8, "0.8", "80%", "0,8", "1 200"; None if not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if math.isfinite(float(value)) else None
    if not isinstance(value, str):
        return None
    t = value.strip().replace("\u00a0", "").replace(" ", "")
    pct = t.endswith("%")
    t = t.rstrip("%")
    if "," in t and "." not in t:
        t = t.replace(",", ".")
    try:
        f = float(t)
    except ValueError:
        return None
    if not math.isfinite(f):
        return None
    return f / 100.0 if pct else f


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or (
        isinstance(value, float) and math.isnan(value))


def _parse(fd: BidField | None, key: str, value: Any) -> tuple[Any, str | None]:
    """Convert a given (non-blank) value to the field's type; return (value, problem)."""
    kind = fd.kind if fd else _REGISTRY[key].kind
    if kind == "text":
        if isinstance(value, (dict, list, bool)):  # YAML reads a bare NO (krone) as false
            return value, f"must be text (put it in quotes), got {value!r}"
        return str(value).strip(), None
    if kind == "choice":
        choices = fd.choices if fd else _REGISTRY[key].choices
        v = str(value).strip().lower() if isinstance(value, str) else value
        if v not in choices:
            close = difflib.get_close_matches(str(v), choices, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            return value, f"must be one of {', '.join(choices)}, got {value!r}{hint}"
        return v, None
    if kind == "bool":
        if isinstance(value, bool):
            return value, None
        t = str(value).strip().lower()
        if t in _TRUE:
            return True, None
        if t in _FALSE:
            return False, None
        return value, f"must be yes or no, got {value!r}"
    if kind == "vector":
        items = value if isinstance(value, (list, tuple)) else (
            [v for v in str(value).replace(",", ";").split(";") if v.strip()]
            if isinstance(value, str) else [value])
        out = []
        for v in items:
            f = _number(v)
            if f is None:
                return value, f"must be numbers separated by ';', got {value!r}"
            out.append(f)
        return tuple(out), None
    f = _number(value)
    if f is None:
        return value, f"must be a number, got {value!r}"
    if kind == "score" and not 1.0 <= f <= 5.0:
        return value, f"must be a score from 1 to 5, got {value!r}"
    if kind == "int":
        return (int(f), None) if f == int(f) else (value, f"must be a whole number, got {value!r}")
    return f, None


# ------------------------------------------------------------------------------------- the bid
@dataclass(frozen=True)
class Bid:
    """One vendor's proposal: the fields given (parsed) plus any extra ``outsourced.*`` inputs.

    Attributes
    ----------
    values : dict
        Field name -> value for the fields the bid gives; ``bid[name]`` falls back to the
        field's default.
    extra : dict
        Dotted ``outsourced.*`` / ``hybrid.*`` inputs set directly (e.g. a learning curve input).
    where : str
        Where the bid came from, for messages (``"bid 2 'Nearshore' (line 3)"``).
    """

    values: Mapping[str, Any]
    extra: Mapping[str, Any] = field(default_factory=dict)
    where: str = ""

    def __getitem__(self, name: str) -> Any:
        if name in self.values:
            return self.values[name]
        fd = _FIELD.get(name)
        if fd is None:
            raise InputError(f"bid field must be one of {', '.join(_FIELD)}, got {name!r}")
        return fd.default

    @property
    def name(self) -> str:
        """The bid's (vendor's) name."""
        return str(self.values["name"])

    @property
    def channels(self) -> str:
        """The channels the bid covers (comma-separated)."""
        return str(self["channels"])

    @property
    def scores(self) -> dict[str, float]:
        """The six 1-5 scorecard scores."""
        return {c: float(self.values[c]) for c in CRITERIA}

    def rate_path(self) -> str:
        """Return the scenario input the bid's ``rate`` sets (by its pricing model)."""
        return RATE_PATHS[str(self.values["pricing_model"])]

    def option(self, scenario: Scenario) -> str:
        """Return the engine option this bid is evaluated as: ``"outsourced"`` or ``"hybrid"``."""
        if self["evaluate_as"] == "hybrid" or self.channels != ALL_CHANNELS:
            return "hybrid"
        if not self["outbound"] and _has_outbound(scenario):
            return "hybrid"
        return "outsourced"

    def foreign(self, scenario: Scenario) -> bool:
        """Whether the bid prices in another currency than the scenario."""
        cur = str(self["currency"]).strip().upper()
        return cur not in ("", str(scenario["finance.currency"]).strip().upper())

    def fx_range(self) -> tuple[float, float]:
        """(low, high) of the exchange rate; blank ends scale with the registry's FX range."""
        p = _REGISTRY["outsourced.fx_rate"]
        rate = float(self["fx_rate"])
        lo = self.values.get("fx_low")
        hi = self.values.get("fx_high")
        return (float(lo) if lo is not None else rate * _bound(p.low) / _bound(p.default),
                float(hi) if hi is not None else rate * _bound(p.high) / _bound(p.default))

    def changes(self, scenario: Scenario) -> dict[str, Any]:
        """Return the bid as changes over ``scenario``'s inputs (dotted path -> value).

        Examples
        --------
        >>> b = load_bids(EXAMPLE_BIDS)[0]
        >>> ch = b.changes(Scenario.default())
        >>> ch["outsourced.pricing_model"], ch["outsourced.rate_per_productive_hour"]
        ('per_productive_hour', 38.0)
        """
        out: dict[str, Any] = {}
        for fd in FIELDS:
            if fd.path is None:
                continue
            value = self.values.get(fd.name, fd.default)
            if value is not None:
                out[fd.path] = value
        model = self.values.get("pricing_model")
        if model in RATE_PATHS and "rate" in self.values:
            out[RATE_PATHS[model]] = float(self.values["rate"])
        if model in RATE_PATHS:
            # the bid's tiers are written in the unit its contract bills
            delivery = self.values.get("delivery_model", scenario["outsourced.delivery_model"])
            out["outsourced.tier_pricing_model"] = effective_model(str(model), str(delivery))
        if self.values.get("cola") is not None:
            out["finance.contract_cola_basis"] = "fixed"  # the bid's own COLA, as signed
        out.update(self.extra)
        if self["evaluate_as"] == "hybrid":
            out["hybrid.outbound_to"] = "vendor" if self["outbound"] else "inhouse"
        elif self.channels != ALL_CHANNELS:
            out.update({"hybrid.mode": "channel", "hybrid.outsourced_channels": self.channels,
                        "hybrid.outbound_to": "vendor" if self["outbound"] else "inhouse"})
        elif not self["outbound"] and _has_outbound(scenario):
            # every inbound channel to the vendor, the campaigns kept in-house
            out.update({"hybrid.mode": "share", "hybrid.outsourced_share": 1.0,
                        "hybrid.outbound_to": "inhouse"})
        return out

    def scenario(self, scenario: Scenario) -> Scenario:
        """``scenario`` with this bid's changes (validated)."""
        return scenario.with_changes(self.changes(scenario))

    def committed(self, name: str) -> bool:
        """Tell whether the bid sets field ``name`` rather than keeping the scenario's value.

        A field is set when given, or when it is a price term with a default (a bid's price is
        complete as written).
        """
        fd = _FIELD[name]
        return name in self.values or (fd.path is not None and fd.default is not None)

    def stated_paths(self) -> set[str]:
        """Scenario inputs this bid sets (its fields, its rate, its extra inputs)."""
        return ({fd.path for fd in FIELDS if fd.path and self.committed(fd.name)}
                | {self.rate_path(), *self.extra})


def _has_outbound(scenario: Scenario) -> bool:
    return any(float(scenario[f"outbound.{c}_records_per_month"]) > 0
               for c in ("sales", "retention", "collections"))


def _bid_label(i: int, name: Any, line: int | None) -> str:
    nm = f" {str(name)!r}" if not _blank(name) else ""
    at = f" (line {line})" if line is not None else ""
    return f"bid {i}{nm}{at}"


def _bid_from_mapping(i: int, data: Any, line: int | None, problems: list[str]) -> Bid | None:
    if not isinstance(data, Mapping):
        problems.append(f"bid {i}: must be a mapping of fields, got {data!r}")
        return None
    where = _bid_label(i, data.get("name"), line)
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, raw in data.items():
        key = str(key).strip()
        fd = _FIELD.get(key)
        if fd is None and not _extra_ok(key):
            problems.append(f"{where}: {key}: {_unknown_field(key)}")
            continue
        if _blank(raw):
            continue
        value, problem = _parse(fd, key, raw)
        if problem:
            problems.append(f"{where}: {key}: {problem}")
            continue
        (values if fd else extra)[key] = value
    for fd in FIELDS:
        if fd.required and fd.name not in values and not any(
                p.startswith(f"{where}: {fd.name}:") for p in problems):
            problems.append(f"{where}: {fd.name}: missing (required)")
    model, delivery = values.get("pricing_model"), values.get("delivery_model")
    if delivery == "shared" and model not in (None, "per_handled_minute", "per_contact"):
        problems.append(f"{where}: pricing_model: a shared pool bills per_handled_minute or "
                        f"per_contact, got {model!r}")
    for end in ("fx_low", "fx_high", "fx_rate"):
        if end in values and values[end] <= 0:
            problems.append(f"{where}: {end}: must be > 0, got {values[end]!r}")
    if {"fx_low", "fx_high"} <= set(values) and values["fx_low"] > values["fx_high"]:
        problems.append(f"{where}: fx_low: must be <= fx_high ({values['fx_high']:g}), got "
                        f"{values['fx_low']:g}")
    rate = values.get("fx_rate", 1.0)
    checks: tuple[tuple[str, Callable[[float], bool]], ...] = (
        ("fx_low", lambda v: v <= rate), ("fx_high", lambda v: v >= rate))
    for end, ok in checks:
        if end in values and values[end] > 0 and not ok(values[end]):
            problems.append(f"{where}: {end}: must be on the {'low' if end == 'fx_low' else 'high'}"
                            f" side of fx_rate {rate:g}, got {values[end]:g}")
    if "rate" in values and values["rate"] < 0:
        problems.append(f"{where}: rate: must be >= 0, got {values['rate']!r}")
    return Bid(values, extra, where)


def _check_against(bids: Sequence[Bid], scenario: Scenario, problems: list[str]) -> None:
    """Validate every bid's changes on ``scenario``; map problems back to the bid's fields."""
    by_path = {fd.path: fd.name for fd in FIELDS if fd.path}
    names: dict[str, int] = {}
    for b in bids:
        names[b.name] = names.get(b.name, 0) + 1
    for name, n in names.items():
        if n > 1:
            problems.append(f"bids: name {name!r} is used by {n} bids; names must be unique")
    for b in bids:
        ch = b.changes(scenario)
        by_path_b = dict(by_path)
        if b.values.get("pricing_model") in RATE_PATHS:
            by_path_b[b.rate_path()] = "rate"
        try:
            scenario.with_changes(ch)
        except ScenarioError as exc:
            for p in exc.problems:
                path, _, msg = p.partition(": ")
                label = by_path_b.get(path)
                field_name = f"{label} ({path})" if label else path
                problems.append(f"{b.where}: {field_name}: {msg}")
        if b.foreign(scenario) and "fx_rate" not in b.values:
            problems.append(f"{b.where}: fx_rate: missing: the bid prices in {b['currency']} and "
                            f"the scenario in {scenario['finance.currency']}")


def bids_from_rows(header: Sequence[Any], rows: Iterable[Sequence[Any]], *, origin: str = "",
                   scenario: Scenario | None = None, first_line: int = 2) -> list[Bid]:
    """Bids from a sheet: a header row of field names, then one row per bid.

    Blank rows are skipped; blank cells leave the field at its default. Every problem of every
    bid is collected and raised at once as :class:`BidsError`. With ``scenario`` (default: the
    default scenario) the bids are also checked against it (limits of every input).

    Examples
    --------
    >>> rows = bids_to_rows(load_bids(EXAMPLE_BIDS))
    >>> [b.name for b in bids_from_rows(rows[0], rows[1:])][:1]
    ['Onshore dedicated (US)']
    """
    head = [str(h).strip() if not _blank(h) else "" for h in header]
    problems: list[str] = []
    if "name" not in head:
        problems.append("header: needs a 'name' column (the first row names the fields)")
    for j, h in enumerate(head):
        if h and h not in _FIELD and not _extra_ok(h):
            problems.append(f"header: column {j + 1} {h!r}: {_unknown_field(h)}")
            head[j] = ""
        elif h and h in head[:j]:
            problems.append(f"header: column {j + 1} {h!r}: appears twice")
            head[j] = ""
    bids: list[Bid] = []
    i = 0
    for k, row in enumerate(rows):
        cells = list(row)
        if all(_blank(c) for c in cells):
            continue
        i += 1
        data = {h: (cells[j] if j < len(cells) else None) for j, h in enumerate(head) if h}
        extra_cells = [c for c in cells[len(head):] if not _blank(c)]
        b = _bid_from_mapping(i, data, first_line + k, problems)
        if extra_cells:
            problems.append(f"{_bid_label(i, data.get('name'), first_line + k)}: has "
                            f"{len(extra_cells)} value(s) beyond the last named column")
        if b is not None:
            bids.append(b)
    return _finish(bids, problems, origin, scenario)


def _finish(bids: list[Bid], problems: list[str], origin: str,
            scenario: Scenario | None) -> list[Bid]:
    if not bids and not problems:
        problems.append("no bids: the file holds no bid")
    _check_against(bids, scenario or Scenario.default(), problems)
    if problems:
        raise BidsError(problems, origin)
    return bids


def load_bids(path: str | os.PathLike[str], scenario: Scenario | None = None
              ) -> list[Bid]:
    """Read bids from YAML (``.yaml``/``.yml``), CSV (``.csv``) or Excel (``.xlsx``).

    YAML: a mapping with ``bids:`` (a list of bids, each a mapping of fields) and optionally
    ``weights:``, or a bare list. CSV/XLSX: one row per bid, one column per field (see
    :data:`FIELDS`; :func:`write_template` writes one). Every problem at once, by bid and field.

    Examples
    --------
    >>> len(load_bids(EXAMPLE_BIDS_RU, Scenario.preset("ru")))
    3
    """
    bids, _ = _read(path, scenario)
    return bids


def load_weights(path: str | os.PathLike[str]) -> dict[str, float] | None:
    """Return the ``weights:`` of a YAML bids file (``None`` if it has none or is a sheet)."""
    p = Path(path)
    if p.suffix.lower() not in (".yaml", ".yml"):
        return None
    data = yaml.safe_load(p.read_text(encoding="utf-8"))
    w = data.get("weights") if isinstance(data, Mapping) else None
    return check_weights(w) if w else None


def _read(path: str | os.PathLike[str], scenario: Scenario | None
          ) -> tuple[list[Bid], dict[str, float] | None]:
    p = Path(path)
    origin = str(p)
    suffix = p.suffix.lower()
    try:
        if suffix in (".yaml", ".yml"):
            try:
                data = yaml.safe_load(p.read_text(encoding="utf-8"))
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
                raise BidsError([f"malformed YAML{at}: {getattr(exc, 'problem', exc)}"],
                                origin) from None
            weights = None
            problems: list[str] = []
            if isinstance(data, Mapping):
                unknown = [k for k in data if k not in ("bids", "weights")]
                for k in unknown:
                    problems.append(f"{k}: unknown key (a bids file has 'bids' and 'weights')")
                if data.get("weights") is not None:
                    try:
                        weights = check_weights(data["weights"])
                    except InputError as exc:
                        problems.append(str(exc))
                data = data.get("bids")
            if not isinstance(data, list):
                raise BidsError([*problems, f"bids: must be a list of bids, got "
                                            f"{type(data).__name__}"], origin)
            bids = [b for i, d in enumerate(data, 1)
                    if (b := _bid_from_mapping(i, d, None, problems)) is not None]
            return _finish(bids, problems, origin, scenario), weights
        if suffix == ".csv":
            text = p.read_text(encoding="utf-8-sig")
            try:
                dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
                delim = dialect.delimiter
            except csv.Error:
                delim = ","
            rows = list(csv.reader(io.StringIO(text), delimiter=delim))
        elif suffix == ".xlsx":
            import openpyxl

            wb = openpyxl.load_workbook(p, read_only=True, data_only=True)
            ws = wb["Bids"] if "Bids" in wb.sheetnames else wb.worksheets[0]
            rows = [list(r) for r in ws.iter_rows(values_only=True)]
            wb.close()
        else:
            raise BidsError([f"unknown file type {suffix!r}: use .yaml, .yml, .csv or .xlsx"],
                            origin)
    except OSError as exc:
        raise BidsError([f"cannot read the file: {exc.strerror or exc}"], origin) from None
    if not rows:
        raise BidsError(["the sheet is empty (the first row names the fields)"], origin)
    return bids_from_rows(rows[0], rows[1:], origin=origin, scenario=scenario), None


def check_weights(weights: Mapping[str, Any]) -> dict[str, float]:
    """Scorecard weights normalised to sum 1; criteria not named get weight 0.

    Names: ``price``, ``service`` and :data:`CRITERIA`. Every problem at once.

    >>> check_weights({"price": 3, "quality": 1})["price"]
    0.75
    """
    if not isinstance(weights, Mapping):
        raise InputError(f"weights: must be a mapping of criterion -> weight, got {weights!r}")
    names = ("price", "service", *CRITERIA)
    problems = []
    out = dict.fromkeys(names, 0.0)
    for k, v in weights.items():
        if k not in names:
            close = difflib.get_close_matches(str(k), names, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            problems.append(f"weights.{k}: unknown criterion (one of {', '.join(names)}){hint}")
            continue
        f = _number(v)
        if f is None or f < 0:
            problems.append(f"weights.{k}: must be a number >= 0, got {v!r}")
            continue
        out[k] = f
    total = sum(out.values())
    if not problems and total <= 0:
        problems.append("weights: at least one weight must be above 0")
    if problems:
        raise InputError("; ".join(problems))
    return {k: v / total for k, v in out.items()}


def bids_to_rows(bids: Sequence[Bid]) -> list[list[Any]]:
    """Bids as a sheet: a header row of :data:`FIELDS` (and any extra inputs), one row per bid."""
    extra = sorted({k for b in bids for k in b.extra})
    header = [f.name for f in FIELDS] + extra
    rows: list[list[Any]] = [header]
    for b in bids:
        row: list[Any] = []
        for f in FIELDS:
            v = b.values.get(f.name)
            if isinstance(v, tuple):
                v = "; ".join(f"{x:g}" for x in v)
            elif isinstance(v, bool):
                v = "yes" if v else "no"
            row.append("" if v is None else v)
        row += [b.extra.get(k, "") for k in extra]
        rows.append(row)
    return rows


def write_template(path: str | os.PathLike[str], preset: str = "default") -> Path:
    """Write a bids file to fill in: the shipped example for ``preset``.

    ``preset`` is ``"default"`` (USD) or ``"ru"`` (RUB); the file is YAML (commented), CSV or XLSX
    (with a *Fields* sheet explaining each column), by the file's suffix. Written atomically.
    """
    p = Path(path)
    src = EXAMPLE_BIDS_RU if preset == "ru" else EXAMPLE_BIDS
    if preset not in Scenario.presets():
        raise InputError(f"preset must be one of {', '.join(Scenario.presets())}, got {preset!r}")
    suffix = p.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return atomic_write(p, lambda t: t.write_text(src.read_text(encoding="utf-8"),
                                                       encoding="utf-8"))
    rows = bids_to_rows(load_bids(src, Scenario.preset(preset)))
    if suffix == ".csv":
        def write_csv(t: Path) -> None:
            with t.open("w", encoding="utf-8", newline="") as fh:
                csv.writer(fh).writerows(rows)
        return atomic_write(p, write_csv)
    if suffix == ".xlsx":
        import openpyxl

        def write_xlsx(t: Path) -> None:
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.title = "Bids"
            for r in rows:
                ws.append(r)
            fs = wb.create_sheet("Fields")
            fs.append(["field", "unit", "required", "sets input", "allowed", "description"])
            for f in FIELDS:
                fs.append([f.name, f.unit, "yes" if f.required else "",
                           f.path or ("(by pricing model)" if f.name == "rate" else ""),
                           " | ".join(f.choices) if f.choices else
                           ("1-5" if f.kind == "score" else f.kind), f.description])
            wb.save(t)
        return atomic_write(p, write_xlsx)
    raise InputError(f"path must end in .yaml, .yml, .csv or .xlsx, got {str(p)!r}")


# ------------------------------------------------------------------------------------- compare
#: Rows of :meth:`BidComparison.table`, in order, with their kind (for formatting).
TABLE_METRICS: dict[str, str] = {
    "total_cost": "money", "cost_per_contact": "money2", "npv": "money",
    "incremental_npv": "money", "payback_months": "months", "voice_service_level": "share",
    "voice_abandon_rate": "share", "first_contact_resolution": "share",
    "revenue_effect": "money", "one_off_costs": "money", "vendor_fte": "fte",
    "fx_exposed_cost": "money", "fx_npv_10pct": "money",
}
_FX_LINES = ("vendor_fees", "vendor_outbound_fees", "sla_credits", "setup_fee",
             "knowledge_transfer")


@dataclass(frozen=True)
class BidResult:
    """One bid evaluated: its scenario, the engine's business case and the option it is."""

    bid: Bid
    scenario: Scenario
    case: BusinessCase
    option: str


def _option_metrics(case: BusinessCase, option: str, base: BusinessCase) -> dict[str, float]:
    m = case.metrics(option)
    rate = case.discount_rate
    ncf = case.options[option].monthly["net_cash_flow"].to_numpy()
    ncf0 = base.options["inhouse"].monthly["net_cash_flow"].to_numpy()
    diff = ncf - ncf0
    row = {k: m[k] for k in ("total_cost", "cost_per_contact", "npv", "voice_service_level",
                             "voice_abandon_rate", "first_contact_resolution", "revenue_effect",
                             "one_off_costs", "vendor_fte")}
    row["incremental_npv"] = float(finance.npv(rate, diff))
    row["payback_months"] = (float(finance.payback_months(diff)) if option != "inhouse"
                             else float("nan"))
    return row


class BidComparison:
    """Bids evaluated side by side with in-house (and the status quo where the engine has one).

    Build with :func:`compare`. Columns of every table: the baseline options (``inhouse``, and
    ``status_quo`` when the scenario gives today's staffing), then each bid by name.
    """

    def __init__(self, scenario: Scenario, bids: Sequence[Bid],
                 weights: Mapping[str, Any] | None = None) -> None:
        self.scenario = scenario
        self.bids = list(bids)
        self.weights = check_weights(weights) if weights else dict(DEFAULT_WEIGHTS)
        self.base = evaluate(scenario)
        self.baselines = [o for o in self.base.options if o not in ("outsourced", "hybrid")]
        self.results: dict[str, BidResult] = {}
        for b in self.bids:
            s = b.scenario(scenario)
            self.results[b.name] = BidResult(b, s, evaluate(s), b.option(scenario))
        self._table: pd.DataFrame | None = None

    def with_weights(self, weights: Mapping[str, Any]) -> BidComparison:
        """Return the same comparison scored with other weights (no bid is evaluated again).

        Examples
        --------
        >>> cmp = compare(Scenario.default(), EXAMPLE_BIDS)
        >>> cmp.with_weights({"price": 1}).weights["price"]
        1.0
        """
        other = copy.copy(self)
        other.weights = check_weights(weights)
        return other

    @property
    def currency(self) -> str:
        """The scenario's currency code (every money figure is in it)."""
        return str(self.scenario["finance.currency"])

    def result(self, name: str) -> BidResult:
        """Return the evaluation of the bid called ``name``."""
        if name not in self.results:
            raise InputError(f"bid must be one of {', '.join(self.results)}, got {name!r}")
        return self.results[name]

    def table(self) -> pd.DataFrame:
        """Metric x option: baselines, then every bid (money over the horizon, scenario currency).

        Rows: :data:`TABLE_METRICS` — total cost, cost per contact (of today's demand), NPV,
        incremental NPV and payback against in-house, voice service level, abandonment, FCR,
        revenue effect, one-offs, vendor FTE, FX exposure (the money priced in a foreign
        currency, and the NPV change if the exchange rate rises 10%).
        """
        if self._table is not None:
            return self._table.copy()
        cols: dict[str, dict[str, float]] = {}
        for o in self.baselines:
            row = _option_metrics(self.base, o, self.base)
            row.update(fx_exposed_cost=0.0, fx_npv_10pct=0.0)
            cols[o] = row
        for name, r in self.results.items():
            row = _option_metrics(r.case, r.option, self.base)
            if r.bid.foreign(self.scenario):
                m = r.case.options[r.option].monthly
                row["fx_exposed_cost"] = float(m[list(_FX_LINES)].to_numpy().sum())
                fx = float(r.scenario["outsourced.fx_rate"])
                up = evaluate(r.scenario.with_changes({"outsourced.fx_rate": fx * 1.1}))
                row["fx_npv_10pct"] = up.metrics(r.option)["npv"] - row["npv"]
            else:
                row.update(fx_exposed_cost=0.0, fx_npv_10pct=0.0)
            cols[name] = row
        df = pd.DataFrame(cols).loc[list(TABLE_METRICS)]
        df.attrs["currency"] = self.currency
        self._table = df
        return df.copy()

    def scorecard(self, weights: Mapping[str, Any] | None = None) -> pd.DataFrame:
        """Criterion x bid: each criterion's 0-1 score, then the weighted score (0-100).

        - ``price``: ``1 - (best NPV - bid NPV) / |best NPV|``, at least 0 (a bid whose NPV is
          10% of the best's magnitude worse scores 0.9);
        - ``service``: the mean of the bid's voice service level, FCR and answered share
          (1 - abandonment), each divided by the best bid's;
        - the six criteria: ``(score - 1) / 4`` of the bid's 1-5 score.

        ``score`` = sum of weight x criterion score x 100, weights normalised to sum 1
        (default :data:`DEFAULT_WEIGHTS`). Rows ``weight_*`` give the weights used.
        """
        w = check_weights(weights) if weights else self.weights
        t = self.table()
        names = list(self.results)
        npv = t.loc["npv", names].astype(float)
        best = float(npv.max())
        scale = abs(best) if best != 0 else 1.0
        price = (1.0 - (best - npv) / scale).clip(lower=0.0)
        sl = t.loc["voice_service_level", names].astype(float)
        fcr = t.loc["first_contact_resolution", names].astype(float)
        ans = 1.0 - t.loc["voice_abandon_rate", names].astype(float)

        def rel(s: pd.Series) -> pd.Series:
            top = float(s.max())
            return s / top if top > 0 else s * 0 + 1.0

        service = (rel(sl.fillna(1.0)) + rel(fcr.fillna(0.0)) + rel(ans.fillna(1.0))) / 3.0
        rows: dict[str, pd.Series] = {"price": price, "service": service}
        for c in CRITERIA:
            rows[c] = pd.Series({n: (self.results[n].bid.scores[c] - 1.0) / 4.0 for n in names})
        df = pd.DataFrame(rows).T
        df.loc["score"] = sum(df.loc[k] * w[k] for k in w) * 100.0
        for k, v in w.items():
            df.loc[f"weight_{k}"] = v
        return df

    @property
    def ranking(self) -> pd.DataFrame:
        """Bids ranked by NPV and by weighted score, side by side.

        Columns ``npv``, ``rank_npv`` (1 = best; in-house is ranked too), ``score``,
        ``rank_score`` (bids only); ``attrs["why"]`` is a sentence on why the two rankings differ
        (or agree), ``attrs["reason"]`` the same as data for the faces to word.
        """
        t = self.table()
        sc = self.scorecard()
        npv = t.loc["npv"].astype(float)
        df = pd.DataFrame({"npv": npv})
        df["rank_npv"] = df["npv"].rank(ascending=False, method="min").astype(int)
        df["score"] = sc.loc["score"].reindex(df.index)
        df["rank_score"] = df["score"].rank(ascending=False, method="min")
        df = df.sort_values(["rank_npv"])
        reason = self.ranking_reason()
        df.attrs["reason"] = reason
        df.attrs["why"] = _why_en(reason, self.currency)
        return df

    def ranking_reason(self) -> dict[str, Any]:
        """Explain why the NPV and score rankings differ, as data.

        The top bid of each, the NPV gap, the score gap, and the criteria (weighted points) where
        the score leader beats the NPV leader most.
        """
        t = self.table()
        sc = self.scorecard()
        names = list(self.results)
        npv = t.loc["npv", names].astype(float)
        score = sc.loc["score", names].astype(float)
        a, b = str(npv.idxmax()), str(score.idxmax())
        out: dict[str, Any] = {"npv_leader": a, "score_leader": b, "same": a == b,
                               "price_weight": self.weights["price"],
                               "inhouse_npv": float(t.loc["npv", "inhouse"]),
                               "inhouse_beats_all": bool(t.loc["npv", "inhouse"] > npv.max())}
        if a == b:
            second = npv.drop(a).idxmax() if len(names) > 1 else None
            out["runner_up"] = second
            out["npv_gap"] = float(npv[a] - npv[second]) if second is not None else 0.0
            return out
        w = self.weights
        gains = {k: float((sc.loc[k, b] - sc.loc[k, a]) * w[k] * 100.0) for k in w}
        out.update(npv_gap=float(npv[a] - npv[b]), score_gap=float(score[b] - score[a]),
                   price_points=-gains["price"],
                   criteria=[k for k, v in sorted(gains.items(), key=lambda kv: -kv[1])
                             if v > 0 and k != "price"][:3],
                   criteria_points={k: v for k, v in gains.items() if k != "price" and v > 0})
        return out

    # ------------------------------------------------------------------ risk
    def monte_carlo(self, trials: int = 10_000, seed: int = 0, *, chunk: int = 5_000,
                    parallel: bool = True) -> BidRisk:
        """One Monte Carlo over every option with common random numbers.

        The scenario's uncertain inputs are drawn once (:func:`roi_models.risk.monte_carlo`,
        Beta-PERT on each registry range, plus one exchange-rate draw on the registry's FX range),
        and every bid is evaluated on the same draws (:func:`roi_models.risk.fast_batch`): the
        same demand, wages and FX move for every bid. Inputs a bid states are its commitments:
        prices and contract terms stay fixed; performance it may miss (AHT factor, FCR,
        shrinkage, parallel run; :attr:`BidField.moved`) moves by the same relative draw as the
        scenario's input; a foreign-currency bid's rate moves by the common FX draw stretched to
        its own ``fx_low``/``fx_high``. Inputs a bid leaves blank keep the common draw.

        With ``parallel`` (and a second core, and no other thread running), a forked worker
        evaluates half of the bids while this process evaluates the other half; the results are
        the same either way.

        With today's staffing given (``inhouse.current_agent_fte``) the status quo is one more
        option: the fast batch has none, so its trials are in-house's plus the status quo's exact
        gap to in-house as each drawn input moves it (:meth:`status_quo_gap`), and every
        option's trials are offset so that the trial at the scenario's own values is its exact
        NPV (today's center, not the target one, is then the one each bid takes over).

        Returns
        -------
        BidRisk
            Trial NPVs of every option, P(each option is best) (ties shared; sums to 1), regret.
        """
        fx = _REGISTRY["outsourced.fx_rate"]
        # The common draws: risk.monte_carlo's sampling of this scenario. The draws depend on
        # the inputs' values and ranges, not on the horizon, so it runs on a 12-month copy (its
        # own evaluation is not used: it is the cheapest way through the public API).
        short = self.scenario.with_changes({"finance.horizon_months": 12})
        samples = risk.monte_carlo(short, trials, seed, distributions={
            fx.path: ("pert", _bound(fx.low), _bound(fx.default), _bound(fx.high))},
            chunk=chunk).samples
        names = list(self.results)
        status_quo = STATUS_QUO in self.baselines
        run = samples
        if status_quo:
            # one more trial at the scenario's own values: each option's offset to its exact NPV
            at_base = {p: _bound(fx.default) if p == fx.path else float(self.scenario[p])
                       for p in samples.columns}
            run = pd.concat([samples, pd.DataFrame([at_base])], ignore_index=True)
        jobs = [(self.results[n].scenario, self._trial_changes(self.results[n].bid, run),
                 self.results[n].option, chunk) for n in names]
        pool = fork_pool() if parallel and len(jobs) > 1 else None
        if pool is None:
            values = [_trial_npv(j) for j in jobs]
        else:
            global _JOBS
            split = (len(jobs) + 1) // 2
            _JOBS = jobs[split:]  # the forked worker reads its share from its copy of memory
            try:
                theirs = pool.submit(_trial_npvs_of_jobs)
                values = [_trial_npv(j) for j in jobs[:split]] + theirs.result()
            finally:
                pool.shutdown()
                _JOBS = []
        # the baselines (in-house, status quo) are the same in every bid's batch: bids change
        # only vendor and hybrid inputs
        npv: dict[str, np.ndarray] = {o: values[0][o] for o in self.baselines if o in values[0]}
        npv.update((n, v["bid"]) for n, v in zip(names, values, strict=True))
        if status_quo:
            exact = self.table().loc["npv"].astype(float)
            npv = {o: v[:-1] + (float(exact[o]) - v[-1]) for o, v in npv.items()}
            npv = {STATUS_QUO: npv["inhouse"] + self.status_quo_gap(samples), **npv}
        return BidRisk(pd.DataFrame(npv), samples, seed)

    def status_quo_gap(self, samples: pd.DataFrame) -> np.ndarray:
        """NPV of the status quo minus in-house in each trial (the bid Monte Carlo's status quo).

        The fast batch has no status quo (today's agents, a fixed staffing), so its gap to
        in-house is built from exact evaluations (:func:`~roi_models.business_case.evaluate_batch`):
        the gap at the scenario's values plus, for each drawn input, the exact change of the gap
        with that input alone at its low or high end, linear between the end and the value, summed
        over the inputs. Exact at the scenario's values and at every one-at-a-time end.
        """
        fx_path = "outsourced.fx_rate"
        paths = [p for p in samples.columns if p != fx_path]  # FX moves only vendor prices
        base = {p: float(self.scenario[p]) for p in paths}
        ends = {p: self.scenario.range_of(p) for p in paths}
        grid = {p: np.full(2 * len(paths), base[p]) for p in paths}
        for k, p in enumerate(paths):
            grid[p][2 * k], grid[p][2 * k + 1] = ends[p]
        frame = evaluate_batch(self.scenario, grid)
        gaps = (frame[f"{STATUS_QUO}_npv"] - frame["inhouse_npv"]).to_numpy()
        m = self.base
        g0 = m.metrics(STATUS_QUO)["npv"] - m.metrics("inhouse")["npv"]
        out = np.full(len(samples), g0)
        for k, p in enumerate(paths):
            (lo, hi), b, x = ends[p], base[p], samples[p].to_numpy()
            low = (gaps[2 * k] - g0) * (b - x) / (b - lo) if b > lo else 0.0 * x
            high = (gaps[2 * k + 1] - g0) * (x - b) / (hi - b) if hi > b else 0.0 * x
            out += np.where(x < b, low, high)
        return out

    def _trial_changes(self, bid: Bid, samples: pd.DataFrame) -> dict[str, np.ndarray]:
        fx_path = "outsourced.fx_rate"
        stated = {fd.path: fd for fd in FIELDS if fd.path and bid.committed(fd.name)
                  and fd.path in bid.stated_paths()}
        stated[bid.rate_path()] = _FIELD["rate"]
        out: dict[str, np.ndarray] = {}
        for path in samples.columns:
            col = samples[path].to_numpy()
            if path == fx_path:
                if bid.foreign(self.scenario):
                    out[path] = _stretch(col, _bound(_REGISTRY[path].low),
                                         _bound(_REGISTRY[path].default),
                                         _bound(_REGISTRY[path].high), float(bid["fx_rate"]),
                                         *bid.fx_range())
                continue
            fd = stated.get(path)
            if path in bid.extra:
                moved, mine = _REGISTRY[path].uncertain, bid.extra[path]
            elif fd is not None:
                moved, mine = fd.moved, bid.values.get(fd.name, fd.default)
            else:
                out[path] = col  # the common draw
                continue
            base = float(self.scenario[path])
            if moved and base != 0.0:
                p = _REGISTRY[path]
                lo = p.minimum + (1e-9 if p.exclusive_minimum else 0.0)
                out[path] = np.clip(float(mine) * col / base, lo, p.maximum)
            # else: a contract term, fixed at the bid's value (the bid's scenario holds it)
        return out

    def tornado(self, parameters: Sequence[str] | None = None) -> pd.DataFrame:
        """Tornado of the NPV difference between the top two bids (by NPV).

        Each common uncertain input (one neither bid states) swings between its low and high for
        both bids at once (:func:`roi_models.risk.tornado` on each bid's scenario); when either
        bid prices in a foreign currency, the exchange rate moves to each bid's own
        ``fx_low`` / ``fx_high`` together. ``swing`` is the change of NPV(first) -
        NPV(second), largest first.
        """
        names = list(self.results)
        if len(names) < 2:
            raise InputError("the tornado of two bids needs at least two bids, got "
                             f"{len(names)}")
        npv = self.table().loc["npv", names].astype(float).sort_values(ascending=False)
        a, b = (self.results[str(n)] for n in npv.index[:2])
        if parameters is None:
            stated = a.bid.stated_paths() | b.bid.stated_paths()
            parameters = [p for p in risk.ranged_parameters(self.scenario, uncertain_only=True)
                          if p not in stated]
        fx_path = "outsourced.fx_rate"
        common = [p for p in parameters if p != fx_path]
        ta = risk.tornado(a.scenario, common, metric="npv", option=a.option)
        tb = risk.tornado(b.scenario, common, metric="npv", option=b.option).loc[ta.index]
        out = pd.DataFrame({
            "unit": ta["unit"],
            "diff_low": ta["metric_low"] - tb["metric_low"],
            "diff_high": ta["metric_high"] - tb["metric_high"],
        })
        base = float(ta["base"].iloc[0] - tb["base"].iloc[0])
        if a.bid.foreign(self.scenario) or b.bid.foreign(self.scenario):
            # the exchange rate at each bid's own fx_low / fx_high (both ends together: one
            # move of the scenario's currency), as in the Monte Carlo
            ends = []
            for k in (0, 1):
                npvs = []
                for r in (a, b):
                    if r.bid.foreign(self.scenario):
                        s = r.scenario.with_changes({fx_path: r.bid.fx_range()[k]})
                        npvs.append(evaluate(s).metrics(r.option)["npv"])
                    else:
                        npvs.append(float(self.table().loc["npv", r.bid.name]))
                ends.append(npvs[0] - npvs[1])
            out.loc[fx_path] = [_REGISTRY[fx_path].unit, ends[0], ends[1]]
        out["base"] = base
        out["swing"] = (out["diff_high"] - out["diff_low"]).abs()
        out.attrs.update(first=a.bid.name, second=b.bid.name)
        return out.sort_values("swing", ascending=False, kind="stable")

    def break_even(self) -> pd.DataFrame:
        """Return each bid's rate at which it ties with in-house on NPV.

        Rates are in the bid's pricing model's unit and currency (:func:`roi_models.risk.break_even`,
        searched from 0 to 4x the bid's rate).
        """
        rows = {}
        for name, r in self.results.items():
            path = r.bid.rate_path()
            rate = float(r.bid["rate"])
            be = risk.break_even(r.scenario, path, "npv", ("inhouse", r.option),
                                 low=0.0, high=max(4.0 * rate, 1e-6))
            rows[name] = {"pricing_model": r.bid["pricing_model"],
                          "currency": str(r.bid["currency"]) or self.currency,
                          "rate": rate, "break_even_rate": be.value, "found": be.found,
                          "headroom": be.value / rate - 1.0 if be.found and rate else float("nan")}
        return pd.DataFrame(rows).T


_JOBS: list[tuple[Scenario, dict[str, np.ndarray], str, int]] = []


def _trial_npv(job: tuple[Scenario, dict[str, np.ndarray], str, int]) -> dict[str, np.ndarray]:
    """Trial NPVs of one bid (``"bid"``) and of the baseline options of its batch."""
    scenario, changes, option, chunk = job
    frame = risk.fast_batch(scenario, changes, chunk=chunk)
    out = {c[:-4]: frame[c].to_numpy() for c in frame.columns
           if c.endswith("_npv") and not c.endswith("incremental_npv")
           and c[:-4] not in ("outsourced", "hybrid")}
    out["bid"] = frame[f"{option}_npv"].to_numpy()
    return out


def _trial_npvs_of_jobs() -> list[dict[str, np.ndarray]]:
    return [_trial_npv(j) for j in _JOBS]


def _stretch(draw: np.ndarray, lo0: float, mode0: float, hi0: float, mode: float, lo: float,
             hi: float) -> np.ndarray:
    """Map a draw on (lo0, mode0, hi0) onto (lo, mode, hi), each side linearly.

    The ends and the mode map exactly and the order of trials is kept (common random numbers).
    """
    below = mode - (mode0 - draw) / (mode0 - lo0) * (mode - lo) if mode0 > lo0 else mode
    above = mode + (draw - mode0) / (hi0 - mode0) * (hi - mode) if hi0 > mode0 else mode
    return np.maximum(np.where(draw < mode0, below, above), 1e-12)


def _why_en(reason: Mapping[str, Any], currency: str) -> str:
    """Word the ranking reason in English (the report words it in each language)."""
    a, b = reason["npv_leader"], reason["score_leader"]
    tail = (" In-house keeps the highest NPV of all." if reason["inhouse_beats_all"] else "")
    if reason["same"]:
        return (f"{a} ranks first on both NPV and weighted score." + tail)
    crit = ", ".join(reason["criteria"]) or "the non-price criteria"
    return (f"{a} has the highest NPV ({reason['npv_gap']:,.0f} {currency} ahead of {b}), but "
            f"{b} scores {reason['score_gap']:.1f} points higher: it is ahead on {crit}, and "
            f"price carries only {reason['price_weight'] * 100:.0f}% of the weight "
            f"({reason['price_points']:.1f} points to {a})." + tail)


@dataclass(frozen=True)
class BidRisk:
    """The bid Monte Carlo: trial NPVs of every option on common random numbers.

    Attributes
    ----------
    npv : pandas.DataFrame
        One row per trial, one column per option (baselines, then bids by name).
    samples : pandas.DataFrame
        The common draws (one column per scenario input).
    seed : int
    """

    npv: pd.DataFrame
    samples: pd.DataFrame
    seed: int

    @property
    def p_best(self) -> pd.Series:
        """Share of trials in which each option has the highest NPV (ties shared equally)."""
        x = self.npv.to_numpy()
        top = x.max(axis=1, keepdims=True)
        hit = (x == top).astype(float)
        share = hit / hit.sum(axis=1, keepdims=True)
        return pd.Series(share.mean(axis=0), index=self.npv.columns, name="p_best")

    @property
    def regret(self) -> pd.DataFrame:
        """Regret of choosing each option: best NPV of the trial minus the option's NPV.

        Columns ``mean``, ``p90``, ``max`` (scenario currency); the option with the least mean
        regret is the one that loses least against hindsight.
        """
        x = self.npv.to_numpy()
        r = x.max(axis=1, keepdims=True) - x
        return pd.DataFrame({"mean": r.mean(axis=0), "p90": np.percentile(r, 90, axis=0),
                             "max": r.max(axis=0)}, index=self.npv.columns)

    @property
    def summary(self) -> pd.DataFrame:
        """Per option: mean, P10, P50, P90 of NPV, P(best) and mean regret."""
        q = np.percentile(self.npv.to_numpy(), [10, 50, 90], axis=0)
        return pd.DataFrame({"mean": self.npv.mean().to_numpy(), "p10": q[0], "p50": q[1],
                             "p90": q[2], "p_best": self.p_best.to_numpy(),
                             "mean_regret": self.regret["mean"].to_numpy()},
                            index=self.npv.columns)


def compare(scenario: Scenario, bids: Sequence[Bid] | str | os.PathLike[str],
            weights: Mapping[str, Any] | None = None) -> BidComparison:
    """Evaluate every bid on ``scenario`` and compare them with in-house.

    Parameters
    ----------
    scenario : Scenario
    bids : sequence of Bid, or a path to a bids file
        Every bid is checked against the scenario first (every problem at once).
    weights : mapping, optional
        Scorecard weights (default: the file's ``weights:``, else :data:`DEFAULT_WEIGHTS`).

    Examples
    --------
    >>> cmp = compare(Scenario.default(), EXAMPLE_BIDS)
    >>> int(cmp.ranking["rank_npv"].min())
    1
    """
    if isinstance(bids, (str, os.PathLike)):
        loaded, file_w = _read(bids, scenario)
        weights = weights or file_w
        bids = loaded
    else:
        problems: list[str] = []
        _check_against(list(bids), scenario, problems)
        if problems:
            raise BidsError(problems)
    return BidComparison(scenario, bids, weights)


# ------------------------------------------------------------------------------------- Excel
def bids_table_from_rows(inputs: Scenario | Sequence[Sequence[Any]] | None,
                         bids_rows: Sequence[Sequence[Any]], metric: str | None = None
                         ) -> list[list[Any]]:
    """Compute the Excel function ``CC_BIDS(inputs, bids_range, [metric])``.

    2-D lists in, a 2-D list out (the comparison table with headers, or one metric's row).

    Parameters
    ----------
    inputs : Scenario or 2-D list of (dotted path, value), optional
        Overrides on the default scenario (blank rows and values skipped), or a Scenario.
    bids_rows : 2-D list
        A header row of field names, then one row per bid (as on the template's Bids sheet).
    metric : str, optional
        A row of :meth:`BidComparison.table` (e.g. ``"npv"``), or ``"score"`` / ``"rank_npv"`` /
        ``"rank_score"``; blank = the whole table.

    Examples
    --------
    >>> rows = bids_to_rows(load_bids(EXAMPLE_BIDS))
    >>> out = bids_table_from_rows([["inhouse.agent_hourly_wage", 20.6]], rows, "npv")
    >>> out[0][:2], len(out[1])
    (['metric', 'inhouse'], 5)
    """
    if isinstance(inputs, Scenario):
        scenario = inputs
    else:
        changes = {str(r[0]).strip(): r[1] for r in (inputs or [])
                   if len(r) >= 2 and not _blank(r[0]) and not _blank(r[1])}
        scenario = Scenario.default().with_changes(changes)
    rows = [list(r) for r in bids_rows]
    if not rows:
        raise InputError("bids_range: needs a header row of field names and one row per bid")
    bids = bids_from_rows(rows[0], rows[1:], scenario=scenario)
    cmp = BidComparison(scenario, bids)
    t = cmp.table()
    rk = cmp.ranking
    for k in ("score", "rank_npv", "rank_score"):
        t.loc[k] = rk[k].reindex(t.columns)
    if metric is not None and not _blank(metric):
        if metric not in t.index:
            raise InputError(f"metric must be one of {', '.join(t.index)}, got {metric!r}")
        t = t.loc[[metric]]
    header: list[Any] = ["metric", *t.columns]
    body = [[k, *(None if (isinstance(v, float) and not math.isfinite(v)) else v
                 for v in t.loc[k].tolist())] for k in t.index]
    return [header, *body]
