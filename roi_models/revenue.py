"""Retention-driven revenue: contacts lost to abandonment, sales they carried, experience churn.

Each option's service quality (abandonment from its staffing, first-contact resolution) changes
what the customer base is worth. The value of a customer kept is counted once: either as margin
inside the horizon (``"margin"``) or as lifetime value booked when saved (``"clv"``), never both.

Sign convention: functions return positive amounts of what is lost (contacts, sales, customers);
:mod:`roi_models.business_case` turns them into a signed ``revenue_effect`` (positive = revenue
kept thanks to service, negative = revenue lost).
"""

from __future__ import annotations

from typing import cast

import numpy as np
from numpy.typing import ArrayLike, NDArray

from roi_models.finance import customer_lifetime_value

__all__ = [
    "customer_lifetime_value",
    "experience_churn_change",
    "experience_shares",
    "lost_contacts",
    "lost_sales_margin",
    "retention_value",
]

Array = NDArray[np.float64]


def lost_contacts(offered: ArrayLike, abandon_rate: ArrayLike, retry_share: ArrayLike) -> Array:
    """Contacts lost for good: ``offered x abandon rate x (1 - retry share)``.

    Examples
    --------
    A retailer losing 27% of 10,000 calls, a third of whom retry:

    >>> float(lost_contacts(10_000, 0.27, 1 / 3))
    1800.0
    """
    return (cast("Array", np.asarray(offered, float) * np.asarray(abandon_rate, float)
            * (1.0 - np.asarray(retry_share, float))))


def lost_sales_margin(lost: ArrayLike, conversion: ArrayLike, order_value: ArrayLike,
                      margin: ArrayLike) -> Array:
    """Margin on the sales that lost contacts would have made: ``lost x conversion x AOV x margin``.

    Examples
    --------
    Cutting lost calls from 27% to 4.5% of 10,000 (no retries) at 5% conversion, $120 orders and
    30% margin recovers 2,250 contacts, 112.5 sales and $4,050 of margin:

    >>> before = lost_sales_margin(lost_contacts(10_000, 0.27, 0.0), 0.05, 120.0, 0.30)
    >>> after = lost_sales_margin(lost_contacts(10_000, 0.045, 0.0), 0.05, 120.0, 0.30)
    >>> round(float(before - after), 6)
    4050.0
    """
    return (cast("Array", np.asarray(lost, float) * np.asarray(conversion, float)
            * np.asarray(order_value, float) * np.asarray(margin, float)))


def experience_shares(lost_share: ArrayLike, fcr: ArrayLike) -> tuple[Array, Array]:
    """Shares of contacts that leave a bad and a good experience.

    Bad = lost + answered but not resolved first time; good = answered and resolved first time
    (SQM: intent to defect 5% resolved, 9% after repeat contacts, 25% unresolved).

    Examples
    --------
    >>> bad, good = experience_shares(0.05, 0.72)
    >>> round(float(bad), 4), round(float(good), 4)
    (0.316, 0.684)
    """
    lost = np.asarray(lost_share, float)
    f = np.asarray(fcr, float)
    return lost + (1.0 - lost) * (1.0 - f), (1.0 - lost) * f


def experience_churn_change(base_churn: ArrayLike, contacting_share: ArrayLike,
                            bad_share: ArrayLike, good_share: ArrayLike,
                            bad_effect: ArrayLike, good_effect: ArrayLike) -> Array:
    """Change of annual churn caused by service experience (a share of customers a year).

    For customers who contact the center, churn = base x (1 + bad share x bad effect - good share
    x good effect) (docs/design.md §4.6); the change over the whole base is ``base x contacting share x
    (bad x bad_effect - good x good_effect)``. Negative when good experiences outweigh bad ones.

    Examples
    --------
    >>> round(float(experience_churn_change(0.15, 0.45, 0.316, 0.684, 0.27, 0.13)), 6)
    -0.000243
    """
    return (cast("Array", np.asarray(base_churn, float) * np.asarray(contacting_share, float)
            * (np.asarray(bad_share, float) * np.asarray(bad_effect, float)
               - np.asarray(good_share, float) * np.asarray(good_effect, float))))


def retention_value(customers_lost_monthly: ArrayLike, annual_margin: ArrayLike,
                    annual_base_churn: ArrayLike, annual_discount_rate: ArrayLike,
                    method: str = "margin") -> Array:
    """Money lost each month because of customers lost (negative input = customers saved).

    ``"margin"``: each customer lost in month j stops paying ``annual_margin / 12`` from month j on,
    inside the horizon (cumulative customers x monthly margin). ``"clv"``: each is worth its lifetime
    value ``margin x r / (1 + d - r)`` with r = 1 - base churn, booked in the month it is lost.

    Parameters
    ----------
    customers_lost_monthly : array_like, shape (n, months)
    annual_margin, annual_base_churn, annual_discount_rate : array_like, shape (n, 1)
    method : {"margin", "clv"}

    Examples
    --------
    >>> retention_value([[10.0, 10.0, 0.0]], 120.0, 0.2, 0.1).tolist()
    [[100.0, 200.0, 200.0]]
    >>> retention_value([[10.0, 0.0]], 120.0, 0.2, 0.1, method="clv").round(2).tolist()
    [[3200.0, 0.0]]
    """
    lost = np.asarray(customers_lost_monthly, float)
    margin = np.asarray(annual_margin, float)
    if method == "clv":
        clv = customer_lifetime_value(margin, 1.0 - np.asarray(annual_base_churn, float),
                                      np.asarray(annual_discount_rate, float))
        return cast("Array", lost * np.asarray(clv, float))
    if method != "margin":
        from roi_models.errors import InputError

        raise InputError(f"method must be 'margin' or 'clv', got {method!r}")
    return cast("Array", np.cumsum(lost, axis=-1) * margin / 12.0)
