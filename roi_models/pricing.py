"""Vendor pricing models as data: one table of billing units, rate inputs and tier units.

Each :class:`PricingModel` names the registry input that holds its rate, the unit it bills, and the
function that turns a month of vendor work into billable units. The engine, the tests and the
benchmark read this table; adding a model is one entry here plus its rate input in
:mod:`roi_models.parameters` (whose ``outsourced.pricing_model`` choices come from this table).

Volume tiers belong to a pricing model: ``outsourced.tier_thresholds`` are written in the unit of
``outsourced.tier_pricing_model``, and a table written for one model cannot discount another's
units (:func:`check_tiers`).

Examples
--------
>>> PRICING_MODELS["per_contact"].rate
'outsourced.rate_per_contact'
>>> rate_path("per_fte_month")
'outsourced.rate_per_fte_month'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from roi_models.channels import channel
from roi_models.costs import agent_fte
from roi_models.errors import InputError

__all__ = ["PRICING_MODELS", "SHARED_POOL_MODEL", "SHARED_POOL_USAGE_MODELS", "PricingModel",
           "VendorWork", "check_tiers", "effective_model", "rate_path"]

Array = NDArray[np.float64]
#: ``x(path)`` returns a scenario input as an array of shape (n, 1).
Inputs = Callable[[str], Array]


@dataclass(frozen=True)
class VendorWork:
    """One month of the vendor's work, arrays of shape (n, months).

    Attributes
    ----------
    scheduled_hours : ndarray
        Agent hours the vendor schedules: the Erlang requirement (voice, chat) and the e-mail
        workload, times ``1 + outsourced.schedule_inefficiency``, plus minimum-shift top-ups (h).
    handled : mapping of channel -> ndarray
        Contacts handled (offered minus abandoned) by channel.
    aht : mapping of channel -> ndarray
        Vendor AHT by channel (s).
    """

    scheduled_hours: Array
    handled: Mapping[str, Array]
    aht: Mapping[str, Array]


def _hours(work: VendorWork, x: Inputs) -> Array:
    return work.scheduled_hours


def _logged_in(work: VendorWork, x: Inputs) -> Array:
    return work.scheduled_hours * (1.0 + x("outsourced.logged_in_overhead"))


def _fte(work: VendorWork, x: Inputs) -> Array:
    return agent_fte(work.scheduled_hours, 0.0, x("outsourced.shrinkage"),
                     x("inhouse.paid_hours_per_fte_year") / 12.0)


def _minutes(work: VendorWork, x: Inputs) -> Array:
    total: Array | float = 0.0
    for ch, handled in work.handled.items():
        conc = channel(ch).concurrency
        per = x(conc) if conc is not None else 1.0
        total = total + handled * work.aht[ch] / 60.0 / per
    return np.asarray(total, dtype=float)


def _contacts(work: VendorWork, x: Inputs) -> Array:
    return np.asarray(sum(work.handled.values()), dtype=float)


@dataclass(frozen=True)
class PricingModel:
    """One way a vendor bills.

    Attributes
    ----------
    name : str
        The ``outsourced.pricing_model`` choice.
    rate : str
        Registry path of its rate (money per unit).
    unit : str
        What one billable unit is (also the unit of tier thresholds written for it).
    units : callable(VendorWork, x) -> ndarray
        Billable units a month.
    """

    name: str
    rate: str
    unit: str
    units: Callable[[VendorWork, Inputs], Array]


#: The pricing models, in the order the registry offers them.
PRICING_MODELS: dict[str, PricingModel] = {m.name: m for m in (
    PricingModel("per_productive_hour", "outsourced.rate_per_productive_hour",
                 "productive hours", _hours),
    PricingModel("per_logged_in_hour", "outsourced.rate_per_logged_in_hour",
                 "logged-in hours", _logged_in),
    PricingModel("per_fte_month", "outsourced.rate_per_fte_month", "FTE", _fte),
    PricingModel("per_handled_minute", "outsourced.rate_per_minute", "handled minutes",
                 _minutes),
    PricingModel("per_contact", "outsourced.rate_per_contact", "handled contacts", _contacts),
)}
#: A shared pool bills per handled minute whatever the contract's dedicated-team model.
SHARED_POOL_MODEL = "per_handled_minute"
#: models a shared pool may bill as they are (usage-based); any other becomes SHARED_POOL_MODEL
SHARED_POOL_USAGE_MODELS: tuple[str, ...] = ("per_handled_minute", "per_contact")


def _model(name: str) -> PricingModel:
    try:
        return PRICING_MODELS[name]
    except KeyError:
        raise InputError(f"outsourced.pricing_model must be one of {', '.join(PRICING_MODELS)}, "
                         f"got {name!r}") from None


def rate_path(model: str) -> str:
    """Registry path of the rate a pricing model bills at.

    Examples
    --------
    >>> rate_path("per_handled_minute")
    'outsourced.rate_per_minute'
    """
    return _model(model).rate


def effective_model(pricing_model: str, delivery_model: str) -> str:
    """Return the model actually billed: a shared pool bills usage (per contact, else per minute).

    Examples
    --------
    >>> effective_model("per_fte_month", "shared")
    'per_handled_minute'
    >>> effective_model("per_contact", "shared")
    'per_contact'
    """
    name = _model(pricing_model).name
    if delivery_model == "shared" and name not in SHARED_POOL_USAGE_MODELS:
        return SHARED_POOL_MODEL
    return name


def check_tiers(model: str, tier_model: str, thresholds: ArrayLike) -> None:
    """Reject a tier table written for another pricing model's unit.

    Parameters
    ----------
    model : str
        The model billed (after :func:`effective_model`).
    tier_model : str
        ``outsourced.tier_pricing_model``: the model whose unit the thresholds are in.
    thresholds : sequence of float
        ``outsourced.tier_thresholds``; an empty table matches every model.

    Examples
    --------
    >>> check_tiers("per_contact", "per_contact", (1000.0,))
    >>> check_tiers("per_contact", "per_productive_hour", ())
    >>> check_tiers("per_contact", "per_productive_hour", (15000.0,))
    Traceback (most recent call last):
    ...
    roi_models.errors.InputError: outsourced.tier_thresholds are in productive hours \
(outsourced.tier_pricing_model 'per_productive_hour'), but outsourced.pricing_model \
'per_contact' bills handled contacts: write the thresholds in handled contacts and set \
outsourced.tier_pricing_model to 'per_contact', or clear the tiers
    """
    billed, written = _model(model), _model(tier_model)
    if np.size(thresholds) and billed.name != written.name:
        raise InputError(
            f"outsourced.tier_thresholds are in {written.unit} (outsourced.tier_pricing_model "
            f"{written.name!r}), but outsourced.pricing_model {billed.name!r} bills "
            f"{billed.unit}: write the thresholds in {billed.unit} and set "
            f"outsourced.tier_pricing_model to {billed.name!r}, or clear the tiers")
