"""Queueing maths for contact-center staffing: Erlang B, Erlang C and Erlang A (M/M/N+M).

Every function broadcasts like a NumPy ufunc over scalars and arrays (a 336-interval week x
1,000 scenarios grid is one call) and returns a Python number for scalar input.

Conventions (docs/design.md 3.1)
---------------------------
* Time in **seconds**: ``aht`` (average handle time), ``target_time``, ``patience``, ``interval``.
* ``calls`` are offered contacts per ``interval``; the offered traffic is
  ``A = calls * aht / interval`` Erlangs.
* Shares are decimals (0.8, not 80).
* ``agents`` may be fractional: the formulas use the continuous extension of the Poisson
  probabilities through the regularized incomplete gamma function.
* ``patience`` is the mean time a caller waits before hanging up (exponential). ``None`` or
  ``inf`` (element-wise too) means nobody abandons: Erlang C (M/M/N). A finite patience gives
  Erlang A (M/M/N+M, Palm's model).
* An unstable point (agents <= traffic without abandonment) is not an error: service level 0,
  ASA ``inf``, occupancy 1. Structural mistakes raise :class:`roi_models.errors.InputError`.

Numerics
--------
Poisson probabilities use Loader's saddle-point form ``-stirlerr(n) - bd0(n, A) - log(2 pi n)/2``
(no ``A**n`` or factorials, no cancellation at large ``n``), the Poisson distribution function is
``scipy.special.gammaincc`` and, where that underflows (``n`` far below ``A``), a convergent series
for ``1/B`` replaces it. Erlang A uses the closed forms of Garnett, Mandelbaum & Reiman (2002) and
Zeltyn (2004), written in terms of the regularized incomplete gamma function and evaluated in log
space. The accuracy against 50-digit mpmath references is checked in ``tests/test_staffing.py``.

References
----------
.. [1] C. Loader, "Fast and accurate computation of binomial probabilities", 2000.
.. [2] S. Halfin and W. Whitt, "Heavy-traffic limits for queues with many exponential servers",
   Operations Research 29(3), 1981.
.. [3] O. Garnett, A. Mandelbaum and M. Reiman, "Designing a call center with impatient customers",
   Manufacturing & Service Operations Management 4(3), 2002.
.. [4] A. Mandelbaum and S. Zeltyn, "The Palm/Erlang-A queue, with applications to call centers",
   2007; S. Zeltyn, PhD thesis, Technion, 2004.
"""

from __future__ import annotations

import math
from typing import Any, cast

import numpy as np
from numpy.typing import ArrayLike
from scipy.special import gammainc, gammaincc, gammaln, ndtr, roots_legendre

from roi_models.errors import InputError

__all__ = [
    "abandon_rate",
    "agents_required",
    "asa",
    "chat_agents_required",
    "deferred_agents_required",
    "erlang_b",
    "erlang_c",
    "fte_required",
    "occupancy",
    "queue_metrics",
    "required_staffing",
    "service_level",
]

_DEFINITIONS = ("offered", "answered", "virtual")
_LN_SQRT_2PI = 0.91893853320467274178  # log(sqrt(2 pi))
_SQRT_2PI = 2.5066282746310002
# Loader's Stirling-series coefficients: stirlerr(n) = lgamma(n+1) - (n+1/2) log n + n - log sqrt(2 pi)
_S0, _S1, _S2, _S3, _S4 = 1 / 12, 1 / 360, 1 / 1260, 1 / 1680, 1 / 1188
# Taylor coefficients of atanh(v)/v - 1 = v^2/3 + v^4/5 + ... (bd0 series, |v| < 0.1)
_BD0_COEF = tuple(1.0 / (2 * k + 1) for k in range(1, 9))
_CHUNK = 16384  # elements per block in the hot loops (keeps temporaries in cache)
_TINY_Q = 1e-250  # below this the incomplete gamma result is replaced by the direct series
_GL_X, _GL_W = roots_legendre(40)  # Gauss-Legendre nodes for the Erlang A ASA integral
_MIN_SECONDS = 1e-3  # shortest handle time / patience: below a millisecond the ratios underflow
_MAX_PATIENCE = 1e10  # longest finite mean patience (300 years); beyond it use None (Erlang C)
_RECURRENCE_MAX = 64  # Erlang B by recurrence up to this many agents (whole numbers)
_MAX_TERMS = 20_000  # series terms before a point is declared beyond the engine's range
#: the largest offered traffic (Erlangs) the engine staffs: agents stay exact whole numbers in a
#: float and every kernel converges within its bounded iterations (a 100,000-seat operation
#: carries ~1e5 Erlangs)
MAX_TRAFFIC = 1e8
_MAX_AGENTS = 4e12  # no answer is searched above this (whole numbers exact in a float)
_MAX_PROBES = 200  # steps of the agents search (a gallop doubles: 2**60 is never reached)
_STRIDE = 16  # in large inputs every 16th problem (by traffic) is searched from scratch


# --------------------------------------------------------------------------------------------
# input handling
# --------------------------------------------------------------------------------------------
def _fmt(value: Any) -> str:
    try:
        v = float(value)
    except (TypeError, ValueError):
        return repr(value)
    if math.isfinite(v) and v == int(v):
        return str(int(v))
    return f"{v:g}"


def _is_scalar(*values: Any) -> bool:
    for v in values:
        if not isinstance(v, (float, int, np.floating, np.integer)) or isinstance(v, bool):
            return False
    return True


def _check(name: str, value: Any, ok: Any, rule: str) -> None:
    """Raise InputError naming ``name``, the first offending value and ``rule`` unless all ``ok``."""
    if isinstance(ok, (bool, np.bool_)):
        if ok:
            return
        bad = value
    else:
        if ok.all():
            return
        arr = np.broadcast_to(np.asarray(value, dtype=float), ok.shape)
        bad = arr[~ok].flat[0]
    raise InputError(f"{name} must be {rule}, got {_fmt(bad)}")


def _as_float(name: str, value: Any) -> np.ndarray:
    if value is None:
        raise InputError(f"{name} is required, got None")
    try:
        return np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise InputError(f"{name} must be a number or an array of numbers, got {value!r}") from None


def _nonneg(name: str, x: Any, unit: str = "") -> None:
    _check(name, x, (x >= 0) & (x < np.inf), f"a finite number >= 0{unit}")


def _positive(name: str, x: Any, unit: str = "") -> None:
    _check(name, x, (x > 0) & (x < np.inf), f"> 0{unit}")


def _aht(h: Any) -> None:
    _positive("aht", h, " seconds")
    _check("aht", h, h >= _MIN_SECONDS, f">= {_MIN_SECONDS:g} seconds (a millisecond)")


def _share(name: str, x: Any) -> None:
    _check(name, x, (x >= 0) & (x <= 1), "a share between 0 and 1 (decimal, e.g. 0.8 for 80%)")


def _patience(value: Any) -> np.ndarray:
    """Mean patience in seconds; None means no abandonment (inf)."""
    if value is None:
        return np.asarray(np.inf)
    p = _as_float("patience", value)
    _check("patience", p, p > 0, "> 0 seconds (mean time to abandon; None or inf for no abandonment)")
    _check("patience", p, (p >= _MIN_SECONDS) & ((p <= _MAX_PATIENCE) | (p == np.inf)),
           f"between {_MIN_SECONDS:g} and {_MAX_PATIENCE:g} seconds, or None/inf for no "
           f"abandonment (Erlang C)")
    return p


def _definition(definition: str) -> None:
    if definition not in _DEFINITIONS:
        raise InputError(f"definition must be one of 'offered', 'answered', 'virtual', got {definition!r}")


def _flat(*arrays: np.ndarray) -> tuple[tuple[int, ...], list[np.ndarray]]:
    shape = np.broadcast_shapes(*(a.shape for a in arrays))
    return shape, [np.broadcast_to(a, shape).ravel() for a in arrays]


def _out(values: np.ndarray, shape: tuple[int, ...]) -> Any:
    values = values.reshape(shape)
    if shape == ():
        return values.item()
    return values


# --------------------------------------------------------------------------------------------
# Loader's saddle-point Poisson log-probability (array and scalar versions)
# --------------------------------------------------------------------------------------------
def _stirlerr(n: np.ndarray) -> np.ndarray:
    """lgamma(n+1) - (n+1/2) log n + n - log sqrt(2 pi) for n > 0 (Loader)."""
    nn = n * n
    out = (_S0 - (_S1 - (_S2 - (_S3 - _S4 / nn) / nn) / nn) / nn) / n
    small = n <= 15
    if small.any():
        m = n[small]
        out[small] = gammaln(m + 1) - (m + 0.5) * np.log(m) + m - _LN_SQRT_2PI
    return cast("np.ndarray", out)


def _bd0(x: np.ndarray, mu: np.ndarray) -> np.ndarray:
    """Compute x log(x/mu) + mu - x, accurate for x close to mu (Loader's series), x >= 0, mu > 0."""
    d = x - mu
    v = d / (x + mu)
    v2 = v * v
    poly = _BD0_COEF[-1]
    for c in _BD0_COEF[-2::-1]:
        poly = poly * v2 + c
    series = d * v + 2.0 * x * v * v2 * poly
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        r = x / mu
        direct = x * np.log(r) - d
        bad = ~np.isfinite(r) | (r == 0)  # x/mu overflows or underflows (subnormal mu or x)
        if bad.any():
            xb, mb = x[bad], mu[bad]
            direct[bad] = np.where(xb > 0, xb * (np.log(xb) - np.log(mb)), 0.0) - d[bad]
    return cast("np.ndarray", np.where(np.abs(v) < 0.1, series, direct))


def _log_pois(n: np.ndarray, mu: np.ndarray) -> np.ndarray:
    """log(mu**n exp(-mu) / Gamma(n+1)) for real n >= 0 and mu > 0, without cancellation."""
    with np.errstate(divide="ignore", invalid="ignore"):
        out = -_stirlerr(n) - _bd0(n, mu) - 0.5 * np.log(2 * np.pi * n)
    zero = n == 0
    if zero.any():
        out[zero] = -mu[zero]
    return cast("np.ndarray", out)


def _stirlerr_s(n: float) -> float:
    if n > 15:
        nn = n * n
        return (_S0 - (_S1 - (_S2 - (_S3 - _S4 / nn) / nn) / nn) / nn) / n
    return math.lgamma(n + 1) - (n + 0.5) * math.log(n) + n - _LN_SQRT_2PI


def _log_pois_s(n: float, mu: float) -> float:
    if n == 0:
        return -mu
    d = n - mu
    v = d / (n + mu)
    if abs(v) < 0.1:
        v2 = v * v
        poly = _BD0_COEF[-1]
        for c in _BD0_COEF[-2::-1]:
            poly = poly * v2 + c
        bd0 = d * v + 2.0 * n * v * v2 * poly
    else:
        r = n / mu
        log_r = math.log(r) if 0 < r < math.inf else math.log(n) - math.log(mu)
        bd0 = n * log_r - d
    return -_stirlerr_s(n) - bd0 - 0.5 * math.log(2 * math.pi * n)


# --------------------------------------------------------------------------------------------
# Erlang B / C kernels
# --------------------------------------------------------------------------------------------
def _inv_b_series(n: np.ndarray, a: np.ndarray) -> np.ndarray:
    """1/B(n, a) = sum_j prod_{i<j} (n - i)/a; converges fast for n well below a."""
    total = np.ones_like(n)
    term = np.ones_like(n)
    idx = np.arange(n.size)
    for j in range(_MAX_TERMS):
        term[idx] *= (n[idx] - j) / a[idx]
        total[idx] += term[idx]
        keep = np.abs(term[idx]) > 1e-17 * total[idx]
        idx = idx[keep]
        if idx.size == 0:
            return total
    raise InputError(f"traffic: Erlang B for {_fmt(n[idx[0]])} agents on {a[idx[0]]:g} Erlangs "
                     f"needs more than {_MAX_TERMS:,} series terms (beyond the engine's range)")


def _erlang_b_recurrence(n: np.ndarray, a: np.ndarray) -> np.ndarray:
    """Erlang B by the recurrence B(k) = a B(k-1) / (k + a B(k-1)), B(0) = 1, for whole n >= 0.

    Forward-stable (relative error below n machine epsilons); one pass over k = 1..max(n).
    """
    if n.size == 0:
        return np.ones_like(a)
    # sorted by n (descending), step k only touches the prefix with n >= k: sum(n) work, not
    # max(n) x size
    order = np.argsort(-n, kind="stable")
    ns, a_s = n[order], a[order]
    b = np.ones_like(a_s)
    top = int(ns[0])
    active = np.searchsorted(-ns, -np.arange(1.0, top + 1.0), side="right")
    ab = np.empty_like(a_s)
    den = np.empty_like(a_s)
    for k in range(1, top + 1):
        c = active[k - 1]
        np.multiply(a_s[:c], b[:c], out=ab[:c])
        np.add(ab[:c], k, out=den[:c])
        np.divide(ab[:c], den[:c], out=b[:c])
    out = np.empty_like(b)
    out[order] = b
    return out


def _log_erlang_b(n: np.ndarray, a: np.ndarray) -> np.ndarray:
    """Compute the log of the Erlang B blocking probability for n >= 0 servers and traffic a > 0."""
    out = np.empty_like(n)
    # small whole numbers of agents (every point of a typical case): the exact recurrence; a >= 0.01
    # keeps B = a^n/n!/... far from underflow for n <= _RECURRENCE_MAX
    rec = (n <= _RECURRENCE_MAX) & (a >= 0.01) & (n == np.floor(n))
    if rec.all():
        return cast("np.ndarray", np.log(_erlang_b_recurrence(n, a)))
    if rec.any():
        out[rec] = np.log(_erlang_b_recurrence(n[rec], a[rec]))
    series = (n <= 0.5 * a) & (a >= 40) & ~rec  # the series is asymptotic for non-integer n
    reg = ~series & ~rec
    if reg.any():
        nr, ar = n[reg], a[reg]
        q = gammaincc(nr + 1, ar)
        with np.errstate(divide="ignore"):
            out[reg] = np.minimum(_log_pois(nr, ar) - np.log(q), 0.0)
        tiny = np.zeros_like(series)
        tiny[reg] = q < _TINY_Q
        series |= tiny
    if series.any():
        out[series] = np.minimum(-np.log(_inv_b_series(n[series], a[series])), 0.0)
    out[n == 0] = 0.0  # no servers: every contact is blocked
    return out


def _erlang_c_stable(n: np.ndarray, a: np.ndarray) -> np.ndarray:
    """Erlang C for n > a > 0: C = n p / ((n - a) Q + a p), p = pmf(n; a), Q = P(X <= n)."""
    p = np.exp(_log_pois(n, a))
    q = gammaincc(n + 1, a)
    return cast("np.ndarray", n * p / ((n - a) * q + a * p))


def _erlang_c_scalar(n: float, a: float) -> float:
    p = math.exp(_log_pois_s(n, a))
    q = float(gammaincc(n + 1, a))
    return n * p / ((n - a) * q + a * p)


def _erlang_c_array(n: np.ndarray, a: np.ndarray) -> np.ndarray:
    out = np.ones_like(n)
    stable = n > a
    zero = stable & (a == 0)
    out[zero] = 0.0
    stable &= a > 0
    if stable.any():
        out[stable] = _erlang_c_stable(n[stable], a[stable])
    return out


# --------------------------------------------------------------------------------------------
# Erlang A (M/M/N+M) kernels
# --------------------------------------------------------------------------------------------
def _k_series(a: np.ndarray, y: np.ndarray) -> np.ndarray:
    """K(a, y) - 1 = sum_{j>=1} y^j / ((a+1)...(a+j)); converges fast for y well below a.

    Returned without the leading 1 so that log K = log1p(...) keeps its precision for tiny y.
    """
    total = np.zeros_like(a)
    term = np.ones_like(a)
    idx = np.arange(a.size)
    for j in range(1, _MAX_TERMS):
        term[idx] *= y[idx] / (a[idx] + j)
        total[idx] += term[idx]
        keep = term[idx] > 1e-17 * (1.0 + total[idx])
        idx = idx[keep]
        if idx.size == 0:
            return total
    raise InputError(f"patience: Erlang A with agents x patience / aht = {a[idx[0]]:g} and calls x "
                     f"patience / interval = {y[idx[0]]:g} needs more than {_MAX_TERMS:,} series "
                     f"terms (beyond the engine's range; patience=None gives Erlang C)")


def _log_k(a: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Compute log K(a, y) with K(a, y) = P(a, y) / d(a, y) = 1F1(1; a+1; y), d(a, y) = y^a e^-y / Gamma(a+1).

    K is the generating sum of the Erlang A queue-length distribution: with a = N mu/theta and
    y = lambda/theta, the probabilities of N + j contacts in the system are proportional to the
    terms y^j / ((a+1)...(a+j)). Also returns P(a, y) where it was computed (NaN elsewhere).
    """
    out = np.empty_like(a)
    p_all = np.full_like(a, np.nan)
    series = y <= 0.5 * a
    zero_a = (a == 0) & ~series
    out[zero_a] = y[zero_a]  # K(0, y) = e^y
    p_all[zero_a] = 1.0
    reg = ~series & ~zero_a
    if reg.any():
        ar, yr = a[reg], y[reg]
        p = gammainc(ar, yr)
        p_all[reg] = p
        with np.errstate(divide="ignore"):
            out[reg] = np.log(p) - _log_pois(ar, yr)
        tiny = np.zeros_like(series)
        tiny[reg] = p < _TINY_Q
        series |= tiny
    if series.any():
        out[series] = np.log1p(_k_series(a[series], y[series]))
        p_all[series] = np.nan
    return out, p_all


def _erlang_a(
    n: np.ndarray,
    a_traffic: np.ndarray,
    ratio: np.ndarray,
    theta_t: np.ndarray | None = None,
    *,
    want_asa: bool = False,
    want_virtual: bool = True,
) -> dict[str, np.ndarray]:
    """Erlang A quantities for traffic > 0 and finite patience.

    ``ratio`` = aht / patience (theta/mu), ``theta_t`` = target_time / patience.
    Returns P(wait), P(abandon), P(answered after target) and P(virtual wait > target), and the
    mean wait of answered contacts in patience units when ``want_asa``.
    """
    a = n / ratio  # N mu / theta
    x = a_traffic / ratio  # lambda / theta
    log_b = _log_erlang_b(n, a_traffic)
    with np.errstate(divide="ignore"):
        log_e = np.log(-np.expm1(log_b)) - log_b  # log((1 - B) / B) = log(sum_{k<N} pi_k / pi_N)
    log_j, p_ax = _log_k(a, x)
    log_w = -np.logaddexp(0.0, log_e - log_j)  # log P(wait) = log J / (E + J)
    p_wait = np.exp(log_w)
    with np.errstate(over="ignore", invalid="ignore"):
        n_over_a = n / a_traffic  # = a / x
        served = n_over_a * -np.expm1(-log_j)  # (N/A)(1 - 1/J)
    huge = ~np.isfinite(n_over_a)
    if huge.any():  # subnormal traffic: (N/A)(1 - 1/J) -> N / (N + theta/mu) as A -> 0
        served[huge] = n[huge] / (n[huge] + ratio[huge])
    p_ab = p_wait * (1.0 - served)
    np.clip(p_ab, 0.0, 1.0, out=p_ab)
    res = {"p_wait": p_wait, "p_abandon": p_ab}
    if theta_t is not None:
        xu = x * np.exp(-theta_t)
        after = np.empty_like(a)
        beyond = np.empty_like(a)
        # answered after t = P(wait) (a/x) P(a+1, xu) / P(a, x); P(V > t) = P(wait) P(a, xu) / P(a, x)
        direct = p_ax >= _TINY_Q
        if direct.any():
            d_a, d_xu, d_p = a[direct], xu[direct], p_ax[direct]
            after[direct] = p_wait[direct] * n_over_a[direct] * gammainc(d_a + 1, d_xu) / d_p
            if want_virtual:
                beyond[direct] = (p_wait[direct] * np.where(d_a > 0, gammainc(d_a, d_xu), 1.0)
                                  / d_p)
        other = ~direct
        if other.any():  # P(a, x) underflows: the same ratios through K in log space
            o_a, o_xu, o_tt = a[other], xu[other], theta_t[other]
            shift = -x[other] * np.expm1(-o_tt) - log_j[other]  # x (1 - u) - log J
            with np.errstate(invalid="ignore"):
                after[other] = (
                    p_wait[other]
                    * (o_a / (o_a + 1))
                    * np.exp(_log_k(o_a + 1, o_xu)[0] - (o_a + 1) * o_tt + shift)
                )
                if want_virtual:
                    beyond[other] = p_wait[other] * np.exp(_log_k(o_a, o_xu)[0] - o_a * o_tt
                                                           + shift)
        after[n == 0] = 0.0
        beyond[n == 0] = 1.0  # no agents: nobody is ever answered
        res["answered_after"] = np.minimum(after, p_wait)
        if want_virtual:
            res["virtual_beyond"] = np.minimum(beyond, p_wait)
    if want_asa:
        res["wait_answered"] = _erlang_a_wait_mass(a, x, log_w, log_j)
    return res


def _erlang_a_wait_mass(a: np.ndarray, x: np.ndarray, log_w: np.ndarray, log_j: np.ndarray) -> np.ndarray:
    """E[V exp(-V); answered] in patience units (theta = 1), by Gauss-Legendre quadrature.

    E[V e^{-V}] = P(wait) a (a+1)/x * int_0^inf s d(a+1, x e^-s) / (J d(a, x)) ds, whose integrand
    peaks at s* = log(x/(a+1)) with width 1/sqrt(a+1); the window covers e^-38 of its mass.
    """
    out = np.zeros_like(a)
    ok = (a > 0) & (x > 0) & (log_w > -700.0)  # P(wait) < e^-700: no wait worth integrating
    if not ok.any():
        return out
    a, x, log_w, log_j = a[ok], x[ok], log_w[ok], log_j[ok]
    a1 = a + 1
    s_star = np.maximum(0.0, np.log(x / a1))
    lo = np.maximum(0.0, s_star - np.sqrt(90.0 / a1))
    hi = s_star + np.where(a1 >= 100, np.sqrt(120.0 / a1), 1.0 + 45.0 / a1)
    log_base = log_w + np.log(a) + np.log(a1) - np.log(x) - log_j - _log_pois(a, x)
    total = np.zeros_like(a)
    for left, right in ((lo, s_star), (s_star, hi)):
        half = 0.5 * (right - left)
        mid = 0.5 * (right + left)
        for node, weight in zip(_GL_X, _GL_W, strict=True):
            s = mid + half * node
            total += weight * half * s * np.exp(log_base + _log_pois(a1, x * np.exp(-s)))
    out[ok] = total
    return out


# --------------------------------------------------------------------------------------------
# public API
# --------------------------------------------------------------------------------------------
def erlang_b(agents: ArrayLike, traffic: ArrayLike) -> Any:
    """Erlang B blocking probability: the share of contacts lost when all agents are busy.

    Parameters
    ----------
    agents : float or array_like
        Number of servers (agents, trunks), >= 0; fractional values use the continuous extension.
    traffic : float or array_like
        Offered traffic in Erlangs, >= 0 (calls x aht / interval).

    Returns
    -------
    float or ndarray
        Blocking probability in [0, 1], broadcast over the inputs.

    Notes
    -----
    ``B(N, A) = (A^N / N!) / sum_{k=0}^{N} A^k / k! = p(N; A) / Q(N+1, A)``, with ``p`` the Poisson
    probability (Loader's saddle-point form) and ``Q`` the regularized upper incomplete gamma
    function. Where ``Q`` would underflow (``N`` far below ``A``) the series
    ``1/B = sum_j N (N-1) ... (N-j+1) / A^j`` is used, so the result never becomes NaN.

    References
    ----------
    A. K. Erlang, 1917; C. Loader, "Fast and accurate computation of binomial probabilities", 2000.

    Examples
    --------
    A trunk group of 10 lines offered 5 Erlangs blocks about 1.8% of calls:

    >>> round(erlang_b(10, 5.0), 6)
    0.018385
    """
    if _is_scalar(agents, traffic):
        n, a = float(agents), float(traffic)  # type: ignore[arg-type]  # scalars (checked above)
        _nonneg("agents", n)
        _nonneg("traffic", a, " Erlangs")
        if n == 0 or a == 0:
            return 1.0 if n == 0 else 0.0
        if n > 0.5 * a or a < 40:
            q = float(gammaincc(n + 1, a))
            if q >= _TINY_Q:
                return min(1.0, math.exp(_log_pois_s(n, a)) / q)
    n_arr = _as_float("agents", agents)
    a_arr = _as_float("traffic", traffic)
    _nonneg("agents", n_arr)
    _nonneg("traffic", a_arr, " Erlangs")
    shape, (n_f, a_f) = _flat(n_arr, a_arr)
    out = (n_f == 0).astype(float)
    pos = a_f > 0
    if pos.any():
        out[pos] = np.minimum(1.0, np.exp(_log_erlang_b(n_f[pos], a_f[pos])))
    return _out(out, shape)


def erlang_c(agents: ArrayLike, traffic: ArrayLike) -> Any:
    """Erlang C probability that a contact has to wait (M/M/N queue, nobody abandons).

    Parameters
    ----------
    agents : float or array_like
        Number of agents, >= 0; fractional values use the continuous extension.
    traffic : float or array_like
        Offered traffic in Erlangs, >= 0.

    Returns
    -------
    float or ndarray
        P(wait) in [0, 1]; 1.0 wherever ``agents <= traffic`` (the queue is unstable), 0.0 for
        zero traffic with agents > 0.

    Notes
    -----
    ``C = N B / (N - A (1 - B))`` with ``B`` the Erlang B blocking probability; evaluated as
    ``N p / ((N - A) Q + A p)``, ``p = A^N e^-A / N!`` (Loader's form), ``Q = gammaincc(N+1, A)``.

    References
    ----------
    A. K. Erlang, 1917; G. Koole, "Call Center Optimization", 2013, ch. 5.

    Examples
    --------
    The textbook case (100 calls in 30 minutes, AHT 180 s: 10 Erlangs) with 14 agents: about a
    sixth of callers wait at all.

    >>> round(erlang_c(14, 10.0), 4)
    0.1741
    >>> erlang_c([9, 10, 11], 10.0)  # unstable points wait with certainty
    array([1.       , 1.       , 0.6821182])
    """
    if _is_scalar(agents, traffic):
        n, a = float(agents), float(traffic)  # type: ignore[arg-type]  # scalars (checked above)
        _nonneg("agents", n)
        _nonneg("traffic", a, " Erlangs")
        if n <= a:
            return 1.0
        if a == 0:
            return 0.0
        return _erlang_c_scalar(n, a)
    n_arr = _as_float("agents", agents)
    a_arr = _as_float("traffic", traffic)
    _nonneg("agents", n_arr)
    _nonneg("traffic", a_arr, " Erlangs")
    shape, (n_f, a_f) = _flat(n_arr, a_arr)
    return _out(_erlang_c_array(n_f, a_f), shape)


def _traffic_inputs(
    agents: ArrayLike | None, calls: ArrayLike, aht: ArrayLike, interval: ArrayLike
) -> list[np.ndarray]:
    arrays = []
    if agents is not None:
        n = _as_float("agents", agents)
        _nonneg("agents", n)
        arrays.append(n)
    c = _as_float("calls", calls)
    _nonneg("calls", c, " contacts per interval")
    h = _as_float("aht", aht)
    _aht(h)
    i = _as_float("interval", interval)
    _positive("interval", i, " seconds")
    _max_traffic(c, h, i)
    return [*arrays, c, h, i]


def _max_traffic(c: np.ndarray, h: np.ndarray, i: np.ndarray) -> np.ndarray:
    """Offered traffic calls x aht / interval, checked against ``MAX_TRAFFIC``."""
    with np.errstate(over="ignore"):
        a = c * h / i
    big = ~(a <= MAX_TRAFFIC)
    if np.any(big):
        a_, c_, h_, i_ = np.broadcast_arrays(a, c, h, i)
        k = np.unravel_index(int(np.argmax(big)), np.shape(big)) if np.ndim(big) else ()
        raise InputError(f"calls: offered traffic calls x aht / interval must be at most "
                         f"{MAX_TRAFFIC:g} Erlangs (the largest load the engine staffs), got "
                         f"{a_[k]:g} Erlangs from calls={_fmt(c_[k])}, aht={_fmt(h_[k])} s, "
                         f"interval={_fmt(i_[k])} s")
    return cast("np.ndarray", a)


def _sl_c_scalar(n: float, calls: float, aht: float, target_time: float, interval: float) -> float:
    a = calls * aht / interval
    if a == 0:
        return 1.0
    if n <= a:
        return 0.0
    c = _erlang_c_scalar(n, a)
    return 1.0 - c * math.exp(-(n - a) * target_time / aht)


def _scalar_sl_ok(agents: Any, calls: Any, aht: Any, target_time: Any, interval: Any) -> bool:
    return cast("bool", (
        0 <= agents < math.inf
        and 0 <= calls < math.inf
        and 0 < aht < math.inf
        and 0 <= target_time < math.inf
        and 0 < interval < math.inf
    ))


def _sl_erlang_c(n: np.ndarray, a: np.ndarray, t_over_aht: np.ndarray) -> np.ndarray:
    """Erlang C service level, in cache-sized chunks (1 with no traffic, 0 when unstable)."""
    out = np.zeros_like(n)
    for start in range(0, n.size, _CHUNK):
        part = slice(start, start + _CHUNK)
        nn, aa, rr = n[part], a[part], t_over_aht[part]
        ok = (nn > aa) & (aa > 0)
        if ok.all():
            out[part] = 1.0 - _erlang_c_stable(nn, aa) * np.exp(-(nn - aa) * rr)
            continue
        view = out[part]
        view[aa == 0] = 1.0
        if ok.any():
            ns, as_ = nn[ok], aa[ok]
            view[ok] = 1.0 - _erlang_c_stable(ns, as_) * np.exp(-(ns - as_) * rr[ok])
    return out


def _service_level_flat(
    n: np.ndarray,
    a: np.ndarray,
    aht: np.ndarray,
    t: np.ndarray,
    pat: np.ndarray,
    definition: str,
) -> np.ndarray:
    finite = np.isfinite(pat)
    if not finite.any():
        return _sl_erlang_c(n, a, t / aht)
    out = np.ones_like(n)
    erl_c = ~finite
    if erl_c.any():
        out[erl_c] = _sl_erlang_c(n[erl_c], a[erl_c], t[erl_c] / aht[erl_c])
    erl_a = (a > 0) & finite
    if erl_a.any():
        pa = pat[erl_a]
        res = _erlang_a(n[erl_a], a[erl_a], aht[erl_a] / pa, t[erl_a] / pa)
        if definition == "virtual":
            sl = 1.0 - res["virtual_beyond"]
        else:
            answered = 1.0 - res["p_abandon"]
            sl = answered - res["answered_after"]
            if definition == "answered":
                with np.errstate(invalid="ignore", divide="ignore"):
                    sl = np.where(answered > 0, sl / answered, 0.0)
        out[erl_a] = np.clip(sl, 0.0, 1.0)
    return out


def service_level(
    agents: ArrayLike,
    calls: ArrayLike,
    aht: ArrayLike,
    target_time: ArrayLike,
    interval: ArrayLike = 3600,
    *,
    patience: ArrayLike | None = None,
    definition: str = "offered",
) -> Any:
    """Service level: the share of contacts answered within ``target_time`` seconds.

    Parameters
    ----------
    agents : float or array_like
        Agents on the phones, >= 0 (fractional allowed).
    calls : float or array_like
        Offered contacts per ``interval``, >= 0.
    aht : float or array_like
        Average handle time in seconds, > 0.
    target_time : float or array_like
        Answer-time target in seconds (the "20" in 80/20), >= 0.
    interval : float or array_like, default 3600
        Length of the interval in seconds, > 0.
    patience : float or array_like, optional
        Mean time to abandon in seconds (exponential), > 0. ``None``/``inf``: nobody abandons
        (Erlang C); finite: Erlang A.
    definition : {"offered", "answered", "virtual"}, default "offered"
        With abandonment: answered within ``target_time`` as a share of OFFERED contacts
        (abandoned ones count as missed), of ANSWERED contacts, or ``P(virtual wait <= t)``, the
        wait an infinitely patient caller would have. Without abandonment all three coincide.

    Returns
    -------
    float or ndarray
        Service level in [0, 1]; 0 at unstable Erlang C points (agents <= traffic), 1 with no calls.

    Notes
    -----
    Erlang C: ``SL = 1 - C(N, A) exp(-(N - A) t / aht)``.

    Erlang A with ``a = N aht/patience``, ``x = A aht/patience``, ``u = exp(-t/patience)`` and
    ``K(a, y) = P(a, y) / d(a, y)`` (``P`` the regularized lower incomplete gamma function,
    ``d(a, y) = y^a e^-y / Gamma(a+1)``): ``P(wait) = J / (E + J)`` with ``J = K(a, x)``,
    ``E = 1/B(N, A) - 1``; ``P(abandon) = P(wait) (1 - (N/A)(1 - 1/J))``;
    ``P(V > t) = P(wait) K(a, xu) d(a, xu) / (J d(a, x))``; answered after ``t``
    ``= P(wait) (a/(a+1)) K(a+1, xu) d(a+1, xu) / (J d(a+1, x))``... evaluated in log space, so
    ``SL_offered = 1 - P(abandon) - P(answered after t)``.

    References
    ----------
    Garnett, Mandelbaum & Reiman (2002); Mandelbaum & Zeltyn, "The Palm/Erlang-A queue" (2007).

    Examples
    --------
    The textbook case: 100 calls in 30 minutes, AHT 180 s, 14 agents answer 88.8% within 20 s.

    >>> round(service_level(14, 100, 180, 20, interval=1800), 3)
    0.888

    With callers who hang up after 120 s on average (Erlang A), 22 agents on 20 Erlangs:

    >>> round(service_level(22, 400, 180, 20, patience=120), 4)
    0.8288
    >>> round(service_level(22, 400, 180, 20, patience=120, definition="virtual"), 4)
    0.8412
    """
    _definition(definition)
    if patience is None and _is_scalar(agents, calls, aht, target_time, interval):
        if _scalar_sl_ok(agents, calls, aht, target_time, interval):
            return _sl_c_scalar(float(agents), float(calls), float(aht),  # type: ignore[arg-type]
                                float(target_time), float(interval))  # type: ignore[arg-type]
    shape, n, a, h, pat, t = _queue_inputs(agents, calls, aht, interval, patience, target_time)
    return _out(_service_level_flat(n, a, h, t, pat, definition), shape)


def asa(
    agents: ArrayLike,
    calls: ArrayLike,
    aht: ArrayLike,
    interval: ArrayLike = 3600,
    *,
    patience: ArrayLike | None = None,
) -> Any:
    """Average speed of answer: the mean wait of ANSWERED contacts, in seconds.

    Parameters
    ----------
    agents, calls, aht, interval, patience
        As in :func:`service_level`.

    Returns
    -------
    float or ndarray
        Mean wait in seconds; ``inf`` at unstable Erlang C points and when there are no agents,
        0 with no calls.

    Notes
    -----
    Erlang C: ``ASA = C(N, A) aht / (N - A)``. Erlang A: ``ASA = E[V e^{-V/patience}] /
    P(answered)``, where ``V`` is the virtual wait; the numerator is
    ``P(wait) a (a+1)/x * patience * int_0^inf s d(a+1, x e^-s) / (J d(a, x)) ds`` (notation of
    :func:`service_level`), integrated by Gauss-Legendre quadrature around its peak.

    References
    ----------
    Mandelbaum & Zeltyn, "The Palm/Erlang-A queue, with applications to call centers" (2007).

    Examples
    --------
    The textbook case (100 calls / 30 min, AHT 180 s, 14 agents): callers wait 7.8 s on average.

    >>> round(asa(14, 100, 180, interval=1800), 2)
    7.83
    """
    shape, n, a, h, pat, _ = _queue_inputs(agents, calls, aht, interval, patience)
    out = np.zeros_like(n)
    busy = a > 0
    finite = np.isfinite(pat)
    erl_c = busy & ~finite
    if erl_c.any():
        nc, ac, hc = n[erl_c], a[erl_c], h[erl_c]
        w = np.full_like(nc, np.inf)
        stable = nc > ac
        if stable.any():
            w[stable] = _erlang_c_stable(nc[stable], ac[stable]) * hc[stable] / (nc[stable] - ac[stable])
        out[erl_c] = w
    erl_a = busy & finite
    if erl_a.any():
        pa = pat[erl_a]
        res = _erlang_a(n[erl_a], a[erl_a], h[erl_a] / pa, want_asa=True)
        answered = 1.0 - res["p_abandon"]
        with np.errstate(divide="ignore", invalid="ignore"):
            out[erl_a] = np.where(answered > 0, pa * res["wait_answered"] / answered, np.inf)
    return _out(out, shape)


def abandon_rate(
    agents: ArrayLike,
    calls: ArrayLike,
    aht: ArrayLike,
    patience: ArrayLike | None,
    interval: ArrayLike = 3600,
) -> Any:
    """Share of offered contacts that hang up before being answered (Erlang A).

    Parameters
    ----------
    agents, calls, aht, interval
        As in :func:`service_level`.
    patience : float, array_like or None
        Mean time to abandon in seconds (exponential), > 0; ``None``/``inf``: nobody abandons and
        the result is 0 (also at unstable points, where callers wait forever).

    Returns
    -------
    float or ndarray
        P(abandon) in [0, 1].

    Notes
    -----
    ``P(abandon) = theta E[queue] / lambda = P(wait) (1 - (N/A)(1 - 1/J))`` with
    ``J = K(N aht/patience, A aht/patience)`` (see :func:`service_level`).

    References
    ----------
    Garnett, Mandelbaum & Reiman (2002).

    Examples
    --------
    20 Erlangs (400 calls an hour, AHT 180 s), callers patient for 120 s on average: with 22
    agents 5.6% hang up; with 18 agents (fewer than the traffic, which Erlang A allows) 15.5%.

    >>> [round(abandon_rate(n, 400, 180, 120), 4) for n in (22, 18)]
    [0.056, 0.1554]
    """
    shape, n, a, h, pat, _ = _queue_inputs(agents, calls, aht, interval, patience)
    return _out(_abandon_flat(n, a, h, pat), shape)


def occupancy(
    agents: ArrayLike,
    calls: ArrayLike,
    aht: ArrayLike,
    interval: ArrayLike = 3600,
    *,
    patience: ArrayLike | None = None,
) -> Any:
    """Occupancy: the share of the agents' time spent handling contacts.

    Parameters
    ----------
    agents, calls, aht, interval, patience
        As in :func:`service_level`.

    Returns
    -------
    float or ndarray
        Occupancy in [0, 1]: ``A / N`` for Erlang C (1 at unstable points), ``A (1 - P(abandon)) / N``
        for Erlang A (abandoned contacts take no agent time); 0 with no calls.

    Notes
    -----
    Carried traffic divided by agents. With no agents and some calls the limit value 1 is returned.

    References
    ----------
    G. Koole, "Call Center Optimization", 2013.

    Examples
    --------
    The textbook case: 10 Erlangs on 14 agents keeps them busy 71.4% of the time.

    >>> round(occupancy(14, 100, 180, interval=1800), 3)
    0.714
    """
    shape, n, a, h, pat, _ = _queue_inputs(agents, calls, aht, interval, patience)
    return _out(_occupancy_flat(n, a, _abandon_flat(n, a, h, pat)), shape)


def _queue_inputs(agents: ArrayLike, calls: ArrayLike, aht: ArrayLike, interval: ArrayLike,
                  patience: ArrayLike | None, target_time: ArrayLike | None = None
                  ) -> tuple[Any, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Validate a queue's inputs and flatten them to one shape.

    Returns ``(shape, agents, traffic A = calls x aht / interval, aht, patience, target_time)``
    (``target_time`` zeros when not given); errors name the argument, in argument order.
    """
    n, c, h, i = _traffic_inputs(agents, calls, aht, interval)
    if target_time is None:
        t = np.zeros(())
    else:
        t = _as_float("target_time", target_time)
        _nonneg("target_time", t, " seconds")
    pat = _patience(patience)
    shape, (n, c, h, i, t, pat) = _flat(n, c, h, i, t, pat)
    return shape, n, c * h / i, h, pat, t


def _abandon_flat(n: np.ndarray, a: np.ndarray, h: np.ndarray, pat: np.ndarray) -> np.ndarray:
    """Return P(abandon) by Erlang A where there is traffic and a finite patience, else 0."""
    out = np.zeros_like(a)
    erl_a = (a > 0) & np.isfinite(pat)
    if erl_a.any():
        out[erl_a] = _erlang_a(n[erl_a], a[erl_a], h[erl_a] / pat[erl_a])["p_abandon"]
    return out


def _occupancy_flat(n: np.ndarray, a: np.ndarray, p_abandon: np.ndarray) -> np.ndarray:
    """Return carried traffic A (1 - P(abandon)) over agents, capped at 1.

    1 with no agents, 0 with no traffic.
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(n > 0, a * (1.0 - p_abandon) / n, 1.0)
    out = np.minimum(out, 1.0)
    out[a == 0] = 0.0
    return out


def queue_metrics(
    agents: ArrayLike,
    calls: ArrayLike,
    aht: ArrayLike,
    target_time: ArrayLike,
    interval: ArrayLike = 3600,
    *,
    patience: ArrayLike | None = None,
) -> dict[str, Any]:
    """Service level (offered basis), abandon rate and occupancy from one queue evaluation.

    The same values as :func:`service_level` (``definition="offered"``), :func:`abandon_rate` and
    :func:`occupancy`, but the Erlang A quantities are computed once for all three: the business
    case evaluates tens of thousands of intervals at a time.

    Parameters
    ----------
    agents, calls, aht, target_time, interval, patience
        As in :func:`service_level`.

    Returns
    -------
    dict
        ``"service_level"``, ``"abandon_rate"``, ``"occupancy"``: floats for scalar inputs, arrays
        of the broadcast shape otherwise.

    Examples
    --------
    >>> m = queue_metrics(22, 400, 180, 20, patience=120)
    >>> round(m["service_level"], 4), round(m["abandon_rate"], 4), round(m["occupancy"], 4)
    (0.8288, 0.056, 0.8582)
    """
    shape, n, a, h, pat, t = _queue_inputs(agents, calls, aht, interval, patience, target_time)
    sl = np.ones_like(n)
    ab = np.zeros_like(n)
    finite = np.isfinite(pat)
    erl_c = ~finite
    if erl_c.any():
        sl[erl_c] = _sl_erlang_c(n[erl_c], a[erl_c], t[erl_c] / h[erl_c])
    erl_a = (a > 0) & finite
    if erl_a.any():
        pa = pat[erl_a]
        res = _erlang_a(n[erl_a], a[erl_a], h[erl_a] / pa, t[erl_a] / pa, want_virtual=False)
        ab[erl_a] = res["p_abandon"]
        sl[erl_a] = np.clip(1.0 - res["p_abandon"] - res["answered_after"], 0.0, 1.0)
    return {"service_level": _out(sl, shape), "abandon_rate": _out(ab, shape),
            "occupancy": _out(_occupancy_flat(n, a, ab), shape)}


def fte_required(agents: ArrayLike, shrinkage: ArrayLike) -> Any:
    """Full-time equivalents to schedule so that ``agents`` are on the phones after shrinkage.

    Parameters
    ----------
    agents : float or array_like
        Agents needed on the phones, >= 0.
    shrinkage : float or array_like
        Share of paid time not available for contacts (breaks, training, absence), in [0, 1).

    Returns
    -------
    float or ndarray
        ``agents / (1 - shrinkage)`` (not rounded).

    Notes
    -----
    Shrinkage is applied by division. Multiplying by ``1 + shrinkage`` is a known error: it
    understaffs (14 x 1.3 = 18.2 instead of 20).

    Examples
    --------
    >>> fte_required(14, 0.3)
    20.0
    """
    n = _as_float("agents", agents)
    _nonneg("agents", n)
    s = _as_float("shrinkage", shrinkage)
    _check("shrinkage", s, (s >= 0) & (s < 1), "a share >= 0 and < 1 (decimal, e.g. 0.3 for 30%)")
    shape, (n, s) = _flat(n, s)
    return _out(n / (1.0 - s), shape)


# --------------------------------------------------------------------------------------------
# agents required
# --------------------------------------------------------------------------------------------
def _halfin_whitt_start(a: np.ndarray, t_over_aht: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Square-root staffing N = A + beta sqrt(A), beta solving the Halfin-Whitt SL relation.

    1 - SL = exp(-beta sqrt(A) t/aht) / (1 + beta Phi(beta)/phi(beta)), solved by Newton's method.
    """
    level = -np.log1p(-np.minimum(target, 1 - 1e-15))
    slope = np.sqrt(a) * t_over_aht
    beta = np.ones_like(a)
    for _ in range(8):
        ratio = ndtr(beta) * _SQRT_2PI * np.exp(0.5 * beta * beta)  # Phi/phi
        g = 1.0 + beta * ratio
        f = np.log(g) + beta * slope - level
        fprime = (ratio + beta * (1.0 + beta * ratio)) / g + slope
        beta = np.clip(beta - f / fprime, 0.0, 30.0)
    return cast("np.ndarray", np.ceil(a + beta * np.sqrt(a)))


def _queue_point_metrics(n: np.ndarray, a: np.ndarray, h: np.ndarray, t: np.ndarray,
                         pat: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Service level (offered basis), abandon rate and occupancy at ``n`` agents, traffic a > 0.

    Element-wise the same formulas as :func:`queue_metrics` (Erlang C where ``pat`` is inf,
    Erlang A elsewhere): the search's feasibility test and the reported metrics are one
    evaluation. Large inputs run in cache-sized chunks.
    """
    if n.size > _CHUNK:
        parts = [_queue_point_metrics(n[i:i + _CHUNK], a[i:i + _CHUNK], h[i:i + _CHUNK],
                                      t[i:i + _CHUNK], pat[i:i + _CHUNK])
                 for i in range(0, n.size, _CHUNK)]
        return tuple(np.concatenate(x) for x in zip(*parts, strict=True))  # type: ignore[return-value]
    sl = np.empty_like(n)
    ab = np.zeros_like(n)
    fin = np.isfinite(pat)
    if not fin.all():
        cc = ~fin
        nc, ac = n[cc], a[cc]
        stable = nc > ac
        cw = np.ones_like(nc)
        if stable.any():
            cw[stable] = _erlang_c_stable(nc[stable], ac[stable])
        with np.errstate(over="ignore", invalid="ignore"):
            sl[cc] = np.where(stable, 1.0 - cw * np.exp(-(nc - ac) * (t[cc] / h[cc])), 0.0)
    if fin.any():
        na, aa, pa = n[fin], a[fin], pat[fin]
        res = _erlang_a(na, aa, h[fin] / pa, t[fin] / pa, want_virtual=False)
        ab[fin] = res["p_abandon"]
        sl[fin] = np.clip(1.0 - res["p_abandon"] - res["answered_after"], 0.0, 1.0)
    return sl, ab, _occupancy_flat(n, a, ab)


class _Problems:
    """Flat staffing problems (traffic a > 0) and their feasibility test at a number of agents."""

    def __init__(self, a: np.ndarray, h: np.ndarray, sl: np.ndarray, t: np.ndarray,
                 occ: np.ndarray, pat: np.ndarray, mab: np.ndarray) -> None:
        self.a, self.h, self.sl, self.t, self.occ, self.pat, self.mab = a, h, sl, t, occ, pat, mab
        self.metrics = np.full((3, a.size), np.nan)  # SL, abandon, occupancy at the answer
        self.evaluations = 0

    def feasible(self, idx: np.ndarray, n: np.ndarray) -> np.ndarray:
        """Targets met at ``n`` agents for problems ``idx``; records the metrics where they are."""
        self.evaluations += idx.size
        a = self.a[idx]
        slv, ab, occv = _queue_point_metrics(n, a, self.h[idx], self.t[idx], self.pat[idx])
        ok = (slv >= self.sl[idx]) & (occv <= self.occ[idx]) & (ab <= self.mab[idx])
        ok &= (n > a) | np.isfinite(self.pat[idx])  # Erlang C needs a stable queue
        good = idx[ok]
        self.metrics[:, good] = slv[ok], ab[ok], occv[ok]
        return cast("np.ndarray", ok)


def _search(start: np.ndarray, lo: np.ndarray, hi: np.ndarray, problems: _Problems,
            idx: np.ndarray) -> np.ndarray:
    """Vectorised local search: smallest whole N in (lo, hi] feasible for problems ``idx``.

    ``lo`` is known infeasible (-1: none), ``hi`` known feasible (-1: none yet). From ``start``
    step by one agent twice, then gallop with doubling steps and bisect once bracketed: a start
    that is exact or one agent low costs two evaluations. Returns ``hi`` (the answers).
    """
    lo, hi = lo.astype(float), hi.astype(float)
    step = np.full(lo.size, 0.5)
    top = np.where(hi >= 0, hi, np.inf)
    probe = np.minimum(np.maximum(start, lo + 1), top)
    pos = np.arange(lo.size)
    need = (hi < 0) | (hi - lo > 1)
    pos, probe = pos[need], probe[need]
    for _ in range(_MAX_PROBES):
        if pos.size == 0:
            return hi
        if probe.max() > _MAX_AGENTS:
            k = int(np.argmax(probe))
            raise InputError(f"target_sl: no number of agents up to {_MAX_AGENTS:.3g} meets the "
                             f"targets for traffic {problems.a[idx[pos[k]]]:g} Erlangs "
                             f"(target_sl {problems.sl[idx[pos[k]]]:g}, max_abandon "
                             f"{problems.mab[idx[pos[k]]]:g})")
        ok = problems.feasible(idx[pos], probe)
        hi[pos[ok]] = probe[ok]
        lo[pos[~ok]] = probe[~ok]
        keep = (hi[pos] < 0) | (hi[pos] - lo[pos] > 1)
        pos = pos[keep]
        if pos.size == 0:
            return hi
        l_i, h_i, s_i = lo[pos], hi[pos], np.maximum(step[pos], 1.0)
        down = h_i - s_i
        mid = np.floor(0.5 * (l_i + h_i))
        probe = np.where(h_i < 0, l_i + s_i, np.where(down > l_i, down, mid))
        step[pos] *= 2.0
    raise InputError(f"target_sl: the agents search did not converge in {_MAX_PROBES} steps "
                     f"(traffic {problems.a[idx[pos[0]]]:g} Erlangs)")  # pragma: no cover


def _start(a: np.ndarray, h: np.ndarray, sl: np.ndarray, t: np.ndarray, occ: np.ndarray,
           pat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """First guess and known-infeasible floor of every problem.

    Square-root (Halfin-Whitt) staffing for Erlang C; with abandonment one agent fewer (Erlang A
    needs fewer agents than Erlang C for the same targets, and a start one agent low costs no
    more than an exact one). Raised to the occupancy floor; Erlang C needs N > A.
    """
    finite = np.isfinite(pat)
    start = _halfin_whitt_start(a, t / h, sl) - finite
    start = np.maximum(start, np.ceil(a / occ))
    lower = np.where(finite, -1.0, np.floor(a))
    return np.maximum(start, lower + 1), lower


def _solve(a: np.ndarray, h: np.ndarray, sl: np.ndarray, t: np.ndarray, occ: np.ndarray,
           pat: np.ndarray, mab: np.ndarray, group: np.ndarray | None = None
           ) -> tuple[np.ndarray, _Problems]:
    """Agents required for flat problems with traffic a > 0, and the metrics at the answer.

    Exact, and cheap on large inputs: the answer is non-decreasing in the traffic when every other
    input is the same (service level, occupancy and abandonment all worsen with load), so the
    problems are sorted by (``group``, traffic), every ``_STRIDE``-th one of each group is solved
    by the local search, and the others are searched only between the answers of their two
    sampled neighbours - most need one evaluation, the one that gives their metrics. ``group``
    labels problems whose other inputs are equal (computed here when not given).
    """
    problems = _Problems(a, h, sl, t, occ, pat, mab)
    m = a.size
    if m < 4 * _STRIDE:
        start, lower = _start(a, h, sl, t, occ, pat)
        n = _search(start, lower, np.full(m, -1.0), problems, np.arange(m))
    else:
        if group is None:
            order = np.lexsort((a, mab, pat, occ, t, sl, h))
            keys = [k[order] for k in (h, sl, t, occ, pat, mab)]
            first = np.zeros(m, dtype=bool)
            for k in keys:
                first[1:] |= k[1:] != k[:-1]
        else:
            step_g = np.diff(group)
            if ((step_g > 0) | ((step_g == 0) & (np.diff(a) >= 0))).all():
                order = np.arange(m)  # already sorted by group, then load
            else:
                order = np.lexsort((a, group))
            g = group[order]
            first = np.zeros(m, dtype=bool)
            first[1:] = g[1:] != g[:-1]
        first[0] = True
        last = np.empty(m, dtype=bool)
        last[:-1] = first[1:]
        last[-1] = True
        pos = np.arange(m)
        origin = np.maximum.accumulate(np.where(first, pos, 0))
        sample = first | last | ((pos - origin) % _STRIDE == 0)
        n_sorted = np.full(m, -1.0)
        s_idx = order[sample]
        start, lower = _start(a[s_idx], h[s_idx], sl[s_idx], t[s_idx], occ[s_idx], pat[s_idx])
        n_sorted[sample] = _search(start, lower, np.full(s_idx.size, -1.0), problems, s_idx)
        rest = ~sample
        if rest.any():
            left = np.maximum.accumulate(np.where(sample, pos, 0))[rest]
            right = np.minimum.accumulate(np.where(sample, pos, m)[::-1])[::-1][rest]
            r_idx = order[rest]
            lo = n_sorted[left] - 1.0  # infeasible at a lighter load, so here too
            erlang_c = ~np.isfinite(pat[r_idx])
            lo[erlang_c] = np.maximum(lo[erlang_c], np.floor(a[r_idx][erlang_c]))
            hi = n_sorted[right]  # feasible at a heavier load, so here too
            n_sorted[rest] = _search(lo + 1, lo, hi, problems, r_idx)
        n = np.empty(m)
        n[order] = n_sorted
    missing = np.isnan(problems.metrics[0])
    if missing.any():  # answers known from their neighbours, never evaluated themselves
        i = np.flatnonzero(missing)
        problems.metrics[:, i] = _queue_point_metrics(n[i], a[i], h[i], t[i], pat[i])
        problems.evaluations += i.size
    return n, problems


def agents_required(
    calls: ArrayLike,
    aht: ArrayLike,
    target_sl: ArrayLike,
    target_time: ArrayLike,
    interval: ArrayLike = 3600,
    *,
    max_occupancy: ArrayLike = 1.0,
    patience: ArrayLike | None = None,
    max_abandon: ArrayLike | None = None,
) -> Any:
    """Smallest whole number of agents meeting every target: service level, occupancy cap, abandon cap.

    Parameters
    ----------
    calls : float or array_like
        Offered contacts per ``interval``, >= 0.
    aht : float or array_like
        Average handle time in seconds, > 0.
    target_sl : float or array_like
        Service-level target as a decimal (0.8 for "80% in 20 s"), offered basis.
    target_time : float or array_like
        Answer-time target in seconds (the "20" in 80/20), >= 0.
    interval : float or array_like, default 3600
        Interval length in seconds.
    max_occupancy : float or array_like, default 1.0
        Occupancy cap in (0, 1]; 1.0 means no cap.
    patience : float, array_like or None
        Mean time to abandon in seconds; ``None``/``inf``: Erlang C, else Erlang A.
    max_abandon : float, array_like or None
        Cap on :func:`abandon_rate` as a decimal; ``None``: no cap.

    Returns
    -------
    int or ndarray of int64
        The smallest ``N`` with ``service_level(N) >= target_sl``, ``occupancy(N) <= max_occupancy``
        and ``abandon_rate(N) <= max_abandon``; 0 with no calls. Without abandonment the queue must
        also be stable, so ``N >= floor(A) + 1``.

    Notes
    -----
    The search starts from square-root (Halfin-Whitt) staffing ``N0 = ceil(A + beta sqrt(A))``, with
    ``beta`` solving ``1 - SL = exp(-beta sqrt(A) t/aht) / (1 + beta Phi(beta)/phi(beta))`` (one
    agent fewer with abandonment), raised to the occupancy and stability floors, then a vectorised
    local search (step one agent twice, gallop, bisect) finds the exact answer: two evaluations per
    problem when the start is exact or one low. Service level, occupancy and abandonment are
    monotone in ``N``, so the answer is unique. They also worsen with the load, so the answer is
    non-decreasing in ``calls`` when the other inputs are equal: in large inputs every 16th problem
    by load is searched as above and the others only between the answers of their two sampled
    neighbours (most need no search at all) - the same answers, about 1.15 evaluations a problem.

    Raises
    ------
    InputError
        For inputs outside their ranges, for traffic above ``MAX_TRAFFIC`` (1e8 Erlangs: the
        answer would not stay an exact whole number), and where Erlang A is beyond the engine's
        bounded series (agents x patience / aht above ~1e13).

    References
    ----------
    Halfin & Whitt (1981); Garnett, Mandelbaum & Reiman (2002).

    Examples
    --------
    The textbook case: 100 calls in 30 minutes, AHT 180 s, 80% answered within 20 s needs 14
    agents; with 30% shrinkage that is 20 FTE.

    >>> n = agents_required(100, 180, 0.8, 20, interval=1800)
    >>> n, fte_required(n, 0.3)
    (14, 20.0)

    Callers who hang up after 2 minutes on average (Erlang A) need fewer agents for 80/20:

    >>> agents_required(400, 180, 0.8, 20, patience=120), agents_required(400, 180, 0.8, 20)
    (22, 24)
    """
    shape, (a, h, sl, t, occ, pat, mab) = _required_inputs(
        calls, aht, target_sl, target_time, interval, max_occupancy, patience, max_abandon)
    result = np.zeros(a.shape, dtype=np.int64)
    busy = a > 0
    if busy.any():
        result[busy] = _agents_flat(a[busy], h[busy], sl[busy], t[busy], occ[busy], pat[busy],
                                    mab[busy])[0]
    out = result.reshape(shape)
    return int(out) if shape == () else out


def _required_inputs(calls: ArrayLike, aht: ArrayLike, target_sl: ArrayLike,
                     target_time: ArrayLike, interval: ArrayLike, max_occupancy: ArrayLike,
                     patience: ArrayLike | None, max_abandon: ArrayLike | None
                     ) -> tuple[tuple[int, ...], list[np.ndarray]]:
    """Check, broadcast and flatten the agents search's inputs; traffic a = calls aht / interval."""
    c = _as_float("calls", calls)
    _nonneg("calls", c, " contacts per interval")
    h = _as_float("aht", aht)
    _aht(h)
    sl = _as_float("target_sl", target_sl)
    _share("target_sl", sl)
    t = _as_float("target_time", target_time)
    _nonneg("target_time", t, " seconds")
    i = _as_float("interval", interval)
    _positive("interval", i, " seconds")
    occ = _as_float("max_occupancy", max_occupancy)
    _check("max_occupancy", occ, (occ > 0) & (occ <= 1), "a share > 0 and <= 1 (decimal, 1.0 = no cap)")
    pat = _patience(patience)
    if max_abandon is None:
        mab = np.asarray(1.0)
    else:
        mab = _as_float("max_abandon", max_abandon)
        _share("max_abandon", mab)
    shape, (c, h, sl, t, i, occ, pat, mab) = _flat(c, h, sl, t, i, occ, pat, mab)
    return shape, [_max_traffic(c, h, i), h, sl, t, occ, pat, mab]


def required_staffing(
    calls: ArrayLike,
    aht: ArrayLike,
    target_sl: ArrayLike,
    target_time: ArrayLike,
    interval: ArrayLike = 3600,
    *,
    max_occupancy: ArrayLike = 1.0,
    patience: ArrayLike | None = None,
    max_abandon: ArrayLike | None = None,
    concurrency: ArrayLike = 1.0,
    group: ArrayLike | None = None,
) -> dict[str, Any]:
    """Agents required and the queue they give, from one search: agents, SL, abandonment, occupancy.

    The same numbers as :func:`agents_required` (or :func:`chat_agents_required` with
    ``concurrency``) followed by :func:`queue_metrics` at the agents' servers (``agents x
    concurrency`` slots), but the metrics are the search's own last evaluation, so the business
    case evaluates each interval about once instead of four to five times.

    Parameters
    ----------
    calls, aht, target_sl, target_time, interval, max_occupancy, patience, max_abandon
        As in :func:`agents_required`.
    concurrency : float or array_like, default 1.0
        Contacts an agent works at once (chat), >= 1; 1 for voice.
    group : array_like of int, optional
        Labels problems whose inputs other than ``calls`` are equal (a speed hint the business
        case passes; computed when not given). Wrong labels give wrong answers.

    Returns
    -------
    dict
        ``"agents"`` (int64), ``"service_level"``, ``"abandon_rate"``, ``"occupancy"``: arrays of
        the broadcast shape (Python numbers for scalar input).

    Examples
    --------
    >>> r = required_staffing(400, 180, 0.8, 20, patience=120)
    >>> r["agents"], round(r["service_level"], 4), round(r["abandon_rate"], 4)
    (22, 0.8288, 0.056)
    """
    k = _as_float("concurrency", concurrency)
    _check("concurrency", k, (k >= 1) & (k < np.inf), "a finite number >= 1 (contacts at once per agent)")
    shape, (a, h, sl, t, occ, pat, mab) = _required_inputs(
        calls, aht, target_sl, target_time, interval, max_occupancy, patience, max_abandon)
    k = np.broadcast_to(k, shape).ravel()
    agents = np.zeros(a.shape, dtype=np.int64)
    slv, abv, occv = np.ones(a.shape), np.zeros(a.shape), np.zeros(a.shape)
    busy = np.flatnonzero(a > 0)
    if busy.size:
        g = None if group is None else np.broadcast_to(np.asarray(group), shape).ravel()[busy]
        ab_, hb, tb, pb = a[busy], h[busy], t[busy], pat[busy]
        slots, problems = _solve(ab_, hb, sl[busy], tb, occ[busy], pb, mab[busy], g)
        kb = k[busy]
        n_agents = np.ceil(slots / kb)
        servers = n_agents * kb
        metrics = problems.metrics
        other = np.flatnonzero(servers != slots)  # chat: whole agents give more slots
        if other.size:
            metrics[:, other] = _queue_point_metrics(servers[other], ab_[other], hb[other],
                                                     tb[other], pb[other])
        agents[busy] = n_agents
        slv[busy], abv[busy], occv[busy] = metrics
    out = {"agents": agents, "service_level": slv, "abandon_rate": abv, "occupancy": occv}
    if shape == ():
        return {key: v.reshape(()).item() for key, v in out.items()}
    return {key: v.reshape(shape) for key, v in out.items()}


def _agents_flat(
    a: np.ndarray,
    h: np.ndarray,
    sl: np.ndarray,
    t: np.ndarray,
    occ: np.ndarray,
    pat: np.ndarray,
    mab: np.ndarray,
) -> tuple[np.ndarray, int]:
    """Agents required for traffic a > 0; returns (agents, number of model evaluations)."""
    n, problems = _solve(a, h, sl, t, occ, pat, mab)
    return n.astype(np.int64), problems.evaluations


def chat_agents_required(
    chats: ArrayLike,
    aht: ArrayLike,
    target_sl: ArrayLike,
    target_time: ArrayLike,
    interval: ArrayLike = 3600,
    *,
    concurrency: ArrayLike = 2.0,
    max_occupancy: ArrayLike = 1.0,
    patience: ArrayLike | None = None,
    max_abandon: ArrayLike | None = None,
) -> Any:
    """Agents for a chat queue in which each agent handles ``concurrency`` chats at once.

    Parameters
    ----------
    chats : float or array_like
        Offered chats per ``interval``, >= 0.
    aht : float or array_like
        Mean chat duration in seconds as experienced at that concurrency (a chat lasts longer when
        the agent is juggling several), > 0.
    target_sl, target_time, interval, max_occupancy, patience, max_abandon
        As in :func:`agents_required`, applied to chat slots.
    concurrency : float or array_like, default 2.0
        Chats an agent works at the same time, >= 1.

    Returns
    -------
    int or ndarray of int64
        ``ceil(slots / concurrency)`` where ``slots = agents_required(chats, aht, ...)``.

    Notes
    -----
    Model: every agent provides ``concurrency`` independent "slots", each an Erlang C (or Erlang
    A) server with service time ``aht``. Limits: real routing sends a chat to a particular agent,
    so slots are not fully pooled; the duration grows with concurrency (measure ``aht`` at the
    concurrency you plan for); and rounding slots to whole agents only happens at the end.

    Examples
    --------
    200 chats an hour lasting 6 minutes, 80% answered in 60 s, two at a time:

    >>> chat_agents_required(200, 360, 0.8, 60, concurrency=2)
    12
    """
    k = _as_float("concurrency", concurrency)
    _check("concurrency", k, (k >= 1) & (k < np.inf), "a finite number >= 1 (chats at once per agent)")
    slots = agents_required(
        chats,
        aht,
        target_sl,
        target_time,
        interval,
        max_occupancy=max_occupancy,
        patience=patience,
        max_abandon=max_abandon,
    )
    out = np.ceil(np.asarray(slots) / k).astype(np.int64)
    return int(out) if out.shape == () else out


def deferred_agents_required(
    items: ArrayLike,
    aht: ArrayLike,
    interval: ArrayLike = 3600,
    *,
    max_occupancy: ArrayLike = 1.0,
) -> Any:
    """Agents for deferred work (email, back office) answered within a response window.

    Parameters
    ----------
    items : float or array_like
        Items arriving per ``interval`` (the response window), >= 0.
    aht : float or array_like
        Handle time per item in seconds, > 0.
    interval : float or array_like, default 3600
        The response window in seconds, > 0: all items of a window are worked within it.
    max_occupancy : float or array_like, default 1.0
        Share of the agents' time that is productive, in (0, 1].

    Returns
    -------
    float or ndarray
        Fractional agents ``items * aht / (interval * max_occupancy)`` (workload, no queueing).

    Examples
    --------
    1,200 emails a day (8 hours), 6 minutes each, at 85% productive time:

    >>> round(deferred_agents_required(1200, 360, 8 * 3600, max_occupancy=0.85), 2)
    17.65
    """
    c = _as_float("items", items)
    _nonneg("items", c, " items per interval")
    h = _as_float("aht", aht)
    _aht(h)
    i = _as_float("interval", interval)
    _positive("interval", i, " seconds")
    occ = _as_float("max_occupancy", max_occupancy)
    _check("max_occupancy", occ, (occ > 0) & (occ <= 1), "a share > 0 and <= 1 (decimal, 1.0 = no cap)")
    shape, (c, h, i, occ) = _flat(c, h, i, occ)
    return _out(c * h / (i * occ), shape)
