"""Business-case speed: ``evaluate()`` of the default scenario and ``evaluate_batch`` of variants.

Run with one command from the repository root::

    python benchmarks/bench_case.py            # add --quick for a smoke run

What is measured (the default scenario: 60 months, three options, staffing per 30-minute interval):

1. ``evaluate()`` median of >= 10 runs, cold (the engine's interval-staffing memo cleared before
   each run, so staffing is really computed) and warm (staffing memoised, as when a dashboard
   moves a money slider). Target: cold median < 50 ms.
2. 1,000 variants in one ``evaluate_batch`` call, varying money inputs only (agent wage, vendor
   rate, discount rate; uniform on each input's registry range, seeded). Target: < 5 s.
3. 100 variants varying volume (voice and chat contacts), so staffing is recomputed for every
   variant; the time per variant extrapolates to 1,000.
4. The loop that the batch replaces: ``evaluate(s.with_changes(...))`` per variant for the first
   50 money variants, extrapolated to 1,000 - the point of vectorising, as a ratio.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import numpy as np

from roi_models import Scenario, evaluate, evaluate_batch
from roi_models import business_case as bc
from roi_models.pricing import rate_path

SEED = 20240601
EVALUATE_TARGET_S = 0.050
BATCH_TARGET_S = 5.0


def _clear_staffing_memo() -> None:
    memo = getattr(bc, "_STAFFING_CACHE", None)  # the engine's private LRU, if it has one
    if memo is not None:
        memo.clear()


def _time(fn: Callable[[], object], *, before: Callable[[], None] | None = None) -> float:
    if before is not None:
        before()
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _rate_path(s: Scenario) -> str:
    return rate_path(s["outsourced.pricing_model"])


def _uniform(s: Scenario, paths: list[str], n: int, rng: np.random.Generator
             ) -> dict[str, np.ndarray]:
    return {p: rng.uniform(*s.range_of(p), size=n) for p in paths}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer repeats and variants (smoke run)")
    args = ap.parse_args(argv)
    repeats, n_money, n_volume, n_loop = (10, 100, 10, 5) if args.quick else (15, 1000, 100, 50)

    s = Scenario.default()
    rng = np.random.default_rng(SEED)
    evaluate(s)  # warm-up: imports, first-call overheads

    cold = [_time(lambda: evaluate(s), before=_clear_staffing_memo) for _ in range(repeats)]
    warm = [_time(lambda: evaluate(s)) for _ in range(repeats)]

    money_paths = ["inhouse.agent_hourly_wage", _rate_path(s), "finance.discount_rate"]
    money = _uniform(s, money_paths, n_money, rng)
    _clear_staffing_memo()
    t_money = _time(lambda: evaluate_batch(s, money))

    volume = _uniform(s, ["demand.voice_annual_contacts", "demand.chat_annual_contacts"],
                      n_volume, rng)
    _clear_staffing_memo()
    t_volume = _time(lambda: evaluate_batch(s, volume))

    from roi_models.risk import fast_batch

    volume_1k = _uniform(s, ["demand.voice_annual_contacts", "demand.chat_annual_contacts"],
                         n_money, rng)
    _clear_staffing_memo()
    t_fast = _time(lambda: fast_batch(s, volume_1k))

    def loop() -> None:
        for i in range(n_loop):
            evaluate(s.with_changes({p: float(v[i]) for p, v in money.items()}))

    _clear_staffing_memo()
    t_loop = _time(loop)

    rows = [
        ("evaluate(), cold: median", f"{repeats} runs", statistics.median(cold),
         EVALUATE_TARGET_S, None),
        ("evaluate(), cold: min", f"{repeats} runs", min(cold), None, None),
        ("evaluate(), staffing memoised: median", f"{repeats} runs", statistics.median(warm),
         None, None),
        (f"evaluate_batch, money inputs ({len(money_paths)})", f"{n_money:,} variants", t_money,
         BATCH_TARGET_S if n_money == 1000 else None, t_money / n_money),
        ("evaluate_batch, volume (staffing per variant)", f"{n_volume:,} variants", t_volume,
         None, t_volume / n_volume),
        ("  extrapolated to 1,000 volume variants", "1,000 variants",
         t_volume / n_volume * 1000, BATCH_TARGET_S, t_volume / n_volume),
        ("fast_batch, volume (surrogate staffing, cold)", f"{n_money:,} variants", t_fast,
         BATCH_TARGET_S if n_money == 1000 else None, t_fast / n_money),
        ("loop of evaluate(with_changes), money", f"{n_loop} variants", t_loop, None,
         t_loop / n_loop),
        ("  extrapolated to 1,000 variants", "1,000 variants", t_loop / n_loop * 1000, None,
         t_loop / n_loop),
    ]
    print("roi-models business case benchmark (default scenario: 60 months, 3 options, "
          "30-minute intervals)")
    print(f"{'what':<46} {'size':>15} {'time':>10} {'per variant':>12} {'target':>8}  ok")
    for what, size, t, target, per in rows:
        per_s = f"{per * 1e3:9.2f} ms" if per is not None else ""
        tgt = f"{target * 1e3:.0f} ms" if target is not None and target < 1 else (
            f"{target:.0f} s" if target is not None else "")
        ok = ("yes" if t < target else "NO") if target is not None else ""
        t_s = f"{t * 1e3:7.1f} ms" if t < 1 else f"{t:8.2f} s"
        print(f"{what:<46} {size:>15} {t_s:>10} {per_s:>12} {tgt:>8}  {ok}")
    print(f"batch vs loop of evaluate(): {t_loop / n_loop * n_money / t_money:,.0f}x faster "
          f"for {n_money:,} money variants")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
