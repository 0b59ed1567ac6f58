"""Discounting and investment metrics on a monthly timeline: NPV, IRR, payback, ROI, CLV.

Conventions (docs/design.md §3.2, §4.7), the same in every function here:

* **Cash out is negative**, cash in is positive, in every cash-flow series.
* **Rates are decimals** (0.10 for 10 %), and ``annual_rate`` is an *effective* annual rate: one
  month discounts by ``(1 + annual_rate) ** (1/12)``, not by ``annual_rate / 12``.
* **Month 0 is the start of the transition** and is not discounted; month ``m`` is discounted by
  ``(1 + annual_rate) ** (m / 12)``.
* **Cash flows run along the last axis**. A ``(trials, months)`` array gives one result per trial,
  and rates broadcast against the leading axes as NumPy ufuncs do. A scalar or 1-D series gives a
  Python ``float``.
* **Errors.** Structural mistakes (a rate <= -1, an empty series, NaN or inf, a retention outside
  [0, 1)) raise :class:`roi_models.errors.InputError`, naming the argument, the value and the allowed
  range. Element-wise impossibilities (no IRR, payback never reached, a CLV series that diverges) give
  NaN or inf in that element.

Nothing is rounded. numpy-financial computes the per-month IRR; the rest is closed-form NumPy.
"""

from __future__ import annotations

import reprlib
from typing import Any, cast

import numpy as np
import numpy_financial as npf
from numpy.typing import ArrayLike, NDArray

from roi_models.errors import InputError

__all__ = [
    "annualise",
    "customer_lifetime_value",
    "discount_factors",
    "irr",
    "mirr",
    "monthly_rate",
    "npv",
    "payback_months",
    "roi",
]

FloatArray = NDArray[np.float64]
FloatOrArray = float | FloatArray

_RATE_RANGE = "> -1 (a decimal per year, e.g. 0.10 for 10%)"


# --------------------------------------------------------------------------------------------------
# Input handling
# --------------------------------------------------------------------------------------------------
def _short(value: Any) -> str:
    """Return a bounded repr for error messages (a 100,000 x 61 array must not end up in one)."""
    return reprlib.repr(value)


def _fmt(x: Any) -> str:
    """One number for a message: ``80`` rather than ``np.float64(80.0)``; ``-1.5``, ``nan`` as is."""
    number = float(x)
    return str(int(number)) if number.is_integer() else repr(number)


def _as_float(value: ArrayLike, name: str) -> FloatArray:
    """``value`` as a float array with only finite numbers, or an InputError naming ``name``."""
    try:
        arr = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise InputError(f"{name} must be numbers (or an array of numbers), got {_short(value)}") from exc
    finite = np.isfinite(arr)
    if not finite.all():
        if arr.ndim == 0:
            raise InputError(f"{name} must be a finite number, got {_fmt(arr)}")
        where = tuple(int(i) for i in np.argwhere(~finite)[0])
        index = where[0] if len(where) == 1 else where
        raise InputError(f"{name} must hold finite numbers only, got {_fmt(arr[where])} at index {index}")
    return arr


def _as_rate(value: ArrayLike, name: str = "annual_rate") -> FloatArray:
    arr = _as_float(value, name)
    bad = arr <= -1
    if bad.any():
        raise InputError(f"{name} must be {_RATE_RANGE}, got {_fmt(arr[bad].flat[0])}")
    return arr


def _as_series(value: ArrayLike, name: str) -> FloatArray:
    """Check a cash-flow series: months along the last axis, at least one month."""
    arr = np.atleast_1d(_as_float(value, name))
    if arr.shape[-1] == 0:
        raise InputError(f"{name} must hold at least one month (month 0 first), got an empty series "
                         f"of shape {arr.shape}")
    return arr


def _as_count(value: Any, name: str, minimum: int) -> int:
    """Check a whole number >= ``minimum``; integral floats (60.0, as Excel sends them) are accepted."""
    message = f"{name} must be a whole number >= {minimum}, got {_short(value)}"
    if isinstance(value, bool | str | bytes):
        raise InputError(message)
    try:
        number = float(value)
    except (TypeError, ValueError) as exc:
        raise InputError(message) from exc
    if not number.is_integer() or number < minimum:
        raise InputError(message)
    return int(number)


def _leading_shape(rate: FloatArray, series: FloatArray, series_name: str) -> tuple[int, ...]:
    """Return the result shape: ``rate`` broadcast against the series' leading (non-month) axes."""
    try:
        return np.broadcast_shapes(rate.shape, series.shape[:-1])
    except ValueError as exc:
        raise InputError(f"annual_rate of shape {rate.shape} does not broadcast against the leading "
                         f"axes {series.shape[:-1]} of {series_name} of shape {series.shape} "
                         "(months run along the last axis)") from exc


def _factors(rate: FloatArray, months: int) -> FloatArray:
    """(1 + rate) ** (-m / 12) for m = 0..months-1, along a new last axis, computed in log space."""
    m = np.arange(months, dtype=np.float64)
    return np.exp(np.multiply.outer(np.log1p(rate), -m / 12.0))


def _ufunc_like(out: FloatArray) -> FloatOrArray:
    """Return a 0-d result as a Python float, anything else as an array (as numpy-financial does)."""
    return float(out) if np.ndim(out) == 0 else out


# --------------------------------------------------------------------------------------------------
# Rates and discount factors
# --------------------------------------------------------------------------------------------------
def monthly_rate(annual_rate: ArrayLike) -> FloatOrArray:
    """Convert an effective annual rate to the equivalent effective monthly rate.

    Parameters
    ----------
    annual_rate : array_like
        Effective annual rate as a decimal (0.10 for 10 % a year), > -1. Any shape.

    Returns
    -------
    float or ndarray
        Rate per month as a decimal, same shape as `annual_rate`; a Python float for a scalar.

    Raises
    ------
    InputError
        If `annual_rate` is <= -1, NaN or infinite.

    Notes
    -----
    .. math:: r_m = (1 + r)^{1/12} - 1

    computed as ``expm1(log1p(r) / 12)`` so that small rates keep their digits. Compounding twelve
    months at :math:`r_m` gives exactly one year at :math:`r`. This is *not* the nominal convention
    ``r / 12`` often typed in spreadsheets (``=NPV(10%/12, ...)``), which over-discounts: 10 %/12 =
    0.8333 % a month compounds to 10.47 % a year.

    References
    ----------
    .. [1] R. A. Brealey, S. C. Myers and F. Allen, "Principles of Corporate Finance", 13th ed.,
       McGraw-Hill, 2020, ch. 2 (effective annual rates and compounding intervals).

    Examples
    --------
    A 10 % cost of capital is about 0.797 % a month:

    >>> monthly_rate(0.10)
    0.0079741404289
    >>> (1 + monthly_rate(0.10)) ** 12
    1.1
    """
    rate = _as_rate(annual_rate)
    return _ufunc_like(np.expm1(np.log1p(rate) / 12.0))


def discount_factors(annual_rate: ArrayLike, months: int) -> FloatArray:
    """Discount factors for months 0..months-1 of the timeline.

    Parameters
    ----------
    annual_rate : array_like
        Effective annual discount rate as a decimal (0.10 for 10 %), > -1. Any shape.
    months : int
        Number of months on the timeline (month 0 included), a whole number >= 1.

    Returns
    -------
    ndarray
        Unitless factors, shape ``np.shape(annual_rate) + (months,)``; element ``m`` is the present
        value at month 0 of one currency unit paid in month ``m``. Element 0 is exactly 1.

    Raises
    ------
    InputError
        If `annual_rate` is <= -1, NaN or infinite, or `months` is not a whole number >= 1.

    Notes
    -----
    .. math:: DF_m = (1 + r)^{-m/12}, \\quad m = 0, \\ldots, M-1

    computed as ``exp(-m/12 * log1p(r))``. ``npv(r, cf) == sum(cf * discount_factors(r, len(cf)))``.

    References
    ----------
    .. [1] L. J. Gitman, "Principles of Managerial Finance, Brief", 3rd ed., Addison-Wesley, 2003,
       p. 346 (present value of a single amount).

    Examples
    --------
    $5,000 of savings a year from now is worth about $4,545 today at 10 %:

    >>> df = discount_factors(0.10, 13)
    >>> print(df[0], df[12])
    1.0 0.909090909090909
    >>> print(5_000 * df[12])
    4545.45454545454
    """
    rate = _as_rate(annual_rate)
    count = _as_count(months, "months", 1)
    return _factors(rate, count)


# --------------------------------------------------------------------------------------------------
# Investment metrics
# --------------------------------------------------------------------------------------------------
def npv(annual_rate: ArrayLike, monthly_cashflows: ArrayLike) -> FloatOrArray:
    """Net present value at month 0 of a monthly cash-flow series.

    Parameters
    ----------
    annual_rate : array_like
        Effective annual discount rate as a decimal (0.10 for 10 %), > -1. Broadcasts against the
        leading axes of `monthly_cashflows` (a scalar for all trials, or one rate per trial).
    monthly_cashflows : array_like, shape (..., months)
        Net cash per month in currency units, month 0 first, **cash out negative**. Months run along
        the last axis; a scalar is a single month-0 amount.

    Returns
    -------
    float or ndarray
        NPV in currency units at month 0, shape ``broadcast(annual_rate.shape, cashflows.shape[:-1])``;
        a Python float for a scalar rate and a 1-D series.

    Raises
    ------
    InputError
        If `annual_rate` is <= -1, the series is empty, or any value is NaN or infinite.

    Notes
    -----
    .. math:: NPV = \\sum_{m=0}^{M-1} CF_m \\, (1 + r)^{-m/12}

    Month 0 (the transition's one-offs) is **not** discounted. numpy-financial's ``npf.npv(rm, cf)``
    with ``rm = monthly_rate(r)`` gives the same number for a 1-D series.

    **Excel differs.** Excel's ``NPV(rate, v1, ..., vn)`` discounts its *first* value by one period,
    :math:`\\sum_{i=1}^{n} v_i (1 + rate)^{-i}`, and takes a rate per period. With month 0 in B2 and
    months 1..60 in B3:B62, and ``rm = (1+r)^(1/12)-1``:

    * ``=B2 + NPV(rm, B3:B62)`` equals ``npv(r, cf)``;
    * ``=NPV(rm, B2:B62)`` equals ``npv(r, cf) * (1 + rm) ** -1``, i.e. ``npv(r, cf) / (1+r)**(1/12)``,
      the whole series valued one month earlier;
    * ``=B2 + NPV(r/12, B3:B62)`` uses the nominal monthly rate and is a different (lower, for
      positive later flows) number;
    * ``XNPV`` discounts by actual days / 365 and differs slightly from whole twelfths of a year.

    References
    ----------
    .. [1] L. J. Gitman, "Principles of Managerial Finance, Brief", 3rd ed., Addison-Wesley, 2003,
       p. 346.
    .. [2] Microsoft, "NPV function", Excel documentation: "The NPV investment begins one period
       before the date of the value1 cash flow and ends with the last cash flow in the list."

    Examples
    --------
    Outsourcing costs a $120,000 transition fee in month 0 and then saves $5,000 a month for five
    years. At a 10 % cost of capital it is worth about $117,700 today:

    >>> cashflows = [-120_000] + [5_000] * 60
    >>> npv(0.10, cashflows)
    117692.501355

    Excel's ``=NPV(rm, B2:B62)`` discounts the fee too, one month's worth less:

    >>> rm = monthly_rate(0.10)
    >>> npv(0.10, cashflows) / (1 + rm)
    116761.429321

    One NPV per Monte Carlo trial (rows), or per rate:

    >>> npv(0.10, [[-120_000] + [5_000] * 60, [-120_000] + [4_000] * 60])
    array([117692.50135526,  70154.00108421])
    >>> npv([0.0, 0.10], cashflows)
    array([180000.        , 117692.50135526])
    """
    rate = _as_rate(annual_rate)
    flows = _as_series(monthly_cashflows, "monthly_cashflows")
    _leading_shape(rate, flows, "monthly_cashflows")
    factors = _factors(rate, flows.shape[-1])
    if rate.ndim == 0:
        out = flows @ factors  # one matrix-vector product, no (trials, months) temporary
    else:
        out = np.einsum("...m,...m->...", flows, factors)  # broadcasts; no product temporary
    return _ufunc_like(np.asarray(out, dtype=np.float64))


def irr(monthly_cashflows: ArrayLike) -> FloatOrArray:
    """Annualised internal rate of return of a monthly cash-flow series.

    Parameters
    ----------
    monthly_cashflows : array_like, shape (..., months)
        Net cash per month in currency units, month 0 first, **cash out negative**. Months run along
        the last axis; each series along it gets its own IRR.

    Returns
    -------
    float or ndarray
        Effective annual IRR as a decimal, shape ``cashflows.shape[:-1]``; a Python float for a 1-D
        series. NaN where no IRR exists (no sign change, all zeros); inf where the annualised rate
        overflows.

    Raises
    ------
    InputError
        If the series is empty or holds NaN or infinite values.

    Notes
    -----
    The monthly IRR :math:`i` solves

    .. math:: \\sum_{m=0}^{M-1} CF_m \\, (1 + i)^{-m} = 0

    and is annualised as :math:`(1 + i)^{12} - 1`, so that ``npv(irr(cf), cf) == 0`` (up to
    round-off) with :func:`npv`'s effective-annual convention. :math:`i` comes from
    ``numpy_financial.irr`` row by row: the real roots of the polynomial, keeping the rate > -1
    closest to zero when there are several (a series with more than one sign change can have
    several IRRs; one sign change has exactly one).

    **Excel.** ``=IRR(B2:B62)`` over the same months gives the *monthly* rate :math:`i` (Excel's
    shift of every value by one period does not move the root), so our value is
    ``=(1+IRR(B2:B62))^12-1``. Excel iterates from a guess of 10 % and, with several sign changes,
    may land on another root or return #NUM! where we return the root closest to zero.
    ``XIRR`` uses actual days / 365 and differs slightly.

    References
    ----------
    .. [1] L. J. Gitman, "Principles of Managerial Finance, Brief", 3rd ed., Addison-Wesley, 2003,
       p. 348.
    .. [2] numpy-financial, ``numpy_financial.irr``.

    Examples
    --------
    The $120,000 transition fee repaid by $5,000 a month for five years earns about 3.69 % a month,
    54.5 % a year:

    >>> cashflows = [-120_000] + [5_000] * 60
    >>> irr(cashflows)
    0.545405021576
    >>> abs(npv(irr(cashflows), cashflows)) < 1e-6
    True

    A series that never turns positive has no IRR:

    >>> irr([-120_000, -5_000, -5_000])
    nan
    """
    flows = _as_series(monthly_cashflows, "monthly_cashflows")
    rows = flows.reshape(-1, flows.shape[-1])
    monthly = np.fromiter((npf.irr(row) for row in rows), dtype=np.float64, count=rows.shape[0])
    with np.errstate(over="ignore"):
        annual = np.expm1(12.0 * np.log1p(monthly))
    return _ufunc_like(annual.reshape(flows.shape[:-1]))


def mirr(monthly_cashflows: ArrayLike, finance_rate: ArrayLike,
         reinvest_rate: ArrayLike | None = None) -> FloatOrArray:
    """Compute the modified internal rate of return of a monthly series, annualised.

    Parameters
    ----------
    monthly_cashflows : array_like, shape (..., months)
        Net cash per month in currency units, month 0 first, **cash out negative**.
    finance_rate : array_like
        Effective annual rate at which the outflows are financed (decimal, > -1).
    reinvest_rate : array_like, optional
        Effective annual rate at which the inflows are reinvested (decimal, > -1); defaults to
        `finance_rate` (the business case uses the discount rate for both).

    Returns
    -------
    float or ndarray
        Effective annual MIRR as a decimal, shape ``cashflows.shape[:-1]``; NaN where the series has
        no outflow or no inflow.

    Notes
    -----
    With monthly rates :math:`f, r` from the annual ones and :math:`n` months,

    .. math:: (1 + m)^{n-1} = \\frac{\\sum_{CF_t>0} CF_t (1+r)^{n-1-t}}{-\\sum_{CF_t<0} CF_t (1+f)^{-t}}

    and the result is :math:`(1+m)^{12} - 1`. Unlike the IRR it assumes inflows earn the reinvestment
    rate, so a fast payback does not explode into a several-hundred-per-cent figure: it is the rate
    a CFO can quote. **Excel:** ``=(1+MIRR(B2:B62, fm, rm))^12-1`` with the monthly rates
    ``fm = (1+f)^(1/12)-1`` gives the same number.

    References
    ----------
    .. [1] Microsoft, "MIRR function", Excel documentation.

    Examples
    --------
    The $120,000 fee repaid by $5,000 a month for five years has an IRR of 54.5 % a year; with the
    inflows reinvested at a 10 % cost of capital its MIRR is 26.1 %:

    >>> cashflows = [-120_000] + [5_000] * 60
    >>> mirr(cashflows, 0.10)
    0.26112905697
    """
    flows = _as_series(monthly_cashflows, "monthly_cashflows")
    f = _as_rate(finance_rate, "finance_rate")
    r = f if reinvest_rate is None else _as_rate(reinvest_rate, "reinvest_rate")
    n = flows.shape[-1]
    if n < 2:
        raise InputError(f"monthly_cashflows must hold at least 2 months, got {n}")
    t = np.arange(n, dtype=np.float64)
    fm = np.asarray(monthly_rate(f), dtype=np.float64)[..., None]
    rm = np.asarray(monthly_rate(r), dtype=np.float64)[..., None]
    neg = -np.sum(np.where(flows < 0, flows, 0.0) * (1.0 + fm) ** -t, axis=-1)
    pos = np.sum(np.where(flows > 0, flows, 0.0) * (1.0 + rm) ** (n - 1 - t), axis=-1)
    with np.errstate(divide="ignore", invalid="ignore"):
        monthly = np.where((neg > 0) & (pos > 0), (pos / neg) ** (1.0 / (n - 1)) - 1.0, np.nan)
        annual = np.expm1(12.0 * np.log1p(monthly))
    return _ufunc_like(np.asarray(annual, dtype=np.float64))


def payback_months(monthly_cashflows: ArrayLike, *, annual_rate: ArrayLike | None = None) -> FloatOrArray:
    """Months until cumulative (optionally discounted) cash first reaches zero.

    Parameters
    ----------
    monthly_cashflows : array_like, shape (..., months)
        Net cash per month in currency units, month 0 first, **cash out negative**. Months run along
        the last axis.
    annual_rate : array_like, optional
        Effective annual discount rate as a decimal, > -1, broadcasting against the leading axes of
        `monthly_cashflows`. Given: discounted payback; omitted (None): simple payback.

    Returns
    -------
    float or ndarray
        Payback in months from month 0 (fractional), shape of the leading axes; a Python float for a
        1-D series. 0 if month 0's cash is already >= 0; NaN if the cumulative cash never reaches 0
        within the series.

    Raises
    ------
    InputError
        If the series is empty, holds NaN or infinite values, or `annual_rate` is <= -1.

    Notes
    -----
    With :math:`c_m = CF_m` (or :math:`CF_m (1 + r)^{-m/12}` when a rate is given) and
    :math:`C_j = \\sum_{m \\le j} c_m`, let :math:`j` be the first month with :math:`C_j \\ge 0`. Then

    .. math:: \\text{payback} = \\begin{cases} 0 & j = 0 \\\\
              (j - 1) + \\dfrac{-C_{j-1}}{c_j} & j \\ge 1 \\end{cases}

    i.e. cash is taken to arrive evenly through month :math:`j`. It is the *first* crossing: a later
    dip below zero (an exit cost at the end of the contract) does not move it. Fully vectorised: one
    cumulative sum and one ``argmax`` over the last axis.

    References
    ----------
    .. [1] L. J. Gitman, "Principles of Managerial Finance, Brief", 3rd ed., Addison-Wesley, 2003,
       pp. 340-342 (payback period); discounted payback as in Brealey, Myers and Allen,
       "Principles of Corporate Finance", 13th ed., ch. 5.

    Examples
    --------
    The $120,000 fee is earned back by $5,000 a month after exactly 24 months; counting the time
    value of money at 10 % it takes about 26.7 months:

    >>> cashflows = [-120_000] + [5_000] * 60
    >>> payback_months(cashflows)
    24.0
    >>> payback_months(cashflows, annual_rate=0.10)
    26.7461115753

    Halfway through month 2, never, and immediately:

    >>> payback_months([[-1_000, 500, 1_000], [-1_000, 100, 100], [0, -50, 100]])
    array([1.5, nan, 0. ])
    """
    flows = _as_series(monthly_cashflows, "monthly_cashflows")
    if annual_rate is not None:
        rate = _as_rate(annual_rate)
        _leading_shape(rate, flows, "monthly_cashflows")
        flows = flows * _factors(rate, flows.shape[-1])
    cumulative = np.cumsum(flows, axis=-1)
    reached = cumulative >= 0
    ever = reached.any(axis=-1)
    first = np.argmax(reached, axis=-1)  # first month with cumulative >= 0 (0 if never)
    before = np.maximum(first - 1, 0)
    owed = np.take_along_axis(cumulative, before[..., np.newaxis], axis=-1)[..., 0]
    step = np.take_along_axis(flows, first[..., np.newaxis], axis=-1)[..., 0]
    with np.errstate(divide="ignore", invalid="ignore"):
        # where first >= 1, step > 0 because cumulative went from < 0 to >= 0 in that month
        crossing = before + (-owed) / step
    out = np.where(first == 0, 0.0, crossing)
    out = np.where(ever, out, np.nan)
    return _ufunc_like(out)


def roi(monthly_benefits: ArrayLike, monthly_costs: ArrayLike) -> FloatOrArray:
    """Compute the simple (undiscounted) return on investment over the horizon.

    Parameters
    ----------
    monthly_benefits : array_like, shape (..., months)
        Benefits per month in currency units, as **positive amounts** (savings, recovered margin).
    monthly_costs : array_like, shape (..., months)
        Costs per month in currency units, as **positive amounts** (fees, one-offs) — unlike the
        cash-out-negative convention of cash-flow series. Its total must be > 0. The two series need
        not have the same number of months (each is summed); their leading axes broadcast.

    Returns
    -------
    float or ndarray
        ROI as a decimal (0.5 = 50 %), shape of the broadcast leading axes; a Python float for 1-D
        inputs.

    Raises
    ------
    InputError
        If a series is empty or holds NaN or infinite values, or total costs are <= 0 (costs passed
        as negative cash, or no cost at all).

    Notes
    -----
    .. math:: ROI = \\frac{\\sum_m B_m - \\sum_m C_m}{\\sum_m C_m}

    No discounting: use :func:`npv` for the time value of money. There is no Excel function of that
    name; the workbook computes ``=(SUM(benefits)-SUM(costs))/SUM(costs)``.

    References
    ----------
    .. [1] J. J. Phillips, "Return on Investment in Training and Performance Improvement Programs",
       2nd ed., Butterworth-Heinemann, 2003 (ROI = net benefits / costs).

    Examples
    --------
    A $120,000 transition fee buys $5,000 a month of savings for five years, $300,000 in all:

    >>> roi([5_000] * 60, [120_000])
    1.5
    """
    benefits = _as_series(monthly_benefits, "monthly_benefits")
    costs = _as_series(monthly_costs, "monthly_costs")
    try:
        np.broadcast_shapes(benefits.shape[:-1], costs.shape[:-1])
    except ValueError as exc:
        raise InputError(f"monthly_benefits of shape {benefits.shape} and monthly_costs of shape "
                         f"{costs.shape} must broadcast along their leading axes "
                         "(months run along the last axis)") from exc
    total_benefits = benefits.sum(axis=-1)
    total_costs = costs.sum(axis=-1)
    bad = total_costs <= 0
    if np.any(bad):
        raise InputError("monthly_costs must sum to > 0 (costs as positive amounts), got a total of "
                         f"{_fmt(np.asarray(total_costs)[bad].flat[0])}")
    return _ufunc_like(np.asarray((total_benefits - total_costs) / total_costs, dtype=np.float64))


def customer_lifetime_value(margin: ArrayLike, retention: ArrayLike, discount: ArrayLike) -> FloatOrArray:
    """Lifetime value of a customer with constant margin, retention and discount rate.

    Parameters
    ----------
    margin : array_like
        Contribution margin per customer per period in currency units (e.g. per year).
    retention : array_like
        Share of customers retained from one period to the next, a decimal in [0, 1) (0.8 for 80 %).
    discount : array_like
        Discount rate per period as a decimal, > -1 (0.10 for 10 % a period). All three are for the
        same period length and broadcast against each other.

    Returns
    -------
    float or ndarray
        CLV in currency units, broadcast shape; a Python float for scalars. Where
        ``retention >= 1 + discount`` (possible only with a negative discount rate) the series
        diverges: ``+inf`` / ``-inf`` with the sign of the margin.

    Raises
    ------
    InputError
        If `retention` is outside [0, 1), `discount` is <= -1, or any value is NaN or infinite.

    Notes
    -----
    .. math:: CLV = \\sum_{t=1}^{\\infty} m \\frac{r^t}{(1 + d)^t} = \\frac{m \\, r}{1 + d - r}

    Margins arrive at the end of each period while the customer stays, the first one after the first
    retention (docs/design.md §4.6). Count value once: either the CLV of saved customers or their margin
    inside the monthly cash flow, never both.

    References
    ----------
    .. [1] S. Gupta and D. R. Lehmann, "Customers as assets", Journal of Interactive Marketing 17(1),
       2003, pp. 9-24.

    Examples
    --------
    A customer earning $100 a year, 80 % annual retention, 10 % cost of capital:

    >>> customer_lifetime_value(100, 0.8, 0.1)
    266.666666666
    """
    margin_arr = _as_float(margin, "margin")
    retention_arr = _as_float(retention, "retention")
    discount_arr = _as_float(discount, "discount")
    bad = (retention_arr < 0) | (retention_arr >= 1)
    if bad.any():
        raise InputError("retention must be in [0, 1) (a decimal per period, e.g. 0.8 for 80%), got "
                         f"{_fmt(retention_arr[bad].flat[0])}")
    bad = discount_arr <= -1
    if bad.any():
        raise InputError("discount must be > -1 (a decimal per period, e.g. 0.10 for 10%), got "
                         f"{_fmt(discount_arr[bad].flat[0])}")
    try:
        m, r, d = np.broadcast_arrays(margin_arr, retention_arr, discount_arr)
    except ValueError as exc:
        raise InputError(f"margin {margin_arr.shape}, retention {retention_arr.shape} and discount "
                         f"{discount_arr.shape} must broadcast against each other") from exc
    denominator = 1.0 + d - r
    with np.errstate(divide="ignore", invalid="ignore"):
        value = m * r / denominator
    out = np.where(denominator > 0, value, m * np.inf)
    return _ufunc_like(out)


# --------------------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------------------
def annualise(monthly: ArrayLike, start_month: int = 0) -> FloatArray:
    """Sum a monthly series into contract years for reporting.

    Parameters
    ----------
    monthly : array_like, shape (..., months)
        Any monthly amount (cash, cost, contacts), months along the last axis.
    start_month : int, default 0
        Timeline month of ``monthly[..., 0]``, a whole number >= 0. Years are always timeline years
        (year 1 = months 0..11, year 2 = months 12..23, ...); a series starting later contributes
        nothing to the months before it.

    Returns
    -------
    ndarray, shape (..., years)
        Sums per year, in the unit of `monthly`; element ``k`` is year ``k + 1``. ``years`` runs to
        the year holding the last month; a last partial year is summed as is (not scaled up).

    Raises
    ------
    InputError
        If the series is empty or holds NaN or infinite values, or `start_month` is not a whole
        number >= 0.

    Notes
    -----
    .. math:: Y_k = \\sum_{m = 12(k-1)}^{12k - 1} x_m, \\quad k = 1, 2, \\ldots

    Undiscounted, for the report's annual view; NPV and IRR are always computed on months.

    References
    ----------
    .. [1] docs/design.md §4.7: "Monthly timeline over the horizon (default 60 months), reported annually."

    Examples
    --------
    The fee and five years of savings, by contract year (month 60 is the first month of year 6):

    >>> annualise([-120_000] + [5_000] * 60)
    array([-65000.,  60000.,  60000.,  60000.,  60000.,   5000.])

    Savings that start in month 3 (after three months of parallel running):

    >>> annualise([5_000] * 12, start_month=3)
    array([45000., 15000.])
    """
    values = _as_series(monthly, "monthly")
    offset = _as_count(start_month, "start_month", 0)
    last = offset + values.shape[-1]
    years = -(-last // 12)
    pad = [(0, 0)] * (values.ndim - 1) + [(offset, years * 12 - last)]
    padded = np.pad(values, pad)  # zeros: x + 0 == x exactly, nothing is changed by the padding
    return cast("FloatArray", padded.reshape(*values.shape[:-1], years, 12).sum(axis=-1))
