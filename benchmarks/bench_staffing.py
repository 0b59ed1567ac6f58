"""Staffing engine speed, side by side with pyworkforce, in one run.

    python benchmarks/bench_staffing.py            # ~1 minute; needs the `bench` extra (pyworkforce)

Workloads (seeded; AHT 120-600 s, target time 10-60 s, SL target 70-95%):
  (a) 10,000 agents_required problems, "typical" traffic (0.5-500 Erlangs, log-uniform) and "large"
      (500-20,000 Erlangs); ours also with Erlang A (patience 30-600 s) — pyworkforce has no Erlang A.
  (b) 1,000,000 service_level evaluations in one vectorised call, plus the scalar per-call cost
      (one Excel cell).
  (c) one year of 30-minute intervals (17,520) staffed in one call.
pyworkforce runs call by call (its API is scalar) inside a time box per workload; its rate is
measured on the subset it finished and the full-workload time is extrapolated (and marked so).
"""

from __future__ import annotations

import math
import platform
import sys
import time
import timeit
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from roi_models import staffing

try:
    from pyworkforce.queuing import ErlangC
except ImportError:  # pragma: no cover - the bench extra is optional
    ErlangC = None

TIME_BOX = 8.0  # seconds per pyworkforce workload
SEED = 20261125


def best_of(func: Callable[[], object], repeat: int = 3) -> float:
    best = math.inf
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def problems(m: int, low: float, high: float, rng: np.random.Generator) -> dict[str, np.ndarray]:
    traffic = np.exp(rng.uniform(math.log(low), math.log(high), m))
    aht = rng.uniform(120, 600, m)
    return {
        "calls": traffic * 1800 / aht,  # per 30-minute interval
        "aht": aht,
        "target_time": rng.uniform(10, 60, m),
        "target_sl": rng.uniform(0.70, 0.95, m),
        "patience": rng.uniform(30, 600, m),
        "traffic": traffic,
    }


def pyworkforce_loop(n: int, one: Callable[[int], object]) -> tuple[float, int, list]:
    """Run ``one(k)`` for k = 0.. until done or the time box; return (seconds per item, done, results)."""
    out = []
    start = time.perf_counter()
    for k in range(n):
        out.append(one(k))
        if time.perf_counter() - start > TIME_BOX:
            break
    elapsed = time.perf_counter() - start
    return elapsed / len(out), len(out), out


def row(label: str, items: int, seconds: float, peer_seconds: float | None, note: str = "") -> None:
    rate = items / seconds
    ratio = f"{peer_seconds / seconds:>10,.0f}x" if peer_seconds else f"{'-':>11}"
    print(f"  {label:<46} {seconds * 1e3:>10.1f} ms {rate:>14,.0f}/s {ratio}  {note}")


def main() -> None:
    rng = np.random.default_rng(SEED)
    print(f"roi-models staffing benchmark — Python {platform.python_version()}, numpy {np.__version__},")
    print(f"{platform.machine()} {platform.system()}, one thread; pyworkforce time box {TIME_BOX:g} s")
    if ErlangC is None:
        print("  pyworkforce not installed: peer columns empty (pip install -e '.[bench]')")
    print(f"  {'workload':<46} {'time':>13} {'rate':>16} {'vs pyworkforce':>11}")

    # (a) agents_required ------------------------------------------------------------------------
    print("(a) 10,000 agents_required")
    for mix, low, high in (("typical 0.5-500 Erl", 0.5, 500.0), ("large 500-20,000 Erl", 500.0, 20_000.0)):
        p = problems(10_000, low, high, rng)
        args = (p["calls"], p["aht"], p["target_sl"], p["target_time"], 1800)
        ours = best_of(lambda args=args: staffing.agents_required(*args))
        ours_n = staffing.agents_required(*args)
        peer_total, note = None, ""
        if ErlangC is not None:

            def one(k: int, p: dict = p) -> int:
                model = ErlangC(p["calls"][k], p["aht"][k] / 60, p["target_time"][k] / 60, 30)
                return model.required_positions(p["target_sl"][k])["raw_positions"]

            per, done, theirs = pyworkforce_loop(10_000, one)
            peer_total = per * 10_000
            differ = int(np.sum(np.array(theirs) != ours_n[:done]))
            extra = "" if done == 10_000 else f", extrapolated from {done:,}"
            note = f"pyworkforce {peer_total:,.1f} s{extra}; answers differ in {differ}/{done}"
        row(f"Erlang C, {mix}", 10_000, ours, peer_total, note)
        pat = p["patience"]
        ours_a = best_of(lambda args=args, pat=pat: staffing.agents_required(*args, patience=pat), repeat=1)
        row(f"Erlang A, {mix}", 10_000, ours_a, None, "no Erlang A in pyworkforce")

    # (b) service level ---------------------------------------------------------------------------
    print("(b) service_level")
    m = 1_000_000
    p = problems(m, 0.5, 500.0, rng)
    agents = np.ceil(p["traffic"] + rng.uniform(0, 3, m) * np.sqrt(p["traffic"]))
    args = (agents, p["calls"], p["aht"], p["target_time"], 1800)
    ours = best_of(lambda: staffing.service_level(*args))
    peer_total, note = None, ""
    if ErlangC is not None:

        def one_sl(k: int) -> float:
            model = ErlangC(p["calls"][k], p["aht"][k] / 60, p["target_time"][k] / 60, 30)
            return model.service_level(int(agents[k]))

        per, done, theirs = pyworkforce_loop(m, one_sl)
        peer_total = per * m
        mine = staffing.service_level(*(a[:done] for a in args[:4]), 1800)
        err = float(np.max(np.abs(np.array(theirs) - mine)))
        note = f"pyworkforce {peer_total:,.0f} s, extrapolated from {done:,}; max |diff| {err:.1e}"
    row("1,000,000 Erlang C SL, one vectorised call", m, ours, peer_total, note)
    m_a = 100_000
    sub = [a[:m_a] for a in args[:4]]
    ours_a = best_of(lambda: staffing.service_level(*sub, 1800, patience=p["patience"][:m_a]), repeat=1)
    row("100,000 Erlang A SL (offered), one call", m_a, ours_a, None, "no Erlang A in pyworkforce")
    cell = lambda: staffing.service_level(14, 100, 180, 20, 1800)  # noqa: E731
    scalar = min(timeit.repeat(cell, number=20_000, repeat=5))
    scalar /= 20_000
    peer_scalar = None
    if ErlangC is not None:
        peer_scalar = min(
            timeit.repeat(lambda: ErlangC(100, 3, 1 / 3, 30).service_level(14), number=20_000, repeat=5)
        )
        peer_scalar /= 20_000
    print(
        f"  scalar service_level(14, 100, 180, 20, 1800): {scalar * 1e6:.2f} µs/call"
        + (f"; pyworkforce {peer_scalar * 1e6:.2f} µs/call" if peer_scalar else "")
    )

    # (c) one year of intervals -------------------------------------------------------------------
    print("(c) one year of 30-minute intervals (17,520) in one call")
    k = np.arange(17_520)
    hour = (k % 48) / 2
    day = k // 48
    daily = np.exp(-0.5 * ((hour - 11.5) / 3.5) ** 2) + 0.6 * np.exp(-0.5 * ((hour - 15) / 2.5) ** 2)
    season = 1 + 0.15 * np.sin(2 * np.pi * day / 365)
    weekday = np.where(day % 7 < 5, 1.0, 0.45)
    year_calls = np.round(160 * daily * season * weekday * rng.lognormal(0, 0.08, k.size))
    ours = best_of(lambda: staffing.agents_required(year_calls, 180, 0.8, 20, 1800))
    peer_total, note = None, ""
    if ErlangC is not None:

        def one_year(j: int) -> int:
            if year_calls[j] == 0:
                return 0
            return ErlangC(year_calls[j], 3, 1 / 3, 30).required_positions(0.8)["raw_positions"]

        per, done, _ = pyworkforce_loop(k.size, one_year)
        peer_total = per * k.size
        extra = "" if done == k.size else f", extrapolated from {done:,}"
        note = f"pyworkforce {peer_total:,.2f} s{extra}"
    row("Erlang C, 80/20, AHT 180 s", k.size, ours, peer_total, note)
    ours_a = best_of(lambda: staffing.agents_required(year_calls, 180, 0.8, 20, 1800, patience=120))
    row("Erlang A, patience 120 s", k.size, ours_a, None, "no Erlang A in pyworkforce")


if __name__ == "__main__":
    main()
