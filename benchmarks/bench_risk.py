"""Risk benchmark: 100,000 Monte Carlo trials and a full tornado of the default scenario.

Run: ``python benchmarks/bench_risk.py [--trials N]``. Targets (issue 4): 100,000 trials under 5 s on
one core with memory under 2 GB; full tornado over every ranged registry input under 2 s.
Timings are wall-clock on this machine; the staffing cache is cleared before each cold figure.
"""

from __future__ import annotations

import argparse
import resource
import time

from roi_models.business_case import _STAFFING_CACHE, evaluate
from roi_models.risk import monte_carlo, ranged_parameters, tornado
from roi_models.scenario import Scenario


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--trials", type=int, default=100_000)
    args = ap.parse_args()
    s = Scenario.default()
    evaluate(s)  # import and JIT-free warm-up of numpy paths
    rss0 = _rss_mb()

    _STAFFING_CACHE.clear()
    t = time.perf_counter()
    r = monte_carlo(s, trials=args.trials, seed=0)
    mc = time.perf_counter() - t
    rss_mc = _rss_mb()

    _STAFFING_CACHE.clear()
    t = time.perf_counter()
    tor = tornado(s)
    cold = time.perf_counter() - t
    t = time.perf_counter()
    tornado(s)
    warm = time.perf_counter() - t

    print(f"{'benchmark':48s} {'measured':>12s} {'target':>10s}")
    print(f"{f'Monte Carlo, {args.trials:,} trials, 3 options x 60 months':48s} "
          f"{mc:10.2f} s {'5 s':>10s}")
    print(f"{'  per trial':48s} {mc / args.trials * 1e6:9.1f} us")
    print(f"{'  peak memory (max RSS, process)':48s} {rss_mc:9.0f} MB {'2048 MB':>10s}")
    print(f"{'  memory added by the run':48s} {rss_mc - rss0:9.0f} MB")
    n = len(ranged_parameters(s))
    print(f"{f'tornado, {n} inputs x 2, cold staffing cache':48s} {cold:10.2f} s {'2 s':>10s}")
    print(f"{'tornado, warm staffing cache':48s} {warm:10.2f} s")
    print(f"P(outsourcing better) = {r.p_outsourcing_better:.3f}; "
          f"top tornado input: {tor.index[0]}")


if __name__ == "__main__":
    main()
