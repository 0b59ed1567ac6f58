"""Vendor-bids benchmark: 6 bids x 10,000 Monte Carlo trials on common random numbers.

Run: ``python benchmarks/bench_bids.py [--trials N] [--bids K]``. Target (issue 14): 6 bids x
10,000 trials under 10 s on 2 cores. The bids are the three shipped examples and three variants of
them (another rate, a EUR price with an FX range, a voice-only split). Timings are wall-clock;
the warm-up runs on another preset, so the figure includes building every bid's staffing.
"""

from __future__ import annotations

import argparse
import os
import resource
import time

from roi_models.bids import EXAMPLE_BIDS, Bid, compare, load_bids
from roi_models.business_case import evaluate
from roi_models.scenario import Scenario


def six_bids() -> list[Bid]:
    """The three example bids and three variants: six proposals of different kinds."""
    base = load_bids(EXAMPLE_BIDS)
    on, near, off = base
    variants = [
        Bid({**on.values, "name": "Onshore dedicated, best and final offer", "rate": 35.5}),
        Bid({**near.values, "name": "Nearshore shared (Portugal, EUR)", "currency": "EUR",
             "fx_rate": 1.08, "fx_low": 0.95, "fx_high": 1.22, "rate": 3.5}),
        Bid({**off.values, "name": "Offshore dedicated, voice only", "channels": "voice"}),
    ]
    return [*base, *variants]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--trials", type=int, default=10_000)
    ap.add_argument("--bids", type=int, default=6)
    args = ap.parse_args()
    s = Scenario.default()
    evaluate(Scenario.preset("ru"))  # imports and numpy warm-up, on another scenario: the
    bids = six_bids()[: args.bids]   # default's staffing is not cached (a cold run)
    t0 = time.perf_counter()
    cmp = compare(s, bids)
    t_eval = time.perf_counter() - t0
    r0, c0 = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    t1 = time.perf_counter()
    mc = cmp.monte_carlo(args.trials, seed=0)
    t_mc = time.perf_counter() - t1
    r1, c1 = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    main_cpu = r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime
    worker_cpu = c1.ru_utime - c0.ru_utime + c1.ru_stime - c0.ru_stime
    total = t_eval + t_mc
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
          "(wall time stretches with load; CPU time much less)")
    print(f"{'benchmark':52s} {'measured':>10s} {'target':>8s}")
    print(f"{f'compare(): {len(bids)} bids evaluated exactly':52s} {t_eval:8.2f} s")
    print(f"{f'Monte Carlo: {len(bids)} bids x {args.trials:,} trials (CRN)':52s} {t_mc:8.2f} s")
    print(f"{'  CPU: this process / forked worker':52s} {main_cpu:8.2f} s / {worker_cpu:.2f} s")
    print(f"{'total wall clock':52s} {total:8.2f} s {'10 s':>8s}")
    print("P(best):", ", ".join(f"{k} {v:.1%}" for k, v in mc.p_best.items()))


if __name__ == "__main__":
    main()
